//! Conditions on bindings: the hint bar and the help show only the keys
//! that apply, decided by the one table in `tui::conditions`.

mod common;

use common::{app, keys};
use journey::tui::action::Action;
use journey::tui::conditions::applies;
use journey::tui::keymap::Mode;

fn help_has(app: &journey::tui::app::App, description: &str) -> bool {
    let facts = app.facts();
    app.settings
        .keymap
        .help_rows_where(Mode::Board, true, |a| applies(Mode::Board, a, &facts))
        .iter()
        .any(|(_, d)| *d == description)
}

#[test]
fn path_keys_apply_once_a_persona_is_chosen() {
    let (mut app, _dir) = app();
    assert!(!app.offers(&Action::PathNext));
    assert!(!help_has(&app, "next path of the persona"));
    // The persona picker: Enter chooses the first persona.
    keys(&mut app, "p<Enter>");
    assert!(app.current.persona.is_some());
    assert!(app.offers(&Action::PathNext));
    assert!(help_has(&app, "next path of the persona"));
}

#[test]
fn touchpoint_keys_need_a_touchpoint() {
    let (mut app, _dir) = app();
    assert!(app.offers(&Action::ToggleKind));
    // Above the first touchpoint: the stage header.
    keys(&mut app, "g");
    assert_eq!(app.view.row, None);
    assert!(!app.offers(&Action::ToggleKind));
    assert!(!help_has(&app, "toggle direct/indirect"));
    assert!(help_has(&app, "add a touchpoint below the selection"));
}

#[test]
fn search_keys_apply_while_searching() {
    let (mut app, _dir) = app();
    assert!(!help_has(&app, "next search match"));
    keys(&mut app, "/web<Enter>");
    assert!(
        help_has(&app, "next search match"),
        "search: {:?}",
        app.search
    );
}
