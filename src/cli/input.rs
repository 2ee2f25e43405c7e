//! Reading one map for the commands that compare or merge: a file, `-` for
//! standard input, or git's `/dev/null` for a side that does not exist.

use crate::core::format::{LoadError, LoadErrorKind, Loaded, load, load_reader};
use std::path::Path;

/// Whether `path` is `-`: standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Loads a map from a file or, for `-`, from standard input.
pub fn load_map(path: &Path) -> Result<Loaded, LoadError> {
    if is_stdin(path) {
        load_reader(Path::new("standard input"), std::io::stdin().lock())
    } else {
        load(path)
    }
}

/// Whether `path` is git's name for a missing side of a diff.
pub fn is_dev_null(path: &Path) -> bool {
    path.as_os_str() == "/dev/null"
}

/// Whether a file was read but is no map (or not yet one, in the middle
/// of a merge): text that git can still show line by line.
pub fn is_text_but_no_map(kind: &LoadErrorKind) -> bool {
    matches!(
        kind,
        LoadErrorKind::Syntax(_)
            | LoadErrorKind::Empty
            | LoadErrorKind::ConflictMarker(_)
            | LoadErrorKind::NewerFormat { .. }
    )
}
