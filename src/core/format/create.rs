//! Creating a file that must not exist yet (`journey new`, the editor's
//! picker): whole or not at all, and never over a file that appears meanwhile.

use std::fs::{File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Creates `file` holding `bytes`, whole or not at all, and never over an
/// existing file. The bytes go to a temporary file in the same folder, which
/// is then hard-linked to the name (a link fails if the name exists, even
/// one that appeared a moment ago) and removed; so a full disk leaves no
/// half-written file that would block the next try.
pub fn create_new(file: &Path, bytes: &[u8]) -> io::Result<()> {
    if std::fs::symlink_metadata(file).is_ok() {
        return Err(ErrorKind::AlreadyExists.into());
    }
    let (temp, mut out) = create_temporary(file)?;
    let written = out.write_all(bytes).and_then(|()| out.sync_all());
    drop(out);
    let linked = written.and_then(|()| std::fs::hard_link(&temp, file));
    // The temporary goes whatever happened; the name, if linked, stays.
    let _ = std::fs::remove_file(&temp);
    match linked {
        Ok(()) => {
            sync_folder(file);
            Ok(())
        }
        // A file system without hard links (FAT, some network shares).
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::PermissionDenied | ErrorKind::Unsupported
            ) =>
        {
            create_directly(file, bytes)
        }
        Err(e) => Err(e),
    }
}

/// Creates a temporary file next to `file`, named after it and this process.
fn create_temporary(file: &Path) -> io::Result<(PathBuf, File)> {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut last = None;
    // A name left by a killed run is skipped, never reused.
    for n in 0..16 {
        let temp = file.with_file_name(format!(".{name}.new-{}-{n}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(out) => return Ok((temp, out)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| ErrorKind::AlreadyExists.into()))
}

/// Creates `file` in place, where hard links are not offered; a failed
/// write removes it again, which is safe because `create_new` made it ours.
fn create_directly(file: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut out = OpenOptions::new().write(true).create_new(true).open(file)?;
    let written = out.write_all(bytes).and_then(|()| out.sync_all());
    if written.is_err() {
        let _ = std::fs::remove_file(file);
    }
    written
}

/// Makes the new name durable. Best effort: the file itself is already
/// synced, and a folder that cannot be opened (other platforms) is no error.
fn sync_folder(file: &Path) {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}
