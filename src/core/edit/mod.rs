//! The edits a user can make to a map, each undoable.
//!
//! An [`Edit`] is a small command. Applying it changes the map and returns
//! its exact inverse, so undo and redo are the same operation and the
//! history keeps only what changed, not copies of the whole map (a large map
//! times an unlimited history would not fit in memory). A delete keeps what
//! it took, path steps included, in its inverse.
//!
//! The files follow what is edited: [`board`] the stages and touchpoints,
//! [`persona`] the personas, paths and steps, [`whole_map`] the map's own
//! fields; [`change`] holds the [`Edit`] they share, [`result`] what an
//! edit gives back, [`apply`] the dispatch and [`history`] undo and redo.
//! Each file imports only files below it, never this one, so no two files
//! import each other.

pub mod apply;
pub mod board;
pub mod change;
pub mod history;
pub mod persona;
pub mod result;
pub mod whole_map;

pub use board::{paths_using, touchpoint};
pub use change::{Applied, Edit, RemovedStep, TouchpointFields};
pub use history::{History, Replayed};
pub use result::{EditError, Focus};

#[cfg(test)]
mod tests;
