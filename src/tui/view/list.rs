//! The frame the list panels share (persona picker, path panel, problems):
//! a bordered box over the board with a title, and a window of rows that
//! keeps the cursor in view. The panel's keys are in the hint bar below,
//! generated from the keymap for the panel's mode.

use crate::tui::app::Settings;
use crate::tui::text::{fit, one_line};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Clears `area`, draws the box with `title`, and returns the inside, one
/// column in from each border.
pub fn frame(area: Rect, buf: &mut Buffer, settings: &Settings, title: &str) -> Rect {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return area;
    }
    Clear.render(area, buf);
    let (theme, sym, ascii) = (&settings.theme, &settings.symbols, settings.ascii);
    let room = usize::from(area.width.saturating_sub(4));
    let title = format!(" {} ", fit(&one_line(title, ascii), room, sym.ellipsis));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_set(sym.border)
        .border_style(theme.popup)
        .title(title)
        .title_style(theme.popup);
    let inner = block.inner(area);
    block.render(area, buf);
    Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

/// The first row to show so that `cursor` is on screen among `len` rows,
/// `height` at a time, keeping the cursor near the middle when it can.
pub fn first_row(len: usize, cursor: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    cursor
        .saturating_sub(height / 2)
        .min(len.saturating_sub(height))
}

/// Splits `inner` into the list and, when it is tall enough, a few rows at
/// the bottom showing `text` (the selected item's full words) wrapped, with
/// a rule above. Returns the list's part.
pub fn with_footer(
    inner: Rect,
    buf: &mut Buffer,
    settings: &Settings,
    text: &str,
    rows: u16,
) -> Rect {
    if inner.height < rows + 6 || text.trim().is_empty() {
        return inner;
    }
    let (theme, sym) = (&settings.theme, &settings.symbols);
    let top = inner.bottom() - rows - 1;
    super::put_symbol(buf, inner.x, top, sym.horizontal, inner.width, theme.dim);
    let w = usize::from(inner.width);
    let shown = one_line(text, settings.ascii);
    let lines = crate::tui::text::wrap(&shown, w, usize::from(rows) + 1);
    let more = lines.len() > usize::from(rows);
    for (i, line) in lines.iter().take(usize::from(rows)).enumerate() {
        let last = i + 1 == usize::from(rows);
        let line = if last && more {
            format!("{}{}", fit(line, w.saturating_sub(1), ""), sym.ellipsis)
        } else {
            line.clone()
        };
        super::put(
            buf,
            inner.x,
            top + 1 + i as u16,
            &line,
            w,
            ratatui::style::Style::new(),
        );
    }
    Rect::new(inner.x, inner.y, inner.width, top - inner.y)
}
