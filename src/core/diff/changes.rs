//! The semantic diff: two maps compared by id, as a list of journey changes
//! ("touchpoint added to stage Decision", "path step 3 removed") that
//! `journey diff` prints for people, for pull requests and as JSON.
//!
//! Items are matched by id, never by position, so a rename is a rename and
//! not a removal and an addition. A move is found with a longest common
//! subsequence over the ids both sides share: inserting one touchpoint at
//! the top of a stage moves nothing, while swapping two moves one.

use super::fields::{
    Field, map_fields, path_fields, persona_fields, stage_fields, touchpoint_fields,
};
use crate::core::model::{Map, Path, Persona, Stage, Step, Touchpoint};
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
    fn of(id: &str, name: &str) -> Ref {
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
    diff_stages(old, new, &mut out);
    diff_personas(old, new, &mut out);
    MapDiff { changes: out }
}

/// The field changes between two field lists of one kind of item.
fn fields(old: &[Field], new: &[Field]) -> impl Iterator<Item = What> {
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
fn index_by_id<'a, T>(items: impl Iterator<Item = (&'a str, T)>) -> BTreeMap<&'a str, T> {
    let mut by_id = BTreeMap::new();
    for (id, item) in items {
        by_id.entry(id).or_insert(item);
    }
    by_id
}

/// Where a touchpoint or path sits: its holder and its index in it.
struct Placed<'a, T> {
    holder: Ref,
    index: usize,
    item: &'a T,
}

fn placed_touchpoints(m: &Map) -> BTreeMap<&str, Placed<'_, Touchpoint>> {
    index_by_id(m.stages.iter().flat_map(|s| {
        s.touchpoints.iter().enumerate().map(move |(index, item)| {
            let holder = Ref::of(&s.id, &s.name);
            (
                item.id.as_str(),
                Placed {
                    holder,
                    index,
                    item,
                },
            )
        })
    }))
}

fn placed_paths(m: &Map) -> BTreeMap<&str, Placed<'_, Path>> {
    index_by_id(m.personas.iter().flat_map(|p| {
        p.paths.iter().enumerate().map(move |(index, item)| {
            let holder = Ref::of(&p.id, &p.name);
            (
                item.id.as_str(),
                Placed {
                    holder,
                    index,
                    item,
                },
            )
        })
    }))
}

fn diff_stages(old: &Map, new: &Map, out: &mut Vec<Change>) {
    let old_stages = index_by_id(
        old.stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), (i, s))),
    );
    let new_stages = index_by_id(
        new.stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), (i, s))),
    );
    let old_tps = placed_touchpoints(old);
    let new_tps = placed_touchpoints(new);
    let stage_order = in_order(
        &old.stages.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        &new.stages.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
    );

    // Stages that are gone, with the touchpoints that went with them.
    for (si, s) in old.stages.iter().enumerate() {
        if new_stages.contains_key(s.id.as_str()) || old_stages[s.id.as_str()].0 != si {
            continue;
        }
        out.push(change(ItemKind::Stage, &s.id, &s.name, None, What::Removed));
        removed_touchpoints(s, &new_tps, out);
    }
    for (si, s) in new.stages.iter().enumerate() {
        if new_stages[s.id.as_str()].0 != si {
            continue;
        }
        let Some(&(old_si, old_s)) = old_stages.get(s.id.as_str()) else {
            out.push(change(ItemKind::Stage, &s.id, &s.name, None, What::Added));
            touchpoints_of_stage(s, &old_tps, &new_tps, out);
            continue;
        };
        stage_changes(old_s, s, out);
        if !stage_order.contains(s.id.as_str()) {
            let what = What::Moved {
                from: None,
                to: None,
                old_position: old_si + 1,
                new_position: si + 1,
            };
            out.push(change(ItemKind::Stage, &s.id, &s.name, None, what));
        }
        removed_touchpoints(old_s, &new_tps, out);
        touchpoints_of_stage(s, &old_tps, &new_tps, out);
    }
}

fn change(item: ItemKind, id: &str, name: &str, within: Option<Ref>, what: What) -> Change {
    Change {
        item,
        id: id.to_string(),
        name: name.to_string(),
        within,
        what,
    }
}

fn stage_changes(old: &Stage, new: &Stage, out: &mut Vec<Change>) {
    if old.name != new.name {
        let what = What::Renamed {
            old: old.name.clone(),
            new: new.name.clone(),
        };
        out.push(change(ItemKind::Stage, &new.id, &new.name, None, what));
    }
    for what in fields(&stage_fields(old), &stage_fields(new)) {
        out.push(change(ItemKind::Stage, &new.id, &new.name, None, what));
    }
}

/// The touchpoints of an old stage that are in no stage of the new map.
fn removed_touchpoints(
    old: &Stage,
    new_tps: &BTreeMap<&str, Placed<'_, Touchpoint>>,
    out: &mut Vec<Change>,
) {
    for t in &old.touchpoints {
        if !new_tps.contains_key(t.id.as_str()) {
            let within = Some(Ref::of(&old.id, &old.name));
            out.push(change(
                ItemKind::Touchpoint,
                &t.id,
                &t.name,
                within,
                What::Removed,
            ));
        }
    }
}

