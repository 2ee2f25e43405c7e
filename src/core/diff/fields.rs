//! The fields of each kind of item that a diff compares and a merge merges,
//! as (name, value) pairs, names excluded (a rename is its own change).
//! One table per item, so that a new field is one line here.

use crate::core::model::{Kind, Map, Outcome, Path, Persona, Stage, Touchpoint};

/// One field of an item: its name in the file and its value as text
/// (`None` where it is not set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub value: Option<String>,
}

fn text(name: &'static str, value: &str) -> Field {
    Field {
        name,
        value: (!value.is_empty()).then(|| value.to_string()),
    }
}

fn set(name: &'static str, value: &str) -> Field {
    Field {
        name,
        value: Some(value.to_string()),
    }
}

/// An allow list as one value: the rule names, comma-separated.
fn allow(rules: &[String]) -> Field {
    text("allow", &rules.join(", "))
}

/// The map's own fields.
pub fn map_fields(m: &Map) -> Vec<Field> {
    vec![
        set("title", &m.title),
        set("language", m.language.code()),
        text("description", &m.description),
        text("conversion", &m.conversion),
        text("currency", &m.currency),
        allow(&m.allow),
    ]
}

/// A stage's fields.
pub fn stage_fields(s: &Stage) -> Vec<Field> {
    vec![text("description", &s.description), allow(&s.allow)]
}

/// A touchpoint's fields.
pub fn touchpoint_fields(t: &Touchpoint) -> Vec<Field> {
    let kind = match t.kind {
        Kind::Direct => "direct",
        Kind::Indirect => "indirect",
    };
    vec![
        set("kind", kind),
        text("channel", &t.channel),
        Field {
            name: "cost",
            value: t.cost.map(|c| c.get().to_string()),
        },
        text("notes", &t.notes),
        allow(&t.allow),
    ]
}

/// A persona's fields.
pub fn persona_fields(p: &Persona) -> Vec<Field> {
    vec![text("description", &p.description), allow(&p.allow)]
}

/// A path's fields, its steps excluded (they are compared as a sequence).
pub fn path_fields(p: &Path) -> Vec<Field> {
    let outcome = match p.outcome {
        Outcome::Converted => "converted",
        Outcome::DroppedOut => "dropped out",
        Outcome::Open => "open",
    };
    vec![
        set("outcome", outcome),
        Field {
            name: "customers",
            value: p.customers.map(|c| c.to_string()),
        },
        allow(&p.allow),
    ]
}

/// Whether a field holds prose, shown as a word diff when it is long.
pub fn is_prose(field: &str) -> bool {
    matches!(field, "description" | "notes" | "note" | "conversion")
}
