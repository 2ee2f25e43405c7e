//! The [`Edit`] command and the plain data it carries. Only data lives
//! here, so that every file that applies an edit can import it.

use crate::core::edit::persona::PersonaEdit;
use crate::core::model::{Kind, Map, Stage, Step, Touchpoint, TouchpointPos};
use crate::core::validate::Item;

/// What applying an [`Edit`] gives back.
pub type Applied = crate::core::edit::result::Applied<Edit>;

/// A change to a map. Build them with the constructors below, which pick ids
/// by the slug rules; apply them with [`Edit::apply`] or [`History::apply`](crate::core::edit::History::apply).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Inserts a stage at `at`, and puts back path steps it once had.
    InsertStage {
        at: usize,
        stage: Stage,
        steps: Vec<RemovedStep>,
    },
    /// Removes a stage with its touchpoints and every path step to them.
    RemoveStage { at: usize },
    /// Sets a stage's name and description; its id stays.
    SetStage {
        at: usize,
        name: String,
        description: String,
    },
    /// Moves a stage from one index to another.
    MoveStage { from: usize, to: usize },
    /// Inserts a touchpoint, and puts back path steps it once had.
    InsertTouchpoint {
        at: TouchpointPos,
        touchpoint: Touchpoint,
        steps: Vec<RemovedStep>,
    },
    /// Removes a touchpoint and every path step to it.
    RemoveTouchpoint { at: TouchpointPos },
    /// Sets a touchpoint's fields; its id stays.
    SetTouchpoint {
        at: TouchpointPos,
        fields: TouchpointFields,
    },
    /// Moves a touchpoint; `to.index` counts after it left `from`.
    MoveTouchpoint {
        from: TouchpointPos,
        to: TouchpointPos,
    },
    /// A change to personas, paths or steps.
    Person(PersonaEdit),
    /// Sets the map's title, description and conversion.
    SetMapInfo {
        title: String,
        description: String,
        conversion: String,
    },
    /// Puts another map in this one's place, as a reload from disk does:
    /// undo brings back the map as it was.
    ReplaceMap(Box<Map>),
    /// Sets an item's `allow` list (the rules whose warnings it accepts).
    SetAllow { item: Item, allow: Vec<String> },
}

/// The fields of a touchpoint a user edits: everything but the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TouchpointFields {
    pub name: String,
    pub kind: Kind,
    pub channel: String,
    pub notes: String,
}

impl TouchpointFields {
    /// The editable fields of `t`.
    pub fn of(t: &Touchpoint) -> TouchpointFields {
        TouchpointFields {
            name: t.name.clone(),
            kind: t.kind,
            channel: t.channel.clone(),
            notes: t.notes.clone(),
        }
    }
}

/// A path step taken out by a delete, with where it was, so undo can put
/// it back in the same place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedStep {
    pub persona: usize,
    pub path: usize,
    pub index: usize,
    pub step: Step,
}
