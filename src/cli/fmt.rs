//! `journey fmt`: rewrite maps in the canonical layout.

use super::input::{dash_twice, is_dash, load_map, stdin_name};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, emit_line, eprint_clean};
use crate::core::format::{to_string, write_atomic, write_atomic_forced};
use crate::core::samefile::shown_path;
use std::path::{Path, PathBuf};

/// Rewrites each file canonically, or with `check` lists the files that
/// would change. A file that does not parse is never rewritten, nor is a
/// read-only one unless `force` is set.
/// `-` is standard input, with `--check` only: it cannot be rewritten.
pub fn run(files: &[PathBuf], check: bool, force: bool) -> u8 {
    if let Some(message) = dash_twice(files) {
        eprint_clean(&message);
        return EXIT_UNREADABLE;
    }
    if !check && files.iter().any(|f| is_dash(f)) {
        eprint_clean("error: `journey fmt -` needs --check: standard input cannot be rewritten");
        return EXIT_UNREADABLE;
    }
    let mut unreadable = false;
    let mut changed = false;
    for file in files {
        let loaded = match load_map(file) {
            Ok(loaded) => loaded,
            Err(e) => {
                eprint_clean(&format!("error: {e}"));
                unreadable = true;
                continue;
            }
        };
        let canonical = to_string(&loaded.map);
        if canonical == loaded.text {
            continue;
        }
        changed = true;
        let shown = shown_path(if is_dash(file) { stdin_name() } else { file });
        if check {
            emit_line(&shown);
            let line = first_difference(&loaded.text, &canonical);
            eprint_clean(&format!(
                "{shown}:{line}: not in canonical layout; `journey fmt` would rewrite it"
            ));
            continue;
        }
        if !force && read_only(file) {
            eprint_clean(&format!(
                "error: {shown}: read-only; not rewritten (use --force to rewrite it anyway)"
            ));
            unreadable = true;
            continue;
        }
        let comments = loaded.source().comment_lines.len();
        if comments > 0 {
            eprint_clean(&format!(
                "warning: {shown}: dropped {comments} comment{}; keep such text in `description` or `notes`",
                if comments == 1 { "" } else { "s" }
            ));
        }
        let written = if force {
            write_atomic_forced(file, canonical.as_bytes())
        } else {
            write_atomic(file, canonical.as_bytes())
        };
        if let Err(e) = written {
            eprint_clean(&format!("error: {shown}: cannot write: {e}"));
            unreadable = true;
        } else {
            eprint_clean(&format!("formatted {shown}"));
        }
    }
    if unreadable {
        EXIT_UNREADABLE
    } else if check && changed {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Whether the file's permission bits forbid writing it. An atomic save
/// replaces the file through its folder, so without this check a 0444 file
/// in a writable folder would be rewritten, and as root everything would be.
/// A symlink is followed: the target's bits decide.
fn read_only(file: &Path) -> bool {
    std::fs::metadata(file).is_ok_and(|m| m.permissions().readonly())
}

/// The first line (1-based) where two texts differ.
fn first_difference(a: &str, b: &str) -> usize {
    let mut a_lines = a.lines();
    let mut b_lines = b.lines();
    let mut line = 1;
    while let (Some(x), Some(y)) = (a_lines.next(), b_lines.next()) {
        if x != y {
            return line;
        }
        line += 1;
    }
    line
}
