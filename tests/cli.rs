//! The command line as a user meets it: exit codes, messages, and files
//! left alone when input is bad.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn journey() -> Command {
    let mut cmd = Command::cargo_bin("journey").expect("the journey binary is built");
    // No test reads the developer's own config: this folder has none.
    cmd.env(
        "XDG_CONFIG_HOME",
        std::env::temp_dir().join(format!("journey-no-config-{}", std::process::id())),
    )
    .env_remove("JOURNEY_CONFIG");
    cmd
}

/// A valid map with one touchpoint per stage and a path through them all.
const GOOD: &str = r#"(
    format: 1,
    title: "Good",
    stages: [
        (
            id: "know",
            name: "Know",
            touchpoints: [
                (
                    id: "blog",
                    name: "Blog",
                    kind: Indirect,
                ),
            ],
        ),
        (
            id: "buy",
            name: "Buy",
            touchpoints: [
                (
                    id: "shop",
                    name: "Shop",
                    kind: Direct,
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
                        (touchpoint: "blog", emotion: 1),
                        (touchpoint: "shop"),
                    ],
                ),
            ],
        ),
    ],
)
"#;

/// The `line:col` (1-based) where `needle` starts in `text`.
fn loc(text: &str, needle: &str) -> String {
    let offset = text.find(needle).expect("needle in text");
    let line = text[..offset].matches('\n').count() + 1;
    let col = text[..offset]
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
        + 1;
    format!("{line}:{col}")
}

/// [`GOOD`] with a comment on line 3, which a save drops.
fn with_comment() -> String {
    GOOD.replacen("    title", "    // who owns this?\n    title", 1)
}

/// The 1-based line where `needle` first appears in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in text")]
        .matches('\n')
        .count()
        + 1
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// The names and contents of every file in `dir`, to prove nothing was written.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let path = e.expect("entry").path();
            let bytes = if path.is_file() {
                std::fs::read(&path).expect("read")
            } else {
                Vec::new()
            };
            (
                path.file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned(),
                bytes,
            )
        })
        .collect();
    files.sort();
    files
}

/// Runs `check` and `fmt` on a bad file; both must exit 2 with `expected` in
/// the message, name the file, and write nothing.
fn assert_unreadable(
    name: &str,
    bytes: impl AsRef<[u8]>,
    location: Option<&str>,
    expected: &[&str],
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), name, bytes);
    let before = snapshot(dir.path());
    for args in [
        vec!["check"],
        vec!["fmt"],
        vec!["fmt", "--check"],
        vec!["export", "--format", "markdown"],
        vec!["render", "--output", "out.svg"],
    ] {
        let output = journey()
            .args(&args)
            .arg(&file)
            .current_dir(dir.path())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?} {name}: {stderr}");
        let prefix = match location {
            Some(loc) => format!("{name}:{loc}: "),
            None => format!("{name}: "),
        };
        assert!(
            stderr.contains(&prefix),
            "{args:?}: expected `{prefix}` in: {stderr}"
        );
        for word in expected {
            assert!(
                stderr.contains(word),
                "{args:?}: expected `{word}` in: {stderr}"
            );
        }
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Error {"),
            "{stderr}"
        );
        assert!(
            output.stdout.is_empty() || args[0] == "check",
            "{args:?} printed data"
        );
        assert_eq!(snapshot(dir.path()), before, "{args:?} wrote something");
    }
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    journey()
        .args(["check", "nope.ron"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.ron: no such file"));
}

#[test]
fn a_folder_with_no_maps() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("maps.ron")).expect("mkdir");
    journey()
        .args(["check", "maps.ron"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "maps.ron: a folder with no .ron maps in it",
        ));
}

#[test]
fn empty_file() {
    assert_unreadable("empty.ron", "", None, &["empty"]);
    assert_unreadable("blank.ron", "\n  \n", None, &["empty"]);
}

#[test]
fn binary_garbage() {
    let garbage: Vec<u8> = (0..200u32).map(|i| (i * 97 % 256) as u8).collect();
    assert_unreadable("garbage.ron", garbage, Some("1:3"), &["not UTF-8"]);
}

#[test]
fn non_utf8_bytes() {
    assert_unreadable(
        "latin1.ron",
        b"(\n    format: 1,\n    title: \"Gr\xf6\xdfe\",\n)",
        Some("3:15"),
        &["not UTF-8"],
    );
}

#[test]
fn truncated_file() {
    let cut = &GOOD[..GOOD.len() / 2];
    let end = format!(
        "{}:{}",
        cut.lines().count(),
        cut.lines().last().map_or(0, |l| l.chars().count())
    );
    assert_unreadable("cut.ron", cut, Some(&end), &["cut short"]);
}

