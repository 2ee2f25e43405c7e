//! Personas, paths, steps, problems and search driven by key sequences
//! through the same dispatch the terminal uses, asserting on the map and
//! the editor's state, with undo after each edit.

mod common;

use common::{app, keys};
use journey::core::model::{Map, Outcome};
use journey::tui::app::{App, Overlay};

fn map(app: &App) -> &Map {
    app.doc.map()
}

fn steps(app: &App, persona: usize, path: usize) -> Vec<String> {
    map(app).personas[persona].paths[path]
        .steps
        .iter()
        .map(|s| s.touchpoint.clone())
        .collect()
}

fn persona_names(app: &App) -> Vec<String> {
    map(app).personas.iter().map(|p| p.name.clone()).collect()
}

#[test]
fn the_picker_makes_a_persona_current_and_esc_clears_it() {
    let (mut app, _dir) = app();
    keys(&mut app, "p");
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Personas { cursor: 0 })
    ));
    keys(&mut app, "j<Enter>");
    assert!(app.overlay().is_none());
    assert_eq!(app.current.persona, Some(1));
    let view = app.derived.path.as_ref().expect("the path is shown");
    assert_eq!(view.numbers("instagram-ads"), [1]);
    assert_eq!(view.crumbs.len(), 5);
    keys(&mut app, "p<Esc>");
    assert_eq!(app.current.persona, None);
    assert!(app.derived.path.is_none());
    assert!(app.overlay().is_none());
}

#[test]
fn brackets_switch_between_a_personas_paths() {
    let (mut app, _dir) = app();
    keys(&mut app, "pj<Enter>]");
    assert_eq!(app.current.path, 1);
    let view = app.derived.path.as_ref().expect("path");
    assert_eq!(view.numbers("price-comparison"), [3]);
    assert_eq!(view.lowest, Some(2), "the −2 step is the lowest");
    keys(&mut app, "]");
    assert_eq!(app.current.path, 0, "wraps around");
    keys(&mut app, "[");
    assert_eq!(app.current.path, 1);
}

#[test]
fn new_persona_with_description_then_undo() {
    let (mut app, _dir) = app();
    keys(&mut app, "PKritische Käuferin<Tab>Liest alles.<Enter>");
    let p = map(&app).personas.last().expect("persona");
    assert_eq!(p.name, "Kritische Käuferin");
    assert_eq!(p.id, "kritische-kaeuferin");
    assert_eq!(p.description, "Liest alles.");
    assert_eq!(app.current.persona, Some(2), "the new persona is current");
    keys(&mut app, "u");
    assert_eq!(map(&app).personas.len(), 2);
    assert_eq!(app.current.persona, None);
    assert!(!app.doc.is_dirty());
}

#[test]
fn rename_describe_and_reorder_personas_in_the_picker() {
    let (mut app, _dir) = app();
    keys(&mut app, "pe<End>!<Tab><End> Always.<Enter>");
    assert!(matches!(app.overlay(), Some(Overlay::Personas { .. })));
    let p = &map(&app).personas[0];
    assert_eq!(p.name, "Critical buyer!");
    assert_eq!(p.id, "critical-buyer", "a rename keeps the id");
    assert!(p.description.ends_with("before buying. Always."));
    keys(&mut app, "u");
    assert_eq!(map(&app).personas[0].name, "Critical buyer");
    keys(&mut app, "J");
    assert_eq!(persona_names(&app), ["Experience seeker", "Critical buyer"]);
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Personas { cursor: 1 })
    ));
    keys(&mut app, "K");
    assert_eq!(persona_names(&app), ["Critical buyer", "Experience seeker"]);
    keys(&mut app, "J<Enter>");
    assert_eq!(app.current.persona, Some(1));
    keys(&mut app, "uuu");
    assert_eq!(persona_names(&app), ["Critical buyer", "Experience seeker"]);
    assert!(!app.doc.is_dirty(), "every change undone");
}

