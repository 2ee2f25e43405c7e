//! The three-way merge of maps by id, for `journey merge` and git's merge
//! driver.
//!
//! Items are matched by id: independent changes to different items, and to
//! different fields of one item, merge; additions on both sides are both
//! kept (ours first where they are neighbours); a rename on one side and a
//! move or an edit on the other both apply; a deletion wins over an
//! untouched item and clashes with an edit. Steps merge as a sequence.
//!
//! A true conflict is written with git's conflict markers around the
//! smallest block of the canonical layout that holds it: the merge is run
//! twice, once resolving every conflict our way and once their way, and the
//! two canonical texts differ exactly where the conflicts are.

pub mod items;
pub mod order;
pub mod steps;
pub mod text;

use crate::core::diff::changes::ItemKind;
use crate::core::model::Map;
use items::{Merger, merge_nested};
use order::Side;

/// One conflict: an item, and what both sides did to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub item: ItemKind,
    /// Empty for the map itself.
    pub id: String,
    pub name: String,
    /// What clashed: "name changed on both sides", "deleted on one side and
    /// changed on the other"…
    pub what: String,
}

impl Conflict {
    /// The conflict in words, naming the item as `check` does.
    pub fn describe(&self) -> String {
        match self.item {
            ItemKind::Map => format!("map: {}", self.what),
            kind => format!(
                "{} \"{}\" ({}): {}",
                kind.word(),
                crate::core::text::cut(&self.name, crate::core::text::NAME_MAX),
                self.id,
                self.what
            ),
        }
    }
}

/// What a merge gives.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged map, every conflict resolved our way.
    pub map: Map,
    /// The file to write: the canonical layout of `map` when there are no
    /// conflicts, and otherwise the layout with conflict markers.
    pub text: String,
    pub conflicts: Vec<Conflict>,
}

impl Merged {
    /// True when nothing conflicted.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// The first id used twice in a map, if any.
fn duplicate_id(map: &Map) -> Option<&str> {
    let mut seen = std::collections::BTreeSet::new();
    map.ids().find(|id| !seen.insert(*id))
}

/// Merges `ours` and `theirs`, both changed from `base`.
pub fn merge(base: &Map, ours: &Map, theirs: &Map) -> Merged {
    // Matching by id needs unique ids: where a side uses one twice, the
    // two versions are set against each other whole, line by line, rather
    // than one of the twins lost.
    let twice = [("base", base), ("ours", ours), ("theirs", theirs)]
        .into_iter()
        .find_map(|(side, m)| duplicate_id(m).map(|id| (side, id.to_string())));
    if let Some((side, id)) = twice {
        let conflicts = vec![Conflict {
            item: ItemKind::Map,
            id: String::new(),
            name: ours.title.clone(),
            what: format!(
                "{side} uses the id `{}` twice; journey merges by id, so the two versions are shown whole",
                crate::core::text::cut(&id, crate::core::text::NAME_MAX)
            ),
        }];
        let (a, b) = (
            crate::core::format::to_string(ours),
            crate::core::format::to_string(theirs),
        );
        let text = if a == b {
            a
        } else {
            text::with_markers(&a, &b, &conflicts)
        };
        return Merged {
            map: ours.clone(),
            text,
            conflicts,
        };
    }
    let (map, mut conflicts) = merge_side(base, ours, theirs, Side::Ours);
    let ours_text = crate::core::format::to_string(&map);
    if conflicts.is_empty() {
        conflicts = new_errors(&map, ours, theirs);
    }
    if conflicts.is_empty() || conflicts.iter().all(|c| c.what.starts_with(BROKEN)) {
        return Merged {
            map,
            text: ours_text,
            conflicts,
        };
    }
    let (their_map, _) = merge_side(base, ours, theirs, Side::Theirs);
    let theirs_text = crate::core::format::to_string(&their_map);
    let text = text::with_markers(&ours_text, &theirs_text, &conflicts);
    Merged {
        map,
        text,
        conflicts,
    }
}

/// How a conflict that no marker can show begins: a clean merge of two
/// valid maps that is not valid itself (both sides emptied one stage).
const BROKEN: &str = "the merged map breaks a rule neither side broke: ";

/// Errors of the merged map that neither side has: each side's edit is
/// fine alone, together they break a rule. Returned as conflicts, so that
/// the merge is not taken for clean.
fn new_errors(merged: &Map, ours: &Map, theirs: &Map) -> Vec<Conflict> {
    use crate::core::validate::{Severity, validate};
    let errors = |m: &Map| -> std::collections::BTreeSet<(&'static str, String)> {
        validate(m)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| (d.rule.name(), d.id))
            .collect()
    };
    let (o, t) = (errors(ours), errors(theirs));
    validate(merged)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| {
            let key = (d.rule.name(), d.id.clone());
            !o.contains(&key) && !t.contains(&key)
        })
        .map(|d| Conflict {
            item: ItemKind::Map,
            id: String::new(),
            name: String::new(),
            what: format!("{BROKEN}{} [{}]", d.message, d.rule.name()),
        })
        .collect()
}

/// The merged map with every conflict resolved to `side`, and the conflicts.
pub fn merge_side(base: &Map, ours: &Map, theirs: &Map, side: Side) -> (Map, Vec<Conflict>) {
    let mut m = Merger::new(side);
    let mut map = ours.clone();
    let field = |m: &mut Merger, name: &str, f: fn(&Map) -> &String| {
        m.field(
            ItemKind::Map,
            "",
            &ours.title,
            name,
            Some(f(base)),
            f(ours),
            f(theirs),
        )
    };
    map.title = field(&mut m, "title", |m| &m.title);
    map.description = field(&mut m, "description", |m| &m.description);
    map.conversion = field(&mut m, "conversion", |m| &m.conversion);
    map.currency = field(&mut m, "currency", |m| &m.currency);
    let title = ours.title.as_str();
    map.language = m.field(
        ItemKind::Map,
        "",
        title,
        "language",
        Some(&base.language),
        &ours.language,
        &theirs.language,
    );
    map.allow = m.field(
        ItemKind::Map,
        "",
        title,
        "allow",
        Some(&base.allow),
        &ours.allow,
        &theirs.allow,
    );
    // The writer writes the lowest format that holds the map, whatever this says.
    map.format = ours.format.max(theirs.format);
    // A touchpoint that a new step visits counts as changed on that side, so
    // that a deletion on the other side cannot leave the step dangling.
    let visits = |map: &Map, id: &str| {
        map.personas
            .iter()
            .flat_map(|p| &p.paths)
            .flat_map(|p| &p.steps)
            .filter(|s| s.touchpoint == id)
            .count()
    };
    let used_more = |side: Side, id: &str| {
        let map = match side {
            Side::Ours => ours,
            Side::Theirs => theirs,
        };
        visits(map, id) > visits(base, id)
    };
    map.stages = merge_nested(
        &mut m,
        &base.stages,
        &ours.stages,
        &theirs.stages,
        &used_more,
    );
    map.personas = merge_nested(
        &mut m,
        &base.personas,
        &ours.personas,
        &theirs.personas,
        &|_, _| false,
    );
    (map, m.conflicts)
}
