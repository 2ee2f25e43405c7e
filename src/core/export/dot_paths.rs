//! The persona paths of the DOT picture: edges between the touchpoints'
//! nodes, each with the number of the step it leaves, and a marker where a
//! path converts or drops out.
//!
//! - Step numbers are the steps' positions in the path, as the Markdown
//!   export numbers them: the edge that leaves step 3 says `3`, and the
//!   edge into the outcome marker carries the last step's number, so each
//!   number shows once. Where a line takes the same step on several paths,
//!   its one edge lists every number (`2, 5`).
//! - An edge between two touchpoints of one stage carries
//!   `constraint=false`. As a constraint it would be a flat edge, a short
//!   straight line between stacked nodes with its head hidden at the node,
//!   and one that goes up the column would fight the invisible chain that
//!   keeps the column in map order. Without it Graphviz draws a curve
//!   beside the column with the arrowhead clear of the target.
//! - An edge back to an earlier stage carries `constraint=false` too, so it
//!   cannot reorder the columns.

use super::dot::{Line, name_or_id, persona_style, push_quoted};
use super::ids::TouchpointIds;
use super::index::FxBuild;
use super::{Index, short};
use crate::core::model::Outcome;
use crate::core::words::Words;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt::Write;

/// How an edge's ends sit in the columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Forward,
    Back,
    Within,
}

/// One edge a line draws: between touchpoints `from` and `to` (numbers in
/// map order), or from `from` to an outcome marker.
struct Edge<'m> {
    /// Which of the line's paths draws it (the first that takes it).
    path: usize,
    from: usize,
    from_id: &'m str,
    to: Target<'m>,
    /// The step it leaves, the first time.
    step: usize,
}

#[derive(Clone, Copy)]
enum Target<'m> {
    Touchpoint(usize, &'m str, Relation),
    Outcome(Outcome),
}

/// The persona paths, as edges between the touchpoints' nodes.
pub(super) fn path_edges(
    index: &Index,
    node_ids: &TouchpointIds,
    lines: &[Line],
    words: &Words,
) -> String {
    let steps: usize = lines
        .iter()
        .flat_map(|l| &l.persona.paths[l.paths.clone()])
        .map(|p| p.steps.len())
        .sum();
    if lines.iter().all(|l| l.paths.is_empty()) {
        return String::new();
    }
    let mut out = String::with_capacity(64 + 112 * steps);
    out.push_str("\n    // Persona paths.\n");
    for (k, line) in lines.iter().enumerate() {
        let (edges, extra) = line_edges(index, line);
        write_line(&mut out, node_ids, line, k, &edges, &extra, words);
    }
    out
}

