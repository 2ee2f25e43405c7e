//! Knowing whether a map file changed on disk since journey read or wrote it
//! (a `git pull`, another editor, a teammate), by metadata and content hash.

use std::path::Path;
use std::time::SystemTime;

/// What a file looked like when journey last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl FileStamp {
    /// The stamp of bytes journey just read from or wrote to disk, with the
    /// file's current metadata.
    pub fn of_bytes(file: &Path, bytes: &[u8]) -> FileStamp {
        let modified = std::fs::metadata(file).and_then(|m| m.modified()).ok();
        FileStamp {
            len: bytes.len() as u64,
            modified,
            hash: fnv1a(bytes),
        }
    }

    /// Reads the file and stamps it; `None` if it cannot be read (deleted).
    pub fn read(file: &Path) -> Option<FileStamp> {
        let bytes = std::fs::read(file).ok()?;
        Some(FileStamp::of_bytes(file, &bytes))
    }

    /// True when the file on disk no longer holds what this stamp saw: its
    /// content differs, or it is gone. Metadata is checked first, so an
    /// untouched file is not read again; a touched one is compared by
    /// content, so `touch` or a checkout of the same bytes is no change.
    pub fn changed_on_disk(&self, file: &Path) -> bool {
        match std::fs::metadata(file) {
            Err(_) => true,
            Ok(meta) if meta.len() == self.len && meta.modified().ok() == self.modified => false,
            Ok(_) => match std::fs::read(file) {
                Ok(bytes) => bytes.len() as u64 != self.len || fnv1a(&bytes) != self.hash,
                Err(_) => true,
            },
        }
    }
}

/// FNV-1a, 64 bit: stable across builds and platforms, unlike std's hasher.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_changed_content_but_not_a_rewrite_of_the_same_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("m.ron");
        std::fs::write(&file, "one").expect("write");
        let stamp = FileStamp::read(&file).expect("stamp");
        assert!(!stamp.changed_on_disk(&file));
        std::fs::write(&file, "one").expect("rewrite");
        assert!(!stamp.changed_on_disk(&file), "same bytes are no change");
        std::fs::write(&file, "two").expect("change");
        assert!(stamp.changed_on_disk(&file));
        std::fs::remove_file(&file).expect("remove");
        assert!(stamp.changed_on_disk(&file));
    }
}
