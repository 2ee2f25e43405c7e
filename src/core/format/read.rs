//! Reading map files: strict, and helpful when the input is bad.

use super::source::SourceIndex;
use crate::core::model::{FORMAT_VERSION, Map};
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before parsing: 32 MiB, which holds
/// the largest budget size (S3, about 25 MB) and loads within its budget.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a map file could not be read. Its `Display` is the one line a user sees.
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {kind}", one_line_name(file), location(*line, *col))]
pub struct LoadError {
    pub file: PathBuf,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub col: Option<usize>,
    pub kind: LoadErrorKind,
}

/// A file name fit for a one-line message (see
/// [`crate::core::samefile::shown_path`], the one rule for this).
pub fn one_line_name(file: &Path) -> String {
    crate::core::samefile::shown_path(file)
}

fn location(line: Option<usize>, col: Option<usize>) -> String {
    match (line, col) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

/// The kinds of unreadable input.
#[derive(Debug, thiserror::Error)]
pub enum LoadErrorKind {
    #[error("no such file")]
    NotFound,
    #[error("is a folder, not a map file")]
    IsFolder,
    /// A FIFO, a device or a socket: reading it could block or never end.
    #[error("not a regular file; journey reads map files, not pipes or devices")]
    NotRegular,
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error("the file is {size} bytes; journey reads map files of up to {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    /// Input of unknown size (a pipe, standard input) went past the limit.
    #[error("the input is over {limit} bytes; journey reads map files of up to {limit} bytes")]
    TooLong { limit: u64 },
    #[error(
        "the file is empty; expected a journey map, such as `(format: 1, title: \"My map\", stages: [])`"
    )]
    Empty,
    #[error("not UTF-8 text (is it a binary file?); a journey map is UTF-8 RON text")]
    NotUtf8,
    #[error("binary data (a NUL byte); a journey map is UTF-8 RON text")]
    Binary,
    #[error(
        "git conflict marker `{0}`: this file is in the middle of a merge; resolve the merge first, then run journey again"
    )]
    ConflictMarker(String),
    #[error(
        "written by a newer journey (format {found}; this build reads format {FORMAT_VERSION} and older); update journey to open it"
    )]
    NewerFormat { found: u64 },
    #[error("{0}")]
    Syntax(String),
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// A map read from disk, with its text, from which validation can learn lines.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub map: Map,
    /// Exactly the file's bytes, a leading byte-order mark included.
    pub text: String,
}

impl Loaded {
    /// Scans the text for item lines and comments. Not done on load, since
    /// only `check` needs it.
    pub fn source(&self) -> SourceIndex {
        let body = self.text.strip_prefix('\u{feff}').unwrap_or(&self.text);
        SourceIndex::scan(body)
    }
}

/// Reads and parses a map file. Only a regular file is read: a FIFO or a
/// device is refused before anything blocks, and at most
/// [`MAX_FILE_BYTES`] + 1 bytes are read, so a file that grows (or lies
/// about its size) cannot exhaust memory.
pub fn load(file: &Path) -> Result<Loaded, LoadError> {
    let err = |kind| LoadError {
        file: file.to_path_buf(),
        line: None,
        col: None,
        kind,
    };
    let (opened, meta) = open_regular(file).map_err(err)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLarge {
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        }));
    }
    let bytes = read_limited(opened, meta.len()).map_err(|e| err(io_kind(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLong {
            limit: MAX_FILE_BYTES,
        }));
    }
    parse_owned(file, bytes)
}

/// Reads and parses a map from a stream (standard input through `-`);
/// `name` is only used in messages. At most [`MAX_FILE_BYTES`] + 1 bytes
/// are read.
pub fn load_reader(name: &Path, reader: impl Read) -> Result<Loaded, LoadError> {
    let err = |kind| LoadError {
        file: name.to_path_buf(),
        line: None,
        col: None,
        kind,
    };
    let bytes = read_limited(reader, 0).map_err(|e| err(io_kind(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLong {
            limit: MAX_FILE_BYTES,
        }));
    }
    parse_owned(name, bytes)
}

