//! Undoable edits to personas, their paths and the paths' steps.
//!
//! They follow [`crate::core::edit`]: applying one returns its exact
//! inverse, and a delete keeps what it took in that inverse. They reach the
//! history as [`Edit::Person`](crate::core::edit::Edit::Person).

use crate::core::edit::result::{Applied, EditError, Focus};
use crate::core::model::{Map, Outcome, Path, Persona, Step};
use crate::core::slug::unique_id;

/// A change to the personas of a map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonaEdit {
    /// Inserts a persona (with its paths) at `at`.
    InsertPersona { at: usize, persona: Persona },
    /// Removes a persona with all its paths.
    RemovePersona { at: usize },
    /// Sets a persona's name and description; its id stays.
    SetPersona {
        at: usize,
        name: String,
        description: String,
    },
    /// Moves a persona from one index to another.
    MovePersona { from: usize, to: usize },
    /// Inserts a path (with its steps) into a persona.
    InsertPath {
        persona: usize,
        at: usize,
        path: Path,
    },
    /// Removes a path with its steps.
    RemovePath { persona: usize, at: usize },
    /// Sets a path's name and outcome; its id stays.
    SetPath {
        persona: usize,
        at: usize,
        name: String,
        outcome: Outcome,
    },
    /// Inserts a step into a path.
    InsertStep {
        path: PathRef,
        at: usize,
        step: Step,
    },
    /// Removes a step from a path.
    RemoveStep { path: PathRef, at: usize },
    /// Sets a step's emotion and note; the touchpoint stays.
    SetStep {
        path: PathRef,
        at: usize,
        emotion: Option<i8>,
        note: String,
    },
    /// Moves a step within its path.
    MoveStep {
        path: PathRef,
        from: usize,
        to: usize,
    },
}

/// A path by position: the persona's index and the path's index in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathRef {
    /// The persona's index in the map.
    pub persona: usize,
    /// The path's index among the persona's paths.
    pub path: usize,
}

impl PersonaEdit {
    /// A new persona without paths named `name`, with a fresh id.
    pub fn new_persona(map: &Map, at: usize, name: &str, description: &str) -> PersonaEdit {
        let id = unique_id(name, "persona", |c| map.ids().any(|id| id == c));
        PersonaEdit::InsertPersona {
            at,
            persona: Persona {
                allow: Vec::new(),
                id,
                name: name.to_string(),
                description: description.to_string(),
                paths: Vec::new().into(),
            },
        }
    }

    /// A new, empty, open path named `name` for persona `persona`, with an
    /// id unique across the whole map.
    pub fn new_path(map: &Map, persona: usize, at: usize, name: &str) -> PersonaEdit {
        let id = unique_id(name, "path", |c| map.ids().any(|id| id == c));
        PersonaEdit::InsertPath {
            persona,
            at,
            path: Path {
                allow: Vec::new(),
                customers: None,
                id,
                name: name.to_string(),
                outcome: Outcome::Open,
                steps: Vec::new(),
            },
        }
    }

    /// A short description for messages such as "undid: …".
    pub fn describe(&self, map: &Map) -> String {
        let persona_name = |at: usize| map.personas.get(at).map_or("", |p| p.name.as_str());
        let path_name = |r: PathRef| {
            map.personas
                .get(r.persona)
                .and_then(|p| p.paths.get(r.path))
                .map_or("", |p| p.name.as_str())
        };
        match self {
            PersonaEdit::InsertPersona { persona, .. } => {
                format!("add persona “{}”", persona.name)
            }
            PersonaEdit::RemovePersona { at } => format!("delete persona “{}”", persona_name(*at)),
            PersonaEdit::SetPersona { name, .. } => format!("edit persona “{name}”"),
            PersonaEdit::MovePersona { .. } => "move persona".into(),
            PersonaEdit::InsertPath { path, .. } => format!("add path “{}”", path.name),
            PersonaEdit::RemovePath { persona, at } => format!(
                "delete path “{}”",
                path_name(PathRef {
                    persona: *persona,
                    path: *at
                })
            ),
            PersonaEdit::SetPath { name, .. } => format!("edit path “{name}”"),
            PersonaEdit::InsertStep { path, .. } => format!("add a step to “{}”", path_name(*path)),
            PersonaEdit::RemoveStep { path, .. } => {
                format!("remove a step from “{}”", path_name(*path))
            }
            PersonaEdit::SetStep { path, .. } => format!("edit a step of “{}”", path_name(*path)),
            PersonaEdit::MoveStep { path, .. } => format!("move a step of “{}”", path_name(*path)),
        }
    }

