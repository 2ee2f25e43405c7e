//! Merging the items of a map by id: stages holding touchpoints, personas
//! holding paths. Both are a list of holders with children, merged the
//! same way: which items remain, each one's fields, which holder each child
//! is in, and the order of each list.

use super::Conflict;
use super::order::{Side, merge_order};
use super::steps::{StepClash, merge_steps, pick};
use crate::core::diff::changes::ItemKind;
use crate::core::model::{Path, Persona, Stage, Touchpoint};
use std::collections::{BTreeMap, BTreeSet};

/// Collects conflicts while a merge resolves them to one side.
pub struct Merger {
    pub side: Side,
    pub conflicts: Vec<Conflict>,
}

impl Merger {
    /// A merger that resolves conflicts to `side`.
    pub fn new(side: Side) -> Merger {
        Merger {
            side,
            conflicts: Vec::new(),
        }
    }

    /// Records a conflict on an item.
    pub fn conflict(&mut self, item: ItemKind, id: &str, name: &str, what: String) {
        self.conflicts.push(Conflict {
            item,
            id: id.to_string(),
            name: name.to_string(),
            what,
        });
    }

    /// Merges one field three ways.
    #[allow(clippy::too_many_arguments)]
    pub fn field<T: PartialEq + Clone>(
        &mut self,
        item: ItemKind,
        id: &str,
        name: &str,
        field: &str,
        base: Option<&T>,
        ours: &T,
        theirs: &T,
    ) -> T {
        let (value, clash) = pick(base, ours, theirs, self.side);
        if clash {
            let what = if base.is_some() {
                format!("{field} changed on both sides")
            } else {
                format!("added on both sides with different {field}")
            };
            self.conflict(item, id, name, what);
        }
        value
    }
}

/// An item with an id whose fields merge.
pub trait Node: Clone + PartialEq {
    const KIND: ItemKind;
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    /// Its own fields merged (children, if any, are merged by the caller).
    fn merge_fields(m: &mut Merger, base: Option<&Self>, ours: &Self, theirs: &Self) -> Self;
}

/// An item that holds others: a stage its touchpoints, a persona its paths.
pub trait Holder: Node {
    type Child: Node;
    fn children(&self) -> &[Self::Child];
    fn set_children(&mut self, children: Vec<Self::Child>);
    /// The item without its children, to compare its own fields. Built
    /// field by field: cloning the item first would copy every child.
    fn bare(&self) -> Self;
}

macro_rules! field {
    ($m:expr, $base:expr, $o:expr, $t:expr, $f:ident) => {
        $m.field(
            Self::KIND,
            &$o.id,
            &$o.name,
            stringify!($f),
            $base.map(|b| &b.$f),
            &$o.$f,
            &$t.$f,
        )
    };
}

impl Node for Stage {
    const KIND: ItemKind = ItemKind::Stage;
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn merge_fields(m: &mut Merger, base: Option<&Self>, o: &Self, t: &Self) -> Self {
        let mut out = o.clone();
        out.name = field!(m, base, o, t, name);
        out.description = field!(m, base, o, t, description);
        out.allow = field!(m, base, o, t, allow);
        out
    }
}

impl Holder for Stage {
    type Child = Touchpoint;
    fn children(&self) -> &[Touchpoint] {
        &self.touchpoints
    }
    fn set_children(&mut self, children: Vec<Touchpoint>) {
        self.touchpoints = children.into();
    }
    fn bare(&self) -> Self {
        Stage {
            id: self.id.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            allow: self.allow.clone(),
            touchpoints: Vec::new().into(),
        }
    }
}

impl Node for Touchpoint {
    const KIND: ItemKind = ItemKind::Touchpoint;
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn merge_fields(m: &mut Merger, base: Option<&Self>, o: &Self, t: &Self) -> Self {
        let mut out = o.clone();
        out.name = field!(m, base, o, t, name);
        out.kind = field!(m, base, o, t, kind);
        out.channel = field!(m, base, o, t, channel);
        out.cost = field!(m, base, o, t, cost);
        out.notes = field!(m, base, o, t, notes);
        out.allow = field!(m, base, o, t, allow);
        out
    }
}

impl Node for Persona {
    const KIND: ItemKind = ItemKind::Persona;
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn merge_fields(m: &mut Merger, base: Option<&Self>, o: &Self, t: &Self) -> Self {
        let mut out = o.clone();
        out.name = field!(m, base, o, t, name);
        out.description = field!(m, base, o, t, description);
        out.allow = field!(m, base, o, t, allow);
        out
    }
}

