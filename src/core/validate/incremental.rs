//! Validation that follows edits: the findings of a map kept up to date by
//! re-checking only what an edit can affect, so that an edit key costs
//! what it changes and not what the map holds.
//!
//! The findings are kept per stage (its own and its touchpoints' findings,
//! and which of its touchpoints no path visits) and per persona (its own,
//! its paths' and their steps'), beside one table of ids: how often each is
//! used, which stages hold a touchpoint with it and which personas' steps
//! name it. An edit names the stages and personas it touched
//! ([`Scope::of`]); those are checked again, and so are the personas whose
//! steps name a touchpoint that appeared, went or changed stage, and the
//! unvisited marks of touchpoints whose visits rose from or fell to none.
//! Edits that renumber stages or personas check everything again.
//!
//! [`findings`](super::findings) stays the reference: the property tests
//! hold [`Checker::findings`] equal to it after any sequence of edits.

use super::{
    Finding, Item, Rule, converted_finding, duplicate_name, findings, is_slug, map_findings,
    path_findings,
};
use crate::core::model::Map;
use ids::{Ids, Sym};
use rustc_hash::FxHashMap;

mod ids;
mod parts;
mod scope;
#[cfg(test)]
mod tests;
pub use parts::{PersonaPart, StagePart};
pub use scope::Scope;

/// One stage's part of the findings.
#[derive(Debug, Clone, Default)]
struct StageSeg {
    /// The stage's id, then its touchpoints' ids: what it put in the table.
    ids: Vec<Sym>,
    /// Its own and its touchpoints' findings, but duplicate ids.
    local: Vec<Finding>,
    /// Its touchpoints that no step names, by index: each an
    /// `unvisited-touchpoint` finding, made when it is read.
    unvisited: Vec<u32>,
    /// How many of its items have an `allow` list.
    allows: usize,
    /// How many of `local` are errors.
    errors: usize,
    /// Changes whenever `local` or `unvisited` does; see [`StagePart`].
    version: u64,
}

/// One persona's part of the findings.
#[derive(Debug, Clone, Default)]
struct PersonaSeg {
    /// The persona's id and its paths' ids.
    ids: Vec<Sym>,
    /// The touchpoint id of each step of its paths.
    steps: Vec<Sym>,
    /// Its own, its paths' and their steps' findings, but duplicate ids.
    local: Vec<Finding>,
    /// How many of its items have an `allow` list.
    allows: usize,
    /// How many of `local` are errors.
    errors: usize,
    /// Changes whenever `local` does; see [`PersonaPart`].
    version: u64,
}

/// The findings of one map, kept up to date edit by edit.
#[derive(Debug, Clone, Default)]
pub struct Checker {
    ids: Ids,
    /// Ids that lost a use, a stage or a visitor in this update: those
    /// that nothing holds any more leave the table at its end.
    dropped: Vec<Sym>,
    stages: Vec<StageSeg>,
    personas: Vec<PersonaSeg>,
    /// The map's own findings that come first, and `no-converted-path`.
    head: Vec<Finding>,
    converted: Option<Finding>,
    /// Every finding, sorted, while some id is used twice; else empty.
    sorted: Vec<Finding>,
    /// How many findings there are, and how many of them are errors.
    total: usize,
    errors: usize,
    /// Counts the updates that changed a finding.
    version: u64,
}

/// The `unvisited-touchpoint` finding of touchpoint `index` of `stage`.
fn unvisited(stage: usize, index: u32) -> Finding {
    Finding::new(
        Rule::UnvisitedTouchpoint,
        Item::Touchpoint {
            stage,
            index: index as usize,
        },
    )
}

impl Checker {
    /// Checks the whole map.
    pub fn new(map: &Map) -> Checker {
        let mut checker = Checker::default();
        checker.rebuild(map);
        checker
    }

