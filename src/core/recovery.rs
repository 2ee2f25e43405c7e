//! Recovery files: the unsaved map, written where the platform keeps state
//! (`$XDG_STATE_HOME/journey/recovery` on Linux), so that a dropped SSH
//! connection, a kill or a crash costs no work. One file per map, named after
//! the map and a hash of its absolute path, in the canonical format.
//! Where that folder cannot be written (full, read-only, not a folder), a
//! private fallback folder under the system's temporary folder is used.

use crate::core::format::{Content, load, write_atomic_with, write_to};
use crate::core::model::Map;
use crate::core::stamp::fnv1a;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Where recovery files live: a folder, and a fallback for when it cannot
/// be written.
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    dir: PathBuf,
    fallback: Option<PathBuf>,
}

/// A recovery file found for a map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub path: PathBuf,
    pub map: Map,
    pub saved_at: Option<SystemTime>,
    /// True when the map file on disk was modified after the recovery was
    /// written: restoring would undo those newer changes.
    pub older_than_file: bool,
}

impl RecoveryStore {
    /// The platform's folder: the state folder where there is one (Linux),
    /// the local data folder elsewhere.
    pub fn from_env() -> Option<RecoveryStore> {
        let dirs = directories::ProjectDirs::from("", "", "journey")?;
        let base = dirs
            .state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_path_buf();
        Some(RecoveryStore {
            dir: base.join("recovery"),
            fallback: Some(default_fallback()),
        })
    }

    /// A store in a given folder (for tests and `--recovery-dir`), with no
    /// fallback.
    pub fn in_dir(dir: impl Into<PathBuf>) -> RecoveryStore {
        RecoveryStore {
            dir: dir.into(),
            fallback: None,
        }
    }

    /// This store with `fallback` as the folder to use when its own cannot
    /// be written. The fallback is created private (0700) and refused if
    /// another user owns it.
    pub fn with_fallback(mut self, fallback: impl Into<PathBuf>) -> RecoveryStore {
        self.fallback = Some(fallback.into());
        self
    }

    /// The folders recovery files may be in: the store's own, then the
    /// fallback.
    pub fn dirs(&self) -> impl Iterator<Item = &Path> {
        std::iter::once(self.dir.as_path()).chain(self.fallback.as_deref())
    }

    /// The folder recovery files are written to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file for a map file. Two maps with the same name in
    /// different folders get different files.
    pub fn path_for(&self, map_file: &Path) -> PathBuf {
        self.dir.join(self.file_name(map_file, None))
    }

    /// A second recovery file for the same map, told apart by `tag`: for a
    /// second editor on the file, or work kept aside before a reload.
    pub fn tagged_path_for(&self, map_file: &Path, tag: &str) -> PathBuf {
        self.dir.join(self.file_name(map_file, Some(tag)))
    }