    /// Applies the edit and returns its inverse and where it happened. On
    /// error the map is left as it was.
    pub fn apply(self, map: &mut Map) -> Result<Applied<PersonaEdit>, EditError> {
        let (inverse, focus) = match self {
            PersonaEdit::InsertPersona { at, persona } => insert_persona(map, at, persona)?,
            PersonaEdit::RemovePersona { at } => remove_persona(map, at)?,
            PersonaEdit::SetPersona {
                at,
                name,
                description,
            } => set_persona(map, at, name, description)?,
            PersonaEdit::MovePersona { from, to } => move_persona(map, from, to)?,
            PersonaEdit::InsertPath { persona, at, path } => insert_path(map, persona, at, path)?,
            PersonaEdit::RemovePath { persona, at } => remove_path(map, persona, at)?,
            PersonaEdit::SetPath {
                persona,
                at,
                name,
                outcome,
            } => set_path(map, PathRef { persona, path: at }, name, outcome)?,
            PersonaEdit::InsertStep { path, at, step } => insert_step(map, path, at, step)?,
            PersonaEdit::RemoveStep { path, at } => remove_step(map, path, at)?,
            PersonaEdit::SetStep {
                path,
                at,
                emotion,
                note,
            } => set_step(map, path, at, emotion, note)?,
            PersonaEdit::MoveStep { path, from, to } => move_step(map, path, from, to)?,
        };
        Ok(Applied::new(inverse, focus))
    }
}

/// An edit's inverse and where it happened.
type Done = Result<(PersonaEdit, Focus), EditError>;

/// The focus on persona `persona`, and where given a path and a step.
fn focus(persona: usize, path: Option<usize>, step: Option<usize>) -> Focus {
    Focus::Persona {
        persona,
        path,
        step,
    }
}

fn insert_persona(map: &mut Map, at: usize, persona: Persona) -> Done {
    if at > map.personas.len() {
        return Err(EditError::NoPersona(at));
    }
    map.personas.insert(at, persona);
    Ok((PersonaEdit::RemovePersona { at }, focus(at, None, None)))
}

fn remove_persona(map: &mut Map, at: usize) -> Done {
    if at >= map.personas.len() {
        return Err(EditError::NoPersona(at));
    }
    let persona = map.personas.remove(at);
    // No other persona becomes current by accident.
    Ok((PersonaEdit::InsertPersona { at, persona }, Focus::NoPersona))
}

fn set_persona(map: &mut Map, at: usize, name: String, description: String) -> Done {
    let p = map.personas.get_mut(at).ok_or(EditError::NoPersona(at))?;
    let name = std::mem::replace(&mut p.name, name);
    let description = std::mem::replace(&mut p.description, description);
    let inverse = PersonaEdit::SetPersona {
        at,
        name,
        description,
    };
    Ok((inverse, focus(at, None, None)))
}

fn move_persona(map: &mut Map, from: usize, to: usize) -> Done {
    let len = map.personas.len();
    if from >= len || to >= len {
        return Err(EditError::NoPersona(from.max(to)));
    }
    let p = map.personas.remove(from);
    map.personas.insert(to, p);
    let inverse = PersonaEdit::MovePersona { from: to, to: from };
    // A reorder changes no persona: whichever one is shown stays shown
    // (the editor follows it by id).
    Ok((inverse, Focus::Map))
}

fn insert_path(map: &mut Map, persona: usize, at: usize, path: Path) -> Done {
    let p = map
        .personas
        .get_mut(persona)
        .ok_or(EditError::NoPersona(persona))?;
    if at > p.paths.len() {
        return Err(EditError::NoPath(persona, at));
    }
    p.paths.insert(at, path);
    let inverse = PersonaEdit::RemovePath { persona, at };
    Ok((inverse, focus(persona, Some(at), None)))
}

fn remove_path(map: &mut Map, persona: usize, at: usize) -> Done {
    let p = map
        .personas
        .get_mut(persona)
        .ok_or(EditError::NoPersona(persona))?;
    if at >= p.paths.len() {
        return Err(EditError::NoPath(persona, at));
    }
    let path = p.paths.remove(at);
    let left = p.paths.len();
    let inverse = PersonaEdit::InsertPath { persona, at, path };
    let path = (left > 0).then(|| at.min(left - 1));
    Ok((inverse, focus(persona, path, None)))
}

fn set_path(map: &mut Map, r: PathRef, name: String, outcome: Outcome) -> Done {
    let path = path_mut(map, r)?;
    let name = std::mem::replace(&mut path.name, name);
    let outcome = std::mem::replace(&mut path.outcome, outcome);
    let inverse = PersonaEdit::SetPath {
        persona: r.persona,
        at: r.path,
        name,
        outcome,
    };
    Ok((inverse, focus(r.persona, Some(r.path), None)))
}

fn insert_step(map: &mut Map, path: PathRef, at: usize, step: Step) -> Done {
    let steps = &mut path_mut(map, path)?.steps;
    if at > steps.len() {
        return Err(EditError::NoStep(at));
    }
    steps.insert(at, step);
    let inverse = PersonaEdit::RemoveStep { path, at };
    Ok((inverse, focus(path.persona, Some(path.path), Some(at))))
}