/// Opens `file` for reading without blocking and returns it with its
/// metadata, taken from the opened file so that it describes what is read.
/// A folder, a FIFO, a device or a socket is refused: opening a FIFO
/// normally waits for a writer, and a device may never end.
pub fn open_regular(file: &Path) -> Result<(std::fs::File, std::fs::Metadata), LoadErrorKind> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Without it, opening a FIFO blocks until some process writes to it.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let opened = options.open(file).map_err(|e| io_kind(&e))?;
    let meta = opened.metadata().map_err(|e| io_kind(&e))?;
    if meta.is_dir() {
        return Err(LoadErrorKind::IsFolder);
    }
    if !meta.is_file() {
        return Err(LoadErrorKind::NotRegular);
    }
    Ok((opened, meta))
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes: one byte more than the limit
/// tells an input that is too long. `expected` sizes the buffer.
pub fn read_limited(reader: impl Read, expected: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(expected.min(MAX_FILE_BYTES) as usize + 1);
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn io_kind(e: &std::io::Error) -> LoadErrorKind {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadErrorKind::NotFound,
        std::io::ErrorKind::IsADirectory => LoadErrorKind::IsFolder,
        _ => LoadErrorKind::Io(e.to_string()),
    }
}

/// Parses the bytes of a map file; `file` is only used in messages.
pub fn parse_bytes(file: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    parse_owned(file, bytes.to_vec())
}

/// [`parse_bytes`], keeping the bytes as the text without a copy.
fn parse_owned(file: &Path, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    let at = |line: usize, col: usize, kind| LoadError {
        file: file.to_path_buf(),
        line: Some(line),
        col: Some(col),
        kind,
    };
    // A byte-order mark, which some Windows editors write, is no part of
    // the map; it stays in `text` (which must match the file's bytes, for
    // the changed-on-disk stamp) and is skipped by everything that reads it.
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let (line, col) = line_col_of_byte(&e.as_bytes()[bom..], offset - bom);
            return Err(at(line, col, LoadErrorKind::NotUtf8));
        }
    };
    let body = &text[bom..];
    if let Some(offset) = memchr::memchr(0, body.as_bytes()) {
        let (line, col) = line_col_of_byte(body.as_bytes(), offset);
        return Err(at(line, col, LoadErrorKind::Binary));
    }
    if body.trim().is_empty() {
        return Err(LoadError {
            file: file.to_path_buf(),
            line: None,
            col: None,
            kind: LoadErrorKind::Empty,
        });
    }
    if let Some((line, marker)) = conflict_marker(body) {
        return Err(at(line, 1, LoadErrorKind::ConflictMarker(marker)));
    }
    let mut map = parse_text(body).map_err(|(line, col, kind)| at(line, col, kind))?;
    // Map files arrive from anyone on the team: control and bidi characters
    // are dropped here, once, so that no later view or export meets them.
    crate::core::text::clean_map(&mut map);
    Ok(Loaded { text, map })
}

/// Parses map text. A file from a newer format is refused as newer, not for
/// a field this build does not know; the version is only probed when the
/// strict parse fails, so the common case parses once.
fn parse_text(text: &str) -> Result<Map, (usize, usize, LoadErrorKind)> {
    let newer = |found: u64| {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("format"))
            .map_or(1, |i| i + 1);
        (line, 1, LoadErrorKind::NewerFormat { found })
    };
    // The fast reader gives exactly ron's map or declines; only ron's
    // answer is ever an error, so every message stays ron's.
    let parsed = match super::fast::parse(text) {
        Some(map) => Ok(map),
        None => ron::from_str::<Map>(text),
    };
    match parsed {
        Ok(map) if map.format > FORMAT_VERSION => Err(newer(u64::from(map.format))),
        // The number a save writes: the lowest that holds the map, so the
        // same map is the same value whatever number its file claimed.
        Ok(mut map) => {
            map.format = super::required_format(&map);
            Ok(map)
        }
        Err(e) => {
            #[derive(Deserialize)]
            struct Probe {
                format: u64,
            }
            if let Ok(probe) = ron::from_str::<Probe>(text)
                && probe.format > u64::from(FORMAT_VERSION)
            {
                return Err(newer(probe.format));
            }
            let (offset, line, col) = next_token(text, e.span.start.line, e.span.start.col);
            // Whatever ron expected, nothing is left: the file is cut short.
            let code = if offset >= text.len() {
                ron::Error::Eof
            } else {
                e.code
            };
            Err((line, col, LoadErrorKind::Syntax(describe(&code))))
        }
    }
}

