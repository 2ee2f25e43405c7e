//! Validation: rules that turn a map into findings. A finding is data, not an
//! error; the caller decides what fails.
//!
//! A finding names the items it is about, and thousands of findings may name
//! the same path or stage: every name and id in a finding is cut to
//! [`NAME_MAX`] characters, so that their memory stays bounded by the size
//! of the map, whatever its names hold.

mod incremental;
pub use incremental::{Checker, PersonaPart, Scope, StagePart};

use crate::core::format::SourceIndex;
use crate::core::model::{Map, TouchpointIndex};
use crate::core::text::{NAME_MAX, cut};
// Hash maps are only used for lookups here, never iterated, so their order
// cannot leak into output; the Fx hash is several times faster on short ids.
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::collections::hash_map::Entry;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A validation rule. Names are stable: they appear in messages and in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    EmptyStage,
    NoStages,
    DuplicateId,
    UnknownTouchpoint,
    EmptyName,
    InvalidId,
    PersonaWithoutPath,
    EmptyPath,
    UnvisitedTouchpoint,
    BackwardStep,
    DuplicateName,
    RonComments,
    UnusedAllow,
    NoConvertedPath,
}

impl Rule {
    /// Every rule, in the order the README's table lists them.
    pub const ALL: [Rule; 14] = [
        Rule::EmptyStage,
        Rule::NoStages,
        Rule::DuplicateId,
        Rule::UnknownTouchpoint,
        Rule::EmptyName,
        Rule::InvalidId,
        Rule::PersonaWithoutPath,
        Rule::EmptyPath,
        Rule::UnvisitedTouchpoint,
        Rule::BackwardStep,
        Rule::DuplicateName,
        Rule::RonComments,
        Rule::UnusedAllow,
        Rule::NoConvertedPath,
    ];

    /// The stable kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            Rule::EmptyStage => "empty-stage",
            Rule::NoStages => "no-stages",
            Rule::DuplicateId => "duplicate-id",
            Rule::UnknownTouchpoint => "unknown-touchpoint",
            Rule::EmptyName => "empty-name",
            Rule::InvalidId => "invalid-id",
            Rule::PersonaWithoutPath => "persona-without-path",
            Rule::EmptyPath => "empty-path",
            Rule::UnvisitedTouchpoint => "unvisited-touchpoint",
            Rule::BackwardStep => "backward-step",
            Rule::DuplicateName => "duplicate-name",
            Rule::RonComments => "ron-comments",
            Rule::UnusedAllow => "unused-allow",
            Rule::NoConvertedPath => "no-converted-path",
        }
    }

    /// How bad a finding of this rule is.
    pub fn severity(self) -> Severity {
        match self {
            Rule::EmptyStage
            | Rule::NoStages
            | Rule::DuplicateId
            | Rule::UnknownTouchpoint
            | Rule::EmptyName => Severity::Error,
            Rule::InvalidId
            | Rule::PersonaWithoutPath
            | Rule::EmptyPath
            | Rule::UnvisitedTouchpoint
            | Rule::BackwardStep
            | Rule::DuplicateName
            | Rule::RonComments
            | Rule::UnusedAllow
            | Rule::NoConvertedPath => Severity::Warning,
        }
    }

    /// What the rule finds, for help and docs.
    pub fn summary(self) -> &'static str {
        match self {
            Rule::EmptyStage => "a stage with no touchpoints",
            Rule::NoStages => "a map with no stages",
            Rule::DuplicateId => "the same id used twice",
            Rule::UnknownTouchpoint => "a path step that names no touchpoint",
            Rule::EmptyName => "a blank name or title",
            Rule::InvalidId => "an id that is not a slug (a-z, 0-9 and single dashes)",
            Rule::PersonaWithoutPath => "a persona with no path",
            Rule::EmptyPath => "a path with no steps",
            Rule::UnvisitedTouchpoint => "a touchpoint that no path visits",
            Rule::BackwardStep => "a path step whose stage comes before the previous step's stage",
            Rule::DuplicateName => "a touchpoint with the same name as another in its stage",
            Rule::RonComments => "comments in the file, which a save would drop",
            Rule::UnusedAllow => "an `allow` that silences nothing",
            Rule::NoConvertedPath => {
                "personas with paths, none of which converts: nothing to attribute"
            }
        }
    }
}

