//! End to end: the insight panel in the real binary in tmux, on the dating
//! example: `i` shows the table, Enter jumps to the jetty, and after an
//! edit the figures come back from the background on their own.
//! Skips when tmux is missing, unless `CI` is set; then it fails.

mod common;

use common::tmux::{Tmux, start, tmux_available};
use std::path::Path;

#[test]
fn i_shows_the_table_and_enter_jumps_to_the_touchpoint() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/date.ron");
    std::fs::copy(&example, dir.path().join("date.ron")).expect("copy the example");
    let tmux = Tmux::new("insight");
    start(&tmux, dir.path(), "date.ron");
    let board = tmux.wait_for("the board", |s| {
        s.contains("Kennenlernen") && s.contains("date.ron")
    });
    assert!(
        board.contains("Entfernungseffekt 100% · Letzter 0.0 · tragend"),
        "the coffee's figures in the detail pane:\n{board}"
    );

    tmux.send(&["i"]);
    let panel = tmux.wait_for("the panel", |s| {
        s.contains("Insight · sorted by Entfernungseffekt ▼")
    });
    let rows: Vec<&str> = panel
        .lines()
        .filter(|l| l.contains("* Kaffee") || l.contains("Seesteg "))
        .collect();
    assert_eq!(rows.len(), 2, "{panel}");
    assert!(
        rows[0].contains("* Kaffee") && rows[0].contains("100%"),
        "{panel}"
    );
    assert!(
        rows[1].contains("Seesteg") && rows[1].contains("60.0"),
        "{panel}"
    );
    assert!(
        panel.contains("Enter jump") && panel.contains("s sort"),
        "{panel}"
    );

    // The second row is the jetty: Enter selects it on the board.
    tmux.send(&["j", "Enter"]);
    let board = tmux.wait_for("the jump", |s| {
        !s.contains("Insight ·") && s.contains("● Seesteg ·")
    });
    assert!(
        board.contains("Entfernungseffekt 100% · Letzter 60.0"),
        "{board}"
    );

    // An edit: the figures are worked out again and come back unasked.
    tmux.send(&["t"]);
    let board = tmux.wait_for("the figures after the edit", |s| {
        s.contains("○ Seesteg ·") && s.contains("Letzter 60.0") && !s.contains("updating")
    });
    assert!(board.contains("Entfernungseffekt 100%"), "{board}");

    tmux.send(&["i"]);
    tmux.wait_for("the panel again", |s| s.contains("Insight ·"));
    tmux.send(&["Escape"]);
    tmux.wait_for("the board again", |s| !s.contains("Insight ·"));
    tmux.send(&["q"]);
    let screen = tmux.wait_for("the quit question", |s| s.contains("Unsaved changes"));
    assert!(screen.contains("Unsaved changes"), "{screen}");
}
