//! A closed terminal, as an SSH drop or a closed window leaves it: the
//! editor runs on a real pty whose master side is then closed, so every read
//! and write on its terminal fails with EIO (and the kernel sends SIGHUP).
//! It must keep the unsaved map, exit as a hang-up does (129), never panic
//! or abort, and leave no temporary file in the recovery folder.
#![cfg(unix)]

use journey::core::format::load;
use journey::core::model::Kind;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A pty pair: (master, slave).
fn open_pty() -> (File, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: both out-pointers are valid; no name buffer or termios.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // The child must not inherit the master: a copy there would keep the
    // terminal open after the test closes its own.
    for fd in [master, slave] {
        // SAFETY: fcntl on descriptors we own.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: openpty returned two fresh descriptors that we now own.
    unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// Starts journey on `map` with the pty's slave as its controlling terminal.
fn start(map: &Path, state: &Path, slave: OwnedFd) -> std::process::Child {
    let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup the pty"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_journey"));
    cmd.arg(map)
        .env("XDG_STATE_HOME", state)
        .env("XDG_CONFIG_HOME", state.join("config"))
        .env_remove("JOURNEY_CONFIG")
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .stdin(io(&slave))
        .stdout(io(&slave))
        .stderr(io(&slave));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = cmd.spawn().expect("journey starts");
    drop(slave);
    child
}

/// Reads what the editor drew so far, without blocking.
fn drain(master: &mut File, seen: &mut Vec<u8>) {
    let mut fd = libc::pollfd {
        fd: master.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let mut buf = [0u8; 65536];
    // SAFETY: one valid pollfd; poll only writes `revents`.
    while unsafe { libc::poll(&mut fd, 1, 0) } > 0 && fd.revents & libc::POLLIN != 0 {
        match master.read(&mut buf) {
            Ok(n) if n > 0 => seen.extend_from_slice(&buf[..n]),
            _ => return,
        }
    }
}

/// Reads from the pty until its output holds `text`.
fn wait_for(master: &mut File, seen: &mut Vec<u8>, text: &str) {
    let start = Instant::now();
    loop {
        drain(master, seen);
        if String::from_utf8_lossy(seen).contains(text) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {text:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_closed_terminal_keeps_the_work_and_exits_as_a_hang_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("camera.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/camera.ron"),
        &map,
    )
    .expect("copy the fixture");
    let before = load(&map).expect("fixture loads").map;
    let state = dir.path().join("state");

    let (mut master, slave) = open_pty();
    let mut child = start(&map, &state, slave);
    let mut seen = Vec::new();
    wait_for(&mut master, &mut seen, "camera.ron");
    // `t` toggles the first touchpoint's kind: an unsaved edit.
    master.write_all(b"t").expect("type t");
    wait_for(&mut master, &mut seen, "unsaved");

    // The terminal's side goes away.
    drop(master);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "journey did not exit after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    };

    assert_eq!(
        status.signal(),
        None,
        "journey died of a signal (an abort means it panicked): {status:?}"
    );
    assert_eq!(status.code(), Some(129), "exit like SIGHUP: {status:?}");
    let recovery_dir = state.join("journey/recovery");
    let files: Vec<String> = std::fs::read_dir(&recovery_dir)
        .expect("the recovery folder exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".lock"))
        .collect();
    assert_eq!(
        files.len(),
        1,
        "one recovery file, no temporaries: {files:?}"
    );
    let kept = load(&recovery_dir.join(&files[0])).expect("the recovery file loads");
    let kind = |m: &journey::core::model::Map| m.stages[0].touchpoints[0].kind;
    assert_ne!(kind(&kept.map), kind(&before), "the toggle was kept");
    assert!(matches!(kind(&kept.map), Kind::Direct | Kind::Indirect));
}