    /// Every finding, in the order of [`findings`](super::findings).
    pub fn findings(&self) -> Box<dyn Iterator<Item = Finding> + '_> {
        if self.duplicated() {
            Box::new(self.sorted.iter().copied())
        } else {
            Box::new(self.parts())
        }
    }

    /// Changes whenever a finding may have: equal versions of one checker
    /// mean equal findings.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Whether any item of `map` has an `allow` list: without one, no
    /// finding needs sorting into allowed and not.
    pub fn has_allows(&self, map: &Map) -> bool {
        !map.allow.is_empty()
            || self.stages.iter().any(|s| s.allows > 0)
            || self.personas.iter().any(|p| p.allows > 0)
    }

    /// The stage of the first touchpoint with this id.
    pub fn stage_of(&self, id: &str) -> Option<usize> {
        self.ids.get(id).and_then(|sym| self.ids.stage(sym))
    }

    /// The personas whose paths have a step to this touchpoint id, in no
    /// order, once per step.
    pub fn visitors(&self, id: &str) -> &[u32] {
        self.ids.get(id).map_or(&[], |sym| self.ids.visitors(sym))
    }

    /// Whether some id is used twice: the findings are then kept sorted in
    /// one list.
    fn duplicated(&self) -> bool {
        self.ids.duplicated() > 0
    }

    /// Brings the findings up to date after an edit of `scope` was applied
    /// to `map`.
    pub fn update(&mut self, map: &Map, scope: &Scope) {
        if scope.all
            || self.stages.len() != map.stages.len()
            || self.personas.len() != map.personas.len()
        {
            self.rebuild(map);
            return;
        }
        let mut moved: Vec<Sym> = Vec::new();
        let mut stages = scope.stages.clone();
        stages.sort_unstable();
        stages.dedup();
        for &s in &stages {
            self.check_stage(map, s, &mut moved);
        }
        let mut personas = scope.personas.clone();
        for &sym in &moved {
            personas.extend(self.ids.visitors(sym).iter().map(|&p| p as usize));
        }
        personas.sort_unstable();
        personas.dedup();
        let mut visits_changed: Vec<Sym> = Vec::new();
        for &p in &personas {
            self.check_persona(map, p, &mut visits_changed);
        }
        for &sym in &visits_changed {
            stages.extend(self.ids.stages(sym).iter().map(|&s| s as usize));
        }
        stages.sort_unstable();
        stages.dedup();
        for &s in &stages {
            self.unvisited(map, s);
        }
        self.forget_unused();
        self.assemble(map);
    }

    fn rebuild(&mut self, map: &Map) {
        let version = self.version + 1;
        // Room for every item's id at once: no table or string is grown
        // by doubling, which would leave up to half of it unused.
        let (mut count, mut bytes) = (map.stages.len(), 0);
        for stage in &map.stages {
            count += stage.touchpoints.len();
            bytes += stage.id.len();
            bytes += stage.touchpoints.iter().map(|t| t.id.len()).sum::<usize>();
        }
        for persona in &map.personas {
            count += 1 + persona.paths.len();
            bytes += persona.id.len();
            bytes += persona.paths.iter().map(|p| p.id.len()).sum::<usize>();
        }
        *self = Checker {
            version,
            ids: Ids::with_capacity(count, bytes),
            ..Checker::default()
        };
        let mut ignored = Vec::new();
        self.stages.resize_with(map.stages.len(), StageSeg::default);
        self.personas
            .resize_with(map.personas.len(), PersonaSeg::default);
        for s in 0..map.stages.len() {
            self.check_stage(map, s, &mut ignored);
        }
        for p in 0..map.personas.len() {
            self.check_persona(map, p, &mut ignored);
        }
        for s in 0..map.stages.len() {
            self.unvisited(map, s);
        }
        self.forget_unused();
        // Every part gets a version no part had before, so that nothing
        // read from the parts before the rebuild is taken for current.
        for seg in &mut self.stages {
            self.version += 1;
            seg.version = self.version;
        }
        for seg in &mut self.personas {
            self.version += 1;
            seg.version = self.version;
        }
        self.assemble(map);
    }

    fn add_use(&mut self, id: &str) -> Sym {
        let sym = self.ids.intern(id);
        self.ids.add_use(sym);
        sym
    }

    fn drop_use(&mut self, sym: Sym) {
        self.ids.drop_use(sym);
        self.dropped.push(sym);
    }

    /// Takes out of the table the ids of this update that nothing holds
    /// any more.
    fn forget_unused(&mut self) {
        for sym in std::mem::take(&mut self.dropped) {
            self.ids.forget_if_unused(sym);
        }
    }

    /// Checks stage `s` again; the touchpoint ids whose stage changed (they
    /// came, went or moved) are added to `moved`.
    fn check_stage(&mut self, map: &Map, s: usize, moved: &mut Vec<Sym>) {
        let Some(stage) = map.stages.get(s) else {
            return;
        };
        let old = std::mem::take(&mut self.stages[s].ids);
        let same = old.len() == stage.touchpoints.len() + 1
            && old.first().is_some_and(|&id| self.ids.is(id, &stage.id))
            && old[1..]
                .iter()
                .zip(&stage.touchpoints)
                .all(|(&o, t)| self.ids.is(o, &t.id));
        if same {
            // A change of fields (a kind, a name): the table stays as it is.
            self.stages[s].ids = old;
        } else {
            self.restage(map, s, old, moved);
        }
        self.stage_findings(map, s);
    }

    /// Puts stage `s`'s new ids in the table in place of `old`. Only the
    /// ids between the longest unchanged head and tail are taken out and
    /// put in: an insert, a removal or a move touches one id, not the
    /// stage's thousand.
    fn restage(&mut self, map: &Map, s: usize, mut old: Vec<Sym>, moved: &mut Vec<Sym>) {
        let Some(stage) = map.stages.get(s) else {
            return;
        };
        match old.first() {
            Some(&id) if self.ids.is(id, &stage.id) => {}
            first => {
                if let Some(&id) = first {
                    self.drop_use(id);
                }
                let sym = self.add_use(&stage.id);
                if old.is_empty() {
                    // A new stage, as in a rebuild: room for all its ids.
                    old.reserve_exact(1 + stage.touchpoints.len());
                    old.push(sym);
                } else {
                    old[0] = sym;
                }
            }
        }
        let now = &stage.touchpoints;
        let head = old[1..]
            .iter()
            .zip(now)
            .take_while(|(o, t)| self.ids.is(**o, &t.id))
            .count();
        let tail = old[1 + head..]
            .iter()
            .rev()
            .zip(now[head..].iter().rev())
            .take_while(|(o, t)| self.ids.is(**o, &t.id))
            .count();
        let gone = 1 + head..old.len() - tail;
        let came = head..now.len() - tail;
        // Touchpoint ids this stage now holds more or fewer times: their
        // steps may have found or lost their touchpoint, or changed stage.
        let mut diff: FxHashMap<Sym, i32> = FxHashMap::default();
        for &sym in &old[gone.clone()] {
            self.drop_use(sym);
            *diff.entry(sym).or_default() -= 1;
            self.ids.drop_stage(sym, s);
        }
        let mut ids = Vec::with_capacity(came.len());
        for t in &now[came] {
            let sym = self.add_use(&t.id);
            *diff.entry(sym).or_default() += 1;
            self.ids.add_stage(sym, s);
            ids.push(sym);
        }
        moved.extend(
            diff.into_iter()
                .filter(|(_, d)| *d != 0)
                .map(|(sym, _)| sym),
        );
        old.splice(gone, ids);
        self.stages[s].ids = old;
    }

    /// Stage `s`'s own and its touchpoints' findings.
    fn stage_findings(&mut self, map: &Map, s: usize) {
        let Some(stage) = map.stages.get(s) else {
            return;
        };
        let mut local = Vec::new();
        let item = Item::Stage { stage: s };
        named(&mut local, item, &stage.name, &stage.id);
        if stage.touchpoints.is_empty() {
            local.push(Finding::new(Rule::EmptyStage, item));
        }
        let mut names = FxHashMap::default();
        for (i, t) in stage.touchpoints.iter().enumerate() {
            named(
                &mut local,
                Item::Touchpoint { stage: s, index: i },
                &t.name,
                &t.id,
            );
            duplicate_name(&mut names, &mut local, s, i, &t.name);
        }
        let seg = &mut self.stages[s];
        if seg.local != local {
            local.shrink_to_fit();
            seg.errors = errors_in(&local);
            seg.local = local;
            self.version += 1;
            seg.version = self.version;
        }
        let seg = &mut self.stages[s];
        seg.allows = usize::from(!stage.allow.is_empty())
            + stage
                .touchpoints
                .iter()
                .filter(|t| !t.allow.is_empty())
                .count();
    }

    /// Checks persona `p` again; touchpoint ids whose visits rose from or
    /// fell to none are added to `changed`.
    fn check_persona(&mut self, map: &Map, p: usize, changed: &mut Vec<Sym>) {
        let Some(persona) = map.personas.get(p) else {
            return;
        };
        for sym in std::mem::take(&mut self.personas[p].ids) {
            self.drop_use(sym);
        }
        let old_steps = std::mem::take(&mut self.personas[p].steps);
        let mut diff: FxHashMap<Sym, i32> = FxHashMap::default();
        for &sym in &old_steps {
            *diff.entry(sym).or_default() -= 1;
            self.ids.drop_visitor(sym, p);
            self.dropped.push(sym);
        }
        let mut ids = Vec::with_capacity(1 + persona.paths.len());
        ids.push(self.add_use(&persona.id));
        let mut steps = Vec::with_capacity(persona.paths.iter().map(|k| k.steps.len()).sum());
        for path in &persona.paths {
            ids.push(self.add_use(&path.id));
            for step in &path.steps {
                let sym = self.ids.intern(&step.touchpoint);
                *diff.entry(sym).or_default() += 1;
                self.ids.add_visitor(sym, p);
                steps.push(sym);
            }
        }
        for (sym, d) in diff {
            let now = self.ids.visitors(sym).len() as i32;
            if d != 0 && (now == 0) != (now - d == 0) {
                changed.push(sym);
            }
        }
        let mut local = Vec::new();
        let item = Item::Persona { persona: p };
        named(&mut local, item, &persona.name, &persona.id);
        if persona.paths.is_empty() {
            local.push(Finding::new(Rule::PersonaWithoutPath, item));
        }
        for (k, path) in persona.paths.iter().enumerate() {
            named(
                &mut local,
                Item::Path {
                    persona: p,
                    path: k,
                },
                &path.name,
                &path.id,
            );
            let ids = &self.ids;
            path_findings(&mut local, p, k, path, |id| {
                ids.get(id).and_then(|sym| ids.stage(sym))
            });
        }
        let seg = &mut self.personas[p];
        seg.ids = ids;
        seg.steps = steps;
        if seg.local != local {
            local.shrink_to_fit();
            seg.errors = errors_in(&local);
            seg.local = local;
            self.version += 1;
            seg.version = self.version;
        }
        let seg = &mut self.personas[p];
        seg.allows = usize::from(!persona.allow.is_empty())
            + persona.paths.iter().filter(|p| !p.allow.is_empty()).count();
    }

    /// Which of stage `s`'s touchpoints no step names, read from the
    /// stage's symbols (current: the stage was checked if it changed).
    fn unvisited(&mut self, map: &Map, s: usize) {
        let Some(stage) = map.stages.get(s) else {
            return;
        };
        let seg = &self.stages[s];
        debug_assert_eq!(seg.ids.len(), stage.touchpoints.len() + 1);
        let mut unvisited: Vec<u32> = seg
            .ids
            .get(1..)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|&(_, &sym)| self.ids.visitors(sym).is_empty())
            .map(|(i, _)| i as u32)
            .collect();
        let seg = &mut self.stages[s];
        if seg.unvisited != unvisited {
            unvisited.shrink_to_fit();
            seg.unvisited = unvisited;
            self.version += 1;
            seg.version = self.version;
        }
    }

    /// Puts the parts together in the reference order.
    /// Keeps the map's own findings; with an id used twice, puts every
    /// finding in one sorted list, the duplicates found by the reference.
    fn assemble(&mut self, map: &Map) {
        let (head, converted) = (map_findings(map), converted_finding(map));
        if head != self.head || converted != self.converted || self.duplicated() {
            self.version += 1;
        }
        self.head = head;
        self.converted = converted;
        self.sorted = Vec::new();
        if self.duplicated() {
            // Rare, and an error the user fixes at once: the reference
            // finds which use of each id comes first.
            let mut list: Vec<Finding> = self.parts().collect();
            list.extend(findings_of_rule(map, Rule::DuplicateId));
            list.sort_by_key(order);
            self.sorted = list;
        }
        self.count();
    }

    /// The parts in the reference's order, each finding made as it is
    /// read: no list of them is kept.
    fn parts(&self) -> impl Iterator<Item = Finding> + '_ {
        let stages = self.stages.iter().flat_map(|s| &s.local);
        let personas = self.personas.iter().flat_map(|p| &p.local);
        let unvisited = self
            .stages
            .iter()
            .enumerate()
            .flat_map(|(s, seg)| seg.unvisited.iter().map(move |&i| unvisited(s, i)));
        self.head
            .iter()
            .chain(stages)
            .chain(personas)
            .chain(&self.converted)
            .copied()
            .chain(unvisited)
    }
}

