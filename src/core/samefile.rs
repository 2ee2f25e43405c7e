//! Paths as the user names them: whether two name the same file, and how to
//! show one in a one-line message without letting its name forge lines.

use std::fmt::Write as _;
use std::path::Path;

/// Whether `a` and `b` name the same existing file: the same device and
/// inode (so a symlink or a hard link counts), or the same canonical path.
/// A path that does not exist is never the same as anything, so an output
/// that is yet to be created is never its own input.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(meta_a), Ok(meta_b)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    if same_inode(&meta_a, &meta_b) {
        return true;
    }
    // Where inodes say nothing (other platforms), the resolved paths decide.
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// A path for a one-line message: `\n`, `\r` and `\t` written as backslash
/// escapes and every other control, bidi or invisible format character as
/// `\u{..}`, so that a file name cannot start a line of its own (a GitHub
/// workflow command, say) or hide what it is.
pub fn shown_path(path: &Path) -> String {
    let name = path.display().to_string();
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if crate::core::format::needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_path_escapes_line_breaks_and_controls() {
        let path = Path::new("j\n::error file=README.md\r\t\u{1b}[31m\u{202e}.ron");
        assert_eq!(
            shown_path(path),
            "j\\n::error file=README.md\\r\\t\\u{1b}[31m\\u{202e}.ron"
        );
        assert_eq!(
            shown_path(Path::new("maps/caf\u{e9}.ron")),
            "maps/caf\u{e9}.ron"
        );
    }

    #[test]
    fn a_missing_path_is_never_the_same() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("missing.ron");
        assert!(!same_file(&missing, &missing));
    }
}
