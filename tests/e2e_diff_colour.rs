//! `journey diff` on a real terminal (tmux): coloured there, and plain
//! with `NO_COLOR`.

mod common;

use common::tmux::{Tmux, journey, tmux_available};

const SHOP: &str = include_str!("fixtures/git/shop.ron");

fn run_in_tmux(tmux: &Tmux, dir: &std::path::Path, env: &str) -> String {
    let command = format!(
        "{env} '{}' diff old.ron new.ron; echo \"EXITED $?\"; sleep 600",
        journey()
    );
    tmux.session(dir, (150, 20), &command);
    tmux.wait_for("the diff", |s| s.contains("EXITED"));
    let out = tmux.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_on_a_terminal_and_none_with_no_color() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("old.ron"), SHOP).expect("write");
    std::fs::write(
        dir.path().join("new.ron"),
        SHOP.replace("\"Web shop\"", "\"Online shop\""),
    )
    .expect("write");

    let coloured = run_in_tmux(&Tmux::new("diff-colour"), dir.path(), "");
    assert!(coloured.contains("EXITED 1"), "{coloured}");
    assert!(
        coloured.contains("\u{1b}["),
        "no colour on a terminal:\n{coloured}"
    );
    assert!(coloured.contains("renamed from \"Web shop\""), "{coloured}");

    let plain = run_in_tmux(&Tmux::new("diff-plain"), dir.path(), "NO_COLOR=1");
    assert!(plain.contains("EXITED 1"), "{plain}");
    assert!(
        plain.contains("~ touchpoint \"Online shop\" (web-shop) renamed"),
        "{plain}"
    );
    assert!(
        !plain.contains("\u{1b}["),
        "colour despite NO_COLOR:\n{plain}"
    );
}
