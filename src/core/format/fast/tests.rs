//! The fast reader's own cases: canonical text is read, and what it does
//! not clearly understand is declined (see `tests/format_fast.rs` for the
//! properties against ron).

use super::parse;

const SMALL: &str = "(\n    format: 1,\n    title: \"T\",\n    stages: [\n        (\n            id: \"s\",\n            name: \"S\",\n            touchpoints: [\n                (\n                    id: \"t\",\n                    name: \"T \\\"q\\\" \\u{1b}\",\n                    kind: Direct,\n                    cost: 12.5,\n                ),\n            ],\n        ),\n    ],\n    personas: [\n        (\n            id: \"p\",\n            name: \"P\",\n            paths: [\n                (\n                    id: \"pa\",\n                    name: \"Pa\",\n                    outcome: Converted,\n                    customers: 120,\n                    steps: [\n                        (touchpoint: \"t\", emotion: -2, note: \"n\\n\"),\n                    ],\n                ),\n            ],\n        ),\n    ],\n)\n";

fn ron(text: &str) -> Option<crate::core::model::Map> {
    ron::from_str(text).ok()
}

#[test]
fn canonical_text_parses_as_ron_parses_it() {
    let map = parse(SMALL).expect("the canonical layout is read");
    assert_eq!(Some(&map), ron(SMALL).as_ref());
    assert_eq!(map.stages[0].touchpoints[0].name, "T \"q\" \u{1b}");
    assert_eq!(
        map.stages[0].touchpoints[0].cost.map(|c| c.get()),
        Some(12.5)
    );
    assert_eq!(map.personas[0].paths[0].customers, Some(120));
    assert_eq!(map.personas[0].paths[0].steps[0].emotion, Some(-2));
    let tight = "(title:\"x\",format:2,language:\"DE\",stages:[],)";
    assert_eq!(parse(tight), ron(tight));
    assert!(parse(tight).is_some(), "any field order, no whitespace");
}

#[test]
fn what_is_not_clearly_understood_is_declined() {
    let with = |from: &str, to: &str| {
        let text = SMALL.replacen(from, to, 1);
        assert_ne!(text, SMALL, "{from:?} is in the text");
        text
    };
    let declined = [
        with("(\n    format", "// a comment\n(\n    format"),
        with("title: \"T\"", "title: \"T\" /* c */"),
        with("title: \"T\"", "title: r\"T\""),
        with("title: \"T\"", "title: \"\\x41\""),
        with("title: \"T\"", "title: \"T\", colour: \"red\""),
        with("title: \"T\"", "title: \"T\", title: \"U\""),
        with("title: \"T\"", "title: \"T\"\u{c}"),
        with("cost: 12.5", "cost: Some(12.5)"),
        with("cost: 12.5", "cost: 1_2.5"),
        with("cost: 12.5", "cost: 12.5f64"),
        with("customers: 120", "customers: 0x78"),
        with("emotion: -2", "emotion: +2"),
        with("emotion: -2", "emotion: -3"),
        with("(\n    format", "Map(\n    format"),
        with("kind: Direct", "kind: Sideways"),
        format!("{SMALL}x"),
        format!("#![enable(implicit_some)]\n{SMALL}"),
    ];
    for text in &declined {
        assert_eq!(parse(text), None, "{text}");
    }
    // Declining is not rejecting: some of these are valid RON.
    assert!(ron(&declined[0]).is_some());
    assert!(ron(&declined[2]).is_some());
    assert!(ron(&declined[13]).is_some());
}
