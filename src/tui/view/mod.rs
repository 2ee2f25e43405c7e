//! Drawing. Views read the state and write only to the buffer; nothing here
//! changes the `App`. Each part builds only what is on screen.

pub mod board;
pub mod confirm;
pub mod detail;
pub mod form;
pub mod help;
pub mod picker;
pub mod status;
pub mod theme;

use crate::tui::app::{App, Overlay};
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = layout::areas(area);
        board::Board(self).render(areas.board, buf);
        detail::Detail(self).render(areas.detail, buf);
        status::Status(self).render(areas.status, buf);
        status::Hints {
            keymap: &self.settings.keymap,
            mode: self.mode(),
            ascii: self.settings.ascii,
            theme: &self.settings.theme,
        }
        .render(areas.hints, buf);
        match &self.overlay {
            None => {}
            Some(Overlay::Form(f)) => form::FormView {
                form: f,
                settings: &self.settings,
            }
            .render(area, buf),
            Some(Overlay::Confirm(c)) => confirm::ConfirmView {
                confirm: c,
                settings: &self.settings,
            }
            .render(area, buf),
            Some(Overlay::Help { scroll }) => help::Help {
                settings: &self.settings,
                scroll: *scroll,
            }
            .render(area, buf),
        }
    }
}

/// Where the terminal cursor goes: in the focused text field, if any.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    match &app.overlay {
        Some(Overlay::Form(f)) => form::cursor(f, area),
        _ => None,
    }
}

/// A centred rectangle of at most `width` x `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Writes `text` at (x, y), cut to `max` columns, and returns the column
/// after it. Text that starts outside the buffer is skipped.
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max: usize,
    style: ratatui::style::Style,
) -> u16 {
    if !buf.area.contains(Position::new(x, y)) || max == 0 {
        return x;
    }
    buf.set_stringn(x, y, text, max, style).0
}
