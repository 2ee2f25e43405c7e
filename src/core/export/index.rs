//! A flat view of the map that every exporter shares: touchpoints numbered in
//! map order, and path steps resolved to those numbers.

use crate::core::model::{Map, Touchpoint};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

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

/// The Fx hash (as in rustc): several times faster than SipHash on short
/// ids. Its only weakness, crafted collisions, could at worst slow one
/// export of a hostile local file; the output cannot change, because no
/// exporter iterates a hashed collection.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits, which pick the bucket, the
        // weakest; similar ids (`tp-12-345`, `tp-12-346`) then crowd a
        // few buckets. Rotating the strong high bits down fixes that, as
        // rustc-hash 2 does.
        self.hash.rotate_left(26)
    }
}

/// Builds [`FxHasher`]s.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
