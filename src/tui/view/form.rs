//! A form in a popup: labels on the left, fields on the right, the focused
//! label reversed, an error line, and the terminal cursor in the field.

use super::{centered, put};
use crate::tui::app::Settings;
use crate::tui::form::{FieldValue, Form};
use crate::tui::keymap::Mode;
use crate::tui::text::{ascii_grapheme, fit, one_line, width, wrap};
use crate::tui::textfield::{TextField, field_grapheme_width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_segmentation::UnicodeSegmentation;

/// How many lines a multi-line field shows at least, and at most.
const NOTE_ROWS: u16 = 4;
const MAX_NOTE_ROWS: u16 = 12;
/// The most rows an intro takes; each form's own intro needs fewer.
const INTRO_ROWS: usize = 3;

/// The form view.
pub struct FormView<'a, P> {
    pub form: &'a Form<P>,
    pub settings: &'a Settings,
}

/// Where each part of the form goes; shared by drawing and the cursor.
struct Geometry {
    popup: Rect,
    inner: Rect,
    /// The intro's first row and its rows, wrapped to the form's width.
    intro: (u16, Vec<String>),
    /// Per field: its first row and its number of rows.
    fields: Vec<(u16, u16)>,
    /// Where field values start.
    value_x: u16,
    error_y: u16,
    hint_y: u16,
}

fn geometry<P>(form: &Form<P>, area: Rect, ascii: bool) -> Geometry {
    let popup_w = 70.min(area.width.saturating_sub(2)).max(30);
    // The intro in up to three rows, then a blank one.
    let intro = wrap(
        &one_line(&form.intro, ascii),
        usize::from(popup_w.saturating_sub(4)),
        INTRO_ROWS,
    );
    let intro_h = if intro.is_empty() {
        0
    } else {
        intro.len() as u16 + 1
    };
    let label_w = form
        .fields
        .iter()
        .map(|f| width(f.label))
        .max()
        .unwrap_or(0) as u16
        + 3;
    // Borders and margins, then the labels.
    let value_w = usize::from(popup_w.saturating_sub(4 + label_w));
    // A field of several lines is as tall as its text and a row to type
    // on, from NOTE_ROWS up to its share of what the terminal has to
    // spare, and never more than MAX_NOTE_ROWS.
    let several = form
        .fields
        .iter()
        .filter(|f| matches!(&f.value, FieldValue::Text(t) if t.is_multiline()))
        .count() as u16;
    let others = form.fields.len() as u16 - several;
    let spare = area.height.saturating_sub(2 + 2 + intro_h + others + 3);
    let cap = spare
        .checked_div(several)
        .unwrap_or(0)
        .clamp(NOTE_ROWS, MAX_NOTE_ROWS);
    let rows: Vec<u16> = form
        .fields
        .iter()
        .map(|f| match &f.value {
            FieldValue::Text(t) if t.is_multiline() => {
                let (text, _) = wrapped(t, value_w, ascii);
                u16::try_from(text.len() + 1)
                    .unwrap_or(u16::MAX)
                    .clamp(NOTE_ROWS, cap)
            }
            _ => 1,
        })
        .collect();
    let fields_h: u16 = rows.iter().sum();
    // Borders, intro, fields, a blank line, the error line, the hint line.
    let height = 2 + intro_h + fields_h + 3;
    let popup = centered(area, popup_w, height);
    let inner = Block::new().borders(Borders::ALL).inner(popup);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    let mut y = inner.y + intro_h;
    let fields = rows
        .iter()
        .map(|&h| {
            let at = (y, h);
            y += h;
            at
        })
        .collect();
    Geometry {
        popup,
        inner,
        intro: (inner.y, intro),
        fields,
        value_x: inner.x + label_w,
        error_y: y + 1,
        hint_y: y + 2,
    }
}

