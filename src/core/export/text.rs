//! Text helpers every exporter shares: cleaning with a fast path, byte-wise
//! escaping, and numbers without the formatting machinery. Exports at S3
//! run these on every string of the map, so they are written for speed.

use crate::core::text::{NAME_MAX, cut};
use std::borrow::Cow;

/// Whether text shows nothing once control characters are dropped: such a
/// name gets its id in its place.
pub(crate) fn is_blank(s: &str) -> bool {
    // Printable ASCII, the common case, has nothing to clean. Otherwise
    // even printable characters may go, as the tail of an escape sequence.
    if s.bytes().all(|b| (b' '..0x7f).contains(&b)) {
        return s.bytes().all(|b| b == b' ');
    }
    clean(s, false).trim().is_empty()
}

/// [`crate::core::text::clean`], with a fast path for the common case of
/// printable ASCII, which has nothing to remove: exports clean every string
/// of the map, and at S3 that is most of the work. It also drops U+FFFE
/// and U+FFFF, which XML forbids: Graphviz rejects them in HTML-like labels
/// and would write them into SVG.
pub(crate) fn clean(s: &str, multiline: bool) -> Cow<'_, str> {
    if s.bytes().all(|b| (b' '..0x7f).contains(&b)) {
        return Cow::Borrowed(s);
    }
    // Those two go first, so that cleaning sees what stays around a
    // joiner: one next to U+FFFF alone would otherwise survive it.
    if s.contains(['\u{fffe}', '\u{ffff}']) {
        let stripped = s.replace(['\u{fffe}', '\u{ffff}'], "");
        Cow::Owned(crate::core::text::clean(&stripped, multiline).into_owned())
    } else {
        crate::core::text::clean(s, multiline)
    }
}

/// `s` cleaned as by [`clean`] (newlines kept), trimmed, and cut to
/// [`NAME_MAX`] characters: for a name that an export repeats, on every
/// step or row that refers to its item, so that the export stays bounded
/// by the size of the map.
pub(crate) fn short(s: &str) -> Cow<'_, str> {
    match clean(s, true) {
        Cow::Borrowed(b) => cut(b.trim(), NAME_MAX),
        Cow::Owned(o) => Cow::Owned(cut(o.trim(), NAME_MAX).into_owned()),
    }
}

/// Appends `s` to `out` with each ASCII byte that `escape` maps replaced.
/// Every character that any export escapes is ASCII, and UTF-8 never uses
/// an ASCII byte inside a longer character, so a byte scan is exact, and
/// much faster than decoding characters.
pub(crate) fn push_escaped(out: &mut String, s: &str, escape: impl Fn(u8) -> Option<&'static str>) {
    let mut plain_from = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if let Some(replacement) = escape(b) {
            out.push_str(&s[plain_from..i]);
            out.push_str(replacement);
            plain_from = i + 1;
        }
    }
    out.push_str(&s[plain_from..]);
}

/// A byte-wise escaping for [`push_clean`]: ASCII bytes and what each is
/// replaced with, looked up through a table built at compile time.
pub(crate) struct Escapes {
    /// For each byte: 0 to keep it, `k` for `with[k - 1]`, or [`CLEAN`]
    /// for a byte that is not printable ASCII.
    table: [u8; 256],
    with: &'static [(u8, &'static str)],
}

/// Marks the bytes that send [`push_clean`] to its cleaning path.
const CLEAN: u8 = u8::MAX;

impl Escapes {
    pub const fn new(with: &'static [(u8, &'static str)]) -> Escapes {
        assert!(with.len() < CLEAN as usize);
        let mut table = [0; 256];
        let mut b = 0;
        while b < table.len() {
            if b < 0x20 || b >= 0x7f {
                table[b] = CLEAN;
            }
            b += 1;
        }
        let mut k = 0;
        while k < with.len() {
            let b = with[k].0 as usize;
            if table[b] != CLEAN {
                table[b] = k as u8 + 1;
            }
            k += 1;
        }
        Escapes { table, with }
    }

    fn replacement(&self, b: u8) -> Option<&'static str> {
        self.with.iter().find(|(c, _)| *c == b).map(|(_, r)| *r)
    }
}

