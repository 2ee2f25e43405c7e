//! Drawing. Views read the state and write only to the buffer; nothing here
//! changes the `App`. Each part builds only what is on screen.

pub mod board;
pub mod confirm;
pub mod cut;
pub mod detail;
pub mod form;
pub mod help;
pub mod insight;
pub mod list;
pub mod path;
pub mod personas;
pub mod picker;
pub mod problems;
pub mod reader;
pub mod status;
pub mod strip;

use crate::tui::app::{App, Overlay};
use crate::tui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = layout::areas_with_strip(area, self.view.strip);
        board::Board(self).render(areas.board, buf);
        strip::Strip(self).render(areas.strip, buf);
        detail::Detail(self).render(areas.detail, buf);
        status::Status(self).render(areas.status, buf);
        status::Hints {
            keymap: &self.settings.keymap,
            mode: self.mode(),
            ascii: self.settings.ascii,
            theme: &self.settings.theme,
            offered: &|action| self.offers(action) && cut::hinted(self, action),
            first: &|action| cut::urgent(self, action),
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
                first: crate::tui::keymap::Mode::Board,
                facts: self.facts(),
            }
            .render(area, buf),
            Some(Overlay::Personas { cursor }) => {
                personas::Personas {
                    app: self,
                    cursor: *cursor,
                }
                .render(areas.board, buf);
            }
            Some(Overlay::Path) => path::PathPanel(self).render(areas.board, buf),
            Some(Overlay::Problems { cursor }) => problems::ProblemsPanel {
                app: self,
                cursor: *cursor,
            }
            .render(areas.board, buf),
            Some(Overlay::Insight { cursor }) => insight::InsightPanel {
                app: self,
                cursor: *cursor,
            }
            .render(areas.board, buf),
            Some(Overlay::Reader { scroll, from_path }) => reader::Reader {
                app: self,
                scroll: *scroll,
                from_path: *from_path,
            }
            .render(area, buf),
        }
    }
}

/// Where the terminal cursor goes: in the focused text field, if any.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    match &app.overlay {
        Some(Overlay::Form(f)) => form::cursor(f, area, app.settings.ascii),
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
/// after it. Text that starts outside the buffer is skipped. Plain ASCII,
/// most of what a board shows, skips grapheme segmentation: one cell per
/// byte, which keeps a full frame well under a millisecond.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, max: usize, style: Style) -> u16 {
    if !buf.area.contains(Position::new(x, y)) || max == 0 {
        return x;
    }
    let end = buf
        .area
        .right()
        .min(x.saturating_add(u16::try_from(max).unwrap_or(u16::MAX)));
    let mut cx = x;
    // The plain-ASCII head of the text, one cell per byte; a byte before a
    // combining mark stays for the slow path, which joins them.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && cx < end {
        let b = bytes[i];
        let next_plain = bytes.get(i + 1).is_none_or(|n| n.is_ascii());
        if !(0x20..0x7f).contains(&b) || !next_plain {
            break;
        }
        buf[(cx, y)].set_char(char::from(b)).set_style(style);
        cx += 1;
        i += 1;
    }
    if i == bytes.len() || cx >= end {
        return cx;
    }
    let rest = usize::from(end - cx);
    buf.set_stringn(cx, y, &text[i..], rest, style).0
}

/// Writes one symbol known to be one cell wide (a border or marker piece)
/// `count` times from (x, y), without measuring it.
pub fn put_symbol(buf: &mut Buffer, x: u16, y: u16, symbol: &str, count: u16, style: Style) {
    for i in 0..count {
        if let Some(cell) = buf.cell_mut(Position::new(x.saturating_add(i), y)) {
            cell.set_symbol(symbol).set_style(style);
        }
    }
}