fn remove_step(map: &mut Map, path: PathRef, at: usize) -> Done {
    let steps = &mut path_mut(map, path)?.steps;
    if at >= steps.len() {
        return Err(EditError::NoStep(at));
    }
    let step = steps.remove(at);
    let left = steps.len();
    let inverse = PersonaEdit::InsertStep { path, at, step };
    let step = (left > 0).then(|| at.min(left - 1));
    Ok((inverse, focus(path.persona, Some(path.path), step)))
}

fn set_step(map: &mut Map, path: PathRef, at: usize, emotion: Option<i8>, note: String) -> Done {
    let step = path_mut(map, path)?
        .steps
        .get_mut(at)
        .ok_or(EditError::NoStep(at))?;
    let emotion = std::mem::replace(&mut step.emotion, emotion);
    let note = std::mem::replace(&mut step.note, note);
    let inverse = PersonaEdit::SetStep {
        path,
        at,
        emotion,
        note,
    };
    Ok((inverse, focus(path.persona, Some(path.path), Some(at))))
}

fn move_step(map: &mut Map, path: PathRef, from: usize, to: usize) -> Done {
    let steps = &mut path_mut(map, path)?.steps;
    if from >= steps.len() || to >= steps.len() {
        return Err(EditError::NoStep(from.max(to)));
    }
    let step = steps.remove(from);
    steps.insert(to, step);
    let inverse = PersonaEdit::MoveStep {
        path,
        from: to,
        to: from,
    };
    Ok((inverse, focus(path.persona, Some(path.path), Some(to))))
}

fn path_mut(map: &mut Map, r: PathRef) -> Result<&mut Path, EditError> {
    map.personas
        .get_mut(r.persona)
        .ok_or(EditError::NoPersona(r.persona))?
        .paths
        .get_mut(r.path)
        .ok_or(EditError::NoPath(r.persona, r.path))
}

/// Where a step for the touchpoint in stage `stage` goes on a path: after
/// the last step whose stage is earlier or equal, so that a path built from
/// left to right needs no reordering. `stage_of` gives a step's stage
/// (`None` for a step whose touchpoint is gone, which does not count).
pub fn insertion_index(
    steps: &[Step],
    stage: usize,
    stage_of: impl Fn(&Step) -> Option<usize>,
) -> usize {
    steps
        .iter()
        .rposition(|s| stage_of(s).is_some_and(|st| st <= stage))
        .map_or(0, |i| i + 1)
}

/// A name for a new path of persona `persona`: the persona's name and the
/// map's word for a path, with a number only when that name or its id is
/// taken. So the first path of "Die Kritische" is "Die Kritische: Pfad"
/// (`die-kritische-pfad`), never a copy of the persona's id with `-2`.
pub fn new_path_name(map: &Map, persona: usize) -> String {
    let word = match map.language {
        crate::core::model::Language::De => "Pfad",
        crate::core::model::Language::En => "path",
    };
    let who = map.personas.get(persona).map_or("", |p| p.name.as_str());
    let base = if who.is_empty() {
        word.to_string()
    } else {
        format!("{who}: {word}")
    };
    let taken = |name: &str| {
        let id = crate::core::slug::slugify(name);
        map.ids().any(|i| i == id)
            || map
                .personas
                .get(persona)
                .is_some_and(|p| p.paths.iter().any(|path| path.name == name))
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|name| !taken(name))
        .unwrap_or(base)
}

/// A copy of path `path` of persona `from` as a new path of persona `to`:
/// the same steps with their emotions and notes, and an open outcome, so
/// that a variant of a journey starts from what is there.
pub fn copy_path(map: &Map, from: usize, path: usize, to: usize) -> Option<PersonaEdit> {
    copy_path_as(map, from, path, to, &new_path_name(map, to))
}

/// [`copy_path`] under the name `name`, with an id made from it that no
/// other item has: the copy the editor's "Copy path" form makes, for the
/// same persona or another, as one undoable insertion.
pub fn copy_path_as(
    map: &Map,
    from: usize,
    path: usize,
    to: usize,
    name: &str,
) -> Option<PersonaEdit> {
    let source = map.personas.get(from)?.paths.get(path)?;
    let at = map.personas.get(to)?.paths.len();
    let PersonaEdit::InsertPath {
        persona,
        at,
        path: mut copy,
    } = PersonaEdit::new_path(map, to, at, name)
    else {
        return None;
    };
    copy.steps = source.steps.clone();
    copy.customers = source.customers;
    Some(PersonaEdit::InsertPath {
        persona,
        at,
        path: copy,
    })
}

#[cfg(test)]
mod tests;
