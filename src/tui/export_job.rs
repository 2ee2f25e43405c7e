//! An export the editor's loop carries out (on the drawing thread for
//! pictures), and how it went. It depends on the core alone, so that the
//! action, the effect and the drawing thread can all name it.

use crate::core::export::{self, Format, Options};
use crate::core::model::Map;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// An export for the loop to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportJob {
    /// The map as it is now, unsaved changes included.
    pub map: Arc<Map>,
    /// What to write.
    pub format: Format,
    /// Which personas to show.
    pub options: Options,
    /// Where to write it.
    pub path: PathBuf,
    /// Draw the journey canvas instead of the Graphviz graph (for svg,
    /// png and pdf).
    pub canvas: bool,
}

impl ExportJob {
    /// Writes the export; every failure is in the result, none panics.
    pub fn run(self) -> ExportResult {
        self.run_cancellable(Arc::new(AtomicBool::new(false)))
    }

    /// [`ExportJob::run`], stopping `dot` when `cancel` is set.
    pub fn run_cancellable(self, cancel: Arc<AtomicBool>) -> ExportResult {
        // Exporting again over the last export is the usual case, so it is
        // not asked about; the message says that a file was replaced.
        let replaced = self.path.exists();
        if self.canvas
            && let Some(image) = self.format.image()
        {
            let options = crate::core::canvas::CanvasOptions {
                persona: self.options.persona.clone(),
                ..Default::default()
            };
            // The canvas takes well under a second; it is not cancelled.
            return match crate::core::canvas::write(&self.map, &options, image, 1.0, &self.path) {
                Ok(warnings) => ExportResult::written(self.path, warnings, replaced),
                Err(e) => ExportResult::failed(self.path, e.to_string(), false),
            };
        }
        let limits = export::render::Limits {
            cancel: Some(cancel),
            ..export::render::Limits::from_env()
        };
        match export::write_limited(&self.map, self.format, &self.options, &self.path, &limits) {
            Ok(warnings) => ExportResult::written(self.path, warnings, replaced),
            Err(e) => {
                let cancelled = matches!(
                    e,
                    export::ExportError::Render(export::render::RenderError::Cancelled)
                );
                ExportResult::failed(self.path, e.to_string(), cancelled)
            }
        }
    }
}

/// How an export went, fed back into `update` by the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportResult {
    /// The file written (or meant to be).
    pub path: PathBuf,
    /// What the format could not carry, when it was written.
    pub warnings: Vec<String>,
    /// The error, as a message, when the export failed.
    pub error: Option<String>,
    /// Whether a file was there before and is now replaced.
    pub replaced: bool,
    /// The user stopped the drawing; nothing was written.
    pub cancelled: bool,
}

impl ExportResult {
    /// The export was written to `path`.
    fn written(path: PathBuf, warnings: Vec<String>, replaced: bool) -> ExportResult {
        ExportResult {
            path,
            warnings,
            error: None,
            replaced,
            cancelled: false,
        }
    }

    /// The export failed (or was stopped) with `error`; nothing replaced.
    fn failed(path: PathBuf, error: String, cancelled: bool) -> ExportResult {
        ExportResult {
            path,
            warnings: Vec::new(),
            error: Some(error),
            replaced: false,
            cancelled,
        }
    }
}
