//! Carrying out effects: the editor's only writes and reads of files.

use crate::core::format::{load, write_atomic, write_atomic_forced};
use crate::core::model::Map;
use crate::core::stamp::FileStamp;
use crate::recovery::Keeper as Rescue;
use crate::tui::action::{Action, ReloadResult, SaveOutcome, SaveResult};
use crate::tui::update::{Effect, SaveCheck};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Carries out an effect: `None` means quit, otherwise the action that
/// reports how it went.
pub fn perform(effect: Effect, rescue: Option<&Rescue>) -> Option<Action> {
    match effect {
        Effect::Quit => None,
        // Back from the shell, the window may have another size.
        Effect::Suspend => match crate::tui::terminal::suspend() {
            Ok(Some((w, h))) => Some(Action::Resize(w, h)),
            Ok(None) => Some(Action::Failed("no terminal to suspend".into())),
            Err(e) => Some(Action::Failed(format!(
                "cannot take the terminal back: {e}"
            ))),
        },
        Effect::Delete { path } => match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Some(Action::Failed(format!(
                "cannot delete {}: {e}",
                path.display()
            ))),
            _ => Some(Action::Deleted),
        },
        // Graphviz may take minutes: pictures are drawn in the background.
        Effect::Export(job) if job.format.image().is_some() => {
            Some(Action::Drawing(crate::tui::drawing::Drawing::start(job)))
        }
        Effect::Export(job) => Some(Action::Exported(job.run())),
        Effect::Save {
            path,
            text,
            state,
            then_quit,
            check,
        } => {
            let outcome = save(&path, &text, &check);
            Some(Action::Saved(SaveResult {
                path,
                state,
                outcome,
                then_quit,
            }))
        }
        Effect::Reload { path, unsaved } => Some(Action::Reloaded(reload(path, unsaved, rescue))),
    }
}

/// Reads the file again; unsaved work is kept aside first, once the file
/// is known to be readable, so that a failed reload writes nothing.
fn reload(path: PathBuf, unsaved: Option<Arc<Map>>, rescue: Option<&Rescue>) -> ReloadResult {
    let loaded = match load(&path) {
        Ok(loaded) => loaded,
        Err(e) => {
            return ReloadResult {
                path,
                outcome: Err(e.to_string()),
                kept: None,
            };
        }
    };
    let kept = match (unsaved, rescue) {
        (Some(map), Some(rescue)) => match rescue.keep_aside(&map) {
            Ok(kept) => Some(kept),
            Err(e) => {
                return ReloadResult {
                    path,
                    outcome: Err(format!(
                        "could not keep your unsaved changes aside ({e}), so nothing was reloaded"
                    )),
                    kept: None,
                };
            }
        },
        _ => None,
    };
    let stamp = FileStamp::of_bytes(&path, loaded.text.as_bytes());
    ReloadResult {
        path,
        outcome: Ok((loaded.map, stamp)),
        kept,
    }
}

/// Writes `text` to `path` atomically after the check, and stamps the result.
fn save(path: &Path, text: &str, check: &SaveCheck) -> SaveOutcome {
    match check {
        SaveCheck::Unchanged(Some(stamp)) if stamp.changed_on_disk(path) => {
            return SaveOutcome::ChangedOnDisk;
        }
        // A map that had no file when it was opened: a file there now was
        // made by someone else (another editor, a `git pull`).
        SaveCheck::Unchanged(None) if std::fs::symlink_metadata(path).is_ok() => {
            return SaveOutcome::ChangedOnDisk;
        }
        SaveCheck::NewFile if path.exists() => return SaveOutcome::Exists,
        _ => {}
    }
    let written = if *check == SaveCheck::ForceReadOnly {
        write_atomic_forced(path, text.as_bytes())
    } else {
        write_atomic(path, text.as_bytes())
    };
    match written {
        Ok(()) => SaveOutcome::Written(FileStamp::of_bytes(path, text.as_bytes())),
        Err(e)
            if e.kind() == std::io::ErrorKind::PermissionDenied
                && std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) =>
        {
            SaveOutcome::ReadOnly
        }
        Err(e) => SaveOutcome::Failed(e.to_string()),
    }
}