/// The changes of the touchpoints a new stage holds: added, moved in or
/// within, renamed, edited.
fn touchpoints_of_stage(
    stage: &Stage,
    old_tps: &BTreeMap<&str, Placed<'_, Touchpoint>>,
    new_tps: &BTreeMap<&str, Placed<'_, Touchpoint>>,
    out: &mut Vec<Change>,
) {
    let ids = |placed: &BTreeMap<&str, Placed<'_, Touchpoint>>, at: &str| -> Vec<String> {
        let mut v: Vec<(usize, String)> = placed
            .iter()
            .filter(|(_, p)| p.holder.id == at)
            .map(|(id, p)| (p.index, id.to_string()))
            .collect();
        v.sort();
        v.into_iter().map(|(_, id)| id).collect()
    };
    let old_here = ids(old_tps, &stage.id);
    let new_here = ids(new_tps, &stage.id);
    let kept = in_order(
        &old_here.iter().map(String::as_str).collect::<Vec<_>>(),
        &new_here.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for t in &stage.touchpoints {
        let Some(now) = new_tps.get(t.id.as_str()) else {
            continue;
        };
        if now.holder.id != stage.id || !std::ptr::eq(now.item, t) {
            continue;
        }
        let within = Some(now.holder.clone());
        let push = |out: &mut Vec<Change>, what| {
            out.push(change(
                ItemKind::Touchpoint,
                &t.id,
                &t.name,
                within.clone(),
                what,
            ));
        };
        let Some(was) = old_tps.get(t.id.as_str()) else {
            push(out, What::Added);
            continue;
        };
        if was.holder.id != now.holder.id {
            push(
                out,
                What::Moved {
                    from: Some(was.holder.clone()),
                    to: Some(now.holder.clone()),
                    old_position: was.index + 1,
                    new_position: now.index + 1,
                },
            );
        } else if !kept.contains(t.id.as_str()) {
            push(
                out,
                What::Moved {
                    from: None,
                    to: None,
                    old_position: was.index + 1,
                    new_position: now.index + 1,
                },
            );
        }
        if was.item.name != t.name {
            push(
                out,
                What::Renamed {
                    old: was.item.name.clone(),
                    new: t.name.clone(),
                },
            );
        }
        for what in fields(&touchpoint_fields(was.item), &touchpoint_fields(t)) {
            push(out, what);
        }
    }
}

fn diff_personas(old: &Map, new: &Map, out: &mut Vec<Change>) {
    let old_ps = index_by_id(
        old.personas
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), (i, p))),
    );
    let new_ps = index_by_id(
        new.personas
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), (i, p))),
    );
    let old_paths = placed_paths(old);
    let new_paths = placed_paths(new);
    let order = in_order(
        &old.personas
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        &new.personas
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
    );
    for (pi, p) in old.personas.iter().enumerate() {
        if new_ps.contains_key(p.id.as_str()) || old_ps[p.id.as_str()].0 != pi {
            continue;
        }
        out.push(change(
            ItemKind::Persona,
            &p.id,
            &p.name,
            None,
            What::Removed,
        ));
        removed_paths(p, &new_paths, out);
    }
    for (pi, p) in new.personas.iter().enumerate() {
        if new_ps[p.id.as_str()].0 != pi {
            continue;
        }
        let Some(&(old_pi, old_p)) = old_ps.get(p.id.as_str()) else {
            out.push(change(ItemKind::Persona, &p.id, &p.name, None, What::Added));
            paths_of_persona(p, &old_paths, &new_paths, out);
            continue;
        };
        if old_p.name != p.name {
            let what = What::Renamed {
                old: old_p.name.clone(),
                new: p.name.clone(),
            };
            out.push(change(ItemKind::Persona, &p.id, &p.name, None, what));
        }
        for what in fields(&persona_fields(old_p), &persona_fields(p)) {
            out.push(change(ItemKind::Persona, &p.id, &p.name, None, what));
        }
        if !order.contains(p.id.as_str()) {
            let what = What::Moved {
                from: None,
                to: None,
                old_position: old_pi + 1,
                new_position: pi + 1,
            };
            out.push(change(ItemKind::Persona, &p.id, &p.name, None, what));
        }
        removed_paths(old_p, &new_paths, out);
        paths_of_persona(p, &old_paths, &new_paths, out);
    }
}

fn removed_paths(
    old: &Persona,
    new_paths: &BTreeMap<&str, Placed<'_, Path>>,
    out: &mut Vec<Change>,
) {
    for path in &old.paths {
        if !new_paths.contains_key(path.id.as_str()) {
            let within = Some(Ref::of(&old.id, &old.name));
            out.push(change(
                ItemKind::Path,
                &path.id,
                &path.name,
                within,
                What::Removed,
            ));
        }
    }
}

