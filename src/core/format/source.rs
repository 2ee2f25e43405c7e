//! A light scan of a map file's text: where each id and step sits, and
//! whether the file holds comments. serde forgets positions, so validation
//! findings get their line numbers from here.

use std::collections::BTreeMap;

/// Line numbers (1-based) of `id: "…"` and `touchpoint: "…"` fields, keyed by
/// value, in file order; and the lines of any comments.
#[derive(Debug, Default, Clone)]
pub struct SourceIndex {
    ids: BTreeMap<String, Vec<usize>>,
    steps: BTreeMap<String, Vec<usize>>,
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
                    let start_line = line;
                    let (value, end, newlines) = read_string(bytes, i + 1);
                    if let Some((field, field_line)) = pending.take() {
                        let target = match field {
                            "id" => Some(&mut index.ids),
                            "touchpoint" => Some(&mut index.steps),
                            _ => None,
                        };
                        if let Some(target) = target {
                            target
                                .entry(value)
                                .or_default()
                                .push(field_line.min(start_line));
                        }
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

/// Reads a string body starting after its opening quote. Returns its value
/// with the common escapes undone, the index after the closing quote, and the
/// number of raw newlines inside.
fn read_string(bytes: &[u8], mut i: usize) -> (String, usize, usize) {
    let mut value = Vec::new();
    let mut newlines = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                return (
                    String::from_utf8_lossy(&value).into_owned(),
                    i + 1,
                    newlines,
                );
            }
            b'\\' if i + 1 < bytes.len() => {
                value.push(bytes[i + 1]);
                i += 2;
            }
            b => {
                if b == b'\n' {
                    newlines += 1;
                }
                value.push(b);
                i += 1;
            }
        }
    }
    (String::from_utf8_lossy(&value).into_owned(), i, newlines)
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
