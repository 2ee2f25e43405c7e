//! The editor's insight panel and detail pane at touchpoints that no path
//! visits: the panel lists the visited ones, then says how many others
//! have no figures; the detail pane says a touchpoint is on no path.

mod common;

use common::keys;
use journey::core::model::Map;
use journey::tui::Screen;
use journey::tui::app::{App, Settings};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// The ids a path of the map visits, and those of every touchpoint.
fn visited_and_all(map: &Map) -> (BTreeSet<String>, BTreeSet<String>) {
    let visited = map
        .personas
        .iter()
        .flat_map(|p| &p.paths)
        .flat_map(|p| &p.steps)
        .map(|s| s.touchpoint.clone())
        .collect();
    let all = map.touchpoints().map(|(_, t)| t.id.clone()).collect();
    (visited, all)
}

/// Waits for the figures of the map as it is.
fn finish_insight(app: &mut App) {
    let start = Instant::now();
    while !app.insight.is_fresh() {
        assert!(start.elapsed() < Duration::from_secs(60), "no figures");
        app.tick();
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn the_panel_lists_visited_touchpoints_and_counts_the_rest() {
    // The camera map's "Friends" and "User forum" are on no path.
    let (mut app, _dir) = common::app_at(120, 40);
    let (visited, all) = visited_and_all(app.doc.map());
    assert_eq!(
        all.len() - visited.len(),
        2,
        "the fixture as this test knows it"
    );
    keys(&mut app, "i");
    let listed = common::panel_ids(&app);
    assert_eq!(listed.iter().cloned().collect::<BTreeSet<_>>(), visited);
    assert_eq!(listed.len(), visited.len(), "each once");
    let a = app.insight.fresh().expect("fresh figures");
    assert_eq!(a.unvisited, 2);
    assert!(a.row("friends").is_none() && a.row("user-forum").is_none());
    let screen = common::screen_text(&app);
    // The count is the table's last line, under the mark's legend.
    let lines: Vec<&str> = screen.lines().collect();
    let count = lines
        .iter()
        .position(|l| l.contains("2 touchpoints on no path with an outcome have no figures"))
        .unwrap_or_else(|| panic!("no count line:\n{screen}"));
    let header = lines
        .iter()
        .position(|l| l.contains("Touchpoint"))
        .unwrap_or_else(|| panic!("no header:\n{screen}"));
    let table = lines[header..count].join("\n");
    assert!(!table.contains("Friends"), "{screen}");
    assert!(!table.contains("User forum"), "{screen}");
    assert!(lines[count - 1].contains("* relied on"), "{screen}");
    for id in ["web-search", "photo-contest"] {
        let name = &a.row(id).expect("a visited touchpoint").name;
        let at = lines.iter().position(|l| l.contains(name.as_str()));
        assert!(
            at.is_some_and(|at| at < count),
            "{name} above the count:\n{screen}"
        );
    }
}

#[test]
fn the_detail_pane_says_a_touchpoint_on_no_path_has_no_figures() {
    // Friends is the third touchpoint of the first stage.
    let (mut app, _dir) = common::app_at(100, 40);
    keys(&mut app, "jj");
    let screen = common::screen_text(&app);
    assert!(screen.contains("○ Friends · "), "{screen}");
    assert!(
        screen.contains("no figures: on no path with an outcome"),
        "{screen}"
    );
    assert!(!screen.contains("Removal effect "), "{screen}");
    // And a visited one has its figures, as before.
    keys(&mut app, "k");
    let screen = common::screen_text(&app);
    assert!(screen.contains("Removal effect "), "{screen}");
    assert!(!screen.contains("no figures"), "{screen}");
}

#[test]
fn the_count_line_ends_a_long_table_too() {
    let map = journey::core::generate::generate(journey::core::generate::S1);
    let (visited, all) = visited_and_all(&map);
    let unvisited = all.len() - visited.len();
    assert!(unvisited > 1, "S1 has touchpoints on no path");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::open(map, dir.path().join("map.ron"), Settings::new(false, true));
    app.handle(crossterm::event::Event::Resize(80, 24));
    finish_insight(&mut app);
    keys(&mut app, "i");
    assert_eq!(app.insight.analysis().map(|a| a.len()), Some(visited.len()));
    let line = format!("{unvisited} touchpoints on no path with an outcome have no figures");
    assert!(
        !common::screen_text(&app).contains(&line),
        "only under the last row"
    );
    keys(&mut app, "<End>");
    let screen = common::screen_text(&app);
    assert!(screen.contains(&line), "{screen}");
}

#[test]
fn a_touchpoint_on_an_open_path_alone_is_visited_and_has_no_figures() {
    // Friends gets a path whose outcome is open: the path visits it, and
    // counts for no conversion and no drop-out.
    let mut map = journey::core::format::load(&common::fixture())
        .expect("loads")
        .map;
    let mut open = map.personas[0].paths[0].clone();
    open.id = "still-deciding".into();
    open.name = "Still deciding".into();
    open.outcome = journey::core::model::Outcome::Open;
    open.steps.truncate(1);
    open.steps[0].touchpoint = "friends".into();
    map.personas[0].paths.push(open);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::open(
        map,
        dir.path().join("camera.ron"),
        Settings::new(false, true),
    );
    app.handle(crossterm::event::Event::Resize(100, 40));
    finish_insight(&mut app);
    keys(&mut app, "jj");
    let screen = common::screen_text(&app);
    assert!(screen.contains("○ Friends · "), "{screen}");
    assert!(screen.contains("visited by "), "{screen}");
    assert!(
        screen.contains("no figures: on no path with an outcome"),
        "{screen}"
    );
    assert!(!screen.contains("no persona visits it"), "{screen}");
}
