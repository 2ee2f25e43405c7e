//! Writing a file so that a crash, a kill or a full disk leaves the old
//! version or the new one, whole, and never anything wider or other than
//! what the user named.
//!
//! A regular file is replaced through a temporary file in its folder (an
//! unnamed one where Linux has `O_TMPFILE`, see `tmpfile`, so that a kill
//! leaves nothing behind), renamed over it. Symlinks are resolved here rather than by
//! `atomic-write-file`: it copies the permissions of what it finds under the
//! name without following links, so a link (always mode 0777) would be
//! replaced by a regular file of mode 0777. A device or a FIFO is written
//! to directly: renaming over `/dev/null` would replace the device.

use super::read::one_line_name;
use std::io::{Error, ErrorKind, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How many links a chain may hold before it counts as a loop, as Linux's
/// own limit.
const MAX_LINKS: usize = 40;

/// A temporary file of the crate's naming older than this was left by a
/// killed writer; a younger one may belong to a save in progress.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Writes `bytes` to `file` atomically: a temporary file in the same folder
/// is written, fsynced and renamed over the old one, and the folder fsynced.
/// The old file is never truncated first. A symlink is followed, so the
/// link's target is replaced (or created) and the link stays; a loop is
/// refused. A character device or a FIFO is written to directly. A file
/// without write permission is refused as read-only (see
/// [`write_atomic_forced`]).
pub fn write_atomic(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_file(file, &|out| out.write_all(bytes), false)
}

/// [`write_atomic`], replacing a read-only file too, which keeps its mode:
/// for a user who said to overwrite.
pub fn write_atomic_forced(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_file(file, &|out| out.write_all(bytes), true)
}

/// [`write_atomic`] with the content written by `content` as it goes, so
/// that a large file is never held in memory whole. `content` writes the
/// same bytes each time it is called.
pub fn write_atomic_with(file: &Path, content: Content) -> std::io::Result<()> {
    write_file(file, content, false)
}

/// Writes a file's content to the output it is given.
pub type Content<'a> = &'a dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>;

/// Runs `content` into `out` through a buffer, flushed at the end.
pub(super) fn write_buffered(
    out: &mut dyn std::io::Write,
    content: Content,
) -> std::io::Result<()> {
    let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, out);
    content(&mut buffered)?;
    buffered.flush()
}

/// What a name refers to, once links are followed.
enum Target {
    /// An existing regular file, by its real path, with its metadata.
    Regular {
        path: PathBuf,
        meta: std::fs::Metadata,
    },
    /// Nothing yet: a new file is created at this path.
    New(PathBuf),
    /// A character device or a FIFO, written to in place.
    Stream,
}

fn write_file(file: &Path, bytes: Content, force: bool) -> std::io::Result<()> {
    match resolve(file)? {
        Target::Stream => write_stream(file, bytes),
        Target::New(path) => replace(&path, bytes, None),
        Target::Regular { path, meta } => {
            if !force && mode_of(&meta) & 0o222 == 0 {
                // By permission bits, not by access(2): root may write to
                // anything, but a 0444 file says "do not change me".
                return Err(Error::new(
                    ErrorKind::PermissionDenied,
                    format!("{} is read-only", one_line_name(file)),
                ));
            }
            replace(&path, bytes, Some(&meta))
        }
    }
}

/// Follows `file` to what it names.
fn resolve(file: &Path) -> std::io::Result<Target> {
    let is_link = std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink());
    match std::fs::metadata(file) {
        Ok(meta) if meta.is_file() => {
            let path = if is_link {
                std::fs::canonicalize(file)?
            } else {
                file.to_path_buf()
            };
            Ok(Target::Regular { path, meta })
        }
        Ok(meta) if meta.is_dir() => Err(Error::new(
            ErrorKind::IsADirectory,
            format!("{} is a folder; name a file to write", one_line_name(file)),
        )),
        Ok(meta) if is_stream(&meta) => Ok(Target::Stream),
        Ok(_) => Err(Error::other(format!(
            "{} is not a regular file, a character device or a FIFO; write to a file instead",
            one_line_name(file)
        ))),
        Err(e) if is_loop(&e) => Err(loop_error(file)),
        Err(e) if e.kind() == ErrorKind::NotFound && is_link => {
            dangling_target(file).map(Target::New)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(Target::New(file.to_path_buf())),
        Err(e) => Err(e),
    }
}

