//! The persona picker and the persona forms: choose, create, rename,
//! describe, delete and reorder personas.

use super::{Effect, apply, board::replay, paths};
use crate::core::edit::Edit;
use crate::core::edit::persona::PersonaEdit;
use crate::tui::action::{Action, Answer};
use crate::tui::app::{App, Confirm, ConfirmPurpose, FormPurpose, Overlay};
use crate::tui::form::{Field, Form};
use crate::tui::text::short;

/// Opens the picker with the cursor on the current persona.
pub(super) fn open_picker(app: &mut App) {
    let cursor = app.current.persona.unwrap_or(0);
    app.push_layer(Overlay::Personas { cursor });
    if app.doc.map().personas.is_empty() {
        app.info("no personas yet: n makes one");
    }
}

/// Opens the form for a new persona.
pub(super) fn new_persona(app: &mut App) {
    app.push_layer(new_persona_form());
}

fn new_persona_form() -> Overlay {
    let form = Form::new(
        "New persona",
        FormPurpose::NewPersona,
        vec![Field::line("Name", ""), Field::lines("Description", "")],
    )
    .with_intro("Who is this customer? Tab moves to the description.");
    Overlay::Form(form)
}

pub(super) fn picker(app: &mut App, cursor: usize, action: Action) -> Vec<Effect> {
    let len = app.doc.map().personas.len();
    let mut cursor = cursor.min(len.saturating_sub(1));
    // What the picker opens goes over it, and comes back to it.
    let over = match action {
        Action::RowNext if cursor + 1 < len => {
            cursor += 1;
            None
        }
        Action::RowPrev => {
            cursor = cursor.saturating_sub(1);
            None
        }
        Action::Choose => {
            if len > 0 {
                choose(app, cursor);
            }
            return Vec::new();
        }
        Action::ClearPersona => {
            app.current = Default::default();
            app.info("no persona shown");
            return Vec::new();
        }
        Action::Close | Action::Cancel => return Vec::new(),
        Action::NewPersona => Some(new_persona_form()),
        Action::EditItem if len > 0 => edit_form(app, cursor),
        Action::DeleteItem if len > 0 => ask_delete(app, cursor),
        Action::MoveItemDown if cursor + 1 < len => {
            cursor = move_persona(app, cursor, cursor + 1);
            None
        }
        Action::MoveItemUp if cursor > 0 => {
            cursor = move_persona(app, cursor, cursor - 1);
            None
        }
        Action::Undo | Action::Redo => {
            replay(app, action == Action::Undo);
            None
        }
        Action::Help => Some(Overlay::Help { scroll: 0 }),
        _ => None,
    };
    app.push_layer(Overlay::Personas { cursor });
    if let Some(layer) = over {
        app.push_layer(layer);
    }
    Vec::new()
}

/// Makes persona `at` current and says what the board now shows.
fn choose(app: &mut App, at: usize) {
    app.current = crate::tui::current::Current {
        persona: Some(at),
        path: 0,
        step: 0,
    };
    let Some(persona) = app.doc.map().personas.get(at) else {
        return;
    };
    let text = match persona.paths.first() {
        None => format!(
            "{}: no path yet; Space on a touchpoint starts one",
            short(&persona.name)
        ),
        Some(path) if persona.paths.len() == 1 => {
            format!(
                "{}: path “{}”; s shows its steps",
                short(&persona.name),
                short(&path.name)
            )
        }
        Some(path) => format!(
            "{}: path “{}” (1 of {}; [ and ] switch)",
            short(&persona.name),
            short(&path.name),
            persona.paths.len()
        ),
    };
    app.info(text);
}

/// Moves a persona, keeping the current persona the same one.
fn move_persona(app: &mut App, from: usize, to: usize) -> usize {
    let current = app.current;
    if !apply(app, Edit::Person(PersonaEdit::MovePersona { from, to })) {
        return from;
    }
    app.current = current;
    app.current.persona = current.persona.map(|p| match p {
        p if p == from => to,
        p if p == to => from,
        p => p,
    });
    to
}

fn edit_form(app: &App, at: usize) -> Option<Overlay> {
    let p = app.doc.map().personas.get(at)?;
    let form = Form::new(
        "Edit persona",
        FormPurpose::EditPersona(at),
        vec![
            Field::line("Name", &p.name),
            Field::lines("Description", &p.description),
        ],
    );
    Some(Overlay::Form(form))
}

fn ask_delete(app: &App, at: usize) -> Option<Overlay> {
    let p = app.doc.map().personas.get(at)?;
    let goes = match p.paths.len() {
        0 => "It has no paths.".to_string(),
        1 => "Its path goes with it.".to_string(),
        n => format!("Its {} go with it.", paths(n)),
    };
    Some(Overlay::Confirm(Confirm {
        title: "Delete persona".into(),
        lines: vec![format!("Delete persona “{}”?", short(&p.name)), goes],
        options: vec![(Answer::Yes, "delete"), (Answer::No, "keep")],
        purpose: ConfirmPurpose::DeletePersona(at),
    }))
}

/// The edit a confirmed persona form asks for; `None` when nothing changed.
pub(super) fn form_edit(app: &App, form: &Form<FormPurpose>, name: String) -> Option<Edit> {
    let map = app.doc.map();
    let description = form.text("Description").trim_end().to_string();
    let edit = match form.purpose {
        FormPurpose::NewPersona => {
            PersonaEdit::new_persona(map, map.personas.len(), &name, &description)
        }
        FormPurpose::EditPersona(at) => {
            let p = map.personas.get(at)?;
            if p.name == name && p.description == description {
                return None;
            }
            PersonaEdit::SetPersona {
                at,
                name,
                description,
            }
        }
        _ => return None,
    };
    Some(Edit::Person(edit))
}

/// After a persona form: a new persona is current, and says how to go on
/// (the picker it was made from, if any, moves onto it); an edit keeps the
/// current persona. The form is closed: what it was opened from shows.
pub(super) fn after_form(
    app: &mut App,
    purpose: FormPurpose,
    current: crate::tui::current::Current,
) {
    match purpose {
        FormPurpose::NewPersona => {
            if let Some(p) = app.current.persona(app.doc.map()) {
                let text = format!(
                    "added persona “{}”; Space on a touchpoint starts the path",
                    p.name
                );
                app.info(text);
            }
            if let Some(at) = app.current.persona
                && let Some(Overlay::Personas { cursor }) = app.overlay_mut()
            {
                *cursor = at;
            }
        }
        FormPurpose::EditPersona(_) => app.current = current,
        _ => {}
    }
}

/// Deletes a persona once the question is answered yes.
pub(super) fn delete(app: &mut App, at: usize) {
    let current = app.current;
    let name = app
        .doc
        .map()
        .personas
        .get(at)
        .map(|p| short(&p.name).into_owned())
        .unwrap_or_default();
    if !apply(app, Edit::Person(PersonaEdit::RemovePersona { at })) {
        return;
    }
    // The current persona stays current unless it was the one deleted.
    app.current = match current.persona {
        Some(p) if p == at => Default::default(),
        Some(p) if p > at => crate::tui::current::Current {
            persona: Some(p - 1),
            ..current
        },
        _ => current,
    };
    app.info(format!("deleted persona “{name}”; u undoes"));
    // The picker the question was asked from keeps its cursor in the list.
    let left = app.doc.map().personas.len();
    if let Some(Overlay::Personas { cursor }) = app.overlay_mut() {
        *cursor = at.min(left.saturating_sub(1));
    }
}
