//! Helpers shared by the tests: for the editor, a fixture map, an app on
//! it, and key sequences fed through the same dispatch the terminal uses;
//! for the exports, every example map and readers that take exports apart;
//! for checks that need a tool, [`missing`] and [`skip`], which make a
//! skipped check visible.
#![allow(dead_code)]

mod exports;
pub mod graphviz;
pub mod markdown;
pub mod memory;
pub mod mermaid;
pub mod strategies;
pub mod tmux;

pub use exports::*;

use journey::core::format::load;
use journey::tui::app::{App, Settings};
use journey::tui::keys::parse_keys;
use journey::tui::{Flow, Screen};
use std::path::{Path, PathBuf};

/// Says that the running test skips a check, and why: on stderr, and as
/// one line in the file `JOURNEY_SKIP_LOG` names, where set. cargo test
/// hides what a passing test printed, so without the file a skip would
/// read as a pass; `.ci/run` counts the lines and prints them at the end.
pub fn skip(reason: &str) {
    // libtest names each test's thread after the test.
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let binary = std::env::current_exe()
        .ok()
        .and_then(|e| e.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .map(|s| {
            s.rsplit_once('-')
                .map_or(s.clone(), |(name, _hash)| name.to_string())
        })
        .unwrap_or_default();
    let line = format!("SKIPPED {binary}::{test}: {reason}");
    eprintln!("{line}");
    if let Some(log) = std::env::var_os("JOURNEY_SKIP_LOG") {
        use std::io::Write;
        // One short write in append mode: lines from tests running at
        // once do not mix.
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| f.write_all(format!("{line}\n").as_bytes()));
        if let Err(e) = written {
            panic!("cannot note the skip in {}: {e}", log.to_string_lossy());
        }
    }
}

/// For a check that needs something missing here: fails where `CI` is set
/// (CI installs everything the tests need, so a gap there is a failure),
/// and elsewhere skips with [`skip`].
pub fn missing(reason: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{reason}, and CI is set: .ci/run installs it; a skipped check is not a passed one");
    }
    skip(reason);
}

/// The fixture map's path.
pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/camera.ron")
}

/// An editor on a copy of the fixture in a temp folder (kept alive by the
/// returned guard), at the given size.
pub fn app_at(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("camera.ron");
    std::fs::copy(fixture(), &path).expect("copy fixture");
    let loaded = load(&path).expect("fixture loads");
    let mut app = App::open(loaded.map, path, Settings::new(false, true));
    app.handle(crossterm::event::Event::Resize(w, h));
    (app, dir)
}

/// Waits (on ticks, as the terminal loop does) until the picture the editor
/// draws in the background is done.
pub fn finish_drawing(app: &mut App) {
    let start = std::time::Instant::now();
    while app.session.drawing.is_some() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "the drawing did not finish"
        );
        app.tick();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// The editor's screen as text, one line per row, at its own size.
pub fn screen_text(app: &App) -> String {
    let (w, h) = app.view.size;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The ids of the insight panel's rows, in its order.
pub fn panel_ids(app: &App) -> Vec<String> {
    let a = app.insight.analysis().expect("figures");
    (0..a.len())
        .map(|i| a.nth(app.insight.sort, i).expect("a row").id.clone())
        .collect()
}

/// An editor at 80x24.
pub fn app() -> (App, tempfile::TempDir) {
    app_at(80, 24)
}

/// Feeds a key sequence such as `jjaFoo<Enter>`; stops at the first exit.
pub fn keys(app: &mut App, seq: &str) -> Flow {
    for event in parse_keys(seq) {
        if app.handle(event) == Flow::Exit {
            return Flow::Exit;
        }
    }
    Flow::Continue
}

/// The names of a stage's touchpoints.
pub fn names(app: &App, stage: usize) -> Vec<String> {
    app.doc.map().stages[stage]
        .touchpoints
        .iter()
        .map(|t| t.name.clone())
        .collect()
}

/// Runs `update` for a key sequence as the editor does, after each event
/// the recovery hand-over too, and returns every effect asked for without
/// carrying any out: no file is written, no picture drawn. What a carried
/// out effect would report (a save's result) never comes back, so the
/// sequence should end where the effect of interest is asked for.
pub fn effects_of(app: &mut App, seq: &str) -> Vec<journey::tui::update::Effect> {
    use journey::tui::action::{Action, Time};
    let mut effects = Vec::new();
    for event in parse_keys(seq) {
        effects.extend(journey::tui::effects_for(app, &event));
        effects.extend(journey::tui::update::update(
            app,
            Action::Time(Time::Settled),
        ));
    }
    effects
}

/// What the effects would save, in order: the file, the map its text
/// reads back as, and whether the editor would quit after it.
pub fn saves(
    effects: &[journey::tui::update::Effect],
) -> Vec<(PathBuf, journey::core::model::Map, bool)> {
    effects
        .iter()
        .filter_map(|e| match e {
            journey::tui::update::Effect::Save {
                path,
                text,
                then_quit,
                ..
            } => {
                let loaded = journey::core::format::parse_bytes(path, text.as_bytes())
                    .expect("a save's text reads back");
                Some((path.clone(), loaded.map, *then_quit))
            }
            _ => None,
        })
        .collect()
}

/// The exports the effects would write, in order.
pub fn exports(effects: &[journey::tui::update::Effect]) -> Vec<journey::tui::update::ExportJob> {
    effects
        .iter()
        .filter_map(|e| match e {
            journey::tui::update::Effect::Export(job) => Some(job.clone()),
            _ => None,
        })
        .collect()
}
