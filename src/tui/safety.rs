//! The editor's side of "never lose work": hand unsaved maps to the
//! recovery writer, offer an earlier session's recovery, warn about a second
//! editor on the same file, and notice the file changing on disk.

use crate::core::lock::EditLock;
use crate::core::recovery::RecoveryStore;
use crate::recovery::{Keeper as Rescue, say, shown};
use crate::tui::app::{App, Overlay};
use crate::tui::{terminal, update};
use std::time::{Duration, Instant};

/// How often the file on disk is looked at while the editor is idle.
const DISK_CHECK_EVERY: Duration = Duration::from_secs(1);

/// Sets up recovery for the app's file: the background writer, the signal
/// and panic handlers, the restore question for an earlier session's work,
/// and the lock that tells a second editor on this file to beware.
pub fn attach(app: &mut App) {
    let Some(store) = RecoveryStore::from_env() else {
        app.error("no folder for recovery files (no home directory?): unsaved work is not kept if the connection drops");
        return;
    };
    // A second editor on the same file gets a recovery file of its own, so
    // the two never write over each other's unsaved work.
    let other = claim(app, &store);
    let tag = other.map(|_| format!("pid-{}", std::process::id()));
    let rescue = Rescue::new(store.clone(), &app.doc.path, tag);
    #[cfg(unix)]
    if let Err(e) = rescue.handle_signals(terminal::restore) {
        app.error(format!("cannot watch for hang-ups: {e}"));
    }
    rescue.handle_panics();
    if let Some(pid) = other {
        app.error(format!(
            "{} is also open in another journey (process {pid}) on this host: saves may overwrite each other",
            app.doc.file_name()
        ));
    }
    app.session.rescue = Some(rescue);
    // With another editor open, a recovery file may be that editor's live
    // work: it is offered once both are closed.
    if app.overlay().is_none() && other.is_none() {
        offer_recovery(app, &store);
    }
}

/// Offers the newest recovery file for the app's map, if it holds anything
/// the map does not. One that holds just what the file holds (work kept
/// before a reload, then undone and saved) is deleted without a word.
pub fn offer_recovery(app: &mut App, store: &RecoveryStore) {
    // Bounded: each round deletes one file, and there are few.
    for _ in 0..16 {
        match store.find(&app.doc.path) {
            Ok(Some(recovery)) if recovery.map == *app.doc.map() => {
                if std::fs::remove_file(&recovery.path).is_err() {
                    return;
                }
            }
            Ok(Some(recovery)) => return update::restore_dialog(app, recovery),
            Ok(None) => return,
            Err(e) => {
                return app.error(format!("a recovery file exists but cannot be read: {e}"));
            }
        }
    }
}

/// Takes the lock on the app's file (dropped with the app, which deletes
/// it); returns the process id of another journey that has the file open.
fn claim(app: &mut App, store: &RecoveryStore) -> Option<u32> {
    match EditLock::acquire(store, &app.doc.path) {
        Ok((lock, other)) => {
            app.session.lock = Some(std::sync::Arc::new(lock));
            other
        }
        Err(e) => {
            app.error(format!("cannot write the lock file: {e}"));
            None
        }
    }
}

/// After the loop: a cut-off session keeps its unsaved work; a clean quit
/// deletes what this session kept (the work was saved or discarded).
pub fn detach(app: &App, cut_off: bool) {
    let Some(rescue) = &app.session.rescue else {
        return;
    };
    if cut_off {
        // The snapshot is kept after every event, an open form's text
        // included; it is empty when all is saved.
        match rescue.write_now() {
            Ok(Some(path)) => say(&format!(
                "journey: unsaved changes were kept in {}; `journey {}` offers to restore them",
                shown(&path),
                shown(&app.doc.path)
            )),
            Ok(None) => {}
            Err(e) => say(&format!("journey: could not keep unsaved changes: {e}")),
        }
    } else if !cut_off && app.session.kept_dirty {
        rescue.clear();
    }
}

