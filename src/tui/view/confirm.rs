//! A question in a popup, with its answers and their keys.

use super::{centered, put};
use crate::tui::action::{Action, Answer};
use crate::tui::app::{Confirm, Settings};
use crate::tui::keymap::Mode;
use crate::tui::text::{fit, one_line, width, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The question view.
pub struct ConfirmView<'a> {
    pub confirm: &'a Confirm,
    pub settings: &'a Settings,
}

impl ConfirmView<'_> {
    /// "s save and quit · d quit without saving · Esc cancel", keys taken
    /// from the keymap.
    fn answers(&self) -> Vec<(String, &'static str)> {
        let keymap = &self.settings.keymap;
        // Cancel always works; it is shown where the dialog does not name it.
        let cancel = (!self
            .confirm
            .options
            .iter()
            .any(|(a, _)| *a == Answer::Cancel))
        .then_some((Answer::Cancel, "cancel"));
        self.confirm
            .options
            .iter()
            .copied()
            .chain(cancel)
            .filter_map(|(answer, label)| {
                let key = keymap.key_for(Mode::Confirm, &Action::Answer(answer))?;
                Some((key.label(self.settings.ascii), label))
            })
            .collect()
    }
}

impl Widget for ConfirmView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, sym, ascii) = (
            &self.settings.theme,
            &self.settings.symbols,
            self.settings.ascii,
        );
        let answers = self.answers();
        // A dialog is as wide as its text, up to the screen less a border
        // and a margin; longer lines wrap, and answers that do not fit on
        // one row get a row each, so that no answer is ever cut off.
        let room = usize::from(area.width.saturating_sub(4)).max(1);
        let answer_w = |(k, l): &(String, &str)| width(k) + 1 + width(l);
        let answers_w: usize = answers.iter().map(|a| answer_w(a) + 3).sum();
        let stacked = answers_w > room;
        let lines: Vec<String> = self
            .confirm
            .lines
            .iter()
            .flat_map(|l| {
                let line = one_line(l, ascii);
                let rows = wrap(&line, room, usize::MAX);
                if rows.is_empty() {
                    vec![String::new()]
                } else {
                    rows
                }
            })
            .collect();
        let lines_w = lines.iter().map(|l| width(l)).max().unwrap_or(0);
        let widest_answer = if stacked {
            answers.iter().map(answer_w).max().unwrap_or(0)
        } else {
            answers_w
        };
        let want = lines_w
            .max(widest_answer)
            .max(width(&self.confirm.title) + 4)
            .min(room)
            + 4;
        let answer_rows = if stacked { answers.len() } else { 1 };
        let height = lines.len() + answer_rows + 4;
        let popup = centered(
            area,
            u16::try_from(want).unwrap_or(u16::MAX),
            u16::try_from(height).unwrap_or(u16::MAX),
        );
        if popup.is_empty() {
            return;
        }
        Clear.render(popup, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_set(sym.border)
            .border_style(theme.popup)
            .title(format!(" {} ", one_line(&self.confirm.title, ascii)))
            .title_style(theme.popup);
        let inner = block.inner(popup);
        block.render(popup, buf);
        let inner = Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        );
        let w = usize::from(inner.width);
        let mut y = inner.y;
        for line in &lines {
            if y >= inner.bottom() {
                return;
            }
            put(
                buf,
                inner.x,
                y,
                &fit(line, w, sym.ellipsis),
                w,
                Style::new(),
            );
            y += 1;
        }
        y += 1;
        let mut x = inner.x;
        for (key, label) in answers {
            if y >= inner.bottom() {
                return;
            }
            let room = usize::from(inner.right().saturating_sub(x));
            x = put(buf, x, y, &key, room, theme.key);
            let room = usize::from(inner.right().saturating_sub(x));
            x = put(buf, x, y, &format!(" {label}   "), room, Style::new());
            if stacked {
                x = inner.x;
                y += 1;
            }
        }
    }
}
