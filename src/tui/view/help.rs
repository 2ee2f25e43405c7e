//! The help screen, generated from the keymap that dispatch uses.

use super::put;
use crate::tui::app::Settings;
use crate::tui::conditions::{Facts, applies};
use crate::tui::keymap::{Keymap, MODES, Mode};
use crate::tui::text::{self, fit};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The help view, scrolled by `scroll` lines.
pub struct Help<'a> {
    pub settings: &'a Settings,
    pub scroll: usize,
    /// The keys of the screen that asked for help, listed first.
    pub first: Mode,
    /// The state's facts: only the keys that apply are listed.
    pub facts: Facts,
}

/// One row of help: a heading, a binding (its keys on its first row only),
/// or a blank.
enum Line {
    Heading(&'static str),
    Binding(String, String),
    Blank,
}

/// The columns the keys get, and the rows of help at this width: the
/// modes in order with `first` first, and descriptions wrapped to fit.
fn lines(
    keymap: &Keymap,
    ascii: bool,
    width: u16,
    first: Mode,
    facts: &Facts,
) -> (usize, Vec<Line>) {
    let inner = usize::from(width.saturating_sub(3));
    let modes = std::iter::once(first).chain(MODES.into_iter().filter(|&m| m != first));
    // The mode the user is in shows what applies now; the others show all
    // their keys, since what applies there depends on how one gets there
    // (the path panel's emotion keys, read before any path has steps).
    let rows: Vec<(Mode, Vec<(String, &'static str)>)> = modes
        .map(|m| {
            let keys = keymap.help_rows_where(m, ascii, |a| m != first || applies(m, a, facts));
            (m, keys)
        })
        .collect();
    let key_w = rows
        .iter()
        .flat_map(|(_, r)| r.iter().map(|(k, _)| text::width(k)))
        .max()
        .unwrap_or(0)
        .min(inner / 2);
    // Two columns of indent, the keys, two of space, the description.
    let room = inner.saturating_sub(key_w + 4).max(1);
    let mut out = Vec::new();
    for (mode, bindings) in rows {
        out.push(Line::Heading(mode.title()));
        for (keys, description) in bindings {
            let mut wrapped = text::wrap(description, room, usize::MAX).into_iter();
            out.push(Line::Binding(keys, wrapped.next().unwrap_or_default()));
            out.extend(wrapped.map(|more| Line::Binding(String::new(), more)));
        }
        out.push(Line::Blank);
    }
    (key_w, out)
}

/// How many rows the help has at this terminal width, for scrolling.
pub fn line_count(keymap: &Keymap, width: u16, first: Mode, facts: &Facts) -> usize {
    lines(keymap, true, width, first, facts).1.len()
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, sym, ascii) = (
            &self.settings.theme,
            &self.settings.symbols,
            self.settings.ascii,
        );
        if area.is_empty() {
            return;
        }
        Clear.render(area, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_set(sym.border)
            .border_style(theme.popup)
            .title(" Keys ")
            .title_style(theme.popup)
            .title_bottom(" Up/Down scroll, Esc closes ")
            .title_style(theme.popup);
        let inner = block.inner(area);
        block.render(area, buf);
        let inner = Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(1),
            inner.height,
        );
        let (key_w, all) = lines(
            &self.settings.keymap,
            ascii,
            area.width,
            self.first,
            &self.facts,
        );
        let w = usize::from(inner.width);
        for (i, line) in all
            .iter()
            .skip(self.scroll)
            .take(usize::from(inner.height))
            .enumerate()
        {
            let y = inner.y + i as u16;
            match line {
                Line::Heading(h) => {
                    put(
                        buf,
                        inner.x,
                        y,
                        h,
                        w,
                        theme
                            .header
                            .add_modifier(ratatui::style::Modifier::UNDERLINED),
                    );
                }
                Line::Binding(keys, description) => {
                    put(
                        buf,
                        inner.x + 2,
                        y,
                        &fit(keys, key_w, sym.ellipsis),
                        key_w,
                        theme.key,
                    );
                    let x = inner.x + 2 + key_w as u16 + 2;
                    let room = usize::from(inner.right().saturating_sub(x));
                    put(
                        buf,
                        x,
                        y,
                        &fit(description, room, sym.ellipsis),
                        room,
                        Style::new(),
                    );
                }
                Line::Blank => {}
            }
        }
    }
}
