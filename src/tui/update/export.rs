//! Export from the board: `x` asks for a format and a file name; the loop
//! writes it with the same exporters as the CLI and reports back.

use super::Effect;
use crate::tui::action::ExportResult;
use crate::tui::app::{App, FormPurpose};
use crate::tui::form::Form;

/// An export for the loop to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportJob;

impl ExportJob {
    /// Writes the export; never panics, every failure is in the result.
    pub fn run(self) -> ExportResult {
        ExportResult {
            path: std::path::PathBuf::new(),
            warnings: Vec::new(),
            error: Some("export is not available in this build yet".into()),
        }
    }
}

/// Opens the export prompt.
pub(super) fn open(app: &mut App) {
    app.error("export is not available in this build yet");
}

/// Starts the export a confirmed prompt asks for.
pub(super) fn submit(_app: &mut App, _form: &Form<FormPurpose>) -> Vec<Effect> {
    Vec::new()
}

/// Says where the export went, or why it failed; the editor goes on.
pub(super) fn exported(app: &mut App, result: ExportResult) -> Vec<Effect> {
    match result.error {
        Some(e) => app.error(e),
        None => app.info(format!("exported to {}", result.path.display())),
    }
    Vec::new()
}
