//! The editor's side of "never lose work": start the recovery writer,
//! offer an earlier session's recovery, warn about a second editor on the
//! same file, and leave with the work kept on a hang-up. What happens on a
//! tick and after each event is `update`'s (`update/tick.rs`).

use crate::core::lock::EditLock;
use crate::core::recovery::RecoveryStore;
use crate::recovery::{Keeper, say, shown};
use crate::tui::app::App;
use crate::tui::{terminal, update};
use std::time::Duration;

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
    let keeper = Keeper::new(store.clone(), &app.doc.path, tag);
    #[cfg(unix)]
    if let Err(e) = keeper.handle_signals(terminal::restore) {
        app.error(format!("cannot watch for hang-ups: {e}"));
    }
    keeper.handle_panics();
    if let Some(pid) = other {
        app.error(format!(
            "{} is also open in another journey (process {pid}) on this host: saves may overwrite each other",
            app.doc.file_name()
        ));
    }
    app.session.keeper = Some(keeper);
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
    let Some(keeper) = &app.session.keeper else {
        return;
    };
    if cut_off {
        // The snapshot is kept after every event, an open form's text
        // included; it is empty when all is saved.
        match keeper.write_now() {
            Ok(Some(path)) => say(&format!(
                "journey: unsaved changes were kept in {}; `journey {}` offers to restore them",
                shown(&path),
                shown(&app.doc.path)
            )),
            Ok(None) => {}
            Err(e) => say(&format!("journey: could not keep unsaved changes: {e}")),
        }
    } else if !cut_off && app.session.kept_dirty {
        keeper.clear();
    }
}

/// The terminal is gone: keeps unsaved work and exits as SIGHUP would (129).
pub fn hang_up(app: &App) -> ! {
    if let Some(drawing) = &app.session.drawing {
        drawing.stop(Duration::from_millis(500));
    }
    match &app.session.keeper {
        // The snapshot is current (it is kept after every event), and it may
        // hold the text of an open form, which the document does not.
        Some(keeper) => keeper.hang_up(),
        None => std::process::exit(crate::recovery::EXIT_HUNG_UP),
    }
}
