//! Each validation rule: one case where it fires and one where it does not.

use journey::core::format::{SourceIndex, parse_bytes, to_string};
use journey::core::model::{Kind, Map, Outcome, Path as JPath, Persona, Stage, Step, Touchpoint};
use journey::core::validate::{Item, Rule, Severity, attach_lines, validate, validate_source};
use std::path::Path;

fn tp(id: &str, kind: Kind) -> Touchpoint {
    Touchpoint {
        allow: Vec::new(),
        cost: None,
        id: id.into(),
        name: id.to_uppercase(),
        kind,
        channel: String::new(),
        notes: String::new(),
    }
}

fn step(id: &str) -> Step {
    Step {
        touchpoint: id.into(),
        emotion: None,
        note: String::new(),
    }
}

/// A small map that passes every rule.
fn clean_map() -> Map {
    let mut map = Map::new("Clean");
    map.stages = vec![
        Stage {
            allow: Vec::new(),
            id: "know".into(),
            name: "Know".into(),
            description: String::new(),
            touchpoints: vec![tp("blog", Kind::Indirect)].into(),
        },
        Stage {
            allow: Vec::new(),
            id: "buy".into(),
            name: "Buy".into(),
            description: String::new(),
            touchpoints: vec![tp("shop", Kind::Direct)].into(),
        },
    ];
    map.personas = vec![Persona {
        allow: Vec::new(),
        id: "anna".into(),
        name: "Anna".into(),
        description: String::new(),
        paths: vec![JPath {
            allow: Vec::new(),
            customers: None,
            id: "anna-main".into(),
            name: "Main".into(),
            outcome: Outcome::Converted,
            steps: vec![step("blog"), step("shop")],
        }]
        .into(),
    }];
    map
}

fn rules(map: &Map) -> Vec<Rule> {
    validate(map).into_iter().map(|d| d.rule).collect()
}

#[test]
fn a_clean_map_has_no_findings() {
    assert_eq!(validate(&clean_map()), vec![]);
}

#[test]
fn empty_stage() {
    let mut map = clean_map();
    map.stages.push(Stage {
        allow: Vec::new(),
        id: "refer".into(),
        name: "Refer".into(),
        description: String::new(),
        touchpoints: vec![].into(),
    });
    let findings = validate(&map);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, Rule::EmptyStage);
    assert_eq!(findings[0].severity, Severity::Error);
    assert_eq!(findings[0].item, Item::Stage { stage: 2 });
    assert_eq!(findings[0].id, "refer");
    assert!(
        findings[0].message.contains("\"Refer\""),
        "{}",
        findings[0].message
    );
    assert!(!rules(&clean_map()).contains(&Rule::EmptyStage));
}

#[test]
fn no_stages() {
    let mut map = Map::new("Empty");
    assert_eq!(rules(&map), vec![Rule::NoStages]);
    map.stages.push(Stage {
        allow: Vec::new(),
        id: "a".into(),
        name: "A".into(),
        description: String::new(),
        touchpoints: vec![tp("t", Kind::Direct)].into(),
    });
    assert!(!rules(&map).contains(&Rule::NoStages));
}

#[test]
fn duplicate_id_across_kinds() {
    let mut map = clean_map();
    map.personas[0].id = "shop".into();
    let findings = validate(&map);
    assert_eq!(
        findings.iter().map(|d| d.rule).collect::<Vec<_>>(),
        vec![Rule::DuplicateId]
    );
    assert_eq!(findings[0].item, Item::Persona { persona: 0 });
    assert!(
        findings[0].message.contains("touchpoint \"SHOP\""),
        "{}",
        findings[0].message
    );
    assert!(!rules(&clean_map()).contains(&Rule::DuplicateId));
}

#[test]
fn unknown_touchpoint() {
    let mut map = clean_map();
    map.personas[0].paths[0].steps.push(step("gone"));
    let findings = validate(&map);
    assert_eq!(
        findings.iter().map(|d| d.rule).collect::<Vec<_>>(),
        vec![Rule::UnknownTouchpoint]
    );
    assert_eq!(
        findings[0].item,
        Item::Step {
            persona: 0,
            path: 0,
            step: 2
        }
    );
    assert!(findings[0].message.contains("`gone`"));
    assert!(!rules(&clean_map()).contains(&Rule::UnknownTouchpoint));
}

#[test]
fn empty_name_for_title_and_items() {
    let mut map = clean_map();
    map.title = "  ".into();
    map.stages[0].touchpoints[0].name = String::new();
    let findings = validate(&map);
    let empty: Vec<Item> = findings
        .iter()
        .filter(|d| d.rule == Rule::EmptyName)
        .map(|d| d.item)
        .collect();
    assert_eq!(
        empty,
        vec![Item::Map, Item::Touchpoint { stage: 0, index: 0 }]
    );
    assert!(!rules(&clean_map()).contains(&Rule::EmptyName));
}

#[test]
fn invalid_id() {
    let mut map = clean_map();
    map.stages[0].id = "Know It".into();
    assert_eq!(rules(&map), vec![Rule::InvalidId]);
    assert_eq!(Rule::InvalidId.severity(), Severity::Warning);
}

