//! Which format number a map needs. Each optional field added after the
//! first format is listed here once, with the format that brought it; a
//! save writes the lowest format that holds every field the map uses, so a
//! map that uses none of the newer fields keeps `format: 1` and its bytes.

use crate::core::model::{Language, Map};

/// A field that a newer format brought, and the format number it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Since {
    /// Where the field is, as the README names it: `map.language`.
    pub field: &'static str,
    pub format: u32,
}

/// Every field added after format 1: the one table of which field needs
/// which format. A new field gets a row here and a test below.
pub const FIELDS: &[Since] = &[
    Since {
        field: "map.language",
        format: 2,
    },
    Since {
        field: "map.currency",
        format: 2,
    },
    Since {
        field: "touchpoint.cost",
        format: 2,
    },
    Since {
        field: "path.customers",
        format: 2,
    },
    Since {
        field: "allow",
        format: 2,
    },
];

/// The format a field of [`FIELDS`] needs.
fn since(field: &str) -> u32 {
    FIELDS
        .iter()
        .find(|s| s.field == field)
        .map_or(1, |s| s.format)
}

/// The fields of [`FIELDS`] that `map` uses.
pub fn used_fields(map: &Map) -> Vec<&'static str> {
    let mut used = Vec::new();
    if map.language != Language::En {
        used.push("map.language");
    }
    if !map.currency.is_empty() {
        used.push("map.currency");
    }
    let touchpoints = || map.stages.iter().flat_map(|s| &s.touchpoints);
    let paths = || map.personas.iter().flat_map(|p| &p.paths);
    if touchpoints().any(|t| t.cost.is_some()) {
        used.push("touchpoint.cost");
    }
    if paths().any(|p| p.customers.is_some()) {
        used.push("path.customers");
    }
    let allows = !map.allow.is_empty()
        || map.stages.iter().any(|s| !s.allow.is_empty())
        || touchpoints().any(|t| !t.allow.is_empty())
        || map.personas.iter().any(|p| !p.allow.is_empty())
        || paths().any(|p| !p.allow.is_empty());
    if allows {
        used.push("allow");
    }
    used
}

/// The lowest format that holds every field `map` uses.
pub fn required_format(map: &Map) -> u32 {
    used_fields(map).into_iter().map(since).max().unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Cost, FORMAT_VERSION};
    use crate::core::templates::Template;

    #[test]
    fn every_field_of_the_table_is_told_apart_and_needs_a_format_this_build_reads() {
        let base = Template::FiveStage.instantiate(Some("Base"));
        assert_eq!(required_format(&base), 1);
        let mut each: Vec<(&str, Map)> = Vec::new();
        let mut m = base.clone();
        m.language = Language::De;
        each.push(("map.language", m));
        let mut m = base.clone();
        m.currency = "EUR".into();
        each.push(("map.currency", m));
        let mut m = base.clone();
        m.stages[0]
            .touchpoints
            .push(crate::core::model::Touchpoint {
                id: "t".into(),
                name: "T".into(),
                kind: crate::core::model::Kind::Direct,
                channel: String::new(),
                cost: Cost::new(12.5),
                notes: String::new(),
                allow: Vec::new(),
            });
        each.push(("touchpoint.cost", m));
        let mut m = base.clone();
        m.stages[1].allow.push("empty-stage".into());
        each.push(("allow", m));
        for (field, map) in &each {
            assert_eq!(used_fields(map), vec![*field]);
            assert_eq!(required_format(map), 2, "{field}");
        }
        for row in FIELDS {
            assert!(
                row.format <= FORMAT_VERSION,
                "{} needs a newer build",
                row.field
            );
            assert!(row.format > 1, "{} is no newer field", row.field);
        }
    }
}
