//! Measuring and cutting text for the screen, by grapheme and display width.
//!
//! Widths come from ratatui's own [`CellWidth`], so what we measure is what
//! the buffer draws: a cut never splits an umlaut, a CJK character or a
//! joined emoji, and a cursor lands in the column the terminal shows.

use crate::core::text::printable;
use ratatui::buffer::CellWidth;
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// The display width of one grapheme; control characters draw nothing.
pub fn grapheme_width(g: &str) -> usize {
    if g.chars().any(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// The display width of a string.
pub fn width(s: &str) -> usize {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_control()) {
        return s.len();
    }
    // One character is one grapheme (an ellipsis, a sign): no segmentation.
    let mut chars = s.chars();
    if let (Some(_), None) = (chars.next(), chars.next()) {
        return grapheme_width(s);
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// A name as a message or a dialog line names it: cut to
/// [`NAME_MAX`](crate::core::text::NAME_MAX) characters, so that a message
/// costs the same however long the name is.
pub fn short(name: &str) -> Cow<'_, str> {
    crate::core::text::cut(name, crate::core::text::NAME_MAX)
}

/// The start of `s`, at most `max` bytes of it, cut between characters: the
/// part of a long text that a view can show, taken before anything scans it.
pub fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The most of one text that a single row is made from: far more than any
/// terminal is wide (a column takes at least one byte), and small enough
/// that measuring it is cheap on every frame.
pub const LINE_BYTES: usize = 4 * 1024;

/// Makes map text safe and one line for the screen: control and bidi
/// characters shown as `\u{..}`, newlines and tabs as spaces, and in ASCII
/// mode every other grapheme as `?`.
///
/// No row is wider than [`LINE_BYTES`] allows, so text longer than that (a
/// title of megabytes) is cut first, with an ellipsis: drawing it costs what
/// a row can show, not what the field holds.
pub fn one_line(s: &str, ascii: bool) -> Cow<'_, str> {
    if s.len() > LINE_BYTES {
        let mut end = LINE_BYTES;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let mut cut = one_line(&s[..end], ascii).into_owned();
        cut.push_str(if ascii { "..." } else { "…" });
        return Cow::Owned(cut);
    }
    let shown = printable(s);
    let needs_work = shown.contains(['\n', '\t']) || (ascii && !shown.is_ascii());
    if !needs_work {
        return shown;
    }
    let mut out = String::with_capacity(shown.len());
    for g in shown.graphemes(true) {
        match g {
            "\n" | "\t" | "\r\n" => out.push(' '),
            g if ascii && !g.is_ascii() => out.push_str(ascii_grapheme(g)),
            g => out.push_str(g),
        }
    }
    Cow::Owned(out)
}

/// How a non-ASCII grapheme shows in ASCII mode: umlauts as `ae`,
/// typographic quotes as `"`, and what has no stand-in as one `?`.
pub fn ascii_grapheme(g: &str) -> &'static str {
    let mut chars = g.chars();
    match (
        chars.next().and_then(crate::core::slug::ascii_for),
        chars.next(),
    ) {
        (Some(plain), None) => plain,
        _ => "?",
    }
}

/// Cuts `s` to at most `max` columns, ending in `ellipsis` when something
/// was cut. The cut falls between graphemes.
pub fn fit<'a>(s: &'a str, max: usize, ellipsis: &str) -> Cow<'a, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let ellipsis_w = width(ellipsis);
    let room = max.saturating_sub(ellipsis_w);
    if max < ellipsis_w {
        return Cow::Owned(String::new());
    }
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        // Plain ASCII: one column per byte, no segmentation needed.
        let mut cut = String::with_capacity(room + ellipsis.len());
        cut.push_str(&s[..room]);
        cut.push_str(ellipsis);
        return Cow::Owned(cut);
    }
    let mut used = 0;
    let mut end = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > room {
            break;
        }
        used += w;
        end = i + g.len();
    }
    Cow::Owned(format!("{}{ellipsis}", &s[..end]))
}

/// Breaks one line of text into rows of at most `max` columns, at spaces
/// where it can and between graphemes where a word is too long. A word
/// keeps its punctuation: "(CSV, JSON)" never leaves ")" alone on a row.
/// Stops after `limit` rows, so only what is shown is measured.
pub fn wrap(s: &str, max: usize, limit: usize) -> Vec<String> {
    let mut rows = Vec::new();
    if max == 0 {
        return rows;
    }
    let mut row = String::new();
    let mut used = 0;
    for word in words_and_spaces(s) {
        let w = width(word);
        if used + w > max && used > 0 {
            rows.push(std::mem::take(&mut row).trim_end().to_string());
            used = 0;
            if rows.len() == limit {
                return rows;
            }
            if word.trim().is_empty() {
                continue;
            }
        }
        if w > max {
            // A word wider than a row: cut it by graphemes.
            for g in word.graphemes(true) {
                let gw = grapheme_width(g);
                if used + gw > max {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                    if rows.len() == limit {
                        return rows;
                    }
                }
                row.push_str(g);
                used += gw;
            }
            continue;
        }
        row.push_str(word);
        used += w;
    }
    if !row.trim().is_empty() && rows.len() < limit {
        rows.push(row.trim_end().to_string());
    }
    rows
}

/// The runs of `s` that are all whitespace or all not, in order.
fn words_and_spaces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let end = rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() != space)
            .map_or(rest.len(), |(i, _)| i);
        let (run, after) = rest.split_at(end);
        rest = after;
        Some(run)
    })
}

/// An emotion as shown: `+1`, `0`, `-2`.
pub fn signed(e: i8) -> String {
    if e > 0 {
        format!("+{e}")
    } else {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_at_grapheme_boundaries() {
        assert_eq!(fit("Bewertungsportal", 8, "…"), "Bewertu…");
        assert_eq!(fit("Größe", 5, "…"), "Größe");
        assert_eq!(fit("口コミサイト", 7, "…"), "口コミ…");
        // A joined emoji is one grapheme of width 2: it stays whole or goes.
        assert_eq!(fit("👩‍👩‍👧x y", 3, "…"), "👩‍👩‍👧…");
        assert_eq!(fit("abc", 0, "…"), "");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_long_words() {
        assert_eq!(
            wrap("Queries like these lead to lists", 12, 9),
            ["Queries like", "these lead", "to lists"]
        );
        assert_eq!(
            wrap("Bewertungsportale", 6, 9),
            ["Bewert", "ungspo", "rtale"]
        );
        assert_eq!(wrap("a b c d e f", 3, 2), ["a b", "c d"]);
        // Punctuation stays with its word.
        assert_eq!(
            wrap("export (Markdown, CSV, JSON)", 27, 9),
            ["export (Markdown, CSV,", "JSON)"]
        );
        assert!(wrap("abc", 0, 3).is_empty());
    }

    #[test]
    fn one_line_makes_text_safe() {
        assert_eq!(one_line("a\nb\x1bc", false), "a b\\u{1b}c");
        assert_eq!(one_line("Größe", true), "Groesse");
        assert_eq!(one_line("口コミ", true), "???");
        assert_eq!(one_line("plain", true), "plain");
        let long = "ä".repeat(LINE_BYTES);
        let cut = one_line(&long, false);
        assert!(cut.len() <= LINE_BYTES + "…".len(), "cut to a row's worth");
        assert!(
            cut.ends_with("ä…"),
            "cut between characters, with an ellipsis"
        );
    }
}
