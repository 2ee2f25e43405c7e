//! `update(&mut App, Action) -> Vec<Effect>`: the one place state changes.
//! It does no I/O; what needs the outside world comes back as an [`Effect`]
//! for the loop to carry out, and its result returns as another action.

mod board;
mod disk;
mod export;
mod insight;
mod overlay;
mod path;
mod path_copy;
mod path_form;
mod persona;
mod problems;
mod reader;
mod tick;

pub use disk::restore_dialog;
pub use overlay::{create_file_form, draft_edit};

use crate::core::edit::{Edit, Focus};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use disk::{save_effect, saved};

pub use crate::tui::effects::{Effect, SaveCheck};
pub use crate::tui::export_job::ExportJob;

/// Changes the state for one action and says what else must happen.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = match action {
        Action::Resize(w, h) => {
            app.view.size = (w, h);
            Vec::new()
        }
        Action::Saved(result) => saved(app, result),
        Action::Exported(result) => export::exported(app, result),
        Action::Drawing(drawing) => {
            // The status bar says "drawing…" from now on.
            app.message = None;
            app.session.drawing = Some(drawing);
            Vec::new()
        }
        Action::CancelDrawing if app.session.drawing.is_some() => export::cancel(app),
        Action::InsightReady(reply) => insight::arrived(app, reply),
        Action::Reloaded(result) => disk::reloaded(app, result),
        Action::Failed(message) => {
            app.error(message);
            Vec::new()
        }
        Action::Deleted => Vec::new(),
        // Whatever is open stays open for when the editor comes back.
        Action::Suspend => vec![Effect::Suspend],
        Action::Time(time) => tick::update(app, time),
        // The top layer takes the key off the stack and puts itself (or
        // what it leads to) back; one that does not is closed, and the one
        // under it shows again.
        action => match app.pop_layer() {
            None => board::update(app, action),
            Some(Overlay::Form(form)) => overlay::form(app, form, action),
            Some(Overlay::Confirm(confirm)) => overlay::confirm(app, confirm, action),
            Some(Overlay::Help { scroll }) => overlay::help(app, scroll, action),
            Some(Overlay::Personas { cursor }) => persona::picker(app, cursor, action),
            Some(Overlay::Path) => path::panel(app, action),
            Some(Overlay::Problems { cursor }) => problems::panel(app, cursor, action),
            Some(Overlay::Insight { cursor }) => insight::panel(app, cursor, action),
            Some(Overlay::Reader { scroll }) => reader::reader(app, scroll, action),
        },
    };
    app.refresh();
    app.view.settle(app.doc.map());
    effects
}

/// Applies an edit, moves the selection to it and says what happened.
fn apply(app: &mut App, edit: Edit) -> bool {
    let Some(changed) = applied(app, edit) else {
        return false;
    };
    if changed > 0 {
        app.info(format!("{} changed", paths(changed)));
    }
    true
}

/// Applies a deletion and says what went: `deleted stage “Decision”; 4
/// paths changed; u undoes`.
fn delete(app: &mut App, edit: Edit, what: &str) -> bool {
    let Some(changed) = applied(app, edit) else {
        return false;
    };
    let changed = match changed {
        0 => String::new(),
        n => format!("; {} changed", paths(n)),
    };
    app.info(format!("deleted {what}{changed}; u undoes"));
    true
}

/// Applies an edit and moves the selection to it: the number of paths it
/// changed, or `None` (and an error message) when it could not be made.
fn applied(app: &mut App, edit: Edit) -> Option<usize> {
    match app.doc.apply(edit) {
        Ok(applied) => {
            focus(app, applied.focus);
            Some(applied.paths_changed)
        }
        Err(e) => {
            app.error(e.to_string());
            None
        }
    }
}

fn focus(app: &mut App, focus: Focus) {
    match focus {
        Focus::Map => {}
        Focus::Stage(s) => {
            app.view.stage = s;
            app.view.row = None;
        }
        Focus::Touchpoint(at) => {
            app.view.stage = at.stage;
            app.view.row = Some(at.index);
        }
        // Persona edits leave the board's selection where it is: Space
        // adds a step without moving the cursor away.
        Focus::Persona {
            persona,
            path,
            step,
        } => {
            if app.current.persona != Some(persona) {
                app.current.path = 0;
                app.current.step = 0;
            }
            app.current.persona = Some(persona);
            if let Some(path) = path {
                app.current.path = path;
            }
            if let Some(step) = step {
                app.current.step = step;
            }
        }
        Focus::NoPersona => app.current = crate::tui::current::Current::default(),
    }
}

/// "1 path" or "3 paths".
fn paths(n: usize) -> String {
    if n == 1 {
        "1 path".into()
    } else {
        format!("{n} paths")
    }
}