#[test]
fn syntax_error() {
    let bad = GOOD.replacen("title: \"Good\"", "title \"Good\"", 1);
    let at = loc(&bad, "\"Good\"");
    assert_unreadable("syntax.ron", bad, Some(&at), &["expected `:`"]);
}

#[test]
fn wrong_type() {
    let bad = GOOD.replacen("title: \"Good\"", "title: 42", 1);
    let at = loc(&bad, "42");
    assert_unreadable("type.ron", bad, Some(&at), &["expected a string"]);
}

#[test]
fn unknown_enum_variant() {
    let bad = GOOD.replacen("kind: Direct", "kind: Sideways", 1);
    let at = loc(&bad, "Sideways");
    assert_unreadable(
        "variant.ron",
        bad,
        Some(&at),
        &["`Sideways`", "`Direct`", "`Indirect`"],
    );
}

#[test]
fn unknown_field_lists_the_allowed_ones() {
    let bad = GOOD.replacen(
        "name: \"Blog\",",
        "name: \"Blog\",\n                    owner: \"me\",",
        1,
    );
    let at = loc(&bad, "owner");
    assert_unreadable(
        "field.ron",
        bad,
        Some(&at),
        &[
            "unknown field `owner`",
            "`id`",
            "`name`",
            "`kind`",
            "`channel`",
            "`notes`",
        ],
    );
}

#[test]
fn newer_format() {
    let bad = GOOD.replacen("format: 1,", "format: 3,\n    theme: \"dark\",", 1);
    assert_unreadable(
        "newer.ron",
        bad,
        Some("2:1"),
        &["written by a newer journey"],
    );
}

#[test]
fn git_conflict_markers() {
    let bad = GOOD.replacen(
        "    title: \"Good\",\n",
        "<<<<<<< HEAD\n    title: \"Good\",\n=======\n    title: \"Better\",\n>>>>>>> feature\n",
        1,
    );
    assert_unreadable(
        "conflict.ron",
        bad,
        Some("3:1"),
        &["conflict", "resolve the merge first"],
    );
}

#[test]
fn emotion_out_of_range() {
    let bad = GOOD.replacen("emotion: 1", "emotion: 3", 1);
    let at = loc(&bad, "3)");
    assert_unreadable("emotion.ron", bad, Some(&at), &["emotion 3", "-2 to 2"]);
}

#[test]
fn unknown_touchpoint_is_a_validation_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = GOOD.replacen("(touchpoint: \"shop\")", "(touchpoint: \"shopp\")", 1);
    let file = write(dir.path(), "step.ron", bad);
    journey()
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "step.ron:{}: error[unknown-touchpoint]",
            line_of(GOOD, "(touchpoint: \"shop\")")
        )))
        .stdout(predicate::str::contains("`shopp`"));
}

#[test]
fn a_clean_map_checks_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "good.ron", GOOD);
    journey()
        .arg("check")
        .arg(&file)
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains("good.ron: ok"));
}

#[test]
fn warnings_pass_unless_denied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(
        dir.path(),
        "warn.ron",
        GOOD.replacen("(touchpoint: \"shop\"),\n", "", 1),
    );
    journey()
        .arg("check")
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[unvisited-touchpoint]"));
    journey()
        .args(["check", "--deny-warnings"])
        .arg(&file)
        .assert()
        .code(1);
}

#[test]
fn check_warns_about_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "c.ron", with_comment());
    journey()
        .arg("check")
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("c.ron:3: warning[ron-comments]"));
}

#[test]
fn json_output_is_one_versioned_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(dir.path(), "good.ron", GOOD);
    let bad = write(
        dir.path(),
        "bad.ron",
        GOOD.replacen("(touchpoint: \"shop\")", "(touchpoint: \"x\")", 1),
    );
    let output = journey()
        .args(["check", "--format", "json"])
        .arg(&good)
        .arg(&bad)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["errors"], 1);
    let findings = doc["findings"].as_array().expect("findings");
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(rules, ["unvisited-touchpoint", "unknown-touchpoint"]);
    let unknown = &findings[1];
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["line"], line_of(GOOD, "(touchpoint: \"shop\")"));
    assert_eq!(unknown["id"], "anna-main");
    assert!(
        unknown["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("bad.ron"))
    );
    assert!(
        unknown["message"]
            .as_str()
            .is_some_and(|m| m.contains("`x`"))
    );
}

#[test]
fn json_output_reports_unreadable_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = write(dir.path(), "bad.ron", "(format: 1, title: 5)");
    let output = journey()
        .args(["check", "--format", "json"])
        .arg(&bad)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(doc["unreadable"], 1);
    assert_eq!(doc["findings"][0]["rule"], "unreadable");
    assert_eq!(doc["findings"][0]["line"], 1);
}

