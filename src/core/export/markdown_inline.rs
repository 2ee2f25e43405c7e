//! Map text as inline Markdown, shared by the Markdown export and the
//! insight table it includes (each imports this file, not the other).

use super::clean;

/// Writes map text as inline Markdown that means exactly the text: control
/// characters are dropped, newlines become ` <br>` (the space keeps two
/// lines apart where a strict renderer drops the tag), and everything that could
/// start structure (emphasis, links, code, HTML, entities, math, table cell
/// ends, and list, heading or quote markers at the start) is escaped.
pub fn push_inline(out: &mut String, text: &str) {
    let text = clean(text, true);
    let text = text.trim();
    let block_marker = line_start_marker(text);
    // A trailing run of `#` would close a heading and vanish.
    let closing_hashes = text.trim_end_matches('#').len();
    // Bytes, not characters: everything escaped here is ASCII (see
    // `super::push_escaped`).
    let mut plain_from = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let escaped = match b {
            b'\n' => " <br>",
            b'\t' => " ",
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\\' => "\\\\",
            b'|' => "\\|",
            b'*' => "\\*",
            b'_' => "\\_",
            b'`' => "\\`",
            b'[' => "\\[",
            b']' => "\\]",
            b'~' => "\\~",
            b'$' => "\\$",
            b'#' if i >= closing_hashes => "\\#",
            _ if block_marker == Some(i) => {
                out.push_str(&text[plain_from..i]);
                out.push('\\');
                plain_from = i;
                continue;
            }
            _ => continue,
        };
        out.push_str(&text[plain_from..i]);
        out.push_str(escaped);
        plain_from = i + 1;
    }
    out.push_str(&text[plain_from..]);
}

/// Where `text` holds a marker that would open a block if the text began a
/// line (a heading, quote, list item, thematic break or setext underline):
/// the byte offset of the character to escape.
fn line_start_marker(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes.first()? {
        b'#' | b'-' | b'+' | b'=' => Some(0),
        b'0'..=b'9' => {
            // `1.` or `1)` opens an ordered list.
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            matches!(bytes.get(digits), Some(b'.' | b')')).then_some(digits)
        }
        _ => None,
    }
}
