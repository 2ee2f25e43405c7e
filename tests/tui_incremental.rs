//! The editor's live state against a full recomputation: after any
//! sequence of edit keys, the problems kept edit by edit are those of a
//! fresh document on the same map (read whole or from any row on), and the board's derived facts (problem
//! marks, the current path's numbers, where each touchpoint is, who visits
//! it) are those a rebuild from scratch finds. The board kept under a form
//! is what a fresh draw shows.

mod common;

use common::keys;
use journey::core::generate::{S1, generate};
use journey::tui::Screen;
use journey::tui::action::Action;
use journey::tui::app::{App, Settings};
use journey::tui::derived::{Derived, Visit};
use journey::tui::document::Document;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::PathBuf;

/// Keys that edit, undo, move the selection, choose a path and allow a
/// warning from the problems panel.
const KEYS: [&str; 24] = [
    "t",
    "L",
    "H",
    "J",
    "K",
    "j",
    "k",
    "l",
    "h",
    "ax<Enter>",
    "aWeb search 0.1<Enter>",
    "d",
    "u",
    "u",
    "<C-r>",
    "p<Enter>",
    "pj<Enter>",
    "<Space>",
    "<Space>",
    "AStage<Enter>",
    "<lt>",
    ">",
    "vjja<Esc>",
    "vGa<Esc>",
];

fn app() -> App {
    let mut map = generate(S1);
    // Small, so a full check after every key stays quick, and with a
    // hand-made duplicate and a step to nowhere, so those rules take part.
    map.stages.truncate(4);
    for s in &mut map.stages {
        s.touchpoints.truncate(5);
    }
    map.personas.truncate(4);
    let id = map.stages[0].touchpoints[0].id.clone();
    map.stages[1].touchpoints[0].id = id;
    map.personas[0].paths[0].steps[0].touchpoint = "nowhere".into();
    App::open(
        map,
        PathBuf::from("incremental.ron"),
        Settings::new(false, true),
    )
}

/// Every visit of `id`, by a walk over every path.
fn visits_by_walk(app: &App, id: &str) -> Vec<Visit> {
    let mut out = Vec::new();
    for (p, persona) in app.doc.map().personas.iter().enumerate() {
        for (k, path) in persona.paths.iter().enumerate() {
            for (n, step) in path.steps.iter().enumerate() {
                if step.touchpoint == id {
                    out.push(Visit {
                        persona: p,
                        path: k,
                        step: n,
                    });
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn live_state_equals_a_full_recomputation(
        picks in prop::collection::vec(0usize..KEYS.len(), 1..40),
    ) {
        let mut app = app();
        for pick in picks {
            keys(&mut app, KEYS[pick]);
            keys(&mut app, "<Esc>");
            let map = app.doc.map().clone();
            let fresh = Document::unsaved(map.clone(), app.doc.path.clone());
            prop_assert_eq!(app.doc.problems(), fresh.problems(), "after {}", KEYS[pick]);
            // The panel reads rows from where it scrolled to: the same rows
            // as a walk over the whole list.
            let problems = app.doc.problems();
            let all: Vec<_> = problems
                .iter()
                .map(|p| (p, false))
                .chain(problems.allowed().map(|p| (p, true)))
                .collect();
            for from in [0, 1, all.len() / 2, all.len().saturating_sub(1), all.len() + 1] {
                let rows: Vec<_> = problems.rows(from).collect();
                prop_assert_eq!(&rows[..], &all[from.min(all.len())..], "rows from {}", from);
                prop_assert_eq!(
                    problems.get(from),
                    all.get(from).filter(|r| !r.1).map(|r| r.0.clone())
                );
            }
            let mut rebuilt = Derived::default();
            rebuilt.refresh(&app.doc, &app.current, &app.search);
            prop_assert_eq!(&app.derived, &rebuilt, "after {}", KEYS[pick]);
            let ids = map.stages.iter().flat_map(|s| &s.touchpoints).map(|t| t.id.as_str());
            for id in ids.chain(["nowhere", "no-such-id"]) {
                let first = map.stages.iter().enumerate().find_map(|(s, st)| {
                    st.touchpoints.iter().position(|t| t.id == id).map(|index| {
                        journey::core::model::TouchpointPos { stage: s, index }
                    })
                });
                prop_assert_eq!(app.doc.position(id), first, "position of {}", id);
                prop_assert_eq!(app.derived.visits(&app.doc, id), visits_by_walk(&app, id));
            }
        }
    }
}

/// Keys that open forms, type in them, close them and edit in between.
const FORM_KEYS: [&str; 14] = [
    "e", "x", "<BS>", "<Tab>", "<Esc>", "j", "l", "t", "a", "<Enter>", "/", "p<Enter>", "u",
    "<Space>",
];

/// The screen `app` draws at `w` x `h`, styles and all.
fn drawn(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    terminal.backend().buffer().clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20))]

    #[test]
    fn the_board_kept_under_a_form_is_what_a_fresh_draw_shows(
        picks in prop::collection::vec((0usize..FORM_KEYS.len(), 0usize..2), 1..30),
    ) {
        let mut app = app();
        // `x` on the board exports next to the map: into a folder that goes.
        let dir = tempfile::tempdir().expect("temp dir");
        app.doc.path = dir.path().join("incremental.ron");
        for (pick, size) in picks {
            let (w, h) = [(80, 24), (120, 30)][size];
            journey::tui::update::update(&mut app, Action::Resize(w, h));
            keys(&mut app, FORM_KEYS[pick]);
            let kept = drawn(&app, w, h);
            app.derived.board.clear();
            prop_assert_eq!(kept, drawn(&app, w, h), "after {}", FORM_KEYS[pick]);
        }
    }
}
