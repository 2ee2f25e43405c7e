//! Noticing that the same map is open twice on this host: each editor leaves
//! a lock file holding its process id beside the recovery files, and a second
//! editor that finds a live one warns. The lock is advisory; it never blocks.

use crate::core::recovery::RecoveryStore;
use std::path::{Path, PathBuf};

/// This editor's claim on a map file; the lock file goes when it drops.
#[derive(Debug)]
pub struct EditLock {
    path: PathBuf,
}

impl EditLock {
    /// Claims `map_file`. Returns the lock and, when another live process
    /// already has the file open, that process's id.
    pub fn acquire(
        store: &RecoveryStore,
        map_file: &Path,
    ) -> std::io::Result<(EditLock, Option<u32>)> {
        let path = store.path_for(map_file).with_extension("lock");
        std::fs::create_dir_all(store.dir())?;
        let other = std::fs::read_to_string(&path)
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok())
            .filter(|&pid| pid != std::process::id() && process_alive(pid));
        if other.is_none() {
            crate::core::format::write_atomic(&path, std::process::id().to_string().as_bytes())?;
        }
        Ok((EditLock { path }, other))
    }
}

impl Drop for EditLock {
    fn drop(&mut self) {
        // Only remove a lock that is still ours.
        let ours = std::fs::read_to_string(&self.path)
            .is_ok_and(|s| s.trim() == std::process::id().to_string());
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Whether a journey with this process id runs on this host: the id may
/// have been reused by another program since the lock was written. Where
/// that cannot be told (no `/proc`), a lock is taken as live, which errs
/// towards warning.
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.is_dir() {
        return true;
    }
    // `/proc/PID/stat` is `PID (COMM) STATE …`; a zombie (Z) has exited
    // and only waits for its parent, which in a container may take a while.
    std::fs::read_to_string(proc.join(pid.to_string()).join("stat")).is_ok_and(|stat| {
        let Some((head, tail)) = stat.rsplit_once(')') else {
            return false;
        };
        let comm = head.split_once('(').map_or("", |(_, c)| c);
        let state = tail.split_whitespace().next().unwrap_or("");
        comm.starts_with("journey") && !matches!(state, "Z" | "X")
    })
}

/// Removes this process's lock on `map_file`, if it holds one: for exits
/// that skip destructors (a signal).
pub fn release(store: &RecoveryStore, map_file: &Path) {
    let path = store.path_for(map_file).with_extension("lock");
    let ours =
        std::fs::read_to_string(&path).is_ok_and(|s| s.trim() == std::process::id().to_string());
    if ours {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_sees_the_first_and_a_stale_lock_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::in_dir(dir.path().join("recovery"));
        let map = dir.path().join("m.ron");
        let lock_file = store.path_for(&map).with_extension("lock");
        // A lock left by a process that no longer exists.
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        std::fs::write(&lock_file, "4294967").expect("stale lock");
        let (lock, other) = EditLock::acquire(&store, &map).expect("acquire");
        assert_eq!(other, None);
        assert_eq!(
            std::fs::read_to_string(&lock_file).expect("lock"),
            std::process::id().to_string()
        );
        // A process that is not a journey holds the id: pid 1 exists.
        std::fs::write(&lock_file, "1").expect("foreign lock");
        let (_second, other) = EditLock::acquire(&store, &map).expect("acquire");
        assert_eq!(other, None);
        // A live journey holds it: a program named `journey` that waits.
        let fake = dir.path().join("journey");
        std::fs::copy("/bin/sleep", &fake).expect("copy sleep");
        let mut child = std::process::Command::new(&fake)
            .arg("30")
            .spawn()
            .expect("starts");
        std::fs::write(&lock_file, child.id().to_string()).expect("live lock");
        let (_third, other) = EditLock::acquire(&store, &map).expect("acquire");
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(other, Some(child.id()));
        drop(lock);
        assert!(lock_file.exists(), "a lock that is not ours stays");
    }
}
