//! Actions on the board itself: moving the selection and making edits.

use super::{Effect, apply, delete, focus, paths, save_effect};
use crate::core::edit::{Edit, paths_using};
use crate::core::model::TouchpointPos;
use crate::tui::action::{Action, Answer};
use crate::tui::app::{App, Confirm, ConfirmPurpose, FormPurpose, Overlay};
use crate::tui::form::{Field, Form};
use crate::tui::layout;
use crate::tui::template_text::is_template_text;
use crate::tui::text::short;
use ratatui::layout::Rect;

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let len = stage_len(app);
    let view = &mut app.view;
    match action {
        Action::StagePrev => view.stage = view.stage.saturating_sub(1),
        // The row is kept; the settle step clamps it to the new stage.
        Action::StageNext if view.stage + 1 < app.doc.map().stages.len() => view.stage += 1,
        Action::RowPrev => view.row = view.row.and_then(|r| r.checked_sub(1)),
        Action::RowNext => {
            view.row = match view.row {
                None if len > 0 => Some(0),
                Some(r) if r + 1 < len => Some(r + 1),
                other => other,
            }
        }
        Action::RowFirst => view.row = None,
        Action::RowLast => view.row = len.checked_sub(1),
        Action::PageUp => {
            // A page up, stopping at the first touchpoint; on the stage's
            // header there is nothing above.
            let page = page(app);
            app.view.row = app.view.row.map(|r| r.saturating_sub(page));
        }
        Action::PageDown => {
            let page = page(app);
            app.view.row = len
                .checked_sub(1)
                .map(|last| app.view.row.map_or(page - 1, |r| r + page).min(last));
        }
        Action::AddTouchpoint => add_touchpoint(app),
        Action::AddStage => add_stage(app),
        Action::Edit => edit(app),
        Action::ToggleKind => {
            if let Some(edit) = selected(app).and_then(|at| Edit::toggle_kind(app.doc.map(), at)) {
                apply(app, edit);
            } else {
                no_touchpoint(app);
            }
        }
        Action::DeleteTouchpoint => delete_touchpoint(app),
        Action::DeleteStage => delete_stage(app),
        Action::ShiftLeft => shift_across(app, -1),
        Action::ShiftRight => shift_across(app, 1),
        Action::ShiftUp => shift_within(app, -1),
        Action::ShiftDown => shift_within(app, 1),
        Action::StageLeft => move_stage(app, -1),
        Action::StageRight => move_stage(app, 1),
        Action::Undo => replay(app, true),
        Action::Redo => replay(app, false),
        Action::Save => return vec![save_effect(app, false)],
        Action::EditMap => {
            let map = app.doc.map();
            let form = Form::new(
                "Edit map",
                FormPurpose::EditMap,
                vec![
                    Field::line("Title", &map.title),
                    Field::lines("Description", &map.description),
                    Field::line("Conversion", &map.conversion),
                ],
            )
            .with_intro(
                "The conversion is what counts as converting: a purchase, a sign-up, a booking.",
            )
            .selecting(is_template_text);
            app.push_layer(Overlay::Form(form));
            return Vec::new();
        }
        Action::SaveAs => {
            let current = app.doc.path.clone();
            super::disk::save_as_form(app, &current, false);
            return Vec::new();
        }
        Action::Reload => return super::disk::reload_request(app),
        Action::Help => app.push_layer(Overlay::Help { scroll: 0 }),
        Action::ReadAll => super::reader::open(app),
        Action::Duplicate => duplicate_touchpoint(app),
        Action::Personas => super::persona::open_picker(app),
        Action::NewPersona => super::persona::new_persona(app),
        Action::PathPrev => super::path::switch(app, -1),
        Action::PathNext => super::path::switch(app, 1),
        Action::ToggleStep => super::path::toggle_step(app, selected(app)),
        Action::PathPanel => super::path::open_panel(app),
        Action::Problems => app.push_layer(Overlay::Problems { cursor: 0 }),
        Action::InsightPanel => super::insight::open(app),
        Action::Search => super::problems::open_search(app),
        Action::SearchNext => super::problems::next_match(app, true),
        Action::SearchPrev => super::problems::next_match(app, false),
        Action::Export => super::export::open(app),
        Action::Quit => {
            if !app.doc.is_dirty() {
                return vec![Effect::Quit];
            }
            app.push_layer(Overlay::Confirm(Confirm {
                title: "Unsaved changes".into(),
                lines: vec![format!("{} has unsaved changes.", app.doc.file_name())],
                options: vec![
                    (Answer::Save, "save and quit"),
                    (Answer::Discard, "quit without saving"),
                    (Answer::Cancel, "cancel"),
                ],
                purpose: ConfirmPurpose::Quit,
            }));
        }
        _ => {}
    }
    Vec::new()
}

