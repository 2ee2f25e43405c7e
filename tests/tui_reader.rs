//! Reading everything at 80x24: `z` shows the selection whole, cut text
//! ends with `…`, "visited by" marks converting paths, and `/` finds the
//! text written along the journeys.

mod common;

use common::{app, app_at, keys};
use journey::tui::Screen;
use journey::tui::app::{App, Overlay};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn text(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    format!("{}", terminal.backend())
}

/// A note longer than the detail pane: twelve numbered lines.
const LONG: &str = "Zeile eins über den Blog<A-Enter>Zeile zwei<A-Enter>Zeile drei\
<A-Enter>Zeile vier<A-Enter>Zeile fünf<A-Enter>Zeile sechs<A-Enter>Zeile sieben\
<A-Enter>Zeile acht<A-Enter>Zeile neun<A-Enter>Zeile zehn<A-Enter>Zeile elf\
<A-Enter>das Ende der Notiz";

/// An editor whose first touchpoint carries [`LONG`] as its notes.
fn long_note(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let (mut app, dir) = app_at(w, h);
    keys(&mut app, &format!("je<Tab><Tab><Tab><C-u>{LONG}<Enter>"));
    (app, dir)
}

#[test]
fn z_reads_a_long_note_to_its_end_and_esc_closes() {
    let (mut app, _dir) = long_note(80, 24);
    let board = text(&app, 80, 24);
    assert!(!board.contains("das Ende der Notiz"), "the pane cuts it");
    assert!(
        board.contains("z read all"),
        "the hint bar offers z:\n{board}"
    );
    keys(&mut app, "z");
    assert!(matches!(app.overlay(), Some(Overlay::Reader { .. })));
    let mut all = text(&app, 80, 24);
    // Scroll to the end: the note's last line is there.
    keys(&mut app, "<PgDn><PgDn>");
    all.push_str(&text(&app, 80, 24));
    assert!(all.contains("Zeile sieben"));
    assert!(all.contains("das Ende der Notiz"));
    keys(&mut app, "<Esc>");
    assert_eq!(app.overlay(), None);
}

#[test]
fn z_is_not_offered_when_nothing_is_cut() {
    let (mut app, _dir) = app_at(120, 40);
    keys(&mut app, "jj");
    let board = text(&app, 120, 40);
    assert!(!board.contains("z read all"), "{board}");
}

#[test]
fn z_on_a_touchpoint_lists_every_visit_with_step_emotion_note_and_outcome() {
    let (mut app, _dir) = app();
    // Consideration's "Magazine test": the critical buyer's step 3 with a note.
    keys(&mut app, "ljz");
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Magazine test"), "{screen}");
    assert!(screen.contains("Critical buyer"), "{screen}");
    assert!(screen.contains("step 3 of 6"), "{screen}");
    assert!(screen.contains("+1"), "{screen}");
    assert!(screen.contains("converts"), "{screen}");
    assert!(screen.contains("The score settles it."), "{screen}");
}

#[test]
fn z_from_the_path_panel_reads_the_step_and_esc_goes_back_to_the_panel() {
    let (mut app, _dir) = app();
    // The first persona, its path panel, the third step.
    keys(&mut app, "p<Enter>s");
    assert_eq!(app.overlay(), Some(&Overlay::Path));
    keys(&mut app, "jjz");
    let screen = text(&app, 80, 24);
    assert!(screen.contains("The score settles it."), "{screen}");
    keys(&mut app, "<Esc>");
    assert_eq!(app.overlay(), Some(&Overlay::Path));
}

#[test]
fn visited_by_marks_converting_paths() {
    let (mut app, _dir) = app_at(120, 40);
    keys(&mut app, "lj");
    let screen = text(&app, 120, 40);
    let line = screen
        .lines()
        .find(|l| l.contains("visited by"))
        .expect("a visited-by line");
    assert!(line.contains('✓'), "{line}");
}