    /// `camera.<hash of the absolute path>`.
    fn base_name(&self, map_file: &Path) -> String {
        let absolute = absolute(map_file);
        let stem = absolute
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "map".into());
        let stem: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(40)
            .collect();
        let hash = fnv1a(absolute.to_string_lossy().as_bytes());
        format!("{stem}.{hash:016x}")
    }

    /// Writes the unsaved map atomically, creating the folder if needed.
    /// Returns the path written: in the fallback folder when the store's
    /// own cannot be written. Fails only when both fail.
    pub fn write(&self, map_file: &Path, map: &Map) -> std::io::Result<PathBuf> {
        self.write_map(map_file, None, map)
    }

    /// Writes a recovery file's bytes (the canonical text of a map), under
    /// `tag` when given (see [`RecoveryStore::tagged_path_for`]), in the
    /// first folder that takes it. Returns the path written.
    pub fn write_bytes(
        &self,
        map_file: &Path,
        tag: Option<&str>,
        bytes: &[u8],
    ) -> std::io::Result<PathBuf> {
        self.write_content(map_file, tag, &|out| out.write_all(bytes))
    }

    /// Writes a map as a recovery file under `tag` (see
    /// [`RecoveryStore::write_bytes`]), streamed: its text is never held
    /// in memory whole.
    pub fn write_map(
        &self,
        map_file: &Path,
        tag: Option<&str>,
        map: &Map,
    ) -> std::io::Result<PathBuf> {
        self.write_content(map_file, tag, &|out| write_to(map, out))
    }

    fn write_content(
        &self,
        map_file: &Path,
        tag: Option<&str>,
        content: Content,
    ) -> std::io::Result<PathBuf> {
        let name = self.file_name(map_file, tag);
        let own = self
            .prepare(&self.dir)
            .and_then(|()| write_atomic_with(&self.dir.join(&name), content));
        let own_error = match own {
            Ok(()) => return Ok(self.dir.join(name)),
            Err(e) => e,
        };
        let Some(fallback) = &self.fallback else {
            return Err(own_error);
        };
        let path = fallback.join(&name);
        match self
            .prepare(fallback)
            .and_then(|()| write_atomic_with(&path, content))
        {
            Ok(()) => Ok(path),
            Err(e) => Err(std::io::Error::new(
                own_error.kind(),
                format!(
                    "{}: {own_error}; the fallback {}: {e}",
                    self.dir.display(),
                    fallback.display()
                ),
            )),
        }
    }

    /// Creates `dir`, one of [`RecoveryStore::dirs`], if needed: the
    /// store's own as it is, the fallback private to this user (and refused
    /// when another user owns it).
    pub fn prepare(&self, dir: &Path) -> std::io::Result<()> {
        if self.fallback.as_deref() == Some(dir) {
            private_dir(dir)
        } else {
            std::fs::create_dir_all(dir)
        }
    }

    fn file_name(&self, map_file: &Path, tag: Option<&str>) -> String {
        match tag {
            Some(tag) => format!("{}.{tag}.ron", self.base_name(map_file)),
            None => format!("{}.ron", self.base_name(map_file)),
        }
    }

    /// The newest recovery for a map file (its own, a second editor's, or
    /// work kept aside before a reload), if any. An unreadable recovery file
    /// is reported as an error, not dropped.
    pub fn find(&self, map_file: &Path) -> Result<Option<Recovery>, String> {
        let prefix = format!("{}.", self.base_name(map_file));
        let newest = self
            .dirs()
            .filter_map(|dir| std::fs::read_dir(dir).ok())
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.starts_with(&prefix) && name.ends_with(".ron")
            })
            .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
            .max();
        let Some((saved_at, path)) = newest else {
            return Ok(None);
        };
        let loaded = load(&path).map_err(|e| e.to_string())?;
        let file_modified = std::fs::metadata(map_file).and_then(|m| m.modified()).ok();
        let older_than_file = file_modified.is_some_and(|f| f > saved_at);
        Ok(Some(Recovery {
            path,
            map: loaded.map,
            saved_at: Some(saved_at),
            older_than_file,
        }))
    }

    /// Deletes the recovery for a map file, if any, in both folders.
    pub fn remove(&self, map_file: &Path) -> std::io::Result<()> {
        self.remove_tagged(map_file, None)
    }

    /// Deletes the recovery file written under `tag` (or the untagged one),
    /// in both folders.
    pub fn remove_tagged(&self, map_file: &Path, tag: Option<&str>) -> std::io::Result<()> {
        let name = self.file_name(map_file, tag);
        let mut result = Ok(());
        for dir in self.dirs() {
            match std::fs::remove_file(dir.join(&name)) {
                // Nothing there, or no folder to hold it: nothing to delete.
                Err(e)
                    if !matches!(
                        e.kind(),
                        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                    ) =>
                {
                    result = Err(e)
                }
                _ => {}
            }
        }
        result
    }
}

/// The fallback folder: `journey-recovery-<uid>` in the system's temporary
/// folder, one per user.
pub fn default_fallback() -> PathBuf {
    #[cfg(unix)]
    // SAFETY: geteuid has no preconditions.
    let user = unsafe { libc::geteuid() }.to_string();
    #[cfg(not(unix))]
    let user = std::env::var("USERNAME").unwrap_or_else(|_| "user".into());
    std::env::temp_dir().join(format!("journey-recovery-{user}"))
}

/// Makes `dir` a folder only its owner can enter, or checks that it is one
/// of this user's: in a shared temporary folder, another user could have
/// made it first to read or plant recovery files.
fn private_dir(dir: &Path) -> std::io::Result<()> {
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e),
        _ => {}
    }
    let meta = std::fs::symlink_metadata(dir)?;
    if !meta.is_dir() {
        return Err(std::io::Error::other(format!(
            "{} is not a folder; remove it",
            dir.display()
        )));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // SAFETY: geteuid has no preconditions.
        if meta.uid() != unsafe { libc::geteuid() } {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!("{} belongs to another user; remove it", dir.display()),
            ));
        }
        if meta.mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// The absolute form of a path, resolving symlinks where the file exists, so