/// The item a finding is about, by position in the map that was validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    Map,
    Stage {
        stage: usize,
    },
    Touchpoint {
        stage: usize,
        index: usize,
    },
    Persona {
        persona: usize,
    },
    Path {
        persona: usize,
        path: usize,
    },
    Step {
        persona: usize,
        path: usize,
        step: usize,
    },
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    pub item: Item,
    /// The id of the item (for a step: its path's id); empty for the map.
    /// Cut to [`NAME_MAX`] characters, ending in `…`, where it is longer.
    pub id: String,
    /// The 1-based line in the file, where known.
    pub line: Option<usize>,
}

/// A finding as data: the rule, the item and, for a finding that names a
/// second item (the first user of a duplicate id, the previous step of a
/// backward step, the first touchpoint of a duplicate name), that item. The
/// message is written only when the finding is shown, by [`describe`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Finding {
    pub rule: Rule,
    pub item: Item,
    pub other: Option<Item>,
    /// For a backward step: the stages it goes from and to.
    pub stages: Option<(usize, usize)>,
}

impl Finding {
    fn new(rule: Rule, item: Item) -> Finding {
        Finding {
            rule,
            item,
            other: None,
            stages: None,
        }
    }
}

/// Runs every rule on the map. Linear in the size of the map.
pub fn validate(map: &Map) -> Vec<Diagnostic> {
    findings(map).iter().map(|f| describe(map, f)).collect()
}

/// Every finding of every rule, as data, in the order `validate` reports
/// them. The reference that incremental checking is held equal to.
pub fn findings(map: &Map) -> Vec<Finding> {
    let mut out = map_findings(map);
    let mut first_use: FxHashMap<&str, Item> = FxHashMap::default();
    let named = |out: &mut Vec<Finding>, item: Item, name: &str, id: &str| {
        if name.trim().is_empty() {
            out.push(Finding::new(Rule::EmptyName, item));
        }
        if !is_slug(id) {
            out.push(Finding::new(Rule::InvalidId, item));
        }
    };
    for (s, stage) in map.stages.iter().enumerate() {
        let item = Item::Stage { stage: s };
        named(&mut out, item, &stage.name, &stage.id);
        first(&mut first_use, &mut out, item, &stage.id);
        if stage.touchpoints.is_empty() {
            out.push(Finding::new(Rule::EmptyStage, item));
        }
        let mut names: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, t) in stage.touchpoints.iter().enumerate() {
            let item = Item::Touchpoint { stage: s, index: i };
            named(&mut out, item, &t.name, &t.id);
            first(&mut first_use, &mut out, item, &t.id);
            duplicate_name(&mut names, &mut out, s, i, &t.name);
        }
    }
    let index = TouchpointIndex::new(map);
    let mut visited: FxHashSet<&str> = FxHashSet::default();
    for (p, persona) in map.personas.iter().enumerate() {
        let item = Item::Persona { persona: p };
        named(&mut out, item, &persona.name, &persona.id);
        first(&mut first_use, &mut out, item, &persona.id);
        if persona.paths.is_empty() {
            out.push(Finding::new(Rule::PersonaWithoutPath, item));
        }
        for (k, path) in persona.paths.iter().enumerate() {
            let item = Item::Path {
                persona: p,
                path: k,
            };
            named(&mut out, item, &path.name, &path.id);
            first(&mut first_use, &mut out, item, &path.id);
            for step in &path.steps {
                visited.insert(step.touchpoint.as_str());
            }
            path_findings(&mut out, p, k, path, |id| index.get(id).map(|at| at.stage));
        }
    }
    out.extend(converted_finding(map));
    for (s, stage) in map.stages.iter().enumerate() {
        for (i, t) in stage.touchpoints.iter().enumerate() {
            if !visited.contains(t.id.as_str()) {
                out.push(Finding::new(
                    Rule::UnvisitedTouchpoint,
                    Item::Touchpoint { stage: s, index: i },
                ));
            }
        }
    }
    out
}

