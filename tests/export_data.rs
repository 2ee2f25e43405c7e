//! The data exports: the touchpoint inventory as CSV, read back with the
//! `csv` crate and compared with the map, and the whole map as JSON, read
//! back with serde_json into the same map.

mod common;

use assert_cmd::Command;
use journey::core::export::{Format, Options, export};
use journey::core::model::{
    Cost, Kind, Map, Outcome, Path as JPath, Persona, Stage, Step, Touchpoint,
};
use proptest::prelude::*;

/// The rows of a CSV export, header first.
fn rows(csv_text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.expect("a well-formed CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// The header and rows as maps from column name to cell.
fn records(csv_text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let all = rows(csv_text);
    let (header, body) = all.split_first().expect("a header");
    body.iter()
        .map(|row| {
            assert_eq!(row.len(), header.len(), "every row has every column");
            header.iter().cloned().zip(row.iter().cloned()).collect()
        })
        .collect()
}

/// What a cell should read: cleaned as every export cleans, and a formula
/// defused with a leading `'`.
fn expected_cell(s: &str, multiline: bool) -> String {
    let stripped = s.replace(['\u{fffe}', '\u{ffff}'], "");
    let clean = journey::core::text::clean(&stripped, multiline).into_owned();
    if clean.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{clean}")
    } else {
        clean
    }
}

/// Checks every row of `csv_text` against `map`, computing who visits each
/// touchpoint from the paths themselves.
fn check_csv_against(map: &Map, options: &Options, csv_text: &str) {
    let records = records(csv_text);
    let touchpoints: Vec<(&Stage, &Touchpoint)> = map.touchpoints().collect();
    assert_eq!(records.len(), touchpoints.len(), "one row per touchpoint");
    let has_cost = touchpoints.iter().any(|(_, t)| t.cost.is_some());
    for (row, (stage, t)) in records.iter().zip(&touchpoints) {
        assert_eq!(row["stage"], expected_cell(&stage.name, false));
        assert_eq!(row["stage_id"], expected_cell(&stage.id, false));
        assert_eq!(row["name"], expected_cell(&t.name, false));
        assert_eq!(row["id"], expected_cell(&t.id, false));
        assert_eq!(row["kind"], t.kind.label());
        assert_eq!(row["channel"], expected_cell(&t.channel, false));
        assert_eq!(row["notes"], expected_cell(&t.notes, true));
        let shown: Vec<&Persona> = map
            .personas
            .iter()
            .filter(|p| options.persona.as_deref().is_none_or(|id| p.id == id))
            .collect();
        let visits = |path: &JPath| path.steps.iter().filter(|s| s.touchpoint == t.id).count();
        let personas: Vec<String> = shown
            .iter()
            .filter(|p| p.paths.iter().any(|path| visits(path) > 0))
            .map(|p| expected_cell(&p.name, false))
            .collect();
        let paths: Vec<String> = shown
            .iter()
            .flat_map(|p| &p.paths)
            .filter(|path| visits(path) > 0)
            .map(|path| expected_cell(&path.id, false))
            .collect();
        let count: usize = shown.iter().flat_map(|p| &p.paths).map(visits).sum();
        assert_eq!(row["personas"], personas.join("; "));
        assert_eq!(row["paths"], paths.join("; "));
        assert_eq!(row["visits"], count.to_string());
        if has_cost {
            match t.cost {
                Some(cost) => {
                    let read: f64 = row["cost"].parse().expect("a cost is a number");
                    assert_eq!(read, cost.get());
                    assert_eq!(row["currency"], expected_cell(&map.currency, false));
                }
                None => {
                    assert_eq!(row["cost"], "");
                    assert_eq!(row["currency"], "");
                }
            }
        } else {
            assert!(!row.contains_key("cost"), "no cost column without costs");
        }
    }
}

#[test]
fn every_example_reads_back_as_its_touchpoint_inventory() {
    for example in common::examples() {
        let mut options = vec![Options::all()];
        options.extend(
            example
                .map
                .personas
                .iter()
                .map(|p| Options::persona(p.id.clone())),
        );
        for options in &options {
            let out = export(&example.map, Format::Csv, options);
            assert!(
                out.warnings.is_empty(),
                "{}: {:?}",
                example.name,
                out.warnings
            );
            check_csv_against(&example.map, options, &out.text);
        }
    }
}

#[test]
fn the_camera_map_lists_its_costs_and_who_visits() {
    let map = journey::core::format::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/maps/camera.ron"
    )))
    .expect("camera loads")
    .map;
    let text = export(&map, Format::Csv, &Options::all()).text;
    let all = rows(&text);
    assert_eq!(
        all[0],
        [
            "stage", "stage_id", "name", "id", "kind", "channel", "cost", "currency", "notes",
            "personas", "paths", "visits"
        ]
    );
    // RFC 4180 ends every record with CRLF.
    assert!(text.ends_with("\r\n"));
    let web = records(&text)
        .into_iter()
        .find(|r| r["id"] == "web-search")
        .expect("web search has a row");
    assert_eq!(web["stage"], "Awareness");
    assert_eq!(web["kind"], "indirect");
    assert!(web["personas"].contains("Hobby photographer"));
}

