//! Pictures drawn in the background. Graphviz can take minutes on a large
//! map (or hang), so an svg, png or pdf export runs on a thread of its own
//! while the editor goes on: the status bar says "drawing…, Esc cancels",
//! Esc or a quit kills `dot`, and the result comes back through `update`
//! as [`Action::Exported`](crate::tui::action::Action::Exported) on a tick.

use crate::tui::export_job::{ExportJob, ExportResult};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A picture being drawn. Clones share the one drawing.
#[derive(Clone)]
pub struct Drawing(Arc<Inner>);

struct Inner {
    /// The file being drawn.
    path: PathBuf,
    /// Set to stop `dot`: it is killed within a few milliseconds.
    cancel: Arc<AtomicBool>,
    result: Mutex<Receiver<ExportResult>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Drawing {
    /// Starts drawing `job` on a thread of its own.
    pub fn start(job: ExportJob) -> Drawing {
        let path = job.path.clone();
        let cancel = Arc::new(AtomicBool::new(false));
        let (send, result) = channel();
        let flag = Arc::clone(&cancel);
        let thread = std::thread::spawn(move || {
            // The editor may have stopped listening (a quit); nothing is lost.
            let _ = send.send(job.run_cancellable(flag));
        });
        Drawing(Arc::new(Inner {
            path,
            cancel,
            result: Mutex::new(result),
            thread: Mutex::new(Some(thread)),
        }))
    }

    /// The file being drawn.
    pub fn path(&self) -> &std::path::Path {
        &self.0.path
    }

    /// The result, once the drawing is done (or failed, or was cancelled).
    pub fn poll(&self) -> Option<ExportResult> {
        let result = self.0.result.lock().unwrap_or_else(PoisonError::into_inner);
        match result.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(ExportResult {
                path: self.0.path.clone(),
                warnings: Vec::new(),
                error: Some("the drawing stopped without a result".into()),
                replaced: false,
                cancelled: false,
            }),
        }
    }

    /// Asks `dot` to stop; the result then says the drawing was cancelled.
    pub fn cancel(&self) {
        self.0.cancel.store(true, Ordering::SeqCst);
    }

    /// Cancels and waits up to `at_most` for `dot` to be gone: before the
    /// editor exits, so that no drawing outlives it.
    pub fn stop(&self, at_most: Duration) {
        self.cancel();
        let start = Instant::now();
        let mut thread = self.0.thread.lock().unwrap_or_else(PoisonError::into_inner);
        while thread.as_ref().is_some_and(|t| !t.is_finished()) {
            if start.elapsed() >= at_most {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        if let Some(t) = thread.take() {
            let _ = t.join();
        }
    }
}

impl PartialEq for Drawing {
    fn eq(&self, other: &Drawing) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Drawing {}

impl std::fmt::Debug for Drawing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Drawing")
            .field("path", &self.0.path)
            .field("cancelled", &self.0.cancel.load(Ordering::SeqCst))
            .finish_non_exhaustive()
    }
}
