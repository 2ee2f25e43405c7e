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

/// The node ids of every touchpoint.
pub(crate) enum TouchpointIds<'a> {
    /// The map's ids are all unique and safe already, as in every map that
    /// passes `check`: each node id is the prefix and the map's id, with
    /// nothing to look up, which at S3 is a third of the export.
    Plain(&'static str),
    /// Made ids, in map order.
    Made(Vec<NodeId<'a>>),
}

impl<'a> TouchpointIds<'a> {
    /// The node id of touchpoint number `n`, whose id in the map is `id`.
    /// Passing the id as well spares a lookup in the common case; it may
    /// be any string equal to the touchpoint's id, such as a step's.
    pub fn get(&self, n: usize, id: &'a str) -> NodeId<'a> {
        match self {
            TouchpointIds::Plain(prefix) => NodeId {
                prefix,
                key: Cow::Borrowed(id),
            },
            TouchpointIds::Made(ids) => ids[n].clone(),
        }
    }
}

/// The node ids of every touchpoint in `index`.
pub(crate) fn touchpoint_ids<'a>(
    index: &Index<'a>,
    prefix: &'static str,
    keep_dash: bool,
) -> TouchpointIds<'a> {
    if index.plain_ids(keep_dash) {
        return TouchpointIds::Plain(prefix);
    }
    let mut ids = Ids::with_capacity(prefix, keep_dash, index.touchpoints.len());
    TouchpointIds::Made(
        index
            .touchpoints
            .iter()
            .map(|(_, t)| ids.make(&t.id))
            .collect(),
    )
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
