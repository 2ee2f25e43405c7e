//! Never losing unsaved work: the editor hands its map here once, then each
//! edit it makes; a copy of the map kept here follows the edits (so an edit
//! never copies the map on the key path), a background thread writes it to
//! a recovery file once typing pauses, and a dropped connection (SIGHUP), a
//! stop request (SIGTERM) or a panic writes it one last time.
//!
//! Signals are handled on their own thread with `signal-hook`, because once
//! the terminal is gone the main thread may be stuck in (or spinning on) a
//! terminal read and can no longer be trusted to do anything.
//!
//! The feature is called recovery throughout, as the user sees it (a
//! recovery file): [`crate::core::recovery`] reads and writes the files,
//! and the [`Keeper`] here keeps one written while the editor runs.

use crate::core::edit::Edit;
use crate::core::model::Map;
use crate::core::recovery::RecoveryStore;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A recovery write waits for this much quiet after the last edit…
const QUIET: Duration = Duration::from_millis(400);
/// …but no longer than this after the first unwritten edit, so that a long
/// burst of typing is still kept every few seconds.
const AT_MOST: Duration = Duration::from_secs(2);

/// The shared snapshot of unsaved work for one map file.
#[derive(Clone)]
pub struct Keeper {
    shared: Arc<Shared>,
    writer: Sender<()>,
}

struct Shared {
    store: RecoveryStore,
    /// The map file whose work this is; it changes on "save as".
    map_file: Mutex<PathBuf>,
    /// Set for a second editor on the same file, so the two never write
    /// over each other's recovery file.
    tag: Option<String>,
    /// What the editor did since the copy last caught up: the editor only
    /// appends here, so it never waits for a write in progress.
    pending: Mutex<Vec<Change>>,
    /// The copy of the editor's map, brought up to date by whoever writes.
    replica: Mutex<Replica>,
    /// The document the copy follows, and whether a draft is set: read by
    /// the editor only.
    following: Mutex<(Option<u64>, bool)>,
    /// Serializes writes, so the writer thread and a signal never interleave.
    write_lock: Mutex<()>,
    /// Why the last write failed; `None` once one succeeds.
    failure: Mutex<Option<String>>,
}

impl std::fmt::Debug for Keeper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keeper")
            .field("map_file", &self.map_file())
            .finish_non_exhaustive()
    }
}

impl Keeper {
    /// Starts the background writer for `map_file`'s recovery file; with a
    /// `tag`, a recovery file of its own beside the usual one.
    pub fn new(store: RecoveryStore, map_file: &Path, tag: Option<String>) -> Keeper {
        let shared = Arc::new(Shared {
            store,
            tag,
            map_file: Mutex::new(map_file.to_path_buf()),
            pending: Mutex::new(Vec::new()),
            replica: Mutex::new(Replica::default()),
            following: Mutex::new((None, false)),
            write_lock: Mutex::new(()),
            failure: Mutex::new(None),
        });
        let (writer, wake) = channel();
        let background = Arc::clone(&shared);
        std::thread::spawn(move || write_on_wake(&background, &wake));
        Keeper { shared, writer }
    }

    /// The recovery file this map's unsaved work goes to.
    pub fn recovery_path(&self) -> PathBuf {
        self.shared.path()
    }

    /// Where recovery files live.
    pub fn store(&self) -> &RecoveryStore {
        &self.shared.store
    }

    /// The map file whose unsaved work this keeps.
    pub fn map_file(&self) -> PathBuf {
        lock(&self.shared.map_file).clone()
    }

    /// Follows the map to a new file name (after "save as").
    pub fn set_map_file(&self, map_file: &Path) {
        *lock(&self.shared.map_file) = map_file.to_path_buf();
    }

    /// Records `map` as the unsaved work, in place of whatever was kept.
    /// The background thread writes it once typing pauses; the signal and
    /// panic handlers write it at once.
    pub fn keep(&self, map: Arc<Map>) {
        *lock(&self.shared.following) = (None, false);
        self.send([Change::Seed(map), Change::Unsaved(true)]);
    }

    /// Whether the copy here follows document `generation`; when not,
    /// [`Keeper::seed`] it.
    pub fn follows(&self, generation: u64) -> bool {
        lock(&self.shared.following).0 == Some(generation)
    }

    /// Starts following document `generation`, whose map is `map`: a
    /// reference count here, the copy is made on the writer's thread.
    pub fn seed(&self, generation: u64, map: Arc<Map>) {
        lock(&self.shared.following).0 = Some(generation);
        self.send([Change::Seed(map)]);
    }

    /// The edits the document made since the last call, in order.
    pub fn follow(&self, edits: Vec<Edit>) {
        if !edits.is_empty() {
            self.send(edits.into_iter().map(Change::Edit));
        }
    }

    /// Whether what the copy holds is unsaved work, to be written.
    pub fn set_unsaved(&self, unsaved: bool) {
        self.send([Change::Unsaved(unsaved)]);
    }

