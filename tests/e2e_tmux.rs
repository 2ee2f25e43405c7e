//! End to end: the real binary in tmux, driven with send-keys and read with
//! capture-pane, as a user meets it. Skips when tmux is missing, unless `CI`
//! is set; then it fails.

mod common;

use common::tmux::{Tmux, copy_fixture, journey, start, tmux_available};
use std::process::Command;

#[test]
fn add_toggle_save_quit_and_survive_resizes() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy_fixture(dir.path());
    let tmux = Tmux::new("edit");
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| {
        s.contains("Consideration") && s.contains("camera.ron")
    });

    tmux.send(&["l"]);
    tmux.send(&["a"]);
    tmux.wait_for("the name prompt", |s| s.contains("New touchpoint in"));
    tmux.type_text("Bewertungsportal");
    tmux.send(&["Enter"]);
    tmux.wait_for("the new touchpoint", |s| {
        s.contains("Bewertungsportal · direct") && !s.contains("New touchpoint in")
    });
    tmux.send(&["t"]);
    tmux.wait_for("the toggle", |s| s.contains("Bewertungsportal · indirect"));
    tmux.send(&["C-s"]);
    tmux.wait_for("the save", |s| s.contains("saved camera.ron"));

    // Shrink to 20x5 and back; the program must still answer.
    let out = tmux.cmd(&["resize-window", "-t", "e2e", "-x", "20", "-y", "5"]);
    assert!(out.status.success(), "resize: {out:?}");
    tmux.wait_for("the small screen", |s| {
        s.lines().all(|l| l.chars().count() <= 20)
    });
    let out = tmux.cmd(&["resize-window", "-t", "e2e", "-x", "100", "-y", "30"]);
    assert!(out.status.success(), "resize: {out:?}");
    tmux.wait_for("the full board again", |s| {
        s.contains("Awareness") && s.contains("Advocacy")
    });
    tmux.send(&["?"]);
    tmux.wait_for("the help", |s| {
        s.contains("Keys") && s.contains("toggle direct/indirect")
    });
    tmux.send(&["Escape"]);
    tmux.wait_for("the board after help", |s| {
        !s.contains("toggle direct/indirect")
    });

    tmux.send(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
    assert!(
        !screen.contains("Consideration"),
        "the alternate screen was left:\n{screen}"
    );

    let check = Command::new(journey())
        .args(["check"])
        .arg(&file)
        .output()
        .expect("check runs");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(!report.contains("error["), "check found errors:\n{report}");
    let fmt = Command::new(journey())
        .args(["fmt", "--check"])
        .arg(&file)
        .output()
        .expect("fmt runs");
    assert!(fmt.status.success(), "fmt --check: {fmt:?}");

    let map = journey::core::format::load(&file)
        .expect("saved map loads")
        .map;
    let t = map.stages[1]
        .touchpoints
        .iter()
        .find(|t| t.name == "Bewertungsportal")
        .expect("the touchpoint is in the second stage");
    assert_eq!(t.kind, journey::core::model::Kind::Indirect);
    assert_eq!(t.id, "bewertungsportal");
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy_fixture(dir.path());
    let before = std::fs::read(&file).expect("read");
    let tmux = Tmux::new("quit");
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("Consideration"));
    tmux.send(&["t"]);
    tmux.wait_for("the change", |s| s.contains("(unsaved)"));
    tmux.send(&["q"]);
    tmux.wait_for("the question", |s| s.contains("quit without saving"));
    tmux.send(&["d"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn the_picker_lists_maps_and_opens_one() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("maps")).expect("maps folder");
    std::fs::copy(common::fixture(), dir.path().join("maps/camera.ron")).expect("copy");
    let tmux = Tmux::new("picker");
    start(&tmux, dir.path(), "");
    tmux.wait_for("the picker", |s| {
        s.contains("open a map") && s.contains("maps/camera.ron")
    });
    tmux.send(&["Enter"]);
    tmux.wait_for("the board", |s| s.contains("Consideration"));
    tmux.send(&["q"]);
    tmux.wait_for("the exit", |s| s.contains("EXITED 0"));
    // The recent list was written under the test's data folder.
    let recent = tmux.home().join("data/journey/recent.txt");
    let text = std::fs::read_to_string(&recent).expect("recent list written");
    assert!(text.contains("camera.ron"), "{text}");
}
