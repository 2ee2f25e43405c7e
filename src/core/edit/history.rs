//! Undo and redo: a stack of inverses, each with a label for messages.

use crate::core::edit::change::{Applied, Edit};
use crate::core::edit::result::{EditError, Focus};
use crate::core::model::Map;

/// One undoable change in the history.
#[derive(Debug, Clone)]
struct Entry {
    /// The edit that takes the change back (on the undo stack) or makes it
    /// again (on the redo stack).
    edit: Edit,
    /// What the change was, for messages.
    label: String,
    /// Tells apart states that have the same stack depth.
    serial: u64,
}

/// Undo and redo without limit. The map lives outside, so the history can
/// sit beside it in whatever owns the document.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    next_serial: u64,
}

/// What an undo or redo did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replayed {
    /// The change, as in "add touchpoint “Blog”".
    pub label: String,
    /// Where it happened.
    pub focus: Focus,
}

impl History {
    /// Applies `edit` to `map` and records it. The redo stack is dropped,
    /// as in every editor: a new change starts a new future.
    pub fn apply(&mut self, map: &mut Map, edit: Edit) -> Result<Applied, EditError> {
        let label = edit.describe(map);
        let applied = edit.apply(map)?;
        self.next_serial += 1;
        self.undo.push(Entry {
            edit: applied.inverse.clone(),
            label,
            serial: self.next_serial,
        });
        self.redo.clear();
        Ok(applied)
    }

    /// Takes back the last change; `None` when there is nothing to undo.
    pub fn undo(&mut self, map: &mut Map) -> Option<Result<Replayed, EditError>> {
        Self::replay(&mut self.undo, &mut self.redo, map)
    }

    /// Makes the last undone change again; `None` when there is none.
    pub fn redo(&mut self, map: &mut Map) -> Option<Result<Replayed, EditError>> {
        Self::replay(&mut self.redo, &mut self.undo, map)
    }

    fn replay(
        from: &mut Vec<Entry>,
        to: &mut Vec<Entry>,
        map: &mut Map,
    ) -> Option<Result<Replayed, EditError>> {
        let entry = from.pop()?;
        match entry.edit.clone().apply(map) {
            Ok(applied) => {
                let replayed = Replayed {
                    label: entry.label.clone(),
                    focus: applied.focus,
                };
                to.push(Entry {
                    edit: applied.inverse,
                    ..entry
                });
                Some(Ok(replayed))
            }
            Err(e) => {
                // Keep the entry: the map is unchanged, so it still applies
                // to the same state once whatever blocked it is resolved.
                from.push(entry);
                Some(Err(e))
            }
        }
    }

    /// Identifies the current state: equal values mean the same map, so a
    /// document is unsaved exactly when this differs from its value at the
    /// last save.
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |e| e.serial)
    }

    /// The edit an undo would apply, so a caller can see what it touches.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|e| &e.edit)
    }

    /// The edit a redo would apply.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|e| &e.edit)
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
