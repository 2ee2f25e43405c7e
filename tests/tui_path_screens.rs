//! Screens of personas and paths: the path on the board, the persona
//! picker, the path panel, the problems panel and the detail that lists
//! the visiting paths, kept as snapshots at 80x24 and 120x40; and checks
//! that ASCII and monochrome keep every cue.

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

fn text(t: &Terminal<TestBackend>) -> String {
    format!("{}", t.backend())
}

#[test]
fn path_on_the_board_80x24() {
    // Experience seeker's second path, its −2 step selected on the board.
    let t = screen("pj<Enter>]ll", 80, 24);
    let s = text(&t);
    assert!(s.contains("1 Instagram ads"), "{s}");
    assert!(s.contains("lowest: 3 Price comparison (-2)"), "{s}");
    insta::assert_snapshot!(t.backend());
}

#[test]
fn path_on_the_board_120x40() {
    insta::assert_snapshot!(screen("p<Enter>ll", 120, 40).backend());
}

#[test]
fn persona_picker_80x24() {
    insta::assert_snapshot!(screen("pj", 80, 24).backend());
}

#[test]
fn persona_picker_120x40() {
    insta::assert_snapshot!(screen("p<Enter>pj", 120, 40).backend());
}

#[test]
fn path_panel_80x24() {
    insta::assert_snapshot!(screen("p<Enter>sjj", 80, 24).backend());
}

#[test]
fn path_panel_120x40() {
    insta::assert_snapshot!(screen("pj<Enter>]sjj", 120, 40).backend());
}

#[test]
fn problems_panel_80x24() {
    insta::assert_snapshot!(screen("lAFollow-up<Enter>v", 80, 24).backend());
}

#[test]
fn problems_panel_120x40() {
    insta::assert_snapshot!(screen("PNobody<Enter>v", 120, 40).backend());
}

#[test]
fn detail_lists_visiting_personas_80x24() {
    // Price comparison: step 4 of "Via reviews", step 3 of "Dropped at price".
    let t = screen("lljj", 80, 24);
    let s = text(&t);
    assert!(s.contains("visited by Critical buyer: step 4"), "{s}");
    insta::assert_snapshot!(t.backend());
}

#[test]
fn detail_lists_visiting_personas_120x40() {
    let t = screen("j", 120, 40);
    let s = text(&t);
    assert!(
        s.contains(
            "Experience seeker “Via video”: step 1 ✓ · Experience seeker “Dropped at price”: step 1"
        ),
        "{s}"
    );
    insta::assert_snapshot!(t.backend());
}

#[test]
fn ascii_mode_shows_paths_panels_and_markers_in_ascii() {
    let (mut app, _dir) = app_at(80, 24);
    app.settings = Settings::new(true, true);
    let mut seen = String::new();
    for seq in [
        "pj<Enter>]",
        "ll",
        "p",
        "<Enter>s",
        "<Esc>v",
        "<Esc>/phone<Enter>",
    ] {
        keys(&mut app, seq);
        let t = draw(&app, 80, 24);
        for cell in t.backend().buffer().content() {
            assert!(
                cell.symbol().is_ascii(),
                "non-ASCII {:?} after {seq:?}",
                cell.symbol()
            );
        }
        seen.push_str(&text(&t));
    }
    // The curve, the lowest point in words, and the breadcrumb arrows.
    assert!(seen.contains("emotion"), "{seen}");
    assert!(seen.contains("lowest: 3 Price comparison (-2)"), "{seen}");
    assert!(seen.contains("1 Instagram ads -> 2 Product page"), "{seen}");
    assert!(seen.contains("-> dropped out"), "{seen}");
}

#[test]
fn monochrome_dims_the_touchpoints_off_the_path() {
    let (mut app, _dir) = app_at(80, 24);
    app.settings = Settings::new(false, false);
    keys(&mut app, "p<Enter>");
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    // Row 3 is Instagram ads, off the critical buyer's path; row 2 is Web
    // search, step 1 (selected, so reversed rather than dimmed).
    assert!(buf[(5, 3)].modifier.contains(Modifier::DIM));
    assert!(!buf[(5, 2)].modifier.contains(Modifier::DIM));
    // The step number is written out, not only coloured.
    let row: String = (1..16).map(|x| buf[(x, 2)].symbol().to_string()).collect();
    assert!(row.trim_end().ends_with('1'), "{row:?}");
}

#[test]
fn no_size_panics_with_a_path_and_panels() {
    let (mut app, _dir) = app_at(80, 24);
    for seq in ["pj<Enter>]", "s", "<Esc>v", "<Esc>p", "<Esc>"] {
        keys(&mut app, seq);
        for w in 0..=40 {
            for h in 0..=20 {
                app.handle(crossterm::event::Event::Resize(w, h));
                let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
                terminal.draw(|f| app.draw(f)).expect("draw");
            }
        }
    }
}

/// An editor on the fixture under a relative name, so that the suggested
/// export file reads the same on every machine.
fn relative_app(w: u16, h: u16) -> App {
    let loaded = journey::core::format::load(&common::fixture()).expect("fixture loads");
    let mut app = App::open(
        loaded.map,
        std::path::PathBuf::from("maps/camera.ron"),
        Settings::new(false, true),
    );
    app.handle(crossterm::event::Event::Resize(w, h));
    app
}

#[test]
fn export_prompt_80x24() {
    let mut app = relative_app(80, 24);
    keys(&mut app, "x");
    let t = draw(&app, 80, 24);
    assert!(text(&t).contains("maps/camera.md"));
    insta::assert_snapshot!(t.backend());
}

#[test]
fn export_prompt_120x40() {
    let mut app = relative_app(120, 40);
    keys(&mut app, "pj<Enter>x<Right><Right><Right><Right>");
    let t = draw(&app, 120, 40);
    assert!(text(&t).contains("maps/camera.experience-seeker.svg"));
    insta::assert_snapshot!(t.backend());
}

#[test]
fn search_matches_are_underlined_and_others_are_not() {
    let (mut app, _dir) = app_at(80, 24);
    app.settings = Settings::new(false, false);
    // Every row of the first two columns is underlined exactly when it
    // matches; YouTube review matches by name, Web search does not.
    keys(&mut app, "/review<Enter>");
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    let pos = |stage, index| journey::core::model::TouchpointPos { stage, index };
    assert!(app.derived.is_match(pos(1, 3)));
    assert!(!app.derived.is_match(pos(0, 0)));
    for (stage, len) in [(0usize, 3usize), (1, 4)] {
        for index in 0..len {
            let at = pos(stage, index);
            // Column x: 1 + 16 per column; the name starts two cells in.
            let x = 1 + 16 * stage as u16 + 2;
            let y = 2 + index as u16;
            let underlined = buf[(x, y)].modifier.contains(Modifier::UNDERLINED);
            assert_eq!(underlined, app.derived.is_match(at), "{stage}/{index}");
        }
    }
}
