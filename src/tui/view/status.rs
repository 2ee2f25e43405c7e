//! The status bar (file, unsaved marker, problems or the last message) and
//! the hint bar (generated from the keymap).

use super::put;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Keymap, Mode};
use crate::tui::layout;
use crate::tui::text::{fit, one_line, width};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The status bar view.
pub struct Status<'a>(pub &'a App);

/// What the status line starts with: the file's name, whether it is
/// unsaved or changed on disk, and a separator; each with whether it is
/// a warning.
fn lead(app: &App) -> [(String, bool); 4] {
    let ascii = app.settings.ascii;
    let on = |yes: bool, text: &str| (if yes { text.to_string() } else { String::new() }, true);
    [
        (one_line(&app.doc.file_name(), ascii).into_owned(), false),
        on(app.doc.is_dirty(), " (unsaved)"),
        on(app.session.disk_changed, " (changed on disk: R reloads)"),
        (format!(" {} ", app.settings.symbols.vertical), false),
    ]
}

/// The rows of the current message in a status line `line` wide: wrapped
/// under its start, at most [`layout::STATUS_ROWS`], the last ending in `…`
/// when more was cut. Empty without a message.
fn message_rows(app: &App, line: u16) -> Vec<String> {
    let Some(m) = &app.message else {
        return Vec::new();
    };
    let lead: usize = lead(app).iter().map(|(t, _)| width(t)).sum();
    let room = usize::from(line).saturating_sub(lead);
    let limit = usize::from(layout::STATUS_ROWS);
    let text = one_line(&m.text, app.settings.ascii);
    let mut rows = wrap_at_spaces(&text, room, limit + 1);
    if rows.len() > limit {
        rows.truncate(limit);
        let ellipsis = app.settings.symbols.ellipsis;
        if let Some(last) = rows.last_mut() {
            let cut = fit(last, room.saturating_sub(width(ellipsis)), "");
            *last = format!("{cut}{ellipsis}");
        }
    }
    rows
}

