//! Edit keys to their finished frame (DESIGN.md's "Edit keys" budget): each
//! bench drives the editor with one edit key, as a user would press it, and
//! draws the frame on a 200x50 test terminal, at S1, S2 and S3. The
//! recovery writer runs as in the real editor, on its own thread.
//! Run with `cargo bench --bench edit`.

use journey::core::generate::{S1, S2, S3, Size, generate};
use journey::core::recovery::RecoveryStore;
use journey::recovery::Keeper;
use journey::tui::Screen;
use journey::tui::action::Action;
use journey::tui::app::{App, Settings};
use journey::tui::keys::parse_keys;
use journey::tui::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::cell::RefCell;

const W: u16 = 200;
const H: u16 = 50;

fn size(name: &str) -> Size {
    match name {
        "S2" => S2,
        "S3" => S3,
        _ => S1,
    }
}

/// An editor on a generated map with a live recovery writer, sized to the
/// test terminal, and the directory its recovery files go to.
fn app(name: &str) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bench.ron");
    let mut app = App::open(
        generate(size(name)),
        file.clone(),
        Settings::new(false, true),
    );
    let store = RecoveryStore::in_dir(dir.path().join("recovery"));
    app.session.keeper = Some(Keeper::new(store, &file, None));
    update::update(&mut app, Action::Resize(W, H));
    (app, dir)
}

fn press(app: &mut App, keys: &str) {
    for event in parse_keys(keys) {
        app.handle(event);
    }
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(W, H)).expect("terminal")
}

/// Presses `keys` (alternating between the two) and draws, per sample.
fn alternate(bencher: divan::Bencher, name: &str, before: &str, keys: [&str; 2]) {
    let (mut app, _dir) = app(name);
    press(&mut app, before);
    let mut term = terminal();
    let keys = keys.map(parse_keys);
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        for e in &keys[usize::from(flip)] {
            app.handle(e.clone());
        }
        term.draw(|f| app.draw(f)).map(|_| ()).expect("draw");
    });
}

/// Untimed `setup` before each sample, then `key` and the frame, timed.
fn after_setup(bencher: divan::Bencher, name: &str, before: &str, setup: &str, key: &str) {
    let (mut app, _dir) = app(name);
    press(&mut app, before);
    if before.starts_with('p') && !on_path(&app) {
        // The untimed Space takes the step out, so it must be in first.
        press(&mut app, "<Space>");
        assert!(on_path(&app), "Space adds the selection to the path");
    }
    let app = RefCell::new(app);
    let mut term = terminal();
    let setup = parse_keys(setup);
    let key = parse_keys(key);
    bencher
        .with_inputs(|| {
            let mut app = app.borrow_mut();
            for e in &setup {
                app.handle(e.clone());
            }
        })
        .bench_local_values(|()| {
            let mut app = app.borrow_mut();
            for e in &key {
                app.handle(e.clone());
            }
            term.draw(|f| app.draw(f)).map(|_| ()).expect("draw");
        });
}

/// Whether the selected touchpoint is a step of the path shown.
fn on_path(app: &App) -> bool {
    let Some(at) = app.view.touchpoint() else {
        return false;
    };
    let id = &app.doc.map().stages[at.stage].touchpoints[at.index].id;
    app.derived
        .path
        .as_ref()
        .is_some_and(|p| !p.numbers(id).is_empty())
}

fn main() {
    divan::main();
}

/// `t`: the selected touchpoint turns direct or indirect.
#[divan::bench(args = ["S1", "S2", "S3"], sample_size = 1, sample_count = 100)]
fn toggle_kind(bencher: divan::Bencher, name: &str) {
    alternate(bencher, name, "jj", ["t", "t"]);
}

/// `L` and `H`: the selected touchpoint moves to the next stage and back.
#[divan::bench(args = ["S1", "S2", "S3"], sample_size = 1, sample_count = 100)]
fn move_touchpoint(bencher: divan::Bencher, name: &str) {
    alternate(bencher, name, "jj", ["L", "H"]);
}

/// Enter on the add form: a touchpoint is added below the selection. Each
/// sample first undoes the last one and opens the form again, untimed.
#[divan::bench(args = ["S1", "S2", "S3"], sample_size = 1, sample_count = 100)]
fn confirm_add(bencher: divan::Bencher, name: &str) {
    after_setup(bencher, name, "jj", "uax", "<Enter>");
}

/// `u`: the last edit (a kind toggle, made untimed) is undone.
#[divan::bench(args = ["S1", "S2", "S3"], sample_size = 1, sample_count = 100)]
fn undo(bencher: divan::Bencher, name: &str) {
    after_setup(bencher, name, "jj", "t", "u");
}

/// Space with the first persona's path shown: the selected touchpoint
/// becomes a step of the path. Each sample first takes it out, untimed.
#[divan::bench(args = ["S1", "S2", "S3"], sample_size = 1, sample_count = 100)]
fn add_path_step(bencher: divan::Bencher, name: &str) {
    after_setup(bencher, name, "p<Enter>jjjL", "<Space>", "<Space>");
}

/// One character typed into a touchpoint's notes in the edit form, and
/// taken out again.
#[divan::bench(args = ["S1", "S2"], sample_size = 1, sample_count = 100)]
fn type_in_form(bencher: divan::Bencher, name: &str) {
    alternate(bencher, name, "je<Tab><Tab><Tab>", ["x", "<BS>"]);
}
