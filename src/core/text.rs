//! Text hygiene: map text comes from anyone on the team, so control and bidi
//! characters are made harmless before they reach a terminal or a file.

use crate::core::format::needs_escape;
use std::borrow::Cow;
use std::fmt::Write;

/// Shows `s` with every control, bidi and other invisible format character
/// written as `\u{..}`, except newline and tab. For messages and terminals.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && c != '\t' && needs_escape(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c != '\n' && c != '\t' && needs_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Removes control, bidi and other invisible format characters from `s`,
/// keeping newlines and tabs when `multiline` is set (notes) and turning them
/// into spaces otherwise (names). `\r\n` becomes `\n`. A terminal escape
/// sequence (colours, titles, links: text pasted from a terminal) goes as a
/// whole, so that no `[31m` is left behind.
pub fn clean(s: &str, multiline: bool) -> Cow<'_, str> {
    // Printable ASCII, the common case, is checked a byte at a time.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) || !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape_sequence(&mut chars),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\t' if multiline => out.push(if c == '\r' { '\n' } else { c }),
            '\n' | '\r' | '\t' => out.push(' '),
            c if needs_escape(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Skips the rest of an escape sequence whose ESC was just read: a CSI
/// (`ESC [` parameters, then one final byte) or an OSC (`ESC ]` up to BEL or
/// `ESC \`). After any other character the ESC alone is dropped.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            while chars
                .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
        }
        Some(']') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        }
        _ => {}
    }
}

/// Cleans every text in a map once, on load: names, ids and titles lose
/// control and bidi characters (newlines become spaces); descriptions, notes
/// and conversion keep newlines and tabs.
pub fn clean_map(map: &mut crate::core::model::Map) {
    fn line(s: &mut String) {
        if let Cow::Owned(c) = clean(s, false) {
            *s = c;
        }
    }
    fn block(s: &mut String) {
        if let Cow::Owned(c) = clean(s, true) {
            *s = c;
        }
    }
    line(&mut map.title);
    block(&mut map.description);
    block(&mut map.conversion);
    for stage in &mut map.stages {
        line(&mut stage.id);
        line(&mut stage.name);
        block(&mut stage.description);
        for t in &mut stage.touchpoints {
            line(&mut t.id);
            line(&mut t.name);
            line(&mut t.channel);
            block(&mut t.notes);
        }
    }
    for persona in &mut map.personas {
        line(&mut persona.id);
        line(&mut persona.name);
        block(&mut persona.description);
        for path in &mut persona.paths {
            line(&mut path.id);
            line(&mut path.name);
            for step in &mut path.steps {
                line(&mut step.touchpoint);
                block(&mut step.note);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_escapes_escape_and_bidi_but_keeps_text() {
        assert_eq!(printable("a\x1b]0;x\x07b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(printable("ab\u{202e}c"), "ab\\u{202e}c");
        assert_eq!(printable("Größe 口コミ\n"), "Größe 口コミ\n");
    }

    #[test]
    fn clean_strips_controls_and_handles_newlines() {
        assert_eq!(clean("a\x1b[31mb\r\nc", true), "ab\nc");
        assert_eq!(clean("x\u{1b}[1;31mRED\u{1b}[0m y", false), "xRED y");
        assert_eq!(
            clean("\u{1b}]8;;https://x\u{7}link\u{1b}]8;;\u{1b}\\.", false),
            "link."
        );
        assert_eq!(clean("a\u{1b}qb\u{1b}", false), "aqb");
        assert_eq!(clean("a\u{1b}[3", false), "a");
        assert_eq!(clean("\u{1b}]0;title never ends", false), "");
        assert_eq!(clean("a\nb\tc", false), "a b c");
        assert_eq!(clean("x\u{2066}y", false), "xy");
    }
}
