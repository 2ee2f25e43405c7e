//! The map being edited, where it lives on disk, its undo history and what
//! live validation says about it.

use crate::core::edit::{Applied, Edit, EditError, History, Replayed};
use crate::core::model::Map;
use crate::core::stamp::FileStamp;
use crate::core::validate::{Diagnostic, Severity, validate};
use std::path::PathBuf;
use std::sync::Arc;

/// A map with its file and history.
#[derive(Debug, Clone)]
pub struct Document {
    /// Shared so that the recovery writer can take a snapshot after every
    /// edit for the price of a reference count; an edit copies the map only
    /// while a snapshot is still being written.
    map: Arc<Map>,
    /// The file the map is saved to.
    pub path: PathBuf,
    /// What the file held when it was last read or written, to notice a
    /// change on disk before a save overwrites it.
    pub stamp: Option<FileStamp>,
    history: History,
    /// The history state last written to disk; `None` when nothing on disk
    /// matches any state (a new file not yet written).
    saved: Option<u64>,
    problems: Problems,
}

/// What validation found, kept between edits so a frame never validates.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    /// Every finding, errors first.
    pub list: Vec<Diagnostic>,
    /// Warnings the map's `allow` lists accept: shown dimmed, not counted.
    pub allowed: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
}

impl Problems {
    fn of(map: &Map) -> Problems {
        let sorted = crate::core::allow::apply(map, validate(map));
        let (mut list, allowed) = (sorted.findings, sorted.allowed);
        // Stable: within a severity, the findings keep the map's order.
        list.sort_by_key(|d| d.severity != Severity::Error);
        let errors = list
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Problems {
            warnings: list.len() - errors,
            errors,
            list,
            allowed,
        }
    }
}

impl Document {
    /// A document for a map as it is on disk.
    pub fn saved(map: Map, path: PathBuf) -> Document {
        let mut doc = Document::unsaved(map, path);
        doc.saved = Some(doc.history.state());
        doc
    }

    /// A document whose map is not on disk yet.
    pub fn unsaved(map: Map, path: PathBuf) -> Document {
        let problems = Problems::of(&map);
        Document {
            map: Arc::new(map),
            path,
            stamp: None,
            history: History::default(),
            saved: None,
            problems,
        }
    }

    /// The map. Changes go through [`Document::apply`] so they can be undone.
    pub fn map(&self) -> &Map {
        &self.map
    }

    /// The map, shared, for a snapshot that outlives this borrow.
    pub fn snapshot(&self) -> Arc<Map> {
        Arc::clone(&self.map)
    }

    /// The live validation findings.
    pub fn problems(&self) -> &Problems {
        &self.problems
    }

    /// Applies an edit and records it for undo.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let applied = self.history.apply(Arc::make_mut(&mut self.map), edit)?;
        self.problems = Problems::of(&self.map);
        Ok(applied)
    }

    /// Undoes the last edit; `None` when there is none.
    pub fn undo(&mut self) -> Option<Result<Replayed, EditError>> {
        let r = self.history.undo(Arc::make_mut(&mut self.map));
        self.problems = Problems::of(&self.map);
        r
    }

    /// Redoes the last undone edit; `None` when there is none.
    pub fn redo(&mut self) -> Option<Result<Replayed, EditError>> {
        let r = self.history.redo(Arc::make_mut(&mut self.map));
        self.problems = Problems::of(&self.map);
        r
    }

    /// The history state, to hand to [`Document::mark_saved`] after a write.
    pub fn state(&self) -> u64 {
        self.history.state()
    }

    /// Records that `state` is what the file now holds.
    pub fn mark_saved(&mut self, state: u64) {
        self.saved = Some(state);
    }

    /// Whether there are changes that are not on disk.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.history.state())
    }

    /// The file name for the status bar.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }
}
