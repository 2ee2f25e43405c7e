//! Carrying out effects: the editor's only writes and reads of files, and
//! its only looks at the clockless world (the file on disk, the threads
//! that draw, analyse and keep recovery copies).

use crate::core::edit::Edit;
use crate::core::format::{load, write_atomic, write_atomic_forced};
use crate::core::lock::EditLock;
use crate::core::model::Map;
use crate::core::stamp::FileStamp;
use crate::recovery::Keeper;
use crate::tui::action::{Action, Claimed, ReloadResult, SaveOutcome, SaveResult, Time};
use crate::tui::app::App;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Something for the loop to do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `text` to `path` atomically, then report back with
    /// [`Action::Saved`].
    Save {
        path: PathBuf,
        text: String,
        state: u64,
        then_quit: bool,
        check: SaveCheck,
    },
    /// Keep the unsaved map aside (if any), read the file again, and report
    /// back with [`Action::Reloaded`].
    Reload {
        path: PathBuf,
        unsaved: Option<Arc<Map>>,
    },
    /// Delete a file journey wrote (a recovery file that was restored or
    /// discarded); a failure is reported in the status bar.
    Delete { path: PathBuf },
    /// Export the map and report back with [`Action::Exported`].
    Export(crate::tui::export_job::ExportJob),
    /// Leave the editor.
    Quit,
    /// Hand the terminal back to the shell until `fg`.
    Suspend,
    /// Look at the world (the file on disk, work done in the background)
    /// or hand unsaved work to the recovery writer; what a look finds comes
    /// back as [`Action::Time`].
    Watch(Watch),
}

/// What a save makes sure of before it writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveCheck {
    /// The file still holds what this stamp saw (`None`: nothing is known,
    /// as for a file created in this session).
    Unchanged(Option<FileStamp>),
    /// No file exists at the path (save as).
    NewFile,
    /// Write whatever is there: the user chose to overwrite.
    Force,
    /// Write even over a read-only file: the user said so for this file.
    ForceReadOnly,
}

/// A look at the world, or a hand-over to the recovery writer, asked for by
/// `update` (see [`Effect::Watch`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Watch {
    /// Has the file at `path` changed since `stamp`?
    Disk { path: PathBuf, stamp: FileStamp },
    /// Is the picture drawn in the background done?
    Drawing,
    /// Have the insight panel's figures arrived?
    Insight,
    /// Has the recovery writer's health changed from `known`?
    Recovery { known: Option<String> },
    /// Hand one event's work to the recovery writer.
    Keep(Keep),
}

/// What one event did to the work, for the recovery writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keep {
    /// The map's file now (it changes with "save as").
    pub path: PathBuf,
    /// The document's generation, and its edits since the last hand-over.
    pub generation: u64,
    pub changes: Vec<Edit>,
    /// The map, shared: handed over whole when the writer does not follow
    /// this generation yet.
    pub map: Arc<Map>,
    /// What an open form would make of the map.
    pub draft: Option<Edit>,
    /// Whether the work just became unsaved, or all saved.
    pub mark: Option<Mark>,
}

/// A change in whether there is unsaved work to protect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// There is: the writer writes it once typing pauses.
    Unsaved,
    /// All is saved: the recovery file goes.
    Saved,
}

/// How carrying out an effect went.
// Returned and taken apart at once, never stored: boxing the action would
// cost an allocation per effect for nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// Leave the editor.
    Quit,
    /// The action that reports the result, for `update`.
    Report(Action),
    /// Nothing to report (a look that found nothing new).
    Quiet,
}

/// Carries out an effect. `app` is only read: what it holds that lives
/// outside the state (the recovery writer, the background threads) is
/// where the effects look.
pub fn perform(effect: Effect, app: &App) -> Done {
    let keeper = app.session.keeper.as_ref();
    let report = match effect {
        Effect::Quit => return Done::Quit,
        Effect::Watch(watch) => return look(watch, app),
        // Back from the shell, the window may have another size.
        Effect::Suspend => match crate::tui::terminal::suspend() {
            Ok(Some((w, h))) => Action::Resize(w, h),
            Ok(None) => Action::Failed("no terminal to suspend".into()),
            Err(e) => Action::Failed(format!("cannot take the terminal back: {e}")),
        },
        Effect::Delete { path } => match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Action::Failed(format!("cannot delete {}: {e}", path.display()))
            }
            _ => Action::Deleted,
        },
        // Graphviz may take minutes: pictures are drawn in the background.
        Effect::Export(job) if job.format.image().is_some() => {
            Action::Drawing(crate::tui::drawing::Drawing::start(job))
        }
        Effect::Export(job) => Action::Exported(job.run()),
        Effect::Save {
            path,
            text,
            state,
            then_quit,
            check,
        } => {
            let outcome = save(&path, &text, &check);
            Action::Saved(SaveResult {
                path,
                state,
                outcome,
                then_quit,
            })
        }
        Effect::Reload { path, unsaved } => Action::Reloaded(reload(path, unsaved, keeper)),
    };
    Done::Report(report)
}

/// Looks at the world; reports only what is new.
fn look(watch: Watch, app: &App) -> Done {
    let found = match watch {
        Watch::Disk { path, stamp } => stamp.changed_on_disk(&path).then_some(Time::DiskChanged),
        Watch::Drawing => {
            return match app.session.drawing.as_ref().and_then(|d| d.poll()) {
                Some(result) => Done::Report(Action::Exported(result)),
                None => Done::Quiet,
            };
        }
        Watch::Insight => {
            return match app.insight.poll() {
                Some(reply) => Done::Report(Action::InsightReady(reply)),
                None => Done::Quiet,
            };
        }
        Watch::Recovery { known } => {
            let failure = app.session.keeper.as_ref().and_then(Keeper::failure);
            (failure != known).then_some(Time::Recovery(failure))
        }
        Watch::Keep(keep) => app
            .session
            .keeper
            .as_ref()
            .and_then(|keeper| hand_over(keeper, keep)),
    };
    found.map_or(Done::Quiet, |time| Done::Report(Action::Time(time)))
}

/// Hands one event's work to the recovery writer (a reference count or a
/// list of edits, never a copy of the map). When the copy had to start
/// afresh, says so, so that `update` tells it the rest again.
fn hand_over(keeper: &Keeper, keep: Keep) -> Option<Time> {
    // Saved under another name: the recovery and the lock follow.
    let claimed = (keeper.map_file() != keep.path).then(|| {
        keeper.clear();
        keeper.set_map_file(&keep.path);
        EditLock::acquire(keeper.store(), &keep.path)
            .map(|(lock, other)| Claimed {
                lock: Arc::new(lock),
                other,
            })
            .map_err(|e| e.to_string())
    });
    let seeded = !keeper.follows(keep.generation);
    if seeded {
        keeper.seed(keep.generation, keep.map);
    } else {
        keeper.follow(keep.changes);
    }
    let drafted = keep.draft.is_some();
    keeper.set_draft(keep.draft);
    match keep.mark {
        Some(Mark::Unsaved) => keeper.set_unsaved(true),
        Some(Mark::Saved) if !drafted => keeper.clear(),
        _ => {}
    }
    (seeded || claimed.is_some()).then_some(Time::Rekept(claimed))
}

/// Reads the file again; unsaved work is kept aside first, once the file
/// is known to be readable, so that a failed reload writes nothing.
fn reload(path: PathBuf, unsaved: Option<Arc<Map>>, keeper: Option<&Keeper>) -> ReloadResult {
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
    let kept = match (unsaved, keeper) {
        (Some(map), Some(keeper)) => match keeper.keep_aside(&map) {
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
