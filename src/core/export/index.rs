//! A flat view of the map that every exporter shares: touchpoints numbered in
//! map order, and path steps resolved to those numbers.

use crate::core::model::{Map, Touchpoint};
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use std::hash::BuildHasher;

/// Touchpoints numbered 0.. in map order, with their stages.
///
/// The lookup is only ever queried, never iterated, so its order cannot
/// leak into an export.
pub(crate) struct Index<'a> {
    /// Each touchpoint with the index of its stage.
    pub touchpoints: Vec<(usize, &'a Touchpoint)>,
    /// For each stage, the number of its first touchpoint.
    pub stage_start: Vec<usize>,
    /// Whether two touchpoints share an id (a map that fails `check`).
    duplicates: bool,
    /// Whether every id is non-empty and of ASCII letters, digits and `_`
    /// only; `dashed_ids` allows `-` too. Found while the ids are read for
    /// the lookup, so that exporters need no second pass over them.
    word_ids: bool,
    dashed_ids: bool,
    /// Every id, one after another, touchpoint `n`'s from `starts[n]` to
    /// `starts[n + 1]`. A lookup compares against this copy rather than
    /// the map's strings, which lie scattered over the heap; with the
    /// table holding only numbers, the lookup of an S3 map fits in a
    /// core's cache.
    ids: String,
    starts: Vec<u32>,
    by_id: HashTable<u32>,
}

fn hash(id: &str) -> u64 {
    FxBuild::default().hash_one(id)
}

impl<'a> Index<'a> {
    /// Numbers every touchpoint; on a duplicate id the first one wins, as in
    /// [`crate::core::model::TouchpointIndex`].
    pub fn new(map: &'a Map) -> Index<'a> {
        let mut total = 0;
        let mut id_bytes = 0;
        for t in map.stages.iter().flat_map(|s| &s.touchpoints) {
            total += 1;
            id_bytes += t.id.len();
        }
        // The file size limit keeps a map far below 4 GiB of ids.
        assert!(u32::try_from(id_bytes).is_ok());
        let mut touchpoints = Vec::with_capacity(total);
        let mut stage_start = Vec::with_capacity(map.stages.len());
        let mut ids = String::with_capacity(id_bytes);
        let mut starts = Vec::with_capacity(total + 1);
        starts.push(0);
        let mut by_id = HashTable::with_capacity(total);
        let mut duplicates = false;
        let (mut word_ids, mut dashed_ids) = (true, true);
        for (s, stage) in map.stages.iter().enumerate() {
            stage_start.push(touchpoints.len());
            for t in &stage.touchpoints {
                let id = t.id.as_str();
                if dashed_ids {
                    let (word, dashed) = id_kind(id);
                    word_ids &= word;
                    dashed_ids &= dashed;
                }
                let n = touchpoints.len() as u32;
                ids.push_str(id);
                starts.push(ids.len() as u32);
                let id_of =
                    |n: u32| &ids[starts[n as usize] as usize..starts[n as usize + 1] as usize];
                match by_id.entry(
                    hash(id),
                    |&other| id_of(other) == id,
                    |&other| hash(id_of(other)),
                ) {
                    Entry::Occupied(_) => duplicates = true,
                    Entry::Vacant(vacant) => {
                        vacant.insert(n);
                    }
                }
                touchpoints.push((s, t));
            }
        }
        Index {
            touchpoints,
            stage_start,
            duplicates,
            word_ids,
            dashed_ids,
            ids,
            starts,
            by_id,
        }
    }

    /// The id of touchpoint number `n`, from the packed copy.
    fn id_of(&self, n: u32) -> &str {
        let n = n as usize;
        &self.ids[self.starts[n] as usize..self.starts[n + 1] as usize]
    }

    /// The number of the touchpoint with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id
            .find(hash(id), |&n| self.id_of(n) == id)
            .map(|&n| n as usize)
    }

    /// The number and the stage of the touchpoint with this id.
    pub fn find(&self, id: &str) -> Option<(usize, usize)> {
        let n = self.get(id)?;
        // The last stage that starts at or before `n`: empty stages before
        // it start at the same number, and come first.
        let stage = self.stage_start.partition_point(|&start| start <= n) - 1;
        Some((n, stage))
    }

    /// Whether every id is unique, non-empty and made of ASCII letters,
    /// digits, `_` and, if `dash`, `-`: then each can be used as it is.
    pub fn plain_ids(&self, dash: bool) -> bool {
        !self.duplicates && if dash { self.dashed_ids } else { self.word_ids }
    }
}

/// Whether `id` is non-empty and of ASCII letters, digits and `_` only,
/// and whether it is so once `-` is allowed too.
fn id_kind(id: &str) -> (bool, bool) {
    let dashed = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    (dashed && !id.contains('-'), dashed)
}

/// The Fx hash (rustc's): several times faster than SipHash on short ids.
/// Its weakness, crafted collisions, could at worst slow one export of a
/// hostile local file; the output cannot change, because no exporter
/// iterates a hashed collection.
pub(crate) type FxBuild = rustc_hash::FxBuildHasher;

#[cfg(test)]
mod tests {
    use super::*;

    fn map(stages: &[&[&str]]) -> Map {
        let mut map = Map::new("m");
        for (s, ids) in stages.iter().enumerate() {
            map.stages.push(crate::core::model::Stage {
                allow: Vec::new(),
                id: format!("s{s}"),
                name: format!("S{s}"),
                description: String::new(),
                touchpoints: ids
                    .iter()
                    .map(|id| Touchpoint {
                        allow: Vec::new(),
                        cost: None,
                        id: id.to_string(),
                        name: id.to_string(),
                        kind: crate::core::model::Kind::Direct,
                        channel: String::new(),
                        notes: String::new(),
                    })
                    .collect(),
            });
        }
        map
    }

    #[test]
    fn finds_numbers_and_stages_around_empty_stages() {
        let map = map(&[&[], &["a", "b"], &[], &[], &["c"], &[]]);
        let index = Index::new(&map);
        assert_eq!(index.find("a"), Some((0, 1)));
        assert_eq!(index.find("b"), Some((1, 1)));
        assert_eq!(index.find("c"), Some((2, 4)));
        assert_eq!(index.find("d"), None);
        assert_eq!(index.find(""), None);
        assert_eq!(index.find("ab"), None);
        assert!(index.plain_ids(true) && index.plain_ids(false));
    }

    #[test]
    fn the_first_of_two_equal_ids_wins() {
        let map = map(&[&["x", "web-site"], &["x"]]);
        let index = Index::new(&map);
        assert_eq!(index.find("x"), Some((0, 0)));
        assert_eq!(index.find("web-site"), Some((1, 0)));
        assert!(!index.plain_ids(true));
        let unique = self::map(&[&["web-site"]]);
        let index = Index::new(&unique);
        assert!(index.plain_ids(true) && !index.plain_ids(false));
    }

    #[test]
    fn id_kinds() {
        assert_eq!(id_kind("web_site2"), (true, true));
        assert_eq!(id_kind("web-site"), (false, true));
        assert_eq!(id_kind("web site"), (false, false));
        assert_eq!(id_kind("größe"), (false, false));
        assert_eq!(id_kind(""), (false, false));
    }
}
