//! Every subcommand when its output cannot be written: a full disk, a reader
//! that stops early, a closed stream. The real binary runs each time; a
//! broken pipe must end quietly with the normal exit code, anything else
//! with one line on stderr and exit code 2, and nothing may panic.
#![cfg(unix)]

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A map that fails `check`: two stages without touchpoints, not in the
/// canonical layout either.
const BAD: &str = r#"(format:1,title:"Bad",stages:[(id:"a",name:"A"),(id:"b",name:"B")])"#;

fn journey(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_journey"));
    cmd.current_dir(dir).stdin(Stdio::null());
    // No test reads the developer's own config: this folder has none.
    cmd.env("XDG_CONFIG_HOME", dir.join(".no-config"))
        .env_remove("JOURNEY_CONFIG");
    cmd
}

fn folder_with_bad_map() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bad.ron"), BAD).expect("write map");
    dir
}

/// /dev/full, where every write fails with "no space left"; `None` (after a
/// message) where the system has none, and a failure under `CI`.
fn dev_full() -> Option<File> {
    match OpenOptions::new().write(true).open("/dev/full") {
        Ok(f) => Some(f),
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "/dev/full is needed in CI: {e}"
            );
            eprintln!("skipped: /dev/full cannot be opened here: {e}");
            None
        }
    }
}

/// The writing end of a pipe whose reader is already gone: the first write
/// fails with a broken pipe, whatever the output's size.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    writer.into()
}

/// Closes `fd` in the child before it starts, as a shell's `>&-` does.
fn close_fd(cmd: &mut Command, fd: i32) {
    // SAFETY: close is async-signal-safe, as pre_exec requires.
    unsafe {
        cmd.pre_exec(move || {
            libc::close(fd);
            Ok(())
        });
    }
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("journey runs")
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// No panic, no backtrace.
fn assert_calm(out: &Output) {
    let stderr = stderr_of(out);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "journey panicked: {stderr}"
    );
    assert_ne!(out.status.code(), Some(101), "exit 101 is a panic");
}

/// Exit 2 and exactly one line about stdout.
fn assert_one_stdout_error(out: &Output, what: &str) {
    assert_calm(out);
    let stderr = stderr_of(out);
    let said: Vec<_> = stderr
        .lines()
        .filter(|l| l.contains("cannot write to stdout"))
        .collect();
    assert_eq!(said.len(), 1, "{what}: one line about stdout: {stderr}");
    assert!(said[0].starts_with("error: "), "{what}: {stderr}");
    assert_eq!(out.status.code(), Some(2), "{what}: {stderr}");
}

/// Commands that write to stdout, with the exit code each gives normally.
const WRITERS: &[(&[&str], i32)] = &[
    (&["check", "bad.ron"], 1),
    (&["check", "--format", "json", "bad.ron"], 1),
    (&["check", "--format", "github", "bad.ron"], 1),
    (&["fmt", "--check", "bad.ron"], 1),
    (&["export", "bad.ron", "--format", "markdown"], 0),
    (&["export", "bad.ron", "--format", "mermaid-journey"], 0),
    (&["--help"], 0),
    (&["--version"], 0),
    (&["check", "--help"], 0),
];

#[test]
fn a_full_stdout_gives_one_line_and_exit_2() {
    let dir = folder_with_bad_map();
    for (args, _) in WRITERS {
        let Some(full) = dev_full() else { return };
        let out = run(journey(dir.path()).args(*args).stdout(full));
        assert_one_stdout_error(&out, &args.join(" "));
    }
}

#[test]
fn a_broken_pipe_on_stdout_ends_quietly_with_the_normal_code() {
    let dir = folder_with_bad_map();
    for (args, code) in WRITERS {
        let out = run(journey(dir.path()).args(*args).stdout(closed_pipe()));
        assert_calm(&out);
        let what = args.join(" ");
        assert!(
            !stderr_of(&out).contains("cannot write"),
            "{what}: a broken pipe is no error: {}",
            stderr_of(&out)
        );
        assert_eq!(out.status.code(), Some(*code), "{what}");
    }
}

