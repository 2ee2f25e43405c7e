//! End to end: the real binary in tmux, driven with send-keys and read with
//! capture-pane, as a user meets it. Skips when tmux is missing, unless `CI`
//! is set; then it fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A private tmux server (its own socket), killed on drop.
struct Tmux {
    socket: String,
    home: tempfile::TempDir,
}

impl Tmux {
    fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("journey-e2e-{name}-{}", std::process::id()),
            home: tempfile::tempdir().expect("temp home"),
        }
    }

    fn cmd(&self, args: &[&str]) -> Output {
        let home = self.home.path();
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            // The server takes its environment from the first command; keep
            // the test away from the real home and settings.
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env_remove("NO_COLOR")
            .output()
            .expect("tmux runs")
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        let out = self.cmd(&args);
        assert!(out.status.success(), "send-keys {keys:?}: {out:?}");
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        let out = self.cmd(&["send-keys", "-t", "e2e", "-l", text]);
        assert!(out.status.success(), "send-keys -l: {out:?}");
    }

    fn capture(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-t", "e2e"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Polls the screen until `ready` holds and the screen is the same on
    /// two reads in a row, or fails after a timeout with the last screen.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.capture();
            if ready(&screen) && screen == last {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            last = screen;
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required in CI for the end-to-end test"
        );
        eprintln!("skipping the end-to-end test: tmux is not installed");
    }
    found
}

fn journey() -> &'static str {
    env!("CARGO_BIN_EXE_journey")
}

fn start(tmux: &Tmux, dir: &Path, file: &str) {
    let command = format!("'{}' {file}; echo \"EXITED $?\"; sleep 600", journey());
    let out = tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        "-c",
        &dir.to_string_lossy(),
        &command,
    ]);
    assert!(out.status.success(), "tmux new-session: {out:?}");
}

fn copy_fixture(dir: &Path) -> PathBuf {
    let file = dir.join("camera.ron");
    std::fs::copy(common::fixture(), &file).expect("copy fixture");
    file
}

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
    let recent = tmux.home.path().join("data/journey/recent.txt");
    let text = std::fs::read_to_string(&recent).expect("recent list written");
    assert!(text.contains("camera.ron"), "{text}");
}

#[test]
fn a_dropped_connection_keeps_unsaved_work() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy_fixture(dir.path());
    let before = std::fs::read(&file).expect("read");
    let tmux = Tmux::new("hangup");
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("Consideration"));
    tmux.send(&["t"]);
    tmux.wait_for("the change", |s| s.contains("(unsaved)"));
    // Killing the session hangs up its terminal, as a dropped SSH link does.
    let out = tmux.cmd(&["kill-session", "-t", "e2e"]);
    assert!(out.status.success(), "kill-session: {out:?}");
    let recovered = dir.path().join("camera.recovered.ron");
    let start = Instant::now();
    while !recovered.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no recovery file after the hangup"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "the map itself is untouched"
    );
    let map = journey::core::format::load(&recovered)
        .expect("recovery loads")
        .map;
    assert_eq!(
        map.stages[0].touchpoints[0].kind,
        journey::core::model::Kind::Direct
    );
}
