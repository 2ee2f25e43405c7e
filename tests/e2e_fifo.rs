//! End to end: a map path that is a FIFO. Opening one refuses at once
//! instead of blocking before the first frame, and an open map replaced by
//! a FIFO behind the editor's back (while it looks for changes on disk)
//! leaves the editor answering keys: `q` still quits.
#![cfg(unix)]

mod common;

use common::tmux::{Tmux, copy_fixture, start, tmux_available};
use std::path::Path;

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn the_editor_on_a_fifo_refuses_at_once() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::new("fifo-open");
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("pipe.ron"));
    start(&tmux, dir.path(), "pipe.ron");
    let screen = tmux.wait_for("journey exits", |s| s.contains("EXITED"));
    assert!(screen.contains("not a regular file"), "{screen}");
    assert!(screen.contains("EXITED 2"), "{screen}");
}

#[test]
fn a_map_replaced_by_a_fifo_leaves_the_editor_answering() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::new("fifo-swap");
    let dir = tempfile::tempdir().expect("tempdir");
    let map = copy_fixture(dir.path());
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("camera.ron"));
    // Replaced the way git replaces files: a new file renamed over it.
    let fifo = dir.path().join("incoming");
    mkfifo(&fifo);
    std::fs::rename(&fifo, &map).expect("rename the FIFO over the map");
    tmux.wait_for("the change on disk", |s| s.contains("changed on disk"));
    tmux.send(&["j"]);
    tmux.send(&["q"]);
    let screen = tmux.wait_for("journey exits", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
}