#[test]
fn deleting_a_persona_asks_and_says_how_many_paths_go() {
    let (mut app, _dir) = app();
    keys(&mut app, "pjd");
    match app.overlay() {
        Some(Overlay::Confirm(c)) => {
            assert!(
                c.lines.iter().any(|l| l.contains("2 paths go with it")),
                "{c:?}"
            );
        }
        other => panic!("expected a question, got {other:?}"),
    }
    keys(&mut app, "n");
    assert_eq!(map(&app).personas.len(), 2, "no keeps it");
    // Still in the picker, on the same persona.
    keys(&mut app, "dy");
    assert_eq!(persona_names(&app), ["Critical buyer"]);
    keys(&mut app, "<Esc>u");
    assert_eq!(persona_names(&app), ["Critical buyer", "Experience seeker"]);
    assert_eq!(
        map(&app).personas[1].paths.len(),
        2,
        "undo brings the paths back"
    );
}

#[test]
fn space_adds_in_stage_order_and_removes() {
    let (mut app, _dir) = app();
    // Critical buyer: web-search, photo-blogs, magazine-test,
    // price-comparison, online-shop, customer-service.
    keys(&mut app, "p<Enter>");
    // Friends (awareness) goes after web-search, the last awareness step.
    keys(&mut app, "jj ");
    assert_eq!(
        steps(&app, 0, 0)[..3],
        ["web-search", "friends", "photo-blogs"]
    );
    // Store visit (decision) goes after online-shop, the last decision step.
    keys(&mut app, "llgj ");
    assert_eq!(
        steps(&app, 0, 0)[5..],
        ["online-shop", "store-visit", "customer-service"]
    );
    // Photo contest (advocacy) goes last.
    keys(&mut app, "llj ");
    assert_eq!(
        steps(&app, 0, 0).last().map(String::as_str),
        Some("photo-contest")
    );
    assert_eq!(steps(&app, 0, 0).len(), 9);
    // Space on a visited touchpoint takes it out.
    keys(&mut app, " ");
    assert_eq!(steps(&app, 0, 0).len(), 8);
    keys(&mut app, "u");
    assert_eq!(steps(&app, 0, 0).len(), 9);
    keys(&mut app, "uuu");
    assert_eq!(steps(&app, 0, 0).len(), 6);
    assert!(!app.doc.is_dirty());
}

#[test]
fn a_persona_without_a_path_gets_one_named_after_it() {
    let (mut app, _dir) = app();
    keys(&mut app, "PKritische Käuferin<Enter>");
    keys(&mut app, " ");
    let p = &map(&app).personas[2];
    assert_eq!(p.paths.len(), 1);
    // The persona's name and the map's word for a path (the fixture is
    // English): never the persona's own id with `-2`.
    assert_eq!(p.paths[0].name, "Kritische Käuferin: path");
    assert_eq!(p.paths[0].id, "kritische-kaeuferin-path");
    assert_eq!(steps(&app, 2, 0), ["web-search"]);
    keys(&mut app, "l l ");
    assert_eq!(
        steps(&app, 2, 0),
        ["web-search", "photo-blogs", "store-visit"]
    );
    keys(&mut app, "uuu");
    assert!(map(&app).personas[2].paths.is_empty());
}

#[test]
fn space_without_a_persona_says_what_to_do() {
    let (mut app, _dir) = app();
    let before = map(&app).clone();
    keys(&mut app, " ");
    assert_eq!(map(&app), &before);
    let m = app.message.as_ref().expect("a message");
    assert!(m.error && m.text.contains("p picks one"), "{m:?}");
}

#[test]
fn the_path_panel_reorders_removes_and_sets_emotions() {
    let (mut app, _dir) = app();
    keys(&mut app, "p<Enter>s");
    assert!(matches!(app.overlay(), Some(Overlay::Path)));
    keys(&mut app, "J");
    assert_eq!(steps(&app, 0, 0)[..2], ["photo-blogs", "web-search"]);
    assert_eq!(app.current.step, 1, "the cursor follows the step");
    keys(&mut app, "K");
    assert_eq!(steps(&app, 0, 0)[..2], ["web-search", "photo-blogs"]);
    // Emotion: 0 → −1 → −2, and not below.
    keys(&mut app, "---");
    let emotion = |app: &App| map(app).personas[0].paths[0].steps[0].emotion;
    assert_eq!(emotion(&app), Some(-2));
    keys(&mut app, "+");
    assert_eq!(emotion(&app), Some(-1));
    keys(&mut app, "uuu");
    assert_eq!(emotion(&app), Some(0));
    assert_eq!(
        app.derived.path.as_ref().map(|p| p.crumbs[0].emotion),
        Some(Some(0))
    );
    keys(&mut app, "jd");
    assert_eq!(steps(&app, 0, 0).len(), 5);
    assert!(!steps(&app, 0, 0).contains(&"photo-blogs".to_string()));
    keys(&mut app, "u");
    assert_eq!(steps(&app, 0, 0)[1], "photo-blogs");
}

