//! `-` for standard input and `--output -`, and `journey check DIR`.
//! Every test points XDG_CONFIG_HOME at a temporary folder.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn journey(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("journey").expect("the binary is built");
    cmd.env("XDG_CONFIG_HOME", dir.join(".config"))
        .env_remove("JOURNEY_CONFIG")
        .current_dir(dir);
    cmd
}

fn fixture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/camera.ron"))
        .expect("fixture")
}

/// A map with an empty stage: one error.
const BROKEN: &str = "(\n    format: 1,\n    title: \"B\",\n    stages: [\n        (\n            id: \"a\",\n            name: \"A\",\n        ),\n    ],\n)\n";

#[test]
fn check_reads_standard_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    journey(dir.path())
        .args(["check", "-"])
        .write_stdin(fixture())
        .assert()
        .success()
        .stderr(
            predicate::str::contains("<stdin>: ok")
                .or(predicate::str::contains("<stdin>: 0 errors")),
        );
    journey(dir.path())
        .args(["check", "-"])
        .write_stdin(BROKEN)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("<stdin>:6: error[empty-stage]"));
    journey(dir.path())
        .args(["check", "-", "-"])
        .write_stdin(BROKEN)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("can be given once"));
}

#[test]
fn standard_input_is_limited_like_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let huge = "x".repeat((journey::core::format::MAX_FILE_BYTES + 10) as usize);
    journey(dir.path())
        .args(["check", "-"])
        .write_stdin(huge)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>"));
}

#[test]
fn fmt_check_reads_standard_input_and_fmt_alone_refuses_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let messy = fixture().replace("    ", "  ");
    journey(dir.path())
        .args(["fmt", "--check", "-"])
        .write_stdin(messy)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("<stdin>"));
    journey(dir.path())
        .args(["fmt", "--check", "-"])
        .write_stdin(fixture())
        .assert()
        .success();
    journey(dir.path())
        .args(["fmt", "-"])
        .write_stdin(fixture())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs --check"));
}

#[test]
fn export_reads_standard_input_and_writes_to_output_dash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("camera.ron");
    std::fs::write(&file, fixture()).expect("write");
    let from_file = journey(dir.path())
        .args(["export", "camera.ron", "--format", "markdown"])
        .output()
        .expect("runs");
    assert!(from_file.status.success());
    let from_stdin = journey(dir.path())
        .args(["export", "-", "--format", "markdown", "--output", "-"])
        .write_stdin(fixture())
        .output()
        .expect("runs");
    assert!(from_stdin.status.success(), "{from_stdin:?}");
    assert_eq!(from_stdin.stdout, from_file.stdout);
    assert!(!dir.path().join("-").exists(), "no file named -");
}

#[test]
fn check_walks_a_folder_and_exits_with_the_worst() {
    let dir = tempfile::tempdir().expect("temp dir");
    let maps = dir.path().join("maps");
    std::fs::create_dir_all(maps.join("team")).expect("mkdir");
    std::fs::create_dir_all(maps.join("target")).expect("mkdir");
    std::fs::create_dir_all(maps.join(".cache")).expect("mkdir");
    std::fs::write(maps.join("camera.ron"), fixture()).expect("write");
    std::fs::write(maps.join("team/camera.ron"), fixture()).expect("write");
    std::fs::write(maps.join("notes.md"), "not a map").expect("write");
    // Broken maps in skipped folders do not count.
    std::fs::write(maps.join("target/broken.ron"), "(").expect("write");
    std::fs::write(maps.join(".cache/broken.ron"), "(").expect("write");
    journey(dir.path())
        .args(["check", "maps"])
        .assert()
        .success()
        .stderr(predicate::str::contains("team/camera.ron"))
        .stderr(predicate::str::contains("broken").not());
    std::fs::write(maps.join("team/broken.ron"), BROKEN).expect("write");
    journey(dir.path())
        .args(["check", "maps"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("broken.ron:6: error[empty-stage]"));
    std::fs::write(maps.join("team/unreadable.ron"), "(").expect("write");
    journey(dir.path()).args(["check", "maps"]).assert().code(2);
}
