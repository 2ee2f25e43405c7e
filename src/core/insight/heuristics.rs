//! The rule-based attribution models: first touch, last touch, linear and
//! position-based, as ChannelAttribution defines the first three.
//!
//! Shares are kept as integer counts per path length while the journeys
//! are read and divided only at the end, in a fixed order, so the figures
//! do not depend on the order of the journeys.

use super::Journeys;
use rustc_hash::FxHashMap;

/// Share of a position-based path's conversions for its first touch, and
/// for its last; the rest is spread over the touches between.
pub const POSITION_ENDS: f64 = 0.4;

/// The heuristic figures per touchpoint, in map order.
#[derive(Debug, Clone, PartialEq)]
pub struct Heuristics {
    pub paths: Vec<u64>,
    pub customers: Vec<u64>,
    pub first: Vec<f64>,
    pub last: Vec<f64>,
    pub linear: Vec<f64>,
    pub position: Vec<f64>,
}

fn add(slot: &mut u64, x: u64) {
    *slot = slot.saturating_add(x);
}

impl Heuristics {
    /// Credits each journey's conversions to its touches. Repeats count:
    /// `a > a > b` gives `a` two thirds of a linear path.
    pub fn new(n: usize, journeys: &Journeys) -> Heuristics {
        let mut paths = vec![0u64; n];
        let mut customers = vec![0u64; n];
        let mut first = vec![0u64; n];
        let mut last = vec![0u64; n];
        // Position-based: all of a one-step path, half of each end of a
        // two-step path, the ends of a longer one.
        let mut whole = vec![0u64; n];
        let mut halves = vec![0u64; n];
        let mut ends = vec![0u64; n];
        // (touchpoint, path length) -> conversions times touches: the
        // linear share, and the middle share of position-based.
        let mut linear: FxHashMap<(u32, u32), u64> = FxHashMap::default();
        let mut middle: FxHashMap<(u32, u32), u64> = FxHashMap::default();
        // The journey that last counted each touchpoint as visited, so that
        // a repeat is not counted twice.
        let mut seen_in = vec![usize::MAX; n];
        for (i, j) in journeys.iter().enumerate() {
            let (Some(&f), Some(&l)) = (j.steps.first(), j.steps.last()) else {
                continue;
            };
            for &k in j.steps {
                let k = k as usize;
                if seen_in[k] != i {
                    seen_in[k] = i;
                    add(&mut paths[k], j.paths);
                    add(&mut customers[k], j.customers());
                }
            }
            let c = j.conversions;
            if c == 0 {
                continue;
            }
            add(&mut first[f as usize], c);
            add(&mut last[l as usize], c);
            let len = u32::try_from(j.steps.len()).unwrap_or(u32::MAX);
            for &k in j.steps {
                add(linear.entry((k, len)).or_insert(0), c);
            }
            match j.steps.len() {
                1 => add(&mut whole[f as usize], c),
                2 => {
                    add(&mut halves[f as usize], c);
                    add(&mut halves[l as usize], c);
                }
                _ => {
                    add(&mut ends[f as usize], c);
                    add(&mut ends[l as usize], c);
                    for &k in &j.steps[1..j.steps.len() - 1] {
                        add(middle.entry((k, len)).or_insert(0), c);
                    }
                }
            }
        }
        let mut lin = vec![0.0; n];
        for ((k, len), c) in sorted(linear) {
            lin[k as usize] += c as f64 / f64::from(len);
        }
        let mut position: Vec<f64> = (0..n)
            .map(|k| whole[k] as f64 + halves[k] as f64 / 2.0 + POSITION_ENDS * ends[k] as f64)
            .collect();
        let middle_share = 1.0 - 2.0 * POSITION_ENDS;
        for ((k, len), c) in sorted(middle) {
            position[k as usize] += middle_share * c as f64 / f64::from(len - 2);
        }
        let float = |v: Vec<u64>| v.into_iter().map(|x| x as f64).collect();
        Heuristics {
            paths,
            customers,
            first: float(first),
            last: float(last),
            linear: lin,
            position,
        }
    }
}

/// A hash map's entries in key order: sums over them come out the same
/// whatever order the entries were made in.
fn sorted(map: FxHashMap<(u32, u32), u64>) -> Vec<((u32, u32), u64)> {
    let mut entries: Vec<_> = map.into_iter().collect();
    entries.sort_unstable();
    entries
}
