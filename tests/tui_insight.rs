//! The editor's insight panel: keys through dispatch and `update`, its
//! figures against `analyse`, its screens, and the background analysis
//! that keeps keys fast.

mod common;

use common::keys;
use journey::core::format::load;
use journey::core::insight::{Column, Report, analyse, input};
use journey::core::model::Map;
use journey::tui::Screen;
use journey::tui::app::{App, Overlay, Settings};
use journey::tui::insight::Sort;
use journey::tui::keymap::Mode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::{Duration, Instant};

/// An editor on a copy of one of the example maps, at `w` x `h`.
fn example(name: &str, w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps")
        .join(name);
    std::fs::copy(source, &path).expect("copy the example");
    let map = load(&path).expect("the example loads").map;
    let mut app = App::open(map, path, Settings::new(false, true));
    app.handle(crossterm::event::Event::Resize(w, h));
    (app, dir)
}

/// An editor on `map`, which is not on disk.
fn on_map(map: Map, w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::open(map, dir.path().join("map.ron"), Settings::new(false, true));
    app.handle(crossterm::event::Event::Resize(w, h));
    (app, dir)
}

/// The report of `journey insight` as the panel holds it: the rows of
/// touchpoints that a path visits (the others have only zeros).
fn report(map: &Map) -> Report {
    let input = input::from_map(map, None).expect("the map's paths");
    let mut report = analyse(map, &input, &[]).expect("an analysis");
    report.rows.retain(|r| r.paths > 0);
    report
}

/// `report` as the editor keeps it: the rows' ids and names are read from
/// the map when a row is read (`Analysis::nth`, `Analysis::row`).
fn unnamed(mut report: Report) -> Report {
    for r in &mut report.rows {
        for text in [&mut r.id, &mut r.name, &mut r.stage, &mut r.stage_name] {
            text.clear();
        }
    }
    report
}

/// Whether a path of the map visits the touchpoint.
fn visited(map: &Map, id: &str) -> bool {
    map.personas
        .iter()
        .flat_map(|p| &p.paths)
        .flat_map(|p| &p.steps)
        .any(|s| s.touchpoint == id)
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    terminal
}

