//! The problems panel (live validation findings; Enter jumps to the item)
//! and the search over touchpoints.

use super::{Effect, focus};
use crate::core::edit::Focus;
use crate::core::model::TouchpointPos;
use crate::core::validate::Item;
use crate::tui::action::Action;
use crate::tui::app::{App, FormPurpose, Overlay};
use crate::tui::form::{Field, Form};

pub(super) fn panel(app: &mut App, cursor: usize, action: Action) -> Vec<Effect> {
    // The findings, then the allowed warnings (dimmed) below them.
    let len = app.doc.problems().list.len() + app.doc.problems().allowed.len();
    let mut cursor = cursor.min(len.saturating_sub(1));
    match action {
        Action::RowNext if cursor + 1 < len => cursor += 1,
        Action::RowPrev => cursor = cursor.saturating_sub(1),
        Action::PageDown => cursor = (cursor + 10).min(len.saturating_sub(1)),
        Action::PageUp => cursor = cursor.saturating_sub(10),
        Action::Choose => {
            let p = app.doc.problems();
            if let Some(d) = p.list.iter().chain(&p.allowed).nth(cursor) {
                jump(app, d.item);
            }
            return Vec::new();
        }
        Action::AllowWarning => allow(app, cursor),
        Action::Close | Action::Cancel => return Vec::new(),
        Action::Help => {
            app.overlay = Some(Overlay::Help { scroll: 0 });
            return Vec::new();
        }
        _ => {}
    }
    // Allowing a warning shortens the list.
    let len = app.doc.problems().list.len() + app.doc.problems().allowed.len();
    let cursor = cursor.min(len.saturating_sub(1));
    app.overlay = Some(Overlay::Problems { cursor });
    Vec::new()
}

/// Accepts the selected warning for its item, as an undoable edit.
fn allow(app: &mut App, cursor: usize) {
    let Some(d) = app
        .doc
        .problems()
        .list
        .get(cursor)
        .map(|p| p.describe(app.doc.map()))
    else {
        app.info("this warning is allowed already");
        return;
    };
    if let Some(why) = crate::core::allow::refusal(&d) {
        app.info(why);
        return;
    }
    let Some(edit) = crate::core::allow::allow_edit(app.doc.map(), &d) else {
        app.info("this finding's item is gone");
        return;
    };
    if super::applied(app, edit).is_some() {
        app.info(format!("allowed {} here; u undoes it", d.rule.name()));
    }
}

/// Shows the item a finding is about: a stage or touchpoint on the board,
/// a persona in the picker, a path or step in the path panel.
fn jump(app: &mut App, item: Item) {
    match item {
        Item::Map => app.info("this finding is about the map as a whole"),
        Item::Stage { stage } => focus(app, Focus::Stage(stage)),
        Item::Touchpoint { stage, index } => {
            focus(app, Focus::Touchpoint(TouchpointPos { stage, index }));
        }
        Item::Persona { persona } => {
            focus(
                app,
                Focus::Persona {
                    persona,
                    path: None,
                    step: None,
                },
            );
            app.overlay = Some(Overlay::Personas { cursor: persona });
        }
        Item::Path { persona, path } => {
            app.current = Default::default();
            focus(
                app,
                Focus::Persona {
                    persona,
                    path: Some(path),
                    step: None,
                },
            );
            app.overlay = Some(Overlay::Path);
        }
        Item::Step {
            persona,
            path,
            step,
        } => {
            app.current = Default::default();
            focus(
                app,
                Focus::Persona {
                    persona,
                    path: Some(path),
                    step: Some(step),
                },
            );
            app.overlay = Some(Overlay::Path);
        }
    }
}

/// Opens the search prompt, empty: a new query is typed far more often
/// than an old one edited.
pub(super) fn open_search(app: &mut App) {
    let form = Form::new(
        "Find touchpoints",
        FormPurpose::Search,
        vec![Field::line("Find", "")],
    )
    .with_intro("Matches names, channels and notes; empty clears the search.");
    app.overlay = Some(Overlay::Form(form));
}

/// Runs a confirmed search and selects the first match from the selection on.
pub(super) fn submit_search(app: &mut App, form: &Form<FormPurpose>) {
    app.search = form.text(0).trim().to_string();
    app.refresh();
    if app.search.is_empty() {
        return app.info("search cleared");
    }
    let count = app.derived.matches.len();
    if count == 0 {
        let text = format!("no touchpoint matches “{}”", app.search);
        return app.info(text);
    }
    // Start from the selection itself, so a match under it is found first.
    let here = (app.view.stage, app.view.row.unwrap_or(0));
    let first = app
        .derived
        .matches
        .iter()
        .position(|m| (m.stage, m.index) >= here)
        .unwrap_or(0);
    select(app, first);
    let text = if count == 1 {
        format!("1 match for “{}”", app.search)
    } else {
        format!(
            "match {} of {count} for “{}”: n next, N previous",
            first + 1,
            app.search
        )
    };
    app.info(text);
}

/// Selects the next (or previous) match after the selection, wrapping.
pub(super) fn next_match(app: &mut App, forward: bool) {
    let matches = &app.derived.matches;
    if matches.is_empty() {
        let text = if app.search.is_empty() {
            "nothing searched: / searches".to_string()
        } else {
            format!("no touchpoint matches “{}”", app.search)
        };
        return app.info(text);
    }
    let here = (app.view.stage, app.view.row);
    let key = |m: &TouchpointPos| (m.stage, Some(m.index));
    let n = if forward {
        matches.iter().position(|m| key(m) > here).unwrap_or(0)
    } else {
        matches
            .iter()
            .rposition(|m| key(m) < here)
            .unwrap_or(matches.len() - 1)
    };
    let count = matches.len();
    select(app, n);
    app.info(format!("match {} of {count}", n + 1));
}

fn select(app: &mut App, n: usize) {
    if let Some(&at) = app.derived.matches.get(n) {
        focus(app, Focus::Touchpoint(at));
    }
}