fn hostile_map() -> Map {
    let mut map = Map::new("Hostile");
    map.currency = "=EUR".into();
    map.stages.push(Stage {
        id: "s".into(),
        name: "Awareness, \"early\"".into(),
        description: String::new(),
        allow: Vec::new(),
        touchpoints: vec![
            Touchpoint {
                id: "f".into(),
                name: "=HYPERLINK(\"http://x\",\"click\")".into(),
                kind: Kind::Direct,
                channel: "+1 555".into(),
                cost: Cost::new(12.5),
                notes: "line one\nline two, with \"quotes\"\n-2 = bad".into(),
                allow: Vec::new(),
            },
            Touchpoint {
                id: "g".into(),
                name: "@SUM(A1:A9)\u{202e}".into(),
                kind: Kind::Indirect,
                channel: "-web".into(),
                cost: None,
                notes: "\u{1b}[31mred\u{1b}[0m".into(),
                allow: Vec::new(),
            },
        ]
        .into(),
    });
    map.personas.push(Persona {
        id: "p".into(),
        name: "-Sceptic; \"Ana\"".into(),
        description: String::new(),
        allow: Vec::new(),
        paths: vec![JPath {
            id: "p-main".into(),
            name: "Main".into(),
            outcome: Outcome::Converted,
            customers: Some(3),
            allow: Vec::new(),
            steps: vec![
                Step {
                    touchpoint: "f".into(),
                    emotion: Some(-2),
                    note: String::new(),
                },
                Step {
                    touchpoint: "f".into(),
                    emotion: None,
                    note: String::new(),
                },
            ],
        }]
        .into(),
    });
    // As a load gives it: the format that holds the map.
    map.format = journey::core::format::required_format(&map);
    map
}

#[test]
fn hostile_cells_are_quoted_and_formulas_defused() {
    let map = hostile_map();
    let text = export(&map, Format::Csv, &Options::all()).text;
    check_csv_against(&map, &Options::all(), &text);
    let records = records(&text);
    assert_eq!(records[0]["stage"], "Awareness, \"early\"");
    assert_eq!(records[0]["name"], "'=HYPERLINK(\"http://x\",\"click\")");
    assert_eq!(records[0]["channel"], "'+1 555");
    assert_eq!(records[0]["currency"], "'=EUR");
    assert_eq!(
        records[0]["notes"],
        "line one\nline two, with \"quotes\"\n-2 = bad"
    );
    assert_eq!(records[0]["personas"], "'-Sceptic; \"Ana\"");
    assert_eq!(records[0]["visits"], "2");
    assert_eq!(records[1]["name"], "'@SUM(A1:A9)");
    assert_eq!(records[1]["notes"], "red");
    assert_eq!(records[1]["cost"], "");
    // No cell of the raw text starts a formula: each begins after a comma,
    // a quote or a line end, and none of those is followed by one.
    for line in text.split("\r\n") {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a formula reached the file: {cell:?}"
            );
        }
    }
}

#[test]
fn json_reads_back_into_the_same_map() {
    for example in common::examples() {
        let text = export(&example.map, Format::Json, &Options::all()).text;
        assert!(text.ends_with("}\n"));
        let back: Map =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", example.name));
        assert_eq!(back, example.map, "{}", example.name);
    }
    let map = hostile_map();
    let text = export(&map, Format::Json, &Options::all()).text;
    let back: Map = serde_json::from_str(&text).expect("hostile JSON reads back");
    assert_eq!(back, map);
}

