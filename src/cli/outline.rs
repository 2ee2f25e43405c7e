//! `journey outline`: a map as a line-oriented outline, for git's textconv.

use super::input::{is_text_but_no_map, load_map};
use super::{EXIT_OK, EXIT_UNREADABLE, emit, eprint_clean};
use crate::core::diff::outline::outline;
use crate::core::samefile::shown_path;
use std::path::Path;

/// Prints the outline of one map; with `fallback`, a file that is text but
/// no map is printed as it is (git runs the textconv on every file the
/// attributes name, and one that is no map must not stop `git log -p`).
pub fn run(file: &Path, fallback: bool) -> u8 {
    match load_map(file) {
        Ok(loaded) => {
            emit(&outline(&loaded.map));
            EXIT_OK
        }
        Err(e) if fallback && is_text_but_no_map(&e.kind) => match std::fs::read(file) {
            Ok(bytes) => {
                emit(&crate::core::text::printable(&String::from_utf8_lossy(
                    &bytes,
                )));
                EXIT_OK
            }
            Err(read) => {
                eprint_clean(&format!("error: cannot read {}: {read}", shown_path(file)));
                EXIT_UNREADABLE
            }
        },
        Err(e) => {
            eprint_clean(&format!("error: {e}"));
            EXIT_UNREADABLE
        }
    }
}
