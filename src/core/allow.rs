//! Per-item allowances: an `allow` list on a map, stage, touchpoint,
//! persona or path names rules whose warnings are accepted for that item
//! and what it holds, so that `check --deny-warnings` can stay on with a
//! team's deliberate exceptions written in the map.
//!
//! Errors cannot be allowed. An allowance that silences nothing is itself
//! a warning (`unused-allow`), so that an exception does not outlive its
//! reason; that warning cannot be allowed.

use crate::core::edit::change::Edit;
use crate::core::edit::result::EditError;
use crate::core::model::{Map, TouchpointPos};
use crate::core::text::{NAME_MAX, cut};
use crate::core::validate::{Diagnostic, Item, Rule, Severity};

/// Findings sorted into those that stand and those an allowance silenced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allowed {
    /// What still counts, `unused-allow` warnings included.
    pub findings: Vec<Diagnostic>,
    /// Warnings silenced by an `allow`, for views that show them dimmed.
    pub allowed: Vec<Diagnostic>,
}

/// One rule name in one item's `allow` list.
struct Allowance<'a> {
    item: Item,
    /// How the item is named in a message: `stage "Decision" (decision)`.
    what: String,
    id: &'a str,
    rule: &'a str,
    used: bool,
}

/// Whether an allowance on `holder` covers a finding about `item`: the
/// item itself, or something it holds.
fn covers(holder: Item, item: Item) -> bool {
    match (holder, item) {
        (Item::Map, _) => true,
        (Item::Stage { stage }, Item::Stage { stage: s })
        | (Item::Stage { stage }, Item::Touchpoint { stage: s, .. }) => stage == s,
        (Item::Touchpoint { stage, index }, Item::Touchpoint { stage: s, index: i }) => {
            stage == s && index == i
        }
        (Item::Persona { persona }, Item::Persona { persona: p })
        | (Item::Persona { persona }, Item::Path { persona: p, .. })
        | (Item::Persona { persona }, Item::Step { persona: p, .. }) => persona == p,
        (
            Item::Path { persona, path },
            Item::Path {
                persona: p,
                path: k,
            },
        )
        | (
            Item::Path { persona, path },
            Item::Step {
                persona: p,
                path: k,
                ..
            },
        ) => persona == p && path == k,
        _ => false,
    }
}

fn named(kind: &str, name: &str, id: &str) -> String {
    format!("{kind} \"{}\" ({})", cut(name, NAME_MAX), cut(id, NAME_MAX))
}

fn push<'a>(
    out: &mut Vec<Allowance<'a>>,
    item: Item,
    what: String,
    id: &'a str,
    rules: &'a [String],
) {
    for rule in rules {
        out.push(Allowance {
            item,
            what: what.clone(),
            id,
            rule: rule.as_str(),
            used: false,
        });
    }
}

/// Every allowance in the map, in map order.
fn allowances(map: &Map) -> Vec<Allowance<'_>> {
    let mut out = Vec::new();
    push(&mut out, Item::Map, "the map".to_string(), "", &map.allow);
    for (s, stage) in map.stages.iter().enumerate() {
        if !stage.allow.is_empty() {
            let what = named("stage", &stage.name, &stage.id);
            push(
                &mut out,
                Item::Stage { stage: s },
                what,
                &stage.id,
                &stage.allow,
            );
        }
        for (i, t) in stage.touchpoints.iter().enumerate() {
            if !t.allow.is_empty() {
                let what = named("touchpoint", &t.name, &t.id);
                push(
                    &mut out,
                    Item::Touchpoint { stage: s, index: i },
                    what,
                    &t.id,
                    &t.allow,
                );
            }
        }
    }
    for (p, persona) in map.personas.iter().enumerate() {
        if !persona.allow.is_empty() {
            let what = named("persona", &persona.name, &persona.id);
            push(
                &mut out,
                Item::Persona { persona: p },
                what,
                &persona.id,
                &persona.allow,
            );
        }
        for (k, path) in persona.paths.iter().enumerate() {
            if !path.allow.is_empty() {
                let what = named("path", &path.name, &path.id);
                push(
                    &mut out,
                    Item::Path {
                        persona: p,
                        path: k,
                    },
                    what,
                    &path.id,
                    &path.allow,
                );
            }
        }
    }
    out
}

/// Sorts `diagnostics` (of this map) into findings and allowed warnings,
/// and adds an `unused-allow` warning for each allowance that silenced
/// nothing.
pub fn apply(map: &Map, diagnostics: Vec<Diagnostic>) -> Allowed {
    let (mut findings, allowed, unused) = sort(map, diagnostics, |d| (d.rule, d.item));
    findings.extend(unused);
    Allowed { findings, allowed }
}

