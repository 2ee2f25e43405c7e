//! End to end, the promises of "Your work is safe": a dropped connection, a
//! stop request, a file changed behind the editor's back, a save that fails,
//! and the same file open twice, each with the real binary in tmux.

mod common;

use common::tmux::{Tmux, copy_fixture, start, tmux_available};
use journey::core::format::load;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The process id of the journey running in the test's pane.
fn journey_pid(tmux: &Tmux) -> u32 {
    let out = tmux.cmd(&["list-panes", "-t", "e2e", "-F", "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let children = std::process::Command::new("pgrep")
        .args(["-P", &shell])
        .output()
        .expect("pgrep runs");
    String::from_utf8_lossy(&children.stdout)
        .lines()
        .find_map(|l| l.trim().parse().ok())
        .expect("journey runs in the pane")
}

/// Whether the process still runs. A zombie has exited: in a container its
/// new parent may take a while to reap it.
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        let state = stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().next());
        !matches!(state, Some("Z" | "X"))
    })
}

/// Recovery files (not lock files) under the test's state folder.
fn recovery_files(tmux: &Tmux) -> Vec<PathBuf> {
    let dir = tmux.home().join("state/journey/recovery");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn add_touchpoint(tmux: &Tmux, name: &str) {
    tmux.send(&["a"]);
    tmux.wait_for("the name prompt", |s| s.contains("New touchpoint in"));
    tmux.type_text(name);
    tmux.send(&["Enter"]);
    tmux.wait_for("the new touchpoint", |s| {
        s.contains(name) && s.contains("(unsaved)")
    });
}

fn has_touchpoint(file: &Path, name: &str) -> bool {
    load(file)
        .expect("loads")
        .map
        .touchpoints()
        .any(|(_, t)| t.name == name)
}

#[test]
fn a_hangup_keeps_unsaved_work_and_the_next_start_offers_it() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy_fixture(dir.path());
    let before = std::fs::read(&file).expect("read");
    let tmux = Tmux::new("hangup");
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("Consideration"));
    add_touchpoint(&tmux, "Notfallkontakt");
    let pid = journey_pid(&tmux);

    // Killing the session hangs up its terminal, as a dropped SSH link does.
    let killed = Instant::now();
    let out = tmux.cmd(&["kill-session", "-t", "e2e"]);
    assert!(out.status.success(), "kill-session: {out:?}");
    while alive(pid) {
        assert!(
            killed.elapsed() < Duration::from_secs(2),
            "journey still runs 2 s after the hang-up"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "the map itself is untouched"
    );
    let recovered = recovery_files(&tmux);
    assert_eq!(recovered.len(), 1, "{recovered:?}");
    assert!(has_touchpoint(&recovered[0], "Notfallkontakt"));

    // The next start says what differs and offers to restore.
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the restore question", |s| {
        s.contains("Recovered changes") && s.contains("1 touchpoint added")
    });
    tmux.send(&["r"]);
    tmux.wait_for("the restored touchpoint", |s| {
        s.contains("Notfallkontakt") && s.contains("(unsaved)")
    });
    tmux.send(&["C-s"]);
    tmux.wait_for("the save", |s| s.contains("saved camera.ron"));
    assert!(has_touchpoint(&file, "Notfallkontakt"));
    assert!(
        recovery_files(&tmux).is_empty(),
        "a save deletes the recovery file"
    );
    tmux.send(&["q"]);
    tmux.wait_for("the exit", |s| s.contains("EXITED 0"));
}

#[test]
fn sigterm_keeps_unsaved_work_and_restores_the_terminal() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_fixture(dir.path());
    let tmux = Tmux::new("sigterm");
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("Consideration"));
    add_touchpoint(&tmux, "Hotline");
    let pid = journey_pid(&tmux);
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 143"), "{screen}");
    assert!(screen.contains("unsaved changes kept in"), "{screen}");
    assert!(
        !screen.contains("Consideration"),
        "the alternate screen was left:\n{screen}"
    );
    let recovered = recovery_files(&tmux);
    assert_eq!(recovered.len(), 1, "{recovered:?}");
    assert!(has_touchpoint(&recovered[0], "Hotline"));
}

