//! Recovery files: the unsaved map, written where the platform keeps state
//! (`$XDG_STATE_HOME/journey/recovery` on Linux), so that a dropped SSH
//! connection, a kill or a crash costs no work. One file per map, named after
//! the map and a hash of its absolute path, in the canonical format.

use crate::core::format::{load, save};
use crate::core::model::Map;
use crate::core::stamp::fnv1a;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Where recovery files live.
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    dir: PathBuf,
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
        })
    }

    /// A store in a given folder (for tests and `--recovery-dir`).
    pub fn in_dir(dir: impl Into<PathBuf>) -> RecoveryStore {
        RecoveryStore { dir: dir.into() }
    }

    /// The folder recovery files are written to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file for a map file. Two maps with the same name in
    /// different folders get different files.
    pub fn path_for(&self, map_file: &Path) -> PathBuf {
        self.dir.join(format!("{}.ron", self.base_name(map_file)))
    }

    /// A second recovery file for the same map, told apart by `tag`: for a
    /// second editor on the file, or work kept aside before a reload.
    pub fn tagged_path_for(&self, map_file: &Path, tag: &str) -> PathBuf {
        self.dir
            .join(format!("{}.{tag}.ron", self.base_name(map_file)))
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
    pub fn write(&self, map_file: &Path, map: &Map) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(&self.dir)?;
        let path = self.path_for(map_file);
        save(&path, map)?;
        Ok(path)
    }

    /// The newest recovery for a map file (its own, a second editor's, or
    /// work kept aside before a reload), if any. An unreadable recovery file
    /// is reported as an error, not dropped.
    pub fn find(&self, map_file: &Path) -> Result<Option<Recovery>, String> {
        let prefix = format!("{}.", self.base_name(map_file));
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Ok(None);
        };
        let newest = entries
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

    /// Deletes the recovery for a map file, if any.
    pub fn remove(&self, map_file: &Path) -> std::io::Result<()> {
        match std::fs::remove_file(self.path_for(map_file)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
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
}
