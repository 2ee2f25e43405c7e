//! Names readable on the board at 80x24: the columns keep equal widths,
//! the selected card's name goes on over the rows beneath it when it is cut,
//! and a channel gives way to a whole name.

mod common;

use common::keys;
use journey::core::format::load;
use journey::core::model::Map;
use journey::tui::Screen;
use journey::tui::app::{App, Settings};
use journey::tui::layout;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::Path;

/// An editor on a copy of one of the example maps, at `w` x `h`.
fn example(name: &str, w: u16, h: u16) -> (App, tempfile::TempDir) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps")
        .join(name);
    let map = load(&source).expect("the example loads").map;
    on_map(map, name, w, h)
}

fn on_map(map: Map, name: &str, w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::open(map, dir.path().join(name), Settings::new(false, true));
    app.handle(crossterm::event::Event::Resize(w, h));
    (app, dir)
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    format!("{}", terminal.backend())
}

/// The names of stage `stage`'s touchpoints.
fn names(app: &App, stage: usize) -> Vec<String> {
    app.doc.map().stages[stage]
        .touchpoints
        .iter()
        .map(|t| t.name.clone())
        .collect()
}

fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The text of the selected card's name as drawn: its own row and the two
/// beneath it in its column, each from after the marker, the problem sign
/// left out, joined by single spaces.
fn selected_name(app: &App, w: u16, h: u16) -> String {
    let buf = buffer(app, w, h);
    let board = layout::areas(Rect::new(0, 0, w, h)).board;
    let stages = &app.doc.map().stages;
    let count = layout::visible_columns(board.width, stages.len());
    let first = app.view.first_stage.min(stages.len() - count);
    let rect = layout::column_rects(board, count)[app.view.stage - first];
    let len = stages[app.view.stage].touchpoints.len();
    let body = layout::body_height(board);
    let offset = layout::column_offset(app.view.first_row, len, body);
    let row = app.view.row.expect("a card is selected") - offset;
    let y = rect.y + 2 + row as u16;
    let mut words = Vec::new();
    for y in y..(y + 3).min(rect.bottom()) {
        let line: String = (rect.x + 2..rect.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        let line = line.replace(app.settings.symbols.warning, " ");
        words.extend(line.split_whitespace().map(str::to_string));
    }
    words.join(" ")
}

#[test]
fn the_selected_name_reads_whole_at_80x24_down_every_column() {
    for map in ["camera.ron", "logistics.ron"] {
        let (mut app, _dir) = example(map, 80, 24);
        for stage in 0..5 {
            keys(&mut app, "g");
            if app.view.row.is_none() {
                // On the stage's header: the first card is one down.
                keys(&mut app, "j");
            }
            assert_eq!(app.view.row, Some(0), "{map}, stage {stage}");
            for name in names(&app, stage) {
                let shown = selected_name(&app, 80, 24);
                // A word too long for a row breaks inside, so the rows
                // are compared without their spaces: the name, then the
                // end of the rows or the card beneath.
                let bare = |s: &str| s.split_whitespace().collect::<String>();
                let rest = bare(&shown);
                let rest = rest.strip_prefix(&bare(&name));
                assert!(
                    rest.is_some_and(|r| !r.starts_with('…')),
                    "{map}, stage {stage}: “{name}” reads “{shown}”\n{}",
                    screen(&app, 80, 24)
                );
                keys(&mut app, "j");
            }
            keys(&mut app, "l");
        }
    }
}

#[test]
fn the_columns_keep_their_widths_as_the_cursor_moves() {
    // No reflow: moving right changes only the highlighted rows, so the
    // separators stay where they were.
    let (mut app, _dir) = example("logistics.ron", 80, 24);
    let separators = |app: &App| -> Vec<u16> {
        let buf = buffer(app, 80, 24);
        (0..80).filter(|&x| buf[(x, 1)].symbol() == "┼").collect()
    };
    let before = separators(&app);
    assert_eq!(before.len(), 4, "five columns");
    for _ in 0..4 {
        keys(&mut app, "l");
        assert_eq!(separators(&app), before);
    }
}

#[test]
fn moving_the_cursor_restores_the_cards_beneath() {
    // “Price comparison” goes on over the card under it; one row down,
    // that card shows again.
    let (mut app, _dir) = example("camera.ron", 80, 24);
    keys(&mut app, "llj");
    let over = screen(&app, 80, 24);
    assert!(over.contains("  comparison   │"), "{over}");
    let hidden = &names(&app, 2)[2];
    keys(&mut app, "j");
    let back = screen(&app, 80, 24);
    assert!(!back.contains("  comparison   │"), "{back}");
    let head: String = hidden.chars().take(6).collect();
    assert!(back.contains(&head), "{back}");
}

#[test]
fn a_name_longer_than_three_rows_ends_in_an_ellipsis() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/camera.ron");
    let mut map = load(&source).expect("loads").map;
    let long = "A touchpoint whose name is far too long to read in three rows of a narrow column";
    map.stages[0].touchpoints[0].name = long.to_string();
    let (app, _dir) = on_map(map, "long.ron", 80, 24);
    let shown = selected_name(&app, 80, 24);
    assert!(shown.starts_with("A touchpoint whose"), "{shown}");
    assert!(shown.contains('…'), "{shown}");
    // Two rows under the selection are its, over the cards there.
    let buf = buffer(&app, 80, 24);
    let under: String = (3..5)
        .flat_map(|y| (0..16).map(move |x| (x, y)))
        .map(|p| buf[p].symbol())
        .collect();
    assert!(
        !under.contains("Asking") && !under.contains("Social"),
        "{under}"
    );
}

#[test]
fn a_whole_name_goes_before_the_channel() {
    // At 120 columns "Customer service" was cut for its channel.
    let (app, _dir) = common::app_at(120, 40);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("● Customer service "), "{shown}");
    // And no channel shows cut, where it would read as part of the name.
    assert!(!shown.contains("in per…"), "{shown}");
}

#[test]
fn the_example_boards_at_80x24_and_120x40() {
    for map in ["camera.ron", "logistics.ron"] {
        for (w, h) in [(80, 24), (120, 40)] {
            let (mut app, _dir) = example(map, w, h);
            // The cursor in the third stage, on its second touchpoint.
            keys(&mut app, "llj");
            let name = format!("{}_{w}x{h}", map.trim_end_matches(".ron"));
            insta::assert_snapshot!(name, screen(&app, w, h));
        }
    }
}