impl<P> Widget for FormView<'_, P> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (form, theme) = (self.form, &self.settings.theme);
        let ascii = self.settings.ascii;
        let sym = &self.settings.symbols;
        let g = geometry(form, area, ascii);
        if g.popup.is_empty() {
            return;
        }
        Clear.render(g.popup, buf);
        let title = format!(" {} ", one_line(&form.title, ascii));
        Block::new()
            .borders(Borders::ALL)
            .border_set(sym.border)
            .border_style(theme.popup)
            .title(
                fit(
                    &title,
                    usize::from(g.popup.width.saturating_sub(2)),
                    sym.ellipsis,
                )
                .into_owned(),
            )
            .title_style(theme.popup)
            .render(g.popup, buf);
        let inner = g.inner.intersection(buf.area);
        let w = usize::from(inner.width);
        let visible = |y: u16| y >= inner.top() && y < inner.bottom();
        let (top, intro) = &g.intro;
        for (line, y) in intro.iter().zip(*top..) {
            if visible(y) {
                put(
                    buf,
                    inner.x,
                    y,
                    &fit(line, w, sym.ellipsis),
                    w,
                    Style::new(),
                );
            }
        }
        let value_w = usize::from(inner.right().saturating_sub(g.value_x));
        for (i, (field, &(y, h))) in form.fields.iter().zip(&g.fields).enumerate() {
            if !visible(y) {
                continue;
            }
            let focused = i == form.focus;
            let label_style = if focused { theme.focus } else { theme.header };
            let label = format!("{} {}", if focused { ">" } else { " " }, field.label);
            put(buf, inner.x, y, &label, w, label_style);
            match &field.value {
                FieldValue::Text(t) => {
                    let underline = Style::new().add_modifier(Modifier::UNDERLINED);
                    for row in 0..h {
                        if visible(y + row) && value_w > 0 {
                            buf.set_style(
                                Rect::new(g.value_x, y + row, value_w as u16, 1),
                                underline,
                            );
                        }
                    }
                    // Selected template text shows reversed: typing replaces it.
                    let text_style = if t.is_selected() {
                        underline.add_modifier(Modifier::REVERSED)
                    } else {
                        underline
                    };
                    for (row, text) in text_rows(t, value_w, h, ascii) {
                        if visible(y + row) {
                            put(buf, g.value_x, y + row, &text, value_w, text_style);
                        }
                    }
                }
                FieldValue::Choice { options, selected } => {
                    let mark = |on: bool| match (on, ascii) {
                        (true, false) => "◉ ",
                        (false, false) => "○ ",
                        (true, true) => "(*) ",
                        (false, true) => "( ) ",
                    };
                    let all: usize = options
                        .iter()
                        .map(|o| width(mark(false)) + width(o) + 2)
                        .sum();
                    let room = usize::from(inner.right().saturating_sub(g.value_x));
                    if all > room {
                        // Too many to show side by side: the chosen one,
                        // with where it is among them and how to turn.
                        let option = options.get(*selected).map_or("", String::as_str);
                        let text = format!(
                            "{}{option}   ({} of {}, {} turns)",
                            mark(true),
                            selected + 1,
                            options.len(),
                            if ascii { "Left/Right" } else { "←/→" }
                        );
                        put(buf, g.value_x, y, &text, room, theme.header);
                        continue;
                    }
                    let mut x = g.value_x;
                    for (k, option) in options.iter().enumerate() {
                        let on = k == *selected;
                        let style = if on { theme.header } else { Style::new() };
                        let room = usize::from(inner.right().saturating_sub(x));
                        x = put(buf, x, y, &format!("{}{option}", mark(on)), room, style);
                        x = x.saturating_add(2);
                    }
                    // Say how to turn a focused choice, where there is room.
                    let turn = if ascii { "(Left/Right)" } else { "(←/→)" };
                    let room = usize::from(inner.right().saturating_sub(x));
                    if focused && room >= width(turn) {
                        put(buf, x, y, turn, room, theme.dim);
                    }
                }
            }
        }
        if let Some(e) = &form.error
            && visible(g.error_y)
        {
            put(
                buf,
                inner.x,
                g.error_y,
                &fit(&one_line(e, ascii), w, sym.ellipsis),
                w,
                theme.error,
            );
        }
        if visible(g.hint_y) {
            // Only the keys that do something in this form.
            let hints = self.settings.keymap.hint_bindings(Mode::Form);
            let text: Vec<String> = hints
                .filter(|b| form.offers(&b.action))
                .filter_map(|b| Some(format!("{} {}", b.key.label(ascii), b.hint?)))
                .collect();
            let text = text.join("  ");
            put(
                buf,
                inner.x,
                g.hint_y,
                &fit(&text, w, sym.ellipsis),
                w,
                theme.dim,
            );
        }
    }
}

