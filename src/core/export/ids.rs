//! Node ids for DOT and Mermaid: derived from the map's ids, so that a diff
//! of two exports reads like a diff of the maps, but safe in every syntax
//! and unique even when the map's ids are not.

use super::index::{FxBuild, Index};
use std::borrow::Cow;
use std::collections::HashSet;

/// Hands out unique, syntax-safe ids that all start with one prefix.
///
/// Different prefixes (`tp_`, `cluster_`…) never start one another, so ids
/// from two `Ids` cannot collide and each keeps its own set.
pub(crate) struct Ids<'a> {
    prefix: &'static str,
    /// Keep `-` (DOT) or turn it into `_` (Mermaid, where `--` starts a link).
    keep_dash: bool,
    /// Only asked "is this taken?", never iterated, so its order cannot
    /// reach an export. Ids that are safe already are borrowed, not copied:
    /// at S3 that is 100,000 allocations saved.
    used: HashSet<Cow<'a, str>, FxBuild>,
}

/// One id: the prefix, then the map's id made safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NodeId<'a> {
    prefix: &'static str,
    key: Cow<'a, str>,
}

impl NodeId<'_> {
    /// Appends the id, unquoted.
    pub fn push_to(&self, out: &mut String) {
        out.push_str(self.prefix);
        out.push_str(&self.key);
    }

    /// Appends the id in double quotes; it holds nothing that needs escaping.
    pub fn push_quoted(&self, out: &mut String) {
        out.push('"');
        self.push_to(out);
        out.push('"');
    }
}

impl std::fmt::Display for NodeId<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.prefix)?;
        f.write_str(&self.key)
    }
}

impl<'a> Ids<'a> {
    /// Ids of ASCII letters, digits, `_` and, if `keep_dash`, `-`. The
    /// prefix keeps them clear of keywords (`node`, `end`, `graph`) and of
    /// a leading digit.
    pub fn new(prefix: &'static str, keep_dash: bool) -> Ids<'a> {
        Ids::with_capacity(prefix, keep_dash, 0)
    }

    /// [`Ids::new`], with room for `capacity` ids.
    pub fn with_capacity(prefix: &'static str, keep_dash: bool, capacity: usize) -> Ids<'a> {
        Ids {
            prefix,
            keep_dash,
            used: HashSet::with_capacity_and_hasher(capacity, FxBuild::default()),
        }
    }

    fn safe(&self, c: char) -> bool {
        c.is_ascii_alphanumeric() || c == '_' || (c == '-' && self.keep_dash)
    }

    /// The id for `id`: every unsafe character turned into `_`, and a
    /// suffix `_2`, `_3`… where that is taken already.
    pub fn make(&mut self, id: &'a str) -> NodeId<'a> {
        let key: Cow<'a, str> = if id.chars().all(|c| self.safe(c)) {
            Cow::Borrowed(id)
        } else {
            Cow::Owned(
                id.chars()
                    .map(|c| if self.safe(c) { c } else { '_' })
                    .collect(),
            )
        };
        if self.used.insert(key.clone()) {
            return NodeId {
                prefix: self.prefix,
                key,
            };
        }
        let mut n = 2;
        loop {
            let candidate = format!("{key}_{n}");
            if !self.used.contains(candidate.as_str()) {
                self.used.insert(Cow::Owned(candidate.clone()));
                return NodeId {
                    prefix: self.prefix,
                    key: Cow::Owned(candidate),
                };
            }
            n += 1;
        }
    }
}

/// The ids of every touchpoint, in map order. Where the map's ids are all
/// safe and unique already, as in every map that passes `check`, they are
/// used as they are: no set to fill, which at S3 is a third of the export.
pub(crate) fn touchpoint_ids<'a>(
    index: &Index<'a>,
    prefix: &'static str,
    keep_dash: bool,
) -> Vec<NodeId<'a>> {
    let mut ids = Ids::with_capacity(prefix, keep_dash, 0);
    let safe = |id: &str| !id.is_empty() && id.chars().all(|c| ids.safe(c));
    if !index.duplicates && index.touchpoints.iter().all(|(_, t)| safe(&t.id)) {
        return index
            .touchpoints
            .iter()
            .map(|(_, t)| NodeId {
                prefix,
                key: Cow::Borrowed(t.id.as_str()),
            })
            .collect();
    }
    ids.used.reserve(index.touchpoints.len());
    index
        .touchpoints
        .iter()
        .map(|(_, t)| ids.make(&t.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_and_unique() {
        let mut ids = Ids::new("t_", false);
        let mut make = |id| ids.make(id).to_string();
        assert_eq!(make("web-site"), "t_web_site");
        assert_eq!(make("web_site"), "t_web_site_2");
        assert_eq!(make("web.site"), "t_web_site_3");
        assert_eq!(make("web_site_2"), "t_web_site_2_2");
        assert_eq!(make("\"]; x"), "t_____x");
        assert_eq!(make(""), "t_");
        assert_eq!(make(""), "t__2");
        let mut dot = Ids::new("tp_", true);
        assert_eq!(dot.make("web-site").to_string(), "tp_web-site");
    }
}
