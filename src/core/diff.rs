//! What differs between two versions of a map, in words: "3 touchpoints
//! added, 1 persona changed". Used to tell a user what a recovery file or a
//! change on disk holds before they choose.

pub mod changes;
pub mod fields;
pub mod outline;
pub mod step_changes;
mod walk;
pub mod words;

use crate::core::model::Map;
use std::collections::HashMap;

/// Counts of differences by kind of item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub map_changed: bool,
    pub stages: Counts,
    pub touchpoints: Counts,
    pub personas: Counts,
}

/// How many items were added, removed and changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

impl Summary {
    /// True when the two maps are the same.
    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }

    /// The differences in words, such as "3 touchpoints added, 1 persona
    /// changed", or "no differences".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.map_changed {
            parts.push("title or description changed".to_string());
        }
        for (counts, one, many) in [
            (self.stages, "stage", "stages"),
            (self.touchpoints, "touchpoint", "touchpoints"),
            (self.personas, "persona", "personas"),
        ] {
            for (n, verb) in [
                (counts.added, "added"),
                (counts.removed, "removed"),
                (counts.changed, "changed"),
            ] {
                if n > 0 {
                    parts.push(format!("{n} {} {verb}", if n == 1 { one } else { many }));
                }
            }
        }
        if parts.is_empty() {
            "no differences".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// Compares two maps item by item, matching items by id. A touchpoint that
/// moved to another stage counts as changed; a persona counts as changed when
/// anything in its paths changed.
pub fn summarize(old: &Map, new: &Map) -> Summary {
    let map_changed = old.title != new.title
        || old.description != new.description
        || old.conversion != new.conversion;
    let stage_key = |m: &Map| -> Vec<(String, String)> {
        m.stages
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    s.id.clone(),
                    format!("{i}\u{0}{}\u{0}{}", s.name, s.description),
                )
            })
            .collect()
    };
    let touchpoint_key = |m: &Map| -> Vec<(String, String)> {
        m.stages
            .iter()
            .flat_map(|s| {
                s.touchpoints.iter().map(move |t| {
                    let value = format!(
                        "{}\u{0}{}\u{0}{:?}\u{0}{}\u{0}{}",
                        s.id, t.name, t.kind, t.channel, t.notes
                    );
                    (t.id.clone(), value)
                })
            })
            .collect()
    };
    let persona_key = |m: &Map| -> Vec<(String, String)> {
        m.personas
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), format!("{i}\u{0}{p:?}")))
            .collect()
    };
    Summary {
        map_changed,
        stages: count(&stage_key(old), &stage_key(new)),
        touchpoints: count(&touchpoint_key(old), &touchpoint_key(new)),
        personas: count(&persona_key(old), &persona_key(new)),
    }
}

/// Counts added, removed and changed entries between two keyed lists.
fn count(old: &[(String, String)], new: &[(String, String)]) -> Counts {
    let old_by_id: HashMap<&str, &str> =
        old.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let new_by_id: HashMap<&str, &str> =
        new.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut counts = Counts::default();
    for (id, value) in &new_by_id {
        match old_by_id.get(id) {
            None => counts.added += 1,
            Some(old_value) if old_value != value => counts.changed += 1,
            Some(_) => {}
        }
    }
    counts.removed = old_by_id
        .keys()
        .filter(|id| !new_by_id.contains_key(*id))
        .count();
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Kind, Touchpoint};
    use crate::core::templates::Template;

    fn touchpoint(id: &str) -> Touchpoint {
        Touchpoint {
            allow: Vec::new(),
            cost: None,
            id: id.into(),
            name: id.into(),
            kind: Kind::Direct,
            channel: String::new(),
            notes: String::new(),
        }
    }

    #[test]
    fn counts_added_removed_and_changed_items() {
        let old = Template::FiveStage.instantiate(None);
        assert_eq!(summarize(&old, &old).describe(), "no differences");
        let mut new = old.clone();
        for id in ["a", "b", "c"] {
            new.stages[0].touchpoints.push(touchpoint(id));
        }
        new.stages[1].name = "Compare".into();
        new.stages.pop();
        let summary = summarize(&old, &new);
        assert_eq!(
            summary.describe(),
            "1 stage removed, 1 stage changed, 3 touchpoints added"
        );
        let mut moved = new.clone();
        let t = moved.stages[0].touchpoints.remove(0);
        moved.stages[2].touchpoints.push(t);
        assert_eq!(summarize(&new, &moved).touchpoints.changed, 1);
    }
}
