//! `journey insight` end to end: the dating example, CSV and event-log
//! input, the what-if, bad input, and the `no-converted-path` check.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn journey() -> Command {
    Command::cargo_bin("journey").expect("binary")
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps")
        .join(name)
}

fn json(args: &[&str]) -> Value {
    let out = journey()
        .arg("insight")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn row<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["touchpoints"]
        .as_array()
        .expect("touchpoints")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

/// The dating map's paths as a CSV in ChannelAttribution's format, with
/// `;`, quotes, names for some steps and the rows in another order.
const DATE_CSV: &str = "path;total_conversions;total_null\n\
bar;0;12\n\
kaffee > abendessen > seesteg;0;8\n\
\"Kaffee > Mittagessen > Spaziergang > Abendessen > Seesteg\";30;0\n\
kaffee>mittagessen>abendessen>bar;0;25\n\
kaffee > spaziergang > seesteg;10;0\n\
kaffee > ausstellung > bar;0;15\n\
kaffee > ausstellung > spaziergang > seesteg;20;0\n";

fn write(dir: &Path, name: &str, text: &[u8]) -> PathBuf {
    let file = dir.join(name);
    std::fs::write(&file, text).expect("write");
    file
}

#[test]
fn the_jetty_gets_the_kiss_and_the_coffee_and_the_walk_are_relied_on() {
    let out = journey()
        .arg("insight")
        .arg(example("date.ron"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
    assert!(text.lines().count() <= 24, "more than a screen:\n{text}");
    // The sentences come before the table, largest effect first.
    let coffee = text
        .find("Kaffee: 0 direkte Abschlüsse")
        .expect("coffee relied on");
    let walk = text
        .find("Spaziergang: 0 direkte Abschlüsse")
        .expect("walk relied on");
    let table = text.find("\nKontaktpunkt ").expect("German table header");
    assert!(coffee < walk && walk < table, "{text}");
    // Sentences wrap at 80 columns.
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("ohne Kaffee gehen 100% der Abschlüsse verloren"),
        "{text}"
    );

    let report = json(&[example("date.ron").to_str().expect("path")]);
    assert_eq!(report["version"], 1);
    assert_eq!(report["conversions"], 60);
    assert_eq!(report["nulls"], 60);
    assert_eq!(report["left_out"], 0);
    let jetty = row(&report, "seesteg");
    assert_eq!(jetty["last_touch"], 60.0);
    assert_eq!(jetty["relied_on"], false);
    let coffee = row(&report, "kaffee");
    assert_eq!(coffee["last_touch"], 0.0);
    assert_eq!(coffee["removal_effect"], 1.0);
    assert_eq!(coffee["relied_on"], true);
    assert_eq!(coffee["customers"], 108);
    assert_eq!(coffee["cost"], 8.0);
    let walk = row(&report, "spaziergang");
    assert_eq!(walk["relied_on"], true);
    assert!(walk["removal_effect"].as_f64().expect("number") > 0.5);
    // The bar leads to no kiss: no effect, not relied on.
    assert_eq!(row(&report, "bar")["removal_effect"], 0.0);
}

#[test]
fn a_csv_of_the_same_journeys_gives_the_same_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = write(dir.path(), "date.csv", DATE_CSV.as_bytes());
    let map = example("date.ron");
    let from_map = json(&[map.to_str().expect("path")]);
    let from_csv = json(&[
        map.to_str().expect("path"),
        "--data",
        csv.to_str().expect("path"),
    ]);
    assert_eq!(from_csv["source"], "paths-csv");
    assert_eq!(from_map["source"], "map");
    assert_eq!(from_map["touchpoints"], from_csv["touchpoints"]);
    assert_eq!(from_map["conversions"], from_csv["conversions"]);
}

#[test]
fn an_event_log_is_ordered_by_time_and_grouped_by_journey() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Lead a: coffee, then the jetty (rows out of order), converted;
    // lead b: the bar, not converted.
    let log = "journey,touchpoint,time,converted\n\
a,seesteg,2024-05-03T21:00:00+02:00,true\n\
b,bar,2024-05-01T20:00:00Z,false\n\
a,kaffee,2024-05-01T09:00:00Z,\n";
    let csv = write(dir.path(), "log.csv", log.as_bytes());
    let report = json(&[
        example("date.ron").to_str().expect("path"),
        "--data",
        csv.to_str().expect("path"),
    ]);
    assert_eq!(report["source"], "event-log");
    assert_eq!(report["conversions"], 1);
    assert_eq!(report["nulls"], 1);
    assert_eq!(row(&report, "kaffee")["first_touch"], 1.0);
    assert_eq!(row(&report, "seesteg")["last_touch"], 1.0);
}