#[test]
fn json_names_its_fields_as_the_model_does() {
    let map = hostile_map();
    let value: serde_json::Value =
        serde_json::from_str(&export(&map, Format::Json, &Options::all()).text).expect("json");
    assert_eq!(value["format"], 2, "costs and counts need format 2");
    assert_eq!(value["language"], "en");
    let t = &value["stages"][0]["touchpoints"][0];
    assert_eq!(t["kind"], "Direct");
    assert_eq!(t["cost"], 12.5);
    // An unset cost, count or emotion is left out, not null.
    assert!(value["stages"][0]["touchpoints"][1].get("cost").is_none());
    let path = &value["personas"][0]["paths"][0];
    assert_eq!(path["outcome"], "Converted");
    assert_eq!(path["customers"], 3);
    assert_eq!(path["steps"][0]["emotion"], -2);
    assert!(path["steps"][1].get("emotion").is_none());
}

#[test]
fn json_with_a_persona_keeps_that_persona_alone() {
    let example = common::examples()
        .into_iter()
        .find(|e| e.map.personas.len() > 1)
        .expect("a map with several personas");
    let id = example.map.personas[1].id.clone();
    let text = export(&example.map, Format::Json, &Options::persona(id.clone())).text;
    let back: Map = serde_json::from_str(&text).expect("json");
    assert_eq!(back.personas.len(), 1);
    assert_eq!(back.personas[0].id, id);
    assert_eq!(back.stages, example.map.stages);
}

fn journey() -> Command {
    let mut cmd = Command::cargo_bin("journey").expect("binary");
    // No test reads the developer's own config: this folder has none.
    cmd.env(
        "XDG_CONFIG_HOME",
        std::env::temp_dir().join(format!("journey-no-config-{}", std::process::id())),
    )
    .env_remove("JOURNEY_CONFIG");
    cmd
}

#[test]
fn the_cli_writes_both_formats_the_same_every_time() {
    let camera = concat!(env!("CARGO_MANIFEST_DIR"), "/maps/camera.ron");
    for format in ["csv", "json"] {
        let first = journey()
            .args(["export", camera, "--format", format])
            .output()
            .expect("runs");
        assert!(first.status.success(), "{format}: {first:?}");
        let second = journey()
            .args(["export", camera, "--format", format])
            .output()
            .expect("runs");
        assert_eq!(first.stdout, second.stdout, "{format} is deterministic");
        let map = journey::core::format::load(std::path::Path::new(camera))
            .expect("loads")
            .map;
        let expected = export(&map, Format::Json, &Options::all());
        if format == "json" {
            assert_eq!(String::from_utf8_lossy(&first.stdout), expected.text);
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("touchpoints.csv");
    journey()
        .args(["export", camera, "--format", "csv", "--output"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("stage,stage_id,name,id,kind,"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any map, hostile text included, gives a CSV that reads back to its
    /// touchpoints, and a JSON that reads back to the map itself.
    #[test]
    fn any_map_round_trips_through_both(map in common::strategies::map()) {
        let csv_text = export(&map, Format::Csv, &Options::all()).text;
        check_csv_against(&map, &Options::all(), &csv_text);
        let json = export(&map, Format::Json, &Options::all()).text;
        let back: Map = serde_json::from_str(&json).expect("json reads back");
        prop_assert_eq!(back, map);
    }
}

#[test]
fn json_gives_the_format_a_save_would_write() {
    let mut map = hostile_map();
    map.format = 1;
    // A cost needs format 2, whatever the map was read as.
    let value: serde_json::Value =
        serde_json::from_str(&export(&map, Format::Json, &Options::all()).text).expect("json");
    assert_eq!(value["format"], 2);
    let mut plain = Map::new("Plain");
    plain.format = 2;
    let value: serde_json::Value =
        serde_json::from_str(&export(&plain, Format::Json, &Options::all()).text).expect("json");
    assert_eq!(value["format"], 1);
}

#[test]
fn the_camera_inventory_matches_its_snapshot() {
    let map = journey::core::format::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/maps/camera.ron"
    )))
    .expect("camera loads")
    .map;
    // CRLF is RFC 4180's; the snapshot shows it as `\r`-free lines.
    let text = export(&map, Format::Csv, &Options::all()).text;
    insta::assert_snapshot!("camera.csv", text.replace("\r\n", "\n"));
}
