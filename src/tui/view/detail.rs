//! The detail pane: the selected touchpoint's kind, channel and notes, or
//! the stage's description when the stage itself is selected.

use super::{put, put_symbol};
use crate::core::model::Kind;
use crate::tui::app::App;
use crate::tui::text::{LINE_BYTES, fit, one_line, width, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The detail view.
pub struct Detail<'a>(pub &'a App);

impl Widget for Detail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        if area.height == 0 || area.width == 0 {
            return;
        }
        let (theme, sym) = (&app.settings.theme, &app.settings.symbols);
        let ascii = app.settings.ascii;
        let w = usize::from(area.width);
        let mut y = area.y;
        if area.height > 1 {
            put_symbol(buf, area.x, y, sym.horizontal, area.width, theme.dim);
            // The map's title sits in the rule, where it costs no row.
            let title = one_line(&app.doc.map().title, ascii);
            if !title.is_empty() && w > 8 {
                let title = format!(" {} ", fit(&title, w - 6, sym.ellipsis));
                put(buf, area.x + 2, y, &title, w - 2, theme.header);
            }
            y += 1;
        }
        let map = app.doc.map();
        let Some(stage) = map.stages.get(app.view.stage) else {
            return;
        };
        let t = app.view.row.and_then(|r| stage.touchpoints.get(r));
        let words = crate::tui::item_words::for_map(map);
        // The first line: what is selected, then its facts.
        let (head, facts, body): (String, Vec<String>, &str) = match t {
            Some(t) => {
                let marker = match t.kind {
                    Kind::Direct => sym.direct,
                    Kind::Indirect => sym.indirect,
                };
                let channel = words.channel_fact(&one_line(&t.channel, ascii));
                (
                    format!("{marker} {}", one_line(&t.name, ascii)),
                    vec![
                        words.kind(t.kind).to_string(),
                        channel,
                        format!("id {}", t.id),
                    ],
                    &t.notes,
                )
            }
            None => (
                format!("{} {}", words.stage(), one_line(&stage.name, ascii)),
                vec![
                    words.count(stage.touchpoints.len()),
                    format!("id {}", stage.id),
                ],
                &stage.description,
            ),
        };
        let sep = format!(" {} ", sym.dot);
        // What does not fit ends with `…`, and `z` shows it whole.
        let mut x = put(
            buf,
            area.x,
            y,
            &fit(&head, w, sym.ellipsis),
            w,
            theme.header,
        );
        for fact in &facts {
            let room = usize::from(area.right().saturating_sub(x));
            if width(&sep) + width(fact) > room {
                // The rest does not fit: say so.
                if room > 0 {
                    let rest = fit(&format!("{sep}{fact}"), room, sym.ellipsis).into_owned();
                    put(buf, x, y, &rest, room, theme.dim);
                }
                x = area.right();
                break;
            }
            x = put(buf, x, y, &sep, room, theme.dim);
            let room = usize::from(area.right().saturating_sub(x));
            x = put(buf, x, y, fact, room, Style::new());
        }
        let empty = if t.is_some() {
            words.no_notes
        } else {
            words.no_description
        };
        let last = area.bottom();
        // No more than the pane can show is looked at: a column takes at
        // least a byte, so this is plenty for every row.
        let body = crate::tui::text::head(
            body,
            (usize::from(area.height) + 1) * (w + 1) * 4 + LINE_BYTES,
        );
        if area.height == 1 {
            // One line only: the first line of the notes follows the facts.
            let first = body.lines().next().unwrap_or(empty);
            let room = usize::from(area.right().saturating_sub(x));
            let x = put(buf, x, y, &sep, room, theme.dim);
            let room = usize::from(area.right().saturating_sub(x));
            put(
                buf,
                x,
                y,
                &fit(&one_line(first, ascii), room, sym.ellipsis),
                room,
                theme.dim,
            );
            return;
        }
        y += 1;
        if let Some(t) = t
            && y < last
        {
            let line = Rect::new(area.x, y, area.width, 1);
            if last - y >= 3 {
                // Room for the visits, the figures and some notes.
                visits(app, t, line, buf);
                y += 1;
                let line = Rect::new(area.x, y, area.width, 1);
                super::insight::detail_line(app, &t.id, line, buf);
            } else {
                // The figures lead the visits' line, so the notes keep a row.
                let x = super::insight::detail_line(app, &t.id, line, buf);
                let x = if x > area.x {
                    let room = usize::from(area.right().saturating_sub(x));
                    put(buf, x, y, &sep, room, theme.dim)
                } else {
                    x
                };
                let rest = Rect::new(x, y, area.right().saturating_sub(x), 1);
                visits(app, t, rest, buf);
            }
            y += 1;
            if y >= last {
                return;
            }
        }
        if body.is_empty() {
            put(buf, area.x, y, empty, w, theme.dim);
            return;
        }
        // Wrap the notes into the rows there are; a marker says when more
        // is hidden.
        let room = usize::from(last.saturating_sub(y));
        let mut rows = Vec::new();
        for line in body.lines() {
            let text = one_line(line, ascii);
            let wrapped = wrap(&text, w, room + 1 - rows.len().min(room));
            if wrapped.is_empty() {
                rows.push(String::new());
            }
            rows.extend(wrapped);
            if rows.len() > room {
                break;
            }
        }
        let more = rows.len() > room;
        rows.truncate(room);
        if more && let Some(last_row) = rows.last_mut() {
            let cut = fit(last_row, w.saturating_sub(2), sym.ellipsis).into_owned();
            *last_row = format!("{cut} {}", sym.more_down);
        }
        for (i, text) in rows.iter().enumerate() {
            put(buf, area.x, y + i as u16, text, w, Style::new());
        }
    }
}

