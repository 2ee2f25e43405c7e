//! The map and everything that can be done with it. No terminal code here:
//! the CLI, the exporters and the TUI all stand on this floor.

pub mod allow;
pub mod canvas;
pub mod diff;
pub mod edit;
pub mod export;
pub mod format;
#[doc(hidden)]
pub mod generate;
pub mod insight;
pub mod lock;
pub mod merge;
pub mod model;
pub mod recovery;
pub mod samefile;
pub mod shared;
pub mod slug;
pub mod stamp;
pub mod templates;
pub mod text;
pub mod validate;
pub mod words;