/// [`apply`] for findings of any shape (`key` gives each one's rule and
/// item): those that stand, those an allowance silenced, and the
/// `unused-allow` warnings.
pub fn sort<T>(
    map: &Map,
    findings: Vec<T>,
    key: impl Fn(&T) -> (Rule, Item),
) -> (Vec<T>, Vec<T>, Vec<Diagnostic>) {
    let mut allows = allowances(map);
    if allows.is_empty() {
        return (findings, Vec::new(), Vec::new());
    }
    let (mut kept, mut allowed) = (Vec::new(), Vec::new());
    for d in findings {
        let (rule, item) = key(&d);
        let can_allow = rule.severity() == Severity::Warning && rule != Rule::UnusedAllow;
        let mut silenced = false;
        if can_allow {
            for a in allows
                .iter_mut()
                .filter(|a| a.rule == rule.name() && covers(a.item, item))
            {
                a.used = true;
                silenced = true;
            }
        }
        if silenced {
            allowed.push(d);
        } else {
            kept.push(d);
        }
    }
    let mut unused = Vec::new();
    for a in allows.iter().filter(|a| !a.used) {
        let known = Rule::ALL.iter().find(|r| r.name() == a.rule);
        let why = match known {
            None => "which is no rule".to_string(),
            Some(r) if r.severity() == Severity::Error => {
                "an error; errors cannot be allowed".to_string()
            }
            Some(Rule::UnusedAllow) => "which cannot be allowed".to_string(),
            Some(_) => "which finds nothing here".to_string(),
        };
        unused.push(Diagnostic {
            rule: Rule::UnusedAllow,
            severity: Rule::UnusedAllow.severity(),
            message: format!("{} allows `{}`, {why}", a.what, cut(a.rule, NAME_MAX)),
            item: a.item,
            id: cut(a.id, NAME_MAX).into_owned(),
            line: None,
        });
    }
    (kept, allowed, unused)
}

/// The item whose `allow` list takes a finding about `item`: a step's
/// path, and otherwise the item itself.
pub fn holder_of(item: Item) -> Item {
    match item {
        Item::Step { persona, path, .. } => Item::Path { persona, path },
        other => other,
    }
}

/// The `allow` list of an item (a step's: its path's).
pub fn allow_list(map: &Map, item: Item) -> Option<&[String]> {
    Some(match holder_of(item) {
        Item::Map => &map.allow,
        Item::Stage { stage } => &map.stages.get(stage)?.allow,
        Item::Touchpoint { stage, index } => &map.stages.get(stage)?.touchpoints.get(index)?.allow,
        Item::Persona { persona } => &map.personas.get(persona)?.allow,
        Item::Path { persona, path } | Item::Step { persona, path, .. } => {
            &map.personas.get(persona)?.paths.get(path)?.allow
        }
    })
}

/// The same list, to change it.
pub fn allow_list_mut(map: &mut Map, item: Item) -> Result<&mut Vec<String>, EditError> {
    Ok(match holder_of(item) {
        Item::Map => &mut map.allow,
        Item::Stage { stage } => {
            &mut map
                .stages
                .get_mut(stage)
                .ok_or(EditError::NoStage(stage))?
                .allow
        }
        Item::Touchpoint { stage, index } => {
            let pos = TouchpointPos { stage, index };
            let s = map
                .stages
                .get_mut(stage)
                .ok_or(EditError::NoTouchpoint(pos))?;
            &mut s
                .touchpoints
                .get_mut(index)
                .ok_or(EditError::NoTouchpoint(pos))?
                .allow
        }
        Item::Persona { persona } => {
            &mut map
                .personas
                .get_mut(persona)
                .ok_or(EditError::NoPersona(persona))?
                .allow
        }
        Item::Path { persona, path } | Item::Step { persona, path, .. } => {
            let p = map
                .personas
                .get_mut(persona)
                .ok_or(EditError::NoPersona(persona))?;
            &mut p
                .paths
                .get_mut(path)
                .ok_or(EditError::NoPath(persona, path))?
                .allow
        }
    })
}

/// Why a finding cannot be allowed, in words for the user; `None` where it
/// can be.
pub fn refusal(d: &Diagnostic) -> Option<&'static str> {
    if d.severity == Severity::Error {
        Some("errors cannot be allowed; fix this one")
    } else if d.rule == Rule::UnusedAllow {
        Some("an unused allowance cannot be allowed; take it out of the item's allow list")
    } else {
        None
    }
}

/// The edit that allows a warning for the item it is about: its rule added
/// to the item's `allow` list. `None` for a finding that cannot be allowed
/// (see [`refusal`]) or an item that is not in the map.
pub fn allow_edit(map: &Map, d: &Diagnostic) -> Option<Edit> {
    if refusal(d).is_some() {
        return None;
    }
    let mut allow = allow_list(map, d.item)?.to_vec();
    let rule = d.rule.name().to_string();
    if !allow.contains(&rule) {
        allow.push(rule);
    }
    Some(Edit::SetAllow {
        item: holder_of(d.item),
        allow,
    })
}