impl Holder for Persona {
    type Child = Path;
    fn children(&self) -> &[Path] {
        &self.paths
    }
    fn set_children(&mut self, children: Vec<Path>) {
        self.paths = children.into();
    }
    fn bare(&self) -> Self {
        Persona {
            id: self.id.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            allow: self.allow.clone(),
            paths: Vec::new().into(),
        }
    }
}

impl Node for Path {
    const KIND: ItemKind = ItemKind::Path;
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn merge_fields(m: &mut Merger, base: Option<&Self>, o: &Self, t: &Self) -> Self {
        let mut out = o.clone();
        out.name = field!(m, base, o, t, name);
        out.outcome = field!(m, base, o, t, outcome);
        out.customers = field!(m, base, o, t, customers);
        out.allow = field!(m, base, o, t, allow);
        let no_steps = Vec::new();
        let base_steps = base.map_or(&no_steps, |b| &b.steps);
        let (steps, clashes) = merge_steps(base_steps, &o.steps, &t.steps, m.side);
        out.steps = steps;
        for clash in clashes {
            let what = match clash {
                StepClash::Steps => "the same steps changed differently on both sides".to_string(),
                StepClash::Field { step, field } => {
                    format!("step {step}: {field} changed on both sides")
                }
            };
            m.conflict(Self::KIND, &o.id, &o.name, what);
        }
        out
    }
}

/// Items of one kind by id (the first where an id is used twice), with
/// their place.
fn by_id<T: Node>(items: &[T]) -> BTreeMap<&str, (usize, &T)> {
    let mut out = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        out.entry(item.id()).or_insert((i, item));
    }
    out
}

/// Each child by id, with the id of its holder.
fn children_by_id<H: Holder>(holders: &[H]) -> BTreeMap<String, (String, H::Child)> {
    let mut out = BTreeMap::new();
    for h in holders {
        for c in h.children() {
            out.entry(c.id().to_string())
                .or_insert_with(|| (h.id().to_string(), c.clone()));
        }
    }
    out
}

/// What one item is on the three sides.
struct Three<'a, T> {
    base: Option<&'a T>,
    ours: Option<&'a T>,
    theirs: Option<&'a T>,
}

/// Decides whether an item remains, and merges it. `changed(side)` says
/// whether that side changed it from base (which a deletion on the other
/// side then clashes with).
fn resolve<T: Clone>(
    m: &mut Merger,
    three: Three<'_, T>,
    changed: impl Fn(Side) -> bool,
    merge: impl FnOnce(&mut Merger, Option<&T>, &T, &T) -> T,
    mut clash: impl FnMut(&mut Merger, &T),
) -> Option<T> {
    match (three.base, three.ours, three.theirs) {
        (_, Some(o), Some(t)) => Some(merge(m, three.base, o, t)),
        (Some(_), None, Some(t)) if changed(Side::Theirs) => {
            clash(m, t);
            (m.side == Side::Theirs).then(|| t.clone())
        }
        (Some(_), Some(o), None) if changed(Side::Ours) => {
            clash(m, o);
            (m.side == Side::Ours).then(|| o.clone())
        }
        (None, Some(o), None) => Some(o.clone()),
        (None, None, Some(t)) => Some(t.clone()),
        _ => None,
    }
}