fn paths_of_persona(
    persona: &Persona,
    old_paths: &BTreeMap<&str, Placed<'_, Path>>,
    new_paths: &BTreeMap<&str, Placed<'_, Path>>,
    out: &mut Vec<Change>,
) {
    let old_here: Vec<&str> = {
        let mut v: Vec<(usize, &str)> = old_paths
            .iter()
            .filter(|(_, p)| p.holder.id == persona.id)
            .map(|(id, p)| (p.index, *id))
            .collect();
        v.sort();
        v.into_iter().map(|(_, id)| id).collect()
    };
    let new_here: Vec<&str> = persona.paths.iter().map(|p| p.id.as_str()).collect();
    let kept = in_order(&old_here, &new_here);
    for path in &persona.paths {
        let Some(now) = new_paths.get(path.id.as_str()) else {
            continue;
        };
        if !std::ptr::eq(now.item, path) {
            continue;
        }
        let within = Some(now.holder.clone());
        let push = |out: &mut Vec<Change>, what| {
            out.push(change(
                ItemKind::Path,
                &path.id,
                &path.name,
                within.clone(),
                what,
            ));
        };
        let Some(was) = old_paths.get(path.id.as_str()) else {
            push(out, What::Added);
            continue;
        };
        if was.holder.id != now.holder.id {
            push(
                out,
                What::Moved {
                    from: Some(was.holder.clone()),
                    to: Some(now.holder.clone()),
                    old_position: was.index + 1,
                    new_position: now.index + 1,
                },
            );
        } else if !kept.contains(path.id.as_str()) {
            push(
                out,
                What::Moved {
                    from: None,
                    to: None,
                    old_position: was.index + 1,
                    new_position: now.index + 1,
                },
            );
        }
        if was.item.name != path.name {
            push(
                out,
                What::Renamed {
                    old: was.item.name.clone(),
                    new: path.name.clone(),
                },
            );
        }
        for what in fields(&path_fields(was.item), &path_fields(path)) {
            push(out, what);
        }
        for what in steps(&was.item.steps, &path.steps) {
            push(out, what);
        }
    }
}

/// Step changes: a sequence diff on the touchpoints visited, then emotion
/// and note changes of the steps both sides keep. The same steps in another
/// order are one reorder, not a removal and an addition each.
pub fn steps(old: &[Step], new: &[Step]) -> Vec<What> {
    let a: Vec<&str> = old.iter().map(|s| s.touchpoint.as_str()).collect();
    let b: Vec<&str> = new.iter().map(|s| s.touchpoint.as_str()).collect();
    let mut sorted_a = a.clone();
    let mut sorted_b = b.clone();
    sorted_a.sort_unstable();
    sorted_b.sort_unstable();
    let mut out = Vec::new();
    if a != b && sorted_a == sorted_b {
        out.push(What::StepsReordered {
            old: a.iter().map(|s| s.to_string()).collect(),
            new: b.iter().map(|s| s.to_string()).collect(),
        });
        // Steps keep their emotion and note with their touchpoint: compare
        // the nth visit of each touchpoint.
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (j, step) in new.iter().enumerate() {
            let n = seen.entry(step.touchpoint.as_str()).or_insert(0);
            let before = old
                .iter()
                .filter(|s| s.touchpoint == step.touchpoint)
                .nth(*n);
            *n += 1;
            if let Some(before) = before {
                step_fields(before, step, j, &mut out);
            }
        }
        return out;
    }
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    step_fields(
                        &old[old_index + k],
                        &new[new_index + k],
                        new_index + k,
                        &mut out,
                    );
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for (k, s) in old[old_index..old_index + old_len].iter().enumerate() {
                    out.push(What::StepRemoved {
                        step: old_index + k + 1,
                        touchpoint: s.touchpoint.clone(),
                    });
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for (k, s) in new[new_index..new_index + new_len].iter().enumerate() {
                    out.push(What::StepAdded {
                        step: new_index + k + 1,
                        touchpoint: s.touchpoint.clone(),
                    });
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                for (k, s) in old[old_index..old_index + old_len].iter().enumerate() {
                    out.push(What::StepRemoved {
                        step: old_index + k + 1,
                        touchpoint: s.touchpoint.clone(),
                    });
                }
                for (k, s) in new[new_index..new_index + new_len].iter().enumerate() {
                    out.push(What::StepAdded {
                        step: new_index + k + 1,
                        touchpoint: s.touchpoint.clone(),
                    });
                }
            }
        }
    }
    out
}

fn step_fields(old: &Step, new: &Step, index: usize, out: &mut Vec<What>) {
    let emotion = |s: &Step| s.emotion.map(|e| format!("{e:+}").replace("+0", "0"));
    let note = |s: &Step| (!s.note.is_empty()).then(|| s.note.clone());
    for (field, a, b) in [
        ("emotion", emotion(old), emotion(new)),
        ("note", note(old), note(new)),
    ] {
        if a != b {
            out.push(What::StepChanged {
                step: index + 1,
                touchpoint: new.touchpoint.clone(),
                field,
                old: a,
                new: b,
            });
        }
    }
}
