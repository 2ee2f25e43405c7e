//! The map being edited, where it lives on disk, its undo history and what
//! live validation says about it.

use crate::core::edit::{Applied, Edit, EditError, History, Replayed};
use crate::core::model::{Map, TouchpointPos};
use crate::core::stamp::FileStamp;
use crate::core::validate::{Checker, Scope};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

mod problems;
use problems::Sorted;
pub use problems::{Problem, Problems};

/// The next document's generation.
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

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
    /// Validation kept up to date edit by edit.
    checker: Checker,
    /// Tells this document from any other, for a copy that follows it.
    generation: u64,
    /// The edits applied since the last [`Document::take_changes`], kept
    /// once something follows this document.
    changes: Option<Vec<Edit>>,
    /// Counts the edits that changed the problems.
    problems_version: u64,
    /// The findings sorted into allowed and not, while the map has an
    /// `allow` list; without one, the problems are read from the checker.
    sorted: Option<Sorted>,
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
        let checker = Checker::new(&map);
        let sorted = checker.has_allows(&map).then(|| Sorted::of(&map, &checker));
        Document {
            map: Arc::new(map),
            path,
            stamp: None,
            history: History::default(),
            saved: None,
            checker,
            generation: NEXT_GENERATION.fetch_add(1, Ordering::Relaxed),
            changes: None,
            problems_version: 0,
            sorted,
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

    /// Where the first touchpoint with this id is, from the id table live
    /// validation keeps: a look at one stage, not at the map.
    pub fn position(&self, id: &str) -> Option<TouchpointPos> {
        let stage = self.checker.stage_of(id)?;
        let index = self
            .map
            .stages
            .get(stage)?
            .touchpoints
            .iter()
            .position(|t| t.id == id)?;
        Some(TouchpointPos { stage, index })
    }

    /// The personas whose paths visit this touchpoint id, in map order.
    pub fn visiting_personas(&self, id: &str) -> Vec<usize> {
        let mut personas: Vec<usize> = self
            .checker
            .visitors(id)
            .iter()
            .map(|&p| p as usize)
            .collect();
        personas.sort_unstable();
        personas.dedup();
        personas
    }

    /// The live validation findings.
    pub fn problems(&self) -> Problems<'_> {
        Problems {
            map: &self.map,
            checker: &self.checker,
            sorted: self.sorted.as_ref(),
        }
    }

    /// The checker, when the problems are exactly its stage and persona
    /// parts and the map's own findings (no `allow` list, no id used
    /// twice): whoever keeps facts about the problems can then follow the
    /// parts' versions instead of reading the whole list.
    pub fn parts(&self) -> Option<&Checker> {
        (self.sorted.is_none() && self.checker.by_part()).then_some(&self.checker)
    }

    /// Applies an edit and records it for undo.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let scope = Scope::of(&edit);
        let copy = self.changes.is_some().then(|| edit.clone());
        let applied = self.history.apply(Arc::make_mut(&mut self.map), edit)?;
        self.record(copy);
        self.checked(&scope);
        Ok(applied)
    }

    /// Undoes the last edit; `None` when there is none.
    pub fn undo(&mut self) -> Option<Result<Replayed, EditError>> {
        let next = self.history.next_undo()?;
        let (scope, copy) = (
            Scope::of(next),
            self.changes.is_some().then(|| next.clone()),
        );
        let r = self.history.undo(Arc::make_mut(&mut self.map));
        if matches!(r, Some(Ok(_))) {
            self.record(copy);
        }
        self.checked(&scope);
        r
    }

    /// Redoes the last undone edit; `None` when there is none.
    pub fn redo(&mut self) -> Option<Result<Replayed, EditError>> {
        let next = self.history.next_redo()?;
        let (scope, copy) = (
            Scope::of(next),
            self.changes.is_some().then(|| next.clone()),
        );
        let r = self.history.redo(Arc::make_mut(&mut self.map));
        if matches!(r, Some(Ok(_))) {
            self.record(copy);
        }
        self.checked(&scope);
        r
    }

    fn record(&mut self, edit: Option<Edit>) {
        if let (Some(changes), Some(edit)) = (&mut self.changes, edit) {
            changes.push(edit);
        }
    }

    /// Tells this document from every other one made in this process.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// From now on, keeps each edit applied (undo and redo included) for
    /// [`Document::take_changes`], so that a copy of the map can follow.
    pub fn keep_changes(&mut self) {
        self.changes = Some(Vec::new());
    }

    /// The edits applied since the last call, in order.
    pub fn take_changes(&mut self) -> Vec<Edit> {
        self.changes
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Re-checks what an edit of `scope` can have changed.
    fn checked(&mut self, scope: &Scope) {
        let had_allows = self.checker.has_allows(&self.map);
        let before = self.checker.version();
        self.checker.update(&self.map, scope);
        // No finding changed and no `allow` list can have: the problems
        // stand as they are (their words are written when shown).
        let has_allows = self.checker.has_allows(&self.map);
        if before != self.checker.version() || had_allows || has_allows {
            self.sorted = has_allows.then(|| Sorted::of(&self.map, &self.checker));
            self.problems_version += 1;
        }
    }

    /// Changes whenever the problems may have: equal values mean the same
    /// problems of this document.
    pub fn problems_version(&self) -> (u64, u64) {
        (self.generation, self.problems_version)
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
