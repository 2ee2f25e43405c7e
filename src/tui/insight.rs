//! The insight panel's figures, worked out off the key path. At S3 the
//! analysis takes far longer than a key may, so an edit only notes that the
//! figures are stale and hands the map to a worker thread; the result comes
//! back through `update` as [`Action::InsightReady`] on a tick, as a
//! picture drawn in the background does (see [`crate::tui::drawing`]).
//!
//! Each state of the document gets a generation number. One analysis is in
//! flight at a time, and a result for an older generation than the
//! document's is dropped: the next one starts at once. While the figures are
//! stale the panel and the detail pane say "updating…".
//!
//! The worker keeps the map only while it copies what the figures depend on
//! (ids, names, kinds, costs and the paths), so that an edit made while the
//! analysis runs does not have to copy the map itself; and when that copy is
//! the same as last time (a note or a description changed), the last
//! analysis is sent back as it is.

use crate::core::insight::table::{Lang, Words};
use crate::core::insight::{Column, Report, Row, Rows, analyse_rows, input};
use crate::core::model::{Map, Path, Persona, Stage, Touchpoint};
use crate::core::shared::Shared as Cow;
use crate::tui::document::Document;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

/// Maps at most this big (touchpoints plus path steps: the examples are
/// 30 to 90) are analysed at once when the editor opens, so the first frame
/// already has the figures, for some tens of microseconds. Bigger ones start
/// in the background: at S1 (300) the analysis would take a tenth of the
/// start-up budget.
pub const AT_ONCE_UP_TO: usize = 150;

/// Every figure of one state of the map, with the rows in each sort order.
/// Only touchpoints that a path visits have a row: the others have nothing
/// but zeros, and at S3 they are three in four (see [`Analysis::unvisited`]).
///
/// The rows carry no names: the map they were worked out from is kept (it
/// shares its lists with the editor's, see `Shared`), and a row is named
/// from it when it is read. At S3 the names were 4 MB of each analysis,
/// and while a new one is worked out the old one is still shown.
#[derive(Debug)]
pub struct Analysis {
    /// The report, or why there is none (a cycle too large to solve). Its
    /// rows' ids and names are empty: read rows through [`Analysis::nth`]
    /// and [`Analysis::row`].
    pub outcome: Result<Report, String>,
    /// The map the figures are of.
    basis: Arc<Map>,
    /// Where each stage's touchpoints start in map order.
    starts: Vec<usize>,
    /// The words of the map's language.
    pub words: Words,
    /// Whether any touchpoint of the map, listed or not, has a cost (the
    /// table then shows cost per conversion) and whether any is relied on
    /// (the table explains the mark): known here so that a frame need not
    /// look at every row.
    pub has_costs: bool,
    pub has_relied_on: bool,
    /// How many touchpoints are on no path, and so have no row.
    pub unvisited: usize,
    /// Per column of [`Column::ALL`] but the map's own order (the rows'
    /// order): row positions, largest first.
    orders: Vec<Vec<u32>>,
    /// Row positions in the order of their ids, to find a row by id without
    /// a copy of every id.
    by_id: Vec<u32>,
}

impl Analysis {
    /// Analyses the map's paths, as `journey insight FILE` does, keeping
    /// the rows of visited touchpoints.
    pub fn of(basis: Arc<Map>) -> Analysis {
        let map = &*basis;
        let words = Words::of(Lang::of_map(map));
        let outcome = input::from_map(map, None)
            .map_err(|e| e.to_string())
            .and_then(|input| {
                analyse_rows(map, &input, &[], Rows::VisitedUnnamed).map_err(|e| e.to_string())
            });
        let starts = stage_starts(map);
        let (orders, by_id) = match &outcome {
            Ok(report) => {
                let id = |k: u32| {
                    place(map, &starts, report.rows[k as usize].index)
                        .1
                        .id
                        .as_str()
                };
                let mut by_id: Vec<u32> = (0..report.rows.len() as u32).collect();
                by_id.sort_unstable_by(|&a, &b| id(a).cmp(id(b)));
                (
                    Column::ALL
                        .iter()
                        .filter(|&&c| c != Column::Map)
                        .map(|&c| report.order_by(c, |r| &place(map, &starts, r.index).1.name))
                        .collect(),
                    by_id,
                )
            }
            Err(_) => (Vec::new(), Vec::new()),
        };
        let rows = outcome.as_ref().map_or(&[][..], |r| &r.rows[..]);
        let (mut touchpoints, mut has_costs) = (0, false);
        for (_, t) in map.touchpoints() {
            touchpoints += 1;
            has_costs |= t.cost.is_some();
        }
        Analysis {
            has_costs,
            has_relied_on: rows.iter().any(|r| r.relied_on),
            unvisited: if outcome.is_ok() {
                touchpoints - rows.len()
            } else {
                0
            },
            outcome,
            basis,
            starts,
            words,
            orders,
            by_id,
        }
    }