/// The terminal is gone: keeps unsaved work and exits as SIGHUP would (129).
pub fn hang_up(app: &App) -> ! {
    if let Some(drawing) = &app.session.drawing {
        drawing.stop(Duration::from_millis(500));
    }
    match &app.session.rescue {
        // The snapshot is current (it is kept after every event), and it may
        // hold the text of an open form, which the document does not.
        Some(rescue) => rescue.hang_up(),
        None => std::process::exit(crate::recovery::EXIT_HUNG_UP),
    }
}

/// After each event: hands a changed, unsaved map to the recovery writer
/// (a reference count, not a copy), or clears the recovery once all is saved.
pub fn keep_unsaved(app: &mut App) {
    let Some(rescue) = &app.session.rescue else {
        return;
    };
    if rescue.map_file() != app.doc.path {
        // Saved under another name: the recovery and the lock follow.
        let rescue = rescue.clone();
        rescue.clear();
        rescue.set_map_file(&app.doc.path);
        app.session.kept_state = None;
        app.session.lock = None;
        if let Some(pid) = claim(app, rescue.store()) {
            app.error(format!(
                "{} is also open in another journey (process {pid}) on this host",
                app.doc.file_name()
            ));
        }
    }
    let Some(rescue) = &app.session.rescue else {
        return;
    };
    let rescue = rescue.clone();
    // Every edit reaches the recovery copy, saved or not, so that it stays
    // the editor's map; a new document is handed over whole, once.
    if rescue.follows(app.doc.generation()) {
        rescue.follow(app.doc.take_changes());
    } else {
        app.doc.keep_changes();
        rescue.seed(app.doc.generation(), app.doc.snapshot());
        app.session.kept_state = None;
    }
    if keep_draft(app, &rescue) {
        return;
    }
    rescue.set_draft(None);
    let state = (app.doc.state(), app.doc.is_dirty());
    if app.session.kept_state == Some(state) {
        return;
    }
    app.session.kept_state = Some(state);
    if state.1 {
        rescue.set_unsaved(true);
        app.session.kept_dirty = true;
    } else if app.session.kept_dirty {
        rescue.clear();
        app.session.kept_dirty = false;
    }
}

/// Keeps what an open form would make of the map, as the edit it would
/// make (the form's own text, not a copy of the map), so that a note being
/// typed survives a dropped connection. True when it kept one.
fn keep_draft(app: &mut App, rescue: &Rescue) -> bool {
    let Some(Overlay::Form(form)) = app.overlay() else {
        return false;
    };
    let Some(edit) = update::draft_edit(app.doc.map(), form) else {
        return false;
    };
    rescue.set_draft(Some(edit));
    rescue.set_unsaved(true);
    app.session.kept_dirty = true;
    // Once the form closes, the map itself is kept again.
    app.session.kept_state = None;
    true
}

/// On a tick: the picture drawn in the background is done. Its result goes
/// through `update` like any other; true when it came.
pub fn check_drawing(app: &mut App) -> bool {
    let Some(result) = app.session.drawing.as_ref().and_then(|d| d.poll()) else {
        return false;
    };
    app.session.drawing = None;
    let effects = update::update(app, crate::tui::action::Action::Exported(result));
    debug_assert!(
        effects.is_empty(),
        "an export's result asks for nothing more"
    );
    true
}

/// Whether the recovery writer has failed since the last look; true when
/// the status bar's warning appeared or went.
pub fn check_recovery(app: &mut App) -> bool {
    let failure = app.session.rescue.as_ref().and_then(Rescue::failure);
    if failure == app.session.unprotected {
        return false;
    }
    app.session.unprotected = failure;
    true
}

/// While idle, at most once a second: has the file changed on disk? Git
/// replaces files by rename, so the path is looked up afresh each time.
pub fn check_disk(app: &mut App) -> bool {
    let now = Instant::now();
    if app.session.disk_changed
        || app
            .session
            .last_disk_check
            .is_some_and(|t| now.duration_since(t) < DISK_CHECK_EVERY)
    {
        return false;
    }
    app.session.last_disk_check = Some(now);
    let Some(stamp) = &app.doc.stamp else {
        return false;
    };
    if stamp.changed_on_disk(&app.doc.path) {
        app.session.disk_changed = true;
        return true;
    }
    false
}
