//! Reading a [`Checker`]'s findings without copying them: how many there
//! are, the n-th error or warning, and each stage's and persona's part with
//! a version that changes whenever the part does. A list of 75,000
//! findings is then read only as far as a screen shows, and whoever keeps
//! facts about the findings (the board's problem marks) works out again
//! only the parts whose version moved.

use super::{Checker, unvisited};
use crate::core::validate::{Finding, Severity};

/// A stage's findings: its own and its touchpoints' (duplicate ids apart),
/// and its touchpoints that no path visits.
#[derive(Debug, Clone, Copy)]
pub struct StagePart<'a> {
    /// Equal versions of one checker's stage mean equal findings.
    pub version: u64,
    /// The stage's number.
    pub stage: usize,
    /// Its own and its touchpoints' findings.
    pub local: &'a [Finding],
    /// The indices of its touchpoints that no path visits: each is an
    /// `unvisited-touchpoint` warning.
    pub unvisited: &'a [u32],
}

impl<'a> StagePart<'a> {
    /// Its findings: `local`, then the `unvisited-touchpoint` warnings.
    pub fn findings(&self) -> impl Iterator<Item = Finding> + 'a {
        Slice {
            found: self.local,
            errors: 0,
            stage: self.stage,
            unvisited: self.unvisited,
        }
        .iter()
    }
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

/// A run of findings in the reference order: findings kept as they are,
/// then unvisited touchpoints of one stage kept as indices (one of the two
/// is empty).
#[derive(Clone, Copy)]
struct Slice<'a> {
    found: &'a [Finding],
    /// How many of `found` are errors.
    errors: usize,
    stage: usize,
    unvisited: &'a [u32],
}

impl<'a> Slice<'a> {
    fn len(&self) -> usize {
        self.found.len() + self.unvisited.len()
    }

    fn iter(self) -> impl Iterator<Item = Finding> + 'a {
        let stage = self.stage;
        self.found.iter().copied().chain(
            self.unvisited
                .iter()
                .map(move |&index| unvisited(stage, index)),
        )
    }
}

impl Checker {
    /// Works out the totals after an update: a sum over the parts, not a
    /// walk over the findings.
    pub(super) fn count(&mut self) {
        if self.duplicated() {
            self.total = self.sorted.len();
            self.errors = super::errors_in(&self.sorted);
            return;
        }
        let (mut total, mut errors) = (0, 0);
        for part in self.slices() {
            total += part.len();
            errors += part.errors;
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
    ) -> Box<dyn Iterator<Item = Finding> + '_> {
        let of = move |f: &Finding| f.rule.severity() == severity;
        if self.duplicated() {
            // Rare, and the edit that made it walked the whole map already.
            return Box::new(self.sorted.iter().copied().filter(of).skip(from));
        }
        let mut skip = from;
        let mut first = None;
        for (n, part) in self.slices().enumerate() {
            let count = match severity {
                Severity::Error => part.errors,
                Severity::Warning => part.len() - part.errors,
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
                .flat_map(Slice::iter)
                .filter(of)
                .skip(skip),
        )
    }

    /// Whether the stage and persona parts hold every finding but the
    /// map's own: false while an id is used twice, when the duplicates are
    /// found by the reference and sorted in.
    pub fn by_part(&self) -> bool {
        !self.duplicated()
    }

    /// Stage `s`'s findings.
    pub fn stage_part(&self, s: usize) -> Option<StagePart<'_>> {
        self.stages.get(s).map(|seg| StagePart {
            version: seg.version,
            stage: s,
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
    fn slices(&self) -> impl Iterator<Item = Slice<'_>> {
        fn found(found: &[Finding], errors: usize) -> Slice<'_> {
            Slice {
                found,
                errors,
                stage: 0,
                unvisited: &[],
            }
        }
        let head = std::iter::once(found(&self.head, super::errors_in(&self.head)));
        let stages = self.stages.iter().map(|s| found(&s.local, s.errors));
        let personas = self.personas.iter().map(|p| found(&p.local, p.errors));
        let converted = std::iter::once(found(
            self.converted.as_slice(),
            super::errors_in(self.converted.as_slice()),
        ));
        // Unvisited touchpoints are warnings.
        let unvisited = self.stages.iter().enumerate().map(|(s, seg)| Slice {
            found: &[],
            errors: 0,
            stage: s,
            unvisited: &seg.unvisited,
        });
        head.chain(stages)
            .chain(personas)
            .chain(converted)
            .chain(unvisited)
    }
}