    /// An analysis that has no figures, and says why.
    fn failed(why: &str) -> Analysis {
        Analysis {
            outcome: Err(why.to_string()),
            basis: Arc::new(Map::new("")),
            starts: Vec::new(),
            words: Words::of(Lang::En),
            has_costs: false,
            has_relied_on: false,
            unvisited: 0,
            orders: Vec::new(),
            by_id: Vec::new(),
        }
    }

    /// The report, when the analysis succeeded. Its rows have no names;
    /// [`Analysis::nth`] and [`Analysis::row`] give them with theirs.
    pub fn report(&self) -> Option<&Report> {
        self.outcome.as_ref().ok()
    }

    fn rows(&self) -> &[Row] {
        self.report().map_or(&[][..], |r| &r.rows[..])
    }

    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.rows().len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position in the rows of the touchpoint with this id.
    fn find(&self, id: &str) -> Option<u32> {
        let rows = self.rows();
        let at = self
            .by_id
            .binary_search_by(|&k| self.touchpoint(&rows[k as usize]).id.as_str().cmp(id))
            .ok()?;
        self.by_id.get(at).copied()
    }

    /// The touchpoint a row is of, in the map the figures are of.
    fn touchpoint(&self, row: &Row) -> &Touchpoint {
        place(&self.basis, &self.starts, row.index).1
    }

    /// A row with its names, from the map the figures are of.
    fn named(&self, row: &Row) -> Row {
        let (stage, t) = place(&self.basis, &self.starts, row.index);
        Row {
            id: t.id.clone(),
            name: t.name.clone(),
            stage: stage.id.clone(),
            stage_name: stage.name.clone(),
            ..row.clone()
        }
    }

    /// The row of the touchpoint with this id; `None` for one on no path.
    pub fn row(&self, id: &str) -> Option<Row> {
        Some(self.named(self.rows().get(self.find(id)? as usize)?))
    }

    /// The row positions in `column`'s order; `None` for the map's own.
    fn order(&self, column: Column) -> Option<&[u32]> {
        let at = Column::ALL
            .iter()
            .filter(|&&c| c != Column::Map)
            .position(|&c| c == column)?;
        self.orders.get(at).map(Vec::as_slice)
    }

    /// The `i`-th row in `sort` order.
    pub fn nth(&self, sort: Sort, i: usize) -> Option<Row> {
        let len = self.len();
        let i = if sort.reversed {
            len.checked_sub(i + 1)?
        } else {
            i
        };
        let k = match self.order(sort.column) {
            Some(order) => *order.get(i)? as usize,
            None => i,
        };
        Some(self.named(self.rows().get(k)?))
    }

    /// Where the touchpoint with this id is in `sort` order.
    pub fn position(&self, sort: Sort, id: &str) -> Option<usize> {
        let k = self.find(id)?;
        let at = match self.order(sort.column) {
            Some(order) => order.iter().position(|&r| r == k)?,
            None => k as usize,
        };
        Some(if sort.reversed {
            self.len() - 1 - at
        } else {
            at
        })
    }
}

/// Where each stage's touchpoints start in map order, and where the last
/// one's end.
fn stage_starts(map: &Map) -> Vec<usize> {
    let mut starts = Vec::with_capacity(map.stages.len() + 1);
    let mut at = 0;
    for s in &map.stages {
        starts.push(at);
        at += s.touchpoints.len();
    }
    starts.push(at);
    starts
}

/// The touchpoint at `index` in map order, and its stage; `starts` is
/// [`stage_starts`]. An empty stage starts where the next one does, so the
/// last stage starting at or before `index` holds it.
fn place<'a>(map: &'a Map, starts: &[usize], index: usize) -> (&'a Stage, &'a Touchpoint) {
    let s = starts.partition_point(|&x| x <= index) - 1;
    let stage = &map.stages[s];
    (stage, &stage.touchpoints[index - starts[s]])
}

/// How the panel orders its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    /// Smallest first (names: Z to A) instead of largest first.
    pub reversed: bool,
}

impl Default for Sort {
    /// By removal effect, as `journey insight` prints it.
    fn default() -> Sort {
        Sort {
            column: Column::RemovalEffect,
            reversed: false,
        }
    }
}

impl Sort {
    /// The next (or, with `-1`, the previous) column, in table order,
    /// ending with the map's own order.
    pub fn step(self, by: isize) -> Sort {
        let cycle = sort_cycle();
        let here = cycle.iter().position(|&c| c == self.column).unwrap_or(0) as isize;
        let len = cycle.len() as isize;
        let next = (here + by).rem_euclid(len) as usize;
        Sort {
            column: cycle[next],
            reversed: self.reversed,
        }
    }
}

