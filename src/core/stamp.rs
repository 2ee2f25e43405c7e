//! Knowing whether a map file changed on disk since journey read or wrote it
//! (a `git pull`, another editor, a teammate), by metadata and content hash.

use crate::core::format::{MAX_FILE_BYTES, open_regular, read_limited};
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
            hash: content_hash(bytes),
        }
    }

    /// Reads the file and stamps it; `None` if it cannot be read (deleted),
    /// is not a regular file, or is over the size journey reads.
    pub fn read(file: &Path) -> Option<FileStamp> {
        let (opened, meta) = open_regular(file).ok()?;
        let bytes = read_limited(opened, meta.len()).ok()?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return None;
        }
        Some(FileStamp {
            len: bytes.len() as u64,
            modified: meta.modified().ok(),
            hash: content_hash(&bytes),
        })
    }

    /// True when the file on disk no longer holds what this stamp saw: its
    /// content differs, or it is gone. Metadata is checked first, so an
    /// untouched file is not read again; a touched one is compared by
    /// content, so `touch` or a checkout of the same bytes is no change.
    ///
    /// Never blocks or reads without end: the file is opened without
    /// waiting, anything but a regular file (a FIFO, a device put in its
    /// place) counts as changed, and at most the size limit is read.
    pub fn changed_on_disk(&self, file: &Path) -> bool {
        // `stat` never blocks; the file is opened only when it looks touched.
        match std::fs::metadata(file) {
            Ok(meta) if !meta.is_file() || meta.len() != self.len => return true,
            Ok(meta) if meta.modified().ok() == self.modified => return false,
            Ok(_) => {}
            Err(_) => return true,
        }
        // Opened anew: it may have been replaced since the `stat`.
        let Ok((opened, meta)) = open_regular(file) else {
            return true;
        };
        match read_limited(opened, meta.len()) {
            Ok(bytes) => bytes.len() as u64 != self.len || content_hash(&bytes) != self.hash,
            Err(_) => true,
        }
    }
}

/// The hash a stamp keeps of a file's bytes. It is compared only within one
/// run, so it need not be stable; it must be fast, since every open and
/// save hashes the whole file: FNV-1a takes a multiply per byte, 31 ms for
/// a 24.6 MB map, where this takes a few.
fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
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
    fn a_change_of_one_byte_anywhere_in_a_large_file_changes_the_hash() {
        let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        let whole = content_hash(&bytes);
        for at in [0, 7, 8, 15, 1_234_567, bytes.len() - 9, bytes.len() - 1] {
            let mut changed = bytes.clone();
            changed[at] ^= 1;
            assert_ne!(content_hash(&changed), whole, "a change at byte {at}");
        }
        let mut swapped = bytes.clone();
        swapped.swap(100, 101);
        assert_ne!(content_hash(&swapped), whole, "two bytes swapped");
        assert_ne!(
            content_hash(&bytes[..bytes.len() - 1]),
            whole,
            "one byte shorter"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_place_of_the_file_is_a_change_and_never_blocks() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("m.ron");
        std::fs::write(&file, "one").expect("write");
        let stamp = FileStamp::read(&file).expect("stamp");
        std::fs::remove_file(&file).expect("remove");
        let c_path = std::ffi::CString::new(file.as_os_str().as_encoded_bytes()).expect("no NUL");
        // SAFETY: a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0, "mkfifo");
        // Run on a thread of its own, so that a regression fails rather
        // than hanging the test run.
        let (tx, rx) = std::sync::mpsc::channel();
        let (stamp_file, read_file) = (file.clone(), file.clone());
        std::thread::spawn(move || {
            let _ = tx.send((
                stamp.changed_on_disk(&stamp_file),
                FileStamp::read(&read_file),
            ));
        });
        let (changed, read) = rx
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("the stamp functions returned without blocking on a FIFO");
        assert!(changed, "a FIFO in place of the map is a change");
        assert_eq!(read, None, "a FIFO is not stamped");
    }

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
