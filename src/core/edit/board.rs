//! Edits to the board: stages and their touchpoints. A delete takes the
//! path steps to what it removes along, and its inverse puts them back.

use crate::core::edit::change::{Applied, Edit, RemovedStep, TouchpointFields};
use crate::core::edit::result::{EditError, Focus};
use crate::core::model::{Kind, Map, Stage, Touchpoint, TouchpointPos};
use crate::core::slug::unique_id;

impl Edit {
    /// A new touchpoint named `name` at `at`, with a fresh id.
    pub fn new_touchpoint(map: &Map, at: TouchpointPos, name: &str, kind: Kind) -> Edit {
        let id = unique_id(name, "touchpoint", |c| map.ids().any(|id| id == c));
        Edit::InsertTouchpoint {
            at,
            touchpoint: Touchpoint {
                allow: Vec::new(),
                cost: None,
                id,
                name: name.to_string(),
                kind,
                channel: String::new(),
                notes: String::new(),
            },
            steps: Vec::new(),
        }
    }

    /// A new, empty stage named `name` at index `at`, with a fresh id.
    pub fn new_stage(map: &Map, at: usize, name: &str) -> Edit {
        let id = unique_id(name, "stage", |c| map.ids().any(|id| id == c));
        Edit::InsertStage {
            at,
            stage: Stage {
                allow: Vec::new(),
                id,
                name: name.to_string(),
                description: String::new(),
                touchpoints: Vec::new().into(),
            },
            steps: Vec::new(),
        }
    }

    /// Flips the kind of the touchpoint at `at`, if there is one.
    pub fn toggle_kind(map: &Map, at: TouchpointPos) -> Option<Edit> {
        let t = touchpoint(map, at)?;
        let mut fields = TouchpointFields::of(t);
        fields.kind = fields.kind.toggled();
        Some(Edit::SetTouchpoint { at, fields })
    }
}

/// Inserts `stage` at `at` and puts back the path steps it once had.
pub fn insert_stage(
    map: &mut Map,
    at: usize,
    stage: Stage,
    steps: Vec<RemovedStep>,
) -> Result<Applied, EditError> {
    if at > map.stages.len() {
        return Err(EditError::NoStage(at));
    }
    map.stages.insert(at, stage);
    let paths_changed = restore_steps(map, steps);
    Ok(Applied {
        inverse: Edit::RemoveStage { at },
        focus: Focus::Stage(at),
        paths_changed,
    })
}

/// Removes the stage at `at` with its touchpoints and their path steps.
pub fn remove_stage(map: &mut Map, at: usize) -> Result<Applied, EditError> {
    if at >= map.stages.len() {
        return Err(EditError::NoStage(at));
    }
    let stage = map.stages.remove(at);
    let ids: Vec<&str> = stage.touchpoints.iter().map(|t| t.id.as_str()).collect();
    let steps = remove_steps(map, &ids);
    let paths_changed = count_paths(&steps);
    Ok(Applied {
        inverse: Edit::InsertStage { at, stage, steps },
        focus: Focus::Stage(at.min(map.stages.len().saturating_sub(1))),
        paths_changed,
    })
}

/// Sets the name and description of the stage at `at`.
pub fn set_stage(
    map: &mut Map,
    at: usize,
    name: String,
    description: String,
) -> Result<Applied, EditError> {
    let stage = map.stages.get_mut(at).ok_or(EditError::NoStage(at))?;
    let old_name = std::mem::replace(&mut stage.name, name);
    let old_description = std::mem::replace(&mut stage.description, description);
    let inverse = Edit::SetStage {
        at,
        name: old_name,
        description: old_description,
    };
    Ok(Applied::new(inverse, Focus::Stage(at)))
}

/// Moves the stage at `from` to `to`.
pub fn move_stage(map: &mut Map, from: usize, to: usize) -> Result<Applied, EditError> {
    let len = map.stages.len();
    if from >= len {
        return Err(EditError::NoStage(from));
    }
    if to >= len {
        return Err(EditError::NoStage(to));
    }
    let stage = map.stages.remove(from);
    map.stages.insert(to, stage);
    let inverse = Edit::MoveStage { from: to, to: from };
    Ok(Applied::new(inverse, Focus::Stage(to)))
}

/// Inserts `touchpoint` at `at` and puts back the path steps it once had.
pub fn insert_touchpoint(
    map: &mut Map,
    at: TouchpointPos,
    touchpoint: Touchpoint,
    steps: Vec<RemovedStep>,
) -> Result<Applied, EditError> {
    let stage = map
        .stages
        .get_mut(at.stage)
        .ok_or(EditError::NoStage(at.stage))?;
    if at.index > stage.touchpoints.len() {
        return Err(EditError::NoTouchpoint(at));
    }
    stage.touchpoints.insert(at.index, touchpoint);
    let paths_changed = restore_steps(map, steps);
    Ok(Applied {
        inverse: Edit::RemoveTouchpoint { at },
        focus: Focus::Touchpoint(at),
        paths_changed,
    })
}

