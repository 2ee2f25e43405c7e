//! `journey fmt`: rewrite maps in the canonical layout.

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, eprint_clean};
use crate::core::format::{load, to_string, write_atomic};
use std::path::PathBuf;

/// Rewrites each file canonically, or with `check` lists the files that
/// would change. A file that does not parse is never rewritten.
pub fn run(files: &[PathBuf], check: bool) -> u8 {
    let mut unreadable = false;
    let mut changed = false;
    for file in files {
        let loaded = match load(file) {
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
        if check {
            println!(
                "{}",
                crate::core::text::printable(&file.display().to_string())
            );
            let line = first_difference(&loaded.text, &canonical);
            eprint_clean(&format!(
                "{}:{line}: not in canonical layout; `journey fmt` would rewrite it",
                file.display()
            ));
            continue;
        }
        let comments = loaded.source().comment_lines.len();
        if comments > 0 {
            eprint_clean(&format!(
                "warning: {}: dropped {comments} comment{}; keep such text in `description` or `notes`",
                file.display(),
                if comments == 1 { "" } else { "s" }
            ));
        }
        if let Err(e) = write_atomic(file, canonical.as_bytes()) {
            eprint_clean(&format!("error: {}: cannot write: {e}", file.display()));
            unreadable = true;
        } else {
            eprint_clean(&format!("formatted {}", file.display()));
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
