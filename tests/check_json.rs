//! `check --format json` as docs/check-json.md describes it: columns where
//! the line is known, unreadable files in the totals.

use assert_cmd::Command;
use std::path::Path;

fn journey(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("journey").expect("the binary is built");
    cmd.env("XDG_CONFIG_HOME", dir.join(".config"))
        .env_remove("JOURNEY_CONFIG")
        .current_dir(dir);
    cmd
}

const BROKEN: &str = "(\n    format: 1,\n    title: \"B\",\n    stages: [\n        (\n            id: \"a\",\n            name: \"A\",\n        ),\n    ],\n)\n";

#[test]
fn columns_are_filled_and_unreadable_files_count_as_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("b.ron"), BROKEN).expect("write");
    std::fs::write(dir.path().join("u.ron"), "(\n  title 3").expect("write");
    let out = journey(dir.path())
        .args(["check", "--format", "json", "b.ron", "u.ron"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["unreadable"], 1);
    assert_eq!(
        doc["errors"], 2,
        "the empty stage and the unreadable file: {doc}"
    );
    let findings = doc["findings"].as_array().expect("list");
    let stage = findings
        .iter()
        .find(|f| f["rule"] == "empty-stage")
        .expect("empty-stage");
    assert_eq!(stage["line"], 6);
    assert_eq!(stage["column"], 13, "where `id:` begins on line 6");
    assert_eq!(stage["item"], "stage");
    let unreadable = findings
        .iter()
        .find(|f| f["rule"] == "unreadable")
        .expect("unreadable");
    assert_eq!(unreadable["item"], "file");
    assert_eq!(unreadable["severity"], "error");
    assert!(
        unreadable["line"].is_u64() && unreadable["column"].is_u64(),
        "{unreadable}"
    );
}

#[test]
fn the_schema_document_names_every_field_rule_and_item() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/check-json.md"))
            .expect("docs/check-json.md");
    for word in [
        "`version`",
        "`errors`",
        "`warnings`",
        "`unreadable`",
        "`findings`",
        "`file`",
        "`rule`",
        "`severity`",
        "`message`",
        "`line`",
        "`column`",
        "`item`",
        "`id`",
    ] {
        assert!(text.contains(word), "{word} is not described");
    }
    // The validation rules are listed in the README; the one rule only
    // `check` itself gives is listed here.
    assert!(text.contains("`unreadable`"));
    for item in [
        "map",
        "stage",
        "touchpoint",
        "persona",
        "path",
        "step",
        "file",
    ] {
        assert!(
            text.contains(&format!("`{item}`")),
            "item {item} is not listed"
        );
    }
}
