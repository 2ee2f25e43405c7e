//! The one embedded font: the canvas measures its text with it, the SVG
//! names it, and the PNG and PDF are drawn with it and nothing else, so a
//! picture is the same on every machine, fonts installed or not.

use std::sync::OnceLock;

/// DejaVu Sans, under the Bitstream Vera licence (assets/fonts/LICENSE).
pub const FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

/// The family name the SVG asks for, which is the embedded font's own.
pub const FAMILY: &str = "DejaVu Sans";

/// The `font-family` the SVG asks for: the embedded font, and a viewer's
/// own sans-serif where it lacks it.
pub const FAMILY_LIST: &str = "DejaVu Sans, sans-serif";

/// The advances of the first characters, looked up once: nearly all of a
/// map's text is Latin, and a table is much faster than the font's cmap.
const TABLE: usize = 0x250;

struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f64,
    /// Advance of each character below [`TABLE`], in font units.
    table: Vec<u16>,
    /// Which characters below [`TABLE`] the font has.
    has: Vec<bool>,
    notdef: u16,
}

fn metrics() -> Option<&'static Metrics> {
    static METRICS: OnceLock<Option<Metrics>> = OnceLock::new();
    METRICS
        .get_or_init(|| {
            let face = ttf_parser::Face::parse(FONT, 0).ok()?;
            let notdef = face.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(0);
            let mut table = Vec::with_capacity(TABLE);
            let mut has = Vec::with_capacity(TABLE);
            for code in 0..TABLE as u32 {
                let glyph = char::from_u32(code).and_then(|c| face.glyph_index(c));
                has.push(glyph.is_some());
                table.push(
                    glyph
                        .and_then(|g| face.glyph_hor_advance(g))
                        .unwrap_or(notdef),
                );
            }
            Some(Metrics {
                units_per_em: f64::from(face.units_per_em()),
                face,
                table,
                has,
                notdef,
            })
        })
        .as_ref()
}

/// The advance of one character in font units.
fn advance(m: &Metrics, c: char) -> u16 {
    match m.table.get(c as usize) {
        Some(&a) => a,
        None => m
            .face
            .glyph_index(c)
            .and_then(|g| m.face.glyph_hor_advance(g))
            .unwrap_or(m.notdef),
    }
}

/// The width of `text` set at `size` px: the sum of its advances, without
/// kerning (which only ever narrows DejaVu's Latin text a little, so the
/// layout's margins hold it).
pub fn width(text: &str, size: f64) -> f64 {
    let Some(m) = metrics() else {
        // The font is compiled in; should it not parse, an estimate keeps
        // the layout going.
        return text.chars().count() as f64 * size * 0.6;
    };
    let units: u64 = text.chars().map(|c| u64::from(advance(m, c))).sum();
    units as f64 * size / m.units_per_em
}

/// Whether the font has a glyph for `c` (a missing one is drawn as a box).
pub fn has_glyph(c: char) -> bool {
    let Some(m) = metrics() else { return false };
    match m.has.get(c as usize) {
        Some(&h) => h,
        None => m.face.glyph_index(c).is_some(),
    }
}

/// `text` broken into at most `max_lines` lines no wider than `max_width`
/// at `size`: at spaces where it can, inside a word where a word alone is
/// too wide. Text that does not fit ends in "…" on the last line, and the
/// second value says so (the caller then puts the whole text in a tooltip).
pub fn wrap(text: &str, size: f64, max_width: f64, max_lines: usize) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    if max_lines == 0 {
        return (lines, !text.trim().is_empty());
    }
    let mut line = String::new();
    let mut words = text.split_whitespace().peekable();
    let mut cut = false;
    'words: while let Some(word) = words.next() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size) <= max_width {
            line = candidate;
            continue;
        }
        // The word does not fit on this line: start a new one with it,
        // breaking the word itself where it is wider than a whole line.
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            if lines.len() == max_lines {
                cut = true;
                break 'words;
            }
        }
        let mut rest = word;
        while width(rest, size) > max_width {
            let split = fitting_prefix(rest, size, max_width).max(first_char_len(rest));
            lines.push(rest[..split].to_string());
            rest = &rest[split..];
            if lines.len() == max_lines {
                cut = !rest.is_empty() || words.peek().is_some();
                break 'words;
            }
        }
        line = rest.to_string();
    }
    if !line.is_empty() {
        if lines.len() < max_lines {
            lines.push(line);
        } else {
            cut = true;
        }
    }
    if cut && let Some(last) = lines.last_mut() {
        *last = with_ellipsis(last, size, max_width);
    }
    (lines, cut)
}

/// `text` on one line of `max_width`, ending in "…" where it is cut.
pub fn fit(text: &str, size: f64, max_width: f64) -> (String, bool) {
    let (lines, cut) = wrap(text, size, max_width, 1);
    (lines.into_iter().next().unwrap_or_default(), cut)
}

fn first_char_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

/// The byte length of the longest prefix of `s` that fits `max_width`.
fn fitting_prefix(s: &str, size: f64, max_width: f64) -> usize {
    let Some(m) = metrics() else { return s.len() };
    let limit = max_width * m.units_per_em / size;
    let mut used = 0.0;
    for (i, c) in s.char_indices() {
        used += f64::from(advance(m, c));
        if used > limit {
            return i;
        }
    }
    s.len()
}

fn with_ellipsis(line: &str, size: f64, max_width: f64) -> String {
    let room = max_width - width("…", size);
    let keep = fitting_prefix(line, size, room.max(0.0));
    format!("{}…", line[..keep].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_with_the_embedded_font() {
        // DejaVu Sans: "i" is narrower than "W", and width is linear in size.
        assert!(width("i", 16.0) < width("W", 16.0));
        let w = width("Awareness", 10.0);
        assert!((width("Awareness", 20.0) - 2.0 * w).abs() < 1e-9);
        assert!(w > 40.0 && w < 70.0, "{w}");
        assert_eq!(width("", 12.0), 0.0);
        assert!(has_glyph('ß') && has_glyph('ü') && has_glyph('é'));
        assert!(!has_glyph('口'), "DejaVu Sans has no CJK");
        // A missing character still takes room: the box it is drawn as.
        assert!(width("口", 12.0) > 0.0);
    }

    #[test]
    fn wraps_at_spaces_and_marks_a_cut() {
        let (lines, cut) = wrap("Asking friends and family", 16.0, 120.0, 3);
        assert!(!cut);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), "Asking friends and family");
        for l in &lines {
            assert!(width(l, 16.0) <= 120.0, "{l}");
        }
        let (lines, cut) = wrap("one two three four five six seven", 16.0, 60.0, 2);
        assert!(cut);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(width(&lines[1], 16.0) <= 60.0);
    }

    #[test]
    fn breaks_a_word_wider_than_the_line() {
        let word = "Donaudampfschifffahrtsgesellschaft";
        let (lines, cut) = wrap(word, 16.0, 80.0, 10);
        assert!(!cut);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
        let (lines, cut) = fit(word, 16.0, 80.0);
        assert!(cut && lines.ends_with('…') && width(&lines, 16.0) <= 80.0);
        // Even a line too narrow for one character makes progress.
        let (lines, _) = wrap("WWW", 16.0, 1.0, 5);
        assert_eq!(lines.len(), 3);
    }
}