/// `duplicate-id`: every use of an id after the first.
fn first<'a>(
    first_use: &mut FxHashMap<&'a str, Item>,
    out: &mut Vec<Finding>,
    item: Item,
    id: &'a str,
) {
    match first_use.entry(id) {
        Entry::Occupied(first) => out.push(Finding {
            rule: Rule::DuplicateId,
            item,
            other: Some(*first.get()),
            stages: None,
        }),
        Entry::Vacant(slot) => {
            slot.insert(item);
        }
    }
}

/// `duplicate-name`: a touchpoint named as an earlier one of its stage.
/// Blank names are `empty-name`'s.
pub(crate) fn duplicate_name<'a>(
    names: &mut FxHashMap<&'a str, usize>,
    out: &mut Vec<Finding>,
    stage: usize,
    index: usize,
    name: &'a str,
) {
    let name = name.trim();
    if name.is_empty() {
        return;
    }
    match names.entry(name) {
        Entry::Occupied(first) => out.push(Finding {
            rule: Rule::DuplicateName,
            item: Item::Touchpoint { stage, index },
            other: Some(Item::Touchpoint {
                stage,
                index: *first.get(),
            }),
            stages: None,
        }),
        Entry::Vacant(slot) => {
            slot.insert(index);
        }
    }
}

/// The map's own findings that come first: a blank title, no stages.
pub(crate) fn map_findings(map: &Map) -> Vec<Finding> {
    let mut out = Vec::new();
    if map.title.trim().is_empty() {
        out.push(Finding::new(Rule::EmptyName, Item::Map));
    }
    if map.stages.is_empty() {
        out.push(Finding::new(Rule::NoStages, Item::Map));
    }
    out
}

/// A path's own findings after its name and id: no steps, steps to no
/// touchpoint, steps back to an earlier stage. `stage_of` gives the stage
/// of a touchpoint id (the first touchpoint with it).
pub(crate) fn path_findings(
    out: &mut Vec<Finding>,
    p: usize,
    k: usize,
    path: &crate::core::model::Path,
    stage_of: impl Fn(&str) -> Option<usize>,
) {
    if path.steps.is_empty() {
        out.push(Finding::new(
            Rule::EmptyPath,
            Item::Path {
                persona: p,
                path: k,
            },
        ));
    }
    let mut previous: Option<(usize, usize)> = None;
    for (n, step) in path.steps.iter().enumerate() {
        let item = Item::Step {
            persona: p,
            path: k,
            step: n,
        };
        let Some(stage) = stage_of(&step.touchpoint) else {
            out.push(Finding::new(Rule::UnknownTouchpoint, item));
            continue;
        };
        if let Some((prev_stage, prev)) = previous
            && stage < prev_stage
        {
            out.push(Finding {
                rule: Rule::BackwardStep,
                item,
                other: Some(Item::Step {
                    persona: p,
                    path: k,
                    step: prev,
                }),
                stages: Some((prev_stage, stage)),
            });
        }
        previous = Some((stage, n));
    }
}

/// `no-converted-path`: with paths but no conversion, `journey insight`
/// has nothing to attribute. A converted path of `customers: 0` counts no
/// conversion.
pub(crate) fn converted_finding(map: &Map) -> Option<Finding> {
    let mut paths = map.personas.iter().flat_map(|p| &p.paths).peekable();
    paths.peek()?;
    let converts = |p: &crate::core::model::Path| {
        p.outcome == crate::core::model::Outcome::Converted && p.customer_count() > 0
    };
    (!paths.any(converts)).then(|| Finding::new(Rule::NoConvertedPath, Item::Map))
}

/// What an item is called in messages, its name and its id.
fn named_item(map: &Map, item: Item) -> (&'static str, &str, &str) {
    let none = ("item", "", "");
    match item {
        Item::Map => ("map", map.title.as_str(), ""),
        Item::Stage { stage } => map
            .stages
            .get(stage)
            .map_or(none, |s| ("stage", &s.name, &s.id)),
        Item::Touchpoint { stage, index } => map
            .stages
            .get(stage)
            .and_then(|s| s.touchpoints.get(index))
            .map_or(none, |t| ("touchpoint", &t.name, &t.id)),
        Item::Persona { persona } => map
            .personas
            .get(persona)
            .map_or(none, |p| ("persona", &p.name, &p.id)),
        Item::Path { persona, path } | Item::Step { persona, path, .. } => map
            .personas
            .get(persona)
            .and_then(|p| p.paths.get(path))
            .map_or(none, |p| ("path", &p.name, &p.id)),
    }
}