/// One line naming the personas and paths that visit `t`, with the step
/// numbers: the reason not to cut a touchpoint that "brings no
/// conversions". Read from the precomputed visits; stops at the edge.
fn visits(app: &App, t: &crate::core::model::Touchpoint, rect: Rect, buf: &mut Buffer) {
    let (theme, sym, ascii) = (
        &app.settings.theme,
        &app.settings.symbols,
        app.settings.ascii,
    );
    let map = app.doc.map();
    let words = crate::tui::item_words::for_map(map);
    let all = app.derived.visits(&app.doc, &t.id);
    let end = rect.right();
    let room = |x: u16| usize::from(end.saturating_sub(x));
    if all.is_empty() {
        put(
            buf,
            rect.x,
            rect.y,
            words.on_no_path,
            room(rect.x),
            theme.dim,
        );
        return;
    }
    let lead = format!("{} ", words.visited_by);
    let mut x = put(buf, rect.x, rect.y, &lead, room(rect.x), theme.dim);
    let first = x;
    let mut i = 0;
    while i < all.len() {
        // One entry per path: all its steps at this touchpoint together.
        let v = all[i];
        let mut steps = vec![v.step + 1];
        while i + 1 < all.len() && all[i + 1].persona == v.persona && all[i + 1].path == v.path {
            i += 1;
            steps.push(all[i].step + 1);
        }
        i += 1;
        let Some(persona) = map.personas.get(v.persona) else {
            continue;
        };
        let mut text = one_line(&persona.name, ascii).into_owned();
        if persona.paths.len() > 1
            && let Some(path) = persona.paths.get(v.path)
        {
            text.push_str(&format!(" “{}”", one_line(&path.name, ascii)));
            if ascii {
                text = text.replace(['“', '”'], "\"");
            }
        }
        let list: Vec<String> = steps.iter().map(usize::to_string).collect();
        let word = words.step_or_steps(steps.len());
        // A visit on a path that converts is marked, so that the line says
        // which touchpoints the conversions go through.
        let converts = persona
            .paths
            .get(v.path)
            .is_some_and(|p| p.outcome == crate::core::model::Outcome::Converted);
        let mark = match (converts, ascii) {
            (false, _) => String::new(),
            (true, false) => " ✓".to_string(),
            (true, true) => format!(" ({})", words.converts),
        };
        let entry = format!("{text}: {word} {}{mark}", list.join(","));
        let sep = if x > first {
            format!(" {} ", sym.dot)
        } else {
            String::new()
        };
        let current = app.current.persona == Some(v.persona) && app.current.path == v.path;
        let style = if current { theme.header } else { Style::new() };
        // What does not fit, the separator included, ends with `…`.
        if crate::tui::text::width(&sep) + crate::tui::text::width(&entry) > room(x) {
            let cut = fit(&format!("{sep}{entry}"), room(x), sym.ellipsis).into_owned();
            put(buf, x, rect.y, &cut, room(x), style);
            return;
        }
        x = put(buf, x, rect.y, &sep, room(x), theme.dim);
        x = put(buf, x, rect.y, &entry, room(x), style);
    }
}
