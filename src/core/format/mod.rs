//! The RON file format: strict reading, canonical writing, atomic saving.

mod atomic;
mod create;
mod fast;
mod read;
mod source;
#[cfg(target_os = "linux")]
mod tmpfile;
mod version;
mod write;

pub use atomic::{Content, write_atomic, write_atomic_forced, write_atomic_with};
pub use create::create_new;
pub use fast::parse as parse_fast;
pub(crate) use read::describe;
pub use read::{
    LoadError, LoadErrorKind, Loaded, MAX_FILE_BYTES, load, load_reader, one_line_name,
    open_regular, parse_bytes, read_limited,
};
pub use source::SourceIndex;
pub use version::{FIELDS, Since, required_format, used_fields};
pub use write::{is_bidi_control, needs_escape, push_quoted, to_string, write_to};

/// Saves a map in the canonical layout, atomically (see [`write_atomic`]).
pub fn save(file: &std::path::Path, map: &crate::core::model::Map) -> std::io::Result<()> {
    write_atomic(file, to_string(map).as_bytes())
}
