//! End to end: a picture export from the editor runs Graphviz in the
//! background. A `dot` that hangs (here a stand-in that sleeps) leaves the
//! editor answering keys, Esc stops it, and a quit leaves no `dot` behind.

mod common;

use common::tmux::{Tmux, copy_fixture, start_with, tmux_available};
use std::path::Path;
use std::time::{Duration, Instant};

/// A `dot` that never finishes: it records its process id, then sleeps.
fn hanging_dot(bin: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(bin).expect("bin folder");
    let dot = bin.join("dot");
    let pid_file = bin.join("dot.pid");
    std::fs::write(
        &dot,
        format!(
            "#!/bin/sh\necho $$ > '{}'\nexec sleep 600\n",
            pid_file.display()
        ),
    )
    .expect("write the stand-in");
    std::fs::set_permissions(&dot, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    pid_file
}

fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        let state = stat
            .rsplit(')')
            .next()
            .and_then(|r| r.split_whitespace().next());
        !matches!(state, Some("Z" | "X"))
    })
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The editor on a copy of the camera map, with a hanging stand-in `dot`
/// first on `PATH`; returns the folder and the stand-in's pid file.
fn start_with_hanging_dot(tmux: &Tmux) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_fixture(dir.path());
    let bin = dir.path().join("bin");
    let pid_file = hanging_dot(&bin);
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    start_with(tmux, dir.path(), &[("PATH", &path)], "camera.ron");
    tmux.wait_for("the board", |s| s.contains("camera.ron"));
    (dir, pid_file)
}

/// Opens the export prompt on svg and confirms it.
fn export_svg(tmux: &Tmux) {
    tmux.send(&["x"]);
    tmux.wait_for("the export prompt", |s| s.contains("Export"));
    for _ in 0..4 {
        tmux.send(&["Right"]);
    }
    tmux.wait_for("svg chosen", |s| s.contains("camera.svg"));
    tmux.send(&["Enter"]);
}

#[test]
fn a_hanging_dot_leaves_the_editor_free_and_esc_stops_it() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::new("drawing-esc");
    let (dir, pid_file) = start_with_hanging_dot(&tmux);

    export_svg(&tmux);
    tmux.wait_for("the drawing status", |s| {
        s.contains("drawing camera.svg") && s.contains("Esc cancels")
    });
    wait_until("dot starts", || pid_file.exists());
    let pid = std::fs::read_to_string(&pid_file)
        .expect("pid")
        .trim()
        .to_string();

    // The editor still answers: `t` toggles a touchpoint while dot runs.
    tmux.send(&["t"]);
    tmux.wait_for("an edit while drawing", |s| s.contains("(unsaved)"));

    tmux.send(&["Escape"]);
    tmux.wait_for("the cancelled export", |s| {
        s.contains("drawing of") && s.contains("cancelled; nothing was written")
    });
    wait_until("dot is stopped", || !running(&pid));
    assert!(!dir.path().join("camera.svg").exists(), "nothing written");
}

#[test]
fn quitting_while_drawing_leaves_no_dot_behind() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::new("drawing-quit");
    let (_dir, pid_file) = start_with_hanging_dot(&tmux);

    export_svg(&tmux);
    wait_until("dot starts", || pid_file.exists());
    let pid = std::fs::read_to_string(&pid_file)
        .expect("pid")
        .trim()
        .to_string();
    tmux.send(&["q"]);
    tmux.wait_for("journey exits", |s| s.contains("EXITED 0"));
    assert!(!running(&pid), "dot outlived the editor");
}
