//! A question in a popup, with its answers and their keys.

use super::{centered, put};
use crate::tui::action::{Action, Answer};
use crate::tui::app::{Confirm, Settings};
use crate::tui::keymap::Mode;
use crate::tui::text::{fit, one_line, width};
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
        let answers_w: usize = answers.iter().map(|(k, l)| width(k) + width(l) + 4).sum();
        let lines_w = self
            .confirm
            .lines
            .iter()
            .map(|l| width(l))
            .max()
            .unwrap_or(0);
        let want = lines_w.max(answers_w).max(width(&self.confirm.title) + 4) + 4;
        let height = self.confirm.lines.len() as u16 + 5;
        let popup = centered(area, u16::try_from(want).unwrap_or(u16::MAX), height);
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
        for line in &self.confirm.lines {
            if y >= inner.bottom() {
                return;
            }
            put(
                buf,
                inner.x,
                y,
                &fit(&one_line(line, ascii), w, sym.ellipsis),
                w,
                Style::new(),
            );
            y += 1;
        }
        y += 1;
        if y >= inner.bottom() {
            return;
        }
        let mut x = inner.x;
        for (key, label) in answers {
            let room = usize::from(inner.right().saturating_sub(x));
            x = put(buf, x, y, &key, room, theme.key);
            let room = usize::from(inner.right().saturating_sub(x));
            x = put(buf, x, y, &format!(" {label}   "), room, Style::new());
        }
    }
}
