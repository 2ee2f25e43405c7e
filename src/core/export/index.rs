//! A flat view of the map that every exporter shares: touchpoints numbered in
//! map order, and path steps resolved to those numbers.

use crate::core::model::{Map, Touchpoint};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Touchpoints numbered 0.. in map order, with their stages.
///
/// The lookup is a `HashMap` because it is only ever queried, never
/// iterated, so its order cannot leak into an export.
pub(crate) struct Index<'a> {
    /// Each touchpoint with the index of its stage.
    pub touchpoints: Vec<(usize, &'a Touchpoint)>,
    /// For each stage, the number of its first touchpoint.
    pub stage_start: Vec<usize>,
    /// Whether two touchpoints share an id (a map that fails `check`).
    pub duplicates: bool,
    by_id: HashMap<&'a str, usize, FxBuild>,
}

impl<'a> Index<'a> {
    /// Numbers every touchpoint; on a duplicate id the first one wins, as in
    /// [`crate::core::model::TouchpointIndex`].
    pub fn new(map: &'a Map) -> Index<'a> {
        let total = map.stages.iter().map(|s| s.touchpoints.len()).sum();
        let mut touchpoints = Vec::with_capacity(total);
        let mut stage_start = Vec::with_capacity(map.stages.len());
        let mut by_id = HashMap::with_capacity_and_hasher(total, FxBuild::default());
        let mut duplicates = false;
        for (s, stage) in map.stages.iter().enumerate() {
            stage_start.push(touchpoints.len());
            for t in &stage.touchpoints {
                match by_id.entry(t.id.as_str()) {
                    Entry::Occupied(_) => duplicates = true,
                    Entry::Vacant(slot) => {
                        slot.insert(touchpoints.len());
                    }
                }
                touchpoints.push((s, t));
            }
        }
        Index {
            touchpoints,
            stage_start,
            duplicates,
            by_id,
        }
    }

    /// The number of the touchpoint with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The stage of touchpoint number `n`.
    pub fn stage_of(&self, n: usize) -> usize {
        self.touchpoints[n].0
    }
}

/// The Fx hash (rustc's): several times faster than SipHash on short ids.
/// Its weakness, crafted collisions, could at worst slow one export of a
/// hostile local file; the output cannot change, because no exporter
/// iterates a hashed collection.
pub(crate) type FxBuild = rustc_hash::FxBuildHasher;