/// Rewords ron's messages where a user would otherwise be puzzled.
pub(crate) fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "unexpected end of file: the map is cut short (a missing `)` or `]`?)".into(),
        E::ExpectedStructLike => "expected `(` to open a struct".into(),
        E::ExpectedNamedStructLike("") => "expected `(` to open a struct".into(),
        E::ExpectedNamedStructLike(name) => format!("expected `(` to open a {name}"),
        E::ExpectedString => "expected a string in double quotes".into(),
        E::ExpectedInteger => "expected a whole number".into(),
        E::ExpectedComma => "expected `,` between items".into(),
        E::ExpectedMapColon => "expected `:` after the field name".into(),
        E::ExpectedArray => "expected `[` to open a list".into(),
        E::ExpectedArrayEnd => "expected `]` to close the list (or a missing `,`?)".into(),
        E::ExpectedStructLikeEnd => "expected `)` to close the struct (or a missing `,`?)".into(),
        E::ExpectedIdentifier => "expected a field name".into(),
        E::ExpectedStringEnd => "this string has no closing `\"`".into(),
        E::TrailingCharacters => "unexpected text after the end of the map".into(),
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("missing field `{field}` in {outer}"),
            None => format!("missing field `{field}`"),
        },
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; the fields allowed here are {}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default(),
            quoted_list(expected)
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unknown value `{found}`{}; expected one of {}",
            outer
                .as_ref()
                .map(|o| format!(" for {o}"))
                .unwrap_or_default(),
            quoted_list(expected)
        ),
        E::InvalidValueForType { expected, found } => {
            format!("expected {expected}, found {found}")
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Finds a git conflict marker at the start of a line. Only the line
/// starts are looked at, found with `memchr`: one quick pass over a large
/// file rather than a substring search for each marker.
fn conflict_marker(text: &str) -> Option<(usize, String)> {
    const MARKERS: [&str; 4] = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"];
    let bytes = text.as_bytes();
    let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
    starts.enumerate().find_map(|(i, at)| {
        let line = &bytes[at..];
        if !line.first().is_some_and(|b| b"<|=>".contains(b)) {
            return None;
        }
        let marker = MARKERS.into_iter().find(|m| {
            line.starts_with(m.as_bytes())
                && line
                    .get(m.len())
                    .is_none_or(|&c| matches!(c, b' ' | b'\r' | b'\n'))
        })?;
        Some((i + 1, marker.to_string()))
    })
}

/// ron reports some errors at the whitespace before the offending token;
/// moves forward to the token, so that the column points at what is wrong.
fn next_token(text: &str, line: usize, col: usize) -> (usize, usize, usize) {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let offset = text[line_start.min(text.len())..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i);
    let token = text[offset..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| offset + i);
    let (line, col) = line_col_of_byte(text.as_bytes(), token.min(text.len()));
    (token, line, col)
}

fn line_col_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::conflict_marker;

    #[test]
    fn a_conflict_marker_counts_only_at_a_line_start() {
        assert_eq!(
            conflict_marker("<<<<<<< HEAD\n(\n"),
            Some((1, "<<<<<<<".into()))
        );
        let crlf = "(\r\n    title: \"a ======= b\",\r\n=======\r\n>>>>>>> theirs\r\n";
        assert_eq!(conflict_marker(crlf), Some((3, "=======".into())));
        assert_eq!(conflict_marker("(\n|||||||"), Some((2, "|||||||".into())));
        // Longer runs, and markers inside a line, are text.
        assert_eq!(conflict_marker("========\n x <<<<<<< y\n"), None);
        assert_eq!(conflict_marker(""), None);
    }
}
