//! Property: for random edits A and B of a map that touch different items,
//! merge(base, A, B) is the map with both edits applied, one after the
//! other.

use journey::core::merge::merge;
use journey::core::model::{Kind, Map, Outcome, Path, Persona, Stage, Step, Touchpoint};
use proptest::prelude::*;

/// A map with unique ids: stages s0…, touchpoints t0…, one persona per
/// path, every path visiting a few touchpoints.
fn base_map() -> impl Strategy<Value = Map> {
    let sizes = prop::collection::vec(1usize..5, 1..5);
    (sizes, 1usize..4, any::<u64>()).prop_map(|(sizes, paths, seed)| {
        let mut n = 0;
        let stages: Vec<Stage> = sizes
            .iter()
            .enumerate()
            .map(|(s, &size)| Stage {
                id: format!("s{s}"),
                name: format!("Stage {s}"),
                description: String::new(),
                allow: Vec::new(),
                touchpoints: (0..size)
                    .map(|_| {
                        n += 1;
                        Touchpoint {
                            id: format!("t{n}"),
                            name: format!("Touchpoint {n}"),
                            kind: Kind::Direct,
                            channel: "web".into(),
                            cost: None,
                            notes: String::new(),
                            allow: Vec::new(),
                        }
                    })
                    .collect(),
            })
            .collect();
        let personas = (0..paths)
            .map(|p| Persona {
                id: format!("p{p}"),
                name: format!("Persona {p}"),
                description: String::new(),
                allow: Vec::new(),
                paths: vec![Path {
                    id: format!("path{p}"),
                    name: format!("Path {p}"),
                    outcome: Outcome::Open,
                    customers: None,
                    allow: Vec::new(),
                    steps: (0..3)
                        .map(|k| Step {
                            touchpoint: format!("t{}", (seed as usize + p * 3 + k) % n + 1),
                            emotion: None,
                            note: String::new(),
                        })
                        .collect(),
                }]
                .into(),
            })
            .collect();
        let mut map = Map::new("Map");
        map.stages = stages;
        map.personas = personas;
        map
    })
}

/// One edit, by what it does and a number that picks its target.
#[derive(Debug, Clone, Copy)]
enum Edit {
    Rename(usize),
    Notes(usize),
    Toggle(usize),
    MoveToStage(usize, usize),
    Delete(usize),
    Add(usize),
    RenameStage(usize),
    Outcome(usize),
    Emotion(usize, usize),
    AppendStep(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let n = 0usize..64;
    prop_oneof![
        n.clone().prop_map(Edit::Rename),
        n.clone().prop_map(Edit::Notes),
        n.clone().prop_map(Edit::Toggle),
        (n.clone(), n.clone()).prop_map(|(a, b)| Edit::MoveToStage(a, b)),
        n.clone().prop_map(Edit::Delete),
        n.clone().prop_map(Edit::Add),
        n.clone().prop_map(Edit::RenameStage),
        n.clone().prop_map(Edit::Outcome),
        (n.clone(), n.clone()).prop_map(|(a, b)| Edit::Emotion(a, b)),
        n.prop_map(Edit::AppendStep),
    ]
}

/// The items an edit touches, as names ("t3", "s1", "path0"), given the
/// base map; `None` where it picks nothing.
fn targets(base: &Map, e: Edit, side: &str) -> Option<(Vec<String>, Applied)> {
    let tps: Vec<String> = base.touchpoints().map(|(_, t)| t.id.clone()).collect();
    let pick = |n: usize| tps[n % tps.len()].clone();
    let stage = |n: usize| base.stages[n % base.stages.len()].id.clone();
    let path = |n: usize| base.personas[n % base.personas.len()].paths[0].id.clone();
    Some(match e {
        Edit::Rename(n) => (
            vec![pick(n)],
            Applied::Rename(pick(n), format!("{side} name")),
        ),
        Edit::Notes(n) => (
            vec![pick(n)],
            Applied::Notes(pick(n), format!("{side} notes")),
        ),
        Edit::Toggle(n) => (vec![pick(n)], Applied::Toggle(pick(n))),
        Edit::MoveToStage(n, s) => (vec![pick(n)], Applied::Move(pick(n), stage(s))),
        Edit::Delete(n) => (vec![pick(n)], Applied::Delete(pick(n))),
        Edit::Add(s) => (vec![], Applied::Add(stage(s), format!("{side}-new{s}"))),
        Edit::RenameStage(s) => (
            vec![stage(s)],
            Applied::RenameStage(stage(s), format!("{side} stage")),
        ),
        Edit::Outcome(p) => (vec![path(p)], Applied::Outcome(path(p))),
        Edit::Emotion(p, k) => (vec![path(p)], Applied::Emotion(path(p), k % 3)),
        Edit::AppendStep(p) => (vec![path(p), pick(p)], Applied::Append(path(p), pick(p))),
    })
}

/// An edit with its targets resolved.
#[derive(Debug, Clone)]
enum Applied {
    Rename(String, String),
    Notes(String, String),
    Toggle(String),
    Move(String, String),
    Delete(String),
    Add(String, String),
    RenameStage(String, String),
    Outcome(String),
    Emotion(String, usize),
    Append(String, String),
}

fn touchpoint<'a>(map: &'a mut Map, id: &str) -> Option<&'a mut Touchpoint> {
    map.stages
        .iter_mut()
        .flat_map(|s| s.touchpoints.iter_mut())
        .find(|t| t.id == id)
}

