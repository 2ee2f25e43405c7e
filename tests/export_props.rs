//! Property tests: maps full of hostile text (quotes, backslashes, `|`,
//! newlines, `<`, `&`, `\N`, `"]; x -> y [`, DOT keywords, Markdown syntax,
//! emoji, ESC, bidi overrides) and hostile ids. Every export stays
//! well-formed, carries every touchpoint once, and holds no control
//! character. Case counts are kept small: these run in debug builds.

mod common;

use journey::core::export::{Format, Options, export};
use journey::core::model::{Kind, Map, Outcome, Path, Persona, Stage, Step, Touchpoint};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "\"",
    "\\",
    "|",
    "\n",
    "<",
    ">",
    "&",
    "\\N",
    "\\G",
    "\\l",
    "\"]; x -> y [",
    "node",
    "graph",
    "subgraph",
    "strict",
    "edge",
    "digraph",
    "end",
    "# ",
    "- ",
    "1. ",
    "> ",
    "*",
    "_",
    "`",
    "[x](y)",
    "~~",
    "$",
    "👩‍👩‍👧",
    "Größe",
    "口コミ",
    "\u{1b}[31m",
    "\u{1b}]0;t\u{7}",
    "\u{202e}",
    "\u{2066}",
    "\u{ffff}",
    "\u{fffe}",
    "\u{e000}",
    "\u{85}",
    ":",
    "#",
    ";",
    ",",
    "%%",
    "#quot;",
    "&amp;",
    "<br>",
    "{",
    "}",
    "-->",
    "~~~",
    "style",
    "\r\n",
    "\t",
    " ",
    "Name",
    "a",
    // Mermaid journey keywords, which a task name must not start with.
    "title ",
    "Journey ",
    "SECTION ",
    "accTitle: ",
    "accDescr {",
    "%",
    // Invisible characters and escape sequences that clean must remove.
    "\u{200b}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\u{e0041}",
    "\u{9b}1m",
    "\u{9d}0;t\u{9c}",
    "\u{1b}Pq\u{1b}\\",
    "\u{1b}_G",
    "\u{1b}(B",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(FRAGMENTS), 0..5).prop_map(|v| v.concat()),
        1 => "\\PC{0,6}",
    ]
}

/// Mostly slugs, sometimes hostile text, sometimes a repeat: ids are not
/// guaranteed to be valid in a map that fails `check`.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,3}(-[a-z0-9]{1,2})?",
        1 => text(),
        1 => Just("node".to_string()),
    ]
}

fn touchpoint() -> impl Strategy<Value = Touchpoint> {
    (id(), text(), any::<bool>(), text(), text()).prop_map(|(id, name, direct, channel, notes)| {
        Touchpoint {
            allow: Vec::new(),
            cost: None,
            id,
            name,
            kind: if direct { Kind::Direct } else { Kind::Indirect },
            channel,
            notes,
        }
    })
}

fn stage() -> impl Strategy<Value = Stage> {
    (
        id(),
        text(),
        text(),
        prop::collection::vec(touchpoint(), 0..4),
    )
        .prop_map(|(id, name, description, touchpoints)| Stage {
            allow: Vec::new(),
            id,
            name,
            description,
            touchpoints: touchpoints.into(),
        })
}

