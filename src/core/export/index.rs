//! A flat view of the map that every exporter shares: touchpoints numbered in
//! map order, and path steps resolved to those numbers.

use crate::core::model::{Map, Touchpoint};
use std::collections::HashMap;

/// Touchpoints numbered 0.. in map order, with their stages.
///
/// The lookup is a `HashMap` because it is only ever queried, never
/// iterated, so its order cannot leak into an export; at S3 (100,000
/// touchpoints) it builds several times faster than a `BTreeMap`.
pub(crate) struct Index<'a> {
    /// Each touchpoint with the index of its stage.
    pub touchpoints: Vec<(usize, &'a Touchpoint)>,
    /// For each stage, the number of its first touchpoint.
    pub stage_start: Vec<usize>,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    /// Numbers every touchpoint; on a duplicate id the first one wins, as in
    /// [`crate::core::model::TouchpointIndex`].
    pub fn new(map: &'a Map) -> Index<'a> {
        let total = map.stages.iter().map(|s| s.touchpoints.len()).sum();
        let mut touchpoints = Vec::with_capacity(total);
        let mut stage_start = Vec::with_capacity(map.stages.len());
        let mut by_id = HashMap::with_capacity(total);
        for (s, stage) in map.stages.iter().enumerate() {
            stage_start.push(touchpoints.len());
            for t in &stage.touchpoints {
                by_id.entry(t.id.as_str()).or_insert(touchpoints.len());
                touchpoints.push((s, t));
            }
        }
        Index {
            touchpoints,
            stage_start,
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
