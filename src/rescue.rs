//! Never losing unsaved work: the editor keeps a snapshot of its unsaved map
//! here, a background thread writes it to a recovery file (debounced by the
//! editor, never on the key path), and a dropped connection (SIGHUP), a stop
//! request (SIGTERM) or a panic writes it one last time.
//!
//! Signals are handled on their own thread with `signal-hook`, because once
//! the terminal is gone the main thread may be stuck in (or spinning on) a
//! terminal read and can no longer be trusted to do anything.

use crate::core::format::to_string;
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
pub struct Rescue {
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
    /// The unsaved map, or `None` when all is saved. Shared with the
    /// editor's document, so keeping it costs a reference count.
    snapshot: Mutex<Option<Arc<Map>>>,
    /// Serializes writes, so the writer thread and a signal never interleave.
    write_lock: Mutex<()>,
    /// Why the last write failed; `None` once one succeeds.
    failure: Mutex<Option<String>>,
}

impl std::fmt::Debug for Rescue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rescue")
            .field("map_file", &self.map_file())
            .finish_non_exhaustive()
    }
}

impl Rescue {
    /// Starts the background writer for `map_file`'s recovery file; with a
    /// `tag`, a recovery file of its own beside the usual one.
    pub fn new(store: RecoveryStore, map_file: &Path, tag: Option<String>) -> Rescue {
        let shared = Arc::new(Shared {
            store,
            tag,
            map_file: Mutex::new(map_file.to_path_buf()),
            snapshot: Mutex::new(None),
            write_lock: Mutex::new(()),
            failure: Mutex::new(None),
        });
        let (writer, wake) = channel();
        let background = Arc::clone(&shared);
        std::thread::spawn(move || write_on_wake(&background, &wake));
        Rescue { shared, writer }
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

    /// Records the unsaved map after an edit. The background thread writes
    /// it once typing pauses; the signal and panic handlers write it at once.
    pub fn keep(&self, map: Arc<Map>) {
        *lock(&self.shared.snapshot) = Some(map);
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
            .write_bytes(&self.map_file(), Some(&tag), to_string(map).as_bytes())
    }

    /// Everything is saved (or deliberately discarded): forget the snapshot
    /// and delete the recovery file.
    pub fn clear(&self) {
        let _guard = lock(&self.shared.write_lock);
        *lock(&self.shared.snapshot) = None;
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

impl Rescue {
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

    /// [`Shared::write`], for a caller that holds the write lock.
    fn write_locked(&self) -> std::io::Result<Option<PathBuf>> {
        let Some(map) = lock(&self.snapshot).clone() else {
            return Ok(None);
        };
        let text = to_string(&map);
        // Let go of the map before the slow part, so that the editor's next
        // edit need not copy it.
        drop(map);
        // The store falls back to a folder of its own when its usual one is
        // full or cannot be written.
        let map_file = lock(&self.map_file).clone();
        self.store
            .write_bytes(&map_file, self.tag.as_deref(), text.as_bytes())
            .map(Some)
    }
}

/// The background writer: after an edit, waits for a pause (or at most a
/// couple of seconds), then writes the latest snapshot once.
fn write_on_wake(shared: &Shared, wake: &Receiver<()>) {
    while wake.recv().is_ok() {
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
        let rescue = Rescue::new(store, &map_file, None);
        assert_eq!(rescue.write_now().expect("nothing to write"), None);
        let first = Template::Aida.instantiate(Some("first"));
        let second = Template::Aida.instantiate(Some("second"));
        rescue.keep(Arc::new(first));
        rescue.keep(Arc::new(second.clone()));
        let path = rescue.recovery_path();
        let deadline = Instant::now() + Duration::from_secs(5);
        while load(&path).ok().map(|l| l.map) != Some(second.clone()) {
            assert!(
                Instant::now() < deadline,
                "the background writer never wrote"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        rescue.clear();
        assert!(!path.exists());
        assert_eq!(rescue.write_now().expect("nothing to write"), None);
    }
}
