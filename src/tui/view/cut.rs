//! Whether the board's panes cut what they show, and which hints the state
//! calls for: `z` is offered when text was cut, `T` while the map names no
//! conversion, and `s` comes early while the shown path has steps.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::text::{LINE_BYTES, head as text_head, one_line, width, wrap};
use ratatui::layout::Rect;

/// Whether a hint the keymap offers is worth its room in the bar now.
pub fn hinted(app: &App, action: &Action) -> bool {
    match (app.mode(), action) {
        (Mode::Board, Action::ReadAll) => detail_cut(app),
        (Mode::Board, Action::EditMap) => app.doc.map().conversion.is_empty(),
        _ => true,
    }
}

/// Whether a hint goes before the others, since the state calls for it.
pub fn urgent(app: &App, action: &Action) -> bool {
    match (app.mode(), action) {
        (Mode::Board, Action::ReadAll) => true,
        (Mode::Board, Action::EditMap) => app.doc.map().conversion.is_empty(),
        (Mode::Board, Action::PathPanel) => app
            .current
            .path(app.doc.map())
            .is_some_and(|p| !p.steps.is_empty()),
        _ => false,
    }
}

/// Whether the detail pane cuts the selection's text: its first line, the
/// "visited by" line or the notes do not fit the pane at this size.
pub fn detail_cut(app: &App) -> bool {
    let (w, h) = app.view.size;
    let area = layout::areas_with_strip(Rect::new(0, 0, w, h), app.view.strip).detail;
    let room = usize::from(area.width);
    if room == 0 {
        return false;
    }
    let ascii = app.settings.ascii;
    let map = app.doc.map();
    let Some(stage) = map.stages.get(app.view.stage) else {
        return false;
    };
    let t = app.view.row.and_then(|r| stage.touchpoints.get(r));
    // Only as much of each text is looked at as the pane could show, so
    // that a field of megabytes costs a frame no more than a short one.
    let limit = (room + 1) * 4 + LINE_BYTES;
    let fits = |s: &str| s.len() <= limit;
    // The first row is the rule with the title; then the facts' line.
    let mut rows = usize::from(area.height).saturating_sub(2);
    let (parts, body): (Vec<&str>, &str) = match t {
        Some(t) => (vec![&t.name, &t.channel, &t.id], t.notes.as_str()),
        None => (vec![&stage.name, &stage.id], stage.description.as_str()),
    };
    if !parts.iter().all(|p| fits(p)) {
        return true;
    }
    let words = crate::tui::item_words::for_map(map);
    let head = match t {
        Some(t) => format!(
            "x {} · {} · {} · id {}",
            t.name,
            words.kind(t.kind),
            words.channel_fact(&t.channel),
            t.id
        ),
        None => format!(
            "{} {} · {} · id {}",
            words.stage(),
            stage.name,
            words.count(stage.touchpoints.len()),
            stage.id
        ),
    };
    if width(&one_line(&head, ascii)) > room {
        return true;
    }
    if let Some(t) = t {
        if visits_width(app, &t.id, limit) > room {
            return true;
        }
        rows = rows.saturating_sub(1);
    }
    if area.height <= 1 {
        return !body.is_empty();
    }
    let shown = text_head(body, (rows + 1) * (room + 1) * 4 + LINE_BYTES);
    if shown.len() < body.len() && shown.lines().count() > rows {
        return true;
    }
    let mut used = 0;
    for line in shown.lines() {
        used += wrap(&one_line(line, ascii), room, rows + 1).len().max(1);
        if used > rows {
            return true;
        }
    }
    // Text beyond what was looked at is more than the pane shows.
    shown.len() < body.len()
}

/// About how wide the "visited by" line is when nothing is cut; names
/// longer than `limit` bytes count as that.
fn visits_width(app: &App, id: &str, limit: usize) -> usize {
    let width = |s: &str| width(text_head(s, limit));
    let map = app.doc.map();
    let mut total = width(crate::tui::item_words::for_map(map).visited_by) + 1;
    for v in app.derived.visits(&app.doc, id) {
        let Some(persona) = map.personas.get(v.persona) else {
            continue;
        };
        let path = persona.paths.get(v.path).map_or("", |p| p.name.as_str());
        total += width(&persona.name) + width(path) + 14;
    }
    total
}
