//! `check` in CI: GitLab Code Quality JSON, and file names relative to the
//! repository's top level in GitHub annotations and GitLab reports.

use assert_cmd::Command;
use std::path::Path;

fn journey() -> Command {
    Command::cargo_bin("journey").expect("the journey binary is built")
}

/// A map with one error (an empty stage) and one warning (a persona
/// without a path); the stage's name carries an escape sequence.
const MAP: &str = r#"(
    format: 1,
    title: "CI",
    stages: [
        (
            id: "know",
            name: "Know\u{1b}[31m",
            touchpoints: [],
        ),
    ],
    personas: [
        (
            id: "anna",
            name: "Anna",
        ),
    ],
)
"#;

/// A repository top (a folder with `.git`) holding `maps/team/ci.ron`.
fn repo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    let maps = dir.path().join("maps/team");
    std::fs::create_dir_all(&maps).expect("maps");
    let file = maps.join("ci.ron");
    std::fs::write(&file, MAP).expect("write");
    (dir, file)
}

fn line_of(needle: &str) -> usize {
    MAP.lines()
        .position(|l| l.contains(needle))
        .expect("in map")
        + 1
}

/// The 1-based column where the line holding `needle` begins its text.
fn col_of(needle: &str) -> usize {
    let line = MAP.lines().find(|l| l.contains(needle)).expect("in map");
    line.len() - line.trim_start().len() + 1
}

#[test]
fn github_file_names_are_relative_to_the_repository_top() {
    let (dir, file) = repo();
    // Run from a folder inside the repository, naming the map relatively.
    let out = journey()
        .current_dir(dir.path().join("maps"))
        .args(["check", "--format", "github", "team/ci.ron"])
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains(&format!(
            "::error file=maps/team/ci.ron,line={},col={},title=journey empty-stage::",
            line_of("id: \"know\""),
            col_of("id: \"know\"")
        )),
        "{text}"
    );
    // And from outside it, by its full name.
    let out = journey()
        .args(["check", "--format", "github"])
        .arg(&file)
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("::error file=maps/team/ci.ron,"), "{text}");
}

#[test]
fn gitlab_code_quality_json() {
    let (dir, _) = repo();
    let out = journey()
        .current_dir(dir.path())
        .args(["check", "--format", "gitlab", "maps/team/ci.ron"])
        .assert()
        .code(1);
    let bytes = &out.get_output().stdout;
    assert!(!bytes.contains(&0x1b), "raw ESC in the report");
    let issues: serde_json::Value = serde_json::from_slice(bytes).expect("JSON");
    let issues = issues.as_array().expect("an array");
    assert_eq!(issues.len(), 2, "{issues:?}");
    let error = issues
        .iter()
        .find(|i| i["check_name"] == "empty-stage")
        .expect("the error");
    assert_eq!(error["severity"], "major");
    assert_eq!(error["location"]["path"], "maps/team/ci.ron");
    assert_eq!(error["location"]["lines"]["begin"], line_of("id: \"know\""));
    assert!(
        error["description"]
            .as_str()
            .expect("text")
            .contains("has no touchpoints")
    );
    let warning = issues
        .iter()
        .find(|i| i["check_name"] == "persona-without-path")
        .expect("the warning");
    assert_eq!(warning["severity"], "minor");
    // Fingerprints are unique and the same from run to run.
    assert_ne!(error["fingerprint"], warning["fingerprint"]);
    let again = journey()
        .current_dir(dir.path())
        .args(["check", "--format", "gitlab", "maps/team/ci.ron"])
        .output()
        .expect("runs");
    assert_eq!(&again.stdout, bytes);
}

#[test]
fn gitlab_reports_an_unreadable_file_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bad.ron"), "(format: 1,").expect("write");
    let out = journey()
        .current_dir(dir.path())
        .args(["check", "--format", "gitlab", "bad.ron"])
        .assert()
        .code(2);
    let issues: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(issues[0]["check_name"], "unreadable");
    assert_eq!(issues[0]["severity"], "blocker");
    assert_eq!(issues[0]["location"]["path"], "bad.ron");
}

/// The `entry:` commands of the pre-commit hooks, by hook id.
fn hooks() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .expect(".pre-commit-hooks.yaml at the top of the repository");
    let mut hooks = Vec::new();
    let mut id = None;
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        if let Some(rest) = line.strip_prefix("- id: ") {
            id = Some(rest.trim().to_string());
        } else if let Some(entry) = line.trim_start().strip_prefix("entry: ") {
            let words = entry.split_whitespace().map(str::to_string).collect();
            hooks.push((id.clone().expect("an id before the entry"), words));
        }
    }
    hooks
}

#[test]
fn the_pre_commit_hooks_run_fmt_check_and_check_deny_warnings() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["journey-fmt", "journey-check"]);
    let (dir, _) = repo();
    for (id, words) in &hooks {
        assert_eq!(words[0], "journey", "{id}");
        // pre-commit appends the staged file names; the map here has an
        // error, so both hooks fail on it.
        journey()
            .current_dir(dir.path())
            .args(&words[1..])
            .arg("maps/team/ci.ron")
            .assert()
            .code(1);
    }
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/git/shop.ron");
    let (_, fmt) = &hooks[0];
    journey().args(&fmt[1..]).arg(&good).assert().code(0);
}
