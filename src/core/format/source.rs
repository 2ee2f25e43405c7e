//! A light scan of a map file's text: where each id and step sits, and
//! whether the file holds comments. serde forgets positions, so validation
//! findings get their line numbers from here.

use std::collections::HashMap;

/// Line numbers (1-based) of `id: "…"` and `touchpoint: "…"` fields, keyed by
/// value, in file order; and the lines of any comments.
#[derive(Debug, Default, Clone)]
pub struct SourceIndex {
    // Only looked up, never iterated, so a hash map cannot leak its order.
    ids: HashMap<String, Vec<usize>>,
    steps: HashMap<String, Vec<usize>>,
    /// The lines where a `//` or `/* */` comment starts.
    pub comment_lines: Vec<usize>,
}

impl SourceIndex {
    /// Scans the text once. Strings are skipped, so a name that contains
    /// `id: "x"` does not confuse it.
    pub fn scan(text: &str) -> SourceIndex {
        let mut index = SourceIndex::default();
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut line = 1;
        // The last identifier followed by a colon, waiting for its string.
        let mut pending: Option<(&str, usize)> = None;
        while i < bytes.len() {
            let b = bytes[i];
            match b {
                b'\n' => {
                    line += 1;
                    i += 1;
                }
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    index.comment_lines.push(line);
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    index.comment_lines.push(line);
                    i += 2;
                    while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/'))
                    {
                        if bytes[i] == b'\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                    i += 2;
                }
                b'"' => {
                    let (end, newlines) = string_end(bytes, i + 1);
                    let target = match pending.take() {
                        Some(("id", field_line)) => Some((&mut index.ids, field_line)),
                        Some(("touchpoint", field_line)) => Some((&mut index.steps, field_line)),
                        _ => None,
                    };
                    if let Some((target, field_line)) = target {
                        let value = unescape(&bytes[i + 1..end.saturating_sub(1).max(i + 1)]);
                        target.entry(value).or_default().push(field_line);
                    }
                    line += newlines;
                    i = end;
                }
                c if c.is_ascii_alphabetic() || c == b'_' => {
                    let start = i;
                    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_')
                    {
                        i += 1;
                    }
                    let word = &text[start..i];
                    let mut j = i;
                    while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                        j += 1;
                    }
                    pending = (bytes.get(j) == Some(&b':')).then_some((word, line));
                }
                b' ' | b'\t' | b'\r' | b':' => i += 1,
                _ => {
                    pending = None;
                    i += 1;
                }
            }
        }
        index
    }

    /// The line of the `nth` (0-based) item whose id is `id`.
    pub fn id_line(&self, id: &str, nth: usize) -> Option<usize> {
        self.ids.get(id).and_then(|lines| lines.get(nth)).copied()
    }

    /// The line of the `nth` (0-based) step that names touchpoint `id`.
    pub fn step_line(&self, id: &str, nth: usize) -> Option<usize> {
        self.steps.get(id).and_then(|lines| lines.get(nth)).copied()
    }
}

/// Finds the end of a string body that starts after its opening quote.
/// Returns the index after the closing quote and the raw newlines inside.
fn string_end(bytes: &[u8], start: usize) -> (usize, usize) {
    let mut i = start;
    let mut newlines = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (i + 1, newlines),
            b'\\' => i += 2,
            b'\n' => {
                newlines += 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    (bytes.len(), newlines)
}

/// Undoes simple backslash escapes: enough for ids, which are slugs.
fn unescape(raw: &[u8]) -> String {
    if !raw.contains(&b'\\') {
        return String::from_utf8_lossy(raw).into_owned();
    }
    let mut value = Vec::with_capacity(raw.len());
    let mut j = 0;
    while j < raw.len() {
        if raw[j] == b'\\' && j + 1 < raw.len() {
            j += 1;
        }
        value.push(raw[j]);
        j += 1;
    }
    String::from_utf8_lossy(&value).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_steps_and_comments_but_not_inside_strings() {
        let text = "(\n  title: \"id: \\\"fake\\\"\",\n  // note\n  id: \"a\",\n  steps: [(touchpoint: \"a\")],\n  id: \"a\",\n)";
        let index = SourceIndex::scan(text);
        assert_eq!(index.id_line("a", 0), Some(4));
        assert_eq!(index.id_line("a", 1), Some(6));
        assert_eq!(index.id_line("fake", 0), None);
        assert_eq!(index.step_line("a", 0), Some(5));
        assert_eq!(index.comment_lines, vec![3]);
    }
}
