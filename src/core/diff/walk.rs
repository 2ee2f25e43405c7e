//! The walk behind [`diff`](super::changes::diff): stages with their
//! touchpoints and personas with their paths, matched by id, each change in
//! map order (what was removed from a holder before what it now holds).

use super::changes::{Change, ItemKind, Ref, What, fields, in_order, index_by_id};
use super::fields::{path_fields, persona_fields, stage_fields, touchpoint_fields};
use super::step_changes::steps;
use crate::core::model::{Map, Path, Persona, Stage, Touchpoint};
use std::collections::BTreeMap;

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

pub(super) fn diff_stages(old: &Map, new: &Map, out: &mut Vec<Change>) {
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

pub(super) fn diff_personas(old: &Map, new: &Map, out: &mut Vec<Change>) {
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