#[test]
fn a_steps_note_and_emotion_in_a_form() {
    let (mut app, _dir) = app();
    keys(
        &mut app,
        "p<Enter>sjje<Left><Left><Tab><End> Really.<Enter>",
    );
    assert!(
        matches!(app.overlay(), Some(Overlay::Path)),
        "back in the panel"
    );
    let step = &map(&app).personas[0].paths[0].steps[2];
    assert_eq!(step.emotion, Some(-1), "from +1, two choices left");
    assert_eq!(step.note, "The score settles it. Really.");
    keys(&mut app, "u");
    let step = &map(&app).personas[0].paths[0].steps[2];
    assert_eq!(
        (step.emotion, step.note.as_str()),
        (Some(1), "The score settles it.")
    );
}

#[test]
fn enter_in_the_path_panel_jumps_to_the_touchpoint() {
    let (mut app, _dir) = app();
    keys(&mut app, "p<Enter>sjjj<Enter>");
    assert!(app.overlay().is_none());
    assert_eq!(
        (app.view.stage, app.view.row),
        (2, Some(2)),
        "price comparison"
    );
}

#[test]
fn paths_are_created_renamed_given_an_outcome_and_deleted() {
    let (mut app, _dir) = app();
    keys(&mut app, "p<Enter>snVia the forum<Enter>");
    let p = &map(&app).personas[0];
    assert_eq!(p.paths.len(), 2);
    assert_eq!(p.paths[1].id, "via-the-forum");
    assert_eq!(p.paths[1].outcome, Outcome::Open);
    assert_eq!(app.current.path, 1, "the new path is current");
    keys(&mut app, "o");
    assert_eq!(map(&app).personas[0].paths[1].outcome, Outcome::Converted);
    keys(&mut app, "o");
    assert_eq!(map(&app).personas[0].paths[1].outcome, Outcome::DroppedOut);
    keys(&mut app, "u");
    assert_eq!(map(&app).personas[0].paths[1].outcome, Outcome::Converted);
    keys(&mut app, "r<End> too<Tab><Right><Enter>");
    let path = &map(&app).personas[0].paths[1];
    assert_eq!(path.name, "Via the forum too");
    assert_eq!(path.outcome, Outcome::DroppedOut);
    assert_eq!(path.id, "via-the-forum");
    keys(&mut app, "D");
    assert!(matches!(app.overlay(), Some(Overlay::Confirm(_))));
    keys(&mut app, "y");
    assert_eq!(map(&app).personas[0].paths.len(), 1);
    keys(&mut app, "uuuu");
    assert_eq!(map(&app).personas[0].paths.len(), 1);
    assert!(!app.doc.is_dirty(), "all undone");
}

#[test]
fn the_problems_panel_lists_findings_and_jumps() {
    let (mut app, _dir) = app();
    let count = app.doc.problems().len();
    assert!(count > 0, "the fixture has unvisited touchpoints");
    keys(&mut app, "v");
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Problems { cursor: 0 })
    ));
    let first = app.doc.problems().first().expect("a finding");
    keys(&mut app, "<Enter>");
    match first.item {
        journey::core::validate::Item::Touchpoint { stage, index } => {
            assert_eq!((app.view.stage, app.view.row), (stage, Some(index)));
        }
        other => panic!("expected a touchpoint finding, got {other:?}"),
    }
    // Live: adding the touchpoint to a path fixes the finding.
    keys(&mut app, "p<Enter> ");
    assert_eq!(app.doc.problems().len(), count - 1);
    keys(&mut app, "u");
    assert_eq!(app.doc.problems().len(), count);
}

