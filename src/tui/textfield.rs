//! A text field that edits by grapheme: one key press moves over or deletes
//! one user-perceived character, whether it is `a`, `ä` (two code points),
//! `口` or a joined emoji. Hand-written because the text-area crates for
//! ratatui pull in other versions of ratatui or crossterm.

use crate::core::text::{clean, clean_typed};
use crate::tui::text::grapheme_width;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// An editable string with a cursor between graphemes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// A byte offset, always on a grapheme boundary.
    cursor: usize,
    multiline: bool,
}

/// Where the cursor is, for drawing: its line and its display column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CursorSpot {
    pub line: usize,
    pub column: usize,
}

impl TextField {
    /// A field holding `text`, with the cursor at the end.
    pub fn new(text: &str, multiline: bool) -> TextField {
        let text = clean(text, multiline).into_owned();
        TextField {
            cursor: text.len(),
            text,
            multiline,
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into [`TextField::text`] on a grapheme
    /// boundary.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the field takes several lines.
    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// Inserts typed or pasted text at the cursor, cleaned of control and
    /// bidi characters; newlines become spaces in a one-line field.
    pub fn insert(&mut self, s: &str) {
        let cleaned = clean_typed(&self.text[..self.cursor], s, self.multiline);
        self.text.insert_str(self.cursor, &cleaned);
        self.cursor += cleaned.len();
        // A combining mark typed after a letter joins it into one grapheme;
        // keep the cursor on a boundary.
        self.cursor = self.snap(self.cursor);
    }

    /// Starts a new line in a multi-line field; ignored in a one-line field.
    pub fn newline(&mut self) {
        if self.multiline {
            self.insert("\n");
        }
    }

    /// Moves one grapheme left.
    pub fn left(&mut self) {
        if let Some(g) = self.text[..self.cursor].graphemes(true).next_back() {
            self.cursor -= g.len();
        }
    }

    /// Moves one grapheme right.
    pub fn right(&mut self) {
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            self.cursor += g.len();
        }
    }

    /// Moves to the start of the line.
    pub fn home(&mut self) {
        self.cursor = self.line_start(self.cursor);
    }

    /// Moves to the end of the line.
    pub fn end(&mut self) {
        self.cursor = self.line_end(self.cursor);
    }

    /// Deletes the grapheme before the cursor.
    pub fn backspace(&mut self) {
        let end = self.cursor;
        self.left();
        self.text.replace_range(self.cursor..end, "");
    }

    /// Deletes the grapheme after the cursor.
    pub fn delete(&mut self) {
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            let len = g.len();
            self.text.replace_range(self.cursor..self.cursor + len, "");
        }
    }

    /// Moves to the line above, keeping the column where it can. Returns
    /// false on the first line, so the caller can move to another field.
    pub fn up(&mut self) -> bool {
        let start = self.line_start(self.cursor);
        if start == 0 {
            return false;
        }
        let column = self.spot().column;
        let above = self.line_start(start - 1);
        self.cursor = self.at_column(above, column);
        true
    }

    /// Moves to the line below, keeping the column where it can. Returns
    /// false on the last line.
    pub fn down(&mut self) -> bool {
        let end = self.line_end(self.cursor);
        if end == self.text.len() {
            return false;
        }
        let column = self.spot().column;
        self.cursor = self.at_column(end + 1, column);
        true
    }

    /// The cursor's line and display column.
    pub fn spot(&self) -> CursorSpot {
        let before = &self.text[..self.cursor];
        let line = before.matches('\n').count();
        let start = self.line_start(self.cursor);
        CursorSpot {
            line,
            column: field_width(&self.text[start..self.cursor]),
        }
    }

    /// The text of the cursor's line up to the cursor.
    pub fn line_before_cursor(&self) -> &str {
        &self.text[self.line_start(self.cursor)..self.cursor]
    }

    /// The lines of the text.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.text.split('\n')
    }

    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i)
    }

    /// The offset in the line starting at `start` nearest to `column`.
    fn at_column(&self, start: usize, column: usize) -> usize {
        let end = self.line_end(start);
        let mut used = 0;
        for (i, g) in self.text[start..end].grapheme_indices(true) {
            let w = field_grapheme_width(g);
            if used + w > column {
                return start + i;
            }
            used += w;
        }
        end
    }

    /// `at`, or the end of the grapheme it falls inside. Looks only near
    /// `at`, so typing at the end of a long note costs what one key does.
    fn snap(&self, at: usize) -> usize {
        let len = self.text.len();
        let mut cursor = GraphemeCursor::new(at, len, true);
        if cursor.is_boundary(&self.text, 0).unwrap_or(true) {
            return at;
        }
        cursor
            .next_boundary(&self.text, 0)
            .ok()
            .flatten()
            .unwrap_or(len)
    }
}

/// The width of a grapheme in a field, where a tab shows as one space.
pub fn field_grapheme_width(g: &str) -> usize {
    if g == "\t" { 1 } else { grapheme_width(g) }
}

/// The width of field text.
pub fn field_width(s: &str) -> usize {
    s.graphemes(true).map(field_grapheme_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> TextField {
        let mut f = TextField::new("", false);
        f.insert(s);
        f
    }

    #[test]
    fn backspace_removes_whole_graphemes() {
        let mut f = typed("Größe👩‍👩‍👧");
        f.backspace();
        assert_eq!(f.text(), "Größe");
        // "e" plus a combining acute accent is one grapheme.
        let mut f = typed("Cafe\u{301}");
        f.backspace();
        assert_eq!(f.text(), "Caf");
    }

    #[test]
    fn cursor_column_counts_display_width() {
        let mut f = typed("口コミ");
        assert_eq!(f.spot().column, 6);
        f.left();
        assert_eq!(f.spot().column, 4);
        f.insert("x");
        assert_eq!(f.text(), "口コxミ");
        f.home();
        f.delete();
        assert_eq!(f.text(), "コxミ");
        f.end();
        assert_eq!(f.spot().column, 5);
    }

    #[test]
    fn paste_is_cleaned() {
        let f = typed("a\nb\x1b[31mc");
        assert_eq!(f.text(), "a bc");
        let mut notes = TextField::new("", true);
        notes.insert("one\r\ntwo\x07");
        assert_eq!(notes.text(), "one\ntwo");
    }

    #[test]
    fn up_and_down_keep_the_column() {
        let mut f = TextField::new("first line\nab\nthird", true);
        assert!(f.up());
        assert_eq!(f.spot(), CursorSpot { line: 1, column: 2 });
        assert!(f.up());
        assert_eq!(f.spot(), CursorSpot { line: 0, column: 2 });
        assert!(!f.up());
        assert!(f.down());
        assert!(f.down());
        assert!(!f.down());
        assert_eq!(f.spot().line, 2);
    }
}