/// Merges a list of holders and their children.
pub fn merge_nested<H: Holder>(
    m: &mut Merger,
    base: &[H],
    ours: &[H],
    theirs: &[H],
    used_more: &dyn Fn(Side, &str) -> bool,
) -> Vec<H> {
    let (hb, ho, ht) = (by_id(base), by_id(ours), by_id(theirs));
    let ids: BTreeSet<&str> = hb
        .keys()
        .chain(ho.keys())
        .chain(ht.keys())
        .copied()
        .collect();
    let deleted = "deleted on one side and changed on the other";

    let mut merged: BTreeMap<String, H> = BTreeMap::new();
    for id in &ids {
        let get = |map: &BTreeMap<&str, (usize, &H)>| map.get(id).map(|(_, h)| h.bare());
        let (b, o, t) = (get(&hb), get(&ho), get(&ht));
        let changed = |side: Side| {
            let now = if side == Side::Ours { &o } else { &t };
            now != &b
        };
        let three = Three {
            base: b.as_ref(),
            ours: o.as_ref(),
            theirs: t.as_ref(),
        };
        let clash = |m: &mut Merger, h: &H| {
            m.conflict(H::KIND, h.id(), h.name(), deleted.to_string());
        };
        if let Some(h) = resolve(m, three, changed, H::merge_fields, clash) {
            merged.insert(id.to_string(), h);
        }
    }

    let (cb, co, ct) = (
        children_by_id(base),
        children_by_id(ours),
        children_by_id(theirs),
    );
    let child_ids: BTreeSet<&String> = cb.keys().chain(co.keys()).chain(ct.keys()).collect();
    // Each remaining child with the id of the holder it ends up in.
    let mut placed: BTreeMap<String, (String, H::Child)> = BTreeMap::new();
    for id in child_ids {
        let (b, o, t) = (cb.get(id), co.get(id), ct.get(id));
        let changed = |side: Side| {
            let now = if side == Side::Ours { o } else { t };
            now != b || used_more(side, id)
        };
        let three = Three {
            base: b,
            ours: o,
            theirs: t,
        };
        let merge = |m: &mut Merger,
                     b: Option<&(String, H::Child)>,
                     o: &(String, H::Child),
                     t: &(String, H::Child)| {
            let child = <H::Child as Node>::merge_fields(m, b.map(|b| &b.1), &o.1, &t.1);
            let (holder, clash) = pick(b.map(|b| &b.0), &o.0, &t.0, m.side);
            if clash {
                m.conflict(
                    <H::Child as Node>::KIND,
                    child.id(),
                    child.name(),
                    "moved to different places on both sides".to_string(),
                );
            }
            (holder, child)
        };
        let clash = |m: &mut Merger, c: &(String, H::Child)| {
            m.conflict(
                <H::Child as Node>::KIND,
                c.1.id(),
                c.1.name(),
                deleted.to_string(),
            );
        };
        if let Some(found) = resolve(m, three, changed, merge, clash) {
            placed.insert(id.clone(), found);
        }
    }

    // A child left in a holder that one side deleted: the deletion clashes
    // with the other side's use of it.
    let orphaned: BTreeSet<String> = placed
        .values()
        .filter(|(h, _)| !merged.contains_key(h))
        .map(|(h, _)| h.clone())
        .collect();
    for holder in orphaned {
        let keeper = match (ho.get(holder.as_str()), ht.get(holder.as_str())) {
            (Some((_, h)), None) => Some((Side::Ours, h)),
            (None, Some((_, h))) => Some((Side::Theirs, h)),
            _ => None,
        };
        let Some((keeping_side, h)) = keeper else {
            continue;
        };
        m.conflict(H::KIND, h.id(), h.name(), deleted.to_string());
        if m.side == keeping_side {
            merged.insert(holder.clone(), h.bare());
        } else {
            placed.retain(|_, (at, _)| *at != holder);
        }
    }

    let order_of = |list: &[H]| list.iter().map(|h| h.id().to_string()).collect::<Vec<_>>();
    let keep: BTreeSet<&str> = merged.keys().map(String::as_str).collect();
    let (holder_order, clashes) = merge_order(
        &refs(&order_of(base)),
        &refs(&order_of(ours)),
        &refs(&order_of(theirs)),
        &keep,
        m.side,
    );
    for id in clashes {
        if let Some(h) = merged.get(&id) {
            m.conflict(
                H::KIND,
                h.id(),
                h.name(),
                "moved to different places on both sides".into(),
            );
        }
    }
    let children_of = |map: &BTreeMap<&str, (usize, &H)>, holder: &str| -> Vec<String> {
        map.get(holder)
            .map(|(_, h)| h.children().iter().map(|c| c.id().to_string()).collect())
            .unwrap_or_default()
    };
    // Which children each holder ends up with, gathered once.
    let mut held: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (child, (at, _)) in &placed {
        held.entry(at.as_str()).or_default().insert(child.as_str());
    }
    let mut out = Vec::new();
    for id in holder_order {
        let Some(mut h) = merged.remove(&id) else {
            continue;
        };
        let keep = held.remove(id.as_str()).unwrap_or_default();
        let (order, clashes) = merge_order(
            &refs(&children_of(&hb, &id)),
            &refs(&children_of(&ho, &id)),
            &refs(&children_of(&ht, &id)),
            &keep,
            m.side,
        );
        let mut children = Vec::new();
        for c in order {
            if let Some((_, child)) = placed.get(&c) {
                if clashes.contains(&c) {
                    m.conflict(
                        <H::Child as Node>::KIND,
                        child.id(),
                        child.name(),
                        "moved to different places on both sides".into(),
                    );
                }
                children.push(child.clone());
            }
        }
        h.set_children(children);
        out.push(h);
    }
    out
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}
