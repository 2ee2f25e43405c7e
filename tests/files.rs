//! Reading map files that are not what they seem: FIFOs and devices, which
//! must be refused without blocking or reading for ever, a byte-order mark,
//! and file names that would forge a second line of output.

use journey::core::format::{LoadErrorKind, MAX_FILE_BYTES, load, load_reader, to_string};
use journey::core::templates::Template;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs the real binary, killing it if it has not finished in `limit`:
/// `None` then, so that a hang fails the test instead of the test run.
fn run_with_timeout(args: &[&std::ffi::OsStr], limit: Duration) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journey"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("journey starts");
    let started = Instant::now();
    while started.elapsed() < limit {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid, NUL-terminated path.
    let rc = unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo: {}", std::io::Error::last_os_error());
}

#[cfg(unix)]
#[test]
fn check_refuses_a_fifo_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("fifo.ron");
    mkfifo(&fifo);
    let out = run_with_timeout(
        &["check".as_ref(), fifo.as_os_str()],
        Duration::from_secs(5),
    )
    .expect("`journey check fifo.ron` returns instead of waiting for a writer");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a regular file"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_in_a_list_of_maps_are_refused_and_the_rest_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("fifo.ron");
    mkfifo(&fifo);
    let good = dir.path().join("good.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/camera.ron"),
        &good,
    )
    .expect("copy");
    for command in [&["check"][..], &["fmt", "--check"]] {
        let mut args: Vec<&std::ffi::OsStr> = command.iter().map(|a| a.as_ref()).collect();
        args.extend([
            fifo.as_os_str(),
            "/dev/zero".as_ref(),
            good.as_os_str(),
            fifo.as_os_str(),
        ]);
        let out = run_with_timeout(&args, Duration::from_secs(5))
            .expect("returns instead of waiting for a writer or reading for ever");
        assert_eq!(out.status.code(), Some(2), "{command:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.matches("not a regular file").count(),
            3,
            "{command:?}: {stderr}"
        );
        assert!(
            !stderr
                .lines()
                .any(|l| l.contains("good.ron") && l.contains("error")),
            "the regular map passes: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn load_refuses_a_fifo_and_a_device() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("fifo.ron");
    mkfifo(&fifo);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load(&fifo).map(|_| ()).map_err(|e| e.kind));
    });
    let result = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("load returns on a FIFO");
    assert!(
        matches!(result, Err(LoadErrorKind::NotRegular)),
        "{result:?}"
    );
    for device in ["/dev/zero", "/dev/null"] {
        if Path::new(device).exists() {
            let err = load(Path::new(device)).expect_err("a device is refused");
            assert!(
                matches!(err.kind, LoadErrorKind::NotRegular),
                "{device}: {err}"
            );
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
    }
}

#[test]
fn check_refuses_dev_zero_without_reading_it() {
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        eprintln!("SKIPPED: no /dev/zero on this system");
        return;
    }
    let out = run_with_timeout(
        &["check".as_ref(), zero.as_os_str()],
        Duration::from_secs(5),
    )
    .expect("`journey check /dev/zero` returns instead of reading for ever");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a regular file"), "{stderr}");
}

#[test]
fn a_stream_is_read_up_to_the_limit_only() {
    // An endless stream: a reader that read it all would never return.
    let err = load_reader(Path::new("-"), std::io::repeat(b' ')).expect_err("too long");
    assert!(
        matches!(err.kind, LoadErrorKind::TooLong { limit } if limit == MAX_FILE_BYTES),
        "{err}"
    );
    let text = to_string(&Template::Aida.instantiate(Some("From a pipe")));
    let loaded = load_reader(Path::new("-"), text.as_bytes()).expect("a map from a stream");
    assert_eq!(loaded.map.title, "From a pipe");
}

#[test]
fn a_byte_order_mark_is_skipped_and_not_written_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bom.ron");
    let map = Template::Aida.instantiate(Some("Marked"));
    let canonical = to_string(&map);
    std::fs::write(&file, format!("\u{feff}{canonical}")).expect("write");
    let loaded = load(&file).expect("a map with a byte-order mark loads");
    assert_eq!(loaded.map, map);
    // The text is the file's bytes, so that the changed-on-disk stamp of
    // what was read matches the file.
    assert_eq!(loaded.text.as_bytes(), std::fs::read(&file).expect("read"));

    // An error after the mark is placed as an editor shows it: the mark
    // takes no column.
    std::fs::write(&file, "\u{feff}[").expect("write");
    let err = load(&file).expect_err("not a map");
    assert_eq!((err.line, err.col), (Some(1), Some(1)), "{err}");

    // `fmt` writes the map back without the mark.
    std::fs::write(&file, format!("\u{feff}{canonical}")).expect("write");
    let out = run_with_timeout(&["fmt".as_ref(), file.as_os_str()], Duration::from_secs(20))
        .expect("fmt finishes");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), canonical);
}

#[test]
fn a_file_name_with_a_newline_stays_on_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name: PathBuf = dir
        .path()
        .join("j\n::error file=README.md,line=1::x\r\t\u{1b}[31m.ron");
    if std::fs::write(&name, "[").is_err() {
        eprintln!("SKIPPED: this file system refuses control characters in names");
        return;
    }
    let err = load(&name).expect_err("not a map");
    let message = err.to_string();
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("j\\n::error file=README.md,line=1::x\\r\\t\\u{1b}[31m.ron"),
        "{message}"
    );
    assert!(!message.contains('\u{1b}'), "{message}");
}
