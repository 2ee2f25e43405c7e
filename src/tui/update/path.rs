//! Paths: Space on the board, switching paths, and the path panel, where
//! steps are reordered, removed, given an emotion and a note, and the path
//! is renamed, given an outcome, created or deleted.

use super::{Effect, apply, board::replay, path_form};
use crate::core::edit::Edit;
use crate::core::edit::persona::{PersonaEdit, insertion_index};
use crate::core::model::{EMOTION_MAX, EMOTION_MIN, Outcome, Step, TouchpointPos};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::choice::Choosable;
use crate::tui::text::{short, signed};

pub(super) fn no_persona(app: &mut App) {
    app.error("no persona chosen: p picks one, P makes a new one");
}

/// Shows the current persona's previous or next path.
pub(super) fn switch(app: &mut App, dir: isize) {
    let Some(persona) = app.current.persona(app.doc.map()) else {
        return no_persona(app);
    };
    let count = persona.paths.len();
    if count == 0 {
        let text = format!(
            "{} has no path yet: Space on a touchpoint starts one",
            persona.name
        );
        return app.info(text);
    }
    let next = (app.current.path as isize + dir).rem_euclid(count as isize) as usize;
    let text = format!(
        "path {} of {count}: “{}”",
        next + 1,
        persona.paths[next].name
    );
    app.current.path = next;
    app.current.step = 0;
    app.info(text);
}

/// Space: adds the touchpoint at `at` to the current path in stage order,
/// or takes it out when the path visits it. A persona without a path gets
/// one, named after the persona, holding this first step.
pub(super) fn toggle_step(app: &mut App, at: Option<TouchpointPos>) {
    let Some(at) = at else {
        return app.error("no touchpoint selected: ↑/↓ select one");
    };
    let map = app.doc.map();
    let Some(persona_at) = app.current.persona.filter(|&p| p < map.personas.len()) else {
        return no_persona(app);
    };
    let Some(t) = crate::core::edit::touchpoint(map, at) else {
        return;
    };
    let (id, name) = (t.id.clone(), short(&t.name).into_owned());
    let step = Step {
        touchpoint: id.clone(),
        emotion: None,
        note: String::new(),
    };
    let Some(path) = app.current.path_ref(map) else {
        let new_name = crate::core::edit::persona::new_path_name(map, persona_at);
        let edit = PersonaEdit::new_path(map, persona_at, 0, &new_name);
        let PersonaEdit::InsertPath {
            persona,
            at,
            mut path,
        } = edit
        else {
            return;
        };
        path.steps.push(step);
        let path_name = short(&path.name).into_owned();
        if apply(
            app,
            Edit::Person(PersonaEdit::InsertPath { persona, at, path }),
        ) {
            app.info(format!(
                "started path “{path_name}” with “{name}”; s shows its steps"
            ));
        }
        return;
    };
    let steps = &map.personas[path.persona].paths[path.path].steps;
    let path_name = short(&map.personas[path.persona].paths[path.path].name).into_owned();
    if let Some(index) = steps.iter().position(|s| s.touchpoint == id) {
        if apply(
            app,
            Edit::Person(PersonaEdit::RemoveStep { path, at: index }),
        ) {
            app.info(format!("took “{name}” out of “{path_name}”; u undoes"));
        }
        return;
    }
    let doc = &app.doc;
    let index = insertion_index(steps, at.stage, |s| {
        doc.position(&s.touchpoint).map(|p| p.stage)
    });
    let edit = PersonaEdit::InsertStep {
        path,
        at: index,
        step,
    };
    if apply(app, Edit::Person(edit)) {
        app.info(format!("“{name}” is step {} of “{path_name}”", index + 1));
    }
}

/// Opens the path panel on the current persona's current path.
pub(super) fn open_panel(app: &mut App) {
    let map = app.doc.map();
    if app.current.persona(map).is_none() {
        return no_persona(app);
    }
    // On the step at the board's selection when the path visits it, else
    // on the first step: never on whichever step was last touched.
    let selected = app
        .view
        .touchpoint()
        .and_then(|at| crate::core::edit::touchpoint(map, at))
        .map(|t| t.id.as_str());
    app.current.step = app
        .current
        .path(map)
        .and_then(|p| {
            p.steps
                .iter()
                .position(|s| Some(s.touchpoint.as_str()) == selected)
        })
        .unwrap_or(0);
    app.push_layer(Overlay::Path);
}