/// The rows a text field shows: (row, text). A one-line field scrolls
/// sideways to keep the cursor in view; a field of several lines wraps its
/// lines at the field's width and scrolls down to the cursor's row.
fn text_rows(t: &TextField, width: usize, rows: u16, ascii: bool) -> Vec<(u16, String)> {
    if t.is_multiline() {
        let (all, (cursor_row, _)) = wrapped(t, width, ascii);
        let first = cursor_row.saturating_sub(usize::from(rows.saturating_sub(1)));
        return all
            .into_iter()
            .skip(first)
            .take(usize::from(rows))
            .enumerate()
            .map(|(n, text)| (n as u16, text))
            .collect();
    }
    let (line, column) = line_view(t, width, ascii);
    let skip = column.saturating_sub(width.saturating_sub(1));
    vec![(0, shown(line, skip, width, ascii))]
}

/// A one-line field as far as it can show with the cursor in view: its
/// text from some way before the cursor (all of it when the cursor is near
/// the start), and the cursor's column in that text. Looking only that far
/// back keeps a frame's cost to what a row shows, however long the text.
fn line_view(t: &TextField, width: usize, ascii: bool) -> (&str, usize) {
    let text = t.text();
    let cursor = t.cursor();
    // A column takes at least one byte; ASCII stand-ins at most a few.
    let reach = width.saturating_mul(4).saturating_add(64);
    let mut start = cursor.saturating_sub(reach);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let end = cursor.saturating_add(reach).min(text.len());
    let end = (end..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let line = text[start..end].split('\n').next().unwrap_or_default();
    let before = &text[start..cursor];
    let column = if ascii {
        before.graphemes(true).map(|g| shown_width(g, true)).sum()
    } else {
        crate::tui::textfield::field_width(before)
    };
    (line, column)
}

/// A field of several lines as drawn: every line broken into rows of at
/// most `width` columns, between words where it can (spaces hang at the end
/// of a row) and between graphemes in a word longer than a row; and the
/// cursor's (row, column) among them. A cursor past the end of a full row
/// sits at the start of the next, where the next character will go.
///
/// Only a window of the text around the cursor is wrapped (see
/// [`window`]), so a note of megabytes costs a frame what a screenful does.
fn wrapped(t: &TextField, width: usize, ascii: bool) -> (Vec<String>, (usize, usize)) {
    let width = width.max(1);
    let (start, end) = window(t.text(), t.cursor());
    let text = &t.text()[start..end];
    let before = &text[..t.cursor() - start];
    let spot_line = before.matches('\n').count();
    let cursor_at = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    let mut rows: Vec<String> = Vec::new();
    let mut cursor = (0, 0);
    let place = |rows: &[String], col: usize| {
        if col >= width {
            (rows.len(), 0)
        } else {
            (rows.len() - 1, col)
        }
    };
    for (n, line) in text.split('\n').enumerate() {
        rows.push(String::new());
        let (mut col, mut at) = (0, 0);
        for word in line.split_word_bounds() {
            let blank = word.chars().all(char::is_whitespace);
            let word_w: usize = word.graphemes(true).map(|g| shown_width(g, ascii)).sum();
            if !blank && col > 0 && col + word_w > width {
                rows.push(String::new());
                col = 0;
            }
            for g in word.graphemes(true) {
                let w = shown_width(g, ascii);
                if !blank && col > 0 && col + w > width {
                    rows.push(String::new());
                    col = 0;
                }
                if n == spot_line && at == cursor_at {
                    cursor = place(&rows, col);
                }
                let row = rows.last_mut().expect("a row");
                match g {
                    "\t" => row.push(' '),
                    g if ascii && !g.is_ascii() => row.push_str(ascii_grapheme(g)),
                    g => row.push_str(g),
                }
                col += w;
                at += g.len();
            }
        }
        if n == spot_line && at == cursor_at {
            cursor = place(&rows, col);
        }
    }
    (rows, cursor)
}

/// The most of a field's text wrapped on either side of the cursor: far
/// more than a form shows.
const WINDOW: usize = 4 * 1024;

/// The part of `text` that [`wrapped`] lays out: all of it when it is short,
/// else about [`WINDOW`] bytes on either side of `cursor`. The start moves in
/// steps of a window and then to the next line or space, so that typing or
/// moving within a step keeps the rows where they were.
fn window(text: &str, cursor: usize) -> (usize, usize) {
    if text.len() <= 2 * WINDOW {
        return (0, text.len());
    }
    let mut start = cursor.saturating_sub(WINDOW) / WINDOW * WINDOW;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        // Rows begin at a line or a word, as they would in the whole text.
        let head = &text[start..cursor];
        start += head.find(['\n', ' ']).map_or(0, |i| i + 1).min(head.len());
    }
    let mut end = (cursor + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// A line of field text from display column `skip` on, `width` columns of
/// it at most; tabs as spaces.
fn shown(line: &str, skip: usize, width: usize, ascii: bool) -> String {
    let mut col = 0;
    let mut out = String::new();
    for g in line.graphemes(true) {
        if col >= skip + width {
            break;
        }
        let w = shown_width(g, ascii);
        if col >= skip {
            match g {
                "\t" => out.push(' '),
                g if ascii && !g.is_ascii() => out.push_str(ascii_grapheme(g)),
                g => out.push_str(g),
            }
        } else if col + w > skip {
            // A wide character cut by the scroll shows as a space.
            out.push(' ');
        }
        col += w;
    }
    out
}

/// How many columns a grapheme takes as a field shows it.
fn shown_width(g: &str, ascii: bool) -> usize {
    if ascii && !g.is_ascii() {
        ascii_grapheme(g).len()
    } else {
        field_grapheme_width(g)
    }
}

/// The terminal cursor's position in the focused text field.
pub fn cursor<P>(form: &Form<P>, area: Rect, ascii: bool) -> Option<Position> {
    let g = geometry(form, area, ascii);
    let field = form.fields.get(form.focus)?;
    let FieldValue::Text(t) = &field.value else {
        return None;
    };
    let &(y, h) = g.fields.get(form.focus)?;
    let inner = g.inner.intersection(area);
    let value_w = usize::from(inner.right().saturating_sub(g.value_x));
    if value_w == 0 {
        return None;
    }
    let (row, col) = if t.is_multiline() {
        let (_, (row, col)) = wrapped(t, value_w, ascii);
        (row.min(usize::from(h.saturating_sub(1))), col)
    } else {
        (0, line_view(t, value_w, ascii).1.min(value_w - 1))
    };
    let pos = Position::new(g.value_x + col as u16, y + row as u16);
    inner.contains(pos).then_some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> TextField {
        // New fields put the cursor at the end of their text.
        TextField::new(text, true)
    }

    #[test]
    fn notes_wrap_between_words_and_the_cursor_follows() {
        let t = field("one two three four");
        let (rows, cursor) = wrapped(&t, 9, false);
        assert_eq!(rows, ["one two ", "three ", "four"]);
        assert_eq!(cursor, (2, 4));
        let mut t = field("one two three four");
        t.home();
        for _ in 0..8 {
            t.right();
        }
        // Just before "three", which starts the second row.
        assert_eq!(wrapped(&t, 9, false).1, (1, 0));
    }

    #[test]
    fn a_word_longer_than_a_row_breaks_between_graphemes() {
        let t = field("abcdefghij\nxy");
        let (rows, cursor) = wrapped(&t, 4, false);
        assert_eq!(rows, ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(cursor, (3, 2));
        // A cursor just past a full row waits at the start of the next.
        let t = field("abcd");
        assert_eq!(wrapped(&t, 4, false), (vec!["abcd".to_string()], (1, 0)));
    }

    #[test]
    fn wide_and_ascii_text_wraps_by_what_is_drawn() {
        let t = field("口コミ口コミ");
        let (rows, _) = wrapped(&t, 5, false);
        assert!(rows.iter().all(|r| width(r) <= 5), "{rows:?}");
        assert_eq!(rows.concat(), "口コミ口コミ");
        let t = field("Größe");
        let (rows, cursor) = wrapped(&t, 3, true);
        // A stand-in (`oe` for `ö`) is never split.
        assert_eq!(rows, ["Gr", "oe", "sse"]);
        assert_eq!(cursor, (3, 0));
    }
}
