//! Incremental validation against the reference: after any sequence of
//! edits, undos and redos, the findings kept up to date edit by edit are
//! the findings of a full `validate` of the map that resulted, and so are
//! their messages. The counts, the findings read by rank and the parts'
//! versions agree with them too. Also the `duplicate-name` rule.

use journey::core::edit::persona::{PathRef, PersonaEdit};
use journey::core::edit::{Edit, History, TouchpointFields};
use journey::core::model::{
    Kind, Map, Outcome, Path, Persona, Stage, Step, Touchpoint, TouchpointPos,
};
use journey::core::validate::{
    Checker, Finding, Item, Rule, Scope, Severity, describe, findings, validate,
};
use proptest::prelude::*;

/// Ids drawn from a small pool, so that duplicates, unknown steps and
/// touchpoints that come back all happen often; `Bad Id` is not a slug.
const IDS: [&str; 8] = ["a", "b", "c", "d", "e", "f", "g", "Bad Id"];
const NAMES: [&str; 4] = ["One", "Two", "One", " "];

fn touchpoint(id: usize, name: usize) -> Touchpoint {
    Touchpoint {
        allow: Vec::new(),
        cost: None,
        id: IDS[id % IDS.len()].to_string(),
        name: NAMES[name % NAMES.len()].to_string(),
        kind: Kind::Direct,
        channel: String::new(),
        notes: String::new(),
    }
}

fn new_path(id: usize, steps: &[usize], converted: bool) -> Path {
    Path {
        allow: Vec::new(),
        customers: None,
        id: format!("path-{id}"),
        name: "Path".into(),
        outcome: if converted {
            Outcome::Converted
        } else {
            Outcome::Open
        },
        steps: steps.iter().map(|&s| step(s)).collect(),
    }
}

fn step(s: usize) -> Step {
    Step {
        touchpoint: IDS[s % IDS.len()].to_string(),
        emotion: None,
        note: String::new(),
    }
}

/// A small map with every kind of finding likely somewhere in it.
fn map() -> impl Strategy<Value = Map> {
    let stages = prop::collection::vec(prop::collection::vec((0usize..8, 0usize..4), 0..4), 0..4);
    let personas = prop::collection::vec(
        prop::collection::vec(
            (prop::collection::vec(0usize..8, 0..5), any::<bool>()),
            0..3,
        ),
        0..3,
    );
    (stages, personas).prop_map(|(stages, personas)| {
        let mut map = Map::new("Map");
        map.stages = stages
            .iter()
            .enumerate()
            .map(|(s, tps)| Stage {
                allow: Vec::new(),
                id: format!("stage-{s}"),
                name: NAMES[s % NAMES.len()].into(),
                description: String::new(),
                touchpoints: tps.iter().map(|&(id, name)| touchpoint(id, name)).collect(),
            })
            .collect();
        let mut n = 0;
        map.personas = personas
            .iter()
            .enumerate()
            .map(|(p, paths)| Persona {
                allow: Vec::new(),
                id: format!("persona-{p}"),
                name: "Persona".into(),
                description: String::new(),
                paths: paths
                    .iter()
                    .map(|(steps, converted)| {
                        n += 1;
                        new_path(n, steps, *converted)
                    })
                    .collect(),
            })
            .collect();
        map
    })
}

