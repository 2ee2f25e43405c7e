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
        let status_rows = status::rows(self, area.width);
        let areas = layout::areas_with_status(area, self.view.strip, status_rows);
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
        // Bottom to top; a full-screen layer hides those under it.
        let layers = self.layers();
        let from = layers.iter().rposition(Overlay::full_screen).unwrap_or(0);
        for at in from..layers.len() {
            layer(self, at, area, areas.board, buf);
        }
    }
}

/// Draws the layer at `at` in the stack: a panel over the board's area,
/// the rest over the whole screen.
fn layer(app: &App, at: usize, area: Rect, board: Rect, buf: &mut Buffer) {
    let layers = app.layers();
    match &layers[at] {
        Overlay::Form(f) => form::FormView {
            form: f,
            settings: &app.settings,
        }
        .render(area, buf),
        Overlay::Confirm(c) => confirm::ConfirmView {
            confirm: c,
            settings: &app.settings,
        }
        .render(area, buf),
        Overlay::Help { scroll } => help::Help {
            settings: &app.settings,
            scroll: *scroll,
            // The keys of the screen the help was asked from come first.
            first: Overlay::mode_of(at.checked_sub(1).and_then(|b| layers.get(b))),
            facts: app.facts(),
        }
        .render(area, buf),
        Overlay::Personas { cursor } => personas::Personas {
            app,
            cursor: *cursor,
        }
        .render(board, buf),
        Overlay::Path => path::PathPanel(app).render(board, buf),
        Overlay::Problems { cursor } => problems::ProblemsPanel {
            app,
            cursor: *cursor,
        }
        .render(board, buf),
        Overlay::Insight { cursor } => insight::InsightPanel {
            app,
            cursor: *cursor,
        }
        .render(board, buf),
        Overlay::Reader { scroll } => reader::Reader {
            app,
            scroll: *scroll,
            from_path: app.reader_on_path(at),
        }
        .render(area, buf),
    }
}

/// Where the terminal cursor goes: in the focused text field, if any.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    match app.overlay() {
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
    // One character one cell wide after the head (an ellipsis after a
    // cut name, a sign): set as it is, without segmentation.
    let tail = &text[i..];
    let mut chars = tail.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && !c.is_control()
        && crate::tui::text::grapheme_width(tail) == 1
    {
        buf[(cx, y)].set_symbol(tail).set_style(style);
        return cx + 1;
    }
    let rest = usize::from(end - cx);
    buf.set_stringn(cx, y, tail, rest, style).0
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