#[test]
fn a_change_on_disk_shows_a_banner_and_a_save_asks_first() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy_fixture(dir.path());
    let tmux = Tmux::new("changed");
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("Consideration"));
    add_touchpoint(&tmux, "Mine");

    // A teammate's version arrives the way git writes it: a new file renamed
    // over the old one.
    let mut theirs = load(&file).expect("loads").map;
    theirs.title = "Their title".into();
    let incoming = dir.path().join(".camera.ron.incoming");
    std::fs::write(&incoming, journey::core::format::to_string(&theirs)).expect("write");
    std::fs::rename(&incoming, &file).expect("rename");
    let changed = Instant::now();
    tmux.wait_for("the banner", |s| s.contains("changed on disk"));
    assert!(
        changed.elapsed() < Duration::from_secs(3),
        "the banner took {:?}",
        changed.elapsed()
    );

    tmux.send(&["C-s"]);
    tmux.wait_for("the question", |s| {
        s.contains("Changed on disk") && s.contains("overwrite")
    });
    assert_eq!(
        load(&file).expect("loads").map.title,
        "Their title",
        "nothing written before the answer"
    );

    // Reload: theirs comes in, mine is kept in a recovery file.
    tmux.send(&["r"]);
    tmux.wait_for("the reload", |s| {
        s.contains("reloaded") && s.contains("Their title")
    });
    let kept = recovery_files(&tmux);
    assert!(kept.iter().any(|p| has_touchpoint(p, "Mine")), "{kept:?}");

    // Edit again, then overwrite on purpose after another change on disk.
    add_touchpoint(&tmux, "Second");
    theirs.title = "Newer title".into();
    std::fs::write(&incoming, journey::core::format::to_string(&theirs)).expect("write");
    std::fs::rename(&incoming, &file).expect("rename");
    tmux.wait_for("the banner", |s| s.contains("changed on disk"));
    tmux.send(&["C-s"]);
    tmux.wait_for("the question", |s| s.contains("Changed on disk"));
    tmux.send(&["o"]);
    tmux.wait_for("the save", |s| s.contains("saved camera.ron"));
    let saved = load(&file).expect("loads").map;
    assert_eq!(saved.title, "Their title");
    assert!(has_touchpoint(&file, "Second"));
}

#[test]
fn a_failed_save_keeps_the_map_and_save_as_writes_elsewhere() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("project");
    std::fs::create_dir(&sub).expect("mkdir");
    let file = copy_fixture(&sub);
    let tmux = Tmux::new("failsave");
    start(&tmux, &sub, "camera.ron");
    tmux.wait_for("the board", |s| s.contains("Consideration"));
    add_touchpoint(&tmux, "Kept");
    // The folder disappears behind the editor's back (as it does when a
    // volume goes away); as root, a read-only folder would not stop a write.
    std::fs::remove_dir_all(&sub).expect("remove folder");
    tmux.send(&["C-s"]);
    tmux.wait_for("the question", |s| s.contains("Changed on disk"));
    tmux.send(&["o"]);
    tmux.wait_for("the error", |s| {
        s.contains("cannot save") && s.contains("(unsaved)")
    });
    assert!(!file.exists());

    tmux.send(&["S"]);
    tmux.wait_for("the save-as form", |s| s.contains("Save as"));
    let elsewhere = dir.path().join("rescued.ron");
    let current = file.display().to_string();
    tmux.send(&["End"]);
    for _ in 0..current.chars().count() {
        tmux.send(&["BSpace"]);
    }
    tmux.type_text(&elsewhere.display().to_string());
    tmux.send(&["Enter"]);
    tmux.wait_for("the save", |s| s.contains("saved rescued.ron"));
    assert!(has_touchpoint(&elsewhere, "Kept"));
}

#[test]
fn the_same_file_open_twice_warns_the_second_editor() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_fixture(dir.path());
    let first = Tmux::new("twice-a");
    start(&first, dir.path(), "camera.ron");
    first.wait_for("the board", |s| s.contains("Consideration"));
    // The second editor shares the first one's state folder, as two
    // sessions of one user on one host do.
    let second = Tmux::with_home("twice-b", first.home());
    start(&second, dir.path(), "camera.ron");
    second.wait_for("the warning", |s| {
        s.contains("also open in another journey")
    });

    // Both drop their connections with unsaved work: each keeps its own.
    add_touchpoint(&first, "From the first");
    add_touchpoint(&second, "From the second");
    let pids = [journey_pid(&first), journey_pid(&second)];
    for tmux in [&first, &second] {
        let out = tmux.cmd(&["kill-session", "-t", "e2e"]);
        assert!(out.status.success(), "kill-session: {out:?}");
    }
    let killed = Instant::now();
    while pids.iter().any(|&pid| alive(pid)) {
        assert!(
            killed.elapsed() < Duration::from_secs(2),
            "an editor still runs"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let recovered = recovery_files(&first);
    assert_eq!(recovered.len(), 2, "{recovered:?}");
    for name in ["From the first", "From the second"] {
        assert!(
            recovered.iter().any(|p| has_touchpoint(p, name)),
            "{name} lost"
        );
    }
    // No lock is left that would warn the next editor: each names a process
    // that is gone, if it is there at all.
    let state = first.home().join("state/journey/recovery");
    let locks: Vec<u32> = std::fs::read_dir(state)
        .expect("recovery folder")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "lock"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok()?.trim().parse().ok())
        .collect();
    assert!(locks.iter().all(|&pid| !alive(pid)), "live locks {locks:?}");
    let third = Tmux::with_home("twice-c", first.home());
    start(&third, dir.path(), "camera.ron");
    third.wait_for("the board", |s| s.contains("Consideration"));
    assert!(
        !third.capture().contains("also open"),
        "a stale lock warned"
    );
}

