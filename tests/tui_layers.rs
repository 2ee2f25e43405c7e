//! The overlay stack: whatever a panel or form opens goes over it, and Esc
//! (or the layer's close key, or confirming a form) closes one layer, back
//! to the one it was opened from. Key sequences on `update`, and screens of
//! the help over the path panel and the path panel after Esc.

mod common;

use common::{app_at, keys};
use journey::tui::Screen;
use journey::tui::app::{App, Overlay};
use journey::tui::keymap::Mode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    terminal
}

fn text(app: &App) -> String {
    let (w, h) = app.view.size;
    format!("{}", draw(app, w, h).backend())
}

/// The modes of the open layers, bottom first.
fn stack(app: &App) -> Vec<Mode> {
    app.layers()
        .iter()
        .map(|l| Overlay::mode_of(Some(l)))
        .collect()
}

/// An editor at 80x24 with the first persona chosen and its path panel
/// open.
fn on_path_panel() -> (App, tempfile::TempDir) {
    let (mut app, dir) = app_at(80, 24);
    keys(&mut app, "p<Enter>s");
    assert_eq!(stack(&app), [Mode::Path]);
    (app, dir)
}

#[test]
fn help_over_the_path_panel_closes_back_to_the_panel() {
    let (mut app, _dir) = on_path_panel();
    keys(&mut app, "j");
    let step = app.current.step;
    keys(&mut app, "?");
    assert_eq!(stack(&app), [Mode::Path, Mode::Help]);
    assert_eq!(app.mode(), Mode::Help);
    keys(&mut app, "<Esc>");
    assert_eq!(stack(&app), [Mode::Path]);
    assert_eq!(app.current.step, step, "on the step it was on");
    // A second Esc closes the panel: one layer at a time.
    keys(&mut app, "<Esc>");
    assert_eq!(app.overlay(), None);
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn help_over_the_problems_panel_closes_back_to_it_on_its_finding() {
    let (mut app, _dir) = app_at(80, 24);
    keys(&mut app, "v");
    let findings = app.doc.problems().len() + app.doc.problems().allowed_len();
    if findings > 1 {
        keys(&mut app, "j");
    }
    let Some(&Overlay::Problems { cursor }) = app.overlay() else {
        panic!("expected the problems panel, got {:?}", app.overlay());
    };
    keys(&mut app, "?");
    assert_eq!(stack(&app), [Mode::Problems, Mode::Help]);
    keys(&mut app, "<Esc>");
    assert_eq!(app.overlay(), Some(&Overlay::Problems { cursor }));
}

#[test]
fn help_over_the_insight_panel_closes_back_to_it() {
    let (mut app, _dir) = app_at(80, 24);
    keys(&mut app, "i?");
    assert_eq!(stack(&app), [Mode::Insight, Mode::Help]);
    keys(&mut app, "<Esc>");
    assert_eq!(stack(&app), [Mode::Insight]);
    keys(&mut app, "q");
    assert_eq!(app.overlay(), None);
}

#[test]
fn help_over_the_persona_picker_closes_back_to_it_on_its_persona() {
    let (mut app, _dir) = app_at(80, 24);
    keys(&mut app, "pj?");
    assert_eq!(stack(&app), [Mode::Personas, Mode::Help]);
    keys(&mut app, "<Esc>");
    assert_eq!(app.overlay(), Some(&Overlay::Personas { cursor: 1 }));
    // Esc in the picker itself still means "no persona, and close".
    keys(&mut app, "<Esc>");
    assert_eq!(app.overlay(), None);
}

#[test]
fn the_step_form_goes_back_to_the_path_panel_when_confirmed_or_cancelled() {
    let (mut app, _dir) = on_path_panel();
    keys(&mut app, "e");
    assert_eq!(stack(&app), [Mode::Path, Mode::Form]);
    keys(&mut app, "<Esc>");
    assert_eq!(stack(&app), [Mode::Path], "cancelled");
    keys(&mut app, "e<Tab>a changed note<Enter>");
    assert_eq!(stack(&app), [Mode::Path], "confirmed");
    let note = app
        .current
        .path(app.doc.map())
        .and_then(|p| p.steps.first())
        .map(|s| s.note.clone())
        .unwrap_or_default();
    assert!(note.ends_with("a changed note"), "{note}");
}

#[test]
fn path_forms_and_the_delete_question_go_back_to_the_path_panel() {
    let (mut app, _dir) = on_path_panel();
    let paths = |app: &App| {
        app.current
            .persona(app.doc.map())
            .map_or(0, |p| p.paths.len())
    };
    let before = paths(&app);
    // A new path, confirmed: a path more, back in the panel.
    keys(&mut app, "n");
    assert_eq!(stack(&app), [Mode::Path, Mode::Form]);
    keys(&mut app, "<Enter>");
    assert_eq!(stack(&app), [Mode::Path]);
    assert_eq!(paths(&app), before + 1);
    // Rename, cancelled.
    keys(&mut app, "r<Esc>");
    assert_eq!(stack(&app), [Mode::Path]);
    // Delete: kept, then deleted; both back in the panel.
    keys(&mut app, "D");
    assert_eq!(stack(&app), [Mode::Path, Mode::Confirm]);
    keys(&mut app, "n");
    assert_eq!(stack(&app), [Mode::Path]);
    assert_eq!(paths(&app), before + 1);
    keys(&mut app, "Dy");
    assert_eq!(stack(&app), [Mode::Path]);
    assert_eq!(paths(&app), before);
}

#[test]
fn persona_forms_go_back_to_the_picker_when_confirmed_or_cancelled() {
    let (mut app, _dir) = app_at(80, 24);
    keys(&mut app, "pj");
    let count = app.doc.map().personas.len();
    // Edit, cancelled and confirmed: the picker, on the same persona.
    keys(&mut app, "e");
    assert_eq!(stack(&app), [Mode::Personas, Mode::Form]);
    keys(&mut app, "<Esc>");
    assert_eq!(app.overlay(), Some(&Overlay::Personas { cursor: 1 }));
    keys(&mut app, "e<C-u>Renamed<Enter>");
    assert_eq!(app.overlay(), Some(&Overlay::Personas { cursor: 1 }));
    assert_eq!(app.doc.map().personas[1].name, "Renamed");
    // New, cancelled and confirmed: the picker, on the new persona.
    keys(&mut app, "n<Esc>");
    assert_eq!(app.overlay(), Some(&Overlay::Personas { cursor: 1 }));
    keys(&mut app, "nThe newcomer<Enter>");
    assert_eq!(app.doc.map().personas.len(), count + 1);
    assert_eq!(
        app.overlay(),
        Some(&Overlay::Personas { cursor: count }),
        "on the persona just made"
    );
    // Delete: kept, then deleted; both back in the picker.
    keys(&mut app, "d");
    assert_eq!(stack(&app), [Mode::Personas, Mode::Confirm]);
    keys(&mut app, "n");
    assert_eq!(stack(&app), [Mode::Personas]);
    keys(&mut app, "dy");
    assert_eq!(app.doc.map().personas.len(), count);
    assert_eq!(
        app.overlay(),
        Some(&Overlay::Personas { cursor: count - 1 })
    );
}

#[test]
fn a_new_persona_from_the_board_goes_back_to_the_board() {
    let (mut app, _dir) = app_at(80, 24);
    keys(&mut app, "PSomeone<Enter>");
    assert_eq!(app.overlay(), None);
    assert_eq!(
        app.current.persona(app.doc.map()).map(|p| p.name.as_str()),
        Some("Someone")
    );
}

#[test]
fn z_from_the_path_panel_and_back() {
    let (mut app, _dir) = on_path_panel();
    keys(&mut app, "jz");
    assert_eq!(stack(&app), [Mode::Path, Mode::Help]);
    assert!(matches!(app.overlay(), Some(Overlay::Reader { .. })));
    keys(&mut app, "<Esc>");
    assert_eq!(stack(&app), [Mode::Path]);
    assert_eq!(app.current.step, 1);
}

#[test]
fn the_help_over_a_panel_lists_the_panels_keys_first() {
    let (mut app, _dir) = on_path_panel();
    keys(&mut app, "?");
    let screen = text(&app);
    let path = screen.find("Path panel").expect("the path panel's keys");
    let board = screen.find("Board").unwrap_or(usize::MAX);
    assert!(path < board, "{screen}");
}

#[test]
fn the_hint_bar_follows_the_top_layer() {
    let (mut app, _dir) = on_path_panel();
    let panel = text(&app);
    keys(&mut app, "e");
    let form = text(&app);
    keys(&mut app, "<Esc>");
    assert_eq!(text(&app), panel, "the panel's screen, hints and all");
    assert_ne!(form, panel);
}

#[test]
fn help_over_the_path_panel_80x24() {
    let (mut app, _dir) = on_path_panel();
    keys(&mut app, "?");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn path_panel_after_help_and_esc_80x24() {
    let (mut app, _dir) = on_path_panel();
    keys(&mut app, "j?<Esc>");
    let t = draw(&app, 80, 24);
    assert!(format!("{}", t.backend()).contains(": path 1 of 1"));
    insta::assert_snapshot!(t.backend());
}

#[test]
fn help_over_the_path_panel_120x40() {
    let (mut app, _dir) = app_at(120, 40);
    keys(&mut app, "p<Enter>s?");
    assert_eq!(stack(&app), [Mode::Path, Mode::Help]);
    insta::assert_snapshot!(draw(&app, 120, 40).backend());
}

#[test]
fn path_panel_after_help_and_esc_120x40() {
    let (mut app, _dir) = app_at(120, 40);
    keys(&mut app, "p<Enter>sj?<Esc>");
    assert_eq!(stack(&app), [Mode::Path]);
    insta::assert_snapshot!(draw(&app, 120, 40).backend());
}
