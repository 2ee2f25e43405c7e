//! The reader (`z`): the selection's whole text, full screen, wrapped at
//! the screen's width and scrolled; nothing is cut.

use super::put;
use crate::tui::app::App;
use crate::tui::reader::{ReadLine, Tone, lines};
use crate::tui::text::{one_line, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// The reader, scrolled by `scroll` rows, on the touchpoint or stage that
/// [`target`] names.
pub struct Reader<'a> {
    pub app: &'a App,
    pub scroll: usize,
    pub from_path: bool,
}

/// The stage and row the reader shows: the board's selection, or from the
/// path panel, the selected step's touchpoint.
pub fn target(app: &App, from_path: bool) -> (usize, Option<usize>) {
    let map = app.doc.map();
    if from_path
        && let Some(at) = app
            .current
            .path(map)
            .and_then(|p| p.steps.get(app.current.step))
            .and_then(|s| map.find_touchpoint(&s.touchpoint))
    {
        return (at.stage, Some(at.index));
    }
    (app.view.stage, app.view.row)
}

/// The reader's logical lines for the app's selection.
pub fn content(app: &App, from_path: bool) -> Vec<ReadLine> {
    let (stage, row) = target(app, from_path);
    let map = app.doc.map();
    let visits = row
        .and_then(|r| map.stages.get(stage)?.touchpoints.get(r))
        .map_or_else(Vec::new, |t| app.derived.visits(&app.doc, &t.id));
    lines(map, stage, row, &visits)
}

/// The rows at `width`: each logical line wrapped after its indent. An
/// indented entry (a visit, a step's note) goes on two columns further in,
/// so that its second row does not read as the next entry.
pub fn rows(lines: &[ReadLine], width: usize, ascii: bool) -> Vec<(Tone, usize, String)> {
    let mut out = Vec::new();
    for l in lines {
        let hang = if l.indent > 0 { 2 } else { 0 };
        let room = width.saturating_sub(l.indent + hang).max(1);
        let text = one_line(&l.text, ascii);
        let wrapped = wrap(&text, room, usize::MAX);
        if wrapped.is_empty() {
            out.push((l.tone, l.indent, String::new()));
        }
        out.extend(
            wrapped
                .into_iter()
                .enumerate()
                .map(|(i, r)| (l.tone, l.indent + if i > 0 { hang } else { 0 }, r)),
        );
    }
    out
}

/// The text area inside the reader's frame on a screen of `size`.
pub fn inner(size: (u16, u16)) -> (usize, usize) {
    (
        usize::from(size.0.saturating_sub(4)),
        usize::from(size.1.saturating_sub(2)),
    )
}

impl Widget for Reader<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if area.is_empty() {
            return;
        }
        let (theme, sym, ascii) = (
            &app.settings.theme,
            &app.settings.symbols,
            app.settings.ascii,
        );
        Clear.render(area, buf);
        let all = rows(
            &content(app, self.from_path),
            usize::from(area.width.saturating_sub(4)),
            ascii,
        );
        let height = usize::from(area.height.saturating_sub(2));
        let last = all.len().saturating_sub(height);
        let scroll = self.scroll.min(last);
        let more = if scroll < last {
            format!(" {} more below · ", sym.more_down)
        } else {
            " ".to_string()
        };
        let (up, down) = if ascii {
            ("Up", "Down")
        } else {
            ("↑", "↓")
        };
        Block::new()
            .borders(Borders::ALL)
            .border_set(sym.border)
            .border_style(theme.popup)
            .title(" Read all ")
            .title_style(theme.popup)
            .title_bottom(format!("{more}{up}/{down} scroll, Esc closes "))
            .render(area, buf);
        let x0 = area.x + 2;
        let w = usize::from(area.width.saturating_sub(4));
        for (i, (tone, indent, text)) in all.iter().skip(scroll).take(height).enumerate() {
            let style = match tone {
                Tone::Heading => theme.header.add_modifier(Modifier::BOLD),
                Tone::Text => Style::new(),
                Tone::Dim => theme.dim,
            };
            let x = x0 + *indent as u16;
            put(
                buf,
                x,
                area.y + 1 + i as u16,
                text,
                w.saturating_sub(*indent),
                style,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indented_entry_goes_on_further_in() {
        let entry = |indent| ReadLine {
            tone: Tone::Text,
            indent,
            text: "one two three four".into(),
        };
        let indents = |rows: Vec<(Tone, usize, String)>| -> Vec<(usize, String)> {
            rows.into_iter().map(|(_, i, t)| (i, t)).collect()
        };
        // A visit at 2 columns: its second row at 4, the next entry at 2.
        assert_eq!(
            indents(rows(&[entry(2), entry(2)], 14, false)),
            [
                (2, "one two".to_string()),
                (4, "three four".to_string()),
                (2, "one two".to_string()),
                (4, "three four".to_string()),
            ]
        );
        // Text at the margin goes on at the margin.
        assert_eq!(
            indents(rows(&[entry(0)], 9, false)),
            [
                (0, "one two".to_string()),
                (0, "three".to_string()),
                (0, "four".to_string())
            ]
        );
    }
}
