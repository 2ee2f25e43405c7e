//! Actions while a form, a question or the help is open.

use super::{Effect, apply, delete, save_effect};
use crate::core::edit::{Edit, TouchpointFields};
use crate::core::model::{Kind, Language, Map};
use crate::core::templates::Template;
use crate::tui::action::{Action, Answer};
use crate::tui::app::{App, Confirm, ConfirmPurpose, FormPurpose, Overlay};
use crate::tui::document::Document;
use crate::tui::form::{Field, Form, FormOutcome};
use crate::tui::text::short;
use crate::tui::view::help;

/// The form that offers to start a missing file from a template, in
/// `language` unless the user turns the choice.
pub fn create_file_form(
    file_name: &str,
    template: Template,
    language: Language,
) -> Form<FormPurpose> {
    Form::new(
        "New map",
        FormPurpose::CreateFile,
        vec![
            Field::choice_of("Template", template),
            // Blank keeps the template's own title.
            Field::line("Title", ""),
            // Last, so that Tab from the template still reaches the title.
            Field::choice_of("Language", language),
        ],
    )
    .with_intro(format!(
        "{file_name} does not exist: start it from a template? (Esc quits)"
    ))
}

pub(super) fn form(app: &mut App, mut form: Form<FormPurpose>, action: Action) -> Vec<Effect> {
    let export_choices = super::export::choices(&form);
    let copy_for = super::path_copy::chosen(&form);
    match form.handle(&action) {
        FormOutcome::Open => {
            if let Some(before) = export_choices {
                super::export::follow(app, &mut form, before);
            }
            if let Some(before) = copy_for {
                super::path_copy::follow(app, &mut form, before);
            }
            app.push_layer(Overlay::Form(form));
            Vec::new()
        }
        FormOutcome::Cancel if form.purpose == FormPurpose::CreateFile => {
            // The file was never there; say so, lest the user look for it.
            app.session.parting = Some(format!(
                "no file was created: {} still does not exist",
                crate::core::samefile::shown_path(&app.doc.path)
            ));
            vec![Effect::Quit]
        }
        // Closed: what it was opened from (a panel, or the board) shows.
        FormOutcome::Cancel => Vec::new(),
        FormOutcome::Submit => match form.purpose {
            FormPurpose::SaveAs { then_quit } => super::disk::submit_save_as(app, form, then_quit),
            _ => submit(app, form),
        },
    }
}

/// Checks a confirmed form and makes its edit; a blank name keeps the form
/// open with a message.
fn submit(app: &mut App, mut form: Form<FormPurpose>) -> Vec<Effect> {
    // Forms whose first field is not a name.
    match form.purpose {
        FormPurpose::EditStep(..) => {
            super::path_form::submit_step(app, &form);
            return Vec::new();
        }
        FormPurpose::Search => {
            super::problems::submit_search(app, &form);
            return Vec::new();
        }
        FormPurpose::Export => return super::export::submit(app, form),
        FormPurpose::CopyPath(from) => {
            super::path_copy::submit(app, form, from);
            return Vec::new();
        }
        _ => {}
    }
    let name = form.first_text().trim().to_string();
    if name.is_empty() && form.purpose != FormPurpose::CreateFile {
        form.error = Some("a name is required: type one, or Esc to cancel".into());
        form.focus = 0;
        app.push_layer(Overlay::Form(form));
        return Vec::new();
    }
    let map = app.doc.map();
    let edit = match form.purpose {
        FormPurpose::AddTouchpoint(_)
        | FormPurpose::AddStage(_)
        | FormPurpose::EditTouchpoint(_)
        | FormPurpose::EditMap
        | FormPurpose::EditStage(_) => match draft_edit(map, &form) {
            Some(edit) => edit,
            None => return Vec::new(),
        },
        FormPurpose::NewPersona | FormPurpose::EditPersona(_) => {
            let current = app.current;
            if let Some(edit) = super::persona::form_edit(app, &form, name) {
                apply(app, edit);
            }
            super::persona::after_form(app, form.purpose, current);
            return Vec::new();
        }
        FormPurpose::NewPath(_) | FormPurpose::EditPath(_) => {
            if let Some(edit) = super::path_form::form_edit(app, &form, name) {
                apply(app, edit);
            }
            return Vec::new();
        }
        FormPurpose::EditStep(..)
        | FormPurpose::Search
        | FormPurpose::Export
        | FormPurpose::CopyPath(_) => {
            return Vec::new();
        }
        // Handled before: a file name is no map edit.
        FormPurpose::SaveAs { .. } => return Vec::new(),
        FormPurpose::CreateFile => {
            let template: Template = form.chosen("Template");
            let path = app.doc.path.clone();
            let title = form.text("Title").trim();
            let language: Language = form.chosen("Language");
            let map = template.instantiate_in(language, (!title.is_empty()).then_some(title));
            app.doc = Document::unsaved(map, path);
            app.view = crate::tui::app::ViewState {
                size: app.view.size,
                ..Default::default()
            };
            app.current = Default::default();
            app.derived.invalidate();
            return vec![save_effect(app, false)];
        }
    };
    apply(app, edit);
    Vec::new()
}

