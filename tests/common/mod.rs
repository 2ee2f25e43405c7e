//! Helpers shared by the tests: for the editor, a fixture map, an app on
//! it, and key sequences fed through the same dispatch the terminal uses;
//! for the exports, every example map and readers that take exports apart.
#![allow(dead_code)]

mod exports;
pub mod graphviz;
pub mod markdown;
pub mod mermaid;
pub mod strategies;
pub mod tmux;

pub use exports::*;

use journey::core::format::load;
use journey::tui::app::{App, Settings};
use journey::tui::keys::parse_keys;
use journey::tui::{Flow, Screen};
use std::path::{Path, PathBuf};

/// The fixture map's path.
pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/camera.ron")
}

/// An editor on a copy of the fixture in a temp folder (kept alive by the
/// returned guard), at the given size.
pub fn app_at(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("camera.ron");
    std::fs::copy(fixture(), &path).expect("copy fixture");
    let loaded = load(&path).expect("fixture loads");
    let mut app = App::open(loaded.map, path, Settings::new(false, true));
    app.handle(crossterm::event::Event::Resize(w, h));
    (app, dir)
}

/// An editor at 80x24.
pub fn app() -> (App, tempfile::TempDir) {
    app_at(80, 24)
}

/// Feeds a key sequence such as `jjaFoo<Enter>`; stops at the first exit.
pub fn keys(app: &mut App, seq: &str) -> Flow {
    for event in parse_keys(seq) {
        if app.handle(event) == Flow::Exit {
            return Flow::Exit;
        }
    }
    Flow::Continue
}

/// The names of a stage's touchpoints.
pub fn names(app: &App, stage: usize) -> Vec<String> {
    app.doc.map().stages[stage]
        .touchpoints
        .iter()
        .map(|t| t.name.clone())
        .collect()
}
