//! The command-line habits: completions, the man page, and "did you mean"
//! for a mistyped subcommand. Every test points XDG_CONFIG_HOME at a
//! temporary folder.

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

const SUBCOMMANDS: &[&str] = &[
    "new",
    "check",
    "fmt",
    "export",
    "render",
    "keys",
    "config",
    "completions",
    "man",
];

#[test]
fn completions_name_every_subcommand_in_every_shell() {
    let dir = tempfile::tempdir().expect("temp dir");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = journey(dir.path())
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = String::from_utf8_lossy(&out.stdout);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
        // Template and format names complete too, where the shell's script
        // completes values (elvish's and PowerShell's complete flags only).
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(script.contains("hourglass"), "{shell}: template names");
            assert!(script.contains("mermaid-journey"), "{shell}: format names");
        }
    }
}

#[test]
fn every_subcommand_here_exists() {
    let names = journey::cli::subcommand_names();
    for sub in SUBCOMMANDS {
        assert!(names.iter().any(|n| n == sub), "{sub} is no subcommand");
    }
}

#[test]
fn man_prints_roff_with_a_name_section() {
    let dir = tempfile::tempdir().expect("temp dir");
    journey(dir.path())
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie"))
        .stdout(predicate::str::contains(".TH journey 1"))
        .stdout(predicate::str::contains(".SH NAME\njourney"))
        .stdout(predicate::str::contains("completions"));
}

#[test]
fn a_mistyped_subcommand_says_did_you_mean() {
    let dir = tempfile::tempdir().expect("temp dir");
    journey(dir.path())
        .args(["chekc", "maps/camera.ron"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `check`?"));
    journey(dir.path())
        .arg("exprot")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `export`?"));
    // A bare word that is no file, no subcommand and no .ron.
    journey(dir.path())
        .arg("banana")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`banana` is neither a file nor a subcommand",
        ))
        .stderr(predicate::str::contains("name it `banana.ron`"));
    assert!(!dir.path().join("chekc").exists() && !dir.path().join("banana").exists());
}

#[test]
fn a_real_file_named_like_a_subcommand_stays_reachable() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/camera.ron"),
        dir.path().join("check"),
    )
    .expect("copy");
    // Without a terminal the editor refuses to start, which shows that
    // `./check` went to the editor and not to `check` or the typo message.
    journey(dir.path())
        .arg("./check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the editor needs a terminal"));
    // So does a file named like a typo.
    std::fs::write(dir.path().join("chekc"), "").expect("write");
    journey(dir.path())
        .arg("chekc")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the editor needs a terminal"));
}

/// A map with an empty stage (an error) and nothing else wrong.
const BROKEN: &str = "(\n    format: 1,\n    title: \"B\",\n    stages: [\n        (\n            id: \"a\",\n            name: \"A\",\n        ),\n    ],\n)\n";

#[test]
fn color_always_never_and_the_environment() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("b.ron"), BROKEN).expect("write");
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = journey(dir.path());
        cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let red = "\x1b[1;31merror\x1b[0m[empty-stage]";
    assert!(run(&["check", "b.ron", "--color", "always"], &[]).contains(red));
    assert!(
        run(
            &["--color", "always", "check", "b.ron"],
            &[("NO_COLOR", "1")]
        )
        .contains(red)
    );
    // Not a terminal: plain, unless forced.
    assert!(!run(&["check", "b.ron"], &[]).contains('\x1b'));
    assert!(run(&["check", "b.ron"], &[("CLICOLOR_FORCE", "1")]).contains(red));
    assert!(
        !run(
            &["check", "b.ron", "--color", "never"],
            &[("CLICOLOR_FORCE", "1")]
        )
        .contains('\x1b')
    );
}

#[test]
fn quiet_leaves_errors_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("b.ron"), BROKEN).expect("write");
    journey(dir.path())
        .args(["new", "n.ron", "-q"])
        .assert()
        .success()
        .stderr("");
    journey(dir.path())
        .args(["-q", "check", "b.ron"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[empty-stage]"))
        .stderr("");
    journey(dir.path())
        .args(["-q", "check", "missing.ron"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: "));
}
