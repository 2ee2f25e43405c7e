//! The problems panel (live validation findings; Enter jumps to the item)
//! and the search over touchpoints.

use super::{Effect, board::replay, focus};
use crate::core::edit::Focus;
use crate::core::model::TouchpointPos;
use crate::core::validate::Item;
use crate::tui::action::Action;
use crate::tui::app::{App, FormPurpose, Overlay};
use crate::tui::form::{Field, Form};
use crate::tui::search::{Hit, describe, hits};

pub(super) fn panel(app: &mut App, cursor: usize, action: Action) -> Vec<Effect> {
    // The findings, then the allowed warnings (dimmed) below them.
    let len = app.doc.problems().len() + app.doc.problems().allowed_len();
    let mut cursor = cursor.min(len.saturating_sub(1));
    match action {
        Action::RowNext if cursor + 1 < len => cursor += 1,
        Action::RowPrev => cursor = cursor.saturating_sub(1),
        Action::PageDown => cursor = (cursor + 10).min(len.saturating_sub(1)),
        Action::PageUp => cursor = cursor.saturating_sub(10),
        Action::Choose => {
            let item = app.doc.problems().rows(cursor).next().map(|(d, _)| d.item);
            if let Some(item) = item {
                jump(app, item);
            }
            return Vec::new();
        }
        Action::AllowWarning => allow(app, cursor),
        Action::Undo | Action::Redo => replay(app, action == Action::Undo),
        Action::Close | Action::Cancel => return Vec::new(),
        Action::Help => {
            app.push_layer(Overlay::Problems { cursor });
            app.push_layer(Overlay::Help { scroll: 0 });
            return Vec::new();
        }
        _ => {}
    }
    // Allowing a warning shortens the list.
    let len = app.doc.problems().len() + app.doc.problems().allowed_len();
    let cursor = cursor.min(len.saturating_sub(1));
    app.push_layer(Overlay::Problems { cursor });
    Vec::new()
}

/// Accepts the selected warning for its item, as an undoable edit.
fn allow(app: &mut App, cursor: usize) {
    let Some(d) = app
        .doc
        .problems()
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
/// a persona in the picker, a path or step in the path panel. The problems
/// panel is closed here: the picker or path panel takes its place.
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
            app.push_layer(Overlay::Personas { cursor: persona });
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
            app.push_layer(Overlay::Path);
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
            app.push_layer(Overlay::Path);
        }
    }
}

/// Opens the search prompt, empty: a new query is typed far more often
/// than an old one edited.
pub(super) fn open_search(app: &mut App) {
    let form = Form::new("Find", FormPurpose::Search, vec![Field::line("Find", "")]).with_intro(
        "Matches touchpoints, step notes, personas and paths; empty clears the search.",
    );
    app.push_layer(Overlay::Form(form));
}

/// Runs a confirmed search and goes to the first hit from the selection on.
pub(super) fn submit_search(app: &mut App, form: &Form<FormPurpose>) {
    app.search = form.text("Find").trim().to_string();
    app.search_at = None;
    app.refresh();
    if app.search.is_empty() {
        return app.info("search cleared");
    }
    let all = hits(app.doc.map(), &app.search);
    if all.is_empty() {
        let text = format!("nothing matches “{}”", app.search);
        return app.info(text);
    }
    // Start from the selection itself, so a match under it is found first.
    let here = (app.view.stage, app.view.row.unwrap_or(0));
    let first = all
        .iter()
        .position(|h| matches!(h, Hit::Touchpoint(m) if (m.stage, m.index) >= here))
        .unwrap_or(0);
    go(app, &all, first);
}

/// Goes to the next (or previous) hit after the last one, wrapping.
pub(super) fn next_match(app: &mut App, forward: bool) {
    let all = hits(app.doc.map(), &app.search);
    if all.is_empty() {
        let text = if app.search.is_empty() {
            "nothing searched: / searches".to_string()
        } else {
            format!("nothing matches “{}”", app.search)
        };
        return app.info(text);
    }
    let count = all.len();
    let n = match app.search_at.filter(|&i| i < count) {
        Some(i) if forward => (i + 1) % count,
        Some(i) => (i + count - 1) % count,
        // No hit gone to yet: from the board's selection.
        None => {
            let here = (app.view.stage, app.view.row);
            let key = |h: &Hit| match h {
                Hit::Touchpoint(m) => (m.stage, Some(m.index)),
                _ => (usize::MAX, None),
            };
            if forward {
                all.iter().position(|h| key(h) > here).unwrap_or(0)
            } else {
                all.iter().rposition(|h| key(h) < here).unwrap_or(count - 1)
            }
        }
    };
    go(app, &all, n);
}

/// Jumps to hit `n` and says which it is.
fn go(app: &mut App, all: &[Hit], n: usize) {
    let Some(&hit) = all.get(n) else {
        return;
    };
    app.search_at = Some(n);
    // Hits along a journey show that journey on the board, with the step's
    // touchpoint selected; the board keeps n and N, which the path panel
    // would take for other keys.
    match hit {
        Hit::Touchpoint(at) => focus(app, Focus::Touchpoint(at)),
        Hit::Persona(persona) => show(app, persona, None, None),
        Hit::Path { persona, path } => show(app, persona, Some(path), None),
        Hit::Step {
            persona,
            path,
            step,
        } => {
            show(app, persona, Some(path), Some(step));
            let map = app.doc.map();
            if let Some(at) = map
                .personas
                .get(persona)
                .and_then(|p| p.paths.get(path))
                .and_then(|p| p.steps.get(step))
                .and_then(|s| map.find_touchpoint(&s.touchpoint))
            {
                focus(app, Focus::Touchpoint(at));
            }
        }
    }
    let what = describe(app.doc.map(), hit);
    let text = match all.len() {
        1 => format!("1 match for “{}”: {what}", app.search),
        count => format!(
            "match {} of {count} for “{}”: {what}; n next, N previous",
            n + 1,
            app.search
        ),
    };
    let text = match hit {
        Hit::Step { .. } => format!("{text}; s shows the step"),
        _ => text,
    };
    app.info(text);
}

/// Shows a persona's path on the board, as the persona picker does.
fn show(app: &mut App, persona: usize, path: Option<usize>, step: Option<usize>) {
    app.current = Default::default();
    focus(
        app,
        Focus::Persona {
            persona,
            path: Some(path.unwrap_or(0)),
            step: Some(step.unwrap_or(0)),
        },
    );
}