/// How many of `list` are errors.
fn errors_in(list: &[Finding]) -> usize {
    list.iter()
        .filter(|f| f.rule.severity() == crate::core::validate::Severity::Error)
        .count()
}

/// The reference's findings of one rule.
fn findings_of_rule(map: &Map, rule: Rule) -> Vec<Finding> {
    findings(map)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// A blank name and an id that is not a slug; duplicate ids are found apart.
fn named(out: &mut Vec<Finding>, item: Item, name: &str, id: &str) {
    if name.trim().is_empty() {
        out.push(Finding::new(Rule::EmptyName, item));
    }
    if !is_slug(id) {
        out.push(Finding::new(Rule::InvalidId, item));
    }
}

/// Where a finding comes in the reference order: the map's first findings,
/// then stage by stage with their touchpoints, persona by persona with
/// their paths and steps, then `no-converted-path`, then unvisited
/// touchpoints; within one item, in the order the rules are checked.
fn order(f: &Finding) -> (u8, usize, usize, usize, u8) {
    let rank = match f.rule {
        Rule::EmptyName => 0,
        Rule::NoStages | Rule::InvalidId => 1,
        Rule::DuplicateId => 2,
        _ => 3,
    };
    match (f.rule, f.item) {
        (Rule::NoConvertedPath, _) => (3, 0, 0, 0, 0),
        (Rule::UnvisitedTouchpoint, Item::Touchpoint { stage, index }) => (4, stage, index, 0, 0),
        (_, Item::Map) => (0, 0, 0, 0, rank),
        (_, Item::Stage { stage }) => (1, stage, 0, 0, rank),
        (_, Item::Touchpoint { stage, index }) => (1, stage, index + 1, 0, rank),
        (_, Item::Persona { persona }) => (2, persona, 0, 0, rank),
        (_, Item::Path { persona, path }) => (2, persona, path + 1, 0, rank),
        (
            _,
            Item::Step {
                persona,
                path,
                step,
            },
        ) => (2, persona, path + 1, step + 1, rank),
    }
}
