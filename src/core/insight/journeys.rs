//! Journeys stored flat: one buffer of steps for all of them, so that a
//! CSV of a million journeys is two allocations, not a million.

/// One journey, owned: a sequence of touchpoints (by position in map
/// order, see [`crate::core::model::Map::touchpoints`]) and how many
/// customers took it. For building [`Journeys`] by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journey {
    pub steps: Vec<usize>,
    pub conversions: u64,
    pub nulls: u64,
    /// How many paths (or CSV rows, or event-log journeys) it stands for.
    pub paths: u64,
}

/// One journey, borrowed from [`Journeys`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JourneyRef<'a> {
    pub steps: &'a [u32],
    pub conversions: u64,
    pub nulls: u64,
    pub paths: u64,
}

impl JourneyRef<'_> {
    /// Conversions plus drop-outs.
    pub fn customers(&self) -> u64 {
        self.conversions.saturating_add(self.nulls)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    end: usize,
    conversions: u64,
    nulls: u64,
    paths: u64,
}

/// Many journeys, in the order they were read. Nothing computed from them
/// depends on that order (see [`super::heuristics`] and [`super::markov`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journeys {
    steps: Vec<u32>,
    entries: Vec<Entry>,
}

impl Journeys {
    /// No journeys.
    pub fn new() -> Journeys {
        Journeys::default()
    }

    /// How many journeys there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a step to the journey being built: push its steps, then
    /// [`Journeys::finish`] or [`Journeys::discard`] it.
    pub fn step(&mut self, touchpoint: usize) {
        // Touchpoint positions come from a map of at most 32 MiB.
        self.steps
            .push(u32::try_from(touchpoint).unwrap_or(u32::MAX));
    }

    /// Ends the journey being built.
    pub fn finish(&mut self, conversions: u64, nulls: u64, paths: u64) {
        self.entries.push(Entry {
            end: self.steps.len(),
            conversions,
            nulls,
            paths,
        });
    }

    /// Drops the steps of the journey being built.
    pub fn discard(&mut self) {
        let start = self.entries.last().map_or(0, |e| e.end);
        self.steps.truncate(start);
    }

    /// The steps of the journey being built so far.
    pub fn pending(&self) -> usize {
        self.steps.len() - self.entries.last().map_or(0, |e| e.end)
    }

    /// Adds a whole journey.
    pub fn push(&mut self, steps: &[usize], conversions: u64, nulls: u64, paths: u64) {
        for &k in steps {
            self.step(k);
        }
        self.finish(conversions, nulls, paths);
    }

    /// Every journey, in order.
    pub fn iter(&self) -> impl Iterator<Item = JourneyRef<'_>> {
        let mut start = 0;
        self.entries.iter().map(move |e| {
            let steps = &self.steps[start..e.end];
            start = e.end;
            JourneyRef {
                steps,
                conversions: e.conversions,
                nulls: e.nulls,
                paths: e.paths,
            }
        })
    }
}

/// The touchpoints that some journey steps on, numbered in map order.
/// Every model gives a touchpoint no journey touches nothing at all, so
/// they run over the touched ones alone: at S3 three in four touchpoints
/// are on no path, and tables sized by the whole map were most of an
/// analysis's memory. The numbering keeps the map order, so sums over it
/// run in the same order, and the figures are the same to the last bit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    /// For each touchpoint in map order, its number among the touched
    /// ones, or `u32::MAX`.
    number: Vec<u32>,
    /// How many are touched.
    pub len: usize,
}

/// What [`Touched::number`] holds for a touchpoint no journey touches.
const UNTOUCHED: u32 = u32::MAX;

impl Touched {
    /// The touched ones among `n` touchpoints, and `journeys` with each
    /// step renumbered to them.
    pub fn of(n: usize, journeys: &Journeys) -> (Touched, Journeys) {
        // Steps are positions in map order, below `n`, as every model
        // takes them to be.
        let mut number = vec![UNTOUCHED; n];
        for &k in &journeys.steps {
            number[k as usize] = 0;
        }
        let mut len = 0u32;
        for slot in number.iter_mut().filter(|s| **s != UNTOUCHED) {
            *slot = len;
            len += 1;
        }
        let steps = journeys.steps.iter().map(|&k| number[k as usize]).collect();
        let renumbered = Journeys {
            steps,
            entries: journeys.entries.clone(),
        };
        let touched = Touched {
            number,
            len: len as usize,
        };
        (touched, renumbered)
    }

    /// The number of touchpoint `k` (in map order) among the touched ones.
    pub fn get(&self, k: usize) -> Option<usize> {
        self.number
            .get(k)
            .filter(|&&d| d != UNTOUCHED)
            .map(|&d| d as usize)
    }
}

impl FromIterator<Journey> for Journeys {
    fn from_iter<I: IntoIterator<Item = Journey>>(iter: I) -> Journeys {
        let mut out = Journeys::new();
        for j in iter {
            out.push(&j.steps, j.conversions, j.nulls, j.paths);
        }
        out
    }
}
