//! The editor's screens, drawn on a `TestBackend` and kept as snapshots.

mod common;

use common::{app_at, keys};
use journey::tui::Screen;
use journey::tui::app::{App, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    terminal
}

fn screen(seq: &str, w: u16, h: u16) -> Terminal<TestBackend> {
    let (mut app, _dir) = app_at(w, h);
    keys(&mut app, seq);
    draw(&app, w, h)
}

#[test]
fn board_80x24() {
    insta::assert_snapshot!(screen("", 80, 24).backend());
}

#[test]
fn board_120x40() {
    insta::assert_snapshot!(screen("l", 120, 40).backend());
}

#[test]
fn empty_stage_marker_80x24() {
    // A new stage is empty; its header says so in words.
    let t = screen("lAFollow-up<Enter>", 80, 24);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn help_80x24() {
    insta::assert_snapshot!(screen("?", 80, 24).backend());
}

#[test]
fn help_120x40() {
    insta::assert_snapshot!(screen("?", 120, 40).backend());
}

#[test]
fn edit_form_80x24() {
    let t = screen("je", 80, 24);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn edit_form_120x40() {
    insta::assert_snapshot!(screen("je", 120, 40).backend());
}

#[test]
fn quit_prompt_80x24() {
    insta::assert_snapshot!(screen("tq", 80, 24).backend());
}

#[test]
fn quit_prompt_120x40() {
    insta::assert_snapshot!(screen("tq", 120, 40).backend());
}

#[test]
fn delete_question_80x24() {
    insta::assert_snapshot!(screen("lljjd", 80, 24).backend());
}

#[test]
fn columns_scroll_with_markers_at_40x12() {
    let t = screen("llll", 40, 12);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn ascii_mode_draws_only_ascii() {
    let (mut app, _dir) = app_at(80, 24);
    app.settings = Settings::new(true, true);
    for seq in ["", "?", "<Esc>e", "<Esc>tq"] {
        keys(&mut app, seq);
        let t = draw(&app, 80, 24);
        for cell in t.backend().buffer().content() {
            assert!(
                cell.symbol().is_ascii(),
                "non-ASCII {:?} after {seq:?}",
                cell.symbol()
            );
        }
    }
    let (mut app, _dir) = app_at(80, 24);
    app.settings = Settings::new(true, true);
    keys(&mut app, "l");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn monochrome_uses_no_colour_but_keeps_the_selection_visible() {
    let (mut app, _dir) = app_at(80, 24);
    app.settings = Settings::new(false, false);
    keys(&mut app, "j");
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    // Row 3 is the second touchpoint of the first column: reversed.
    assert!(buf[(3, 3)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(3, 2)].modifier.contains(Modifier::REVERSED));
    // The current stage's header is underlined, the others are not.
    assert!(buf[(2, 0)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[(20, 0)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn no_size_panics_and_the_cursor_stays_on_screen() {
    let (mut app, _dir) = app_at(80, 24);
    for seq in ["", "e", "<Esc>?", "<Esc>tq", "<Esc>a口コミ"] {
        keys(&mut app, seq);
        for w in 0..=40 {
            for h in 0..=14 {
                app.handle(crossterm::event::Event::Resize(w, h));
                let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
                terminal.draw(|f| app.draw(f)).expect("draw");
            }
        }
    }
}

#[test]
fn the_cursor_sits_after_wide_characters() {
    let cursor_after = |ascii: bool, typed: &str| {
        let (mut app, _dir) = app_at(80, 24);
        app.settings = Settings::new(ascii, true);
        keys(&mut app, &format!("a{typed}"));
        let mut t = draw(&app, 80, 24);
        t.get_cursor_position().expect("cursor")
    };
    let empty = cursor_after(false, "");
    // Three CJK characters are six columns wide, and an umlaut one.
    assert_eq!(cursor_after(false, "口コミ").x, empty.x + 6);
    assert_eq!(cursor_after(false, "Größe").x, empty.x + 5);
    // In ASCII mode each shows as one `?`.
    assert_eq!(cursor_after(true, "口コミ").x, empty.x + 3);
    let (mut app, _dir) = app_at(80, 24);
    keys(&mut app, "a口コミ<Left>");
    let mut t = draw(&app, 80, 24);
    assert_eq!(t.get_cursor_position().expect("cursor").x, empty.x + 4);
}

#[test]
fn the_loop_runs_on_any_backend_and_event_source() {
    let (mut app, _dir) = app_at(80, 24);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut events = journey::tui::keys::parse_keys("laBewertungsportal<Enter>t").into_iter();
    let flow = journey::tui::run(&mut terminal, &mut events, &mut app).expect("runs");
    assert_eq!(flow, journey::tui::Flow::Continue, "the events ran out");
    assert_eq!(app.view.size, (100, 30), "the loop told the app the size");
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains("○ Bewertungsportal · indirect"), "{screen}");
    let mut events = journey::tui::keys::parse_keys("q<Esc>qd").into_iter();
    let flow = journey::tui::run(&mut terminal, &mut events, &mut app).expect("runs");
    assert_eq!(flow, journey::tui::Flow::Exit);
}

/// The hint bar names only keys that do something: a form of one line has
/// no next field and no new line, while the touchpoint form has both.
#[test]
fn hints_name_only_keys_that_work_here() {
    let rows = |t: &Terminal<TestBackend>| -> Vec<String> {
        t.backend()
            .buffer()
            .content()
            .chunks(80)
            .map(|row| row.iter().map(|c| c.symbol()).collect())
            .collect()
    };
    let search = rows(&screen("/", 80, 24));
    let footer = search.last().expect("a footer");
    assert!(footer.contains("Enter confirm"), "{footer}");
    assert!(
        !footer.contains("next field") && !footer.contains("new line"),
        "{footer}"
    );
    // A new line is for the notes: offered there, not on the name.
    let edit = rows(&screen("e", 80, 24));
    let footer = edit.last().expect("a footer");
    assert!(
        footer.contains("Tab next field") && !footer.contains("new line"),
        "{footer}"
    );
    let notes = rows(&screen("e<Tab><Tab><Tab>", 80, 24));
    let footer = notes.last().expect("a footer");
    assert!(footer.contains("Alt-Enter new line"), "{footer}");
    // Space adds the selected touchpoint to the path: not on a stage header.
    let last_row = |t: &Terminal<TestBackend>| -> String {
        let row: Vec<String> = t
            .backend()
            .buffer()
            .content()
            .chunks(120)
            .map(|r| r.iter().map(|c| c.symbol()).collect())
            .collect();
        row.last().cloned().unwrap_or_default()
    };
    assert!(last_row(&screen("", 120, 40)).contains("Space path"));
    let footer = last_row(&screen("k", 120, 40));
    assert!(!footer.contains("Space path"), "{footer}");
    // The board keeps undo, save and quit at any width they fit.
    let board = rows(&screen("", 80, 24));
    let footer = board.last().expect("a footer");
    for hint in ["? help", "u undo", "Ctrl-s save", "q quit"] {
        assert!(footer.contains(hint), "{hint} in {footer}");
    }
}

/// The help wraps long descriptions rather than cutting them.
#[test]
fn help_wraps_rather_than_cuts_at_80_columns() {
    let t = screen(&format!("?{}", "j".repeat(30)), 80, 24);
    let text: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(!text.contains('…'), "a description was cut");
    assert!(
        text.contains("aside)"),
        "the reload key's description wraps"
    );
}

/// An empty path's panel offers no step keys in the hint bar.
#[test]
fn an_empty_path_offers_no_step_keys() {
    let t = screen("p<Enter>snLater<Enter>", 80, 24);
    let footer: String = t.backend().buffer().content()[80 * 23..]
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(footer.contains("new path"), "{footer}");
    for step_key in ["remove", "emotion", "jump"] {
        assert!(!footer.contains(step_key), "{step_key} in {footer}");
    }
}