#[test]
fn the_what_if_says_what_removing_saves_and_costs() {
    let report = json(&[
        example("date.ron").to_str().expect("path"),
        "--without",
        "abendessen,bar",
    ]);
    let w = &report["what_if"];
    assert_eq!(w["without"], serde_json::json!(["abendessen", "bar"]));
    assert_eq!(w["saved"], 135.0);
    let expected = w["conversions"].as_f64().expect("number");
    assert!(expected < 60.0 && expected > 0.0, "{w}");
    assert!((w["change"].as_f64().expect("number") - (expected - 60.0)).abs() < 1e-9);
    let out = journey()
        .arg("insight")
        .arg(example("date.ron"))
        .args(["--without", "abendessen"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Ohne Abendessen:"), "{text}");
    assert!(words.contains("spart 90.00 EUR"), "{text}");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = example("date.ron");
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "typo.csv",
            b"path,total_conversions,total_null\nkaffee > bar,1,0\nkaffe > bar,1,0\n",
            "line 3: `kaffe` is no touchpoint of the map; did you mean `kaffee`?",
        ),
        (
            "negative.csv",
            b"path,total_conversions,total_null\nkaffee,-1,0\n",
            "line 2: `-1` in `total_conversions` is not a count",
        ),
        (
            "columns.csv",
            b"path,total_conversions\nkaffee,1\n",
            "no `total_null` column",
        ),
        (
            "latin1.csv",
            b"path,conversions,nulls\nkaffee,1,0\ncaf\xe9,1,0\n",
            "line 3: the file is not UTF-8 text",
        ),
        (
            "time.csv",
            b"journey,touchpoint,time\na,kaffee,yesterday\n",
            "line 2: `yesterday` in `time` is not an RFC 3339 time",
        ),
    ];
    for (name, text, message) in cases {
        let csv = write(dir.path(), name, text);
        journey()
            .arg("insight")
            .arg(&map)
            .arg("--data")
            .arg(&csv)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message));
    }
    journey()
        .arg("insight")
        .arg(&map)
        .args(["--persona", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no persona has the id `nobody`"));
    journey()
        .arg("insight")
        .arg(&map)
        .args(["--without", "nothing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no touchpoint has the id `nothing`",
        ));
}

#[test]
fn one_persona_and_the_other_formats() {
    let report = json(&[
        example("date.ron").to_str().expect("path"),
        "--persona",
        "der-kulturfreund",
    ]);
    assert_eq!(report["conversions"], 20);
    assert_eq!(report["nulls"], 15);
    let out = journey()
        .arg("insight")
        .arg(example("camera.ron"))
        .args(["--format", "csv"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .expect("header")
            .starts_with("id,name,stage,kind,paths,customers,first_touch")
    );
    assert_eq!(lines.count(), 18, "one row per touchpoint");
    journey()
        .arg("insight")
        .arg(example("camera.ron"))
        .args(["--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("## Attribution\n"));
    journey()
        .args(["insight", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Example"));
}

#[test]
fn check_warns_when_no_path_converts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(example("date.ron")).expect("read");
    let none = text.replace("outcome: Converted", "outcome: DroppedOut");
    let file = write(dir.path(), "none.ron", none.as_bytes());
    journey()
        .arg("check")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("warning[no-converted-path]"));
    journey()
        .arg("check")
        .arg(example("date.ron"))
        .assert()
        .success()
        .stdout(predicate::str::contains("no-converted-path").not());
}

#[test]
fn the_readme_shows_what_insight_prints() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let marker = "$ journey insight maps/date.ron\n";
    let start = readme.find(marker).expect("the example in the README") + marker.len();
    let shown = &readme[start..start + readme[start..].find("```").expect("its end")];
    journey()
        .arg("insight")
        .arg(example("date.ron"))
        .assert()
        .success()
        .stdout(shown.to_string());
}

#[test]
fn the_map_or_the_csv_can_come_from_standard_input() {
    let map = std::fs::read(example("date.ron")).expect("read");
    let from_stdin = journey()
        .args(["insight", "-", "--format", "json"])
        .write_stdin(map)
        .output()
        .expect("runs");
    assert!(from_stdin.status.success());
    let from_file = json(&[example("date.ron").to_str().expect("path")]);
    let from_stdin: Value = serde_json::from_slice(&from_stdin.stdout).expect("JSON");
    assert_eq!(from_stdin, from_file);
    let csv = journey()
        .arg("insight")
        .arg(example("date.ron"))
        .args(["--data", "-", "--format", "json"])
        .write_stdin(DATE_CSV)
        .output()
        .expect("runs");
    let csv: Value = serde_json::from_slice(&csv.stdout).expect("JSON");
    assert_eq!(csv["touchpoints"], from_file["touchpoints"]);
}
