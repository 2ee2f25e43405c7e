//! `c` in the path panel: a copy of the path for the same persona or
//! another, through a short form (for whom, and the name), in one undo.

mod common;

use common::{app, app_at, effects_of, keys};
use journey::tui::Screen;
use journey::tui::app::{App, Overlay};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    format!("{}", terminal.backend())
}

fn form_text(app: &App, label: &str) -> String {
    match app.overlay() {
        Some(Overlay::Form(f)) => f.text(label).to_string(),
        other => panic!("no form: {other:?}"),
    }
}

#[test]
fn c_copies_the_path_for_another_persona_in_one_undo() {
    let (mut app, _dir) = app();
    let before = app.doc.map().clone();
    // The critical buyer's path, copied for the experience seeker.
    keys(&mut app, "p<Enter>sc");
    assert_eq!(form_text(&app, "Name"), "Critical buyer: path");
    keys(&mut app, "<Right>");
    // The offered name follows the persona while it is untouched.
    assert_eq!(form_text(&app, "Name"), "Experience seeker: path");
    // Nothing is written: a copy is an edit, no effect.
    assert!(effects_of(&mut app, "<Enter>").is_empty());
    let map = app.doc.map();
    let seeker = &map.personas[1];
    assert_eq!(seeker.paths.len(), 3);
    let copy = &seeker.paths[2];
    assert_eq!(copy.name, "Experience seeker: path");
    assert_eq!(copy.id, "experience-seeker-path");
    assert_eq!(copy.steps, map.personas[0].paths[0].steps);
    assert_eq!(map.personas[0].paths.len(), 1, "the original stays");
    // The panel shows the new path.
    assert!(
        matches!(app.overlay(), Some(Overlay::Path)),
        "{:?}",
        app.overlay()
    );
    assert_eq!(app.current.persona, Some(1));
    assert_eq!(app.current.path, 2);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Experience seeker: path"), "{shown}");
    // One undo takes it back whole.
    keys(&mut app, "u");
    assert_eq!(app.doc.map(), &before);
}

#[test]
fn the_name_is_selected_so_typing_replaces_it() {
    let (mut app, _dir) = app();
    keys(&mut app, "p<Enter>sc<Right><Tab>Nur Preis<Enter>");
    let seeker = &app.doc.map().personas[1];
    assert_eq!(seeker.paths[2].name, "Nur Preis");
    assert_eq!(seeker.paths[2].id, "nur-preis");
}

#[test]
fn a_typed_name_stays_when_the_persona_changes() {
    let (mut app, _dir) = app();
    keys(&mut app, "p<Enter>sc<Tab>Variante<S-Tab><Right>");
    assert_eq!(form_text(&app, "Name"), "Variante");
    keys(&mut app, "<Left>");
    assert_eq!(form_text(&app, "Name"), "Variante");
}

#[test]
fn a_blank_name_keeps_the_form_open_and_esc_copies_nothing() {
    let (mut app, _dir) = app();
    let before = app.doc.map().clone();
    keys(&mut app, "p<Enter>sc<Tab><C-u><Enter>");
    match app.overlay() {
        Some(Overlay::Form(f)) => {
            assert!(f.error.as_deref().is_some_and(|e| e.contains("name")));
        }
        other => panic!("{other:?}"),
    }
    keys(&mut app, "<Esc>");
    assert!(matches!(app.overlay(), Some(Overlay::Path)));
    assert_eq!(app.doc.map(), &before);
}

#[test]
fn the_copy_form_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (mut app, _dir) = app_at(w, h);
        keys(&mut app, "p<Enter>sc");
        insta::assert_snapshot!(format!("copy_form_{w}x{h}"), screen(&app, w, h));
    }
}
