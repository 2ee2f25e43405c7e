//! `journey export` and `journey render`.

use super::{EXIT_UNREADABLE, ExportFormat, eprint_clean};
use std::path::Path;

/// Exports a map to stdout or a file.
pub fn run_export(
    _file: &Path,
    _format: ExportFormat,
    _output: Option<&Path>,
    _persona: Option<&str>,
) -> u8 {
    eprint_clean("error: export is not available in this build yet");
    EXIT_UNREADABLE
}

/// Renders a map through Graphviz.
pub fn run_render(_file: &Path, _output: &Path, _persona: Option<&str>) -> u8 {
    eprint_clean("error: render is not available in this build yet");
    EXIT_UNREADABLE
}
