//! `journey export` and `journey render` as a user runs them: exit codes,
//! messages, files written.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn journey() -> Command {
    let mut cmd = Command::cargo_bin("journey").expect("the binary is built");
    // No test reads the developer's own config: this folder has none.
    cmd.env(
        "XDG_CONFIG_HOME",
        std::env::temp_dir().join(format!("journey-no-config-{}", std::process::id())),
    )
    .env_remove("JOURNEY_CONFIG");
    cmd
}

#[test]
fn export_writes_markdown_to_stdout() {
    journey()
        .args(["export", "--format", "markdown"])
        .arg(fixture("buyers.ron"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Mirrorless camera launch\n"))
        .stderr("");
}

#[test]
fn export_to_a_file_writes_what_stdout_shows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("camera.dot");
    let stdout = journey()
        .args(["export", "--format", "dot"])
        .arg(fixture("buyers.ron"))
        .output()
        .expect("runs")
        .stdout;
    journey()
        .args(["export", "--format", "dot", "--output"])
        .arg(&out)
        .arg(fixture("buyers.ron"))
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read(&out).expect("written"), stdout);
}

#[test]
fn unknown_persona_lists_the_ids_and_exits_2() {
    journey()
        .args(["export", "--format", "mermaid", "--persona", "nobody"])
        .arg(fixture("buyers.ron"))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "no persona has the id `nobody`; the personas are: critical-buyer, experience-seeker, employee",
        ));
}

#[test]
fn persona_limits_the_paths() {
    journey()
        .args(["export", "--format", "markdown", "--persona", "employee"])
        .arg(fixture("buyers.ron"))
        .assert()
        .success()
        .stdout(predicate::str::contains("### Employee who needs approval"))
        .stdout(predicate::str::contains("### Critical buyer").not());
}

#[test]
fn unreadable_input_exits_2_with_the_reason() {
    journey()
        .args(["export", "--format", "dot", "no-such-map.ron"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-map.ron: no such file"));
}

#[test]
fn a_map_that_fails_check_still_exports_with_a_warning() {
    journey()
        .args(["export", "--format", "dot"])
        .arg(fixture("half-made.ron"))
        .assert()
        .success()
        .stdout(predicate::str::contains("digraph"))
        // With the line, as `journey check` says it.
        .stderr(predicate::str::contains(
            "half-made.ron:22: error[empty-stage]",
        ))
        .stderr(predicate::str::contains(
            "does not pass `journey check`; exporting it anyway",
        ));
}

#[test]
fn mermaid_journey_says_what_it_lost() {
    journey()
        .args(["export", "--format", "mermaid-journey"])
        .arg(fixture("hostile.ron"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("journey\n"))
        .stderr(predicate::str::contains(
            "warning: mermaid-journey: names cannot hold `:` `#` `;`",
        ))
        // The warnings show names, but never a raw control character.
        .stderr(predicate::str::contains("\u{1b}").not());
}

#[test]
fn render_graph_writes_an_svg() {
    if !common::have_dot() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("camera.svg");
    journey()
        .args(["render", "--style", "graph", "--output"])
        .arg(&out)
        .arg(fixture("buyers.ron"))
        .assert()
        .success()
        .stderr("");
    let svg = std::fs::read_to_string(&out).expect("written");
    assert!(svg.contains("<svg"), "an SVG document");
    assert!(svg.contains("Mirrorless camera launch"));
}

#[test]
fn render_refuses_an_unknown_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("camera.jpg");
    journey()
        .args(["render", "--output"])
        .arg(&out)
        .arg(fixture("buyers.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("must end in .svg, .png, .pdf"));
    assert!(!out.exists());
}

#[test]
fn render_graph_without_dot_names_the_program_and_the_package() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("bin");
    std::fs::create_dir(&empty).expect("mkdir");
    let out = dir.path().join("camera.png");
    journey()
        .env("PATH", &empty)
        .args(["render", "--style", "graph", "--output"])
        .arg(&out)
        .arg(fixture("buyers.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot run `dot`"))
        .stderr(predicate::str::contains("graphviz"));
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn render_graph_shows_what_a_failing_dot_said() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).expect("mkdir");
    let fake = bin.join("dot");
    std::fs::write(
        &fake,
        "#!/bin/sh\ncat >/dev/null\necho 'Error: syntax error in line 3' >&2\nexit 1\n",
    )
    .expect("write the fake dot");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = dir.path().join("camera.pdf");
    journey()
        .env("PATH", &bin)
        .args(["render", "--style", "graph", "--output"])
        .arg(&out)
        .arg(fixture("buyers.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`dot` failed"))
        .stderr(predicate::str::contains("Error: syntax error in line 3"));
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn render_graph_stops_a_hung_dot_at_the_timeout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, pid_file) = hanging_dot(dir.path());
    let out = dir.path().join("camera.svg");
    let started = std::time::Instant::now();
    journey()
        .env("PATH", path)
        .env("JOURNEY_DOT_TIMEOUT", "0.5")
        .args(["render", "--style", "graph", "--output"])
        .arg(&out)
        .arg(fixture("buyers.ron"))
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`dot` took longer than 0.5 s and was stopped; draw one persona with --persona, or set JOURNEY_DOT_TIMEOUT",
        ));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(!out.exists());
    let pid: i32 = std::fs::read_to_string(&pid_file)
        .expect("the fake dot ran")
        .trim()
        .parse()
        .expect("a pid");
    // SAFETY: signal 0 only asks whether the process exists; journey
    // reaped its child before it exited, so the pid is free.
    assert_ne!(unsafe { libc::kill(pid, 0) }, 0, "the fake dot still runs");
}

/// A stand-in `dot` in `dir/bin` that records its process id in `dir/pid`
/// and then hangs; returns a `PATH` that finds it first, and the pid file.
#[cfg(unix)]
fn hanging_dot(dir: &std::path::Path) -> (String, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir(&bin).expect("mkdir");
    let fake = bin.join("dot");
    let pid_file = dir.join("pid");
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\necho $$ > '{}'\nexec sleep 60\n",
            pid_file.display()
        ),
    )
    .expect("write the fake dot");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_else(|_| "/usr/bin:/bin".into())
    );
    (path, pid_file)
}

#[cfg(unix)]
#[test]
fn ctrl_c_on_render_graph_stops_dot_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, pid_file) = hanging_dot(dir.path());
    let out = dir.path().join("camera.svg");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("PATH", path)
        .args(["render", "--style", "graph", "--output"])
        .arg(&out)
        .arg(fixture("buyers.ron"))
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("journey starts");
    let started = std::time::Instant::now();
    while !pid_file.exists()
        || std::fs::read_to_string(&pid_file)
            .unwrap_or_default()
            .is_empty()
    {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "dot never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "journey did not stop"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(130), "{status:?}");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("stderr");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(!out.exists());
    let pid: i32 = std::fs::read_to_string(&pid_file)
        .expect("pid")
        .trim()
        .parse()
        .expect("a pid");
    // SAFETY: signal 0 only asks whether the process exists.
    assert_ne!(unsafe { libc::kill(pid, 0) }, 0, "dot outlived journey");
}