/// Breaks a message into rows of at most `max` columns at spaces, so that
/// “Gear enthusiast: path” is not broken before its colon. A long word (a
/// file's path) fills the row it starts on and goes on in the next, broken
/// after a `/` or `-` where one fits. At most `limit` rows.
fn wrap_at_spaces(s: &str, max: usize, limit: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        let gap = usize::from(!row.is_empty());
        if width(&row) + gap + width(word) <= max {
            if gap == 1 {
                row.push(' ');
            }
            row.push_str(word);
            continue;
        }
        if width(word) <= max / 2 || max == 0 {
            rows.push(std::mem::take(&mut row));
            row.push_str(word);
        } else {
            let mut rest = word;
            while !rest.is_empty() && rows.len() <= limit {
                let gap = usize::from(!row.is_empty());
                let room = max.saturating_sub(width(&row) + gap);
                let (head, tail) = prefix(rest, room);
                if head.is_empty() {
                    rows.push(std::mem::take(&mut row));
                    if room == max {
                        break;
                    }
                    continue;
                }
                if gap == 1 {
                    row.push(' ');
                }
                row.push_str(head);
                rest = tail;
                if !rest.is_empty() {
                    rows.push(std::mem::take(&mut row));
                }
            }
        }
        if rows.len() > limit {
            break;
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows.retain(|r| !r.is_empty());
    rows.truncate(limit);
    rows
}

/// The longest start of `word` that fits in `room` columns, ending after a
/// `/` or `-` when one is in it, and what is left.
fn prefix(word: &str, room: usize) -> (&str, &str) {
    use unicode_segmentation::UnicodeSegmentation;
    let (mut used, mut end, mut soft) = (0, 0, 0);
    for (i, g) in word.grapheme_indices(true) {
        let w = crate::tui::text::grapheme_width(g);
        if used + w > room {
            break;
        }
        used += w;
        end = i + g.len();
        if g == "/" || g == "-" {
            soft = end;
        }
    }
    let at = if end < word.len() && soft > 0 {
        soft
    } else {
        end
    };
    word.split_at(at)
}

/// How many rows the status line wants on a screen `line` wide: more than
/// one while a message longer than the line shows.
pub fn rows(app: &App, line: u16) -> u16 {
    let n = message_rows(app, line).len().max(1);
    u16::try_from(n).unwrap_or(layout::STATUS_ROWS)
}

impl Widget for Status<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        if area.height == 0 || area.width == 0 {
            return;
        }
        let (theme, sym) = (&app.settings.theme, &app.settings.symbols);
        let ascii = app.settings.ascii;
        let right = area.right();
        let room = |x: u16| usize::from(right.saturating_sub(x));
        let mut x = area.x;
        for (i, (text, warn)) in lead(app).iter().enumerate() {
            let style = match (i, warn) {
                (0, _) => theme.header,
                (_, true) => theme.error,
                _ => theme.dim,
            };
            x = put(buf, x, area.y, text, room(x), style);
        }
        if let Some(m) = &app.message {
            let style = if m.error { theme.error } else { theme.ok };
            // A long message goes on under its start, on the rows the
            // board gave up; a message that fits keeps one line.
            let rows = message_rows(app, area.width);
            let shown = usize::from(area.height).max(1);
            for (row, text) in rows.iter().take(shown).enumerate() {
                let last = row + 1 == shown && rows.len() > shown;
                let text = if last {
                    fit(text, room(x).saturating_sub(width(sym.ellipsis)), "").into_owned()
                        + sym.ellipsis
                } else {
                    text.clone()
                };
                put(buf, x, area.y + row as u16, &text, room(x), style);
            }
            return;
        }
        if let Some(why) = &app.session.unprotected {
            let text = format!(
                "{} unsaved work is not protected: recovery files cannot be written: {}",
                sym.warning,
                one_line(why, ascii)
            );
            put(
                buf,
                x,
                area.y,
                &fit(&text, room(x), sym.ellipsis),
                room(x),
                theme.error,
            );
            return;
        }
        if let Some(drawing) = &app.session.drawing {
            let name = drawing
                .path()
                .file_name()
                .map_or_else(|| drawing.path(), std::path::Path::new);
            let text = format!(
                "drawing {}{} Esc cancels",
                one_line(&crate::recovery::shown(name), ascii),
                if ascii { "..." } else { "…" }
            );
            put(
                buf,
                x,
                area.y,
                &fit(&text, room(x), sym.ellipsis),
                room(x),
                theme.ok,
            );
            return;
        }
        let p = app.doc.problems();
        if p.is_empty() {
            put(buf, x, area.y, "no problems", room(x), theme.ok);
            return;
        }
        let count = match (p.errors(), p.warnings()) {
            (0, w) => plural(w, "warning"),
            (e, 0) => plural(e, "error"),
            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
        };
        let style = if p.errors() > 0 {
            theme.error
        } else {
            theme.warning
        };
        x = put(
            buf,
            x,
            area.y,
            &format!("{} {count}", sym.warning),
            room(x),
            style,
        );
        if let Some(first) = p.first() {
            let message = first.describe(app.doc.map()).message;
            let text = format!(": {}", one_line(&message, ascii));
            put(
                buf,
                x,
                area.y,
                &fit(&text, room(x), sym.ellipsis),
                room(x),
                ratatui::style::Style::new(),
            );
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The hint bar: the keys of the current mode that carry a hint and do
/// something now.
pub struct Hints<'a> {
    pub keymap: &'a Keymap,
    pub mode: Mode,
    pub ascii: bool,
    pub theme: &'a Theme,
    /// Whether an action does anything in the current state: a form with
    /// one field has no next field, an empty path no step to remove.
    pub offered: &'a dyn Fn(&Action) -> bool,
    /// Whether the state calls for an action now, so that its hint comes
    /// before the others a narrow bar drops.
    pub first: &'a dyn Fn(&Action) -> bool,
}

impl Widget for Hints<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let hints = self
            .keymap
            .hints(self.mode, self.ascii, self.offered, self.first);
        let need = |(key, word, _): &&(String, &str, bool)| width(key) + 1 + width(word) + 2;
        // Room is kept for the pinned hints (undo, save, quit); the others
        // fill what is left in order, whole or not at all: a cut hint would
        // say the wrong thing.
        let (pinned, others): (Vec<_>, Vec<_>) = hints.iter().partition(|h| h.2);
        let mut room = usize::from(area.width) + 2;
        room = room.saturating_sub(pinned.iter().map(need).sum());
        let mut shown = Vec::new();
        for hint in others {
            let n = need(&hint);
            if n > room {
                break;
            }
            room -= n;
            shown.push(hint);
        }
        let mut x = area.x;
        for hint in shown.into_iter().chain(pinned) {
            let n = need(&hint);
            if usize::from(area.right().saturating_sub(x)) + 2 < n {
                break;
            }
            let (key, word, _) = hint;
            x = put(buf, x, area.y, key, n, self.theme.key);
            x = put(buf, x + 1, area.y, word, n, self.theme.dim);
            x += 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::wrap_at_spaces;

    #[test]
    fn messages_break_at_spaces_and_long_paths_after_a_slash() {
        assert_eq!(
            wrap_at_spaces("copied as “Gear enthusiast: path”; u undoes", 30, 3),
            ["copied as “Gear enthusiast:", "path”; u undoes"]
        );
        assert_eq!(
            wrap_at_spaces("cannot save /home/someone/maps/camera.ron: denied", 24, 3),
            ["cannot save /home/", "someone/maps/camera.ron:", "denied"]
        );
        // No more rows than asked for, and never an empty one.
        let rows = wrap_at_spaces(&"word ".repeat(50), 20, 3);
        assert_eq!(rows.len(), 3);
        assert!(
            rows.iter()
                .all(|r| !r.is_empty() && r.chars().count() <= 20)
        );
        assert!(wrap_at_spaces("x", 0, 3).len() <= 3);
    }
}
