//! The file format: round trips with hostile strings, canonical bytes, and
//! every shipped map already in canonical form.

mod common;

use common::strategies::map;
use journey::core::format::{parse_bytes, to_string};
use journey::core::model::{Kind, Map, Outcome, Path as JPath, Persona, Stage, Step, Touchpoint};
use journey::core::templates::Template;
use proptest::prelude::*;
use std::path::Path;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn save_load_is_the_identity_and_saves_are_byte_stable(map in map()) {
        // Clean maps (no control characters) round-trip exactly.
        let mut clean = map.clone();
        journey::core::text::clean_map(&mut clean);
        let clean_text = to_string(&clean);
        let clean_loaded = parse_bytes(Path::new("clean.ron"), clean_text.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{clean_text}")))?;
        prop_assert_eq!(&clean_loaded.map, &clean);

        let text = to_string(&map);
        let loaded = parse_bytes(Path::new("prop.ron"), text.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        // Loading cleans control and bidi characters once; everything else
        // must come back exactly.
        let mut expected = map.clone();
        journey::core::text::clean_map(&mut expected);
        prop_assert_eq!(&loaded.map, &expected);
        let saved = to_string(&loaded.map);
        let reloaded = parse_bytes(Path::new("again.ron"), saved.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{saved}")))?;
        prop_assert_eq!(&reloaded.map, &loaded.map);
        prop_assert_eq!(to_string(&reloaded.map), saved);
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
        allow: Vec::new(),
        id: "awareness".into(),
        name: "Awareness".into(),
        description: String::new(),
        touchpoints: vec![Touchpoint {
            allow: Vec::new(),
            cost: None,
            id: "web-search".into(),
            name: "Web search".into(),
            kind: Kind::Indirect,
            channel: "web".into(),
            notes: String::new(),
        }]
        .into(),
    });
    map.personas.push(Persona {
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
            steps: vec![Step {
                touchpoint: "web-search".into(),
                emotion: Some(-1),
                note: "Too many \"results\"".into(),
            }],
        }]
        .into(),
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

#[test]
fn the_readme_example_is_canonical_and_checks_clean() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = readme.find("```ron\n").expect("a ron block in the README") + "```ron\n".len();
    let end = start + readme[start..].find("```").expect("the block ends");
    let example = &readme[start..end];
    let loaded =
        parse_bytes(Path::new("README.md"), example.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        to_string(&loaded.map),
        example,
        "the README example is not canonical"
    );
    assert_eq!(journey::core::validate::validate(&loaded.map), vec![]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Damaged files (bytes flipped, cut, or spliced in) give an error or a
    /// map, never a panic.
    #[test]
    fn damaged_files_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/camera.ron"))
            .expect("camera example");
        for (at, byte, how) in edits {
            let i = at.index(bytes.len());
            match how {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        let keep = cut.index(bytes.len() + 1);
        bytes.truncate(keep.max(bytes.len() / 2));
        if let Ok(loaded) = parse_bytes(Path::new("damaged.ron"), &bytes) {
            let _ = journey::core::validate::validate(&loaded.map);
            let again = parse_bytes(Path::new("again.ron"), to_string(&loaded.map).as_bytes());
            prop_assert!(again.is_ok());
        }
    }
}