/// Appends `s` cleaned as by [`clean`], with each byte that `escapes` lists
/// replaced: [`push_escaped`] of [`clean`], but for printable ASCII, the
/// common case, in one pass over the text instead of two.
pub(crate) fn push_clean(out: &mut String, s: &str, multiline: bool, escapes: &Escapes) {
    let mut plain_from = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        match escapes.table[usize::from(b)] {
            0 => {}
            CLEAN => {
                // Cleaning works character by character, and a control
                // character only looks ahead, so the printable ASCII before
                // byte `i` is what `clean` would keep: only the rest needs it.
                let rest = clean(&s[plain_from..], multiline);
                push_escaped(out, &rest, |b| escapes.replacement(b));
                return;
            }
            k => {
                out.push_str(&s[plain_from..i]);
                out.push_str(escapes.with[usize::from(k) - 1].1);
                plain_from = i + 1;
            }
        }
    }
    out.push_str(&s[plain_from..]);
}

/// Appends a number without the formatting machinery, for the hot loops.
pub(crate) fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_escapes() {
        let mut out = String::new();
        for n in [0, 7, 10, 1234567890] {
            push_number(&mut out, n);
            out.push(' ');
        }
        assert_eq!(out, "0 7 10 1234567890 ");
        let mut out = String::new();
        push_escaped(&mut out, "a\"ü\"口", |b| (b == b'"').then_some("&quot;"));
        assert_eq!(out, "a&quot;ü&quot;口");
    }

    proptest::proptest! {
        #[test]
        fn push_clean_agrees_on_any_text(s in "(?s).{0,40}", multiline: bool) {
            const ESCAPES: Escapes = Escapes::new(&[(b'<', "#"), (b'\n', "#")]);
            let mut expected = String::new();
            push_escaped(&mut expected, &clean(&s, multiline), |b| ESCAPES.replacement(b));
            let mut got = String::new();
            push_clean(&mut got, &s, multiline, &ESCAPES);
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn push_clean_is_push_escaped_of_clean() {
        let escape = |b| match b {
            b'"' => Some("&quot;"),
            b'\n' => Some("<BR/>"),
            _ => None,
        };
        const ESCAPES: Escapes = Escapes::new(&[(b'"', "&quot;"), (b'\n', "<BR/>")]);
        for s in [
            "",
            "plain",
            "say \"hi\"",
            "a\"b\r\nc\u{1b}[31m\"",
            "\"ü\"\u{202e}x\ty",
            "x\u{ffff}\"",
            "\r\n",
        ] {
            for multiline in [false, true] {
                let mut expected = String::from("<");
                push_escaped(&mut expected, &clean(s, multiline), escape);
                let mut got = String::from("<");
                push_clean(&mut got, s, multiline, &ESCAPES);
                assert_eq!(got, expected, "{s:?}");
            }
        }
    }

    #[test]
    fn blank_and_clean() {
        assert!(is_blank(" \u{1b}\u{202e} "));
        assert!(is_blank("\u{1b}[0m "));
        assert!(is_blank(""));
        assert!(!is_blank(" a"));
        assert_eq!(clean("plain", false), "plain");
        assert_eq!(clean("a\u{1b}\u{1}b\nc", false), "ab c");
        assert_eq!(clean("x\u{ffff}y\u{fffe}\u{fdd0}", true), "xy\u{fdd0}");
        assert_eq!(clean("\u{ffff}\u{200d}👩", true), "👩");
        assert_eq!(short(" plain "), "plain");
        let long = format!("\u{1b}[1m{}", "é".repeat(200));
        assert_eq!(short(&long), format!("{}…", "é".repeat(NAME_MAX - 1)));
    }
}
