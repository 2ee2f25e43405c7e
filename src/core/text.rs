//! Text hygiene: map text comes from anyone on the team, so control, bidi
//! and invisible characters are made harmless before they reach a terminal
//! or a file, and names repeated in messages and tables are kept short.

use crate::core::format::needs_escape;
use std::borrow::Cow;
use std::fmt::Write;
use unicode_segmentation::UnicodeSegmentation;

/// Whether `c` shows nothing, or changes what other text shows: control
/// characters, bidi controls, line and paragraph separators, and the
/// invisible format characters (zero-width space, joiners, word joiner,
/// invisible operators, byte-order mark, the TAG block). The TAG block also
/// spells the subdivision flags (Scotland's becomes a plain black flag),
/// but it can carry a whole hidden text, so it goes. The joiners U+200C and
/// U+200D are kept where they join something (see [`find_hidden`]).
pub fn is_hidden(c: char) -> bool {
    needs_escape(c)
        || matches!(c,
            '\u{200b}'..='\u{200f}'
            | '\u{2060}'..='\u{206f}'
            | '\u{180e}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}')
}

/// Whether a zero-width joiner or non-joiner between `before` and `after`
/// does its work: U+200D glues emoji into one (👨‍👩‍👧, 🏳️‍🌈) and both
/// shape letters in Persian, Arabic and the Indic scripts, where dropping
/// them misspells a word. Between two visible characters outside ASCII they
/// stay; anywhere else (at an end, next to a space, inside an ASCII word,
/// where they only hide a difference between two names) they go.
fn joins(before: Option<char>, after: Option<char>) -> bool {
    let visible = |c: char| !c.is_ascii() && !c.is_whitespace() && !is_hidden(c);
    before.is_some_and(visible) && after.is_some_and(visible)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}')
}

/// The first character of `s` that must not be shown raw: a hidden one
/// (see [`is_hidden`]) other than newline and tab, or a joiner that joins
/// nothing. `None` where `s` is safe for a terminal as it is.
pub fn find_hidden(s: &str) -> Option<char> {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    hidden_at(s).next().map(|(_, c)| c)
}

/// Every character of `s` that [`find_hidden`] finds, with its byte offset.
fn hidden_at(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut before = None;
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            let previous = before.replace(c);
            let hidden = if is_joiner(c) {
                !joins(previous, chars.peek().map(|&(_, n)| n))
            } else {
                c != '\n' && c != '\t' && is_hidden(c)
            };
            if hidden {
                return Some((i, c));
            }
        }
        None
    })
}

/// Shows `s` with every control, bidi and other invisible format character
/// written as `\u{..}`, except newline, tab and joiners that join (see
/// [`find_hidden`]). For messages and terminals.
pub fn printable(s: &str) -> Cow<'_, str> {
    if find_hidden(s).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut from = 0;
    for (i, c) in hidden_at(s) {
        out.push_str(&s[from..i]);
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
        from = i + c.len_utf8();
    }
    out.push_str(&s[from..]);
    Cow::Owned(out)
}

/// Removes control, bidi and other invisible format characters from `s`,
/// keeping newlines and tabs when `multiline` is set (notes) and turning them
/// into spaces otherwise (names). `\r\n` becomes `\n`. A terminal escape
/// sequence (colours, titles, links, device strings: text pasted from a
/// terminal), in its 7-bit (`ESC [`) or 8-bit (U+009B) form, goes as a
/// whole, so that no `[31m` is left behind; one that never ends takes the
/// rest of the text with it. Joiners stay where they join (see
/// [`find_hidden`]).
pub fn clean(s: &str, multiline: bool) -> Cow<'_, str> {
    clean_between(None, s, multiline, false)
}

/// [`clean`] for text typed at the cursor, after `before`: a terminal
/// sends a joined emoji one character at a time, so a joiner at the end of
/// `s` stays where it follows a visible character (of `s` or `before`), for
/// the next key to complete. A joiner that joins nothing in the end goes
/// when the map is next loaded.
pub fn clean_typed<'a>(before: &str, s: &'a str, multiline: bool) -> Cow<'a, str> {
    clean_between(before.chars().next_back(), s, multiline, true)
}

