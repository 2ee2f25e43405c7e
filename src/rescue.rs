//! Never losing unsaved work: the editor keeps a snapshot of its unsaved map
//! here, a background thread writes it to a recovery file (debounced by the
//! editor, never on the key path), and a dropped connection (SIGHUP), a stop
//! request (SIGTERM) or a panic writes it one last time.
//!
//! Signals are handled on their own thread with `signal-hook`, because once
//! the terminal is gone the main thread may be stuck in (or spinning on) a
//! terminal read and can no longer be trusted to do anything.

use crate::core::format::write_atomic;
use crate::core::recovery::RecoveryStore;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};

/// The shared snapshot of unsaved work for one map file.
#[derive(Clone)]
pub struct Rescue {
    shared: Arc<Shared>,
    writer: Sender<()>,
}

struct Shared {
    store: RecoveryStore,
    map_file: PathBuf,
    /// The canonical text of the unsaved map, or `None` when all is saved.
    snapshot: Mutex<Option<Arc<str>>>,
    /// Serializes writes, so the writer thread and a signal never interleave.
    write_lock: Mutex<()>,
}

impl Rescue {
    /// Starts the background writer for `map_file`'s recovery file.
    pub fn new(store: RecoveryStore, map_file: &Path) -> Rescue {
        let shared = Arc::new(Shared {
            store,
            map_file: map_file.to_path_buf(),
            snapshot: Mutex::new(None),
            write_lock: Mutex::new(()),
        });
        let (writer, wake) = channel();
        let background = Arc::clone(&shared);
        std::thread::spawn(move || write_on_wake(&background, &wake));
        Rescue { shared, writer }
    }

    /// The recovery file this map's unsaved work goes to.
    pub fn recovery_path(&self) -> PathBuf {
        self.shared.store.path_for(&self.shared.map_file)
    }

    /// Records the unsaved map's canonical text and has it written in the
    /// background. The caller debounces: this is for after a pause in typing.
    pub fn keep(&self, text: String) {
        *lock(&self.shared.snapshot) = Some(Arc::from(text));
        let _ = self.writer.send(());
    }

    /// Everything is saved (or deliberately discarded): forget the snapshot
    /// and delete the recovery file.
    pub fn clear(&self) {
        let _guard = lock(&self.shared.write_lock);
        *lock(&self.shared.snapshot) = None;
        let _ = self.shared.store.remove(&self.shared.map_file);
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
                let written = shared.write();
                restore();
                if let Ok(Some(path)) = written {
                    eprintln!("journey: unsaved changes kept in {}", path.display());
                }
                std::process::exit(128 + signal);
            }
        });
        Ok(())
    }
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
                Ok(Some(path)) => eprintln!(
                    "journey: your unsaved changes are kept in {}; `journey {}` offers to restore them",
                    path.display(),
                    shared.map_file.display()
                ),
                Ok(None) => eprintln!("journey: there were no unsaved changes"),
                Err(e) => eprintln!("journey: could not write the recovery file: {e}"),
            }
            eprintln!(
                "journey: this is a bug; please report it on the project's issue tracker with the message above, the journey version ({}) and what you did just before",
                env!("CARGO_PKG_VERSION")
            );
        }));
    }
}

impl Shared {
    fn write(&self) -> std::io::Result<Option<PathBuf>> {
        let _guard = lock(&self.write_lock);
        let Some(text) = lock(&self.snapshot).clone() else {
            return Ok(None);
        };
        std::fs::create_dir_all(self.store.dir())?;
        let path = self.store.path_for(&self.map_file);
        write_atomic(&path, text.as_bytes())?;
        Ok(Some(path))
    }
}

/// The background writer: each wake-up writes the latest snapshot. Wake-ups
/// that piled up while writing collapse into one write.
fn write_on_wake(shared: &Shared, wake: &Receiver<()>) {
    while wake.recv().is_ok() {
        while wake.try_recv().is_ok() {}
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
    use std::time::{Duration, Instant};

    #[test]
    fn keeps_writes_in_the_background_and_clears() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::in_dir(dir.path().join("recovery"));
        let map_file = dir.path().join("m.ron");
        let rescue = Rescue::new(store, &map_file);
        assert_eq!(rescue.write_now().expect("nothing to write"), None);
        rescue.keep("first".into());
        rescue.keep("second".into());
        let path = rescue.recovery_path();
        let deadline = Instant::now() + Duration::from_secs(5);
        while std::fs::read_to_string(&path).ok().as_deref() != Some("second") {
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
