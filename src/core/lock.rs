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

/// Whether a process with this id runs on this host. Where that cannot be
/// told (no `/proc`), a lock is taken as live, which errs towards warning.
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.is_dir() {
        return true;
    }
    proc.join(pid.to_string()).exists()
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
        // A live process holds it: pid 1 always exists.
        std::fs::write(&lock_file, "1").expect("foreign lock");
        let (_second, other) = EditLock::acquire(&store, &map).expect("acquire");
        assert_eq!(other, Some(1));
        drop(lock);
        assert!(lock_file.exists(), "a lock that is not ours stays");
    }
}
