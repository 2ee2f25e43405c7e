//! The edits a user can make to a map, each undoable.
//!
//! An [`Edit`] is a small command. Applying it changes the map and returns
//! its exact inverse, so undo and redo are the same operation and the
//! history keeps only what changed, not copies of the whole map (a large map
//! times an unlimited history would not fit in memory). A delete keeps what
//! it took, path steps included, in its inverse.

use crate::core::model::{Kind, Map, Stage, Step, Touchpoint, TouchpointPos};
use crate::core::path_edit::PersonaEdit;
use crate::core::slug::unique_id;

/// A change to a map. Build them with the constructors below, which pick ids
/// by the slug rules; apply them with [`Edit::apply`] or [`History::apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Inserts a stage at `at`, and puts back path steps it once had.
    InsertStage {
        at: usize,
        stage: Stage,
        steps: Vec<RemovedStep>,
    },
    /// Removes a stage with its touchpoints and every path step to them.
    RemoveStage { at: usize },
    /// Sets a stage's name and description; its id stays.
    SetStage {
        at: usize,
        name: String,
        description: String,
    },
    /// Moves a stage from one index to another.
    MoveStage { from: usize, to: usize },
    /// Inserts a touchpoint, and puts back path steps it once had.
    InsertTouchpoint {
        at: TouchpointPos,
        touchpoint: Touchpoint,
        steps: Vec<RemovedStep>,
    },
    /// Removes a touchpoint and every path step to it.
    RemoveTouchpoint { at: TouchpointPos },
    /// Sets a touchpoint's fields; its id stays.
    SetTouchpoint {
        at: TouchpointPos,
        fields: TouchpointFields,
    },
    /// Moves a touchpoint; `to.index` counts after it left `from`.
    MoveTouchpoint {
        from: TouchpointPos,
        to: TouchpointPos,
    },
    /// A change to personas, paths or steps.
    Person(PersonaEdit),
    /// Sets the map's title, description and conversion.
    SetMapInfo {
        title: String,
        description: String,
        conversion: String,
    },
    /// Puts another map in this one's place, as a reload from disk does:
    /// undo brings back the map as it was.
    ReplaceMap(Box<Map>),
    /// Sets an item's `allow` list (the rules whose warnings it accepts).
    SetAllow {
        item: crate::core::validate::Item,
        allow: Vec<String>,
    },
}

/// The fields of a touchpoint a user edits: everything but the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TouchpointFields {
    pub name: String,
    pub kind: Kind,
    pub channel: String,
    pub notes: String,
}

impl TouchpointFields {
    /// The editable fields of `t`.
    pub fn of(t: &Touchpoint) -> TouchpointFields {
        TouchpointFields {
            name: t.name.clone(),
            kind: t.kind,
            channel: t.channel.clone(),
            notes: t.notes.clone(),
        }
    }
}

/// A path step taken out by a delete, with where it was, so undo can put
/// it back in the same place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedStep {
    pub persona: usize,
    pub path: usize,
    pub index: usize,
    pub step: Step,
}

/// What an edit would like the user to look at afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The map as a whole: the selection stays where it is.
    Map,
    /// A stage, with no particular touchpoint.
    Stage(usize),
    /// A touchpoint.
    Touchpoint(TouchpointPos),
    /// A persona, and where given one of its paths and a step of that path.
    Persona {
        persona: usize,
        path: Option<usize>,
        step: Option<usize>,
    },
    /// The personas, none of which is left.
    NoPersona,
}

/// The result of applying an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The edit that takes this one back.
    pub inverse: Edit,
    /// Where the change happened.
    pub focus: Focus,
    /// How many paths lost or regained steps.
    pub paths_changed: usize,
}