/// The columns the sort key steps through: the table's, then map order.
fn sort_cycle() -> [Column; 10] {
    let mut cycle = [Column::Map; 10];
    for (i, c) in Column::ALL
        .iter()
        .filter(|&&c| c != Column::Map)
        .enumerate()
    {
        cycle[i] = *c;
    }
    cycle
}

/// A finished analysis for one generation of the document.
#[derive(Clone)]
pub struct Reply {
    pub generation: u64,
    pub analysis: Arc<Analysis>,
}

impl PartialEq for Reply {
    fn eq(&self, other: &Reply) -> bool {
        self.generation == other.generation && Arc::ptr_eq(&self.analysis, &other.analysis)
    }
}

impl Eq for Reply {}

impl std::fmt::Debug for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reply")
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

/// The figures the editor shows and the one analysis it waits for.
#[derive(Debug, Clone, Default)]
pub struct Insight {
    /// What identifies the document's state last seen: its history state,
    /// where the map lives, and its outline.
    key: Option<(u64, usize, usize, usize)>,
    /// The document's generation: one more for each state seen.
    generation: u64,
    /// The generation being analysed, if any.
    in_flight: Option<u64>,
    /// The last analysis accepted, for `fresh_for` (or an older one).
    shown: Option<Arc<Analysis>>,
    fresh_for: Option<u64>,
    /// The panel's order; kept while the panel is closed.
    pub sort: Sort,
    worker: Option<Arc<Worker>>,
}

impl Insight {
    /// The figures for the document as it opens: at once for a small map,
    /// in the background for a big one.
    pub fn start(&mut self, doc: &Document) {
        let map = doc.map();
        let size = map.touchpoints().count()
            + map
                .personas
                .iter()
                .flat_map(|p| &p.paths)
                .map(|p| p.steps.len())
                .sum::<usize>();
        self.key = Some(key(doc));
        self.generation += 1;
        if size <= AT_ONCE_UP_TO {
            self.shown = Some(Arc::new(Analysis::of(doc.snapshot())));
            self.fresh_for = Some(self.generation);
        } else {
            self.follow(doc);
        }
    }

    /// Notes a change of the document and, when no analysis runs, starts
    /// one. Costs no more than a look at the document's state.
    pub fn follow(&mut self, doc: &Document) {
        let now = key(doc);
        if self.key != Some(now) {
            self.key = Some(now);
            self.generation += 1;
        }
        if self.fresh_for != Some(self.generation) && self.in_flight.is_none() {
            let worker = self.worker.get_or_insert_with(|| Arc::new(Worker::start()));
            worker.submit(self.generation, doc.snapshot());
            self.in_flight = Some(self.generation);
        }
    }

    /// Takes a finished analysis: kept when it is for the document as it is
    /// now, dropped when the document has changed since. Either way the
    /// next [`Insight::follow`] starts whatever is still wanted.
    pub fn deliver(&mut self, reply: Reply) {
        if self.in_flight == Some(reply.generation) {
            self.in_flight = None;
        }
        if reply.generation == self.generation {
            self.shown = Some(reply.analysis);
            self.fresh_for = Some(reply.generation);
        }
    }

    /// A finished analysis, if one is waiting. Should the worker be gone
    /// (it panicked), the analysis in flight ends with an error rather than
    /// "updating…" for ever.
    pub fn poll(&self) -> Option<Reply> {
        match self.worker.as_ref()?.poll() {
            Ok(reply) => reply,
            Err(Gone) => Some(Reply {
                generation: self.in_flight?,
                analysis: Arc::new(Analysis::failed("the analysis stopped without a result")),
            }),
        }
    }

    /// Waits up to `at_most` for the analysis in flight; for tests and
    /// tools that want the figures before they go on.
    pub fn wait(&self, at_most: std::time::Duration) -> Option<Reply> {
        self.worker.as_ref().and_then(|w| w.wait(at_most))
    }

    /// Whether the figures shown are those of the document as it is.
    pub fn is_fresh(&self) -> bool {
        self.fresh_for == Some(self.generation)
    }

    /// The last analysis accepted, fresh or not (see [`Insight::is_fresh`]).
    pub fn analysis(&self) -> Option<&Analysis> {
        self.shown.as_deref()
    }

    /// The analysis, only when it is fresh.
    pub fn fresh(&self) -> Option<&Analysis> {
        self.analysis().filter(|_| self.is_fresh())
    }