/// A map whose paths step on its touchpoints (by index, turned into ids),
/// forwards, backwards and onto ids that do not exist.
fn map() -> impl Strategy<Value = Map> {
    let steps = prop::collection::vec((0usize..20, prop::option::of(-2i8..=2), text()), 0..7);
    let path = (id(), text(), 0..3u8, steps);
    let persona = (id(), text(), text(), prop::collection::vec(path, 0..3));
    (
        text(),
        text(),
        text(),
        prop::collection::vec(stage(), 1..5),
        prop::collection::vec(persona, 0..4),
    )
        .prop_map(|(title, description, conversion, stages, personas)| {
            let mut map = Map::new(title);
            map.description = description;
            map.conversion = conversion;
            map.stages = stages;
            let ids: Vec<String> = map.touchpoints().map(|(_, t)| t.id.clone()).collect();
            map.personas = personas
                .into_iter()
                .map(|(id, name, description, paths)| Persona {
                    allow: Vec::new(),
                    id,
                    name,
                    description,
                    paths: paths
                        .into_iter()
                        .map(|(id, name, outcome, steps)| Path {
                            allow: Vec::new(),
                            customers: None,
                            id,
                            name,
                            outcome: match outcome {
                                0 => Outcome::Converted,
                                1 => Outcome::DroppedOut,
                                _ => Outcome::Open,
                            },
                            steps: steps
                                .into_iter()
                                .map(|(n, emotion, note)| Step {
                                    touchpoint: ids
                                        .get(n)
                                        .cloned()
                                        .unwrap_or_else(|| format!("missing-{n}")),
                                    emotion,
                                    note,
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect();
            map
        })
}

/// The touchpoints some shown path visits (first of each id), for the
/// journey diagram's task count.
fn visited(map: &Map) -> usize {
    let firsts: Vec<usize> = map
        .touchpoints()
        .enumerate()
        .filter(|(n, (_, t))| map.touchpoints().position(|(_, u)| u.id == t.id) == Some(*n))
        .map(|(n, _)| n)
        .collect();
    firsts
        .into_iter()
        .filter(|&n| {
            let id = &map.touchpoints().nth(n).map(|(_, t)| t.id.clone());
            map.personas
                .iter()
                .flat_map(|p| &p.paths)
                .flat_map(|p| &p.steps)
                .any(|s| Some(&s.touchpoint) == id.as_ref())
        })
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn markdown_reads_back_into_the_model(map in map()) {
        common::markdown::check("generated", &map);
    }

    #[test]
    fn mermaid_flowchart_is_well_formed(map in map()) {
        let exported = export(&map, Format::Mermaid, &Options::all());
        prop_assert!(!common::has_control(&exported.text));
        let nodes = common::mermaid::check_flowchart(&exported.text)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{}", exported.text)))?;
        prop_assert_eq!(nodes, map.touchpoints().count());
    }

    #[test]
    fn mermaid_journey_is_well_formed(map in map()) {
        let exported = export(&map, Format::MermaidJourney, &Options::all());
        prop_assert!(!common::has_control(&exported.text));
        for w in &exported.warnings {
            prop_assert!(!common::has_control(w), "warning with a control character: {:?}", w);
        }
        let tasks = common::mermaid::check_journey(&exported.text)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{}", exported.text)))?;
        prop_assert_eq!(tasks, visited(&map));
    }

    #[test]
    fn every_persona_alone_exports(map in map()) {
        for persona in &map.personas {
            let options = Options::persona(persona.id.clone());
            for format in [Format::Markdown, Format::Dot, Format::Mermaid, Format::MermaidJourney] {
                let exported = export(&map, format, &options);
                prop_assert!(!common::has_control(&exported.text));
            }
        }
    }
}

proptest! {
    // Each case runs Graphviz twice: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn dot_is_accepted_by_graphviz(map in map()) {
        if common::have_dot() {
            common::graphviz::check_dot("generated", &map, &Options::all());
        }
    }
}

/// The real Mermaid parser, set up by `npm ci` in `tests/mermaid` (as
/// `.ci/run` does): every example and a batch of hostile maps must parse,
/// and each journey diagram must keep all its tasks. It needs Node.js and a
/// download, so it skips where they are missing, except under `CI`.
#[test]
fn mermaid_parses_with_the_real_parser() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mermaid");
    if !folder.join("node_modules/mermaid").exists() {
        common::missing(
            "Mermaid is not set up for the real-parser test (npm ci --prefix tests/mermaid)",
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut maps: Vec<Map> = common::examples().into_iter().map(|e| e.map).collect();
    let mut runner = TestRunner::deterministic();
    for _ in 0..40 {
        maps.push(map().new_tree(&mut runner).expect("a map").current());
    }
    maps.push(keyword_map());
    let mut files = Vec::new();
    let mut expected_tasks = std::collections::HashMap::new();
    for (n, map) in maps.iter().enumerate() {
        for format in [Format::Mermaid, Format::MermaidJourney] {
            let file = dir.path().join(format!("{n}.{}.mmd", format.name()));
            std::fs::write(&file, export(map, format, &Options::all()).text).expect("write");
            if format == Format::MermaidJourney {
                expected_tasks.insert(file.display().to_string(), visited(map));
            }
            files.push(file);
        }
    }
    let output = match std::process::Command::new("node")
        .arg(folder.join("check.mjs"))
        .args(&files)
        .output()
    {
        Ok(output) => output,
        Err(e) => {
            common::missing(&format!(
                "Node.js cannot be run for the real-parser test: {e}"
            ));
            return;
        }
    };
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        report.lines().filter(|l| l.starts_with("ok ")).count(),
        files.len(),
        "{report}"
    );
    let mut journeys = 0;
    for line in report.lines() {
        let Some(rest) = line.strip_prefix("ok ") else {
            continue;
        };
        let Some((file, tasks)) = rest.rsplit_once(" journey tasks=") else {
            continue;
        };
        journeys += 1;
        let tasks: usize = tasks.parse().expect("a task count");
        assert_eq!(
            Some(&tasks),
            expected_tasks.get(file),
            "Mermaid read a different number of tasks from {file}: a name was taken for a statement"
        );
    }
    assert_eq!(journeys, expected_tasks.len(), "{report}");
}

/// A map whose touchpoints are named like Mermaid journey statements: each
/// must still be a task of its own.
fn keyword_map() -> Map {
    let names = [
        "Journey planner app",
        "journey",
        "Title page",
        "title",
        "SECTION 2",
        "accTitle: hidden",
        "accDescr: hidden",
        "accDescr { hidden",
        "% off",
        "%% comment",
        "Journeys",
    ];
    let mut map = Map::new("Keywords");
    map.stages = vec![Stage {
        allow: Vec::new(),
        id: "s".into(),
        name: "journey".into(),
        description: String::new(),
        touchpoints: names
            .iter()
            .enumerate()
            .map(|(n, name)| Touchpoint {
                allow: Vec::new(),
                cost: None,
                id: format!("t{n}"),
                name: name.to_string(),
                kind: Kind::Direct,
                channel: String::new(),
                notes: String::new(),
            })
            .collect(),
    }];
    map.personas = vec![Persona {
        allow: Vec::new(),
        id: "p".into(),
        name: "title".into(),
        description: String::new(),
        paths: vec![Path {
            allow: Vec::new(),
            customers: None,
            id: "p-main".into(),
            name: "Main".into(),
            outcome: Outcome::Open,
            steps: (0..names.len())
                .map(|n| Step {
                    touchpoint: format!("t{n}"),
                    emotion: Some(1),
                    note: String::new(),
                })
                .collect(),
        }]
        .into(),
    }];
    map
}

#[test]
fn journey_keywords_are_altered_and_named() {
    let map = keyword_map();
    let exported = export(&map, Format::MermaidJourney, &Options::all());
    let tasks = common::mermaid::check_journey(&exported.text)
        .unwrap_or_else(|e| panic!("{e}\n{}", exported.text));
    assert_eq!(tasks, visited(&map));
    assert!(
        exported
            .text
            .contains("        ·Journey planner app: 4: title\n"),
        "{}",
        exported.text
    );
    assert!(
        exported.text.contains("        Journeys: 4: title\n"),
        "{}",
        exported.text
    );
    assert!(
        exported
            .warnings
            .iter()
            .any(|w| w.contains("start with `%` or a keyword")
                && w.contains("→ \"·Journey planner app\"")),
        "{:?}",
        exported.warnings
    );
}