#[test]
fn a_cut_detail_line_ends_with_an_ellipsis() {
    let (app, _dir) = app_at(40, 24);
    let screen = text(&app, 40, 24);
    // The detail pane's line, below the board's cell of the same name.
    let facts = screen
        .lines()
        .rfind(|l| l.contains("Web search"))
        .expect("the detail line");
    assert!(facts.contains('…'), "{facts}");
}

#[test]
fn search_finds_a_step_note_and_jumps_to_the_step() {
    let (mut app, _dir) = app();
    keys(&mut app, "/long wait<Enter>");
    let path = app.current.path(app.doc.map()).expect("a path is shown");
    let step = &path.steps[app.current.step];
    assert_eq!(step.note, "Long wait on the phone.");
    // The board selects the step's touchpoint; s opens the panel on it.
    let at = app.view.touchpoint().expect("a touchpoint is selected");
    assert_eq!(
        app.doc.map().stages[at.stage].touchpoints[at.index].id,
        step.touchpoint
    );
    keys(&mut app, "s");
    assert_eq!(app.overlay(), Some(&Overlay::Path));
    let path = app.current.path(app.doc.map()).expect("a path is shown");
    assert_eq!(path.steps[app.current.step].note, "Long wait on the phone.");
}

#[test]
fn search_finds_personas_and_paths_and_n_goes_on() {
    let (mut app, _dir) = app();
    // "review" is in touchpoint names and in the path "Via reviews".
    keys(&mut app, "/Via video<Enter>");
    assert_eq!(
        app.current.path(app.doc.map()).map(|p| p.name.as_str()),
        Some("Via video")
    );
    keys(&mut app, "/videos and vouchers<Enter>");
    let persona = app.current.persona(app.doc.map()).expect("a persona");
    assert_eq!(persona.name, "Experience seeker");
    // "review" finds touchpoints first, then the path "Via reviews".
    keys(&mut app, "p<Esc>/review<Enter>");
    let touchpoints = app.derived.matches.len();
    for _ in 0..touchpoints {
        keys(&mut app, "n");
    }
    assert_eq!(
        app.current.path(app.doc.map()).map(|p| p.name.as_str()),
        Some("Via reviews")
    );
}

#[test]
fn reader_80x24() {
    let (mut app, _dir) = long_note(80, 24);
    keys(&mut app, "z");
    insta::assert_snapshot!(text(&app, 80, 24));
}

#[test]
fn reader_120x40() {
    let (mut app, _dir) = long_note(120, 40);
    keys(&mut app, "z");
    insta::assert_snapshot!(text(&app, 120, 40));
}

#[test]
fn a_german_map_is_described_in_german() {
    // The detail pane and the reader speak the map's language, as the
    // insight figures beside them do; the keys' hints stay English.
    let mut map = journey::core::format::load(&common::fixture())
        .expect("loads")
        .map;
    map.language = journey::core::model::Language::De;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::open(
        map,
        dir.path().join("kamera.ron"),
        journey::tui::app::Settings::new(false, true),
    );
    app.handle(crossterm::event::Event::Resize(100, 40));
    let board = text(&app, 100, 40);
    assert!(board.contains("indirekt · Kanal: "), "{board}");
    assert!(board.contains("besucht von "), "{board}");
    for english in ["visited by", "channel:", "indirect ·"] {
        assert!(!board.contains(english), "{english}:\n{board}");
    }
    keys(&mut app, "z");
    let reader = text(&app, 100, 40);
    for german in [
        "Notizen",
        "in Phase ",
        "Schritt 1 von ",
        "Einmal besucht",
        "konvertiert",
    ] {
        assert!(reader.contains(german), "{german}:\n{reader}");
    }
    for english in ["Notes", "step 1 of", "Visited"] {
        assert!(!reader.contains(english), "{english}:\n{reader}");
    }
    // A stage, selected by its header.
    keys(&mut app, "<Esc>k");
    let board = text(&app, 100, 40);
    assert!(board.contains("Phase Awareness · 3 Touchpoints"), "{board}");
}