#[test]
fn a_closed_stdout_is_an_error_when_there_is_something_to_write() {
    let dir = folder_with_bad_map();
    for (args, _) in WRITERS {
        let mut cmd = journey(dir.path());
        cmd.args(*args);
        close_fd(&mut cmd, 1);
        let out = run(&mut cmd);
        assert_one_stdout_error(&out, &args.join(" "));
        assert!(stderr_of(&out).contains("closed"), "{}", stderr_of(&out));
    }
}

#[test]
fn a_closed_stdout_with_nothing_to_write_is_fine() {
    let dir = folder_with_bad_map();
    // fmt writes only to stderr; the map is rewritten as asked.
    let mut cmd = journey(dir.path());
    cmd.args(["fmt", "bad.ron"]);
    close_fd(&mut cmd, 1);
    let out = run(&mut cmd);
    assert_calm(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
}

#[test]
fn a_reader_that_stops_early_leaves_the_normal_code() {
    // `journey check big.ron | head -c 10`, with more output than a pipe holds.
    let dir = tempfile::tempdir().expect("temp dir");
    let stages: Vec<String> = (0..3000)
        .map(|i| format!(r#"(id:"s{i}",name:"Stage {i}")"#))
        .collect();
    let map = format!(r#"(format:1,title:"Big",stages:[{}])"#, stages.join(","));
    std::fs::write(dir.path().join("big.ron"), map).expect("write map");
    let mut child = journey(dir.path())
        .args(["check", "big.ron"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("journey starts");
    let mut first = [0u8; 10];
    let mut stdout = child.stdout.take().expect("stdout piped");
    stdout.read_exact(&mut first).expect("ten bytes");
    drop(stdout);
    let out = child.wait_with_output().expect("journey ends");
    assert_calm(&out);
    assert!(
        !stderr_of(&out).contains("cannot write"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_full_stderr_gives_exit_2_and_the_work_is_still_done() {
    let dir = folder_with_bad_map();
    let Some(full) = dev_full() else { return };
    let out = run(journey(dir.path()).args(["fmt", "bad.ron"]).stderr(full));
    assert_ne!(out.status.code(), Some(101), "exit 101 is a panic");
    assert_eq!(out.status.code(), Some(2));
    let text = std::fs::read_to_string(dir.path().join("bad.ron")).expect("read map");
    assert!(text.starts_with("(\n    format: 1,"), "formatted: {text}");

    let Some(full) = dev_full() else { return };
    let out = run(journey(dir.path()).args(["check", "bad.ron"]).stderr(full));
    assert_eq!(out.status.code(), Some(2));

    // The other subcommands say what they did on stderr alone.
    let quiet: &[&[&str]] = &[
        &["--bogus"],
        &["new", "new.ron"],
        &["render", "bad.ron", "--output", "bad.jpg"],
        &[
            "export", "bad.ron", "--format", "dot", "--output", "bad.dot",
        ],
    ];
    for args in quiet {
        let Some(full) = dev_full() else { return };
        let out = run(journey(dir.path()).args(*args).stderr(full));
        assert_eq!(out.status.code(), Some(2), "{}", args.join(" "));
    }
    assert!(
        dir.path().join("new.ron").exists(),
        "new still made its file"
    );
}

#[test]
fn a_broken_pipe_on_stderr_ends_quietly_with_the_normal_code() {
    let dir = folder_with_bad_map();
    let out = run(journey(dir.path())
        .args(["check", "bad.ron"])
        .stdout(Stdio::null())
        .stderr(closed_pipe()));
    assert_eq!(out.status.code(), Some(1));
    let out = run(journey(dir.path())
        .args(["new", "new.ron"])
        .stderr(closed_pipe()));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_closed_stderr_gives_exit_2_when_there_is_something_to_say() {
    let dir = folder_with_bad_map();
    let mut cmd = journey(dir.path());
    cmd.args(["fmt", "bad.ron"]);
    close_fd(&mut cmd, 2);
    let out = run(&mut cmd);
    assert_eq!(out.status.code(), Some(2));
}
