//! `journey outline`: a map as a line-oriented outline, for git's textconv.

use super::input::load_map;
use super::{EXIT_OK, EXIT_UNREADABLE, emit, eprint_clean};
use crate::core::diff::outline::outline;
use std::path::Path;

/// Prints the outline of one map.
pub fn run(file: &Path) -> u8 {
    match load_map(file) {
        Ok(loaded) => {
            emit(&outline(&loaded.map));
            EXIT_OK
        }
        Err(e) => {
            eprint_clean(&format!("error: {e}"));
            EXIT_UNREADABLE
        }
    }
}
