//! The editor's budgets at the sizes S1, S2 and S3 (DESIGN.md): frame time
//! at 200x50, bytes written per key, and start-up to the first frame.
//! Run with `cargo bench --bench tui`; the byte counts are printed first.

use journey::core::format::{load, to_string};
use journey::core::generate::{S1, S2, S3, Size, generate};
use journey::tui::app::{App, Settings};
use journey::tui::keys::parse_keys;
use journey::tui::{Screen, update};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

const SIZES: [(&str, Size); 3] = [("S1", S1), ("S2", S2), ("S3", S3)];
const W: u16 = 200;
const H: u16 = 50;

fn size(name: &str) -> Size {
    SIZES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(S1, |(_, s)| *s)
}

/// A terminal that counts the bytes written to it.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn terminal(counter: Counter) -> Terminal<CrosstermBackend<Counter>> {
    Terminal::with_options(
        CrosstermBackend::new(counter),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
        },
    )
    .expect("terminal")
}

fn app(name: &str) -> App {
    let mut app = App::open(
        generate(size(name)),
        PathBuf::from("bench.ron"),
        Settings::new(false, true),
    );
    update::update(&mut app, journey::tui::action::Action::Resize(W, H));
    app
}

/// Feeds `keys` to the editor as the terminal loop does, then draws.
fn key_and_frame(
    app: &mut App,
    term: &mut Terminal<CrosstermBackend<Counter>>,
    keys: &[crossterm::event::Event],
) {
    for e in keys {
        app.handle(e.clone());
    }
    term.draw(|f| app.draw(f)).map(|_| ()).expect("draw");
}

fn press(app: &mut App, keys: &str) {
    for event in parse_keys(keys) {
        app.handle(event);
    }
}

/// Bytes written to the terminal for one key, after a full first frame.
fn bytes_for(name: &str, before: &str, key: &str) -> usize {
    let counter = Counter::default();
    let mut term = terminal(counter.clone());
    bytes_of_key(&mut term, &counter, &mut app(name), before, key)
}

/// The bytes `key` writes to `term`, once `before` is pressed and drawn.
fn bytes_of_key(
    term: &mut Terminal<CrosstermBackend<Counter>>,
    counter: &Counter,
    app: &mut App,
    before: &str,
    key: &str,
) -> usize {
    press(app, before);
    term.draw(|f| app.draw(f)).expect("draw");
    counter.0.set(0);
    press(app, key);
    term.draw(|f| app.draw(f)).expect("draw");
    counter.0.get()
}

/// Bytes written for one key at `w` x `h` on the example map `file`, where
/// names are cut and the selected one goes on over the rows beneath it.
fn bytes_on_example(file: &str, w: u16, h: u16, before: &str, key: &str) -> usize {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("maps")
        .join(file);
    let map = load(&source).expect("the example loads").map;
    let counter = Counter::default();
    let mut term = Terminal::with_options(
        CrosstermBackend::new(counter.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .expect("terminal");
    let mut app = App::open(map, PathBuf::from(file), Settings::new(false, true));
    update::update(&mut app, journey::tui::action::Action::Resize(w, h));
    bytes_of_key(&mut term, &counter, &mut app, before, key)
}

fn main() {
    for (name, _) in SIZES {
        println!(
            "bytes per key at {name}, {W}x{H}: down within view {} (budget 512), right to the next stage {} (budget 1024)",
            bytes_for(name, "jj", "j"),
            bytes_for(name, "jj", "l"),
        );
        println!(
            "bytes per key at {name} with a path shown: down {}, right {}",
            bytes_for(name, "p<Enter>jj", "j"),
            bytes_for(name, "p<Enter>jj", "l"),
        );
    }
    // On "Price comparison" and "TCO calculator", whose names go on over
    // the row beneath at 80x24.
    for (file, before) in [("camera.ron", "llj"), ("logistics.ron", "lljj")] {
        println!(
            "bytes per key on maps/{file} at 80x24, from a name shown over the rows beneath: down {}, right {}",
            bytes_on_example(file, 80, 24, before, "j"),
            bytes_on_example(file, 80, 24, before, "l"),
        );
    }
    divan::main();
}

/// A frame of an unchanged board: every widget renders, the diff is empty.
#[divan::bench(args = ["S1", "S2", "S3"])]
fn draw_200x50(bencher: divan::Bencher, name: &str) {
    let mut app = app(name);
    press(&mut app, "jj");
    let mut term = terminal(Counter::default());
    bencher.bench_local(|| term.draw(|f| app.draw(f)).map(|_| ()).expect("draw"));
}

/// A frame with the first persona's path on the board: step numbers, the
/// dimmed rows, the breadcrumb and the curve all come from facts worked
/// out when the path was chosen, so this costs what the plain board does.
#[divan::bench(args = ["S1", "S2", "S3"])]
fn draw_200x50_with_path(bencher: divan::Bencher, name: &str) {
    let mut app = app(name);
    press(&mut app, "p<Enter>jj");
    assert!(app.derived.path.is_some(), "a path is shown");
    let mut term = terminal(Counter::default());
    bencher.bench_local(|| term.draw(|f| app.draw(f)).map(|_| ()).expect("draw"));
}

/// A key and its frame with a path shown: the cursor moves down and up.
#[divan::bench(args = ["S1", "S2", "S3"])]
fn key_and_draw_200x50_with_path(bencher: divan::Bencher, name: &str) {
    let mut app = app(name);
    press(&mut app, "p<Enter>jj");
    let mut term = terminal(Counter::default());
    let down = parse_keys("j");
    let up = parse_keys("k");
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        key_and_frame(&mut app, &mut term, if flip { &down } else { &up });
    });
}

