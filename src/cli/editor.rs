//! Starting the editor (the TUI) from the command line.

use super::{EXIT_UNREADABLE, eprint_clean};
use std::path::Path;
use std::process::ExitCode;

/// Opens the editor on `file`, or the picker when there is none.
pub fn run_editor(_file: Option<&Path>, _ascii: bool) -> ExitCode {
    eprint_clean("error: the editor is not available in this build yet; try `journey --help`");
    ExitCode::from(EXIT_UNREADABLE)
}
