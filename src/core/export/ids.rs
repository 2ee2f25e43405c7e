//! Node ids for DOT and Mermaid: derived from the map's ids, so that a diff
//! of two exports reads like a diff of the maps, but safe in every syntax
//! and unique even when the map's ids are not.

use std::collections::HashSet;

/// Hands out unique, syntax-safe ids.
#[derive(Default)]
pub(crate) struct Ids {
    /// Only asked "is this taken?", never iterated, so its order cannot
    /// reach an export.
    used: HashSet<String>,
    /// Keep `-` (DOT) or turn it into `_` (Mermaid, where `--` starts a link).
    keep_dash: bool,
}

impl Ids {
    /// Ids made of ASCII letters, digits, `_` and, if `keep_dash`, `-`.
    pub fn new(keep_dash: bool) -> Ids {
        Ids {
            used: HashSet::new(),
            keep_dash,
        }
    }

    /// `prefix` followed by `id` with every other character turned into `_`;
    /// a suffix `_2`, `_3`… makes it unique. The prefix keeps the id clear
    /// of keywords (`node`, `end`, `graph`) and of leading digits.
    pub fn make(&mut self, prefix: &str, id: &str) -> String {
        let mut base = String::with_capacity(prefix.len() + id.len());
        base.push_str(prefix);
        base.extend(id.chars().map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || (c == '-' && self.keep_dash) {
                c
            } else {
                '_'
            }
        }));
        if self.used.insert(base.clone()) {
            return base;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{base}_{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_and_unique() {
        let mut ids = Ids::new(false);
        assert_eq!(ids.make("t_", "web-site"), "t_web_site");
        assert_eq!(ids.make("t_", "web_site"), "t_web_site_2");
        assert_eq!(ids.make("t_", "web.site"), "t_web_site_3");
        assert_eq!(ids.make("t_", "\"]; x"), "t_____x");
        let mut dot = Ids::new(true);
        assert_eq!(dot.make("tp_", "web-site"), "tp_web-site");
    }
}
