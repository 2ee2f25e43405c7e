//! Facts the views need that would cost time proportional to the map to
//! find: which items have a problem, the current path's step numbers and
//! the search matches. They are worked out in `update` when the map, the
//! current path or the query changes, never while drawing, so a frame costs
//! only what is on screen. Where a touchpoint is and who visits it are
//! asked of the id table live validation keeps up to date edit by edit
//! ([`Document::position`]), so an edit rebuilds no index of the map.

use crate::core::model::{Map, TouchpointPos};
use crate::tui::current::Current;
use crate::tui::document::Document;
// Hash maps and sets here are only looked up, never iterated for output.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

mod frame;
mod marks;
pub use frame::{BoardCache, BoardKey};
use marks::Marks;

/// One visit of a touchpoint: by which path, as which step (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    /// The persona's index.
    pub persona: usize,
    /// The path's index within the persona.
    pub path: usize,
    /// The step's index within the path.
    pub step: usize,
}

/// One step of the current path as the breadcrumb and the curve show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    /// The touchpoint's name, or its id in backticks when it is missing.
    pub name: String,
    /// Where the touchpoint is, if it exists.
    pub at: Option<TouchpointPos>,
    /// The step's emotion, −2..+2, if it has one.
    pub emotion: Option<i8>,
}

/// The current path, ready to draw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathView {
    /// The persona's index.
    pub persona: usize,
    /// The path's index within the persona.
    pub path: usize,
    /// Touchpoint id to the 1-based numbers of the steps that visit it.
    numbers: HashMap<String, Vec<usize>>,
    /// The steps in path order.
    pub crumbs: Vec<Crumb>,
    /// The step with the lowest emotion (the first of equals), if any has one.
    pub lowest: Option<usize>,
}

impl PathView {
    /// The 1-based step numbers at which the path visits touchpoint `id`.
    pub fn numbers(&self, id: &str) -> &[usize] {
        self.numbers.get(id).map_or(&[], Vec::as_slice)
    }
}

/// What identifies a state of the document: its history state, where the
/// map lives and its outline. A replaced document almost always differs in
/// one of them; whoever replaces one calls [`Derived::invalidate`] anyway.
type DocKey = (u64, usize, usize, usize);

/// The precomputed facts; see the module comment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Derived {
    doc_key: Option<DocKey>,
    problems: Marks,
    path_key: Option<(DocKey, usize, usize)>,
    /// The current path, when a persona with a path is current.
    pub path: Option<PathView>,
    search_key: Option<(DocKey, String)>,
    /// Touchpoints that match the search, in map order.
    pub matches: Vec<TouchpointPos>,
    match_set: HashSet<(usize, usize)>,
    /// The board as last drawn under a form.
    pub board: BoardCache,
}

impl Derived {
    /// Forgets everything, so the next refresh works it all out again.
    pub fn invalidate(&mut self) {
        *self = Derived::default();
    }

    /// Brings the facts up to date; does nothing that has not changed.
    pub fn refresh(&mut self, doc: &Document, current: &Current, query: &str) {
        let map = doc.map();
        let key = (
            doc.state(),
            std::ptr::from_ref(map) as usize,
            map.stages.len(),
            map.personas.len(),
        );
        // The marks follow the problems and the map's outline, not every
        // edit: a toggle of a kind changes neither.
        self.problems.refresh(doc);
        if self.doc_key != Some(key) {
            self.doc_key = Some(key);
        }
        let path_key = current.path_ref(map).map(|r| (key, r.persona, r.path));
        if self.path_key != path_key {
            self.path_key = path_key;
            self.path = path_key.map(|(_, persona, path)| path_view(doc, persona, path));
        }
        let search_key = (!query.is_empty()).then(|| (key, query.to_string()));
        if self.search_key != search_key {
            self.search(map, query);
            self.search_key = search_key;
        }
    }
}

/// The current path, ready to draw.
fn path_view(doc: &Document, persona: usize, path: usize) -> PathView {
    let map = doc.map();
    let mut view = PathView {
        persona,
        path,
        ..PathView::default()
    };
    let Some(p) = map.personas.get(persona).and_then(|p| p.paths.get(path)) else {
        return view;
    };
    let mut lowest: Option<(i8, usize)> = None;
    for (n, step) in p.steps.iter().enumerate() {
        view.numbers
            .entry(step.touchpoint.clone())
            .or_default()
            .push(n + 1);
        let at = doc.position(&step.touchpoint);
        let name = at
            .and_then(|at| map.stages.get(at.stage)?.touchpoints.get(at.index))
            .map_or_else(
                || format!("`{}`", crate::tui::text::short(&step.touchpoint)),
                |t| crate::tui::text::short(&t.name).into_owned(),
            );
        if let Some(e) = step.emotion
            && lowest.is_none_or(|(low, _)| e < low)
        {
            lowest = Some((e, n));
        }
        view.crumbs.push(Crumb {
            name,
            at,
            emotion: step.emotion,
        });
    }
    view.lowest = lowest.map(|(_, n)| n);
    view
}

impl Derived {
    fn search(&mut self, map: &Map, query: &str) {
        self.matches.clear();
        self.match_set.clear();
        if query.is_empty() {
            return;
        }
        let needle = query.to_lowercase();
        let hit = |s: &str| s.to_lowercase().contains(&needle);
        for (s, stage) in map.stages.iter().enumerate() {
            for (index, t) in stage.touchpoints.iter().enumerate() {
                if hit(&t.name) || hit(&t.channel) || hit(&t.notes) {
                    self.matches.push(TouchpointPos { stage: s, index });
                    self.match_set.insert((s, index));
                }
            }
        }
    }

    /// Every visit of the touchpoint with this id, in map order: from the
    /// personas the id table names, so only their paths are read.
    pub fn visits(&self, doc: &Document, id: &str) -> Vec<Visit> {
        let map = doc.map();
        let mut out = Vec::new();
        for p in doc.visiting_personas(id) {
            let Some(persona) = map.personas.get(p) else {
                continue;
            };
            for (k, path) in persona.paths.iter().enumerate() {
                for (n, step) in path.steps.iter().enumerate() {
                    if step.touchpoint == id {
                        out.push(Visit {
                            persona: p,
                            path: k,
                            step: n,
                        });
                    }
                }
            }
        }
        out
    }

    /// Whether a finding is about this touchpoint.
    pub fn touchpoint_has_problem(&self, at: TouchpointPos) -> bool {
        let t = &self.problems.touchpoints;
        t.get(at.stage).and_then(|s| s.get(at.index)) == Some(&true)
    }

    /// Whether a finding is about this stage itself.
    pub fn stage_has_problem(&self, stage: usize) -> bool {
        self.problems.stages.get(stage) == Some(&true)
    }

    /// Whether a finding is about this persona itself.
    pub fn persona_has_problem(&self, persona: usize) -> bool {
        self.problems.personas.get(persona) == Some(&true)
    }

    /// Whether a finding is about this path or one of its steps.
    pub fn path_has_problem(&self, persona: usize, path: usize) -> bool {
        self.problems.paths.get(persona).and_then(|p| p.get(path)) == Some(&true)
    }

    /// Whether a finding is about this step.
    pub fn step_has_problem(&self, persona: usize, path: usize, step: usize) -> bool {
        self.problems
            .steps
            .get(persona)
            .and_then(|p| p.get(path))
            .is_some_and(|s| s.binary_search(&step).is_ok())
    }

    /// Whether the touchpoint matches the search.
    pub fn is_match(&self, at: TouchpointPos) -> bool {
        self.match_set.contains(&(at.stage, at.index))
    }
}