fn stage_len(app: &App) -> usize {
    app.doc
        .map()
        .stages
        .get(app.view.stage)
        .map_or(0, |s| s.touchpoints.len())
}

/// The selected touchpoint, checked against the map.
fn selected(app: &App) -> Option<TouchpointPos> {
    app.view.touchpoint().filter(|at| at.index < stage_len(app))
}

fn no_touchpoint(app: &mut App) {
    app.error("no touchpoint selected: ↑/↓ select one, a adds one");
}

fn page(app: &App) -> usize {
    let (w, h) = app.view.size;
    layout::body_height(layout::areas_with_strip(Rect::new(0, 0, w, h), app.view.strip).board)
        .max(1)
}

fn stage_name(app: &App, s: usize) -> String {
    app.doc
        .map()
        .stages
        .get(s)
        .map(|s| short(&s.name).into_owned())
        .unwrap_or_default()
}

fn add_touchpoint(app: &mut App) {
    if app.doc.map().stages.is_empty() {
        app.error("the map has no stages yet: A adds one");
        return;
    }
    let at = TouchpointPos {
        stage: app.view.stage,
        index: app.view.row.map_or(0, |r| r + 1),
    };
    // One touchpoint is one form: Enter after the name is enough, Tab
    // goes on to the rest.
    let form = Form::new(
        format!("New touchpoint in “{}”", stage_name(app, at.stage)),
        FormPurpose::AddTouchpoint(at),
        vec![
            Field::line("Name", ""),
            Field::choice_of("Kind", crate::core::model::Kind::Direct),
            Field::line("Channel", ""),
            Field::lines("Notes", ""),
        ],
    )
    .guarding_lines();
    app.push_layer(Overlay::Form(form));
}

fn add_stage(app: &mut App) {
    let stages = app.doc.map().stages.len();
    let at = if stages == 0 { 0 } else { app.view.stage + 1 };
    let title = match stages {
        0 => "New stage".to_string(),
        _ => format!("New stage after “{}”", stage_name(app, app.view.stage)),
    };
    let form = Form::new(
        title,
        FormPurpose::AddStage(at),
        vec![Field::line("Name", "")],
    )
    .guarding_lines();
    app.push_layer(Overlay::Form(form));
}

fn edit(app: &mut App) {
    let map = app.doc.map();
    let form = if let Some(at) = selected(app) {
        let t = &map.stages[at.stage].touchpoints[at.index];
        Form::new(
            "Edit touchpoint",
            FormPurpose::EditTouchpoint(at),
            vec![
                Field::line("Name", &t.name),
                Field::choice_of("Kind", t.kind),
                Field::line("Channel", &t.channel),
                Field::lines("Notes", &t.notes),
            ],
        )
        .guarding_lines()
    } else if let Some(stage) = map.stages.get(app.view.stage) {
        Form::new(
            "Edit stage",
            FormPurpose::EditStage(app.view.stage),
            vec![
                Field::line("Name", &stage.name),
                Field::lines("Description", &stage.description),
            ],
        )
        .guarding_lines()
        .selecting(is_template_text)
    } else {
        return;
    };
    app.push_layer(Overlay::Form(form));
}

fn delete_touchpoint(app: &mut App) {
    let Some(at) = selected(app) else {
        app.error("no touchpoint selected (D deletes the whole stage)");
        return;
    };
    let t = &app.doc.map().stages[at.stage].touchpoints[at.index];
    let used = paths_using(app.doc.map(), &[t.id.as_str()]);
    if used == 0 {
        let what = format!("“{}”", short(&t.name));
        delete(app, Edit::RemoveTouchpoint { at }, &what);
        return;
    }
    app.push_layer(Overlay::Confirm(Confirm {
        title: "Delete touchpoint".into(),
        lines: vec![
            format!("Delete “{}”?", short(&t.name)),
            format!(
                "{} {} it; the step will be taken out of {}.",
                paths(used),
                if used == 1 { "visits" } else { "visit" },
                if used == 1 { "it" } else { "them" }
            ),
        ],
        options: vec![(Answer::Yes, "delete"), (Answer::No, "keep it")],
        purpose: crate::tui::app::ConfirmPurpose::DeleteTouchpoint(at),
    }));
}

