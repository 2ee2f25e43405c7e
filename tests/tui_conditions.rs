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

/// The help's text at 100x400, tall enough for every section.
fn help_screen(app: &mut journey::tui::app::App) -> String {
    use journey::tui::Screen;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    keys(app, "?");
    let mut terminal = Terminal::new(TestBackend::new(100, 400)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    let buffer = terminal.backend().buffer();
    buffer
        .content
        .chunks(100)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn the_help_shows_other_panels_keys_whole_but_the_current_modes_as_they_apply() {
    let (mut app, _dir) = app();
    assert!(app.current.persona.is_none());
    let help = help_screen(&mut app);
    // The board, where the user is, comes first: no persona, so no path keys.
    let (board, others) = help.split_once("Path panel").expect("a path panel section");
    assert!(!board.contains("next path of the persona"), "{help}");
    assert!(others.contains("next path of the persona"), "{help}");
    // The path panel, read before any path has steps: all of its keys,
    // the emotion keys among them.
    assert!(others.contains("emotion up (-2..+2)"), "{help}");
    assert!(
        others.contains("edit the step's emotion and note"),
        "{help}"
    );
}