/// One user action, by numbers that pick its targets in whatever map it
/// meets.
#[derive(Debug, Clone, Copy)]
enum Op {
    Toggle(usize),
    Rename(usize, usize),
    Add(usize, usize, usize),
    Remove(usize),
    Move(usize, usize, usize),
    RenameStage(usize, usize),
    AddStage(usize),
    RemoveStage(usize),
    MoveStage(usize, usize),
    AddStep(usize, usize, usize),
    RemoveStep(usize, usize),
    MoveStep(usize, usize, usize),
    Outcome(usize),
    AddPath(usize),
    CopyPath(usize, usize, usize),
    RemovePath(usize),
    AddPersona(usize),
    RemovePersona(usize),
    RenamePersona(usize, usize),
    Title(usize),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    let n = || 0usize..16;
    prop_oneof![
        n().prop_map(Op::Toggle),
        (n(), n()).prop_map(|(a, b)| Op::Rename(a, b)),
        (n(), n(), n()).prop_map(|(a, b, c)| Op::Add(a, b, c)),
        n().prop_map(Op::Remove),
        (n(), n(), n()).prop_map(|(a, b, c)| Op::Move(a, b, c)),
        (n(), n()).prop_map(|(a, b)| Op::RenameStage(a, b)),
        n().prop_map(Op::AddStage),
        n().prop_map(Op::RemoveStage),
        (n(), n()).prop_map(|(a, b)| Op::MoveStage(a, b)),
        (n(), n(), n()).prop_map(|(a, b, c)| Op::AddStep(a, b, c)),
        (n(), n()).prop_map(|(a, b)| Op::RemoveStep(a, b)),
        (n(), n(), n()).prop_map(|(a, b, c)| Op::MoveStep(a, b, c)),
        n().prop_map(Op::Outcome),
        n().prop_map(Op::AddPath),
        (n(), n(), n()).prop_map(|(a, b, c)| Op::CopyPath(a, b, c)),
        n().prop_map(Op::RemovePath),
        n().prop_map(Op::AddPersona),
        n().prop_map(Op::RemovePersona),
        (n(), n()).prop_map(|(a, b)| Op::RenamePersona(a, b)),
        n().prop_map(Op::Title),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

/// Every touchpoint's position, in map order.
fn positions(map: &Map) -> Vec<TouchpointPos> {
    map.stages
        .iter()
        .enumerate()
        .flat_map(|(s, st)| {
            (0..st.touchpoints.len()).map(move |index| TouchpointPos { stage: s, index })
        })
        .collect()
}

/// Every path, as a reference.
fn paths(map: &Map) -> Vec<PathRef> {
    map.personas
        .iter()
        .enumerate()
        .flat_map(|(p, pe)| {
            (0..pe.paths.len()).map(move |k| PathRef {
                persona: p,
                path: k,
            })
        })
        .collect()
}

/// The edit `op` makes of `map`, if it finds its target.
fn edit(map: &Map, op: Op) -> Option<Edit> {
    let tps = positions(map);
    let tp = |n: usize| (!tps.is_empty()).then(|| tps[n % tps.len()]);
    let stage = |n: usize| (!map.stages.is_empty()).then(|| n % map.stages.len());
    let all_paths = paths(map);
    let path = |n: usize| (!all_paths.is_empty()).then(|| all_paths[n % all_paths.len()]);
    let persona = |n: usize| (!map.personas.is_empty()).then(|| n % map.personas.len());
    let at = |p: TouchpointPos| &map.stages[p.stage].touchpoints[p.index];
    let steps = |r: PathRef| map.personas[r.persona].paths[r.path].steps.len();
    Some(match op {
        Op::Toggle(n) => {
            let p = tp(n)?;
            let mut fields = TouchpointFields::of(at(p));
            fields.kind = match fields.kind {
                Kind::Direct => Kind::Indirect,
                Kind::Indirect => Kind::Direct,
            };
            Edit::SetTouchpoint { at: p, fields }
        }
        Op::Rename(n, name) => {
            let p = tp(n)?;
            let mut fields = TouchpointFields::of(at(p));
            fields.name = NAMES[name % NAMES.len()].into();
            Edit::SetTouchpoint { at: p, fields }
        }
        Op::Add(s, index, id) => {
            let s = stage(s)?;
            let index = index % (map.stages[s].touchpoints.len() + 1);
            Edit::InsertTouchpoint {
                at: TouchpointPos { stage: s, index },
                touchpoint: touchpoint(id, id / 2),
                steps: Vec::new(),
            }
        }
        Op::Remove(n) => Edit::RemoveTouchpoint { at: tp(n)? },
        Op::Move(n, s, index) => {
            let from = tp(n)?;
            let s = stage(s)?;
            let room = map.stages[s].touchpoints.len() + usize::from(s != from.stage);
            let index = index % room.max(1);
            let to = TouchpointPos { stage: s, index };
            if s == from.stage && index >= map.stages[s].touchpoints.len() {
                return None;
            }
            Edit::MoveTouchpoint { from, to }
        }
        Op::RenameStage(s, name) => Edit::SetStage {
            at: stage(s)?,
            name: NAMES[name % NAMES.len()].into(),
            description: String::new(),
        },
        Op::AddStage(s) => Edit::InsertStage {
            at: s % (map.stages.len() + 1),
            stage: Stage {
                allow: Vec::new(),
                id: ["stage-0", "new-stage", "z"][s % 3].into(),
                name: "New".into(),
                description: String::new(),
                touchpoints: Vec::new().into(),
            },
            steps: Vec::new(),
        },
        Op::RemoveStage(s) => Edit::RemoveStage { at: stage(s)? },
        Op::MoveStage(a, b) => Edit::MoveStage {
            from: stage(a)?,
            to: stage(b)?,
        },
        Op::AddStep(k, at, id) => {
            let r = path(k)?;
            Edit::Person(PersonaEdit::InsertStep {
                path: r,
                at: at % (steps(r) + 1),
                step: step(id),
            })
        }
        Op::RemoveStep(k, at) => {
            let r = path(k)?;
            let len = steps(r);
            (len > 0).then_some(())?;
            Edit::Person(PersonaEdit::RemoveStep {
                path: r,
                at: at % len,
            })
        }
        Op::MoveStep(k, a, b) => {
            let r = path(k)?;
            let len = steps(r);
            (len > 0).then_some(())?;
            Edit::Person(PersonaEdit::MoveStep {
                path: r,
                from: a % len,
                to: b % len,
            })
        }
        Op::Outcome(k) => {
            let r = path(k)?;
            let old = &map.personas[r.persona].paths[r.path];
            Edit::Person(PersonaEdit::SetPath {
                persona: r.persona,
                at: r.path,
                name: old.name.clone(),
                outcome: match old.outcome {
                    Outcome::Converted => Outcome::Open,
                    _ => Outcome::Converted,
                },
            })
        }
        Op::AddPath(p) => {
            let p = persona(p)?;
            Edit::Person(PersonaEdit::InsertPath {
                persona: p,
                at: 0,
                path: new_path(100 + p, &[p, p + 1], false),
            })
        }
        // The editor's `c` in the path panel: a copy for any persona, with
        // names from a pool that holds duplicates.
        Op::CopyPath(k, p, name) => {
            let r = path(k)?;
            let to = persona(p)?;
            Edit::Person(journey::core::edit::persona::copy_path_as(
                map,
                r.persona,
                r.path,
                to,
                NAMES[name % NAMES.len()],
            )?)
        }
        Op::RemovePath(k) => {
            let r = path(k)?;
            Edit::Person(PersonaEdit::RemovePath {
                persona: r.persona,
                at: r.path,
            })
        }
        Op::AddPersona(p) => Edit::Person(PersonaEdit::InsertPersona {
            at: p % (map.personas.len() + 1),
            persona: Persona {
                allow: Vec::new(),
                id: ["persona-0", "new-persona"][p % 2].into(),
                name: "New".into(),
                description: String::new(),
                paths: vec![new_path(200 + p, &[p], true)].into(),
            },
        }),
        Op::RemovePersona(p) => Edit::Person(PersonaEdit::RemovePersona { at: persona(p)? }),
        Op::RenamePersona(p, name) => Edit::Person(PersonaEdit::SetPersona {
            at: persona(p)?,
            name: NAMES[name % NAMES.len()].into(),
            description: String::new(),
        }),
        Op::Title(t) => Edit::SetMapInfo {
            title: NAMES[t % NAMES.len()].into(),
            description: String::new(),
            conversion: String::new(),
        },
        Op::Undo | Op::Redo => return None,
    })
}

/// Each stage's part (version, its findings with the unvisited) and each
/// persona's (version, findings), copied.
type Parts = (Vec<(u64, Vec<Finding>)>, Vec<(u64, Vec<Finding>)>);

fn parts(checker: &Checker) -> Parts {
    let stages = (0..)
        .map_while(|s| checker.stage_part(s))
        .map(|p| (p.version, p.findings().collect()))
        .collect();
    let personas = (0..)
        .map_while(|p| checker.persona_part(p))
        .map(|p| (p.version, p.local.to_vec()))
        .collect();
    (stages, personas)
}

/// The counts and the findings read by rank, from several places on, are
/// those of the reference split by severity.
fn ranks_agree(checker: &Checker, reference: &[Finding]) -> Result<(), TestCaseError> {
    for severity in [Severity::Error, Severity::Warning] {
        let all: Vec<Finding> = reference
            .iter()
            .filter(|f| f.rule.severity() == severity)
            .copied()
            .collect();
        prop_assert_eq!(checker.count_of(severity), all.len());
        for from in [
            0,
            1,
            all.len() / 2,
            all.len().saturating_sub(1),
            all.len(),
            all.len() + 3,
        ] {
            let ranked: Vec<Finding> = checker.ranked(severity, from).collect();
            prop_assert_eq!(
                &ranked[..],
                &all[from.min(all.len())..],
                "{:?} from {}",
                severity,
                from
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn incremental_findings_equal_a_full_validate(
        start in map(),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut map = start;
        let mut history = History::default();
        let mut checker = Checker::new(&map);
        let first = findings(&map);
        let live: Vec<_> = checker.findings().collect();
        prop_assert_eq!(&live, &first);
        ranks_agree(&checker, &first)?;
        for op in ops {
            let scope = match op {
                Op::Undo => history.next_undo().map(Scope::of),
                Op::Redo => history.next_redo().map(Scope::of),
                _ => edit(&map, op).as_ref().map(Scope::of),
            };
            let Some(scope) = scope else { continue };
            let changed = match op {
                Op::Undo => history.undo(&mut map).is_some_and(|r| r.is_ok()),
                Op::Redo => history.redo(&mut map).is_some_and(|r| r.is_ok()),
                _ => edit(&map, op).is_some_and(|e| history.apply(&mut map, e).is_ok()),
            };
            if !changed {
                continue;
            }
            let before = parts(&checker);
            checker.update(&map, &scope);
            let reference = findings(&map);
            let live: Vec<_> = checker.findings().collect();
            prop_assert_eq!(&live, &reference, "after {:?}", op);
            let worded: Vec<_> = checker.findings().map(|f| describe(&map, &f)).collect();
            prop_assert_eq!(worded, validate(&map));
            ranks_agree(&checker, &reference)?;
            // A part that kept its version kept its findings: whoever reads
            // the parts by version sees every change.
            let (stages, personas) = parts(&checker);
            for (s, part) in stages.iter().enumerate() {
                if let Some(old) = before.0.get(s).filter(|old| old.0 == part.0) {
                    prop_assert_eq!(old, part, "stage {} after {:?}", s, op);
                }
            }
            for (p, part) in personas.iter().enumerate() {
                if let Some(old) = before.1.get(p).filter(|old| old.0 == part.0) {
                    prop_assert_eq!(old, part, "persona {} after {:?}", p, op);
                }
            }
        }
    }
}

#[test]
fn duplicate_name_warns_about_the_second_touchpoint_of_a_stage() {
    let mut map = Map::new("Map");
    map.stages.push(Stage {
        allow: Vec::new(),
        id: "decide".into(),
        name: "Decide".into(),
        description: String::new(),
        touchpoints: vec![touchpoint(0, 0), touchpoint(1, 1), touchpoint(2, 2)].into(),
    });
    // The same name in another stage is no finding.
    map.stages.push(Stage {
        allow: Vec::new(),
        id: "buy".into(),
        name: "Buy".into(),
        description: String::new(),
        touchpoints: vec![touchpoint(3, 0)].into(),
    });
    let found: Vec<_> = validate(&map)
        .into_iter()
        .filter(|d| d.rule == Rule::DuplicateName)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].item, Item::Touchpoint { stage: 0, index: 2 });
    assert_eq!(found[0].severity, Rule::DuplicateName.severity());
    assert_eq!(Rule::DuplicateName.name(), "duplicate-name");
    assert_eq!(
        found[0].message,
        "touchpoint \"One\" (c) has the same name as touchpoint `a` in stage \"Decide\""
    );
}