fn path<'a>(map: &'a mut Map, id: &str) -> Option<&'a mut Path> {
    map.personas
        .iter_mut()
        .flat_map(|p| p.paths.iter_mut())
        .find(|p| p.id == id)
}

fn apply(map: &mut Map, a: &Applied) {
    match a {
        Applied::Rename(id, name) => {
            if let Some(t) = touchpoint(map, id) {
                t.name = name.clone();
            }
        }
        Applied::Notes(id, notes) => {
            if let Some(t) = touchpoint(map, id) {
                t.notes = notes.clone();
            }
        }
        Applied::Toggle(id) => {
            if let Some(t) = touchpoint(map, id) {
                t.kind = t.kind.toggled();
            }
        }
        Applied::Move(id, stage) => {
            let Some(pos) = map.find_touchpoint(id) else {
                return;
            };
            if map.stages[pos.stage].id == *stage {
                return;
            }
            let t = map.stages[pos.stage].touchpoints.remove(pos.index);
            if let Some(s) = map.stages.iter_mut().find(|s| s.id == *stage) {
                s.touchpoints.push(t);
            }
        }
        Applied::Delete(id) => {
            for s in &mut map.stages {
                s.touchpoints.retain(|t| t.id != *id);
            }
        }
        Applied::Add(stage, id) => {
            if let Some(s) = map.stages.iter_mut().find(|s| s.id == *stage)
                && !s.touchpoints.iter().any(|t| t.id == *id)
            {
                s.touchpoints.push(Touchpoint {
                    id: id.clone(),
                    name: id.clone(),
                    kind: Kind::Indirect,
                    channel: String::new(),
                    cost: None,
                    notes: String::new(),
                    allow: Vec::new(),
                });
            }
        }
        Applied::RenameStage(stage, name) => {
            if let Some(s) = map.stages.iter_mut().find(|s| s.id == *stage) {
                s.name = name.clone();
            }
        }
        Applied::Outcome(id) => {
            if let Some(p) = path(map, id) {
                p.outcome = Outcome::Converted;
            }
        }
        Applied::Emotion(id, k) => {
            if let Some(step) = path(map, id).and_then(|p| p.steps.get_mut(*k)) {
                step.emotion = Some(-2);
            }
        }
        Applied::Append(id, tp) => {
            if let Some(p) = path(map, id) {
                p.steps.push(Step {
                    touchpoint: tp.clone(),
                    emotion: Some(1),
                    note: String::new(),
                });
            }
        }
    }
}

/// Resolves a side's edits, dropping those that touch what the other
/// side already touches (`taken`).
fn side_edits(base: &Map, edits: &[Edit], side: &str, taken: &mut Vec<String>) -> Vec<Applied> {
    let mut mine: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for e in edits {
        let Some((items, applied)) = targets(base, *e, side) else {
            continue;
        };
        if items.iter().any(|i| taken.contains(i)) {
            continue;
        }
        mine.extend(items);
        out.push(applied);
    }
    taken.extend(mine);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn edits_of_different_items_merge_to_both_applied(
        base in base_map(),
        a in prop::collection::vec(edit(), 0..5),
        b in prop::collection::vec(edit(), 0..5),
    ) {
        let mut taken = Vec::new();
        let ours_edits = side_edits(&base, &a, "ours", &mut taken);
        let theirs_edits = side_edits(&base, &b, "theirs", &mut taken);
        let mut ours = base.clone();
        ours_edits.iter().for_each(|e| apply(&mut ours, e));
        let mut theirs = base.clone();
        theirs_edits.iter().for_each(|e| apply(&mut theirs, e));
        let mut both = ours.clone();
        theirs_edits.iter().for_each(|e| apply(&mut both, e));

        let merged = merge(&base, &ours, &theirs);
        prop_assert_eq!(&merged.map, &both);
        // The only conflicts edits of different items can give are rules
        // that the two edits break together (a stage emptied by both).
        for c in &merged.conflicts {
            prop_assert!(c.what.contains("breaks a rule"), "{:?}", c);
        }
    }
}