/// Why an edit could not be applied. The map is unchanged when this happens.
/// Names are not checked here: undo must be able to restore whatever the
/// file held, blank names included; the editor refuses blank new names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no stage {0}")]
    NoStage(usize),
    #[error("there is no touchpoint at stage {}, row {}", .0.stage, .0.index)]
    NoTouchpoint(TouchpointPos),
    #[error("there is no persona {0}")]
    NoPersona(usize),
    #[error("persona {0} has no path {1}")]
    NoPath(usize, usize),
    #[error("the path has no step {0}")]
    NoStep(usize),
}

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
                touchpoints: Vec::new(),
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

    /// A short description for messages such as "undid: …".
    pub fn describe(&self, map: &Map) -> String {
        match self {
            Edit::InsertStage { stage, .. } => format!("add stage “{}”", stage.name),
            Edit::RemoveStage { at } => match map.stages.get(*at) {
                Some(s) => format!("delete stage “{}”", s.name),
                None => "delete stage".into(),
            },
            Edit::SetStage { name, .. } => format!("edit stage “{name}”"),
            Edit::MoveStage { .. } => "move stage".into(),
            Edit::InsertTouchpoint { touchpoint, .. } => {
                format!("add touchpoint “{}”", touchpoint.name)
            }
            Edit::RemoveTouchpoint { at } => match touchpoint(map, *at) {
                Some(t) => format!("delete touchpoint “{}”", t.name),
                None => "delete touchpoint".into(),
            },
            Edit::SetTouchpoint { fields, .. } => format!("edit touchpoint “{}”", fields.name),
            Edit::MoveTouchpoint { .. } => "move touchpoint".into(),
            Edit::Person(edit) => edit.describe(map),
            Edit::SetMapInfo { .. } => "edit the map's title".into(),
            Edit::ReplaceMap(_) => "reload the map".into(),
            Edit::SetAllow { allow, .. } => format!("allow {}", allow.join(", ")),
        }
    }

    /// Applies the edit. On error the map is left as it was.
    pub fn apply(self, map: &mut Map) -> Result<Applied, EditError> {
        match self {
            Edit::SetAllow { item, allow } => {
                let list = crate::core::allow::allow_list_mut(map, item)?;
                Ok(Applied {
                    inverse: Edit::SetAllow {
                        item,
                        allow: std::mem::replace(list, allow),
                    },
                    focus: Focus::Map,
                    paths_changed: 0,
                })
            }
            Edit::ReplaceMap(other) => Ok(Applied {
                inverse: Edit::ReplaceMap(Box::new(std::mem::replace(map, *other))),
                focus: Focus::Map,
                paths_changed: 0,
            }),
            Edit::SetMapInfo {
                title,
                description,
                conversion,
            } => Ok(Applied {
                inverse: Edit::SetMapInfo {
                    title: std::mem::replace(&mut map.title, title),
                    description: std::mem::replace(&mut map.description, description),
                    conversion: std::mem::replace(&mut map.conversion, conversion),
                },
                focus: Focus::Map,
                paths_changed: 0,
            }),
            Edit::InsertStage { at, stage, steps } => {
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
            Edit::RemoveStage { at } => {
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
            Edit::SetStage {
                at,
                name,
                description,
            } => {
                let stage = map.stages.get_mut(at).ok_or(EditError::NoStage(at))?;
                let old_name = std::mem::replace(&mut stage.name, name);
                let old_description = std::mem::replace(&mut stage.description, description);
                Ok(Applied {
                    inverse: Edit::SetStage {
                        at,
                        name: old_name,
                        description: old_description,
                    },
                    focus: Focus::Stage(at),
                    paths_changed: 0,
                })
            }
            Edit::MoveStage { from, to } => {
                let len = map.stages.len();
                if from >= len {
                    return Err(EditError::NoStage(from));
                }
                if to >= len {
                    return Err(EditError::NoStage(to));
                }
                let stage = map.stages.remove(from);
                map.stages.insert(to, stage);
                Ok(Applied {
                    inverse: Edit::MoveStage { from: to, to: from },
                    focus: Focus::Stage(to),
                    paths_changed: 0,
                })
            }
            Edit::InsertTouchpoint {
                at,
                touchpoint,
                steps,
            } => {
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
            Edit::RemoveTouchpoint { at } => {
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
            Edit::SetTouchpoint { at, fields } => {
                let t = touchpoint_mut(map, at).ok_or(EditError::NoTouchpoint(at))?;
                let old = TouchpointFields {
                    name: std::mem::replace(&mut t.name, fields.name),
                    kind: std::mem::replace(&mut t.kind, fields.kind),
                    channel: std::mem::replace(&mut t.channel, fields.channel),
                    notes: std::mem::replace(&mut t.notes, fields.notes),
                };
                Ok(Applied {
                    inverse: Edit::SetTouchpoint { at, fields: old },
                    focus: Focus::Touchpoint(at),
                    paths_changed: 0,
                })
            }
            Edit::MoveTouchpoint { from, to } => {
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
                Ok(Applied {
                    inverse: Edit::MoveTouchpoint { from: to, to: from },
                    focus: Focus::Touchpoint(to),
                    paths_changed: 0,
                })
            }
            Edit::Person(edit) => {
                let (inverse, focus) = edit.apply(map)?;
                Ok(Applied {
                    inverse: Edit::Person(inverse),
                    focus,
                    paths_changed: 0,
                })
            }
        }
    }
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

/// One undoable change in the history.
#[derive(Debug, Clone)]
struct Entry {
    /// The edit that takes the change back (on the undo stack) or makes it
    /// again (on the redo stack).
    edit: Edit,
    /// What the change was, for messages.
    label: String,
    /// Tells apart states that have the same stack depth.
    serial: u64,
}

/// Undo and redo without limit. The map lives outside, so the history can
/// sit beside it in whatever owns the document.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    next_serial: u64,
}

/// What an undo or redo did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replayed {
    /// The change, as in "add touchpoint “Blog”".
    pub label: String,
    /// Where it happened.
    pub focus: Focus,
}

impl History {
    /// Applies `edit` to `map` and records it. The redo stack is dropped,
    /// as in every editor: a new change starts a new future.
    pub fn apply(&mut self, map: &mut Map, edit: Edit) -> Result<Applied, EditError> {
        let label = edit.describe(map);
        let applied = edit.apply(map)?;
        self.next_serial += 1;
        self.undo.push(Entry {
            edit: applied.inverse.clone(),
            label,
            serial: self.next_serial,
        });
        self.redo.clear();
        Ok(applied)
    }

    /// Takes back the last change; `None` when there is nothing to undo.
    pub fn undo(&mut self, map: &mut Map) -> Option<Result<Replayed, EditError>> {
        Self::replay(&mut self.undo, &mut self.redo, map)
    }

    /// Makes the last undone change again; `None` when there is none.
    pub fn redo(&mut self, map: &mut Map) -> Option<Result<Replayed, EditError>> {
        Self::replay(&mut self.redo, &mut self.undo, map)
    }

    fn replay(
        from: &mut Vec<Entry>,
        to: &mut Vec<Entry>,
        map: &mut Map,
    ) -> Option<Result<Replayed, EditError>> {
        let entry = from.pop()?;
        match entry.edit.clone().apply(map) {
            Ok(applied) => {
                let replayed = Replayed {
                    label: entry.label.clone(),
                    focus: applied.focus,
                };
                to.push(Entry {
                    edit: applied.inverse,
                    ..entry
                });
                Some(Ok(replayed))
            }
            Err(e) => {
                // Keep the entry: the map is unchanged, so it still applies
                // to the same state once whatever blocked it is resolved.
                from.push(entry);
                Some(Err(e))
            }
        }
    }

    /// Identifies the current state: equal values mean the same map, so a
    /// document is unsaved exactly when this differs from its value at the
    /// last save.
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |e| e.serial)
    }

    /// The edit an undo would apply, so a caller can see what it touches.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|e| &e.edit)
    }

    /// The edit a redo would apply.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|e| &e.edit)
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Outcome, Path, Persona};

    fn pos(stage: usize, index: usize) -> TouchpointPos {
        TouchpointPos { stage, index }
    }

    #[test]
    fn replacing_the_map_undoes_to_the_old_one() {
        let mut m = map();
        let before = m.clone();
        let other = Map::new("from disk");
        let applied = Edit::ReplaceMap(Box::new(other.clone()))
            .apply(&mut m)
            .expect("replaces");
        assert_eq!(m, other);
        assert_eq!(applied.focus, Focus::Map);
        applied.inverse.apply(&mut m).expect("undoes");
        assert_eq!(m, before);
    }

    /// Two stages of two touchpoints; one path through all four, another
    /// through the first stage only.
    fn map() -> Map {
        let mut map = Map::new("t");
        for (s, name) in ["A", "B"].iter().enumerate() {
            let edit = Edit::new_stage(&map, s, name);
            edit.apply(&mut map).expect("stage");
            for t in 0..2 {
                let edit =
                    Edit::new_touchpoint(&map, pos(s, t), &format!("{name}{t}"), Kind::Direct);
                edit.apply(&mut map).expect("touchpoint");
            }
        }
        let step = |id: &str| Step {
            touchpoint: id.into(),
            emotion: None,
            note: String::new(),
        };
        map.personas.push(Persona {
            allow: Vec::new(),
            id: "p".into(),
            name: "P".into(),
            description: String::new(),
            paths: vec![
                Path {
                    allow: Vec::new(),
                    customers: None,
                    id: "all".into(),
                    name: "All".into(),
                    outcome: Outcome::Converted,
                    steps: ["a0", "b0", "a1", "b1"].map(step).to_vec(),
                },
                Path {
                    allow: Vec::new(),
                    customers: None,
                    id: "first".into(),
                    name: "First".into(),
                    outcome: Outcome::Open,
                    steps: ["a0", "a1"].map(step).to_vec(),
                },
            ],
        });
        map
    }

    #[test]
    fn every_edit_is_undone_exactly_by_its_inverse() {
        let edits = [
            Edit::RemoveStage { at: 0 },
            Edit::RemoveStage { at: 1 },
            Edit::RemoveTouchpoint { at: pos(0, 1) },
            Edit::MoveStage { from: 0, to: 1 },
            Edit::MoveTouchpoint {
                from: pos(0, 0),
                to: pos(1, 2),
            },
            Edit::MoveTouchpoint {
                from: pos(1, 1),
                to: pos(1, 0),
            },
            Edit::SetStage {
                at: 1,
                name: "Bee".into(),
                description: "d".into(),
            },
            Edit::toggle_kind(&map(), pos(1, 0)).expect("toggle"),
        ];
        for edit in edits {
            let original = map();
            let mut m = original.clone();
            let applied = edit.clone().apply(&mut m).expect("applies");
            assert_ne!(m, original, "{edit:?} changed nothing");
            let back = applied.inverse.apply(&mut m).expect("inverse applies");
            assert_eq!(m, original, "{edit:?} was not undone exactly");
            back.inverse.apply(&mut m).expect("redo applies");
            assert_ne!(m, original);
        }
    }

    #[test]
    fn deletes_report_and_restore_path_steps() {
        let mut m = map();
        assert_eq!(paths_using(&m, &["a1"]), 2);
        let applied = Edit::RemoveStage { at: 0 }.apply(&mut m).expect("applies");
        assert_eq!(applied.paths_changed, 2);
        let steps: Vec<&str> = m.personas[0].paths[0]
            .steps
            .iter()
            .map(|s| s.touchpoint.as_str())
            .collect();
        assert_eq!(steps, ["b0", "b1"]);
        assert!(m.personas[0].paths[1].steps.is_empty());
        applied.inverse.apply(&mut m).expect("undo");
        assert_eq!(m, map());
    }

    #[test]
    fn bad_positions_are_errors_and_change_nothing() {
        let mut m = map();
        assert!(Edit::RemoveStage { at: 2 }.apply(&mut m).is_err());
        assert!(Edit::MoveStage { from: 1, to: 2 }.apply(&mut m).is_err());
        let far = Edit::MoveTouchpoint {
            from: pos(0, 0),
            to: pos(0, 2),
        };
        assert!(far.apply(&mut m).is_err());
        assert!(
            Edit::RemoveTouchpoint { at: pos(1, 5) }
                .apply(&mut m)
                .is_err()
        );
        assert_eq!(m, map());
    }

    #[test]
    fn history_state_tells_saved_states_apart() {
        let mut m = map();
        let mut h = History::default();
        let start = h.state();
        h.apply(&mut m, Edit::MoveStage { from: 0, to: 1 })
            .expect("move");
        let moved = h.state();
        assert_ne!(moved, start);
        h.undo(&mut m).expect("some").expect("undo");
        assert_eq!(h.state(), start);
        h.apply(&mut m, Edit::RemoveStage { at: 0 })
            .expect("remove");
        assert_ne!(h.state(), moved, "a different edit at the same depth");
        assert!(!h.can_redo());
        assert!(h.redo(&mut m).is_none());
    }
}