pub(super) fn confirm(app: &mut App, confirm: Confirm, action: Action) -> Vec<Effect> {
    let Action::Answer(answer) = action else {
        app.push_layer(Overlay::Confirm(confirm));
        return Vec::new();
    };
    if answer != Answer::Cancel && !confirm.options.iter().any(|(a, _)| *a == answer) {
        app.push_layer(Overlay::Confirm(confirm));
        return Vec::new();
    }
    match (confirm.purpose, answer) {
        (ConfirmPurpose::DeleteTouchpoint(at), Answer::Yes) => {
            let what = crate::core::edit::touchpoint(app.doc.map(), at)
                .map_or("the touchpoint".into(), |t| format!("“{}”", short(&t.name)));
            delete(app, Edit::RemoveTouchpoint { at }, &what);
        }
        (ConfirmPurpose::DeleteStage(at), Answer::Yes) => {
            let what = app
                .doc
                .map()
                .stages
                .get(at)
                .map_or("the stage".into(), |s| {
                    format!("stage “{}”", short(&s.name))
                });
            delete(app, Edit::RemoveStage { at }, &what);
        }
        (ConfirmPurpose::DeletePersona(at), Answer::Yes) => super::persona::delete(app, at),
        (ConfirmPurpose::DeletePath(r), Answer::Yes) => super::path_form::delete(app, r),
        // Kept: the question closes, over the panel that asked it.
        (ConfirmPurpose::DeletePersona(_) | ConfirmPurpose::DeletePath(_), _) => {}
        (ConfirmPurpose::Quit, Answer::Save) => return vec![save_effect(app, true)],
        (ConfirmPurpose::Quit, Answer::Discard) => return vec![Effect::Quit],
        (ConfirmPurpose::OverwriteExport(form), answer) => {
            return super::export::answer(app, *form, answer);
        }
        (purpose, answer) => return super::disk::answer(app, purpose, answer),
    }
    Vec::new()
}

pub(super) fn help(app: &mut App, scroll: usize, action: Action) -> Vec<Effect> {
    // The help is off the stack here: `mode` is that of the screen under
    // it, whose keys it lists first.
    let lines = help::line_count(
        &app.settings.keymap,
        app.view.size.0,
        app.mode(),
        &app.facts(),
    );
    let page = usize::from(app.view.size.1.saturating_sub(2)).max(1);
    let last = lines.saturating_sub(page);
    if let Some(scroll) = super::reader::scrolled(scroll, &action, page, last) {
        app.push_layer(Overlay::Help { scroll });
    }
    Vec::new()
}

/// The edit a board form would make if confirmed now, or `None` when it
/// would make none (no name, nothing changed, or not a board form). Used on
/// Enter, and to keep unconfirmed typing in the recovery file.
pub fn draft_edit(map: &Map, form: &Form<FormPurpose>) -> Option<Edit> {
    let name = form.first_text().trim().to_string();
    if name.is_empty() {
        return None;
    }
    let edit = match form.purpose {
        FormPurpose::AddTouchpoint(at) => {
            let kind: Kind = form.chosen("Kind");
            match Edit::new_touchpoint(map, at, &name, kind) {
                Edit::InsertTouchpoint {
                    at,
                    mut touchpoint,
                    steps,
                } => {
                    touchpoint.channel = form.text("Channel").trim().to_string();
                    touchpoint.notes = form.text("Notes").trim_end().to_string();
                    Edit::InsertTouchpoint {
                        at,
                        touchpoint,
                        steps,
                    }
                }
                other => other,
            }
        }
        FormPurpose::AddStage(at) => Edit::new_stage(map, at, &name),
        FormPurpose::EditTouchpoint(at) => {
            let fields = TouchpointFields {
                name,
                kind: form.chosen("Kind"),
                channel: form.text("Channel").trim().to_string(),
                notes: form.text("Notes").trim_end().to_string(),
            };
            let unchanged = crate::core::edit::touchpoint(map, at)
                .is_some_and(|t| TouchpointFields::of(t) == fields);
            if unchanged {
                return None;
            }
            Edit::SetTouchpoint { at, fields }
        }
        FormPurpose::EditMap => {
            let description = form.text("Description").trim_end().to_string();
            let conversion = form.text("Conversion").trim().to_string();
            if map.title == name && map.description == description && map.conversion == conversion {
                return None;
            }
            Edit::SetMapInfo {
                title: name,
                description,
                conversion,
            }
        }
        FormPurpose::EditStage(at) => {
            let description = form.text("Description").trim_end().to_string();
            let unchanged = map
                .stages
                .get(at)
                .is_some_and(|s| s.name == name && s.description == description);
            if unchanged {
                return None;
            }
            Edit::SetStage {
                at,
                name,
                description,
            }
        }
        _ => return None,
    };
    Some(edit)
}