/// Every edge of one line in the order its paths take them, and the step
/// numbers of repeated edges as (edge, step) pairs.
fn line_edges<'m>(index: &Index, line: &Line<'m>) -> (Vec<Edge<'m>>, Vec<(usize, usize)>) {
    let paths = &line.persona.paths[line.paths.clone()];
    let steps = paths.iter().map(|p| p.steps.len()).sum();
    let mut edges = Vec::with_capacity(steps);
    let mut extra = Vec::new();
    // A line that takes the same step on several paths gets one edge for
    // it: parallel copies only add clutter. Keyed by (from, to), where an
    // outcome is `to` = usize::MAX - outcome; only ever queried.
    let mut drawn: HashMap<(usize, usize), usize, FxBuild> =
        HashMap::with_capacity_and_hasher(steps, FxBuild::default());
    let mut add = |edges: &mut Vec<Edge<'m>>, key, edge: Edge<'m>| match drawn.entry(key) {
        Entry::Occupied(at) => extra.push((*at.get(), edge.step)),
        Entry::Vacant(at) => {
            at.insert(edges.len());
            edges.push(edge);
        }
    };
    for (p, path) in paths.iter().enumerate() {
        // Steps naming no touchpoint are skipped, and the path goes on
        // from the last step that exists.
        let mut previous: Option<(usize, usize, &'m str, usize)> = None;
        for (s, step) in path.steps.iter().enumerate() {
            let Some((t, stage)) = index.find(&step.touchpoint) else {
                continue;
            };
            if let Some((from, from_stage, from_id, number)) = previous {
                let relation = match stage.cmp(&from_stage) {
                    std::cmp::Ordering::Less => Relation::Back,
                    std::cmp::Ordering::Equal => Relation::Within,
                    std::cmp::Ordering::Greater => Relation::Forward,
                };
                let edge = Edge {
                    path: p,
                    from,
                    from_id,
                    to: Target::Touchpoint(t, &step.touchpoint, relation),
                    step: number,
                };
                add(&mut edges, (from, t), edge);
            }
            previous = Some((t, stage, &step.touchpoint, s + 1));
        }
        let ends = matches!(path.outcome, Outcome::Converted | Outcome::DroppedOut);
        if let Some((from, _, from_id, number)) = previous.filter(|_| ends) {
            let key = (from, usize::MAX - path.outcome as usize);
            let edge = Edge {
                path: p,
                from,
                from_id,
                to: Target::Outcome(path.outcome),
                step: number,
            };
            add(&mut edges, key, edge);
        }
    }
    // Stable: each edge's numbers stay in the order the paths take them.
    extra.sort_by_key(|&(edge, _)| edge);
    (edges, extra)
}

/// Writes one line's edges, a subgraph per path: a path's edges share
/// their look through an anonymous subgraph's edge defaults (which, unlike
/// a cluster's, do not touch the layout).
fn write_line(
    out: &mut String,
    node_ids: &TouchpointIds,
    line: &Line,
    k: usize,
    edges: &[Edge],
    extra: &[(usize, usize)],
    words: &Words,
) {
    let (color, style, arrow) = persona_style(line.look);
    // Each path's tooltip repeats its persona's name: cut, so that the
    // graph stays bounded by the map's size, and cut once, not per path.
    let persona_name = short(name_or_id(&line.persona.name, &line.persona.id));
    let paths = &line.persona.paths[line.paths.clone()];
    let mut extra = extra.iter().peekable();
    let mut markers = 0;
    let mut e = 0;
    while e < edges.len() {
        let p = edges[e].path;
        let path = &paths[p];
        let _ = write!(
            out,
            "    subgraph {{\n        edge [color=\"{color}\", fontcolor=\"{color}\", style={style}, arrowhead={arrow}, tooltip="
        );
        let tooltip = format!(
            "{persona_name}: {}",
            short(name_or_id(&path.name, &path.id))
        );
        push_quoted(out, &tooltip);
        out.push_str("];\n");
        while let Some(edge) = edges.get(e).filter(|edge| edge.path == p) {
            out.push_str("        ");
            let mut label = edge.step.to_string();
            while let Some(&(_, step)) = extra.next_if(|&&(at, _)| at == e) {
                let _ = write!(label, ", {step}");
            }
            match edge.to {
                Target::Touchpoint(to, to_id, relation) => {
                    node_ids.get(edge.from, edge.from_id).push_quoted(out);
                    out.push_str(" -> ");
                    node_ids.get(to, to_id).push_quoted(out);
                    let _ = write!(out, " [xlabel=\"{label}\"");
                    // A backward step must not pull the columns out of
                    // order, nor a step within a stage the column.
                    if relation != Relation::Forward {
                        out.push_str(", constraint=false");
                    }
                    out.push_str("];\n");
                }
                Target::Outcome(outcome) => {
                    let marker = format!("end_{k}_{markers}");
                    markers += 1;
                    let text = match outcome {
                        Outcome::Converted => format!("✓ {}", words.converted),
                        _ => format!("✗ {}", words.dropped_out),
                    };
                    let _ = write!(out, "\"{marker}\" [label=");
                    push_quoted(out, &text);
                    let _ = write!(
                        out,
                        ", shape=plaintext, style=\"\", fontcolor=\"{color}\", fontsize=10];\n        "
                    );
                    node_ids.get(edge.from, edge.from_id).push_quoted(out);
                    let _ = writeln!(out, " -> \"{marker}\" [xlabel=\"{label}\"];");
                }
            }
            e += 1;
        }
        out.push_str("    }\n");
    }
}
