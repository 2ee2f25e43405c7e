//! Replacing a file through an unnamed temporary file (Linux `O_TMPFILE`):
//! the new version has no name until it is complete and synced, and is then
//! linked under a temporary name and renamed over the old one at once, so
//! that a kill at any moment leaves no temporary file for `git status` to
//! show but in the few microseconds between the link and the rename.
//!
//! `atomic-write-file` does the same with its `unnamed-tmpfile` feature,
//! but syncs the file again between the link and the rename, which makes
//! that window as long as a disk flush; it remains the fallback where
//! `O_TMPFILE` is not supported.

use std::ffi::{CString, OsStr};
use std::fs::File;
use std::io::Error;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Writes the content `bytes` makes as the new `path`, with `mode` (the old file's, or 0666
/// less the umask when `None`) and, as root, the old file's owner.
/// `Ok(false)` when the file system has no `O_TMPFILE`: nothing was done,
/// and the caller falls back to a named temporary file.
pub(super) fn replace(
    path: &Path,
    bytes: super::atomic::Content,
    keep: Option<&std::fs::Metadata>,
) -> std::io::Result<bool> {
    let (Some(name), folder) = (path.file_name(), path.parent()) else {
        return Err(Error::from_raw_os_error(libc::EISDIR));
    };
    let folder = match folder {
        Some(f) if !f.as_os_str().is_empty() => f,
        _ => Path::new("."),
    };
    let dir = open_dir(folder)?;
    // SAFETY: a NUL-terminated path and a descriptor owned by `dir`.
    let fd = unsafe {
        libc::openat(
            dir.as_raw_fd(),
            c".".as_ptr(),
            libc::O_TMPFILE | libc::O_WRONLY | libc::O_CLOEXEC,
            0o666 as libc::c_uint,
        )
    };
    if fd < 0 {
        let e = Error::last_os_error();
        // Old kernels say EISDIR, file systems without support EOPNOTSUPP.
        return match e.raw_os_error() {
            Some(libc::EOPNOTSUPP | libc::EISDIR | libc::EINVAL) => Ok(false),
            _ => Err(e),
        };
    }
    // SAFETY: `fd` was just opened and is owned here alone.
    let mut file = unsafe { File::from_raw_fd(fd) };
    if let Some(old) = keep {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // The owner first: a change of owner clears set-id bits.
        keep_owner(&file, old)?;
        file.set_permissions(std::fs::Permissions::from_mode(old.mode() & 0o7777))?;
    }
    super::atomic::write_buffered(&mut file, bytes)?;
    file.sync_all()?;
    let proc_path = CString::new(format!("/proc/self/fd/{}", file.as_raw_fd()))
        .map_err(|_| Error::from_raw_os_error(libc::EINVAL))?;
    let temporary = link_under_temporary_name(&dir, &proc_path, name)?;
    // SAFETY: NUL-terminated names relative to the open folder `dir`.
    let renamed = unsafe {
        libc::renameat(
            dir.as_raw_fd(),
            temporary.as_ptr(),
            dir.as_raw_fd(),
            c_name(name)?.as_ptr(),
        )
    };
    if renamed != 0 {
        let e = Error::last_os_error();
        // SAFETY: as above; the temporary name is ours.
        unsafe { libc::unlinkat(dir.as_raw_fd(), temporary.as_ptr(), 0) };
        return Err(e);
    }
    // The rename is durable once the folder is synced.
    File::from(dir).sync_all()?;
    Ok(true)
}

fn open_dir(folder: &Path) -> std::io::Result<OwnedFd> {
    let c_folder = c_name(folder.as_os_str())?;
    // SAFETY: a NUL-terminated path.
    let fd = unsafe {
        libc::open(
            c_folder.as_ptr(),
            libc::O_DIRECTORY | libc::O_CLOEXEC | libc::O_RDONLY,
        )
    };
    if fd < 0 {
        return Err(Error::last_os_error());
    }
    // SAFETY: `fd` was just opened and is owned here alone.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Gives the unnamed file a name of the kind `atomic-write-file` uses
/// (`.NAME.` and six letters or digits), so that the clean-up of stale
/// temporaries knows it; retries on the rare name already taken.
fn link_under_temporary_name(
    dir: &OwnedFd,
    proc_path: &CString,
    name: &OsStr,
) -> std::io::Result<CString> {
    for attempt in 0..100u32 {
        let mut temporary = Vec::with_capacity(name.len() + 8);
        temporary.push(b'.');
        temporary.extend_from_slice(name.as_bytes());
        temporary.push(b'.');
        temporary.extend_from_slice(&suffix(attempt));
        let temporary =
            CString::new(temporary).map_err(|_| Error::from_raw_os_error(libc::EINVAL))?;
        // SAFETY: NUL-terminated paths; `dir` is an open folder.
        let linked = unsafe {
            libc::linkat(
                libc::AT_FDCWD,
                proc_path.as_ptr(),
                dir.as_raw_fd(),
                temporary.as_ptr(),
                libc::AT_SYMLINK_FOLLOW,
            )
        };
        if linked == 0 {
            return Ok(temporary);
        }
        let e = Error::last_os_error();
        if e.raw_os_error() != Some(libc::EEXIST) {
            return Err(e);
        }
    }
    Err(Error::from_raw_os_error(libc::EEXIST))
}

/// Six letters or digits, different per process, moment and attempt.
fn suffix(attempt: u32) -> [u8; 6] {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut seed =
        crate::core::stamp::fnv1a(format!("{}-{nanos}-{attempt}", std::process::id()).as_bytes());
    let mut out = [0; 6];
    for c in &mut out {
        *c = ALPHABET[(seed % ALPHABET.len() as u64) as usize];
        seed /= ALPHABET.len() as u64;
    }
    out
}

/// The new file keeps the old one's owner and group, as an editor writing
/// in place would. Only root may give a file away; others keep the group
/// where they belong to it, and otherwise get their own, as for any file
/// they create.
fn keep_owner(file: &File, old: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    match std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())) {
        // SAFETY: geteuid has no preconditions.
        Err(e) if e.raw_os_error() == Some(libc::EPERM) && unsafe { libc::geteuid() } != 0 => {
            Ok(())
        }
        other => other,
    }
}

fn c_name(name: &OsStr) -> std::io::Result<CString> {
    CString::new(name.as_bytes()).map_err(|_| Error::from_raw_os_error(libc::EINVAL))
}
