//! `z`: the reader over the board or the path panel, scrolled with the
//! help's keys; Esc goes back to where it was opened.

use super::Effect;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::view::reader::{content, inner, rows};

/// Opens the reader on the selection (from the path panel: on its step).
pub(super) fn open(app: &mut App, from_path: bool) {
    app.overlay = Some(Overlay::Reader {
        scroll: 0,
        from_path,
    });
}

pub(super) fn reader(app: &mut App, scroll: usize, from_path: bool, action: Action) -> Vec<Effect> {
    let (w, h) = inner(app.view.size);
    let total = rows(&content(app, from_path), w, app.settings.ascii).len();
    let last = total.saturating_sub(h);
    let page = h.max(1);
    let scroll = match action {
        Action::Cancel => {
            if from_path {
                app.overlay = Some(Overlay::Path);
            }
            return Vec::new();
        }
        Action::RowNext => scroll + 1,
        Action::RowPrev => scroll.saturating_sub(1),
        Action::PageDown => scroll + page,
        Action::PageUp => scroll.saturating_sub(page),
        _ => scroll,
    };
    app.overlay = Some(Overlay::Reader {
        scroll: scroll.min(last),
        from_path,
    });
    Vec::new()
}
