//! Text helpers every exporter shares: cleaning with a fast path, byte-wise
//! escaping, and numbers without the formatting machinery. Exports at S3
//! run these on every string of the map, so they are written for speed.

use std::borrow::Cow;

/// Whether text shows nothing once control characters are dropped: such a
/// name gets its id in its place.
pub(crate) fn is_blank(s: &str) -> bool {
    // Fast path: any printable ASCII character other than a space.
    if s.bytes().any(|b| b > b' ' && b < 0x7f) {
        return false;
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
    let cleaned = crate::core::text::clean(s, multiline);
    if cleaned.contains(['\u{fffe}', '\u{ffff}']) {
        Cow::Owned(cleaned.replace(['\u{fffe}', '\u{ffff}'], ""))
    } else {
        cleaned
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

    #[test]
    fn blank_and_clean() {
        assert!(is_blank(" \u{1b}\u{202e} "));
        assert!(!is_blank(" a"));
        assert_eq!(clean("plain", false), "plain");
        assert_eq!(clean("a\u{1b}b\nc", false), "ab c");
        assert_eq!(clean("x\u{ffff}y\u{fffe}\u{fdd0}", true), "xy\u{fdd0}");
    }
}