/// Ticks, as the terminal loop does while no key comes, until the figures
/// follow the map; fails after `at_most`.
fn finish_insight(app: &mut App, at_most: Duration) {
    let start = Instant::now();
    while !app.insight.is_fresh() {
        assert!(
            start.elapsed() < at_most,
            "the analysis did not arrive in {at_most:?}"
        );
        app.tick();
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn cursor(app: &App) -> usize {
    match app.overlay() {
        Some(Overlay::Insight { cursor }) => *cursor,
        ref other => panic!("the insight panel should be open, got {other:?}"),
    }
}

#[test]
fn i_opens_the_panel_sorted_by_removal_effect_and_esc_closes_it() {
    let (mut app, _dir) = example("date.ron", 80, 24);
    let before = app.view;
    keys(&mut app, "i");
    assert_eq!(app.mode(), Mode::Insight);
    assert_eq!(cursor(&app), 0);
    assert_eq!(app.insight.sort.column, Column::RemovalEffect);
    let expected: Vec<String> = report(app.doc.map())
        .sorted(Column::RemovalEffect)
        .iter()
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(common::panel_ids(&app), expected);
    assert_eq!(expected[0], "kaffee", "the coffee is relied on the most");
    keys(&mut app, "jj<Esc>");
    assert!(app.overlay().is_none());
    assert_eq!(app.view, before, "Esc leaves the board's selection alone");
}

#[test]
fn s_cycles_the_sort_column_and_r_reverses_it() {
    let (mut app, _dir) = example("date.ron", 80, 24);
    let report = report(app.doc.map());
    keys(&mut app, "is");
    assert_eq!(app.insight.sort.column, Column::Markov);
    let by = |c: Column| -> Vec<String> { report.sorted(c).iter().map(|r| r.id.clone()).collect() };
    assert_eq!(common::panel_ids(&app), by(Column::Markov));
    keys(&mut app, "r");
    assert!(app.insight.sort.reversed);
    let mut reversed = by(Column::Markov);
    reversed.reverse();
    assert_eq!(common::panel_ids(&app), reversed);
    // Round the whole cycle and back: every column once, then the start.
    keys(&mut app, "r");
    for _ in 0..Column::ALL.len() - 1 {
        keys(&mut app, "s");
    }
    assert_eq!(app.insight.sort, Sort::default());
    // After Markov comes the map's own order; back with Left (or S).
    keys(&mut app, "ss");
    assert_eq!(app.insight.sort.column, Column::Map);
    assert_eq!(common::panel_ids(&app), by(Column::Map));
    keys(&mut app, "<Left>S");
    assert_eq!(app.insight.sort, Sort::default());
}

#[test]
fn sorting_keeps_the_cursor_on_its_touchpoint() {
    let (mut app, _dir) = example("date.ron", 80, 24);
    keys(&mut app, "ijj");
    let a = app.insight.analysis().expect("figures");
    let id = a.nth(app.insight.sort, 2).expect("row").id.clone();
    keys(&mut app, "sr");
    let a = app.insight.analysis().expect("figures");
    let now = a.nth(app.insight.sort, cursor(&app)).expect("row");
    assert_eq!(now.id, id);
}

#[test]
fn enter_jumps_to_the_touchpoint_on_the_board_and_closes() {
    let (mut app, _dir) = example("date.ron", 80, 24);
    // By removal effect: the coffee, then the jetty.
    keys(&mut app, "ij");
    let row = app
        .insight
        .analysis()
        .and_then(|a| a.nth(app.insight.sort, 1))
        .expect("a second row")
        .clone();
    assert_eq!(row.id, "seesteg");
    keys(&mut app, "<Enter>");
    assert!(app.overlay().is_none(), "the panel closes");
    let at = app.view.touchpoint().expect("a touchpoint is selected");
    let t = &app.doc.map().stages[at.stage].touchpoints[at.index];
    assert_eq!(t.id, "seesteg");
    // Reversed, the last row comes first: the bar, on no converting path.
    keys(&mut app, "ir<Home><Enter>");
    let at = app.view.touchpoint().expect("a touchpoint is selected");
    assert_eq!(
        app.doc.map().stages[at.stage].touchpoints[at.index].id,
        "bar"
    );
}

#[test]
fn the_panel_shows_the_figures_of_analyse() {
    for name in [
        "date.ron",
        "camera.ron",
        "mentor.ron",
        "podcast.ron",
        "logistics.ron",
    ] {
        let (mut app, _dir) = example(name, 120, 40);
        keys(&mut app, "i");
        let expected = report(app.doc.map());
        let a = app.insight.fresh().expect("fresh figures");
        let got = a.report().expect("a report");
        assert_eq!(got, &unnamed(expected.clone()), "{name}");
        for (i, row) in expected.sorted(Column::RemovalEffect).iter().enumerate() {
            assert_eq!(
                a.nth(Sort::default(), i).as_ref(),
                Some(*row),
                "{name} row {i}"
            );
            assert_eq!(a.row(&row.id).as_ref(), Some(*row));
        }
        // Every order, by name too, with the names read from the map.
        for column in Column::ALL {
            let sort = Sort {
                column,
                reversed: false,
            };
            for (i, row) in expected.sorted(column).iter().enumerate() {
                assert_eq!(a.nth(sort, i).as_ref(), Some(*row), "{name} {column:?} {i}");
            }
        }
    }
}

#[test]
fn the_detail_pane_shows_removal_effect_last_touch_and_relied_on() {
    let (app, _dir) = example("date.ron", 80, 24);
    // The coffee is selected first: no last touch, but relied on.
    let screen = common::screen_text(&app);
    assert!(
        screen.contains("Entfernungseffekt 100% · Letzter 0.0 · tragend"),
        "{screen}"
    );
    let (mut app, _dir) = example("date.ron", 80, 24);
    keys(&mut app, "lljj");
    let screen = common::screen_text(&app);
    assert!(screen.contains("● Seesteg"), "{screen}");
    let line = screen
        .lines()
        .find(|l| l.starts_with("Entfernungseffekt"))
        .unwrap_or_default();
    // At 24 lines the figures lead the line of visits.
    assert_eq!(
        line.split(" · besucht von").next(),
        Some("Entfernungseffekt 100% · Letzter 60.0"),
        "the jetty gets the last touch and is not relied on:\n{screen}"
    );
}

#[test]
fn updating_shows_after_an_edit_until_the_result_arrives() {
    let (mut app, _dir) = common::app();
    assert!(
        app.insight.is_fresh(),
        "a small map is analysed as it opens"
    );
    assert!(!common::screen_text(&app).contains("updating…"));
    // Taking the first step out of the first path changes the figures.
    keys(&mut app, "p<Enter> ");
    assert!(!app.insight.is_fresh());
    let screen = common::screen_text(&app);
    assert!(screen.contains("updating…"), "{screen}");
    keys(&mut app, "i");
    assert!(common::screen_text(&app).contains("Insight · sorted by Removal effect ▼ · updating…"));
    finish_insight(&mut app, Duration::from_secs(30));
    let screen = common::screen_text(&app);
    assert!(!screen.contains("updating…"), "{screen}");
    let a = app.insight.fresh().expect("fresh figures");
    assert_eq!(a.report(), Some(&unnamed(report(app.doc.map()))));
    keys(&mut app, "<Esc>");
    // The step taken out was the web search's only one.
    let screen = common::screen_text(&app);
    assert!(screen.contains("○ Web search · "), "{screen}");
    assert!(
        screen.contains("no figures: on no path with an outcome"),
        "{screen}"
    );
    keys(&mut app, "j");
    let screen = common::screen_text(&app);
    assert!(screen.contains("● Instagram ads · "), "{screen}");
    assert!(screen.contains("Removal effect "), "{screen}");
}

#[test]
fn a_result_for_an_older_state_is_dropped() {
    let (mut app, _dir) = common::app();
    keys(&mut app, "t");
    let first = app.insight.generation();
    let reply = app
        .insight
        .wait(Duration::from_secs(30))
        .expect("the first analysis");
    assert_eq!(reply.generation, first);
    // Another edit before that result is taken: it is out of date.
    keys(&mut app, "t");
    assert!(app.insight.generation() > first);
    let stale = app.insight.analysis().map(|a| a as *const _);
    journey::tui::update::update(&mut app, journey::tui::action::Action::InsightReady(reply));
    assert!(
        !app.insight.is_fresh(),
        "the old result is not taken as current"
    );
    assert_eq!(app.insight.analysis().map(|a| a as *const _), stale);
    finish_insight(&mut app, Duration::from_secs(30));
    assert_eq!(
        app.insight.fresh().and_then(|a| a.report()),
        Some(&unnamed(report(app.doc.map())))
    );
}

#[test]
fn a_key_at_s3_does_not_wait_for_the_analysis() {
    let map = journey::core::generate::generate(journey::core::generate::S3);
    let (mut app, _dir) = on_map(map, 80, 24);
    assert!(
        !app.insight.is_fresh(),
        "a map this big is analysed in the background, not as it opens"
    );
    let start = Instant::now();
    finish_insight(&mut app, Duration::from_secs(600));
    eprintln!("S3: the first analysis arrived after {:?}", start.elapsed());
    let before = app.insight.generation();
    // Toggling the kind changes a row of the table. The time is printed,
    // not asserted: the benches hold the budgets.
    let key = Instant::now();
    keys(&mut app, "t");
    eprintln!("S3: the edit key returned after {:?}", key.elapsed());
    // What of that is the insight's: noting the new state and handing the
    // map to an idle worker (on a copy of the document, so the editor's
    // own state stays as it is).
    let mut other = journey::tui::insight::Insight::default();
    let mut doc = app.doc.clone();
    other.follow(&doc);
    let first = other.wait(Duration::from_secs(600)).expect("a reply");
    other.deliver(first);
    let at = app.view.touchpoint().expect("selected");
    let edit = journey::core::edit::Edit::toggle_kind(doc.map(), at).expect("an edit");
    doc.apply(edit).expect("applies");
    let follow = Instant::now();
    other.follow(&doc);
    eprintln!(
        "S3: of which the insight's part takes {:?}",
        follow.elapsed()
    );
    assert!(!other.is_fresh());
    assert!(app.insight.generation() > before, "the edit was seen");
    assert!(
        !app.insight.is_fresh(),
        "right after the key, the figures are not there yet"
    );
    assert!(common::screen_text(&app).contains("updating…"));
    // Moving on is a key like any other; the analysis still runs.
    keys(&mut app, "jj");
    assert!(common::screen_text(&app).contains("updating…"));
    let start = Instant::now();
    finish_insight(&mut app, Duration::from_secs(600));
    eprintln!("S3: the analysis after the edit took {:?}", start.elapsed());
    let at = app.view.touchpoint().expect("selected");
    let id = app.doc.map().stages[at.stage].touchpoints[at.index]
        .id
        .clone();
    let a = app.insight.fresh().expect("fresh");
    assert_eq!(a.row(&id).is_some(), visited(app.doc.map(), &id));
    assert_eq!(a.len() + a.unvisited, app.doc.map().touchpoints().count());
    assert!(!common::screen_text(&app).contains("updating…"));
}

#[test]
fn a_map_without_paths_says_what_the_cli_says() {
    for template in ["five-stage", "aida"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("new.ron");
        let made = std::process::Command::new(env!("CARGO_BIN_EXE_journey"))
            .args(["new", "--template", template])
            .arg(&file)
            .output()
            .expect("journey new");
        assert!(made.status.success(), "{made:?}");
        let cli = std::process::Command::new(env!("CARGO_BIN_EXE_journey"))
            .arg("insight")
            .arg(&file)
            .output()
            .expect("journey insight");
        assert!(cli.status.success(), "{cli:?}");
        let cli = String::from_utf8(cli.stdout).expect("UTF-8");
        let first = cli.lines().next().expect("a totals line");
        let map = load(&file).expect("loads").map;
        let (mut app, _dir) = on_map(map, 80, 24);
        keys(&mut app, "i");
        let screen = common::screen_text(&app);
        assert!(screen.contains(first), "{first:?} missing:\n{screen}");
        assert!(
            screen.contains("Touchpoint"),
            "the table's header:\n{screen}"
        );
    }
}

#[test]
fn touchpoints_on_no_converting_path_are_listed_with_zeros() {
    let mut map = load(&common::fixture()).expect("fixture").map;
    for p in &mut map.personas {
        for path in &mut p.paths {
            path.outcome = journey::core::model::Outcome::DroppedOut;
        }
    }
    let (mut app, _dir) = on_map(map, 80, 24);
    keys(&mut app, "i");
    let screen = common::screen_text(&app);
    let first = app.doc.map().stages[0].touchpoints[0].name.clone();
    assert!(screen.contains("0 conversions, "), "{screen}");
    assert!(screen.contains(&first), "{screen}");
    assert!(screen.contains("0%"), "{screen}");
}

#[test]
fn help_lists_the_panels_keys() {
    let (mut app, _dir) = example("date.ron", 120, 40);
    keys(&mut app, "i?");
    let mut screen = common::screen_text(&app);
    // The help scrolls; look through it.
    for _ in 0..40 {
        if screen.contains("Insight panel (i)") {
            break;
        }
        keys(&mut app, "<PgDn>");
        screen = common::screen_text(&app);
    }
    assert!(screen.contains("Insight panel (i)"), "{screen}");
    // Esc closes the help only: the panel it was asked from is back.
    keys(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Insight);
    let screen = common::screen_text(&app);
    assert!(
        screen.contains("s sort") && screen.contains("r reverse"),
        "{screen}"
    );
}

#[test]
fn panel_80x24() {
    let (mut app, _dir) = example("date.ron", 80, 24);
    keys(&mut app, "ij");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn panel_120x40() {
    let (mut app, _dir) = example("date.ron", 120, 40);
    keys(&mut app, "isr");
    insta::assert_snapshot!(draw(&app, 120, 40).backend());
}

#[test]
fn panel_camera_120x40() {
    let (mut app, _dir) = common::app_at(120, 40);
    keys(&mut app, "i");
    insta::assert_snapshot!(draw(&app, 120, 40).backend());
}

#[test]
fn an_example_has_its_figures_before_the_first_frame() {
    let (app, _dir) = example("logistics.ron", 80, 24);
    assert!(app.insight.is_fresh(), "analysed as the editor opens");
    assert!(!common::screen_text(&app).contains("updating…"));
    // What that would cost at S1, which therefore opens with the figures
    // in the background: printed, not asserted (the benches hold budgets).
    let map = journey::core::generate::generate(journey::core::generate::S1);
    let start = Instant::now();
    let analysis = journey::tui::insight::Analysis::of(std::sync::Arc::new(map.clone()));
    eprintln!("S1: the figures would take {:?}", start.elapsed());
    assert_eq!(analysis.report(), Some(&unnamed(report(&map))));
    let (mut app, _dir) = on_map(map, 80, 24);
    assert!(!app.insight.is_fresh(), "S1 starts in the background");
    finish_insight(&mut app, Duration::from_secs(60));
}

#[test]
fn the_panel_draws_at_any_size() {
    for (w, h) in [
        (1, 1),
        (2, 3),
        (10, 5),
        (20, 8),
        (30, 12),
        (40, 16),
        (79, 23),
    ] {
        let (mut app, _dir) = example("date.ron", w, h);
        keys(&mut app, "ij");
        draw(&app, w, h);
        // Stale, with the old figures under "updating…".
        keys(&mut app, "<Esc>ti");
        draw(&app, w, h);
    }
}