fn delete_stage(app: &mut App) {
    let s = app.view.stage;
    let Some(stage) = app.doc.map().stages.get(s) else {
        return;
    };
    if stage.touchpoints.is_empty() {
        let what = format!("stage “{}”", short(&stage.name));
        delete(app, Edit::RemoveStage { at: s }, &what);
        return;
    }
    let ids: Vec<&str> = stage.touchpoints.iter().map(|t| t.id.as_str()).collect();
    let used = paths_using(app.doc.map(), &ids);
    let count = stage.touchpoints.len();
    let mut lines = vec![format!(
        "Delete stage “{}” and its {count} touchpoint{}?",
        stage.name,
        if count == 1 { "" } else { "s" }
    )];
    if used > 0 {
        lines.push(format!("{} will lose their steps there.", paths(used)));
    }
    app.push_layer(Overlay::Confirm(Confirm {
        title: "Delete stage".into(),
        lines,
        options: vec![(Answer::Yes, "delete"), (Answer::No, "keep it")],
        purpose: ConfirmPurpose::DeleteStage(s),
    }));
}

fn shift_across(app: &mut App, dir: isize) {
    let Some(from) = selected(app) else {
        return no_touchpoint(app);
    };
    let Some(stage) = from.stage.checked_add_signed(dir) else {
        return;
    };
    let Some(target) = app.doc.map().stages.get(stage) else {
        return;
    };
    let to = TouchpointPos {
        stage,
        index: from.index.min(target.touchpoints.len()),
    };
    apply(app, Edit::MoveTouchpoint { from, to });
}

fn shift_within(app: &mut App, dir: isize) {
    let Some(from) = selected(app) else {
        return no_touchpoint(app);
    };
    let Some(index) = from.index.checked_add_signed(dir) else {
        return;
    };
    if index >= stage_len(app) {
        return;
    }
    let to = TouchpointPos { index, ..from };
    apply(app, Edit::MoveTouchpoint { from, to });
}

fn move_stage(app: &mut App, dir: isize) {
    let from = app.view.stage;
    let Some(to) = from.checked_add_signed(dir) else {
        return;
    };
    if to >= app.doc.map().stages.len() {
        return;
    }
    let row = app.view.row;
    if apply(app, Edit::MoveStage { from, to }) {
        // The stage moved with its touchpoints; keep the same one selected.
        app.view.row = row;
    }
}

pub(super) fn replay(app: &mut App, undo: bool) {
    // The persona shown on the board, by id: personas may move under it.
    let shown = app.current.persona(app.doc.map()).map(|p| p.id.clone());
    let result = if undo { app.doc.undo() } else { app.doc.redo() };
    match result {
        None if undo => app.info("nothing to undo"),
        None => app.info("nothing to redo"),
        Some(Ok(done)) => {
            if !matches!(done.focus, crate::core::edit::Focus::Persona { .. }) {
                app.current.persona =
                    shown.and_then(|id| app.doc.map().personas.iter().position(|p| p.id == id));
            }
            focus(app, done.focus);
            let verb = if undo { "undid" } else { "redid" };
            app.info(format!("{verb}: {}", done.label));
        }
        Some(Err(e)) => app.error(e.to_string()),
    }
}

/// `c`: a copy of the selected touchpoint below it in its stage, with its
/// kind, channel and notes, "(copy)" after its name and a new id; one
/// undoable edit. Paths keep visiting the original.
fn duplicate_touchpoint(app: &mut App) {
    let Some(at) = selected(app) else {
        return no_touchpoint(app);
    };
    let map = app.doc.map();
    let Some(t) = crate::core::edit::touchpoint(map, at) else {
        return;
    };
    let word = match map.language {
        crate::core::model::Language::De => "Kopie",
        crate::core::model::Language::En => "copy",
    };
    let mut copy = t.clone();
    copy.name = format!("{} ({word})", t.name);
    copy.id =
        crate::core::slug::unique_id(&copy.name, "touchpoint", |c| map.ids().any(|id| id == c));
    let name = short(&copy.name).into_owned();
    let edit = Edit::InsertTouchpoint {
        at: TouchpointPos {
            stage: at.stage,
            index: at.index + 1,
        },
        touchpoint: copy,
        steps: Vec::new(),
    };
    if apply(app, edit) {
        app.info(format!("added “{name}”; e edits it, u undoes"));
    }
}
