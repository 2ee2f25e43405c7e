//! A process that exits while its threads write recovery files (the signal
//! handler's exit while the background writer is busy) leaves no temporary
//! file in the recovery folder.
//!
//! The test runs itself again as the writing process: with `RACE_DIR` set,
//! it writes from two threads and exits in the middle, as the editor does:
//! the writers and the exit take one lock (`crate::recovery` keeps its
//! `write_lock` the same way), so the exit falls between two writes, never
//! inside one. Within a write there is a moment no file system closes (the
//! unnamed file is linked under a temporary name, then renamed), and an
//! exit there would leave that name; the lock is what keeps exits out of it.

use journey::core::generate::{S2, generate};
use journey::core::recovery::RecoveryStore;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const RUNS: u64 = 12;

#[test]
fn an_exit_while_two_threads_write_leaves_no_temporary() {
    if let Some(dir) = std::env::var_os("RACE_DIR") {
        write_and_exit(Path::new(&dir));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    for run in 0..RUNS {
        let status = Command::new(&exe)
            .args([
                "--exact",
                "an_exit_while_two_threads_write_leaves_no_temporary",
            ])
            .env("RACE_DIR", dir.path())
            .env("RACE_DELAY_MS", (20 + run * 7).to_string())
            .status()
            .expect("the writer runs");
        assert_eq!(status.code(), Some(129), "the writer exits mid-write");
        let names: Vec<String> = std::fs::read_dir(dir.path().join("recovery"))
            .expect("recovery folder")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let strays: Vec<_> = names.iter().filter(|n| n.starts_with('.')).collect();
        assert!(strays.is_empty(), "run {run} left {strays:?}");
    }
}

/// The writing process: two threads write the same recovery file again and
/// again, and the process exits while they do, as the SIGHUP handler does.
fn write_and_exit(dir: &Path) -> ! {
    let store = RecoveryStore::in_dir(dir.join("recovery"));
    let map = std::sync::Arc::new(generate(S2));
    let map_file = dir.join("big.ron");
    // One whole write first, so that the folder exists and the exit below
    // falls among the writes rather than before them.
    store.write(&map_file, &map).expect("first write");
    static WRITE_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    for _ in 0..2 {
        let (store, map) = (store.clone(), std::sync::Arc::clone(&map));
        let map_file = map_file.clone();
        std::thread::spawn(move || {
            loop {
                let guard = WRITE_LOCK.lock();
                let _ = store.write(&map_file, &map);
                // A lock is not fair: let the exit in between writes.
                drop(guard);
                std::thread::sleep(Duration::from_millis(1));
            }
        });
    }
    let delay = std::env::var("RACE_DELAY_MS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    std::thread::sleep(Duration::from_millis(delay));
    let _guard = WRITE_LOCK.lock();
    std::process::exit(129);
}
