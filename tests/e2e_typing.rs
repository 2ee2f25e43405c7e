//! End to end at 80x24: a small map built from a template with Ctrl-u on
//! the template's text, a long note pasted in, and read back whole with `z`.

mod common;

use common::tmux::{Tmux, journey, tmux_available};

#[test]
fn build_a_map_with_ctrl_u_and_read_a_long_note_with_z() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let tmux = Tmux::new("typing");
    let command = format!("'{}' neu.ron; echo \"EXITED $?\"; sleep 600", journey());
    tmux.session(dir.path(), (80, 24), &command);
    tmux.wait_for("the new-map dialog", |s| s.contains("does not exist"));
    tmux.send(&["Enter"]);
    tmux.wait_for("the board", |s| {
        s.contains("Awareness") && s.contains("neu.ron")
    });

    // The stage's name and description are the template's: typing replaces
    // the name, Ctrl-u clears the description.
    tmux.send(&["e"]);
    tmux.wait_for("the stage form", |s| s.contains("Edit stage"));
    tmux.type_text("Aufmerksamkeit");
    tmux.send(&["Tab", "C-u"]);
    tmux.type_text("Erfährt vom Produkt.");
    tmux.send(&["Enter"]);
    tmux.wait_for("the renamed stage", |s| {
        s.contains("Aufmerksamkeit")
            && s.contains("Erfährt vom Produkt.")
            && !s.contains("Edit stage")
    });
    tmux.send(&["T"]);
    tmux.wait_for("the map form", |s| s.contains("Edit map"));
    tmux.send(&["C-u"]);
    tmux.type_text("Kamera");
    tmux.send(&["Enter"]);
    tmux.wait_for("the title", |s| {
        s.contains("Kamera") && !s.contains("Edit map")
    });

    // One touchpoint in one form, with a long note pasted into it.
    tmux.send(&["a"]);
    tmux.wait_for("the touchpoint form", |s| s.contains("New touchpoint in"));
    tmux.type_text("Fotoblog");
    tmux.send(&["Tab", "Tab", "Tab"]);
    let note: Vec<String> = (1..=14).map(|i| format!("Zeile {i} der Notiz")).collect();
    let out = tmux.cmd(&["set-buffer", &note.join("\n")]);
    assert!(out.status.success(), "set-buffer: {out:?}");
    // -p: as a bracketed paste, as a terminal sends one.
    let out = tmux.cmd(&["paste-buffer", "-p", "-t", "e2e"]);
    assert!(out.status.success(), "paste-buffer: {out:?}");
    tmux.wait_for("the pasted note", |s| s.contains("Zeile 1"));
    tmux.send(&["Enter"]);
    let board = tmux.wait_for("the touchpoint", |s| {
        s.contains("Fotoblog") && !s.contains("New touchpoint in")
    });
    assert!(
        !board.contains("Zeile 14 der Notiz"),
        "the pane cuts it:\n{board}"
    );
    assert!(board.contains("z read all"), "z is offered:\n{board}");

    tmux.send(&["z"]);
    tmux.wait_for("the reader", |s| s.contains("Read all"));
    tmux.send(&["PageDown"]);
    tmux.wait_for("the note's end", |s| s.contains("Zeile 14 der Notiz"));
    tmux.send(&["Escape"]);
    tmux.wait_for("the board again", |s| !s.contains("Read all"));

    tmux.send(&["C-s"]);
    tmux.wait_for("the save", |s| s.contains("saved neu.ron"));
    tmux.send(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
    let text = std::fs::read_to_string(dir.path().join("neu.ron")).expect("saved");
    assert!(text.contains("title: \"Kamera\""), "{text}");
    assert!(text.contains("name: \"Aufmerksamkeit\""), "{text}");
    assert!(text.contains("Erfährt vom Produkt."), "{text}");
    assert!(!text.contains("The customer first learns"), "{text}");
    assert!(text.contains("Zeile 14 der Notiz"), "{text}");
}
