//! Tests of the text field: graphemes, the readline keys, selection and
//! paste.

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
fn readline_keys_on_one_line() {
    let mut f = typed("Größe der Café-Karte");
    f.word_left();
    assert_eq!(f.line_before_cursor(), "Größe der Café-");
    f.word_left();
    f.word_left();
    assert_eq!(f.line_before_cursor(), "Größe ");
    f.delete_word_forward();
    assert_eq!(f.text(), "Größe  Café-Karte");
    f.word_right();
    assert_eq!(f.line_before_cursor(), "Größe  Café");
    f.delete_word_back();
    assert_eq!(f.text(), "Größe  -Karte");
    f.delete_to_end();
    assert_eq!(f.text(), "Größe  ");
    f.home();
    f.word_right();
    f.delete_word_back();
    assert_eq!(f.text(), "  ");
    f.delete_to_start();
    assert_eq!(f.text(), "");
}

#[test]
fn readline_keys_in_notes_stay_on_the_line() {
    let mut f = TextField::new("first line\nsecond line\nthird", true);
    assert!(f.up());
    f.delete_to_start();
    assert_eq!(f.text(), "first line\nd line\nthird");
    f.delete_to_end();
    assert_eq!(f.text(), "first line\n\nthird");
    // At the start of a line, a word back does not eat the line above.
    f.delete_word_back();
    assert_eq!(f.text(), "first line\n\nthird");
    f.down();
    f.home();
    f.delete_word_forward();
    assert_eq!(f.text(), "first line\n\n");
}

#[test]
fn selected_text_is_replaced_by_typing() {
    let mut f = TextField::new("The customer first learns", true);
    f.select_all();
    f.insert("N");
    assert_eq!(f.text(), "N");
    let mut f = TextField::new("Awareness", false);
    f.select_all();
    f.backspace();
    assert_eq!(f.text(), "");
    // A move keeps the text and ends the selection.
    let mut f = TextField::new("Awareness", false);
    f.select_all();
    f.end();
    f.insert("!");
    assert_eq!(f.text(), "Awareness!");
}

#[test]
fn paste_into_one_line_joins_lines_with_a_space() {
    let mut f = TextField::new("", false);
    f.paste("Reads reviews\n  before buying\r\n\nthen asks\n");
    assert_eq!(f.text(), "Reads reviews before buying then asks");
    let mut notes = TextField::new("", true);
    notes.paste("a\nb");
    assert_eq!(notes.text(), "a\nb");
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
