//! The persona picker: each persona's name, number of paths and
//! description, the current one marked, problems flagged.

use super::list::{first_row, frame, with_footer};
use super::put;
use crate::tui::app::App;
use crate::tui::text::{fit, one_line, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The persona picker view.
pub struct Personas<'a> {
    pub app: &'a App,
    pub cursor: usize,
}

/// Names wider than this are cut, so descriptions keep some room.
const NAME_MAX: usize = 24;

impl Widget for Personas<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let (theme, sym, ascii) = (
            &app.settings.theme,
            &app.settings.symbols,
            app.settings.ascii,
        );
        let personas = &app.doc.map().personas;
        let title = format!("Personas ({})", personas.len());
        let inner = frame(area, buf, &app.settings, &title);
        if inner.is_empty() {
            return;
        }
        let w = usize::from(inner.width);
        if personas.is_empty() {
            let text = "No personas yet. n makes one: a customer type, such as a critical buyer.";
            put(
                buf,
                inner.x,
                inner.y,
                &fit(text, w, sym.ellipsis),
                w,
                theme.dim,
            );
            return;
        }
        let selected = personas
            .get(self.cursor)
            .map_or("", |p| p.description.as_str());
        let inner = with_footer(inner, buf, &app.settings, selected, 3);
        let height = usize::from(inner.height);
        let first = first_row(personas.len(), self.cursor, height);
        // The name column is as wide as the widest name on screen.
        let shown = &personas[first..(first + height).min(personas.len())];
        let name_w = shown
            .iter()
            .map(|p| width(&one_line(&p.name, ascii)))
            .max()
            .unwrap_or(0)
            .min(NAME_MAX);
        for (i, p) in shown.iter().enumerate() {
            let index = first + i;
            let y = inner.y + i as u16;
            let selected = index == self.cursor;
            let base = if selected {
                theme.selected
            } else {
                Style::new()
            };
            if selected {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
            }
            let current = app.current.persona == Some(index);
            let mark = if current { ">" } else { " " };
            let mut x = put(buf, inner.x, y, mark, w, base.patch(theme.key));
            x += 1;
            let room = |x: u16| usize::from(inner.right().saturating_sub(x));
            let name = fit(&one_line(&p.name, ascii), name_w, sym.ellipsis).into_owned();
            put(buf, x, y, &name, room(x), base.patch(theme.header));
            x = x.saturating_add(name_w as u16 + 2);
            let count = match p.paths.len() {
                0 => "no path".to_string(),
                1 => "1 path".to_string(),
                n => format!("{n} paths"),
            };
            put(buf, x, y, &format!("{count:<8}"), room(x), base);
            x = x.saturating_add(9);
            if app.derived.persona_has_problem(index) {
                x = put(buf, x, y, sym.warning, room(x), base.patch(theme.warning));
                x += 1;
            }
            let description = one_line(&p.description, ascii);
            let description = fit(&description, room(x), sym.ellipsis);
            put(buf, x, y, &description, room(x), base.patch(theme.dim));
        }
    }
}
