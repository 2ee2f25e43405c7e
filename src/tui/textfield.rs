//! A text field that edits by grapheme: one key press moves over or deletes
//! one user-perceived character, whether it is `a`, `ä` (two code points),
//! `口` or a joined emoji.
//!
//! Hand-written, although `tui-input` 0.15 and `ratatui-textarea` 0.9 now
//! build against ratatui 0.30: `tui-input` is one line only and moves by
//! `char`, so Backspace would split `e` + a combining accent or a joined
//! emoji; `ratatui-textarea` draws its own widget with its own key table,
//! which would bypass the keymap that drives both dispatch and the help
//! screen, and it cannot clean pasted control and bidi characters the way
//! the map's text must be. The readline keys below are a few lines each.

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
    /// The whole text is selected (prefilled from a template): typing
    /// replaces it, a deleting key clears it, a move ends the selection.
    selected: bool,
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
            selected: false,
        }
    }

    /// Selects the whole text, so that the next typed key replaces it.
    pub fn select_all(&mut self) {
        self.selected = !self.text.is_empty();
    }

    /// Whether the whole text is selected.
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Ends the selection; returns whether there was one.
    fn deselect(&mut self) -> bool {
        std::mem::replace(&mut self.selected, false)
    }

    /// Clears a selected text; returns whether it did, so that a deleting
    /// key does nothing more.
    fn clear_selected(&mut self) -> bool {
        if self.deselect() {
            self.text.clear();
            self.cursor = 0;
            return true;
        }
        false
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
        self.clear_selected();
        let cleaned = clean_typed(&self.text[..self.cursor], s, self.multiline);
        self.text.insert_str(self.cursor, &cleaned);
        self.cursor += cleaned.len();
        // A combining mark typed after a letter joins it into one grapheme;
        // keep the cursor on a boundary.
        self.cursor = self.snap(self.cursor);
    }

    /// Inserts pasted text. In a one-line field its lines are joined with
    /// one space each, without the blank ones, so a pasted paragraph reads
    /// as a sentence.
    pub fn paste(&mut self, s: &str) {
        if self.multiline {
            self.insert(s);
            return;
        }
        let joined: Vec<&str> = s
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        self.insert(&joined.join(" "));
    }

    /// Starts a new line in a multi-line field; ignored in a one-line field.
    pub fn newline(&mut self) {
        if self.multiline {
            self.insert("\n");
        }
    }

    /// Moves one grapheme left.
    pub fn left(&mut self) {
        if self.deselect() {
            self.cursor = 0;
            return;
        }
        if let Some(g) = self.text[..self.cursor].graphemes(true).next_back() {
            self.cursor -= g.len();
        }
    }

    /// Moves one grapheme right.
    pub fn right(&mut self) {
        if self.deselect() {
            return;
        }
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            self.cursor += g.len();
        }
    }

    /// Moves to the start of the line.
    pub fn home(&mut self) {
        self.deselect();
        self.cursor = self.line_start(self.cursor);
    }

    /// Moves to the end of the line.
    pub fn end(&mut self) {
        self.deselect();
        self.cursor = self.line_end(self.cursor);
    }

    /// Deletes the grapheme before the cursor.
    pub fn backspace(&mut self) {
        if self.clear_selected() {
            return;
        }
        let end = self.cursor;
        self.left();
        self.text.replace_range(self.cursor..end, "");
    }

    /// Deletes the grapheme after the cursor.
    pub fn delete(&mut self) {
        if self.clear_selected() {
            return;
        }
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            let len = g.len();
            self.text.replace_range(self.cursor..self.cursor + len, "");
        }
    }

    /// Moves to the line above, keeping the column where it can. Returns
    /// false on the first line, so the caller can move to another field.
    pub fn up(&mut self) -> bool {
        self.deselect();
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
        self.deselect();
        let end = self.line_end(self.cursor);
        if end == self.text.len() {
            return false;
        }
        let column = self.spot().column;
        self.cursor = self.at_column(end + 1, column);
        true
    }

    /// Ctrl-u: deletes from the start of the line to the cursor; a
    /// one-line field is cleared whole, as a shell's prompt is.
    pub fn delete_to_start(&mut self) {
        if self.clear_selected() {
            return;
        }
        if !self.multiline {
            self.text.clear();
            self.cursor = 0;
            return;
        }
        let start = self.line_start(self.cursor);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Ctrl-k: deletes from the cursor to the end of the line.
    pub fn delete_to_end(&mut self) {
        if self.clear_selected() {
            return;
        }
        let end = self.line_end(self.cursor);
        self.text.replace_range(self.cursor..end, "");
    }

    /// Ctrl-w, Alt-Backspace: deletes the word before the cursor, with the
    /// spaces after it.
    pub fn delete_word_back(&mut self) {
        if self.clear_selected() {
            return;
        }
        let start = self.word_back(self.cursor);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Alt-d: deletes the word after the cursor.
    pub fn delete_word_forward(&mut self) {
        if self.clear_selected() {
            return;
        }
        let end = self.word_forward(self.cursor);
        self.text.replace_range(self.cursor..end, "");
    }

    /// Alt-b, Ctrl-Left: moves to the start of the word before the cursor.
    pub fn word_left(&mut self) {
        if self.deselect() {
            self.cursor = 0;
            return;
        }
        self.cursor = self.word_back(self.cursor);
    }

    /// Alt-f, Ctrl-Right: moves past the end of the word after the cursor.
    pub fn word_right(&mut self) {
        if self.deselect() {
            return;
        }
        self.cursor = self.word_forward(self.cursor);
    }

    /// Where the word before `at` starts: the non-word graphemes before
    /// `at` are skipped, then the word's. Stays on `at`'s line.
    fn word_back(&self, at: usize) -> usize {
        let start = self.line_start(at);
        let mut pos = at;
        let mut in_word = false;
        for (i, g) in self.text[start..at].grapheme_indices(true).rev() {
            let word = is_word(g);
            if in_word && !word {
                break;
            }
            in_word |= word;
            pos = start + i;
        }
        pos
    }

    /// Where the word after `at` ends, on `at`'s line.
    fn word_forward(&self, at: usize) -> usize {
        let end = self.line_end(at);
        let mut in_word = false;
        for (i, g) in self.text[at..end].grapheme_indices(true) {
            let word = is_word(g);
            if in_word && !word {
                return at + i;
            }
            in_word |= word;
        }
        end
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

/// Whether a grapheme belongs to a word: letters and digits, in any
/// script, with their accents.
fn is_word(g: &str) -> bool {
    g.chars().next().is_some_and(char::is_alphanumeric)
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
#[path = "textfield_tests.rs"]
mod tests;