    /// The document's generation, which [`Reply::generation`] refers to.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

fn key(doc: &Document) -> (u64, usize, usize, usize) {
    let map = doc.map();
    (
        doc.state(),
        std::ptr::from_ref(map) as usize,
        map.stages.len(),
        map.personas.len(),
    )
}

/// Whether two maps give the same figures: they agree on all the figures
/// depend on (no notes, channels, descriptions, emotions or titles). Lists
/// still shared with the other map are equal without a look.
fn same_basis(a: &Map, b: &Map) -> bool {
    let touchpoint = |x: &Touchpoint, y: &Touchpoint| {
        x.id == y.id && x.name == y.name && x.kind == y.kind && x.cost == y.cost
    };
    let stage = |x: &Stage, y: &Stage| {
        x.id == y.id
            && x.name == y.name
            && (Cow::same(&x.touchpoints, &y.touchpoints)
                || x.touchpoints.len() == y.touchpoints.len()
                    && x.touchpoints
                        .iter()
                        .zip(y.touchpoints.iter())
                        .all(|(x, y)| touchpoint(x, y)))
    };
    let path = |x: &Path, y: &Path| {
        x.outcome == y.outcome
            && x.customers == y.customers
            && x.steps.len() == y.steps.len()
            && x.steps
                .iter()
                .zip(&y.steps)
                .all(|(x, y)| x.touchpoint == y.touchpoint)
    };
    let persona = |x: &Persona, y: &Persona| {
        x.id == y.id
            && (Cow::same(&x.paths, &y.paths)
                || x.paths.len() == y.paths.len()
                    && x.paths.iter().zip(y.paths.iter()).all(|(x, y)| path(x, y)))
    };
    a.language == b.language
        && a.currency == b.currency
        && a.stages.len() == b.stages.len()
        && a.stages.iter().zip(&b.stages).all(|(x, y)| stage(x, y))
        && a.personas.len() == b.personas.len()
        && a.personas
            .iter()
            .zip(&b.personas)
            .all(|(x, y)| persona(x, y))
}

/// The worker thread ended without a reply.
struct Gone;

/// The thread that analyses, with the one job waiting for it.
struct Worker {
    shared: Arc<Shared>,
    replies: Mutex<Receiver<Reply>>,
}

#[derive(Default)]
struct Shared {
    slot: Mutex<Slot>,
    wake: Condvar,
}

#[derive(Default)]
struct Slot {
    job: Option<(u64, Arc<Map>)>,
    /// The editor is gone: the thread ends.
    closed: bool,
}

impl Worker {
    fn start() -> Worker {
        let shared = Arc::new(Shared::default());
        let (send, replies) = channel();
        let theirs = Arc::clone(&shared);
        // Detached: it ends when the editor drops its end (see `Drop`).
        std::thread::spawn(move || work(&theirs, &send));
        Worker {
            shared,
            replies: Mutex::new(replies),
        }
    }

    fn submit(&self, generation: u64, map: Arc<Map>) {
        let mut slot = self
            .shared
            .slot
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        slot.job = Some((generation, map));
        self.shared.wake.notify_one();
    }

    fn poll(&self) -> Result<Option<Reply>, Gone> {
        let replies = self.replies.lock().unwrap_or_else(PoisonError::into_inner);
        match replies.try_recv() {
            Ok(reply) => Ok(Some(reply)),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(Gone),
        }
    }

    fn wait(&self, at_most: std::time::Duration) -> Option<Reply> {
        let replies = self.replies.lock().unwrap_or_else(PoisonError::into_inner);
        replies.recv_timeout(at_most).ok()
    }
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker").finish_non_exhaustive()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let mut slot = self
            .shared
            .slot
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        slot.closed = true;
        slot.job = None;
        self.shared.wake.notify_one();
    }
}

/// The worker's loop: take the newest job, copy what counts, let go of the
/// map, analyse (or reuse the last analysis), reply.
fn work(shared: &Shared, send: &Sender<Reply>) {
    let mut last: Option<Arc<Analysis>> = None;
    loop {
        let (generation, map) = {
            let mut slot = shared.slot.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if slot.closed {
                    return;
                }
                if let Some(job) = slot.job.take() {
                    break job;
                }
                slot = shared
                    .wake
                    .wait(slot)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        // A copy that shares the touchpoint and path lists with the
        // editor's map (see `Shared`), so the editor's next edit does not
        // copy the whole map while this one holds it.
        let basis = Map::clone(&map);
        drop(map);
        let analysis = match &last {
            Some(analysis) if same_basis(&analysis.basis, &basis) => Arc::clone(analysis),
            _ => {
                // The old basis and figures go first: the editor keeps its
                // own hold on the figures it shows, and the lists that only
                // the old basis still held are freed before the new
                // analysis fills the heap.
                drop(last.take());
                let analysis = Arc::new(Analysis::of(Arc::new(basis)));
                last = Some(Arc::clone(&analysis));
                analysis
            }
        };
        if send
            .send(Reply {
                generation,
                analysis,
            })
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
#[path = "insight_tests.rs"]
mod tests;