/// Removes the touchpoint at `at` and every path step to it.
pub fn remove_touchpoint(map: &mut Map, at: TouchpointPos) -> Result<Applied, EditError> {
    let stage = map
        .stages
        .get_mut(at.stage)
        .ok_or(EditError::NoStage(at.stage))?;
    if at.index >= stage.touchpoints.len() {
        return Err(EditError::NoTouchpoint(at));
    }
    let touchpoint = stage.touchpoints.remove(at.index);
    let remaining = stage.touchpoints.len();
    let steps = remove_steps(map, &[touchpoint.id.as_str()]);
    let paths_changed = count_paths(&steps);
    let focus = if remaining == 0 {
        Focus::Stage(at.stage)
    } else {
        Focus::Touchpoint(TouchpointPos {
            stage: at.stage,
            index: at.index.min(remaining - 1),
        })
    };
    Ok(Applied {
        inverse: Edit::InsertTouchpoint {
            at,
            touchpoint,
            steps,
        },
        focus,
        paths_changed,
    })
}

/// Sets the fields of the touchpoint at `at`; its id stays.
pub fn set_touchpoint(
    map: &mut Map,
    at: TouchpointPos,
    fields: TouchpointFields,
) -> Result<Applied, EditError> {
    let t = touchpoint_mut(map, at).ok_or(EditError::NoTouchpoint(at))?;
    let old = TouchpointFields {
        name: std::mem::replace(&mut t.name, fields.name),
        kind: std::mem::replace(&mut t.kind, fields.kind),
        channel: std::mem::replace(&mut t.channel, fields.channel),
        notes: std::mem::replace(&mut t.notes, fields.notes),
    };
    let inverse = Edit::SetTouchpoint { at, fields: old };
    Ok(Applied::new(inverse, Focus::Touchpoint(at)))
}

/// Moves a touchpoint; `to.index` counts after it left `from`.
pub fn move_touchpoint(
    map: &mut Map,
    from: TouchpointPos,
    to: TouchpointPos,
) -> Result<Applied, EditError> {
    if touchpoint(map, from).is_none() {
        return Err(EditError::NoTouchpoint(from));
    }
    let target_len = match map.stages.get(to.stage) {
        Some(s) if to.stage == from.stage => s.touchpoints.len() - 1,
        Some(s) => s.touchpoints.len(),
        None => return Err(EditError::NoStage(to.stage)),
    };
    if to.index > target_len {
        return Err(EditError::NoTouchpoint(to));
    }
    let t = map.stages[from.stage].touchpoints.remove(from.index);
    map.stages[to.stage].touchpoints.insert(to.index, t);
    let inverse = Edit::MoveTouchpoint { from: to, to: from };
    Ok(Applied::new(inverse, Focus::Touchpoint(to)))
}

/// The touchpoint at `at`, if any.
pub fn touchpoint(map: &Map, at: TouchpointPos) -> Option<&Touchpoint> {
    map.stages.get(at.stage)?.touchpoints.get(at.index)
}

fn touchpoint_mut(map: &mut Map, at: TouchpointPos) -> Option<&mut Touchpoint> {
    map.stages.get_mut(at.stage)?.touchpoints.get_mut(at.index)
}

/// How many paths visit any of the touchpoints with these ids: the paths a
/// delete of them would change.
pub fn paths_using(map: &Map, ids: &[&str]) -> usize {
    map.personas
        .iter()
        .flat_map(|p| &p.paths)
        .filter(|path| {
            path.steps
                .iter()
                .any(|s| ids.contains(&s.touchpoint.as_str()))
        })
        .count()
}

/// Takes every step to one of `ids` out of every path, remembering where.
fn remove_steps(map: &mut Map, ids: &[&str]) -> Vec<RemovedStep> {
    let mut removed = Vec::new();
    for (p, persona) in map.personas.iter_mut().enumerate() {
        for (k, path) in persona.paths.iter_mut().enumerate() {
            if !path
                .steps
                .iter()
                .any(|s| ids.contains(&s.touchpoint.as_str()))
            {
                continue;
            }
            let steps = std::mem::take(&mut path.steps);
            for (index, step) in steps.into_iter().enumerate() {
                if ids.contains(&step.touchpoint.as_str()) {
                    removed.push(RemovedStep {
                        persona: p,
                        path: k,
                        index,
                        step,
                    });
                } else {
                    path.steps.push(step);
                }
            }
        }
    }
    removed
}

/// Puts steps back where [`remove_steps`] found them. They are in ascending
/// order per path, so each insert lands at its original index.
fn restore_steps(map: &mut Map, steps: Vec<RemovedStep>) -> usize {
    let changed = count_paths(&steps);
    for r in steps {
        if let Some(path) = map
            .personas
            .get_mut(r.persona)
            .and_then(|p| p.paths.get_mut(r.path))
        {
            let index = r.index.min(path.steps.len());
            path.steps.insert(index, r.step);
        }
    }
    changed
}

fn count_paths(steps: &[RemovedStep]) -> usize {
    let mut paths: Vec<(usize, usize)> = steps.iter().map(|r| (r.persona, r.path)).collect();
    paths.dedup();
    paths.len()
}