/// The touchpoint id a step names.
fn step_target(map: &Map, item: Item) -> &str {
    let Item::Step {
        persona,
        path,
        step,
    } = item
    else {
        return "";
    };
    map.personas
        .get(persona)
        .and_then(|p| p.paths.get(path))
        .and_then(|p| p.steps.get(step))
        .map_or("", |s| s.touchpoint.as_str())
}

/// Writes a finding's message, as `journey check` and the problems panel
/// show it, from the map it was found in.
pub fn describe(map: &Map, f: &Finding) -> Diagnostic {
    let (what, name, id) = named_item(map, f.item);
    let this = || format!("{what} {}", quote(name));
    let message = match f.rule {
        Rule::EmptyName if f.item == Item::Map => "the map has no title".to_string(),
        Rule::EmptyName => format!("{what} {} has no name", code(id)),
        Rule::NoStages => "the map has no stages".to_string(),
        Rule::InvalidId => format!(
            "{} has the id {}, which is not a slug (a-z, 0-9 and single dashes)",
            this(),
            code(id)
        ),
        Rule::DuplicateId => {
            let (first_what, first_name, _) = f.other.map_or(("item", "", ""), |o| named_item(map, o));
            format!(
                "{} has the id {}, already used by {first_what} {}",
                this(),
                code(id),
                quote(first_name)
            )
        }
        Rule::DuplicateName => {
            let (_, _, first_id) = f.other.map_or(("item", "", ""), |o| named_item(map, o));
            let stage = match f.item {
                Item::Touchpoint { stage, .. } => map.stages.get(stage).map_or("", |s| &s.name),
                _ => "",
            };
            format!(
                "{} ({}) has the same name as touchpoint {} in stage {}",
                this(),
                cut(id, NAME_MAX),
                code(first_id),
                quote(stage)
            )
        }
        Rule::EmptyStage => format!("stage {} ({}) has no touchpoints", quote(name), cut(id, NAME_MAX)),
        Rule::PersonaWithoutPath => {
            format!("persona {} ({}) has no path", quote(name), cut(id, NAME_MAX))
        }
        Rule::UnvisitedTouchpoint => {
            format!("touchpoint {} ({}) is on no path", quote(name), cut(id, NAME_MAX))
        }
        Rule::NoConvertedPath => "the map has personas and paths, but no path converts, so `journey insight` has nothing to attribute".to_string(),
        Rule::EmptyPath | Rule::UnknownTouchpoint | Rule::BackwardStep => {
            let persona = match f.item {
                Item::Path { persona, .. } | Item::Step { persona, .. } => {
                    map.personas.get(persona).map_or("", |p| &p.name)
                }
                _ => "",
            };
            let this = format!("path {} ({}) of {}", quote(name), cut(id, NAME_MAX), quote(persona));
            let n = match f.item {
                Item::Step { step, .. } => step + 1,
                _ => 0,
            };
            match f.rule {
                Rule::EmptyPath => format!("{this} has no steps"),
                Rule::UnknownTouchpoint => {
                    let target = step_target(map, f.item);
                    format!(
                        "step {n} of {this} names touchpoint {}, which does not exist",
                        code(target)
                    )
                }
                _ => {
                    let prev = f.other.map_or("", |o| step_target(map, o));
                    let target = step_target(map, f.item);
                    let stage_name = |s: usize| map.stages.get(s).map_or("", |s| s.name.as_str());
                    let (from, to) = f.stages.unwrap_or_default();
                    let (prev_stage, stage) = (stage_name(from), stage_name(to));
                    format!(
                        "step {n} of {this} goes back from stage {} (at {}) to stage {} (at {})",
                        quote(prev_stage),
                        code(prev),
                        quote(stage),
                        code(target)
                    )
                }
            }
        }
        // Not found on the map: these come from the source and the allows.
        Rule::RonComments | Rule::UnusedAllow => String::new(),
    };
    Diagnostic {
        rule: f.rule,
        severity: f.rule.severity(),
        message,
        item: f.item,
        id: cut(id, NAME_MAX).into_owned(),
        line: None,
    }
}