/// Where a chain of links that ends nowhere would lead: the file to create.
fn dangling_target(file: &Path) -> std::io::Result<PathBuf> {
    let mut path = file.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = std::fs::read_link(&path)?;
                // A relative link is relative to the folder that holds it.
                path = match path.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(path),
            // Created meanwhile: writing over it is what a save does anyway.
            Ok(_) => return Ok(path),
            Err(e) => return Err(e),
        }
    }
    Err(loop_error(file))
}

fn loop_error(file: &Path) -> Error {
    Error::other(format!(
        "{} is a symlink loop: the link leads back to itself; point it at a file",
        one_line_name(file)
    ))
}

#[cfg(unix)]
fn is_loop(e: &Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_loop(_: &Error) -> bool {
    false
}

/// `ENXIO`: what opening a FIFO for writing without blocking gives when no
/// program has it open for reading.
#[cfg(unix)]
fn no_reader(e: &Error) -> bool {
    e.raw_os_error() == Some(libc::ENXIO)
}

#[cfg(not(unix))]
fn no_reader(_: &Error) -> bool {
    false
}

#[cfg(unix)]
fn mode_of(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(meta: &std::fs::Metadata) -> u32 {
    if meta.permissions().readonly() {
        0o444
    } else {
        0o666
    }
}

#[cfg(unix)]
fn is_stream(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_char_device() || meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_stream(_: &std::fs::Metadata) -> bool {
    false
}

/// Replaces (or creates) the regular file at `path`, keeping the mode of
/// `old` (and, as root, its owner), or with 0666 less the umask when new.
fn replace(path: &Path, bytes: Content, old: Option<&std::fs::Metadata>) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if super::tmpfile::replace(path, bytes, old)? {
        remove_stale_temporaries(path);
        return Ok(());
    }
    let mut options = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt;
        // The crate would copy the mode of whatever it finds under the name,
        // unfollowed; the mode is set here from what `resolve` saw instead.
        options.preserve_mode(false);
    }
    let mut out = options.open(path)?;
    #[cfg(unix)]
    if let Some(old) = old {
        use std::os::unix::fs::PermissionsExt;
        out.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode_of(old)))?;
    }
    write_buffered(&mut out, bytes)?;
    out.commit()?;
    remove_stale_temporaries(path);
    Ok(())
}

/// Removes temporary files that killed writers left beside `path`: named
/// as `atomic-write-file` names them (`.NAME.` and six letters or digits)
/// and older than a minute. Where `O_TMPFILE` works there are none; on
/// other file systems this keeps them from piling up. Best effort: a file
/// that cannot be removed is no reason to fail the save that succeeded.
fn remove_stale_temporaries(path: &Path) {
    let (Some(name), Some(folder)) = (path.file_name(), path.parent()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let Some(suffix) = entry_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        if suffix.len() != 6 || !suffix.bytes().all(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let stale = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified()
                    .ok()
                    .and_then(|t| now.duration_since(t).ok())
                    .is_some_and(|age| age > STALE_AFTER)
        });
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes to a character device or a FIFO in place: no temporary, no
/// rename, no truncation (which `/dev/null` and a terminal do not need).
fn write_stream(file: &Path, bytes: Content) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO that no program reads would wait for ever.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let mut out = match options.open(file) {
        Err(e) if no_reader(&e) => {
            return Err(Error::other(format!(
                "{} is a FIFO that no program reads from; start the reader first",
                one_line_name(file)
            )));
        }
        other => other?,
    };
    // Checked on the opened file: the name may have changed since `resolve`.
    if !is_stream(&out.metadata()?) {
        return Err(Error::other(format!(
            "{} changed while it was being written; try again",
            one_line_name(file)
        )));
    }
    #[cfg(unix)]
    blocking(&out)?;
    write_buffered(&mut out, bytes)
}

/// Clears `O_NONBLOCK` once the file is open, so that a full pipe makes a
/// write wait instead of failing.
#[cfg(unix)]
fn blocking(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is open for as long as `file` lives; F_GETFL and F_SETFL
    // only read and set its status flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(Error::last_os_error());
    }
    Ok(())
}