/// [`clean`] of `s` as it follows `before`, with its end open to what comes
/// next where `open_end` is set (see [`clean_typed`]).
fn clean_between(before: Option<char>, s: &str, multiline: bool, open_end: bool) -> Cow<'_, str> {
    // Printable ASCII, the common case, is checked a byte at a time.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) || !s.chars().any(is_hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape_sequence(&mut chars),
            // CSI, and the string sequences DCS, SOS, OSC, PM and APC, in
            // their 8-bit forms.
            '\u{9b}' => skip_control_sequence(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\t' if multiline => out.push(if c == '\r' { '\n' } else { c }),
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_joiner(c)
                && joins(
                    out.chars().next_back().or(before),
                    match chars.peek() {
                        // Open to the next key: join as if a letter came.
                        None if open_end => Some('\u{e9}'),
                        next => next.copied(),
                    },
                ) =>
            {
                out.push(c)
            }
            c if is_hidden(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips the rest of an escape sequence whose ESC was just read, as ECMA-48
/// shapes them: a control sequence (`ESC [`), a string (`ESC ]` OSC,
/// `ESC P` DCS, `ESC X` SOS, `ESC ^` PM, `ESC _` APC), or intermediate
/// bytes and one final byte (`ESC ( B`, `ESC c`). Before anything else
/// (a space-less end, a letter outside ASCII) the ESC alone goes.
fn skip_escape_sequence(chars: &mut Chars<'_>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_control_sequence(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        _ => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
    }
}

/// Skips a control sequence's parameters and intermediates, then its one
/// final byte.
fn skip_control_sequence(chars: &mut Chars<'_>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// Skips a string sequence up to and with its end: the string terminator
/// (`ESC \` or U+009C) or BEL, which xterm also accepts; without one, to
/// the end of the text.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        if c == '\u{7}' || c == '\u{9c}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
            break;
        }
    }
}

/// How many characters a name repeated in a message or a table keeps (see
/// [`cut`]).
pub const NAME_MAX: usize = 80;

/// `s` cut to at most `max` characters, at a grapheme boundary, with `…`
/// as the last of them where anything was cut. For names that a message or
/// a table repeats: a name of a megabyte, repeated for each of thousands of
/// steps, would need gigabytes.
pub fn cut(s: &str, max: usize) -> Cow<'_, str> {
    // Bytes first: no string has more characters than bytes. Counting
    // stops after `max`: a cut costs the same for a name of a megabyte.
    if s.len() <= max || s.chars().nth(max).is_none() {
        return Cow::Borrowed(s);
    }
    let mut end = 0;
    let mut count = 0;
    for (i, g) in s.grapheme_indices(true) {
        let n = g.chars().count();
        if count + n > max.saturating_sub(1) {
            break;
        }
        count += n;
        end = i + g.len();
    }
    let mut out = String::with_capacity(end + '…'.len_utf8());
    out.push_str(&s[..end]);
    out.push('…');
    Cow::Owned(out)
}

