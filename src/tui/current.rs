//! Which persona the board shows, which of its paths, and which step the
//! path panel points at. Positions, not ids: every edit that moves or
//! removes a persona, path or step says where to look next (its focus), and
//! [`Current::settle`] keeps them on the map after anything else.

use crate::core::edit::persona::PathRef;
use crate::core::model::{Map, Path, Persona};

/// The current persona, path and step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Current {
    /// The persona whose path the board shows; `None` shows no path.
    pub persona: Option<usize>,
    /// The current path among the persona's paths.
    pub path: usize,
    /// The selected step in the path panel.
    pub step: usize,
}

impl Current {
    /// The current persona, if there is one.
    pub fn persona<'m>(&self, map: &'m Map) -> Option<&'m Persona> {
        map.personas.get(self.persona?)
    }

    /// The current path, if the current persona has one.
    pub fn path_ref(&self, map: &Map) -> Option<PathRef> {
        let persona = self.persona?;
        map.personas
            .get(persona)?
            .paths
            .get(self.path)
            .map(|_| PathRef {
                persona,
                path: self.path,
            })
    }

    /// The current path itself.
    pub fn path<'m>(&self, map: &'m Map) -> Option<&'m Path> {
        self.persona(map)?.paths.get(self.path)
    }

    /// Clamps the positions to what the map holds.
    pub fn settle(&mut self, map: &Map) {
        let Some(persona) = self.persona else {
            self.path = 0;
            self.step = 0;
            return;
        };
        let Some(p) = map.personas.get(persona) else {
            *self = Current::default();
            return;
        };
        self.path = self.path.min(p.paths.len().saturating_sub(1));
        let steps = p.paths.get(self.path).map_or(0, |path| path.steps.len());
        self.step = self.step.min(steps.saturating_sub(1));
    }
}