#[test]
fn a_persona_finding_jumps_to_the_picker() {
    let (mut app, _dir) = app();
    keys(&mut app, "PNobody<Enter>v");
    let at = app
        .doc
        .problems()
        .iter()
        .position(|d| d.rule.name() == "persona-without-path")
        .expect("the new persona has no path");
    for _ in 0..at {
        keys(&mut app, "j");
    }
    keys(&mut app, "<Enter>");
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Personas { cursor: 2 })
    ));
    assert_eq!(app.current.persona, Some(2));
}

#[test]
fn search_finds_by_name_channel_and_notes_and_n_moves() {
    let (mut app, _dir) = app();
    keys(&mut app, "/phone<Enter>");
    let found: Vec<(usize, usize)> = app
        .derived
        .matches
        .iter()
        .map(|m| (m.stage, m.index))
        .collect();
    assert!(!found.is_empty());
    let first = found[0];
    assert_eq!((app.view.stage, app.view.row), (first.0, Some(first.1)));
    let said = &app.message.as_ref().expect("a message").text;
    if found.len() > 1 {
        assert!(
            said.starts_with(&format!("match 1 of {}", found.len())),
            "{said}"
        );
    }
    keys(&mut app, "n");
    let second = found.get(1).copied().unwrap_or(first);
    assert_eq!((app.view.stage, app.view.row), (second.0, Some(second.1)));
    keys(&mut app, "N");
    assert_eq!((app.view.stage, app.view.row), (first.0, Some(first.1)));
    // Notes count: "The score settles it." is a step note, not a touchpoint
    // note, so it is not found; a name is.
    keys(&mut app, "/youtube<Enter>");
    assert_eq!(app.derived.matches.len(), 1);
    assert_eq!((app.view.stage, app.view.row), (1, Some(3)));
    keys(&mut app, "/<Enter>");
    assert!(app.search.is_empty());
    assert!(app.derived.matches.is_empty());
}

#[test]
fn help_lists_the_new_keys() {
    let keymap = journey::tui::keymap::Keymap::default();
    let rows = keymap.help_rows(journey::tui::keymap::Mode::Board, false);
    for key in ["p", "P", "Space", "[", "]", "s", "v", "/", "n", "N", "x"] {
        assert!(
            rows.iter().any(|(k, _)| k == key),
            "{key} missing from help"
        );
    }
    let path = keymap.help_rows(journey::tui::keymap::Mode::Path, false);
    for key in [
        "+ / =",
        "-",
        "J / Shift+↓",
        "K / Shift+↑",
        "d",
        "e",
        "o",
        "Enter",
    ] {
        assert!(
            path.iter().any(|(k, _)| k == key),
            "{key} missing from path help"
        );
    }
}

#[test]
fn undoing_a_reorder_keeps_the_persona_shown_on_the_board() {
    let (mut app, _dir) = app();
    // Show the second persona, then move the first one below it and undo.
    keys(&mut app, "pj<Enter>");
    let shown = map(&app).personas[1].id.clone();
    keys(&mut app, "pkJq");
    assert_eq!(map(&app).personas[0].id, shown);
    assert_eq!(
        app.current.persona(map(&app)).map(|p| p.id.clone()),
        Some(shown.clone())
    );
    keys(&mut app, "u");
    assert_eq!(map(&app).personas[1].id, shown);
    assert_eq!(
        app.current.persona(map(&app)).map(|p| p.id.clone()),
        Some(shown.clone())
    );
    keys(&mut app, "<C-r>");
    assert_eq!(
        app.current.persona(map(&app)).map(|p| p.id.clone()),
        Some(shown)
    );
}

/// Saying no to a delete, or cancelling a new persona, goes back to the
/// picker rather than to the board.
#[test]
fn keeping_or_cancelling_goes_back_to_the_picker() {
    let (mut app, _dir) = app();
    let names = persona_names(&app);
    keys(&mut app, "pjdn");
    assert!(
        matches!(app.overlay(), Some(Overlay::Personas { cursor: 1 })),
        "{:?}",
        app.overlay()
    );
    keys(&mut app, "d<Esc>");
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Personas { cursor: 1 })
    ));
    keys(&mut app, "nSomeone<Esc>");
    assert!(matches!(app.overlay(), Some(Overlay::Personas { .. })));
    assert_eq!(persona_names(&app), names);
}