pub(super) fn panel(app: &mut App, action: Action) -> Vec<Effect> {
    // The panel stays open under whatever it opens; closing pops it.
    app.push_layer(Overlay::Path);
    let map = app.doc.map();
    let path = app.current.path_ref(map);
    let len = app.current.path(map).map_or(0, |p| p.steps.len());
    let step = app.current.step;
    match action {
        Action::RowNext if step + 1 < len => app.current.step += 1,
        Action::RowPrev => app.current.step = step.saturating_sub(1),
        Action::RowFirst => app.current.step = 0,
        Action::RowLast => app.current.step = len.saturating_sub(1),
        Action::Choose if jump(app) => {
            app.pop_layer();
        }
        Action::EmotionUp => nudge(app, 1),
        Action::EmotionDown => nudge(app, -1),
        Action::EditItem if len > 0 => path_form::edit_step(app),
        Action::MoveItemDown if step + 1 < len => {
            if let Some(path) = path {
                let to = step + 1;
                apply(
                    app,
                    Edit::Person(PersonaEdit::MoveStep {
                        path,
                        from: step,
                        to,
                    }),
                );
            }
        }
        Action::MoveItemUp if step > 0 && len > 0 => {
            if let Some(path) = path {
                let to = step - 1;
                apply(
                    app,
                    Edit::Person(PersonaEdit::MoveStep {
                        path,
                        from: step,
                        to,
                    }),
                );
            }
        }
        Action::DeleteItem if len > 0 => {
            if let Some(path) = path
                && apply(
                    app,
                    Edit::Person(PersonaEdit::RemoveStep { path, at: step }),
                )
            {
                app.info("step removed; u undoes");
            }
        }
        Action::CycleOutcome => cycle_outcome(app),
        Action::PathPrev => switch(app, -1),
        Action::PathNext => switch(app, 1),
        Action::NewPath => path_form::new_path_form(app),
        Action::EditPath => {
            path_form::edit_path_form(app);
        }
        Action::DeletePath => {
            path_form::ask_delete(app);
        }
        Action::Undo | Action::Redo => replay(app, action == Action::Undo),
        Action::Close | Action::Cancel => {
            app.pop_layer();
        }
        Action::Help => app.push_layer(Overlay::Help { scroll: 0 }),
        Action::Duplicate => super::path_copy::open(app),
        Action::ReadAll => super::reader::open(app),
        _ => {}
    }
    Vec::new()
}

/// Moves the board's selection to the selected step's touchpoint and
/// closes the panel; false when the touchpoint does not exist.
fn jump(app: &mut App) -> bool {
    let Some(step) = app
        .current
        .path(app.doc.map())
        .and_then(|p| p.steps.get(app.current.step))
    else {
        return false;
    };
    match app.doc.position(&step.touchpoint) {
        Some(at) => {
            app.view.stage = at.stage;
            app.view.row = Some(at.index);
            true
        }
        None => {
            let text = format!(
                "step {} names touchpoint `{}`, which does not exist: d removes the step",
                app.current.step + 1,
                step.touchpoint
            );
            app.error(text);
            false
        }
    }
}

/// Raises or lowers the selected step's emotion; a step without one
/// starts from 0.
fn nudge(app: &mut App, by: i8) {
    let Some(path) = app.current.path_ref(app.doc.map()) else {
        return;
    };
    let at = app.current.step;
    let Some(step) = app
        .current
        .path(app.doc.map())
        .and_then(|p| p.steps.get(at))
    else {
        return;
    };
    let now = step.emotion.unwrap_or(0);
    let next = now + by;
    if step.emotion.is_some() && !(EMOTION_MIN..=EMOTION_MAX).contains(&next) {
        return app.info(format!("the emotion is already {}", signed(now)));
    }
    let next = next.clamp(EMOTION_MIN, EMOTION_MAX);
    let edit = PersonaEdit::SetStep {
        path,
        at,
        emotion: Some(next),
        note: step.note.clone(),
    };
    if apply(app, Edit::Person(edit)) {
        app.info(format!("step {}: emotion {}", at + 1, signed(next)));
    }
}

fn cycle_outcome(app: &mut App) {
    let Some(r) = app.current.path_ref(app.doc.map()) else {
        return app.error("no path yet: Space on a touchpoint starts one, n makes an empty one");
    };
    let Some(path) = app.current.path(app.doc.map()) else {
        return;
    };
    // `o` turns through the outcomes in their order.
    let outcome = Outcome::ALL[(path.outcome.index() + 1) % Outcome::ALL.len()];
    let edit = PersonaEdit::SetPath {
        persona: r.persona,
        at: r.path,
        name: path.name.clone(),
        outcome,
    };
    if apply(app, Edit::Person(edit)) {
        app.info(format!("outcome: {}", outcome.label()));
    }
}
