//! The touchpoint inventory as CSV (RFC 4180, with a header), for
//! spreadsheets and BI tools: one row per touchpoint, in map order.
//!
//! Text is cleaned as in every export, but never shortened: the inventory is
//! the map's own data. A cell that a spreadsheet would run as a formula
//! (one that starts with `=`, `+`, `-`, `@`, a tab or a carriage return)
//! gets a leading `'`, as OWASP's advice on CSV injection says, so that
//! opening a hostile map in Excel shows its text and runs nothing.

use super::{Options, clean};
use crate::core::model::{Map, Persona};
use std::borrow::Cow;

/// The columns, in order; `cost` and `currency` only where the map has costs.
pub const HEADER: [&str; 10] = [
    "stage", "stage_id", "name", "id", "kind", "channel", "notes", "personas", "paths", "visits",
];

/// The columns that hold a cost, put after `channel` where the map has costs.
pub const COST_HEADER: [&str; 2] = ["cost", "currency"];

/// Where the cost columns go: after `channel`.
const COST_AT: usize = 6;

/// What joins several personas or paths in one cell.
pub const JOIN: &str = "; ";

/// Exports the touchpoint inventory. With a persona in `options`, the
/// `personas`, `paths` and `visits` columns count that persona's paths
/// alone; every touchpoint still has its row.
pub fn export(map: &Map, options: &Options) -> String {
    let with_cost = map.touchpoints().any(|(_, t)| t.cost.is_some());
    let personas: Vec<&Persona> = options.personas(map).map(|(_, p)| p).collect();
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<&str> = HEADER.to_vec();
    if with_cost {
        header.splice(COST_AT..COST_AT, COST_HEADER);
    }
    // Writing into a Vec cannot fail, and every cell is UTF-8.
    let _ = w.write_record(&header);
    let visitors = visitors(&personas);
    let none = Visitors::default();
    for (stage, t) in map.touchpoints() {
        let v = visitors.get(t.id.as_str()).unwrap_or(&none);
        let who: Vec<Cow<'_, str>> = v
            .personas
            .iter()
            .map(|&p| cell(&personas[p].name, false))
            .collect();
        let paths: Vec<Cow<'_, str>> = v
            .paths
            .iter()
            .map(|&(p, k)| cell(&personas[p].paths[k].id, false))
            .collect();
        let visits = v.visits;
        let mut row: Vec<Cow<'_, str>> = vec![
            cell(&stage.name, false),
            cell(&stage.id, false),
            cell(&t.name, false),
            cell(&t.id, false),
            Cow::Borrowed(t.kind.label()),
            cell(&t.channel, false),
            cell(&t.notes, true),
            Cow::Owned(join(&who)),
            Cow::Owned(join(&paths)),
            Cow::Owned(visits.to_string()),
        ];
        if with_cost {
            let cost = t.cost.map(|c| number(c.get())).unwrap_or_default();
            let currency = if t.cost.is_some() {
                cell(&map.currency, false)
            } else {
                Cow::Borrowed("")
            };
            row.splice(COST_AT..COST_AT, [Cow::Owned(cost), currency]);
        }
        let _ = w.write_record(row.iter().map(|c| c.as_bytes()));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Who visits one touchpoint id: persona and path positions in map order,
/// each once, and the number of steps.
#[derive(Default)]
struct Visitors {
    personas: Vec<usize>,
    paths: Vec<(usize, usize)>,
    visits: usize,
}

/// Every touchpoint id's visitors, from one pass over the paths, so that
/// the export stays linear in the size of the map. Only looked up, never
/// iterated, so its order cannot reach the output. Touchpoints that share
/// an id (a map that fails `check`) share their visitors.
fn visitors<'a>(personas: &[&'a Persona]) -> rustc_hash::FxHashMap<&'a str, Visitors> {
    let mut by_id: rustc_hash::FxHashMap<&str, Visitors> = rustc_hash::FxHashMap::default();
    for (p, persona) in personas.iter().enumerate() {
        for (k, path) in persona.paths.iter().enumerate() {
            for step in &path.steps {
                let v = by_id.entry(step.touchpoint.as_str()).or_default();
                v.visits += 1;
                if v.paths.last() != Some(&(p, k)) {
                    v.paths.push((p, k));
                }
                if v.personas.last() != Some(&p) {
                    v.personas.push(p);
                }
            }
        }
    }
    by_id
}

fn join(cells: &[Cow<'_, str>]) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push_str(JOIN);
        }
        out.push_str(c);
    }
    out
}

/// Map text as a cell: cleaned (newlines kept in notes) and defused.
fn cell(s: &str, multiline: bool) -> Cow<'_, str> {
    defuse(clean(s, multiline))
}

/// Puts `'` before a cell a spreadsheet would read as a formula.
pub fn defuse(s: Cow<'_, str>) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        s
    }
}

/// A cost as the map file writes it: `1200`, `12.5`.
fn number(value: f64) -> String {
    let text = format!("{value}");
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn formulas_are_defused_and_text_is_not() {
        for (text, shown) in [
            ("=1+1", "'=1+1"),
            ("+49 30 123", "'+49 30 123"),
            ("-2 points", "'-2 points"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("plain = text", "plain = text"),
            ("", ""),
        ] {
            assert_eq!(defuse(Cow::Borrowed(text)), shown);
        }
    }

    #[test]
    fn costs_read_as_the_file_writes_them() {
        assert_eq!(number(1200.0), "1200");
        assert_eq!(number(12.5), "12.5");
    }
}