#[test]
fn sigkill_loses_at_most_a_few_seconds() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_fixture(dir.path());
    let tmux = Tmux::new("sigkill");
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("Consideration"));
    add_touchpoint(&tmux, "Bestandskunde");
    let pid = journey_pid(&tmux);
    // The background writer keeps the work within a few seconds of the edit.
    let edited = Instant::now();
    while !recovery_files(&tmux)
        .iter()
        .any(|p| has_touchpoint(p, "Bestandskunde"))
    {
        assert!(
            edited.elapsed() < Duration::from_secs(5),
            "no recovery file 5 s after the edit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = std::process::Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    tmux.wait_for("the exit", |s| s.contains("EXITED"));
    let recovered = recovery_files(&tmux);
    assert!(has_touchpoint(&recovered[0], "Bestandskunde"));
}

#[test]
fn escape_sequences_in_a_map_never_reach_the_terminal() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy_fixture(dir.path());
    // Every text field of the map gets a title-setting escape sequence, a
    // colour code and a bidi override.
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[31mred\u{202e}";
    let mut map = load(&file).expect("loads").map;
    map.title = format!("Title {evil}");
    map.description = evil.into();
    map.conversion = evil.into();
    for stage in &mut map.stages {
        stage.name = format!("{}{evil}", stage.name);
        stage.description = evil.into();
        for t in &mut stage.touchpoints {
            t.name = format!("{}{evil}", t.name);
            t.channel = evil.into();
            t.notes = evil.into();
        }
    }
    for persona in &mut map.personas {
        persona.name = format!("{}{evil}", persona.name);
        persona.description = evil.into();
        for path in &mut persona.paths {
            path.name = format!("{}{evil}", path.name);
            for step in &mut path.steps {
                step.note = evil.into();
            }
        }
    }
    std::fs::write(&file, journey::core::format::to_string(&map)).expect("write");

    // The command line: check and every export.
    let run = |args: &[&str]| {
        std::process::Command::new(common::tmux::journey())
            .args(args)
            .arg(&file)
            .output()
            .expect("journey runs")
    };
    let mut outputs = vec![
        run(&["check"]),
        run(&["check", "--format", "json"]),
        run(&["check", "--format", "github"]),
    ];
    for format in ["markdown", "dot", "mermaid", "mermaid-journey"] {
        outputs.push(run(&["export", "--format", format]));
    }
    for out in &outputs {
        let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        assert!(!all.contains(&0x1b), "an ESC byte reached the output");
        assert!(
            !String::from_utf8_lossy(&all).contains('\u{202e}'),
            "a bidi override reached the output"
        );
    }

    // The editor: the pane's title stays, and the screen holds no OSC.
    let tmux = Tmux::new("escapes");
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("red"));
    tmux.send(&["e"]);
    tmux.wait_for("the form", |s| s.contains("Notes"));
    let styled = tmux.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]);
    let styled = String::from_utf8_lossy(&styled.stdout);
    // The text shows; the escape sequences go whole, the title's words too.
    assert!(styled.contains("red"), "the text itself shows");
    assert!(
        !styled.contains("pwned"),
        "a title sequence's payload shows"
    );
    assert!(
        !styled.contains("\u{1b}]"),
        "an OSC sequence reached the screen"
    );
    assert!(!styled.contains('\u{202e}'));
    let title = tmux.cmd(&["display-message", "-p", "-t", "e2e", "#{pane_title}"]);
    assert!(
        !String::from_utf8_lossy(&title.stdout).contains("pwned"),
        "the map set the terminal's title"
    );
}

#[test]
fn a_note_being_typed_survives_a_hangup() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    copy_fixture(dir.path());
    let tmux = Tmux::new("draft");
    start(&tmux, dir.path(), "camera.ron");
    tmux.wait_for("the board", |s| s.contains("Consideration"));
    // Open the first touchpoint's form, go to its notes, type, and do not
    // confirm: the connection drops mid-sentence.
    tmux.send(&["e"]);
    tmux.wait_for("the form", |s| s.contains("Notes"));
    tmux.send(&["Tab", "Tab", "Tab", "End"]);
    tmux.type_text(" Halb getippt");
    tmux.wait_for("the typing", |s| s.contains("Halb getippt"));
    let pid = journey_pid(&tmux);
    let out = tmux.cmd(&["kill-session", "-t", "e2e"]);
    assert!(out.status.success(), "kill-session: {out:?}");
    let killed = Instant::now();
    while alive(pid) {
        assert!(
            killed.elapsed() < Duration::from_secs(2),
            "journey still runs"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let recovered = recovery_files(&tmux);
    assert_eq!(recovered.len(), 1, "{recovered:?}");
    let map = load(&recovered[0]).expect("loads").map;
    assert!(
        map.touchpoints()
            .any(|(_, t)| t.notes.ends_with("Halb getippt")),
        "the unconfirmed note was lost"
    );
}
