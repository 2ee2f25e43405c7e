//! The config file and the key table on the command line: `journey keys`,
//! `journey config`, `--config`, `JOURNEY_CONFIG`, and `journey new`
//! taking the config's defaults. Every test points XDG_CONFIG_HOME at a
//! temporary folder.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

/// journey with `home` as its config folder and no `JOURNEY_CONFIG`.
fn journey(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("journey").expect("the binary is built");
    cmd.env("XDG_CONFIG_HOME", home)
        .env_remove("JOURNEY_CONFIG")
        .current_dir(home);
    cmd
}

fn write_config(home: &Path, text: &str) -> std::path::PathBuf {
    let folder = home.join("journey");
    std::fs::create_dir_all(&folder).expect("config folder");
    let file = folder.join("config.ron");
    std::fs::write(&file, text).expect("config written");
    file
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("journey runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn keys_prints_every_binding() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = stdout(journey(home.path()).arg("keys"));
    assert!(text.starts_with("mode"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()[..3] == ["board", "ctrl-s", "save"])
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("form") && l.contains("alt-enter") && l.contains("newline"))
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(
        journey(home.path()).args(["keys", "--format", "json"]),
    ))
    .expect("JSON");
    let rows = json.as_array().expect("a list");
    assert_eq!(rows.len(), journey::tui::keymap::DEFAULT_BINDINGS.len());
    assert!(rows.iter().any(|r| r["mode"] == "board"
        && r["key"] == "t"
        && r["action"] == "toggle-kind"
        && r["description"] == "toggle direct/indirect"));
}

#[test]
fn keys_shows_the_users_bindings() {
    let home = tempfile::tempdir().expect("temp dir");
    write_config(
        home.path(),
        r#"(keys: [(mode: "board", key: "x", action: "toggle-kind"), (mode: "board", key: "F5", action: "export")])"#,
    );
    let text = stdout(journey(home.path()).args(["keys", "--format", "json"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON");
    let action_of = |key: &str| {
        rows.iter()
            .find(|r| r["mode"] == "board" && r["key"] == key)
            .map(|r| r["action"].clone())
    };
    assert_eq!(action_of("x"), Some("toggle-kind".into()));
    assert_eq!(action_of("f5"), Some("export".into()));
    assert_eq!(action_of("t"), Some("toggle-kind".into()));
}

#[test]
fn a_bad_config_warns_on_stderr_with_file_and_line_and_keys_still_print() {
    let home = tempfile::tempdir().expect("temp dir");
    write_config(
        home.path(),
        "(\n  keys: [\n    (mode: \"board\", key: \"x\", action: \"toggle-knd\"),\n  ],\n)",
    );
    journey(home.path())
        .arg("keys")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "journey/config.ron:3:5: unknown action `toggle-knd`",
        ))
        .stdout(predicate::str::contains("export"));
    journey(home.path())
        .arg("config")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("problems: 1"))
        .stdout(predicate::str::contains("config.ron:3:5: unknown action"));
}

#[test]
fn config_says_where_it_looks_and_what_it_read() {
    let home = tempfile::tempdir().expect("temp dir");
    journey(home.path())
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(from the platform's config folder)",
        ))
        .stdout(predicate::str::contains("read: nothing"))
        .stdout(predicate::str::contains("problems: none"));
    let file = write_config(home.path(), "(ascii: true)");
    journey(home.path())
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "read: {}",
            file.display()
        )));
}

#[test]
fn journey_config_and_the_flag_point_elsewhere() {
    let home = tempfile::tempdir().expect("temp dir");
    write_config(home.path(), "(nonsense: 1)");
    let other = home.path().join("other.ron");
    std::fs::write(&other, "(template: \"aida\")").expect("write");
    journey(home.path())
        .env("JOURNEY_CONFIG", &other)
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("(from JOURNEY_CONFIG)"));
    let third = home.path().join("third.ron");
    journey(home.path())
        .env("JOURNEY_CONFIG", &other)
        .arg("--config")
        .arg(&third)
        .arg("config")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("(from --config)"))
        .stdout(predicate::str::contains(
            "no such config file (named by --config)",
        ));
    // The flag also goes after the subcommand.
    journey(home.path())
        .args(["config", "--config"])
        .arg(&other)
        .assert()
        .success();
}

#[test]
fn the_default_config_reads_back_as_the_defaults() {
    let home = tempfile::tempdir().expect("temp dir");
    let text = stdout(journey(home.path()).args(["config", "--default"]));
    assert!(text.contains("// "), "commented");
    let file = write_config(home.path(), &text);
    let config = journey::config::Config::load(Some(&file));
    assert_eq!(config.problems, Vec::<String>::new());
    assert_eq!(
        config.keys.len(),
        journey::tui::keymap::DEFAULT_BINDINGS.len()
    );
    let (keymap, problems) = journey::tui::keymap::Keymap::with_user(&config.keys);
    assert!(problems.is_empty(), "{problems:?}");
    let defaults = journey::tui::keymap::Keymap::default();
    assert_eq!(keymap.bindings().len(), defaults.bindings().len());
    for (got, want) in keymap.bindings().iter().zip(defaults.bindings()) {
        assert!(got == want, "{got:?} is not {want:?}");
    }
    journey(home.path())
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("problems: none"));
}

#[test]
fn new_takes_the_configs_template_and_language() {
    let home = tempfile::tempdir().expect("temp dir");
    write_config(home.path(), "(template: \"hourglass\", language: \"de\")");
    journey(home.path())
        .args(["new", "a.ron"])
        .assert()
        .success()
        .stderr(predicate::str::contains("from the hourglass template"));
    let map = journey::core::format::load(&home.path().join("a.ron"))
        .expect("loads")
        .map;
    assert_eq!(map.language, journey::core::model::Language::De);
    assert_eq!(map.stages.len(), 7);
    // The flag wins over the config.
    journey(home.path())
        .args(["new", "b.ron", "--template", "aida"])
        .assert()
        .success()
        .stderr(predicate::str::contains("from the aida template"));
}

#[test]
fn new_with_a_broken_config_warns_and_uses_the_defaults() {
    let home = tempfile::tempdir().expect("temp dir");
    write_config(home.path(), "(template: \"hourglass\"");
    journey(home.path())
        .args(["new", "a.ron"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: config: "))
        .stderr(predicate::str::contains("config.ron:1:"))
        .stderr(predicate::str::contains("from the five-stage template"));
}

#[test]
fn the_docs_key_table_is_the_one_journey_keys_prints() {
    let home = tempfile::tempdir().expect("temp dir");
    let table = stdout(journey(home.path()).args(["keys", "--format", "markdown"]));
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/keys.md");
    let text = std::fs::read_to_string(&docs).expect("docs/keys.md");
    let generated = text
        .split_once("<!-- generated by `journey keys --format markdown` -->\n\n")
        .map(|(_, t)| t)
        .expect("docs/keys.md has the marker");
    assert_eq!(
        generated, table,
        "docs/keys.md is out of date: run `journey keys --format markdown` and paste it under the marker"
    );
}
