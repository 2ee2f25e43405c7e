//! Which items a finding is about, as flags by position: setting them costs
//! a write per finding, no hashing, and a look is an index.
//!
//! While the problems are the checker's parts ([`Document::parts`]), each
//! stage's and persona's flags are set again only when that part's version
//! or its number of items moved: an edit at S3 sets one stage's flags, not
//! 75,000. Otherwise (an `allow` list, an id used twice) they are set from
//! the whole list whenever the problems change.

use crate::core::model::Map;
use crate::core::validate::{Finding, Item};
use crate::tui::document::Document;

/// The problems' version, each stage's touchpoint count and each persona's
/// path count: what flags set from the whole list were set for.
type WholeKey = ((u64, u64), Vec<usize>, Vec<usize>);

/// The flags; see the module comment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Marks {
    pub(super) stages: Vec<bool>,
    pub(super) touchpoints: Vec<Vec<bool>>,
    pub(super) personas: Vec<bool>,
    pub(super) paths: Vec<Vec<bool>>,
    /// Per persona and path, the steps with a finding, sorted.
    pub(super) steps: Vec<Vec<Vec<usize>>>,
    /// Set when the flags came from the whole list.
    whole: Option<WholeKey>,
    /// The document generation the part keys belong to.
    generation: u64,
    /// Per stage, the part's version and touchpoint count its flags were
    /// set for.
    stage_keys: Vec<Option<(u64, usize)>>,
    /// Per persona, the part's version and path count.
    persona_keys: Vec<Option<(u64, usize)>>,
}

fn reset(v: &mut Vec<bool>, len: usize) {
    v.clear();
    v.resize(len, false);
}

fn set(v: Option<&mut bool>) {
    if let Some(v) = v {
        *v = true;
    }
}

impl Marks {
    /// Brings the flags up to date with `doc`'s problems.
    pub(super) fn refresh(&mut self, doc: &Document) {
        let map = doc.map();
        let generation = doc.problems_version().0;
        let other_doc = std::mem::replace(&mut self.generation, generation) != generation;
        let Some(checker) = doc.parts() else {
            let key = (
                doc.problems_version(),
                map.stages.iter().map(|s| s.touchpoints.len()).collect(),
                map.personas.iter().map(|p| p.paths.len()).collect(),
            );
            if self.whole.as_ref() != Some(&key) {
                self.refill(map, doc);
                self.whole = Some(key);
                self.stage_keys.clear();
                self.persona_keys.clear();
            }
            return;
        };
        if self.whole.is_some() || other_doc {
            self.whole = None;
            self.stage_keys.clear();
            self.persona_keys.clear();
        }
        self.outline(map);
        for (s, stage) in map.stages.iter().enumerate() {
            let Some(part) = checker.stage_part(s) else {
                continue;
            };
            let key = Some((part.version, stage.touchpoints.len()));
            if self.stage_keys[s] != key {
                self.stages[s] = false;
                reset(&mut self.touchpoints[s], stage.touchpoints.len());
                for f in part.findings() {
                    self.mark(&f);
                }
                self.stage_keys[s] = key;
            }
        }
        for (p, persona) in map.personas.iter().enumerate() {
            let Some(part) = checker.persona_part(p) else {
                continue;
            };
            let key = Some((part.version, persona.paths.len()));
            if self.persona_keys[p] != key {
                self.personas[p] = false;
                reset(&mut self.paths[p], persona.paths.len());
                self.steps[p].resize_with(persona.paths.len(), Vec::new);
                self.steps[p].iter_mut().for_each(Vec::clear);
                for f in part.local {
                    self.mark(f);
                }
                self.steps[p].iter_mut().for_each(sort);
                self.persona_keys[p] = key;
            }
        }
    }

    /// Gives every list the map's outline, keeping the flags of the items
    /// that stay; a stage or persona that is new has no key yet.
    fn outline(&mut self, map: &Map) {
        let (stages, personas) = (map.stages.len(), map.personas.len());
        self.stages.resize(stages, false);
        self.touchpoints.resize_with(stages, Vec::new);
        self.stage_keys.resize(stages, None);
        self.personas.resize(personas, false);
        self.paths.resize_with(personas, Vec::new);
        self.steps.resize_with(personas, Vec::new);
        self.persona_keys.resize(personas, None);
    }

    /// Marks what `doc`'s whole list of problems is about, reusing the
    /// flags' memory.
    fn refill(&mut self, map: &Map, doc: &Document) {
        reset(&mut self.stages, map.stages.len());
        self.touchpoints.resize_with(map.stages.len(), Vec::new);
        for (v, s) in self.touchpoints.iter_mut().zip(&map.stages) {
            reset(v, s.touchpoints.len());
        }
        reset(&mut self.personas, map.personas.len());
        self.paths.resize_with(map.personas.len(), Vec::new);
        self.steps.resize_with(map.personas.len(), Vec::new);
        for ((v, steps), p) in self
            .paths
            .iter_mut()
            .zip(&mut self.steps)
            .zip(&map.personas)
        {
            reset(v, p.paths.len());
            steps.resize_with(p.paths.len(), Vec::new);
            steps.iter_mut().for_each(Vec::clear);
        }
        for problem in doc.problems().iter() {
            self.mark_item(problem.item);
        }
        self.steps.iter_mut().flatten().for_each(sort);
    }

    fn mark(&mut self, f: &Finding) {
        self.mark_item(f.item);
    }

    /// Sets the flag of `item`; a step's number is pushed, to be sorted.
    fn mark_item(&mut self, item: Item) {
        match item {
            Item::Map => {}
            Item::Stage { stage } => set(self.stages.get_mut(stage)),
            Item::Touchpoint { stage, index } => {
                set(self
                    .touchpoints
                    .get_mut(stage)
                    .and_then(|s| s.get_mut(index)));
            }
            Item::Persona { persona } => set(self.personas.get_mut(persona)),
            Item::Path { persona, path } => {
                set(self.paths.get_mut(persona).and_then(|p| p.get_mut(path)));
            }
            Item::Step {
                persona,
                path,
                step,
            } => {
                if let Some(steps) = self.steps.get_mut(persona).and_then(|p| p.get_mut(path)) {
                    steps.push(step);
                }
                set(self.paths.get_mut(persona).and_then(|p| p.get_mut(path)));
            }
        }
    }
}

fn sort(steps: &mut Vec<usize>) {
    steps.sort_unstable();
    steps.dedup();
}
