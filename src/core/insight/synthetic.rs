//! Synthetic journeys for tests and benchmarks: a map of `n` touchpoints
//! and a CSV of customer journeys over them, shaped like CRM data (short
//! paths, repeats, a few touchpoints that make converting likelier).
//! Deterministic: the same arguments give the same bytes.

use crate::core::model::{Kind, Map, Stage, Touchpoint};
use std::fmt::Write;

/// A map with `n` touchpoints (ids `t0`, `t1`…) over up to five stages.
pub fn map(n: usize) -> Map {
    let mut map = Map::new(format!("Synthetic map of {n} touchpoints"));
    let stages = n.clamp(1, 5);
    for s in 0..stages {
        let touchpoints = (0..n)
            .filter(|k| k * stages / n.max(1) == s)
            .map(|k| Touchpoint {
                id: format!("t{k}"),
                name: format!("Touchpoint {k}"),
                kind: if k % 3 == 0 {
                    Kind::Indirect
                } else {
                    Kind::Direct
                },
                channel: String::new(),
                cost: None,
                notes: String::new(),
                allow: Vec::new(),
            })
            .collect();
        map.stages.push(Stage {
            id: format!("s{s}"),
            name: format!("Stage {s}"),
            description: String::new(),
            touchpoints,
            allow: Vec::new(),
        });
    }
    map
}

/// `journeys` rows of `path,total_conversions,total_null` over the
/// touchpoints of [`map`]`(n)`, one journey per row, from `seed`.
pub fn csv(n: usize, journeys: usize, seed: u64) -> String {
    let mut rng = seed.max(1);
    let mut next = move |bound: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % bound.max(1)
    };
    let n = n.max(1) as u64;
    let mut out = String::with_capacity(journeys * 24 + 64);
    out.push_str("path,total_conversions,total_null\n");
    for _ in 0..journeys {
        // Mostly forward, sometimes back or staying: the shape of real paths.
        let mut at = next(n.div_ceil(2));
        let mut chance = 10u64;
        let mut first = true;
        loop {
            if !first {
                out.push_str(" > ");
            }
            first = false;
            let _ = write!(out, "t{at}");
            // Every fifth touchpoint is one that makes buying likelier.
            if at % 5 == 1 {
                chance += 25;
            }
            if next(100) < 30 {
                break;
            }
            at = match next(10) {
                0 => at.saturating_sub(1 + next(3)),
                1 => at,
                _ => (at + 1 + next(4)).min(n - 1),
            };
        }
        let converted = next(100) < chance.min(90);
        out.push_str(if converted { ",1,0\n" } else { ",0,1\n" });
    }
    out
}
