//! Tests of the stage, touchpoint and map edits and of the history.
use super::*;
use crate::core::model::{Kind, Map, Outcome, Path, Persona, Step, TouchpointPos};

fn pos(stage: usize, index: usize) -> TouchpointPos {
    TouchpointPos { stage, index }
}

#[test]
fn replacing_the_map_undoes_to_the_old_one() {
    let mut m = map();
    let before = m.clone();
    let other = Map::new("from disk");
    let applied = Edit::ReplaceMap(Box::new(other.clone()))
        .apply(&mut m)
        .expect("replaces");
    assert_eq!(m, other);
    assert_eq!(applied.focus, Focus::Map);
    applied.inverse.apply(&mut m).expect("undoes");
    assert_eq!(m, before);
}

/// Two stages of two touchpoints; one path through all four, another
/// through the first stage only.
fn map() -> Map {
    let mut map = Map::new("t");
    for (s, name) in ["A", "B"].iter().enumerate() {
        let edit = Edit::new_stage(&map, s, name);
        edit.apply(&mut map).expect("stage");
        for t in 0..2 {
            let edit = Edit::new_touchpoint(&map, pos(s, t), &format!("{name}{t}"), Kind::Direct);
            edit.apply(&mut map).expect("touchpoint");
        }
    }
    let step = |id: &str| Step {
        touchpoint: id.into(),
        emotion: None,
        note: String::new(),
    };
    map.personas.push(Persona {
        allow: Vec::new(),
        id: "p".into(),
        name: "P".into(),
        description: String::new(),
        paths: vec![
            Path {
                allow: Vec::new(),
                customers: None,
                id: "all".into(),
                name: "All".into(),
                outcome: Outcome::Converted,
                steps: ["a0", "b0", "a1", "b1"].map(step).to_vec(),
            },
            Path {
                allow: Vec::new(),
                customers: None,
                id: "first".into(),
                name: "First".into(),
                outcome: Outcome::Open,
                steps: ["a0", "a1"].map(step).to_vec(),
            },
        ]
        .into(),
    });
    map
}

#[test]
fn every_edit_is_undone_exactly_by_its_inverse() {
    let edits = [
        Edit::RemoveStage { at: 0 },
        Edit::RemoveStage { at: 1 },
        Edit::RemoveTouchpoint { at: pos(0, 1) },
        Edit::MoveStage { from: 0, to: 1 },
        Edit::MoveTouchpoint {
            from: pos(0, 0),
            to: pos(1, 2),
        },
        Edit::MoveTouchpoint {
            from: pos(1, 1),
            to: pos(1, 0),
        },
        Edit::SetStage {
            at: 1,
            name: "Bee".into(),
            description: "d".into(),
        },
        Edit::toggle_kind(&map(), pos(1, 0)).expect("toggle"),
    ];
    for edit in edits {
        let original = map();
        let mut m = original.clone();
        let applied = edit.clone().apply(&mut m).expect("applies");
        assert_ne!(m, original, "{edit:?} changed nothing");
        let back = applied.inverse.apply(&mut m).expect("inverse applies");
        assert_eq!(m, original, "{edit:?} was not undone exactly");
        back.inverse.apply(&mut m).expect("redo applies");
        assert_ne!(m, original);
    }
}

#[test]
fn deletes_report_and_restore_path_steps() {
    let mut m = map();
    assert_eq!(paths_using(&m, &["a1"]), 2);
    let applied = Edit::RemoveStage { at: 0 }.apply(&mut m).expect("applies");
    assert_eq!(applied.paths_changed, 2);
    let steps: Vec<&str> = m.personas[0].paths[0]
        .steps
        .iter()
        .map(|s| s.touchpoint.as_str())
        .collect();
    assert_eq!(steps, ["b0", "b1"]);
    assert!(m.personas[0].paths[1].steps.is_empty());
    applied.inverse.apply(&mut m).expect("undo");
    assert_eq!(m, map());
}

#[test]
fn bad_positions_are_errors_and_change_nothing() {
    let mut m = map();
    assert!(Edit::RemoveStage { at: 2 }.apply(&mut m).is_err());
    assert!(Edit::MoveStage { from: 1, to: 2 }.apply(&mut m).is_err());
    let far = Edit::MoveTouchpoint {
        from: pos(0, 0),
        to: pos(0, 2),
    };
    assert!(far.apply(&mut m).is_err());
    assert!(
        Edit::RemoveTouchpoint { at: pos(1, 5) }
            .apply(&mut m)
            .is_err()
    );
    assert_eq!(m, map());
}

#[test]
fn history_state_tells_saved_states_apart() {
    let mut m = map();
    let mut h = History::default();
    let start = h.state();
    h.apply(&mut m, Edit::MoveStage { from: 0, to: 1 })
        .expect("move");
    let moved = h.state();
    assert_ne!(moved, start);
    h.undo(&mut m).expect("some").expect("undo");
    assert_eq!(h.state(), start);
    h.apply(&mut m, Edit::RemoveStage { at: 0 })
        .expect("remove");
    assert_ne!(h.state(), moved, "a different edit at the same depth");
    assert!(!h.can_redo());
    assert!(h.redo(&mut m).is_none());
}
