//! The picker's screen: the list of maps, a message line and the hints.

use super::put;
use crate::tui::keymap::Mode;
use crate::tui::picker::Picker;
use crate::tui::text::{fit, one_line, width};
use crate::tui::view::{form::FormView, help::Help, status::Hints};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

impl Widget for &Picker {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let (theme, sym, ascii) = (
            &self.settings.theme,
            &self.settings.symbols,
            self.settings.ascii,
        );
        let w = usize::from(area.width);
        put(buf, area.x, area.y, "journey: open a map", w, theme.header);
        let list_top = area.y + 2;
        let bottom = area.bottom().saturating_sub(2);
        let rows = usize::from(bottom.saturating_sub(list_top));
        if self.entries.is_empty() && rows > 0 {
            let text = "No maps in ./maps or here. n makes a new one.";
            put(
                buf,
                area.x + 2,
                list_top,
                text,
                w.saturating_sub(2),
                theme.dim,
            );
        }
        let offset = self.selected.saturating_sub(rows.saturating_sub(1));
        // Titles line up in a column after the longest path shown, which
        // takes no more than half the width.
        let path_w = self
            .entries
            .iter()
            .skip(offset)
            .take(rows)
            .map(|e| width(&one_line(&e.path.to_string_lossy(), ascii)))
            .max()
            .unwrap_or(0)
            .min(w / 2);
        for (i, entry) in self.entries.iter().enumerate().skip(offset).take(rows) {
            let y = list_top + (i - offset) as u16;
            let selected = i == self.selected;
            let style = if selected {
                theme.selected
            } else {
                Style::new()
            };
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            }
            let marker = if selected { "> " } else { "  " };
            let x = put(buf, area.x, y, marker, w, style);
            let path = one_line(&entry.path.to_string_lossy(), ascii).into_owned();
            let tag = match (entry.recent, entry.title.is_empty()) {
                (true, true) => "  (recent)".to_string(),
                (true, false) => format!("  {}  (recent)", one_line(&entry.title, ascii)),
                (false, false) => format!("  {}", one_line(&entry.title, ascii)),
                (false, true) => String::new(),
            };
            let room = usize::from(area.right().saturating_sub(x));
            let shown = fit(&path, path_w.min(room), sym.ellipsis);
            put(buf, x, y, &shown, room, style);
            let x = x.saturating_add(path_w as u16).min(area.right());
            let room = usize::from(area.right().saturating_sub(x));
            let tag = fit(&tag, room, sym.ellipsis);
            put(buf, x, y, &tag, room, style.patch(theme.dim));
        }
        if area.height >= 2
            && let Some(m) = &self.message
        {
            let style = if m.error { theme.error } else { theme.ok };
            let text = fit(&one_line(&m.text, ascii), w, sym.ellipsis).into_owned();
            put(buf, area.x, area.bottom() - 2, &text, w, style);
        }
        Hints {
            keymap: &self.settings.keymap,
            mode: Mode::Picker,
            ascii,
            theme,
            offered: &|_| true,
            first: &|_| false,
        }
        .render(Rect::new(area.x, area.bottom() - 1, area.width, 1), buf);
        if let Some(form) = &self.form {
            FormView {
                form,
                settings: &self.settings,
            }
            .render(area, buf);
        }
        if let Some(scroll) = self.help {
            Help {
                settings: &self.settings,
                scroll,
                first: Mode::Picker,
                facts: crate::tui::conditions::Facts::ALL,
            }
            .render(area, buf);
        }
    }
}
