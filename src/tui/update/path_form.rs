//! The path forms and questions: a step's emotion and note, a new path,
//! a path's name and outcome, and deleting a path.

use super::apply;
use super::path::no_persona;
use crate::core::edit::Edit;
use crate::core::edit::persona::{PathRef, PersonaEdit};
use crate::core::model::{EMOTION_MIN, Outcome};
use crate::tui::action::Answer;
use crate::tui::app::{App, Confirm, ConfirmPurpose, FormPurpose, Overlay};
use crate::tui::form::{Field, Form};
use crate::tui::text::short;

/// The emotion choice's options: −2..+2, then none. Left and Right stop at
/// the ends, so "none" comes last, where Left from −2 cannot reach it.
const EMOTION_NAMES: [&str; 6] = ["-2", "-1", "0", "+1", "+2", "none"];
/// The index of "none" in [`EMOTION_NAMES`].
const NO_EMOTION: usize = 5;

pub(super) fn edit_step(app: &mut App) {
    let map = app.doc.map();
    let (Some(r), Some(path)) = (app.current.path_ref(map), app.current.path(map)) else {
        return;
    };
    let at = app.current.step;
    let Some(step) = path.steps.get(at) else {
        return;
    };
    let emotion = step
        .emotion
        .map_or(NO_EMOTION, |e| (e - EMOTION_MIN) as usize);
    let name = app
        .doc
        .position(&step.touchpoint)
        .and_then(|p| crate::core::edit::touchpoint(map, p))
        .map_or(step.touchpoint.clone(), |t| short(&t.name).into_owned());
    let form = Form::new(
        format!("Step {}: {name}", at + 1),
        FormPurpose::EditStep(r, at),
        vec![
            Field::choice("Emotion", &EMOTION_NAMES, emotion),
            Field::lines("Note", &step.note),
        ],
    )
    .with_intro("How does the persona feel here? A pain point or an opportunity?");
    app.push_layer(Overlay::Form(form));
}

/// Sets a step's emotion and note from its confirmed form.
pub(super) fn submit_step(app: &mut App, form: &Form<FormPurpose>) {
    let FormPurpose::EditStep(path, at) = form.purpose else {
        return;
    };
    let emotion = match form.selected("Emotion") {
        NO_EMOTION => None,
        n => Some(EMOTION_MIN + n as i8),
    };
    let note = form.text("Note").trim_end().to_string();
    let unchanged = app
        .doc
        .map()
        .personas
        .get(path.persona)
        .and_then(|p| p.paths.get(path.path)?.steps.get(at))
        .is_some_and(|s| s.emotion == emotion && s.note == note);
    if !unchanged {
        apply(
            app,
            Edit::Person(PersonaEdit::SetStep {
                path,
                at,
                emotion,
                note,
            }),
        );
    }
}

pub(super) fn new_path_form(app: &mut App) {
    let Some(persona) = app.current.persona else {
        return no_persona(app);
    };
    // A name is offered, selected: Enter takes it, typing replaces it.
    let name = crate::core::edit::persona::new_path_name(app.doc.map(), persona);
    let form = Form::new(
        "New path",
        FormPurpose::NewPath(persona),
        vec![Field::line("Name", &name)],
    )
    .selecting(|_| true);
    app.push_layer(Overlay::Form(form));
}

pub(super) fn edit_path_form(app: &mut App) {
    let map = app.doc.map();
    let (Some(r), Some(path)) = (app.current.path_ref(map), app.current.path(map)) else {
        return app.error("no path yet: Space on a touchpoint starts one, n makes an empty one");
    };
    let form = Form::new(
        "Edit path",
        FormPurpose::EditPath(r),
        vec![
            Field::line("Name", &path.name),
            Field::choice_of("Outcome", path.outcome),
        ],
    )
    // A rename usually replaces the name: it starts selected.
    .selecting(|_| true);
    app.push_layer(Overlay::Form(form));
}

/// The edit a confirmed path form asks for; `None` when nothing changed.
pub(super) fn form_edit(app: &App, form: &Form<FormPurpose>, name: String) -> Option<Edit> {
    let map = app.doc.map();
    let edit = match form.purpose {
        FormPurpose::NewPath(persona) => {
            let at = map.personas.get(persona)?.paths.len();
            PersonaEdit::new_path(map, persona, at, &name)
        }
        FormPurpose::EditPath(r) => {
            let outcome: Outcome = form.chosen("Outcome");
            let path = map.personas.get(r.persona)?.paths.get(r.path)?;
            if path.name == name && path.outcome == outcome {
                return None;
            }
            PersonaEdit::SetPath {
                persona: r.persona,
                at: r.path,
                name,
                outcome,
            }
        }
        _ => return None,
    };
    Some(Edit::Person(edit))
}

pub(super) fn ask_delete(app: &mut App) {
    let map = app.doc.map();
    let (Some(r), Some(path)) = (app.current.path_ref(map), app.current.path(map)) else {
        return app.error("there is no path to delete");
    };
    let steps = path.steps.len();
    app.push_layer(Overlay::Confirm(Confirm {
        title: "Delete path".into(),
        lines: vec![
            format!("Delete path “{}”?", short(&path.name)),
            format!(
                "Its {steps} step{} go{} with it.",
                if steps == 1 { "" } else { "s" },
                if steps == 1 { "es" } else { "" }
            ),
        ],
        options: vec![(Answer::Yes, "delete"), (Answer::No, "keep")],
        purpose: ConfirmPurpose::DeletePath(r),
    }));
}

/// Deletes a path once the question is answered yes; the panel it was
/// asked from is under the question.
pub(super) fn delete(app: &mut App, r: PathRef) {
    let edit = PersonaEdit::RemovePath {
        persona: r.persona,
        at: r.path,
    };
    if apply(app, Edit::Person(edit)) {
        app.info("path deleted; u undoes");
    }
}