/// Findings about the file's text rather than the map: comments, which a
/// save would drop.
pub fn validate_source(source: &SourceIndex) -> Vec<Diagnostic> {
    let Some(&line) = source.comment_lines.first() else {
        return Vec::new();
    };
    let count = source.comment_lines.len();
    vec![Diagnostic {
        rule: Rule::RonComments,
        severity: Rule::RonComments.severity(),
        message: format!(
            "the file holds {count} comment{}, which a save from journey drops; move what matters into `description` or `notes`",
            if count == 1 { "" } else { "s" }
        ),
        item: Item::Map,
        id: String::new(),
        line: Some(line),
    }]
}

/// Fills in the file line of each finding from the scanned source.
pub fn attach_lines(diagnostics: &mut [Diagnostic], map: &Map, source: &SourceIndex) {
    if diagnostics.iter().all(|d| d.line.is_some()) {
        return;
    }
    let lines = ItemLines::new(map, source);
    for d in diagnostics.iter_mut().filter(|d| d.line.is_none()) {
        d.line = lines.get(d.item);
    }
}

/// The line of every item, found by the nth occurrence of its id (or, for a
/// step, of its touchpoint id) in the file.
struct ItemLines {
    stages: Vec<Option<usize>>,
    touchpoints: Vec<Vec<Option<usize>>>,
    personas: Vec<Option<usize>>,
    paths: Vec<Vec<Option<usize>>>,
    steps: Vec<Vec<Vec<Option<usize>>>>,
}

impl ItemLines {
    fn new<'m>(map: &'m Map, source: &SourceIndex) -> ItemLines {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let mut id_line = |id: &'m str| {
            let n = seen.entry_ref_count(id);
            source.id_line(id, n)
        };
        let mut stages = Vec::new();
        let mut touchpoints = Vec::new();
        for stage in &map.stages {
            stages.push(id_line(&stage.id));
            touchpoints.push(stage.touchpoints.iter().map(|t| id_line(&t.id)).collect());
        }
        let mut personas = Vec::new();
        let mut paths = Vec::new();
        let mut steps = Vec::new();
        let mut step_seen: BTreeMap<&str, usize> = BTreeMap::new();
        for persona in &map.personas {
            personas.push(id_line(&persona.id));
            paths.push(persona.paths.iter().map(|p| id_line(&p.id)).collect());
            steps.push(
                persona
                    .paths
                    .iter()
                    .map(|p| {
                        p.steps
                            .iter()
                            .map(|s| {
                                let n = step_seen.entry_ref_count(&s.touchpoint);
                                source.step_line(&s.touchpoint, n)
                            })
                            .collect()
                    })
                    .collect(),
            );
        }
        ItemLines {
            stages,
            touchpoints,
            personas,
            paths,
            steps,
        }
    }

    fn get(&self, item: Item) -> Option<usize> {
        match item {
            Item::Map => None,
            Item::Stage { stage } => *self.stages.get(stage)?,
            Item::Touchpoint { stage, index } => *self.touchpoints.get(stage)?.get(index)?,
            Item::Persona { persona } => *self.personas.get(persona)?,
            Item::Path { persona, path } => *self.paths.get(persona)?.get(path)?,
            Item::Step {
                persona,
                path,
                step,
            } => *self.steps.get(persona)?.get(path)?.get(step)?,
        }
    }
}

trait CountOccurrence<'a> {
    /// Returns how often `key` was seen before, and counts this sighting.
    fn entry_ref_count(&mut self, key: &'a str) -> usize;
}

impl<'a> CountOccurrence<'a> for BTreeMap<&'a str, usize> {
    fn entry_ref_count(&mut self, key: &'a str) -> usize {
        let n = self.entry(key).or_insert(0);
        *n += 1;
        *n - 1
    }
}

/// True for a non-empty slug: a-z, 0-9 and single inner dashes.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Quotes a name for a message, cut to [`NAME_MAX`] characters.
fn quote(name: &str) -> String {
    format!("\"{}\"", cut(name, NAME_MAX))
}

/// An id in backticks for a message, cut to [`NAME_MAX`] characters.
fn code(id: &str) -> String {
    format!("`{}`", cut(id, NAME_MAX))
}
