//! What live validation found, read from the checker as it is shown: the
//! list is the checker's errors, then its warnings, and a row is looked up
//! by skipping whole stages and personas by their counts. Nothing is copied
//! or worded after an edit, so an edit at S3 (75,000 warnings) costs what
//! it changes. Only a map with `allow` lists has its findings sorted into
//! allowed and not after each edit, as [`crate::core::allow::sort`] does.

use crate::core::model::Map;
use crate::core::validate::{Checker, Diagnostic, Finding, Item, Rule, Severity, describe};

/// The live findings of one document, borrowed from it.
#[derive(Clone, Copy)]
pub struct Problems<'a> {
    pub(super) map: &'a Map,
    pub(super) checker: &'a Checker,
    /// Set while the map has an `allow` list.
    pub(super) sorted: Option<&'a Sorted>,
}

/// The findings sorted into allowed and not, kept while the map has an
/// `allow` list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Sorted {
    /// Errors, then warnings, then `unused-allow` warnings.
    list: Vec<Problem>,
    /// Warnings the map's `allow` lists accept: shown dimmed, not counted.
    allowed: Vec<Problem>,
    errors: usize,
}

/// One finding of live validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub rule: Rule,
    pub severity: Severity,
    pub item: Item,
    source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// A rule about the map, worded when shown.
    Map(Finding),
    /// An `unused-allow` warning, worded already.
    Allow(Box<Diagnostic>),
}

impl Problem {
    fn of(f: Finding) -> Problem {
        Problem {
            rule: f.rule,
            severity: f.rule.severity(),
            item: f.item,
            source: Source::Map(f),
        }
    }

    /// The finding with its message, as `journey check` words it, for the
    /// map it was found in.
    pub fn describe(&self, map: &Map) -> Diagnostic {
        match &self.source {
            Source::Map(f) => describe(map, f),
            Source::Allow(d) => (**d).clone(),
        }
    }
}

impl Sorted {
    /// Sorts the checker's findings into allowed and not.
    pub(super) fn of(map: &Map, checker: &Checker) -> Sorted {
        let is_error = |f: &&Finding| f.rule.severity() == Severity::Error;
        let (kept, allowed, unused) =
            crate::core::allow::sort(map, checker.findings().collect(), |f| (f.rule, f.item));
        let mut list: Vec<Problem> = kept
            .iter()
            .filter(is_error)
            .map(|f| Problem::of(*f))
            .collect();
        let errors = list.len();
        list.extend(
            kept.iter()
                .filter(|f| !is_error(f))
                .map(|f| Problem::of(*f)),
        );
        list.extend(unused.into_iter().map(|d| Problem {
            rule: d.rule,
            severity: d.severity,
            item: d.item,
            source: Source::Allow(Box::new(d)),
        }));
        Sorted {
            list,
            allowed: allowed.into_iter().map(Problem::of).collect(),
            errors,
        }
    }
}

impl<'a> Problems<'a> {
    /// How many errors.
    pub fn errors(&self) -> usize {
        match self.sorted {
            Some(s) => s.errors,
            None => self.checker.count_of(Severity::Error),
        }
    }

    /// How many warnings, the allowed ones not counted.
    pub fn warnings(&self) -> usize {
        match self.sorted {
            Some(s) => s.list.len() - s.errors,
            None => self.checker.count_of(Severity::Warning),
        }
    }

    /// How many findings the list holds: errors and warnings.
    pub fn len(&self) -> usize {
        self.errors() + self.warnings()
    }

    /// Whether there is no error and no warning (allowed ones aside).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many warnings an `allow` list accepts.
    pub fn allowed_len(&self) -> usize {
        self.sorted.map_or(0, |s| s.allowed.len())
    }

    /// The `n`-th finding of the list (0-based), errors first.
    pub fn get(&self, n: usize) -> Option<Problem> {
        self.iter_from(n).next()
    }

    /// The first finding of the list.
    pub fn first(&self) -> Option<Problem> {
        self.get(0)
    }

    /// The list: errors, then warnings, in the map's order within each.
    pub fn iter(&self) -> Box<dyn Iterator<Item = Problem> + 'a> {
        self.iter_from(0)
    }

    /// The list from its `n`-th finding on.
    fn iter_from(&self, n: usize) -> Box<dyn Iterator<Item = Problem> + 'a> {
        if let Some(s) = self.sorted {
            return Box::new(s.list.iter().skip(n).cloned());
        }
        let checker = self.checker;
        let errors = checker.count_of(Severity::Error);
        let of = Problem::of;
        if n < errors {
            Box::new(
                checker
                    .ranked(Severity::Error, n)
                    .chain(checker.ranked(Severity::Warning, 0))
                    .map(of),
            )
        } else {
            Box::new(checker.ranked(Severity::Warning, n - errors).map(of))
        }
    }

    /// The warnings an `allow` list accepts.
    pub fn allowed(&self) -> impl Iterator<Item = Problem> + 'a {
        self.sorted
            .into_iter()
            .flat_map(|s| s.allowed.iter().cloned())
    }

    /// The panel's rows from row `n` on: the list, then the allowed
    /// warnings, each with whether it is allowed.
    pub fn rows(&self, n: usize) -> impl Iterator<Item = (Problem, bool)> + 'a {
        let len = self.len();
        let list = self.iter_from(n).map(|p| (p, false));
        let allowed = self
            .allowed()
            .skip(n.saturating_sub(len))
            .map(|p| (p, true));
        list.chain(allowed)
    }

    /// The map the findings are about, for their words.
    pub fn map(&self) -> &'a Map {
        self.map
    }
}

impl PartialEq for Problems<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.errors() == other.errors()
            && self.warnings() == other.warnings()
            && self.allowed_len() == other.allowed_len()
            && self.iter().eq(other.iter())
            && self.allowed().eq(other.allowed())
    }
}

impl std::fmt::Debug for Problems<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Problems")
            .field("errors", &self.errors())
            .field("warnings", &self.warnings())
            .field("list", &self.iter().collect::<Vec<_>>())
            .field("allowed", &self.allowed().collect::<Vec<_>>())
            .finish()
    }
}
