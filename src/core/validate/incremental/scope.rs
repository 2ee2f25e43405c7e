//! What an edit can change, worked out before it is applied: the stages
//! and personas the checker looks at again.

use crate::core::edit::Edit;
use crate::core::edit::persona::PersonaEdit;
use crate::core::validate::Item;

/// What an edit can change: some stages and personas, or everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Renumbers stages or personas, or replaces the map: check it all.
    pub all: bool,
    /// Stages whose own content changed, by index after the edit.
    pub stages: Vec<usize>,
    /// Personas whose own content changed, by index after the edit.
    pub personas: Vec<usize>,
}

impl Scope {
    /// Everything.
    pub fn all() -> Scope {
        Scope {
            all: true,
            ..Scope::default()
        }
    }

    /// What `edit` can change, worked out before it is applied.
    pub fn of(edit: &Edit) -> Scope {
        let stages = |s: Vec<usize>| Scope {
            stages: s,
            ..Scope::default()
        };
        match edit {
            Edit::SetStage { at, .. } => stages(vec![*at]),
            Edit::SetTouchpoint { at, .. } | Edit::RemoveTouchpoint { at } => {
                // A removal takes out steps too: their personas are found
                // through the id table, as visitors of the id that went.
                stages(vec![at.stage])
            }
            Edit::InsertTouchpoint { at, steps, .. } => Scope {
                stages: vec![at.stage],
                personas: steps.iter().map(|r| r.persona).collect(),
                all: false,
            },
            Edit::MoveTouchpoint { from, to } => stages(vec![from.stage, to.stage]),
            // Findings stay; the count of `allow` lists may not.
            Edit::SetAllow { item, .. } => match *item {
                Item::Map => Scope::default(),
                Item::Stage { stage } | Item::Touchpoint { stage, .. } => stages(vec![stage]),
                Item::Persona { persona }
                | Item::Path { persona, .. }
                | Item::Step { persona, .. } => Scope {
                    personas: vec![persona],
                    ..Scope::default()
                },
            },
            // The title and the conversion are checked on every edit.
            Edit::SetMapInfo { .. } => Scope::default(),
            Edit::Person(edit) => match edit {
                PersonaEdit::SetPersona { at, .. } => Scope {
                    personas: vec![*at],
                    ..Scope::default()
                },
                PersonaEdit::InsertPath { persona, .. }
                | PersonaEdit::RemovePath { persona, .. }
                | PersonaEdit::SetPath { persona, .. } => Scope {
                    personas: vec![*persona],
                    ..Scope::default()
                },
                PersonaEdit::InsertStep { path, .. }
                | PersonaEdit::RemoveStep { path, .. }
                | PersonaEdit::SetStep { path, .. }
                | PersonaEdit::MoveStep { path, .. } => Scope {
                    personas: vec![path.persona],
                    ..Scope::default()
                },
                PersonaEdit::InsertPersona { .. }
                | PersonaEdit::RemovePersona { .. }
                | PersonaEdit::MovePersona { .. } => Scope::all(),
            },
            Edit::InsertStage { .. }
            | Edit::RemoveStage { .. }
            | Edit::MoveStage { .. }
            | Edit::ReplaceMap(_) => Scope::all(),
        }
    }
}
