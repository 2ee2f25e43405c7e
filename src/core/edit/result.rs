//! What applying an edit gives back, shared by every kind of edit.

use crate::core::model::TouchpointPos;

/// What an edit would like the user to look at afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The map as a whole: the selection stays where it is.
    Map,
    /// A stage, with no particular touchpoint.
    Stage(usize),
    /// A touchpoint.
    Touchpoint(TouchpointPos),
    /// A persona, and where given one of its paths and a step of that path.
    Persona {
        persona: usize,
        path: Option<usize>,
        step: Option<usize>,
    },
    /// The personas, none of which is left.
    NoPersona,
}

/// The result of applying an edit of type `E`: generic so that the
/// persona edits and the map's [`Edit`](crate::core::edit::Edit) share it
/// without the two files importing each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied<E> {
    /// The edit that takes this one back.
    pub inverse: E,
    /// Where the change happened.
    pub focus: Focus,
    /// How many paths lost or regained steps.
    pub paths_changed: usize,
}

impl<E> Applied<E> {
    /// A change that touched no path's steps.
    pub fn new(inverse: E, focus: Focus) -> Applied<E> {
        Applied {
            inverse,
            focus,
            paths_changed: 0,
        }
    }
}

/// Why an edit could not be applied. The map is unchanged when this happens.
/// Names are not checked here: undo must be able to restore whatever the
/// file held, blank names included; the editor refuses blank new names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no stage {0}")]
    NoStage(usize),
    #[error("there is no touchpoint at stage {}, row {}", .0.stage, .0.index)]
    NoTouchpoint(TouchpointPos),
    #[error("there is no persona {0}")]
    NoPersona(usize),
    #[error("persona {0} has no path {1}")]
    NoPath(usize, usize),
    #[error("the path has no step {0}")]
    NoStep(usize),
}
