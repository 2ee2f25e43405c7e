//! Format 2: the optional fields of this round (`language`, `currency`,
//! `cost`, `customers`, `allow`). A map that uses none of them keeps
//! `format: 1` and its bytes; one that uses any is written as format 2 and
//! reads back the same; a file from a newer format is refused.

use journey::core::format::{LoadErrorKind, parse_bytes, required_format, to_string};
use journey::core::model::{Cost, Language, Map};
use std::path::Path;

const V2: &str = r#"(
    format: 2,
    title: "Vom ersten Kaffee zum ersten Kuss",
    language: "de",
    currency: "EUR",
    allow: ["unvisited-touchpoint"],
    stages: [
        (
            id: "kennenlernen",
            name: "Kennenlernen",
            allow: ["backward-step"],
            touchpoints: [
                (
                    id: "kaffee",
                    name: "Kaffee",
                    kind: Direct,
                    cost: 4.5,
                    notes: "Der erste Eindruck",
                    allow: ["unvisited-touchpoint"],
                ),
                (
                    id: "steg",
                    name: "Steg am See",
                    kind: Indirect,
                    cost: 0,
                ),
            ],
        ),
    ],
    personas: [
        (
            id: "sie",
            name: "Sie",
            allow: ["empty-path"],
            paths: [
                (
                    id: "sie-weg",
                    name: "Der Weg",
                    outcome: Converted,
                    customers: 120,
                    allow: ["backward-step"],
                    steps: [
                        (touchpoint: "kaffee", emotion: 1),
                        (touchpoint: "steg", emotion: 2),
                    ],
                ),
            ],
        ),
    ],
)
"#;

fn parse(text: &str) -> Map {
    parse_bytes(Path::new("v2.ron"), text.as_bytes())
        .expect("parses")
        .map
}

#[test]
fn every_new_field_reads_and_writes_back_the_same_bytes() {
    let map = parse(V2);
    assert_eq!(map.language, Language::De);
    assert_eq!(map.currency, "EUR");
    let t = &map.stages[0].touchpoints[0];
    assert_eq!(t.cost.map(Cost::get), Some(4.5));
    assert_eq!(map.stages[0].touchpoints[1].cost.map(Cost::get), Some(0.0));
    let path = &map.personas[0].paths[0];
    assert_eq!(path.customers, Some(120));
    assert_eq!(path.customer_count(), 120);
    assert_eq!(map.allow, ["unvisited-touchpoint"]);
    assert_eq!(map.stages[0].allow, ["backward-step"]);
    assert_eq!(map.personas[0].allow, ["empty-path"]);
    assert_eq!(to_string(&map), V2, "canonical bytes");
}

#[test]
fn a_map_without_the_new_fields_stays_format_1() {
    let mut map = parse(V2);
    map.language = Language::En;
    map.currency.clear();
    map.allow.clear();
    for stage in &mut map.stages {
        stage.allow.clear();
        for t in &mut stage.touchpoints {
            t.cost = None;
            t.allow.clear();
        }
    }
    for persona in &mut map.personas {
        persona.allow.clear();
        for path in &mut persona.paths {
            path.customers = None;
            path.allow.clear();
        }
    }
    assert_eq!(required_format(&map), 1);
    let text = to_string(&map);
    assert!(text.starts_with("(\n    format: 1,\n"), "{text}");
    for field in ["language", "currency", "cost", "customers", "allow"] {
        assert!(
            !text.contains(&format!("{field}:")),
            "{field} written: {text}"
        );
    }
    // A path without `customers` counts one customer.
    assert_eq!(map.personas[0].paths[0].customer_count(), 1);
}

#[test]
fn each_new_field_alone_asks_for_format_2() {
    let base = to_string(&{
        let mut m = parse(V2);
        m.language = Language::En;
        m.currency.clear();
        m.allow.clear();
        m.stages[0].allow.clear();
        for t in &mut m.stages[0].touchpoints {
            t.cost = None;
            t.allow.clear();
        }
        m.personas[0].allow.clear();
        m.personas[0].paths[0].customers = None;
        m.personas[0].paths[0].allow.clear();
        m
    });
    let with = |from: &str, to: &str| {
        assert!(base.contains(from), "{from}");
        let text = base.replacen(from, to, 1);
        let map = parse(&text);
        assert_eq!(required_format(&map), 2, "{to}");
        assert!(to_string(&map).starts_with("(\n    format: 2,\n"), "{to}");
    };
    with("    stages: [", "    language: \"de\",\n    stages: [");
    with("    stages: [", "    currency: \"EUR\",\n    stages: [");
    with("kind: Direct,", "kind: Direct,\n cost: 12,");
    with("outcome: Converted,", "outcome: Converted,\n customers: 3,");
    with(
        "outcome: Converted,",
        "outcome: Converted,\n allow: [\"empty-path\"],",
    );
}

#[test]
fn a_format_1_file_that_uses_a_new_field_is_read_and_saved_as_format_2() {
    let text = V2.replacen("format: 2,", "format: 1,", 1);
    let map = parse(&text);
    assert_eq!(map.format, 2);
    assert_eq!(to_string(&map), V2);
}

#[test]
fn bad_values_are_refused_with_line_and_column() {
    let bad = |from: &str, to: &str, message: &str, line: usize| {
        let text = V2.replacen(from, to, 1);
        let e = parse_bytes(Path::new("bad.ron"), text.as_bytes()).expect_err("refused");
        assert_eq!(e.line, Some(line), "{e}");
        assert!(e.to_string().contains(message), "{e}");
    };
    bad(
        "\"de\"",
        "\"fr\"",
        "unknown language `fr`; journey knows `en` and `de`",
        4,
    );
    bad("cost: 4.5", "cost: -1", "cost -1 is not allowed", 17);
    bad(
        "customers: 120",
        "customers: -5",
        "customers -5 is not allowed; expected a whole number of 0 or more",
        40,
    );
}

#[test]
fn a_newer_format_is_refused_as_newer() {
    let text = V2.replacen("format: 2,", "format: 3,", 1);
    let e = parse_bytes(Path::new("new.ron"), text.as_bytes()).expect_err("refused");
    assert!(
        matches!(e.kind, LoadErrorKind::NewerFormat { found: 3 }),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("format 3; this build reads format 2 and older"),
        "{e}"
    );
}
