//! journey: a terminal workbench for customer-journey maps.
//!
//! [`core`] holds the map, its file format, validation and exports, and knows
//! nothing of terminals. [`cli`] runs the subcommands, and [`tui`] is the
//! terminal editor.

pub mod cli;
pub mod config;
pub mod core;
pub mod recovery;
pub mod tui;
