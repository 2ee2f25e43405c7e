//! End to end: a config file that remaps keys, in the real binary in tmux.
//! Skips when tmux is missing, unless `CI` is set; then it fails.

mod common;

use common::tmux::{Tmux, copy_fixture, start, tmux_available};

fn write_config(tmux: &Tmux, text: &str) {
    let folder = tmux.home().join("config").join("journey");
    std::fs::create_dir_all(&folder).expect("config folder");
    std::fs::write(folder.join("config.ron"), text).expect("config written");
}

#[test]
fn a_bound_key_toggles_the_kind_and_the_help_lists_it() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_fixture(dir.path());
    let tmux = Tmux::new("config-keys");
    write_config(
        &tmux,
        r#"(keys: [(mode: "board", key: "x", action: "toggle-kind")])"#,
    );
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("Web search"));
    tmux.wait_for("the selection", |s| s.contains("Web search · indirect"));
    tmux.send(&["x"]);
    tmux.wait_for("x toggling", |s| s.contains("Web search · direct"));
    // The default key still works.
    tmux.send(&["t"]);
    tmux.wait_for("t toggling", |s| s.contains("Web search · indirect"));
    tmux.send(&["?"]);
    tmux.wait_for("the help listing x", |s| {
        s.lines()
            .any(|l| l.contains("x / t") && l.contains("toggle direct/indirect"))
    });
    tmux.send(&["Escape"]);
    tmux.send(&["u", "u"]);
    tmux.send(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
}

#[test]
fn an_unbound_default_key_does_nothing_and_a_bad_config_is_said_once() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_fixture(dir.path());
    let tmux = Tmux::new("config-bad");
    write_config(
        &tmux,
        "(\n  keys: [\n    (mode: \"board\", key: \"x\", action: \"toggle-kind\"),\n    (mode: \"board\", key: \"t\", action: \"none\"),\n    (mode: \"board\", key: \"q\", action: \"none\"),\n    (mode: \"board\", key: \"ctrl-c\", action: \"none\"),\n  ],\n)",
    );
    start(&tmux, dir.path(), "camera.ron");
    // Taking away both quit keys is refused, naming the file and line.
    let screen = tmux.wait_for("the config message", |s| {
        s.contains("config.ron:5:5: binding `q` to `none`")
    });
    assert!(screen.contains("Web search"), "{screen}");
    tmux.wait_for("the selection", |s| s.contains("Web search · indirect"));
    tmux.send(&["t"]);
    tmux.send(&["x"]);
    tmux.wait_for("only x toggling", |s| s.contains("Web search · direct"));
    tmux.send(&["u"]);
    tmux.wait_for("the undo", |s| s.contains("Web search · indirect"));
    // q was kept, since the config would have left no way to quit.
    tmux.send(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
}

#[test]
fn ctrl_z_suspends_and_fg_brings_the_editor_back() {
    if !tmux_available() {
        return;
    }
    if std::process::Command::new("sh")
        .arg("-c")
        .arg("command -v bash")
        .output()
        .map_or(true, |o| !o.status.success())
    {
        common::missing("bash is not installed, whose job control the Ctrl-z test uses");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_fixture(dir.path());
    let tmux = Tmux::new("suspend");
    // An interactive shell, for its job control.
    tmux.session(
        dir.path(),
        (100, 30),
        "env PS1='$ ' bash --norc --noprofile -i",
    );
    tmux.wait_for("the shell", |s| s.contains("$"));
    tmux.type_text(&format!("'{}' camera.ron", common::tmux::journey()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the board", |s| s.contains("Web search · indirect"));
    tmux.send(&["t"]);
    tmux.wait_for("the toggle", |s| s.contains("Web search · direct"));
    tmux.send(&["C-z"]);
    tmux.wait_for("the shell after Ctrl-z", |s| {
        s.contains("Stopped") && !s.contains("Web search · direct")
    });
    tmux.type_text("fg");
    tmux.send(&["Enter"]);
    // The whole board comes back, with the unsaved change still there.
    tmux.wait_for("the editor again", |s| {
        s.contains("Web search · direct") && s.contains("Advocacy") && !s.contains("Stopped")
    });
    tmux.send(&["u"]);
    tmux.wait_for("the undo", |s| s.contains("Web search · indirect"));
    tmux.send(&["q"]);
    tmux.type_text("echo EXITED $?");
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED 0"));
    assert!(
        !screen.contains("Web search"),
        "the alternate screen was left:\n{screen}"
    );
}