    /// What an open form would make of the map (its own text, as an edit),
    /// kept with the map so that a note being typed survives a dropped
    /// connection; `None` once the form closes.
    pub fn set_draft(&self, draft: Option<Edit>) {
        let mut following = lock(&self.shared.following);
        if draft.is_none() && !following.1 {
            return;
        }
        following.1 = draft.is_some();
        drop(following);
        self.send([Change::Draft(draft)]);
    }

    fn send(&self, changes: impl IntoIterator<Item = Change>) {
        lock(&self.shared.pending).extend(changes);
        let _ = self.writer.send(());
    }

    /// Writes unsaved work beside the recovery file under a name of its own,
    /// before a reload replaces it; the next start offers it like any
    /// recovery. Returns where it went.
    pub fn keep_aside(&self, map: &Map) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(self.shared.store.dir())?;
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let tag = format!("before-reload-{seconds}-{}", std::process::id());
        let _guard = lock(&self.shared.write_lock);
        self.shared
            .store
            .write_map(&self.map_file(), Some(&tag), map)
    }

    /// Everything is saved (or deliberately discarded): forget the snapshot
    /// and delete the recovery file.
    pub fn clear(&self) {
        let _guard = lock(&self.shared.write_lock);
        lock(&self.shared.pending).push(Change::Unsaved(false));
        // Nothing unsaved is left to protect.
        *lock(&self.shared.failure) = None;
        // A file that is already gone is as good as deleted.
        let _ = self
            .shared
            .store
            .remove_tagged(&self.map_file(), self.shared.tag.as_deref());
    }

    /// Why the last recovery write failed, while no later one succeeded.
    pub fn failure(&self) -> Option<String> {
        lock(&self.shared.failure).clone()
    }

    /// Writes the snapshot now, if there is one. Returns where it went.
    pub fn write_now(&self) -> std::io::Result<Option<PathBuf>> {
        self.shared.write()
    }

    /// Handles SIGHUP, SIGTERM and SIGINT on a thread of their own: write the
    /// snapshot, call `restore` (to give the terminal back where it still
    /// exists), and exit with 128 + the signal number.
    #[cfg(unix)]
    pub fn handle_signals(&self, restore: impl Fn() + Send + 'static) -> std::io::Result<()> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])?;
        let shared = Arc::clone(&self.shared);
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                shared.keep_and_exit(128 + signal, &restore);
            }
        });
        Ok(())
    }

    /// The terminal is gone (an SSH drop, a closed window): writes the
    /// snapshot, says where it went if anyone can still hear, and exits as
    /// a hang-up signal would (129). Racing the signal thread is safe: both
    /// come here, and the first one to take the write lock exits holding it.
    pub fn hang_up(&self) -> ! {
        self.shared.keep_and_exit(EXIT_HUNG_UP, &|| {})
    }
}

/// The exit code of a process ended by SIGHUP: 128 + 1.
pub const EXIT_HUNG_UP: i32 = 129;

/// Writes one line to stderr, ignoring failure: stderr may be a terminal
/// that is gone (every write fails with EIO), or a full disk, and a message
/// is never worth a panic, least of all inside a panic hook.
pub fn say(line: &str) {
    use std::io::Write as _;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", crate::core::text::printable(line));
    let _ = err.flush();
}

impl Keeper {
    /// On a panic, after the hook installed before this one (which gives the
    /// terminal back and prints the panic), writes the snapshot and says
    /// where it is and how to report the bug.
    pub fn handle_panics(&self) {
        let shared = Arc::clone(&self.shared);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            previous(info);
            match shared.write() {
                Ok(Some(path)) => say(&format!(
                    "journey: your unsaved changes are kept in {}; `journey {}` offers to restore them",
                    shown(&path),
                    shown(&lock(&shared.map_file))
                )),
                Ok(None) => say("journey: there were no unsaved changes"),
                Err(e) => say(&format!("journey: could not write the recovery file: {e}")),
            }
            say(&format!(
                "journey: this is a bug; please report it on the project's issue tracker with the message above, the journey version ({}) and what you did just before",
                env!("CARGO_PKG_VERSION")
            ));
        }));
    }
}

/// A path for a one-line message: a newline, tab or control character in a
/// file name is shown escaped, so it can never start a line of its own.
pub fn shown(path: &Path) -> String {
    crate::core::samefile::shown_path(path)
}

impl Shared {
    /// Writes the snapshot and exits with `code`, holding the write lock to
    /// the end so that no other thread is left halfway through a recovery
    /// write (which would leave a temporary file behind).
    fn keep_and_exit(&self, code: i32, restore: &dyn Fn()) -> ! {
        let _guard = lock(&self.write_lock);
        let written = self.write_locked();
        crate::core::lock::release(&self.store, &lock(&self.map_file));
        restore();
        match written {
            Ok(Some(path)) => say(&format!(
                "journey: unsaved changes kept in {}; `journey {}` offers to restore them",
                shown(&path),
                shown(&lock(&self.map_file))
            )),
            Ok(None) => {}
            Err(e) => say(&format!("journey: could not keep unsaved changes: {e}")),
        }
        std::process::exit(code)
    }

