//! Noticing that the same map is open twice on this host: each editor holds
//! an OS file lock on a lock file beside the recovery files, and a second
//! editor that cannot take it warns. The OS drops the lock when its process
//! ends, however it ends (a kill, a crash), so a lock left by a dead editor
//! never counts; the process id written into the file is only a hint for
//! the message. The lock is advisory; it never blocks.

use crate::core::recovery::RecoveryStore;
use std::fs::{File, TryLockError};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

/// This editor's claim on a map file; the lock file goes when it drops.
#[derive(Debug)]
pub struct EditLock {
    path: PathBuf,
    /// The locked file, open for the editor's life; `None` when another
    /// editor holds the lock (or the platform has no file locks).
    held: Option<File>,
}

impl EditLock {
    /// Claims `map_file`. Returns the lock and, when another live process
    /// already has the file open, that process's id (0 when it has not
    /// written it yet).
    pub fn acquire(
        store: &RecoveryStore,
        map_file: &Path,
    ) -> std::io::Result<(EditLock, Option<u32>)> {
        let mut last_error = None;
        // The store's folder, or its fallback when that cannot be written,
        // as for the recovery files.
        for dir in store.dirs() {
            let path = dir.join(lock_name(store, map_file));
            match store.prepare(dir).and_then(|()| claim(&path)) {
                Ok((held, other)) => return Ok((EditLock { path, held }, other)),
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error.unwrap_or_else(|| std::io::Error::other("no folder for the lock file")))
    }
}

impl Drop for EditLock {
    fn drop(&mut self) {
        // Only a lock that is still ours, on the file still at the path.
        if let Some(held) = self.held.take()
            && same_file(&held, &self.path)
        {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// `camera.<hash>.lock`, beside the recovery file of the same map.
fn lock_name(store: &RecoveryStore, map_file: &Path) -> std::ffi::OsString {
    store
        .path_for(map_file)
        .with_extension("lock")
        .file_name()
        .map(ToOwned::to_owned)
        .unwrap_or_else(|| "map.lock".into())
}

/// Takes the OS lock on `path`: the open, locked file, or `None` and the
/// holder's process id when another process has it.
fn claim(path: &Path) -> std::io::Result<(Option<File>, Option<u32>)> {
    // A holder that is closing removes the file between our open and our
    // lock; the lock is then on a file nobody else finds, so open again.
    for _ in 0..8 {
        let mut file = open_lock_file(path)?;
        match file.try_lock() {
            Ok(()) if same_file(&file, path) => {
                file.set_len(0)?;
                file.write_all(std::process::id().to_string().as_bytes())?;
                return Ok((Some(file), None));
            }
            Ok(()) => continue,
            Err(TryLockError::WouldBlock) => {
                let mut hint = String::new();
                let _ = file.read_to_string(&mut hint);
                return Ok((None, Some(hint.trim().parse().unwrap_or(0))));
            }
            // No file locks here (some network file systems): nothing can
            // be told, and warning on every open would cry wolf.
            Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                return Ok((None, None));
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "{} keeps changing; is another journey starting?",
        path.display()
    )))
}

fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Whether the open `file` is the one now at `path`.
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Removes this process's lock on `map_file`, if it holds one: for exits
/// that skip destructors (a signal). The OS lock itself goes with the
/// process; this only tidies the file away.
pub fn release(store: &RecoveryStore, map_file: &Path) {
    for dir in store.dirs() {
        let path = dir.join(lock_name(store, map_file));
        let ours = std::fs::read_to_string(&path)
            .is_ok_and(|s| s.trim() == std::process::id().to_string());
        if ours {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_is_seen_and_a_released_or_stale_one_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::in_dir(dir.path().join("recovery"));
        let map = dir.path().join("m.ron");
        let lock_file = store.path_for(&map).with_extension("lock");
        // A lock file left by a process that is gone (or by a journey of
        // before file locks): a pid, but no OS lock on it.
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        std::fs::write(&lock_file, "1").expect("stale lock");
        let (first, other) = EditLock::acquire(&store, &map).expect("acquire");
        assert_eq!(other, None, "a lock file nobody holds is no lock");
        assert_eq!(
            std::fs::read_to_string(&lock_file).expect("lock"),
            std::process::id().to_string()
        );
        // A second claim opens the file anew: a lock on another open file
        // description conflicts even in the same process, as it would in a
        // second editor.
        let (second, other) = EditLock::acquire(&store, &map).expect("acquire");
        assert_eq!(other, Some(std::process::id()));
        drop(second);
        assert!(lock_file.exists(), "a lock that is not ours stays");
        drop(first);
        assert!(!lock_file.exists(), "the holder removes its lock file");
        let (third, other) = EditLock::acquire(&store, &map).expect("acquire");
        assert_eq!(other, None);
        drop(third);

        // A live program named journey whose id is in the file, as after a
        // reused process id, but that holds no lock: no /proc is asked.
        let fake = dir.path().join("journey");
        std::fs::copy("/bin/sleep", &fake).expect("copy sleep");
        let mut child = std::process::Command::new(&fake)
            .arg("30")
            .spawn()
            .expect("starts");
        std::fs::write(&lock_file, child.id().to_string()).expect("a pid, no lock");
        let claimed = EditLock::acquire(&store, &map);
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(claimed.expect("acquire").1, None);
    }

    /// With `LOCK_HOLDER` set, this test is the helper process: it takes the
    /// lock, says so, and waits to be killed.
    #[test]
    fn a_lock_held_by_a_live_process_counts_and_by_a_killed_one_does_not() {
        if let Some(dir) = std::env::var_os("LOCK_HOLDER") {
            let store = RecoveryStore::in_dir(Path::new(&dir).join("recovery"));
            let held = EditLock::acquire(&store, &Path::new(&dir).join("m.ron"));
            println!("LOCKED {}", matches!(held, Ok((_, None))));
            std::thread::sleep(std::time::Duration::from_secs(60));
            std::process::exit(0);
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::in_dir(dir.path().join("recovery"));
        let map = dir.path().join("m.ron");
        let mut child = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "core::lock::tests::a_lock_held_by_a_live_process_counts_and_by_a_killed_one_does_not",
                "--nocapture",
            ])
            .env("LOCK_HOLDER", dir.path())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("the holder starts");
        let mut out = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        while !line.starts_with("LOCKED") {
            line.clear();
            let read = std::io::BufRead::read_line(&mut out, &mut line).expect("read");
            assert!(read > 0, "the holder ended before locking");
        }
        assert_eq!(line.trim(), "LOCKED true", "the holder took the lock");
        let (_lock, other) = EditLock::acquire(&store, &map).expect("acquire");
        assert_eq!(other, Some(child.id()), "a live holder counts");
        drop(_lock);
        // SIGKILL: no destructor runs and the lock file stays, naming the
        // dead process, but the OS lock went with it.
        child.kill().expect("kill");
        child.wait().expect("wait");
        let lock_file = store.path_for(&map).with_extension("lock");
        assert!(lock_file.exists());
        let (_lock, other) = EditLock::acquire(&store, &map).expect("acquire");
        assert_eq!(other, None, "a killed holder does not count");
    }
}
