//! The insight panel: the table of `journey insight`, sortable by column;
//! Enter jumps to the touchpoint on the board. Its figures arrive from the
//! background (see [`crate::tui::insight`]).

use super::{Effect, focus};
use crate::core::edit::Focus;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::insight::Reply;

/// Opens the panel on its first row.
pub(super) fn open(app: &mut App) {
    app.push_layer(Overlay::Insight { cursor: 0 });
}

pub(super) fn panel(app: &mut App, cursor: usize, action: Action) -> Vec<Effect> {
    let len = app.insight.analysis().map_or(0, |a| a.len());
    let last = len.saturating_sub(1);
    let mut cursor = cursor.min(last);
    let page = usize::from(app.view.size.1.saturating_sub(10)).max(1);
    match action {
        Action::RowNext => cursor = (cursor + 1).min(last),
        Action::RowPrev => cursor = cursor.saturating_sub(1),
        Action::PageDown => cursor = (cursor + page).min(last),
        Action::PageUp => cursor = cursor.saturating_sub(page),
        Action::RowFirst => cursor = 0,
        Action::RowLast => cursor = last,
        Action::SortNext => cursor = resort(app, cursor, |s| s.step(1)),
        Action::SortPrev => cursor = resort(app, cursor, |s| s.step(-1)),
        Action::SortReverse => {
            cursor = resort(app, cursor, |mut s| {
                s.reversed = !s.reversed;
                s
            });
        }
        Action::Choose => {
            jump(app, cursor);
            return Vec::new();
        }
        Action::Close | Action::Cancel => return Vec::new(),
        Action::Help => {
            app.push_layer(Overlay::Insight { cursor });
            app.push_layer(Overlay::Help { scroll: 0 });
            return Vec::new();
        }
        _ => {}
    }
    app.push_layer(Overlay::Insight { cursor });
    Vec::new()
}

/// Changes the order, keeping the cursor on the same touchpoint.
fn resort(
    app: &mut App,
    cursor: usize,
    change: impl Fn(crate::tui::insight::Sort) -> crate::tui::insight::Sort,
) -> usize {
    let before = app.insight.sort;
    app.insight.sort = change(before);
    let Some(analysis) = app.insight.analysis() else {
        return cursor;
    };
    analysis
        .nth(before, cursor)
        .and_then(|row| analysis.position(app.insight.sort, &row.id))
        .unwrap_or(cursor)
}

/// Selects the touchpoint under the cursor on the board and closes the panel.
fn jump(app: &mut App, cursor: usize) {
    let sort = app.insight.sort;
    let Some(row) = app.insight.analysis().and_then(|a| a.nth(sort, cursor)) else {
        app.info("no touchpoint to jump to");
        return;
    };
    let (id, name) = (row.id.clone(), row.name.clone());
    match app.doc.position(&id) {
        Some(at) => focus(app, Focus::Touchpoint(at)),
        None => {
            let name = crate::tui::text::short(&name);
            app.info(format!("“{name}” is no longer on the map"));
        }
    }
}

/// New figures from the background: the panel's cursor stays on its
/// touchpoint where the touchpoint is still there, also while the panel is
/// under the help.
pub(super) fn arrived(app: &mut App, reply: Reply) -> Vec<Effect> {
    let sort = app.insight.sort;
    let held = app.layers().iter().find_map(|l| match l {
        Overlay::Insight { cursor } => app
            .insight
            .analysis()
            .and_then(|a| a.nth(sort, *cursor))
            .map(|r| (*cursor, r.id.clone())),
        _ => None,
    });
    app.insight.deliver(reply);
    if let Some((held, id)) = held
        && let Some(a) = app.insight.analysis()
    {
        let at = a
            .position(sort, &id)
            .unwrap_or(held.min(a.len().saturating_sub(1)));
        for layer in app.layers_mut() {
            if let Overlay::Insight { cursor } = layer {
                *cursor = at;
            }
        }
    }
    Vec::new()
}
