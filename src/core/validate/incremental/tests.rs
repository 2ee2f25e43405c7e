//! The checker's table of ids over many edits: ids that go leave it, and
//! the findings stay those of the reference meanwhile.

use super::Checker;
use crate::core::edit::{Edit, History};
use crate::core::generate::{S1, generate};
use crate::core::model::{Map, TouchpointPos};
use crate::core::validate::{Scope, findings};
use std::collections::HashSet;

fn apply(map: &mut Map, history: &mut History, checker: &mut Checker, edit: Edit) {
    let scope = Scope::of(&edit);
    assert!(history.apply(map, edit).is_ok());
    checker.update(map, &scope);
}

/// Every id the map's items carry or its steps name.
fn ids_of(map: &Map) -> HashSet<&str> {
    let mut ids = HashSet::new();
    for stage in &map.stages {
        ids.insert(stage.id.as_str());
        ids.extend(stage.touchpoints.iter().map(|t| t.id.as_str()));
    }
    for persona in &map.personas {
        ids.insert(persona.id.as_str());
        for path in &persona.paths {
            ids.insert(path.id.as_str());
            ids.extend(path.steps.iter().map(|s| s.touchpoint.as_str()));
        }
    }
    ids
}

#[test]
fn ids_that_come_and_go_leave_the_table_the_size_of_the_map() {
    let mut map = generate(S1);
    let mut history = History::default();
    let mut checker = Checker::new(&map);
    let at = TouchpointPos { stage: 0, index: 0 };
    for n in 0..2_000 {
        let mut touchpoint = map.stages[0].touchpoints[0].clone();
        apply(
            &mut map,
            &mut history,
            &mut checker,
            Edit::RemoveTouchpoint { at },
        );
        touchpoint.id = format!("fresh-{n}");
        let steps = Vec::new();
        let edit = Edit::InsertTouchpoint {
            at,
            touchpoint,
            steps,
        };
        apply(&mut map, &mut history, &mut checker, edit);
        if n % 250 == 0 {
            assert_eq!(checker.findings().collect::<Vec<_>>(), findings(&map));
        }
    }
    assert_eq!(checker.findings().collect::<Vec<_>>(), findings(&map));
    let ids = ids_of(&map);
    let (held, bytes) = checker.ids.held();
    assert_eq!(held, ids.len());
    let live: usize = ids.iter().map(|id| id.len()).sum();
    // 2,000 ids of some 10 bytes came and went: their text was let go.
    assert!(bytes <= 2 * live + 2 * 4096, "{bytes} bytes for {live}");
    // And a fresh check agrees on every stage's and persona's part.
    let fresh = Checker::new(&map);
    for s in 0..map.stages.len() {
        let (a, b) = (checker.stage_part(s), fresh.stage_part(s));
        assert_eq!(
            a.map(|p| (p.local, p.unvisited)),
            b.map(|p| (p.local, p.unvisited))
        );
    }
}
