//! Tests of the persona, path and step edits.
use super::*;

fn step(id: &str) -> Step {
    Step {
        touchpoint: id.into(),
        emotion: None,
        note: String::new(),
    }
}

fn map() -> Map {
    let mut map = Map::new("t");
    map.personas.push(Persona {
        allow: Vec::new(),
        id: "a".into(),
        name: "A".into(),
        description: String::new(),
        paths: vec![Path {
            allow: Vec::new(),
            customers: None,
            id: "a-path".into(),
            name: "A path".into(),
            outcome: Outcome::Open,
            steps: vec![step("x"), step("y"), step("z")],
        }]
        .into(),
    });
    map.personas.push(Persona {
        allow: Vec::new(),
        id: "b".into(),
        name: "B".into(),
        description: "d".into(),
        paths: Vec::new().into(),
    });
    map
}

#[test]
fn every_edit_is_undone_exactly_by_its_inverse() {
    let r = PathRef {
        persona: 0,
        path: 0,
    };
    let edits = [
        PersonaEdit::new_persona(&map(), 1, "Kritische Käuferin", "liest alles"),
        PersonaEdit::RemovePersona { at: 0 },
        PersonaEdit::SetPersona {
            at: 1,
            name: "Bee".into(),
            description: String::new(),
        },
        PersonaEdit::MovePersona { from: 0, to: 1 },
        PersonaEdit::new_path(&map(), 1, 0, "B"),
        PersonaEdit::RemovePath { persona: 0, at: 0 },
        PersonaEdit::SetPath {
            persona: 0,
            at: 0,
            name: "A path".into(),
            outcome: Outcome::DroppedOut,
        },
        PersonaEdit::InsertStep {
            path: r,
            at: 3,
            step: step("w"),
        },
        PersonaEdit::RemoveStep { path: r, at: 1 },
        PersonaEdit::SetStep {
            path: r,
            at: 2,
            emotion: Some(-2),
            note: "pain".into(),
        },
        PersonaEdit::MoveStep {
            path: r,
            from: 0,
            to: 2,
        },
    ];
    for edit in edits {
        let original = map();
        let mut m = original.clone();
        let inverse = edit.clone().apply(&mut m).expect("applies").inverse;
        assert_ne!(m, original, "{edit:?} changed nothing");
        let again = inverse.apply(&mut m).expect("inverse applies").inverse;
        assert_eq!(m, original, "{edit:?} was not undone exactly");
        again.apply(&mut m).expect("redo applies");
        assert_ne!(m, original);
    }
}

#[test]
fn new_ids_are_unique_across_the_map() {
    let m = map();
    let PersonaEdit::InsertPath { path, .. } = PersonaEdit::new_path(&m, 1, 0, "A path") else {
        panic!("not a path insert");
    };
    assert_eq!(path.id, "a-path-2");
    let PersonaEdit::InsertPersona { persona, .. } = PersonaEdit::new_persona(&m, 2, "A", "")
    else {
        panic!("not a persona insert");
    };
    assert_eq!(persona.id, "a-2");
}

#[test]
fn bad_positions_are_errors_and_change_nothing() {
    let mut m = map();
    let r = PathRef {
        persona: 1,
        path: 0,
    };
    assert!(PersonaEdit::RemovePersona { at: 2 }.apply(&mut m).is_err());
    assert!(
        PersonaEdit::RemoveStep { path: r, at: 0 }
            .apply(&mut m)
            .is_err()
    );
    let far = PersonaEdit::MoveStep {
        path: PathRef {
            persona: 0,
            path: 0,
        },
        from: 0,
        to: 3,
    };
    assert!(far.apply(&mut m).is_err());
    assert_eq!(m, map());
}

#[test]
fn steps_go_after_the_last_earlier_or_equal_stage() {
    let steps = [step("s0"), step("s2"), step("gone"), step("s3")];
    let stage_of = |s: &Step| s.touchpoint.strip_prefix('s').and_then(|n| n.parse().ok());
    assert_eq!(insertion_index(&steps, 0, stage_of), 1);
    assert_eq!(insertion_index(&steps, 1, stage_of), 1);
    assert_eq!(insertion_index(&steps, 2, stage_of), 2);
    assert_eq!(insertion_index(&steps, 5, stage_of), 4);
    assert_eq!(insertion_index(&[], 3, stage_of), 0);
    let late = [step("s4")];
    assert_eq!(insertion_index(&late, 1, stage_of), 0);
}

#[test]
fn new_path_names_come_from_the_persona_with_a_number_only_when_needed() {
    let mut m = map();
    m.personas[1].name = "Die Kritische".into();
    m.personas[1].id = "die-kritische".into();
    m.language = crate::core::model::Language::De;
    assert_eq!(new_path_name(&m, 1), "Die Kritische: Pfad");
    let PersonaEdit::InsertPath { path, .. } =
        PersonaEdit::new_path(&m, 1, 0, "Die Kritische: Pfad")
    else {
        panic!("a path insertion");
    };
    assert_eq!(path.id, "die-kritische-pfad");
    PersonaEdit::new_path(&m, 1, 0, "Die Kritische: Pfad")
        .apply(&mut m)
        .expect("applies");
    assert_eq!(new_path_name(&m, 1), "Die Kritische: Pfad 2");
    m.language = crate::core::model::Language::En;
    // "A: path" would take the id `a-path`, which A's first path has.
    assert_eq!(new_path_name(&m, 0), "A: path 2");
}

#[test]
fn a_copied_path_keeps_the_steps_under_a_new_name_and_id() {
    let mut m = map();
    let edit = copy_path(&m, 0, 0, 1).expect("a copy");
    edit.apply(&mut m).expect("applies");
    let copy = &m.personas[1].paths[0];
    assert_eq!(copy.name, "B: path");
    assert_eq!(copy.id, "b-path");
    assert_eq!(copy.steps, m.personas[0].paths[0].steps);
    assert!(copy_path(&m, 0, 5, 1).is_none());
}

#[test]
fn a_path_copied_for_another_persona_takes_the_given_name_and_undoes_in_one_step() {
    let mut m = map();
    let before = m.clone();
    let edit = copy_path_as(&m, 0, 0, 1, "B: a variant").expect("a copy");
    let applied = edit.apply(&mut m).expect("applies");
    let copy = m.personas[1].paths.last().expect("the copy");
    assert_eq!(copy.name, "B: a variant");
    assert_eq!(copy.id, "b-a-variant");
    assert_eq!(copy.steps, m.personas[0].paths[0].steps);
    assert_eq!(copy.outcome, crate::core::model::Outcome::Open);
    applied.inverse.apply(&mut m).expect("the inverse applies");
    assert_eq!(m, before);
    // A persona that is not there gets no copy.
    assert!(copy_path_as(&m, 0, 0, 9, "x").is_none());
}
