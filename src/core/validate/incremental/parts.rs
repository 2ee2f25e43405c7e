//! Reading a [`Checker`]'s findings without copying them: how many there
//! are, the n-th error or warning, and each stage's and persona's part with
//! a version that changes whenever the part does. A list of 75,000
//! findings is then read only as far as a screen shows, and whoever keeps
//! facts about the findings (the board's problem marks) works out again
//! only the parts whose version moved.

use super::Checker;
use crate::core::validate::{Finding, Severity};

/// A stage's findings: its own and its touchpoints' (duplicate ids apart),
/// and its touchpoints that no path visits.
#[derive(Debug, Clone, Copy)]
pub struct StagePart<'a> {
    /// Equal versions of one checker's stage mean equal findings.
    pub version: u64,
    /// Its own and its touchpoints' findings.
    pub local: &'a [Finding],
    /// The `unvisited-touchpoint` warnings of its touchpoints.
    pub unvisited: &'a [Finding],
}

/// A persona's findings: its own, its paths' and their steps' (duplicate
/// ids apart).
#[derive(Debug, Clone, Copy)]
pub struct PersonaPart<'a> {
    /// Equal versions of one checker's persona mean equal findings.
    pub version: u64,
    /// The findings.
    pub local: &'a [Finding],
}

impl Checker {
    /// Works out the totals after an update: a sum over the parts, not a
    /// walk over the findings.
    pub(super) fn count(&mut self) {
        if self.duplicated > 0 {
            self.total = self.sorted.len();
            self.errors = super::errors_in(&self.sorted);
            return;
        }
        let (mut total, mut errors) = (0, 0);
        for (part, e) in self.slices() {
            total += part.len();
            errors += e;
        }
        self.total = total;
        self.errors = errors;
    }

    /// How many findings of this severity there are.
    pub fn count_of(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.total - self.errors,
        }
    }

    /// The findings of one severity in the order of
    /// [`findings`](crate::core::validate::findings), from the `from`-th on
    /// (0-based): the parts before it are skipped by their counts.
    pub fn ranked(
        &self,
        severity: Severity,
        from: usize,
    ) -> Box<dyn Iterator<Item = &Finding> + '_> {
        let of = move |f: &&Finding| f.rule.severity() == severity;
        if self.duplicated > 0 {
            // Rare, and the edit that made it walked the whole map already.
            return Box::new(self.sorted.iter().filter(of).skip(from));
        }
        let mut skip = from;
        let mut first = None;
        for (n, (part, errors)) in self.slices().enumerate() {
            let count = match severity {
                Severity::Error => errors,
                Severity::Warning => part.len() - errors,
            };
            if skip < count {
                first = Some(n);
                break;
            }
            skip -= count;
        }
        let Some(first) = first else {
            return Box::new(std::iter::empty());
        };
        Box::new(
            self.slices()
                .skip(first)
                .flat_map(|(part, _)| part.iter())
                .filter(of)
                .skip(skip),
        )
    }

    /// Whether the stage and persona parts hold every finding but the
    /// map's own: false while an id is used twice, when the duplicates are
    /// found by the reference and sorted in.
    pub fn by_part(&self) -> bool {
        self.duplicated == 0
    }

    /// Stage `s`'s findings.
    pub fn stage_part(&self, s: usize) -> Option<StagePart<'_>> {
        self.stages.get(s).map(|seg| StagePart {
            version: seg.version,
            local: &seg.local,
            unvisited: &seg.unvisited,
        })
    }

    /// Persona `p`'s findings.
    pub fn persona_part(&self, p: usize) -> Option<PersonaPart<'_>> {
        self.personas.get(p).map(|seg| PersonaPart {
            version: seg.version,
            local: &seg.local,
        })
    }

    /// The parts in the reference's order, each with its count of errors.
    fn slices(&self) -> impl Iterator<Item = (&[Finding], usize)> {
        let head = std::iter::once((self.head.as_slice(), super::errors_in(&self.head)));
        let stages = self.stages.iter().map(|s| (s.local.as_slice(), s.errors));
        let personas = self.personas.iter().map(|p| (p.local.as_slice(), p.errors));
        let converted = std::iter::once((
            self.converted.as_slice(),
            super::errors_in(self.converted.as_slice()),
        ));
        let unvisited = self.stages.iter().map(|s| (s.unvisited.as_slice(), 0));
        head.chain(stages)
            .chain(personas)
            .chain(converted)
            .chain(unvisited)
    }
}
