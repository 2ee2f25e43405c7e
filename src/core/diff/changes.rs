//! The semantic diff: two maps compared by id, as a list of journey changes
//! ("touchpoint added to stage Decision", "path step 3 removed") that
//! `journey diff` prints for people, for pull requests and as JSON.
//!
//! Items are matched by id, never by position, so a rename is a rename and
//! not a removal and an addition. A move is found with a longest common
//! subsequence over the ids both sides share: inserting one touchpoint at
//! the top of a stage moves nothing, while swapping two moves one.

use super::fields::{Field, map_fields};
use crate::core::model::Map;
use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::{BTreeMap, BTreeSet};

/// The kind of item a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Map,
    Stage,
    Touchpoint,
    Persona,
    Path,
}

impl ItemKind {
    /// The word used in messages.
    pub fn word(self) -> &'static str {
        match self {
            ItemKind::Map => "map",
            ItemKind::Stage => "stage",
            ItemKind::Touchpoint => "touchpoint",
            ItemKind::Persona => "persona",
            ItemKind::Path => "path",
        }
    }

    /// The plural, for the summary.
    pub fn plural(self) -> &'static str {
        match self {
            ItemKind::Map => "maps",
            ItemKind::Stage => "stages",
            ItemKind::Touchpoint => "touchpoints",
            ItemKind::Persona => "personas",
            ItemKind::Path => "paths",
        }
    }
}

/// An item named as `check` names it: its id and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ref {
    pub id: String,
    pub name: String,
}

impl Ref {
    pub(super) fn of(id: &str, name: &str) -> Ref {
        Ref {
            id: id.to_string(),
            name: name.to_string(),
        }
    }
}

/// One change to one item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub item: ItemKind,
    /// Empty for the map itself.
    pub id: String,
    /// The item's name in the new map (in the old one, where it was removed).
    pub name: String,
    /// What holds the item: a touchpoint's stage, a path's persona (in the
    /// new map, or the old one where it was removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<Ref>,
    #[serde(flatten)]
    pub what: What,
}

/// What changed. Positions and step numbers count from 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum What {
    Added,
    Removed,
    Renamed {
        old: String,
        new: String,
    },
    /// To another stage or persona (`from` and `to`), or to another place
    /// among its neighbours (both `None`).
    Moved {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<Ref>,
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<Ref>,
        old_position: usize,
        new_position: usize,
    },
    /// A field other than the name; `None` where it is not set.
    Field {
        field: &'static str,
        old: Option<String>,
        new: Option<String>,
    },
    StepAdded {
        step: usize,
        touchpoint: String,
    },
    StepRemoved {
        step: usize,
        touchpoint: String,
    },
    /// The same steps in another order: the touchpoint ids, old and new.
    StepsReordered {
        old: Vec<String>,
        new: Vec<String>,
    },
    /// An emotion or a note of a step that is on both sides.
    StepChanged {
        step: usize,
        touchpoint: String,
        field: &'static str,
        old: Option<String>,
        new: Option<String>,
    },
}

/// Every change between two maps, in map order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MapDiff {
    pub changes: Vec<Change>,
}

impl MapDiff {
    /// True when the maps hold the same journey.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The one-line summary: "2 touchpoints added, 1 renamed, 1 path
    /// changed", or "no changes".
    pub fn summary(&self) -> String {
        // Per kind of item: how many items were added, removed, renamed,
        // moved and changed otherwise (each item counted once per verb).
        let mut seen: BTreeSet<(ItemKind, &str, usize)> = BTreeSet::new();
        let mut counts: BTreeMap<ItemKind, [usize; 5]> = BTreeMap::new();
        for c in &self.changes {
            let verb = match c.what {
                What::Added => 0,
                What::Removed => 1,
                What::Renamed { .. } => 2,
                What::Moved { .. } => 3,
                _ => 4,
            };
            if seen.insert((c.item, c.id.as_str(), verb)) {
                counts.entry(c.item).or_default()[verb] += 1;
            }
        }
        let mut parts = Vec::new();
        for (kind, n) in counts {
            if kind == ItemKind::Map {
                parts.push("map changed".to_string());
                continue;
            }
            let mut first = true;
            for (count, verb) in n
                .iter()
                .zip(["added", "removed", "renamed", "moved", "changed"])
            {
                if *count == 0 {
                    continue;
                }
                if first {
                    let noun = if *count == 1 {
                        kind.word()
                    } else {
                        kind.plural()
                    };
                    parts.push(format!("{count} {noun} {verb}"));
                    first = false;
                } else {
                    parts.push(format!("{count} {verb}"));
                }
            }
        }
        if parts.is_empty() {
            "no changes".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// Compares two maps by id.
pub fn diff(old: &Map, new: &Map) -> MapDiff {
    let mut out = Vec::new();
    let map_change = |what| Change {
        item: ItemKind::Map,
        id: String::new(),
        name: new.title.clone(),
        within: None,
        what,
    };
    out.extend(fields(&map_fields(old), &map_fields(new)).map(map_change));
    super::walk::diff_stages(old, new, &mut out);
    super::walk::diff_personas(old, new, &mut out);
    MapDiff { changes: out }
}

/// The field changes between two field lists of one kind of item.
pub(super) fn fields(old: &[Field], new: &[Field]) -> impl Iterator<Item = What> {
    old.iter()
        .zip(new)
        .filter(|(a, b)| a.value != b.value)
        .map(|(a, b)| What::Field {
            field: a.name,
            old: a.value.clone(),
            new: b.value.clone(),
        })
        .collect::<Vec<_>>()
        .into_iter()
}

/// The ids that keep their order: those in the longest common subsequence
/// of the ids both lists hold. The others moved.
pub fn in_order<'a>(old: &[&'a str], new: &[&'a str]) -> BTreeSet<&'a str> {
    let new_set: BTreeSet<&str> = new.iter().copied().collect();
    let old_set: BTreeSet<&str> = old.iter().copied().collect();
    let a: Vec<&str> = old
        .iter()
        .copied()
        .filter(|id| new_set.contains(id))
        .collect();
    let b: Vec<&str> = new
        .iter()
        .copied()
        .filter(|id| old_set.contains(id))
        .collect();
    let mut kept = BTreeSet::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        if let DiffOp::Equal { old_index, len, .. } = op {
            kept.extend(a[old_index..old_index + len].iter().copied());
        }
    }
    kept
}

/// First occurrence wins where an id is used twice (which `check` reports).
pub(super) fn index_by_id<'a, T>(
    items: impl Iterator<Item = (&'a str, T)>,
) -> BTreeMap<&'a str, T> {
    let mut by_id = BTreeMap::new();
    for (id, item) in items {
        by_id.entry(id).or_insert(item);
    }
    by_id
}