    fn path(&self) -> PathBuf {
        let map_file = lock(&self.map_file);
        match &self.tag {
            Some(tag) => self.store.tagged_path_for(&map_file, tag),
            None => self.store.path_for(&map_file),
        }
    }

    fn write(&self) -> std::io::Result<Option<PathBuf>> {
        let _guard = lock(&self.write_lock);
        let written = self.write_locked();
        *lock(&self.failure) = match &written {
            Err(e) => Some(e.to_string()),
            Ok(_) => None,
        };
        written
    }

    /// Brings the copy up to date with what the editor did.
    fn catch_up(&self) -> std::sync::MutexGuard<'_, Replica> {
        let mut replica = lock(&self.replica);
        let changes = std::mem::take(&mut *lock(&self.pending));
        replica.apply(changes);
        if replica.map.is_none() {
            // Lost or never given: the editor hands its map over again.
            lock(&self.following).0 = None;
        }
        replica
    }

    /// [`Shared::write`], for a caller that holds the write lock.
    fn write_locked(&self) -> std::io::Result<Option<PathBuf>> {
        let map_file = lock(&self.map_file).clone();
        // Streamed from the copy, which stays locked meanwhile: only the
        // writer and the signal and panic handlers take it, never the
        // editor. The store falls back to a folder of its own when its
        // usual one is full or cannot be written.
        self.catch_up()
            .with_kept(|map| self.store.write_map(&map_file, self.tag.as_deref(), map))
            .transpose()
    }
}

/// The background writer: after an edit, waits for a pause (or at most a
/// couple of seconds), then writes the latest snapshot once.
fn write_on_wake(shared: &Shared, wake: &Receiver<()>) {
    while wake.recv().is_ok() {
        // Catch up at once: a new map is copied here and let go of, before
        // the editor's next edit would have to copy it.
        drop(shared.catch_up());
        let first = Instant::now();
        loop {
            let left = AT_MOST.saturating_sub(first.elapsed());
            match wake.recv_timeout(QUIET.min(left)) {
                Ok(()) if !left.is_zero() => continue,
                Err(RecvTimeoutError::Disconnected) => return,
                _ => break,
            }
        }
        let _ = shared.write();
    }
}

/// What the editor tells the recovery copy.
enum Change {
    /// Follow this map from now on.
    Seed(Arc<Map>),
    /// The editor applied this edit to its map.
    Edit(Edit),
    /// An open form's text, as the edit it would make.
    Draft(Option<Edit>),
    /// Whether the map holds unsaved work.
    Unsaved(bool),
}

/// The recovery copy of the editor's map.
#[derive(Default)]
struct Replica {
    map: Option<Map>,
    draft: Option<Edit>,
    unsaved: bool,
}

impl Replica {
    fn apply(&mut self, changes: Vec<Change>) {
        for change in changes {
            match change {
                // The copy is made here, on whichever thread catches up.
                Change::Seed(map) => self.map = Some(Map::clone(&map)),
                Change::Edit(edit) => {
                    if let Some(map) = &mut self.map
                        && edit.apply(map).is_err()
                    {
                        // The same edits on the same map cannot fail where
                        // the editor's did not; should they, keep nothing
                        // rather than something that is not the work.
                        self.map = None;
                    }
                }
                Change::Draft(draft) => self.draft = draft,
                Change::Unsaved(unsaved) => self.unsaved = unsaved,
            }
        }
    }

    /// Calls `write` with the map to keep, the open form's draft applied,
    /// if there is unsaved work.
    fn with_kept<R>(&mut self, write: impl FnOnce(&Map) -> R) -> Option<R> {
        if !self.unsaved {
            return None;
        }
        let map = self.map.as_mut()?;
        let Some(draft) = self.draft.clone() else {
            return Some(write(map));
        };
        match draft.apply(map) {
            Ok(applied) => {
                let written = write(map);
                if applied.inverse.apply(map).is_err() {
                    self.map = None;
                }
                Some(written)
            }
            Err(_) => Some(write(map)),
        }
    }
}

/// Locks a mutex, carrying on after a panic elsewhere: the data is plain
/// text, still good to write.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::load;
    use crate::core::templates::Template;

    #[test]
    fn keeps_writes_in_the_background_and_clears() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::in_dir(dir.path().join("recovery"));
        let map_file = dir.path().join("m.ron");
        let keeper = Keeper::new(store, &map_file, None);
        assert_eq!(keeper.write_now().expect("nothing to write"), None);
        let first = Template::Aida.instantiate(Some("first"));
        let second = Template::Aida.instantiate(Some("second"));
        keeper.keep(Arc::new(first));
        keeper.keep(Arc::new(second.clone()));
        let path = keeper.recovery_path();
        let deadline = Instant::now() + Duration::from_secs(5);
        while load(&path).ok().map(|l| l.map) != Some(second.clone()) {
            assert!(
                Instant::now() < deadline,
                "the background writer never wrote"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        keeper.clear();
        assert!(!path.exists());
        assert_eq!(keeper.write_now().expect("nothing to write"), None);
    }
}
