//! The rule-based attribution models: first touch, last touch, linear and
//! position-based, as ChannelAttribution defines the first three.

use super::Journey;

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

impl Heuristics {
    /// Credits each journey's conversions to its touches. Repeats count:
    /// `a > a > b` gives `a` two thirds of a linear path.
    pub fn new(n: usize, journeys: &[Journey]) -> Heuristics {
        let mut h = Heuristics {
            paths: vec![0; n],
            customers: vec![0; n],
            first: vec![0.0; n],
            last: vec![0.0; n],
            linear: vec![0.0; n],
            position: vec![0.0; n],
        };
        // The journey that last counted each touchpoint as visited, so that
        // a repeat is not counted twice.
        let mut seen_in = vec![usize::MAX; n];
        for (i, j) in journeys.iter().enumerate() {
            let (Some(&first), Some(&last)) = (j.steps.first(), j.steps.last()) else {
                continue;
            };
            for &k in &j.steps {
                if seen_in[k] != i {
                    seen_in[k] = i;
                    h.paths[k] = h.paths[k].saturating_add(j.paths);
                    h.customers[k] = h.customers[k].saturating_add(j.customers());
                }
            }
            let c = j.conversions as f64;
            if c == 0.0 {
                continue;
            }
            h.first[first] += c;
            h.last[last] += c;
            let len = j.steps.len();
            let share = c / len as f64;
            for &k in &j.steps {
                h.linear[k] += share;
            }
            match len {
                1 => h.position[first] += c,
                2 => {
                    h.position[first] += c / 2.0;
                    h.position[last] += c / 2.0;
                }
                _ => {
                    h.position[first] += c * POSITION_ENDS;
                    h.position[last] += c * POSITION_ENDS;
                    let middle = c * (1.0 - 2.0 * POSITION_ENDS) / (len - 2) as f64;
                    for &k in &j.steps[1..len - 1] {
                        h.position[k] += middle;
                    }
                }
            }
        }
        h
    }
}