#[test]
fn persona_without_path() {
    let mut map = clean_map();
    map.personas.push(Persona {
        allow: Vec::new(),
        id: "ben".into(),
        name: "Ben".into(),
        description: String::new(),
        paths: vec![].into(),
    });
    let findings = validate(&map);
    assert_eq!(
        findings.iter().map(|d| d.rule).collect::<Vec<_>>(),
        vec![Rule::PersonaWithoutPath]
    );
    assert_eq!(findings[0].severity, Severity::Warning);
    assert!(!rules(&clean_map()).contains(&Rule::PersonaWithoutPath));
}

#[test]
fn empty_path() {
    let mut map = clean_map();
    map.personas[0].paths.push(JPath {
        allow: Vec::new(),
        customers: None,
        id: "anna-2".into(),
        name: "Second".into(),
        outcome: Outcome::Open,
        steps: vec![],
    });
    assert_eq!(rules(&map), vec![Rule::EmptyPath]);
}

#[test]
fn unvisited_touchpoint() {
    let mut map = clean_map();
    map.stages[1].touchpoints.push(tp("hotline", Kind::Direct));
    let findings = validate(&map);
    assert_eq!(
        findings.iter().map(|d| d.rule).collect::<Vec<_>>(),
        vec![Rule::UnvisitedTouchpoint]
    );
    assert_eq!(findings[0].item, Item::Touchpoint { stage: 1, index: 1 });
    assert!(!rules(&clean_map()).contains(&Rule::UnvisitedTouchpoint));
}

#[test]
fn backward_step() {
    let mut map = clean_map();
    map.personas[0].paths[0].steps.push(step("blog"));
    let findings = validate(&map);
    assert_eq!(
        findings.iter().map(|d| d.rule).collect::<Vec<_>>(),
        vec![Rule::BackwardStep]
    );
    assert_eq!(
        findings[0].item,
        Item::Step {
            persona: 0,
            path: 0,
            step: 2
        }
    );
    assert!(
        findings[0].message.contains("from stage \"Buy\""),
        "{}",
        findings[0].message
    );
    // Staying within a stage is not backward.
    let mut same = clean_map();
    same.stages[1].touchpoints.push(tp("hotline", Kind::Direct));
    same.personas[0].paths[0].steps.push(step("hotline"));
    same.personas[0].paths[0].steps.push(step("shop"));
    assert!(!rules(&same).contains(&Rule::BackwardStep));
}

#[test]
fn ron_comments() {
    let text = to_string(&clean_map());
    let clean = SourceIndex::scan(&text);
    assert_eq!(validate_source(&clean), vec![]);
    let commented = text.replacen("    title", "    // keep this\n    title", 1);
    let findings = validate_source(&SourceIndex::scan(&commented));
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, Rule::RonComments);
    assert_eq!(findings[0].line, Some(3));
}

#[test]
fn findings_carry_the_line_of_their_item() {
    let mut map = clean_map();
    map.stages.push(Stage {
        allow: Vec::new(),
        id: "refer".into(),
        name: "Refer".into(),
        description: String::new(),
        touchpoints: vec![].into(),
    });
    map.personas[0].paths[0].steps.push(step("gone"));
    let text = to_string(&map);
    let loaded = parse_bytes(Path::new("m.ron"), text.as_bytes()).expect("parses");
    let mut findings = validate(&loaded.map);
    attach_lines(&mut findings, &loaded.map, &loaded.source());
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
    for d in &findings {
        let expected = match d.rule {
            Rule::EmptyStage => line_of("id: \"refer\""),
            Rule::UnknownTouchpoint => line_of("touchpoint: \"gone\""),
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(d.line, expected, "{d:?}");
    }
    assert_eq!(findings.len(), 2);
}

#[test]
fn every_rule_has_a_unique_kebab_name() {
    let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
    assert!(
        names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
    );
    names.sort();
    names.dedup();
    assert_eq!(names.len(), Rule::ALL.len());
}

#[test]
fn findings_cut_long_names_and_ids() {
    let mut map = clean_map();
    let long = "Long name ".repeat(1000);
    let long_id = "a".repeat(5000);
    map.stages[0].name = long.clone();
    map.stages[1].name = long.clone();
    let persona = &mut map.personas[0];
    persona.name = long.clone();
    persona.paths[0].name = long.clone();
    persona.paths[0].id = long_id.clone();
    // Unknown, then backward from the second stage to the first.
    persona.paths[0].steps = vec![step(&long_id), step("shop"), step("blog")];
    let findings = validate(&map);
    let rules: Vec<Rule> = findings.iter().map(|d| d.rule).collect();
    assert!(rules.contains(&Rule::UnknownTouchpoint), "{rules:?}");
    assert!(rules.contains(&Rule::BackwardStep), "{rules:?}");
    for d in &findings {
        // A handful of names of at most 80 characters each, and the words.
        assert!(d.message.chars().count() < 600, "{}", d.message);
        assert!(
            d.id.chars().count() <= journey::core::text::NAME_MAX,
            "{}",
            d.id
        );
    }
    let backward = findings
        .iter()
        .find(|d| d.rule == Rule::BackwardStep)
        .expect("backward");
    let cut_name = journey::core::text::cut(&long, journey::core::text::NAME_MAX);
    assert!(cut_name.ends_with('…'));
    assert!(
        backward.message.contains(&format!("\"{cut_name}\"")),
        "{}",
        backward.message
    );
}
