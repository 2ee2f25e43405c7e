//! The file format: round trips with hostile strings, canonical bytes, and
//! every shipped map already in canonical form.

use journey::core::format::{parse_bytes, to_string};
use journey::core::model::{Kind, Map, Outcome, Path as JPath, Persona, Stage, Step, Touchpoint};
use journey::core::templates::Template;
use proptest::prelude::*;
use std::path::Path;

/// Strings that have broken serializers before, plus arbitrary Unicode.
fn hostile() -> impl Strategy<Value = String> {
    let fragments = prop::sample::select(vec![
        "\"",
        "\\",
        "\"#",
        "r#\"",
        "\n",
        "\t",
        "\r\n",
        "\x1b[31m",
        "\x1b]0;pwned\x07",
        "\0",
        "\u{202e}",
        "\u{2066}",
        "مرحبا",
        "👩‍👩‍👧",
        "🇩🇪",
        "Größe",
        "ÄÖÜß",
        "口コミ",
        " ",
        "\u{200b}",
        "",
        "//",
        "/*",
        "*/",
        "),",
        "]",
        "Some(",
        "\\u{41}",
        "#![enable(implicit_some)]",
    ]);
    prop_oneof![
        prop::collection::vec(fragments, 0..5).prop_map(|v| v.concat()),
        any::<String>(),
        "[a-zA-Z ]{0,12}",
    ]
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::Direct), Just(Kind::Indirect)]
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::Converted),
        Just(Outcome::DroppedOut),
        Just(Outcome::Open)
    ]
}

fn touchpoint() -> impl Strategy<Value = Touchpoint> {
    (hostile(), hostile(), kind(), hostile(), hostile()).prop_map(
        |(id, name, kind, channel, notes)| Touchpoint {
            id,
            name,
            kind,
            channel,
            notes,
        },
    )
}

fn stage() -> impl Strategy<Value = Stage> {
    (
        hostile(),
        hostile(),
        hostile(),
        prop::collection::vec(touchpoint(), 0..4),
    )
        .prop_map(|(id, name, description, touchpoints)| Stage {
            id,
            name,
            description,
            touchpoints,
        })
}

fn step() -> impl Strategy<Value = Step> {
    (hostile(), prop::option::of(-2i8..=2), hostile()).prop_map(|(touchpoint, emotion, note)| {
        Step {
            touchpoint,
            emotion,
            note,
        }
    })
}

fn persona() -> impl Strategy<Value = Persona> {
    let path = (
        hostile(),
        hostile(),
        outcome(),
        prop::collection::vec(step(), 0..4),
    )
        .prop_map(|(id, name, outcome, steps)| JPath {
            id,
            name,
            outcome,
            steps,
        });
    (
        hostile(),
        hostile(),
        hostile(),
        prop::collection::vec(path, 0..3),
    )
        .prop_map(|(id, name, description, paths)| Persona {
            id,
            name,
            description,
            paths,
        })
}

fn map() -> impl Strategy<Value = Map> {
    (
        hostile(),
        hostile(),
        hostile(),
        prop::collection::vec(stage(), 0..4),
        prop::collection::vec(persona(), 0..3),
    )
        .prop_map(|(title, description, conversion, stages, personas)| Map {
            format: 1,
            title,
            description,
            conversion,
            stages,
            personas,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn save_load_is_the_identity_and_saves_are_byte_stable(map in map()) {
        let text = to_string(&map);
        let loaded = parse_bytes(Path::new("prop.ron"), text.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&loaded.map, &map);
        prop_assert_eq!(to_string(&loaded.map), text);
    }

    #[test]
    fn saved_files_hold_no_raw_control_or_bidi_characters(map in map()) {
        let text = to_string(&map);
        let bad = text.chars().find(|&c| c != '\n' && journey::core::format::needs_escape(c));
        prop_assert_eq!(bad, None);
    }
}

#[test]
fn canonical_layout_is_stable_and_readable() {
    let mut map = Map::new("Demo");
    map.stages.push(Stage {
        id: "awareness".into(),
        name: "Awareness".into(),
        description: String::new(),
        touchpoints: vec![Touchpoint {
            id: "web-search".into(),
            name: "Web search".into(),
            kind: Kind::Indirect,
            channel: "web".into(),
            notes: String::new(),
        }],
    });
    map.personas.push(Persona {
        id: "anna".into(),
        name: "Anna".into(),
        description: String::new(),
        paths: vec![JPath {
            id: "anna-main".into(),
            name: "Main".into(),
            outcome: Outcome::Converted,
            steps: vec![Step {
                touchpoint: "web-search".into(),
                emotion: Some(-1),
                note: "Too many \"results\"".into(),
            }],
        }],
    });
    let expected = r#"(
    format: 1,
    title: "Demo",
    stages: [
        (
            id: "awareness",
            name: "Awareness",
            touchpoints: [
                (
                    id: "web-search",
                    name: "Web search",
                    kind: Indirect,
                    channel: "web",
                ),
            ],
        ),
    ],
    personas: [
        (
            id: "anna",
            name: "Anna",
            paths: [
                (
                    id: "anna-main",
                    name: "Main",
                    outcome: Converted,
                    steps: [
                        (touchpoint: "web-search", emotion: -1, note: "Too many \"results\""),
                    ],
                ),
            ],
        ),
    ],
)
"#;
    assert_eq!(to_string(&map), expected);
}

/// Every `.ron` file under `maps/`, templates included.
fn shipped_maps() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("templates")] {
        for entry in std::fs::read_dir(&dir).expect("maps/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "ron") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_shipped_map_is_already_canonical() {
    let files = shipped_maps();
    assert!(
        files.len() >= 3,
        "expected the templates at least, found {files:?}"
    );
    for file in files {
        let bytes = std::fs::read(&file).expect("shipped map is readable");
        let loaded = parse_bytes(&file, &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            to_string(&loaded.map),
            loaded.text,
            "{} is not canonical; run `journey fmt`",
            file.display()
        );
    }
}

#[test]
fn built_in_templates_match_the_files_and_have_empty_stages() {
    let expected_stages = [("five-stage", 5), ("aida", 4), ("hourglass", 7)];
    for (template, (name, stages)) in Template::ALL.into_iter().zip(expected_stages) {
        assert_eq!(template.name(), name);
        let on_disk = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("maps/templates/{name}.ron")),
        )
        .expect("template file");
        assert_eq!(template.source(), on_disk);
        let map = template.instantiate(Some("Launch"));
        assert_eq!(map.title, "Launch");
        assert_eq!(map.stages.len(), stages);
        assert!(map.stages.iter().all(|s| s.touchpoints.is_empty()));
    }
}
