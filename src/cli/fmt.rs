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
            continue;
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
