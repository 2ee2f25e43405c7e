//! Carrying out effects: the editor's only writes and reads of files.

use crate::core::format::{load, write_atomic};
use crate::core::stamp::FileStamp;
use crate::rescue::Rescue;
use crate::tui::action::{Action, ReloadResult, SaveOutcome, SaveResult};
use crate::tui::update::{Effect, SaveCheck};
use std::path::Path;

/// Carries out an effect: `None` means quit, otherwise the action that
/// reports how it went.
pub fn perform(effect: Effect, rescue: Option<&Rescue>) -> Option<Action> {
    match effect {
        Effect::Quit => None,
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
        Effect::Reload { path, unsaved } => {
            let kept = match (unsaved, rescue) {
                (Some(map), Some(rescue)) => match rescue.keep_aside(&map) {
                    Ok(kept) => Some(kept),
                    Err(e) => {
                        return Some(Action::Reloaded(ReloadResult {
                            path,
                            outcome: Err(format!(
                                "could not keep your unsaved changes aside ({e}), so nothing was reloaded"
                            )),
                            kept: None,
                        }));
                    }
                },
                _ => None,
            };
            let outcome = load(&path)
                .map(|loaded| {
                    let stamp = FileStamp::of_bytes(&path, loaded.text.as_bytes());
                    (loaded.map, stamp)
                })
                .map_err(|e| e.to_string());
            Some(Action::Reloaded(ReloadResult {
                path,
                outcome,
                kept,
            }))
        }
    }
}

/// Writes `text` to `path` atomically after the check, and stamps the result.
fn save(path: &Path, text: &str, check: &SaveCheck) -> SaveOutcome {
    match check {
        SaveCheck::Unchanged(Some(stamp)) if stamp.changed_on_disk(path) => {
            return SaveOutcome::ChangedOnDisk;
        }
        SaveCheck::NewFile if path.exists() => return SaveOutcome::Exists,
        _ => {}
    }
    match write_atomic(path, text.as_bytes()) {
        Ok(()) => SaveOutcome::Written(FileStamp::of_bytes(path, text.as_bytes())),
        Err(e) => SaveOutcome::Failed(e.to_string()),
    }
}
