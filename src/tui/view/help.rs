//! The help screen, generated from the keymap that dispatch uses.

use super::put;
use crate::tui::app::Settings;
use crate::tui::keymap::{Keymap, MODES};
use crate::tui::text::{fit, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The help view, scrolled by `scroll` lines.
pub struct Help<'a> {
    pub settings: &'a Settings,
    pub scroll: usize,
}

/// One line of help: a heading, a binding, or a blank.
enum Line {
    Heading(&'static str),
    Binding(String, &'static str),
    Blank,
}

fn lines(keymap: &Keymap, ascii: bool) -> Vec<Line> {
    let mut out = Vec::new();
    for mode in MODES {
        out.push(Line::Heading(mode.title()));
        for (keys, description) in keymap.help_rows(mode, ascii) {
            out.push(Line::Binding(keys, description));
        }
        out.push(Line::Blank);
    }
    out
}

/// How many lines the help has, for scrolling.
pub fn line_count(keymap: &Keymap) -> usize {
    lines(keymap, true).len()
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
        let all = lines(&self.settings.keymap, ascii);
        let key_w = all
            .iter()
            .map(|l| match l {
                Line::Binding(k, _) => width(k),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
            .min(usize::from(inner.width) / 2);
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
