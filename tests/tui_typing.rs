//! Typing fast in the editor's forms: the readline keys, template text that
//! typing replaces, and paste into a one-line field.

mod common;

use common::{app, app_at, keys};
use journey::core::templates::Template;
use journey::tui::Screen;
use journey::tui::app::{App, Overlay, Settings};
use journey::tui::form::FieldValue;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The focused text field's text in the open form.
fn field_text(app: &App) -> String {
    match app.overlay() {
        Some(Overlay::Form(f)) => f.fields[f.focus].text().to_string(),
        other => panic!("no form open: {other:?}"),
    }
}

/// An editor on a new map from the five-stage template, at 80x24.
fn template_app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("neu.ron");
    let mut app = App::open(
        Template::FiveStage.instantiate(None),
        path,
        Settings::new(false, true),
    );
    app.handle(crossterm::event::Event::Resize(80, 24));
    (app, dir)
}

#[test]
fn ctrl_u_clears_a_name_and_ctrl_w_deletes_a_word() {
    let (mut app, _dir) = app();
    // The first touchpoint of the fixture, edited.
    keys(&mut app, "je");
    let before = field_text(&app);
    assert!(!before.is_empty());
    keys(&mut app, "<C-u>");
    assert_eq!(field_text(&app), "");
    keys(&mut app, "Große Web Suche<C-w>");
    assert_eq!(field_text(&app), "Große Web ");
    keys(&mut app, "<A-BS>Bild<A-b><A-b><C-k>");
    assert_eq!(field_text(&app), "");
    keys(
        &mut app,
        "eins zwei drei<C-a><A-d><C-e><C-Left><C-Left><A-f>X",
    );
    assert_eq!(field_text(&app), " zweiX drei");
    keys(&mut app, "<Enter>");
    let at = app.view.touchpoint().expect("a touchpoint is selected");
    assert_eq!(
        app.doc.map().stages[at.stage].touchpoints[at.index].name,
        "zweiX drei"
    );
}

#[test]
fn ctrl_u_in_notes_deletes_the_line_before_the_cursor() {
    let (mut app, _dir) = app();
    keys(
        &mut app,
        "je<Tab><Tab><Tab><C-u>eins<A-Enter>zwei drei<C-u>vier",
    );
    assert!(field_text(&app).ends_with("eins\nvier"));
}

#[test]
fn template_text_is_selected_so_typing_replaces_it() {
    let (mut app, _dir) = template_app();
    // The stage header of "Awareness": its name and description are the
    // template's English words.
    keys(&mut app, "e");
    match app.overlay() {
        Some(Overlay::Form(f)) => match &f.fields[0].value {
            FieldValue::Text(t) => assert!(t.is_selected(), "the name is selected"),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    keys(&mut app, "Aufmerksamkeit<Tab>Erfährt vom Produkt.<Enter>");
    let stage = &app.doc.map().stages[0];
    assert_eq!(stage.name, "Aufmerksamkeit");
    assert_eq!(stage.description, "Erfährt vom Produkt.");
    // The map's English description: one key clears it, where it took a
    // Backspace per character before.
    keys(&mut app, "T<Tab><BS>Eine Karte.<Enter>");
    assert_eq!(app.doc.map().description, "Eine Karte.");
}

#[test]
fn text_the_user_wrote_is_not_selected() {
    let (mut app, _dir) = app();
    keys(&mut app, "jex");
    assert!(
        field_text(&app).ends_with('x'),
        "typing appends to own text"
    );
}

#[test]
fn a_multi_line_paste_into_a_name_joins_lines_with_a_space() {
    let (mut app, _dir) = app();
    keys(&mut app, "a");
    app.handle(crossterm::event::Event::Paste(
        "Review portal\r\n  for cameras\n".into(),
    ));
    assert_eq!(field_text(&app), "Review portal for cameras");
}

#[test]
fn the_forms_help_lists_the_readline_keys() {
    let (mut app, _dir) = app_at(120, 80);
    keys(&mut app, "?");
    let mut terminal = Terminal::new(TestBackend::new(120, 80)).expect("terminal");
    let mut text = String::new();
    // The help scrolls; read every page.
    for _ in 0..12 {
        terminal.draw(|f| app.draw(f)).expect("draw");
        text.push_str(&format!("{}", terminal.backend()));
        keys(&mut app, "<PgDn>");
    }
    for key in ["Ctrl-u", "Ctrl-k", "Ctrl-w", "Alt-d", "Alt-b", "Alt-f"] {
        assert!(text.contains(key), "{key} is in the help");
    }
}

#[test]
fn selected_template_text_and_the_keys_80x24() {
    let (mut app, _dir) = template_app();
    keys(&mut app, "T<Tab>");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    // The selected description is drawn reversed, which the text snapshot
    // cannot show: look at the cell under its first letter.
    let buf = terminal.backend().buffer();
    let cell = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .find(|&(x, y)| {
            buf[(x, y)].symbol() == "A"
                && buf[(x + 1, y)].symbol() == "w"
                && buf[(x + 2, y)].symbol() == "a"
        })
        .map(|at| &buf[at])
        .expect("the description is shown");
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn field_after_word_keys_120x40() {
    let (mut app, _dir) = app_at(120, 40);
    keys(&mut app, "je<C-u>Preisvergleich im Netz<A-b><A-BS>");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    insta::assert_snapshot!(terminal.backend());
}