#[test]
fn github_annotations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(
        dir.path(),
        "gh.ron",
        GOOD.replacen("(touchpoint: \"shop\")", "(touchpoint: \"x\")", 1),
    );
    let output = journey()
        .args(["check", "--format", "github"])
        .arg(&file)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.lines().any(|l| l.starts_with("::error file=")
            && l.contains(&format!(
                ",line={},col=",
                line_of(GOOD, "(touchpoint: \"shop\")")
            ))
            && l.contains(",title=journey unknown-touchpoint::")),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l.starts_with("::warning file=")),
        "{stdout}"
    );
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let evil = GOOD.replacen("name: \"Buy\"", "name: \"\\u{1b}]0;pwned\\u{7}Buy\\u{202e}\"", 1).replacen(
        "touchpoints: [\n                (\n                    id: \"shop\",\n                    name: \"Shop\",\n                    kind: Direct,\n                ),\n            ]",
        "touchpoints: []",
        1,
    );
    let file = write(dir.path(), "evil.ron", evil);
    for format in ["human", "json", "github"] {
        let output = journey()
            .args(["check", "--format", format])
            .arg(&file)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{format}");
        let all = [output.stdout, output.stderr].concat();
        assert!(!all.contains(&0x1b), "{format}: raw ESC in output");
        assert!(
            !String::from_utf8_lossy(&all).contains('\u{202e}'),
            "{format}: raw bidi override"
        );
        // The finding names the stage by its text; the title sequence,
        // payload and all, is gone.
        let all = String::from_utf8_lossy(&all);
        assert!(all.contains("Buy"), "{format}: the finding is shown");
        assert!(
            !all.contains("pwned"),
            "{format}: an escape's payload shown"
        );
    }
}

#[test]
fn fmt_rewrites_canonically_and_is_idempotent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let messy = GOOD.replace("    ", "  ").replace(
        "(touchpoint: \"shop\")",
        "(touchpoint:\"shop\", note: \"\")",
    );
    let file = write(dir.path(), "messy.ron", &messy);
    journey()
        .args(["fmt", "--check"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("messy.ron"))
        .stderr(predicate::str::contains(
            "messy.ron:2: not in canonical layout",
        ));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        messy,
        "--check changed the file"
    );
    journey().arg("fmt").arg(&file).assert().code(0);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), GOOD);
    journey()
        .args(["fmt", "--check"])
        .arg(&file)
        .assert()
        .code(0)
        .stdout("");
    journey().arg("fmt").arg(&file).assert().code(0);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), GOOD);
}

#[test]
fn new_writes_a_template_and_check_lists_its_empty_stages() {
    let dir = tempfile::tempdir().expect("tempdir");
    journey()
        .args(["new", "x.ron", "--template", "aida", "--title", "Launch"])
        .current_dir(dir.path())
        .assert()
        .code(0);
    let text = std::fs::read_to_string(dir.path().join("x.ron")).expect("created");
    assert!(text.contains("title: \"Launch\""));
    let output = journey()
        .args(["check", "x.ron"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let empty: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("error[empty-stage]"))
        .collect();
    assert_eq!(empty.len(), 4, "{stdout}");
    for stage in ["Attention", "Interest", "Desire", "Action"] {
        assert!(stdout.contains(&format!("\"{stage}\"")), "{stdout}");
    }
    journey()
        .args(["fmt", "--check", "x.ron"])
        .current_dir(dir.path())
        .assert()
        .code(0);
}

#[test]
fn new_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "mine.ron", "precious");
    journey()
        .args(["new", "mine.ron"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(file).expect("read"), "precious");
}

#[test]
fn help_and_version() {
    journey()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
    journey()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Examples:"));
    for sub in ["new", "check", "fmt", "export", "render"] {
        journey()
            .args([sub, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Example").and(predicate::str::contains("journey ")));
    }
}

#[test]
fn usage_errors_exit_2() {
    journey().args(["check"]).assert().code(2);
    journey()
        .args(["new", "x.ron", "--template", "nope"])
        .assert()
        .code(2);
}

#[test]
fn fmt_says_when_it_drops_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "c.ron", with_comment());
    journey()
        .arg("fmt")
        .arg(&file)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("dropped 1 comment"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), GOOD);
}

#[test]
fn every_shipped_example_passes_check_and_fmt_check() {
    let maps = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut examples: Vec<PathBuf> = std::fs::read_dir(&maps)
        .expect("maps/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    examples.sort();
    assert!(
        examples.len() >= 4,
        "expected at least four examples, found {examples:?}"
    );
    journey()
        .arg("check")
        .args(&examples)
        .assert()
        .code(0)
        .stdout("");
    journey()
        .args(["fmt", "--check"])
        .args(&examples)
        .assert()
        .code(0);
}

#[cfg(unix)]
#[test]
fn fmt_through_a_symlink_rewrites_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = write(dir.path(), "real.ron", GOOD.replace("    ", "  "));
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    journey().arg("fmt").arg(&link).assert().code(0);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).expect("target"), GOOD);
}
