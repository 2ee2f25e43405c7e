//! `z`: the reader over the board or the path panel, scrolled with the
//! help's keys; Esc closes it, back to where it was opened.

use super::Effect;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::view::reader::{content, inner, rows};

/// Opens the reader on the selection (over the path panel: on its step).
pub(super) fn open(app: &mut App) {
    app.push_layer(Overlay::Reader { scroll: 0 });
}

pub(super) fn reader(app: &mut App, scroll: usize, action: Action) -> Vec<Effect> {
    // The reader is off the stack here: what is on top is what it is over.
    let on_path = app.overlay() == Some(&Overlay::Path);
    let (w, h) = inner(app.view.size);
    let total = rows(&content(app, on_path), w, app.settings.ascii).len();
    let last = total.saturating_sub(h);
    if let Some(scroll) = scrolled(scroll, &action, h, last) {
        app.push_layer(Overlay::Reader { scroll });
    }
    Vec::new()
}

/// Where a full-screen text (the reader, the help) scrolls to for
/// `action`, a line or a `page` at a time and never past `last`; `None`
/// when the action closes it.
pub(super) fn scrolled(scroll: usize, action: &Action, page: usize, last: usize) -> Option<usize> {
    let page = page.max(1);
    let scroll = match action {
        Action::Cancel => return None,
        Action::RowNext => scroll + 1,
        Action::RowPrev => scroll.saturating_sub(1),
        Action::PageDown => scroll + page,
        Action::PageUp => scroll.saturating_sub(page),
        _ => scroll,
    };
    Some(scroll.min(last))
}