/// A key and its frame: the selection moves down and back up, alternately.
#[divan::bench(args = ["S1", "S2", "S3"])]
fn key_and_draw_200x50(bencher: divan::Bencher, name: &str) {
    let mut app = app(name);
    press(&mut app, "jj");
    let mut term = terminal(Counter::default());
    let down = parse_keys("j");
    let up = parse_keys("k");
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        key_and_frame(&mut app, &mut term, if flip { &down } else { &up });
    });
}

/// Start-up at S1 in the process: read and parse the file, validate, build
/// the editor and draw the first frame.
#[divan::bench(sample_count = 50)]
fn startup_to_first_frame_s1(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("s1.ron");
    std::fs::write(&file, to_string(&generate(S1))).expect("write");
    bencher.bench_local(|| {
        let loaded = load(&file).expect("loads");
        let mut app = App::open(loaded.map, file.clone(), Settings::new(false, true));
        update::update(&mut app, journey::tui::action::Action::Resize(W, H));
        let mut term = terminal(Counter::default());
        term.draw(|f| app.draw(f)).map(|_| ()).expect("draw");
    });
}

/// The floor under a process start: running the binary for `--version`.
#[divan::bench(sample_count = 20)]
fn process_spawn_floor(bencher: divan::Bencher) {
    bencher.bench(|| {
        std::process::Command::new(env!("CARGO_BIN_EXE_journey"))
            .arg("--version")
            .output()
            .expect("runs")
    });
}

/// The floor under a frame: ratatui's own buffer work with nothing drawn.
#[divan::bench]
fn draw_blank_200x50(bencher: divan::Bencher) {
    let mut term = terminal(Counter::default());
    bencher.bench_local(|| term.draw(|_| {}).map(|_| ()).expect("draw"));
}

/// A key and its frame on the camera map with one text field of 14 MB:
/// the title, the first touchpoint's notes (with a form open on them), or
/// the first persona's name. Costs what the plain map does: no key reads
/// more of a field than a screen shows.
#[divan::bench(args = ["none", "title", "notes-form", "persona"])]
fn key_with_one_14mb_field(bencher: divan::Bencher, field: &str) {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("maps/camera.ron");
    let mut map = load(&file).expect("camera map").map;
    let long = "Tä x ".repeat(2_800_000);
    match field {
        "title" => map.title = long,
        "notes-form" => map.stages[0].touchpoints[0].notes = long,
        "persona" => map.personas[0].name = long,
        _ => {}
    }
    let mut app = App::open(map, PathBuf::from("bench.ron"), Settings::new(false, true));
    update::update(&mut app, journey::tui::action::Action::Resize(80, 24));
    let (down, up) = if field == "notes-form" {
        press(&mut app, "e<Tab><Tab><Tab>");
        (parse_keys("x"), parse_keys("<BS>"))
    } else {
        (parse_keys("j"), parse_keys("k"))
    };
    let mut term = terminal(Counter::default());
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        key_and_frame(&mut app, &mut term, if flip { &down } else { &up });
    });
}

/// Waits for the insight figures the editor works out in the background.
fn with_figures(app: &mut App) {
    while !app.insight.is_fresh() {
        let Some(reply) = app.insight.wait(std::time::Duration::from_secs(60)) else {
            panic!("no figures within a minute");
        };
        update::update(app, journey::tui::action::Action::InsightReady(reply));
    }
}

/// A key in the insight panel and its frame: the cursor moves down and up
/// over the table of every touchpoint. Sorting was done with the figures,
/// so this costs the rows on screen.
#[divan::bench(args = ["S1", "S2", "S3"])]
fn insight_panel_key_and_draw_200x50(bencher: divan::Bencher, name: &str) {
    let mut app = app(name);
    with_figures(&mut app);
    press(&mut app, "ijj");
    let mut term = terminal(Counter::default());
    let (down, up) = (parse_keys("j"), parse_keys("k"));
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        key_and_frame(&mut app, &mut term, if flip { &down } else { &up });
    });
}

/// The sort key in the insight panel: the next column, the cursor kept on
/// its touchpoint.
#[divan::bench(args = ["S1", "S2", "S3"])]
fn insight_sort_key_200x50(bencher: divan::Bencher, name: &str) {
    let mut app = app(name);
    with_figures(&mut app);
    press(&mut app, "ijj");
    let mut term = terminal(Counter::default());
    let next = parse_keys("s");
    bencher.bench_local(|| key_and_frame(&mut app, &mut term, &next));
}

/// An edit key while the figures are stale: the key only notes the new
/// state; the analysis runs on its own thread.
#[divan::bench(args = ["S1", "S2", "S3"])]
fn edit_key_with_insight_200x50(bencher: divan::Bencher, name: &str) {
    let mut app = app(name);
    with_figures(&mut app);
    press(&mut app, "jj");
    let mut term = terminal(Counter::default());
    let toggle = parse_keys("t");
    bencher.bench_local(|| key_and_frame(&mut app, &mut term, &toggle));
}
