//! Long status messages: a message longer than the line goes on for up to
//! three rows, which the board gives up while it shows, and ends in `…`
//! only beyond them.

mod common;

use common::keys;
use journey::core::format::load;
use journey::tui::Screen;
use journey::tui::app::{App, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    format!("{}", terminal.backend())
}

/// An editor on the fixture, to be saved into folders that do not exist.
fn unsavable(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = dir
        .path()
        .join("quarterly-review-2026")
        .join("drafts-never-made")
        .join("camera.ron");
    let map = load(&common::fixture()).expect("loads").map;
    let mut app = App::open(map, deep, Settings::new(false, true));
    app.handle(crossterm::event::Event::Resize(w, h));
    (app, dir)
}

/// The screen's rows, trimmed at the right.
fn rows(shown: &str) -> Vec<String> {
    shown
        .lines()
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect()
}

#[test]
fn a_save_error_with_a_long_path_reads_whole_at_80x24() {
    let (mut app, _dir) = unsavable(80, 24);
    keys(&mut app, "<C-s>");
    let message = app.message.as_ref().expect("a message").text.clone();
    assert!(message.starts_with("cannot save"), "{message}");
    assert!(message.len() > 80, "{message}");
    let shown = screen(&app, 80, 24);
    let r = rows(&shown);
    // The status rows hold the whole message, no character left out.
    let start = r[20].find("cannot save").expect("the message's start");
    let lead = r[20][..start].chars().count();
    let status: String = r[20..23]
        .iter()
        .map(|row| row.chars().skip(lead).collect::<String>())
        .collect();
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(squeeze(&status), squeeze(&message), "{shown}");
    assert!(r[23].contains("help"), "the hints stay: {shown}");
}

#[test]
fn a_long_message_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (mut app, _dir) = common::app_at(w, h);
        app.error(
            "cannot save /home/someone/Documents/customer-journeys/quarterly-review-2026/\
             drafts/camera.ron: Permission denied (os error 13); the map is still open: \
             S saves it elsewhere",
        );
        insta::assert_snapshot!(format!("long_message_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn the_board_gives_the_rows_back_on_the_next_key() {
    let (mut app, _dir) = unsavable(80, 24);
    let before = screen(&app, 80, 24);
    keys(&mut app, "<C-s>");
    let during = screen(&app, 80, 24);
    assert_ne!(rows(&during)[17], rows(&before)[17]);
    // The hint bar stays on the last row.
    assert_eq!(rows(&during)[23], rows(&before)[23]);
    // A move puts a short message, or none, back on one line.
    keys(&mut app, "jk");
    let after = screen(&app, 80, 24);
    assert_eq!(rows(&after)[..18], rows(&before)[..18]);
}

#[test]
fn beyond_three_rows_a_message_ends_in_an_ellipsis() {
    let (mut app, _dir) = common::app();
    let long = "word ".repeat(80);
    app.error(long.trim_end().to_string());
    let shown = screen(&app, 80, 24);
    let r = rows(&shown);
    // Three rows of the message, the third ending in `…`, above the hints.
    assert!(r[20].starts_with("camera.ron │ word"), "{shown}");
    assert!(r[21].trim_start().starts_with("word"), "{shown}");
    assert!(r[22].trim_start().starts_with("word"), "{shown}");
    assert!(r[22].ends_with('…'), "{shown}");
    assert!(r[23].contains("help"), "{shown}");
}

#[test]
fn the_selection_stays_on_screen_while_the_board_is_shorter() {
    let (mut app, _dir) = common::app_at(80, 12);
    // Down the second stage to its last touchpoint, then a long message.
    keys(&mut app, "ljjj");
    let name = app.doc.map().stages[1].touchpoints[3].name.clone();
    app.error("word ".repeat(40).trim_end().to_string());
    let shown = screen(&app, 80, 12);
    assert!(shown.contains(&name[..8]), "{shown}");
}