/// that a map reached through a link shares its target's recovery.
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::templates::Template;

    #[test]
    fn write_find_and_remove() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::in_dir(dir.path().join("state/recovery"));
        let map_file = dir.path().join("camera.ron");
        std::fs::write(&map_file, "old").expect("write map");
        assert!(store.find(&map_file).expect("no error").is_none());
        let mut map = Template::Aida.instantiate(Some("Unsaved"));
        map.description = "work in progress".into();
        let written = store.write(&map_file, &map).expect("recovery written");
        assert!(written.starts_with(store.dir()));
        let found = store.find(&map_file).expect("no error").expect("found");
        assert_eq!(found.map, map);
        assert!(!found.older_than_file);
        let other = dir.path().join("other/camera.ron");
        assert_ne!(store.path_for(&other), store.path_for(&map_file));
        store.remove(&map_file).expect("removed");
        assert!(store.find(&map_file).expect("no error").is_none());
        // A second editor's file is found too.
        let tagged = store.tagged_path_for(&map_file, "pid-7");
        crate::core::format::save(&tagged, &map).expect("tagged written");
        assert_eq!(
            store.find(&map_file).expect("no error").map(|r| r.path),
            Some(tagged)
        );
        store.remove(&map_file).expect("removing twice is fine");
    }

    #[test]
    fn an_unwritable_folder_falls_back_and_find_looks_in_both() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A file where the folder should be: unwritable even for root.
        std::fs::write(dir.path().join("state"), "not a folder").expect("block");
        let fallback = dir.path().join("tmp/journey-recovery");
        let store =
            RecoveryStore::in_dir(dir.path().join("state/recovery")).with_fallback(&fallback);
        let map_file = dir.path().join("camera.ron");
        let map = Template::Aida.instantiate(Some("Unsaved"));
        let written = store.write(&map_file, &map).expect("the fallback takes it");
        assert!(written.starts_with(&fallback), "{}", written.display());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&fallback)
                .expect("fallback")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700, "the fallback is private");
        }
        let found = store.find(&map_file).expect("no error").expect("found");
        assert_eq!((found.path, found.map), (written.clone(), map.clone()));
        store.remove(&map_file).expect("removed");
        assert!(!written.exists());

        // With no fallback, or a fallback that fails too, the write fails.
        let alone = RecoveryStore::in_dir(dir.path().join("state/recovery"));
        assert!(alone.write(&map_file, &map).is_err());
        std::fs::write(dir.path().join("tmp/blocked"), "").expect("block");
        let both = alone.with_fallback(dir.path().join("tmp/blocked/recovery"));
        let err = both.write(&map_file, &map).expect_err("both folders fail");
        assert!(err.to_string().contains("the fallback"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fallback_owned_by_another_user_is_refused() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("SKIPPED: giving a folder to another user needs root");
            return;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let fallback = dir.path().join("journey-recovery");
        std::fs::create_dir(&fallback).expect("mkdir");
        std::os::unix::fs::chown(&fallback, Some(65534), Some(65534)).expect("chown");
        std::fs::write(dir.path().join("state"), "not a folder").expect("block");
        let store =
            RecoveryStore::in_dir(dir.path().join("state/recovery")).with_fallback(&fallback);
        let map = Template::Aida.instantiate(Some("Unsaved"));
        let err = store
            .write(&dir.path().join("m.ron"), &map)
            .expect_err("another user's folder is not used");
        assert!(err.to_string().contains("belongs to another user"), "{err}");
        assert_eq!(std::fs::read_dir(&fallback).expect("dir").count(), 0);
    }

    #[test]
    fn two_writers_racing_on_one_recovery_file_leave_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::in_dir(dir.path().join("recovery"));
        let map_file = dir.path().join("camera.ron");
        let writers: Vec<_> = ["first", "second"]
            .into_iter()
            .map(|title| {
                let (store, map_file) = (store.clone(), map_file.clone());
                std::thread::spawn(move || {
                    let map = Template::Aida.instantiate(Some(title));
                    for _ in 0..100 {
                        store.write(&map_file, &map).expect("written");
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().expect("writer");
        }
        let names: Vec<_> = std::fs::read_dir(store.dir())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        let found = store.find(&map_file).expect("no error").expect("found");
        assert!(["first", "second"].contains(&found.map.title.as_str()));
    }
}