/// Cleans every text in a map once, on load: names, ids and titles lose
/// control, bidi and invisible characters (newlines become spaces);
/// descriptions, notes and conversion keep newlines and tabs.
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
    line(&mut map.currency);
    map.allow.iter_mut().for_each(line);
    for stage in &mut map.stages {
        line(&mut stage.id);
        line(&mut stage.name);
        block(&mut stage.description);
        stage.allow.iter_mut().for_each(line);
        for t in &mut stage.touchpoints {
            line(&mut t.id);
            line(&mut t.name);
            line(&mut t.channel);
            block(&mut t.notes);
            t.allow.iter_mut().for_each(line);
        }
    }
    for persona in &mut map.personas {
        line(&mut persona.id);
        line(&mut persona.name);
        block(&mut persona.description);
        persona.allow.iter_mut().for_each(line);
        for path in &mut persona.paths {
            line(&mut path.id);
            line(&mut path.name);
            path.allow.iter_mut().for_each(line);
            for step in &mut path.steps {
                line(&mut step.touchpoint);
                block(&mut step.note);
            }
        }
    }
    // Cleaning can empty a newer field (a currency of only invisible
    // characters): the map then needs no newer format.
    map.format = crate::core::format::required_format(map);
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
        // ESC and a final byte are one sequence (`ESC c` resets a terminal).
        assert_eq!(clean("a\u{1b}qb\u{1b}", false), "ab");
        assert_eq!(clean("a\u{1b}[3", false), "a");
        assert_eq!(clean("\u{1b}]0;title never ends", false), "");
        assert_eq!(clean("a\nb\tc", false), "a b c");
        assert_eq!(clean("x\u{2066}y", false), "xy");
    }
    #[test]
    fn invisible_format_characters_go() {
        for c in [
            '\u{200b}',
            '\u{200e}',
            '\u{200f}',
            '\u{2060}',
            '\u{2061}',
            '\u{2064}',
            '\u{feff}',
            '\u{e0001}',
            '\u{e0041}',
            '\u{e007f}',
            '\u{85}',
            '\u{9c}',
            '\u{180e}',
        ] {
            let s = format!("pay{c}pal");
            assert_eq!(clean(&s, false), "paypal", "{:x}", c as u32);
            assert_eq!(printable(&s), format!("pay\\u{{{:x}}}pal", c as u32));
            assert_eq!(find_hidden(&s), Some(c));
        }
        // A hidden text in TAG characters goes whole.
        let tagged: String = "hi"
            .chars()
            .map(|c| char::from_u32(0xe0000 + c as u32).unwrap_or('x'))
            .collect();
        assert_eq!(clean(&format!("ok{tagged}"), false), "ok");
    }

    #[test]
    fn joiners_stay_where_they_join() {
        for kept in [
            "👨\u{200d}👩\u{200d}👧",
            "🏳\u{fe0f}\u{200d}🌈",
            "می\u{200c}خواهم",
            "क्\u{200d}ष",
        ] {
            assert_eq!(clean(kept, false), kept);
            assert_eq!(printable(kept), kept);
            assert_eq!(find_hidden(kept), None);
        }
        for (given, cleaned) in [
            ("pay\u{200d}pal", "paypal"),
            ("\u{200d}👩", "👩"),
            ("👩\u{200d}", "👩"),
            ("👩\u{200d} 👩", "👩 👩"),
            // Two in a row: the second joins what is left.
            ("👩\u{200d}\u{200d}👩", "👩\u{200d}👩"),
            ("👩\u{200d}\u{200b}👩", "👩👩"),
            ("a\u{200c}b", "ab"),
        ] {
            assert_eq!(clean(given, false), cleaned, "{given:?}");
            assert!(find_hidden(given).is_some(), "{given:?}");
        }
        assert_eq!(printable("pay\u{200d}pal"), "pay\\u{200d}pal");
    }

    #[test]
    fn typed_joiners_wait_for_the_next_key() {
        // A family emoji typed one character at a time, as a terminal sends it.
        let mut text = String::new();
        for c in "👨\u{200d}👩\u{200d}👧".chars() {
            let typed = c.to_string();
            let cleaned = clean_typed(&text, &typed, false).into_owned();
            text.push_str(&cleaned);
        }
        assert_eq!(text, "👨\u{200d}👩\u{200d}👧");
        assert_eq!(clean_typed("a", "\u{200d}", false), "");
        assert_eq!(clean_typed("", "\u{200d}", false), "");
        assert_eq!(clean_typed("👩", "\u{200d}", false), "\u{200d}");
        assert_eq!(clean_typed("👩", "\u{200d} ", false), " ");
        assert_eq!(clean_typed("", "👩\u{200d}", false), "👩\u{200d}");
        // Whole texts have no next key: a joiner at the end goes.
        assert_eq!(clean("👩\u{200d}", false), "👩");
    }

    #[test]
    fn escape_sequences_go_whole() {
        // DCS, SOS, PM and APC, ended by ST or BEL.
        assert_eq!(clean("a\u{1b}Pq#0;2;0;0;0\u{1b}\\b", false), "ab");
        assert_eq!(clean("a\u{1b}Xsos\u{7}b", false), "ab");
        assert_eq!(clean("a\u{1b}^pm\u{1b}\\b", false), "ab");
        assert_eq!(clean("a\u{1b}_Gf=24;AAAA\u{1b}\\b", false), "ab");
        // Unterminated: to the end of the text.
        assert_eq!(clean("a\u{1b}Pnever ends", false), "a");
        assert_eq!(clean("a\u{1b}_never ends", false), "a");
        // The 8-bit forms.
        assert_eq!(clean("a\u{9b}31mb", false), "ab");
        assert_eq!(clean("a\u{9d}0;title\u{9c}b", false), "ab");
        assert_eq!(clean("a\u{90}dcs\u{1b}\\b", false), "ab");
        assert_eq!(clean("a\u{9f}apc\u{7}b", false), "ab");
        assert_eq!(clean("a\u{9d}8;;http://x", false), "a");
        // Intermediates and a final byte: charset, reset, keypad mode.
        assert_eq!(clean("a\u{1b}(Bb\u{1b}[m", false), "ab");
        assert_eq!(clean("a\u{1b}cb\u{1b}=c", false), "abc");
        assert_eq!(clean("a\u{1b}", false), "a");
        assert_eq!(clean("a\u{1b}ü", false), "aü");
    }

    #[test]
    fn cut_keeps_graphemes_whole() {
        assert_eq!(cut("short", 80), "short");
        assert_eq!(cut("abcdef", 6), "abcdef");
        assert_eq!(cut("abcdefg", 6), "abcde…");
        assert_eq!(cut("ééééééé", 6), "ééééé…");
        // e and a combining acute are one grapheme: never split.
        assert_eq!(cut("ae\u{301}e\u{301}e\u{301}", 4), "ae\u{301}…");
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(cut(&format!("ab{family}{family}"), 6), "ab…");
        let long = "x".repeat(1_000_000);
        assert_eq!(cut(&long, NAME_MAX).chars().count(), NAME_MAX);
    }
    /// Text made of the pieces that have fooled a cleaner before.
    fn tricky() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "a",
            "Z",
            " ",
            "\n",
            "\r",
            "\t",
            "\\",
            "[",
            "]",
            "P",
            "_",
            "^",
            "X",
            "(",
            "B",
            "0",
            "m",
            "é",
            "👩",
            "🏳",
            "\u{fe0f}",
            "ک",
            "\u{1b}",
            "\u{7}",
            "\u{9b}",
            "\u{9c}",
            "\u{9d}",
            "\u{90}",
            "\u{85}",
            "\u{200b}",
            "\u{200c}",
            "\u{200d}",
            "\u{2060}",
            "\u{2064}",
            "\u{feff}",
            "\u{e0041}",
            "\u{202e}",
            "\u{2066}",
            "\u{2028}",
        ]);
        prop_oneof![
            prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat()),
            any::<String>(),
        ]
    }

    proptest::proptest! {
        #[test]
        fn cleaned_text_hides_nothing(s in tricky(), multiline: bool) {
            let once = clean(&s, multiline);
            proptest::prop_assert_eq!(find_hidden(&once), None, "{:?} gave {:?}", s, once);
            if !multiline {
                proptest::prop_assert!(!once.contains(['\n', '\t']));
            }
            // Cleaning again changes nothing.
            proptest::prop_assert_eq!(clean(&once, multiline), once.clone());
            // Every character kept was in the text, in order (or is a space
            // for a line break).
            let mut rest = s.chars();
            for c in once.chars() {
                proptest::prop_assert!(
                    rest.any(|r| r == c || (c == ' ' || c == '\n') && matches!(r, '\n' | '\r' | '\t')),
                    "{:?} is not from {:?}", c, s
                );
            }
        }

        #[test]
        fn printable_text_hides_nothing(s in tricky()) {
            let shown = printable(&s);
            proptest::prop_assert_eq!(find_hidden(&shown), None);
            if find_hidden(&s).is_none() {
                proptest::prop_assert_eq!(&*shown, s.as_str());
            }
        }

        #[test]
        fn cut_is_a_prefix_within_bounds(s in tricky(), max in 1usize..12) {
            let short = cut(&s, max);
            proptest::prop_assert!(short.chars().count() <= max);
            match short.strip_suffix('…') {
                Some(kept) if short != s => proptest::prop_assert!(s.starts_with(kept)),
                _ => proptest::prop_assert_eq!(&*short, s.as_str()),
            }
        }
    }
}
