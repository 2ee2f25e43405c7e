//! `c` in the path panel: a copy of the current path as the start of
//! another path, for the same persona or another. A short form asks for
//! whom (starting on the current persona) and the new path's name (the
//! usual new-path name, selected so typing replaces it); Enter makes the
//! copy in one undoable edit and the panel shows it.

use super::apply;
use crate::core::edit::Edit;
use crate::core::edit::persona::{PathRef, copy_path_as, new_path_name};
use crate::core::model::Map;
use crate::tui::app::{App, FormPurpose, Overlay};
use crate::tui::form::{Field, Form};
use crate::tui::text::short;

/// The persona choice's label.
const FOR: &str = "For";
/// The name field's label.
const NAME: &str = "Name";

/// What the persona choice shows for each persona: its name, or its id
/// while it has none.
fn persona_names(map: &Map) -> Vec<String> {
    map.personas
        .iter()
        .map(|p| {
            let name = if p.name.trim().is_empty() {
                &p.id
            } else {
                &p.name
            };
            short(name).into_owned()
        })
        .collect()
}

/// Opens the form for a copy of the current path.
pub(super) fn open(app: &mut App) {
    let map = app.doc.map();
    let (Some(r), Some(path)) = (app.current.path_ref(map), app.current.path(map)) else {
        return app.error("no path to copy: Space on a touchpoint starts one");
    };
    let steps = path.steps.len();
    let name = new_path_name(map, r.persona);
    let form = Form::new(
        "Copy path",
        FormPurpose::CopyPath(r),
        vec![
            Field::choice_among(FOR, persona_names(map), r.persona),
            Field::line(NAME, &name),
        ],
    )
    .with_intro(format!(
        "A new path with the {steps} step{} of “{}”, for whom?",
        if steps == 1 { "" } else { "s" },
        short(&path.name)
    ))
    .selecting(|t| t == name);
    app.push_layer(Overlay::Form(form));
}

/// The persona a copy form is for, to tell whether a key changed it.
pub(super) fn chosen(form: &Form<FormPurpose>) -> Option<usize> {
    matches!(form.purpose, FormPurpose::CopyPath(_)).then(|| form.selected(FOR))
}

/// Keeps the name in step with the persona: while it is the name offered
/// for the persona chosen before, it becomes the one for the new persona.
pub(super) fn follow(app: &App, form: &mut Form<FormPurpose>, before: usize) {
    let now = form.selected(FOR);
    if now == before {
        return;
    }
    let map = app.doc.map();
    if form.text(NAME).trim() == new_path_name(map, before) {
        form.set_text(NAME, &new_path_name(map, now));
    }
}

/// Makes the copy a confirmed form asks for; a blank name keeps the form
/// open with a message.
pub(super) fn submit(app: &mut App, mut form: Form<FormPurpose>, from: PathRef) {
    let name = form.text(NAME).trim().to_string();
    if name.is_empty() {
        form.error = Some("a name is required: type one, or Esc to cancel".into());
        form.focus = form.position(NAME);
        app.push_layer(Overlay::Form(form));
        return;
    }
    let to = form.selected(FOR);
    let map = app.doc.map();
    let Some(edit) = copy_path_as(map, from.persona, from.path, to, &name) else {
        return app.error("the path or the persona is gone: nothing was copied");
    };
    let who = map
        .personas
        .get(to)
        .map_or(String::new(), |p| short(&p.name).into_owned());
    let step = app.current.step;
    if apply(app, Edit::Person(edit)) {
        // The copy has the same steps: the panel stays on the same one.
        app.current.step = step;
        app.current.settle(app.doc.map());
        app.info(format!(
            "path copied for {who} as “{}”; u undoes",
            short(&name)
        ));
    }
}
