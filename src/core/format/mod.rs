//! The RON file format: strict reading, canonical writing, atomic saving.

mod read;
mod source;
mod write;

pub use read::{
    LoadError, LoadErrorKind, Loaded, MAX_FILE_BYTES, load, load_reader, one_line_name,
    open_regular, parse_bytes, read_limited,
};
pub use source::SourceIndex;
pub use write::{is_bidi_control, needs_escape, push_quoted, to_string};

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `file` atomically: a temporary file in the same folder
/// is written, fsynced and renamed over the old one, and the folder fsynced.
/// The old file is never truncated first. A symlink is followed, so the
/// link's target is replaced and the link stays.
pub fn write_atomic(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = resolve_symlink(file);
    let mut out = atomic_write_file::AtomicWriteFile::open(&target)?;
    out.write_all(bytes)?;
    out.commit()
}

/// Saves a map in the canonical layout, atomically.
pub fn save(file: &Path, map: &crate::core::model::Map) -> std::io::Result<()> {
    write_atomic(file, to_string(map).as_bytes())
}

fn resolve_symlink(file: &Path) -> PathBuf {
    match std::fs::symlink_metadata(file) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf())
        }
        _ => file.to_path_buf(),
    }
}
