//! Validation: rules that turn a map into findings. A finding is data, not an
//! error; the caller decides what fails.
//!
//! A finding names the items it is about, and thousands of findings may name
//! the same path or stage: every name and id in a finding is cut to
//! [`NAME_MAX`] characters, so that their memory stays bounded by the size
//! of the map, whatever its names hold.

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
    RonComments,
    UnusedAllow,
    NoConvertedPath,
}

impl Rule {
    /// Every rule, in the order the README's table lists them.
    pub const ALL: [Rule; 13] = [
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

/// Collects findings while the rules walk the map.
struct Findings<'a> {
    out: Vec<Diagnostic>,
    /// The first item that used each id: what it is and its name.
    first_use: FxHashMap<&'a str, (&'static str, &'a str)>,
}

impl<'a> Findings<'a> {
    fn push(&mut self, rule: Rule, item: Item, id: &str, message: String) {
        self.out.push(Diagnostic {
            rule,
            severity: rule.severity(),
            message,
            item,
            id: cut(id, NAME_MAX).into_owned(),
            line: None,
        });
    }

    /// The rules every named item with an id obeys: a name, a slug id, and
    /// an id nobody else uses.
    fn named(&mut self, item: Item, what: &'static str, name: &'a str, id: &'a str) {
        let this = || format!("{what} {}", quote(name));
        if name.trim().is_empty() {
            self.push(
                Rule::EmptyName,
                item,
                id,
                format!("{what} {} has no name", code(id)),
            );
        }
        if !is_slug(id) {
            self.push(
                Rule::InvalidId,
                item,
                id,
                format!(
                    "{} has the id {}, which is not a slug (a-z, 0-9 and single dashes)",
                    this(),
                    code(id)
                ),
            );
        }
        match self.first_use.entry(id) {
            Entry::Occupied(first) => {
                let (first_what, first_name) = *first.get();
                let message = format!(
                    "{} has the id {}, already used by {first_what} {}",
                    this(),
                    code(id),
                    quote(first_name)
                );
                self.push(Rule::DuplicateId, item, id, message);
            }
            Entry::Vacant(slot) => {
                slot.insert((what, name));
            }
        }
    }
}

/// Runs every rule on the map. Linear in the size of the map.
pub fn validate(map: &Map) -> Vec<Diagnostic> {
    let mut f = Findings {
        out: Vec::new(),
        first_use: FxHashMap::default(),
    };
    if map.title.trim().is_empty() {
        f.push(
            Rule::EmptyName,
            Item::Map,
            "",
            "the map has no title".into(),
        );
    }
    if map.stages.is_empty() {
        f.push(
            Rule::NoStages,
            Item::Map,
            "",
            "the map has no stages".into(),
        );
    }

    for (s, stage) in map.stages.iter().enumerate() {
        let item = Item::Stage { stage: s };
        f.named(item, "stage", &stage.name, &stage.id);
        if stage.touchpoints.is_empty() {
            f.push(
                Rule::EmptyStage,
                item,
                &stage.id,
                format!(
                    "stage {} ({}) has no touchpoints",
                    quote(&stage.name),
                    cut(&stage.id, NAME_MAX)
                ),
            );
        }
        for (i, t) in stage.touchpoints.iter().enumerate() {
            f.named(
                Item::Touchpoint { stage: s, index: i },
                "touchpoint",
                &t.name,
                &t.id,
            );
        }
    }

    let index = TouchpointIndex::new(map);
    let mut visited: FxHashSet<&str> = FxHashSet::default();
    for (p, persona) in map.personas.iter().enumerate() {
        let item = Item::Persona { persona: p };
        f.named(item, "persona", &persona.name, &persona.id);
        if persona.paths.is_empty() {
            f.push(
                Rule::PersonaWithoutPath,
                item,
                &persona.id,
                format!(
                    "persona {} ({}) has no path",
                    quote(&persona.name),
                    cut(&persona.id, NAME_MAX)
                ),
            );
        }
        for (k, path) in persona.paths.iter().enumerate() {
            let item = Item::Path {
                persona: p,
                path: k,
            };
            f.named(item, "path", &path.name, &path.id);
            // Written once per path: each finding about its steps copies
            // this, cut names and all.
            let this = format!(
                "path {} ({}) of {}",
                quote(&path.name),
                cut(&path.id, NAME_MAX),
                quote(&persona.name)
            );
            if path.steps.is_empty() {
                f.push(
                    Rule::EmptyPath,
                    item,
                    &path.id,
                    format!("{this} has no steps"),
                );
            }
            let mut previous: Option<(usize, &str)> = None;
            for (n, step) in path.steps.iter().enumerate() {
                let item = Item::Step {
                    persona: p,
                    path: k,
                    step: n,
                };
                visited.insert(step.touchpoint.as_str());
                let Some(pos) = index.get(&step.touchpoint) else {
                    let message = format!(
                        "step {} of {this} names touchpoint {}, which does not exist",
                        n + 1,
                        code(&step.touchpoint)
                    );
                    f.push(Rule::UnknownTouchpoint, item, &path.id, message);
                    continue;
                };
                if let Some((prev_stage, prev_id)) = previous
                    && pos.stage < prev_stage
                {
                    let message = format!(
                        "step {} of {this} goes back from stage {} (at {}) to stage {} (at {})",
                        n + 1,
                        quote(&map.stages[prev_stage].name),
                        code(prev_id),
                        quote(&map.stages[pos.stage].name),
                        code(&step.touchpoint)
                    );
                    f.push(Rule::BackwardStep, item, &path.id, message);
                }
                previous = Some((pos.stage, step.touchpoint.as_str()));
            }
        }
    }

    no_converted_path(map, &mut f);
    for (s, stage) in map.stages.iter().enumerate() {
        for (i, t) in stage.touchpoints.iter().enumerate() {
            if !visited.contains(t.id.as_str()) {
                f.push(
                    Rule::UnvisitedTouchpoint,
                    Item::Touchpoint { stage: s, index: i },
                    &t.id,
                    format!(
                        "touchpoint {} ({}) is on no path",
                        quote(&t.name),
                        cut(&t.id, NAME_MAX)
                    ),
                );
            }
        }
    }
    f.out
}

/// `no-converted-path`: with paths but no conversion, `journey insight`
/// has nothing to attribute. A converted path of `customers: 0` counts no
/// conversion.
fn no_converted_path(map: &Map, f: &mut Findings<'_>) {
    let mut paths = map.personas.iter().flat_map(|p| &p.paths).peekable();
    if paths.peek().is_none() {
        return;
    }
    let converts = |p: &crate::core::model::Path| {
        p.outcome == crate::core::model::Outcome::Converted && p.customer_count() > 0
    };
    if !paths.any(converts) {
        f.push(
            Rule::NoConvertedPath,
            Item::Map,
            "",
            "the map has personas and paths, but no path converts, so `journey insight` has nothing to attribute".into(),
        );
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
