//! Names readable on the board at 80x24: the column holding the cursor
//! gets the width its names on screen need, the others share the rest, and
//! a channel gives way to a whole name.

mod common;

use common::keys;
use journey::core::format::load;
use journey::core::model::Map;
use journey::tui::Screen;
use journey::tui::app::{App, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
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

#[test]
fn every_name_of_the_current_column_reads_whole_at_80x24() {
    for map in ["camera.ron", "logistics.ron"] {
        let (mut app, _dir) = example(map, 80, 24);
        for stage in 0..5 {
            let shown = screen(&app, 80, 24);
            for name in names(&app, stage) {
                assert!(
                    shown.contains(&name),
                    "{map}, stage {stage}: “{name}” is cut\n{shown}"
                );
            }
            keys(&mut app, "l");
        }
    }
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

/// The camera map with 40 more touchpoints in its first stage, the last
/// one named `last`.
fn long_first_stage(last: &str) -> Map {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/camera.ron");
    let mut map = load(&source).expect("loads").map;
    let mut far = map.stages[0].touchpoints[0].clone();
    for i in 0..40 {
        far.id = format!("filler-{i}");
        far.name = if i == 39 {
            last.to_string()
        } else {
            format!("F{i}")
        };
        map.stages[0].touchpoints.push(far.clone());
    }
    map
}

#[test]
fn only_the_rows_on_screen_widen_the_column() {
    // A long name far below the screen does not widen the first column:
    // the frame measures what it shows, not the whole stage.
    let long = "A very long touchpoint name down here";
    let (mut app, _dir) = on_map(long_first_stage(long), "big.ron", 80, 24);
    let (short, _dir2) = on_map(long_first_stage("F39"), "big.ron", 80, 24);
    let top = screen(&app, 80, 24);
    assert_eq!(top, screen(&short, 80, 24));
    assert!(!top.contains(long), "{top}");
    // Down at the bottom, the long name is on screen and reads whole.
    keys(&mut app, "G");
    let bottom = screen(&app, 80, 24);
    assert!(bottom.contains(long), "{bottom}");
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
