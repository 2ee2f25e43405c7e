//! Graphviz DOT: the map as a left-to-right diagram for a slide.
//!
//! - Each stage is a cluster, and its touchpoints share one rank, so a stage
//!   is a column. An invisible, heavy chain through the first node of each
//!   column keeps the columns in map order, and an invisible chain through
//!   each column keeps its touchpoints in map order, top to bottom; the
//!   path edges are written so that they never contradict either (see
//!   [`super::dot_paths`]).
//! - Path edges carry step numbers, and a path that converts or drops out
//!   ends in a marker that says so.
//! - With `--persona`, the touchpoints the persona never visits are faded.
//! - The words around the user's text come from the map's language.
//! - Direct touchpoints are solid rounded boxes, indirect ones dashed
//!   ellipses: the difference survives black-and-white printing.
//! - Each persona's paths are edges in its own colour, line style and arrow
//!   head, explained in a legend to the right.
//!
//! Every id is quoted and derived from the map's ids; every label is escaped
//! (see [`push_quoted`] and [`push_html`]).

use super::dot_paths::path_edges;
use super::ids::{Ids, NodeId, TouchpointIds, touchpoint_ids};
use super::index::FxBuild;
use super::text::{Escapes, push_clean};
use super::{Index, Options, PARALLEL_FROM, is_blank};
use crate::core::model::{Kind, Map, Outcome, Persona};
use crate::core::words::Words;
use std::collections::HashSet;
use std::fmt::Write;

/// The colours persona paths cycle through: the Okabe–Ito palette, which
/// colour-blind readers can tell apart, without its yellow (unreadable on
/// white).
pub const PALETTE: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
];

/// Line styles, cycled at a different period from the colours, so that two
/// personas of the same colour still differ.
const STYLES: [&str; 3] = ["solid", "dashed", "dotted"];

/// Arrow heads, the third cue that does not need colour; each has a
/// look-alike character for the legend (see [`arrow_glyph`]).
const ARROWS: [&str; 4] = ["normal", "diamond", "dot", "box"];

/// Touchpoint labels wrap at about this many characters, so that one long
/// name does not make a whole column wide.
const WRAP: usize = 24;

const FONT: &str = "Helvetica,Arial,sans-serif";

/// How a touchpoint the shown persona never visits is drawn: grey outline
/// and text, so that the visited ones stand out even in black and white.
const FADED: &str = ", color=\"#c5ccd3\", fontcolor=\"#9aa3ac\", fillcolor=\"#f7f8f9\"";

/// How a visited touchpoint undoes [`FADED`], which is the default of
/// every column's nodes with one persona shown: almost every touchpoint of
/// a large map is one the persona never visits, and a default costs one
/// line per column where an attribute would cost one per touchpoint.
const VISITED: &str = ", color=\"#33414e\", fontcolor=black, fillcolor=white";

/// The channel line of a faded touchpoint.
const FADED_TEXT: &str = "#b0b8c0";

/// How persona number `n` (its position in the map) draws its paths.
pub fn persona_style(n: usize) -> (&'static str, &'static str, &'static str) {
    (
        PALETTE[n % PALETTE.len()],
        STYLES[n % STYLES.len()],
        ARROWS[n % ARROWS.len()],
    )
}

/// The map as a DOT `digraph`, ending in a newline.
pub fn export(map: &Map, options: &Options) -> String {
    let personas: Vec<(usize, &Persona)> = options.personas(map).collect();
    let lines = lines(&personas, crate::core::words::for_map(map));
    let touchpoints: usize = map.stages.iter().map(|s| s.touchpoints.len()).sum();
    if touchpoints >= PARALLEL_FROM
        && let Some(out) = export_parallel(map, options, &personas, &lines)
    {
        return out;
    }
    export_serial(map, options, &personas, &lines)
}

/// [`export`] on this thread.
fn export_serial(
    map: &Map,
    options: &Options,
    personas: &[(usize, &Persona)],
    lines: &[Line],
) -> String {
    let words = crate::core::words::for_map(map);
    let index = Index::new(map);
    let node_ids = touchpoint_ids(&index, "tp_", true);
    // The paths first, while the lookup is still in the cache: writing the
    // touchpoints would push it out.
    let edges = path_edges(&index, &node_ids, lines, words);
    let (out, last_anchor) = columns(map, options, personas, &node_ids);
    finish(out, &edges, lines, last_anchor.as_ref(), options, words)
}

/// [`export`] with the columns on this thread and the lookup and the paths
/// on another: at S3 each is about half the work. The columns are written
/// on the guess that the map's ids serve as node ids as they are, which
/// holds for every map that passes `check`; where it does not, `None`, and
/// the caller starts over on one thread.
fn export_parallel(
    map: &Map,
    options: &Options,
    personas: &[(usize, &Persona)],
    lines: &[Line],
) -> Option<String> {
    let words = crate::core::words::for_map(map);
    std::thread::scope(|scope| {
        let behind = scope.spawn(|| {
            let index = Index::new(map);
            let node_ids = touchpoint_ids(&index, "tp_", true);
            matches!(node_ids, TouchpointIds::Plain(_))
                .then(|| path_edges(&index, &node_ids, lines, words))
        });
        let (out, last_anchor) = columns(map, options, personas, &TouchpointIds::Plain("tp_"));
        let edges = behind
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        Some(finish(
            out,
            &edges,
            lines,
            last_anchor.as_ref(),
            options,
            words,
        ))
    })
}

/// The persona paths, the legend and the end of the graph after the columns.
fn finish(
    mut out: String,
    edges: &str,
    lines: &[Line],
    last_anchor: Option<&NodeId>,
    options: &Options,
    words: &Words,
) -> String {
    out.push_str(edges);
    legend(
        &mut out,
        lines,
        last_anchor,
        options.persona.is_some(),
        words,
    );
    out.push_str("}\n");
    out
}

/// The start of the graph and its columns: each stage a cluster holding its
/// touchpoints, then the chain that keeps the columns in order. Returns the
/// first node of the last column, which the legend sits beside.
fn columns<'m>(
    map: &'m Map,
    options: &Options,
    personas: &[(usize, &Persona)],
    node_ids: &TouchpointIds<'m>,
) -> (String, Option<NodeId<'m>>) {
    let words = crate::core::words::for_map(map);
    let touchpoints: usize = map.stages.iter().map(|s| s.touchpoints.len()).sum();
    let mut out = String::with_capacity(1024 + 200 * touchpoints);
    let mut cluster_ids = Ids::new("cluster_", true);
    let mut empty_ids = Ids::new("empty_", true);
    // With one persona shown, what it never visits is faded; by id, so that
    // this needs no lookup of the map (see `export_parallel`).
    let visited: Option<HashSet<&str, FxBuild>> = options.persona.as_ref().map(|_| {
        personas
            .iter()
            .flat_map(|(_, p)| &p.paths)
            .flat_map(|p| &p.steps)
            .map(|s| s.touchpoint.as_str())
            .collect()
    });

    out.push_str("// Made by journey from the map file; export again rather than edit.\n");
    out.push_str("digraph \"journey\" {\n");
    graph_attributes(&mut out, map, personas, options, words);

    // The first node of each column.
    let mut anchors = Vec::with_capacity(map.stages.len());
    let mut first = 0;
    for (s, stage) in map.stages.iter().enumerate() {
        out.push_str("\n    subgraph ");
        cluster_ids.make(&stage.id).push_quoted(&mut out);
        out.push_str(" {\n        graph [label=");
        let mut label = format!("{}. ", s + 1);
        label.push_str(name_or_id(&stage.name, &stage.id));
        push_quoted(&mut out, &label);
        if !is_blank(&stage.description) {
            out.push_str(", tooltip=");
            push_quoted(&mut out, &stage.description);
        }
        // With newrank, `rank=same` on a cluster puts all its nodes in one
        // rank: the stage is a column, however its paths run.
        out.push_str(", fontsize=14, rank=same];\n");
        if visited.is_some() {
            out.push_str("        node [");
            out.push_str(&FADED[2..]);
            out.push_str("];\n");
        }
        if stage.touchpoints.is_empty() {
            // A half-made map still draws: the empty column says so.
            let placeholder = empty_ids.make(&stage.id);
            out.push_str("        ");
            placeholder.push_quoted(&mut out);
            out.push_str(" [label=");
            push_quoted(&mut out, words.no_touchpoints);
            out.push_str(", shape=plaintext, style=\"\", fontcolor=\"#8a939c\"];\n    }\n");
            anchors.push(placeholder);
            continue;
        }
        for (k, t) in stage.touchpoints.iter().enumerate() {
            let faded = visited.as_ref().is_some_and(|v| !v.contains(t.id.as_str()));
            out.push_str("        ");
            node_ids.get(first + k, &t.id).push_quoted(&mut out);
            out.push_str(" [label=<");
            push_html_wrapped(&mut out, name_or_id(&t.name, &t.id));
            if !is_blank(&t.channel) {
                out.push_str("<BR/><FONT POINT-SIZE=\"9\" COLOR=\"");
                out.push_str(if faded { FADED_TEXT } else { "#5a6570" });
                out.push_str("\">");
                push_html(&mut out, &t.channel);
                out.push_str("</FONT>");
            }
            out.push('>');
            // Direct is the node default (see `graph_attributes`).
            if t.kind == Kind::Indirect {
                out.push_str(", shape=ellipse, style=\"dashed,filled\"");
            }
            if visited.is_some() && !faded {
                out.push_str(VISITED);
            }
            if !is_blank(&t.notes) {
                out.push_str(", tooltip=");
                push_quoted(&mut out, &t.notes);
            }
            out.push_str("];\n");
        }
        if stage.touchpoints.len() > 1 {
            // Keeps the column in map order: in a left-to-right graph an
            // edge within a rank puts its head above its tail, so the chain
            // runs from the last touchpoint up to the first.
            out.push_str("        ");
            for k in (0..stage.touchpoints.len()).rev() {
                node_ids
                    .get(first + k, &stage.touchpoints[k].id)
                    .push_quoted(&mut out);
                out.push_str(if k > 0 { " -> " } else { " [style=invis];\n" });
            }
        }
        out.push_str("    }\n");
        anchors.push(node_ids.get(first, &stage.touchpoints[0].id));
        first += stage.touchpoints.len();
    }

    if anchors.len() > 1 {
        out.push_str("\n    // Keeps the columns in map order.\n    ");
        for (k, anchor) in anchors.iter().enumerate() {
            if k > 0 {
                out.push_str(" -> ");
            }
            anchor.push_quoted(&mut out);
        }
        out.push_str(" [style=invis, weight=100];\n");
    }
    (out, anchors.pop())
}

fn graph_attributes(
    out: &mut String,
    map: &Map,
    personas: &[(usize, &Persona)],
    options: &Options,
    words: &Words,
) {
    let mut title = if is_blank(&map.title) {
        words.untitled.to_string()
    } else {
        map.title.clone()
    };
    // One persona's picture says whose it is; where its paths have a line
    // each, nothing else would.
    if (options.persona.is_some() || by_path(personas))
        && let Some((_, p)) = personas.first()
    {
        title.push_str(" — ");
        title.push_str(name_or_id(&p.name, &p.id));
    }
    out.push_str(
        "    graph [rankdir=LR, newrank=true, remincross=false, nodesep=0.25, ranksep=0.55, pad=0.3, fontname=\"",
    );
    out.push_str(FONT);
    out.push_str("\", fontsize=14, labelloc=t, labeljust=l, label=<<FONT POINT-SIZE=\"20\">");
    push_html(out, &title);
    out.push_str("</FONT>");
    if !is_blank(&map.conversion) {
        out.push_str("<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"12\" COLOR=\"#5a6570\">");
        push_html(out, words.conversion);
        out.push_str(": ");
        push_html(out, &map.conversion);
        out.push_str("</FONT>");
    }
    out.push_str("<BR ALIGN=\"LEFT\"/>>, style=\"rounded,filled\", fillcolor=\"#f3f5f7\", color=\"#c5ccd3\"];\n");
    out.push_str("    node [fontname=\"");
    out.push_str(FONT);
    out.push_str("\", fontsize=11, shape=box, style=\"rounded,filled\", fillcolor=white, color=\"#33414e\", margin=\"0.12,0.05\"];\n");
    out.push_str("    edge [fontname=\"");
    out.push_str(FONT);
    out.push_str("\", fontsize=9, penwidth=1.8, arrowsize=0.7];\n");
}

/// One kind of line in the picture, with its entry in the legend: a
/// persona's paths or, where one persona with several paths is shown, one
/// of its paths, so that each can be followed.
pub(crate) struct Line<'m> {
    /// Its colour, line style and arrow head (see [`persona_style`]).
    pub look: usize,
    pub persona: &'m Persona,
    /// Which of the persona's paths it draws.
    pub paths: std::ops::Range<usize>,
    /// Its name in the legend, and a few grey words after it.
    pub name: &'m str,
    pub note: String,
}

/// Whether one persona with several paths is shown: then each path gets a
/// line of its own.
fn by_path(personas: &[(usize, &Persona)]) -> bool {
    matches!(personas, [(_, persona)] if persona.paths.len() > 1)
}

pub(crate) fn lines<'m>(personas: &[(usize, &'m Persona)], words: &Words) -> Vec<Line<'m>> {
    match personas {
        [(_, persona)] if by_path(personas) => persona
            .paths
            .iter()
            .enumerate()
            .map(|(k, path)| Line {
                look: k,
                persona,
                paths: k..k + 1,
                name: name_or_id(&path.name, &path.id),
                note: words.outcome_name(path.outcome).to_string(),
            })
            .collect(),
        _ => personas
            .iter()
            .map(|&(n, persona)| Line {
                look: n,
                persona,
                paths: 0..persona.paths.len(),
                name: name_or_id(&persona.name, &persona.id),
                note: outcomes(persona, words),
            })
            .collect(),
    }
}

/// A column right of the stages that says what the shapes and the lines
/// mean. The persona lines are an HTML-like table, so that each sample
/// line sits exactly beside its name; the sample is the bottom border of
/// the upper of two small cells, which puts it level with the text.
fn legend(
    out: &mut String,
    lines: &[Line],
    last_anchor: Option<&NodeId>,
    faded: bool,
    words: &Words,
) {
    // "direct touchpoint (own channel)" on two lines.
    let two_lines = |s: &str| s.replacen(" (", "\n(", 1);
    out.push_str("\n    subgraph \"cluster_legend\" {\n        graph [label=");
    push_quoted(out, words.legend);
    out.push_str(", fontsize=12, style=\"rounded\", color=\"#c5ccd3\"];\n");
    out.push_str("        \"legend_direct\" [label=");
    push_quoted(out, &two_lines(words.direct_touchpoint));
    out.push_str(", shape=box, style=\"rounded,filled\"];\n");
    out.push_str("        \"legend_indirect\" [label=");
    push_quoted(out, &two_lines(words.indirect_touchpoint));
    out.push_str(", shape=ellipse, style=\"dashed,filled\"];\n");
    let mut column = vec!["legend_direct", "legend_indirect"];
    if faded {
        out.push_str("        \"legend_faded\" [label=");
        push_quoted(out, words.not_visited);
        out.push_str(", shape=box, style=\"rounded,filled\"");
        out.push_str(FADED);
        out.push_str("];\n");
        column.push("legend_faded");
    }
    if !lines.is_empty() {
        out.push_str("        \"legend_personas\" [shape=plaintext, label=<<TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"1\">");
        for line in lines {
            let (color, style, arrow) = persona_style(line.look);
            let _ = write!(
                out,
                "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD WIDTH=\"44\" HEIGHT=\"7\" SIDES=\"B\" BORDER=\"2\" COLOR=\"{color}\" STYLE=\"{style}\"></TD></TR><TR><TD HEIGHT=\"7\"></TD></TR></TABLE></TD><TD><FONT COLOR=\"{color}\">{}</FONT></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">",
                arrow_glyph(arrow)
            );
            push_html(out, line.name);
            out.push_str(" <FONT POINT-SIZE=\"9\" COLOR=\"#5a6570\">· ");
            push_html(out, &line.note);
            out.push_str("</FONT></TD></TR>");
        }
        out.push_str("</TABLE>>];\n");
        column.push("legend_personas");
    }
    out.push_str("        { rank=same;");
    for node in &column {
        let _ = write!(out, " \"{node}\";");
    }
    // In a left-to-right graph an edge within a rank puts its head above
    // its tail, so the chain that stacks the entries runs bottom to top.
    out.push_str(" }\n        ");
    for (k, node) in column.iter().rev().enumerate() {
        if k > 0 {
            out.push_str(" -> ");
        }
        let _ = write!(out, "\"{node}\"");
    }
    out.push_str(" [style=invis];\n    }\n");
    if let Some(anchor) = last_anchor {
        out.push_str("    ");
        anchor.push_quoted(out);
        out.push_str(" -> \"legend_direct\" [style=invis, weight=100];\n");
    }
}

/// A name, or the id where the name shows nothing.
pub(super) fn name_or_id<'s>(name: &'s str, id: &'s str) -> &'s str {
    if is_blank(name) { id } else { name }
}

/// The arrow head drawn as a character, for the legend.
fn arrow_glyph(arrow: &str) -> &'static str {
    match arrow {
        "diamond" => "◆",
        "dot" => "●",
        "box" => "■",
        _ => "▶",
    }
}

/// How a persona's paths ended, in a few words: `converted`, or `1 of 2
/// paths converted`.
fn outcomes(persona: &Persona, words: &Words) -> String {
    let total = persona.paths.len();
    let converted = persona
        .paths
        .iter()
        .filter(|p| p.outcome == Outcome::Converted)
        .count();
    match (total, persona.paths.first()) {
        (0, _) => words.no_path.to_string(),
        (1, Some(path)) => words.outcome_name(path.outcome).to_string(),
        _ => words.paths_converted(converted, total),
    }
}

/// Writes `s` as a quoted DOT string that shows exactly `s` as a label:
/// `\` and `"` are escaped, so `\N`, `\G`, `\l` and a trailing backslash
/// stay literal text; a newline becomes a centred line break `\n`; control
/// characters are dropped.
pub fn push_quoted(out: &mut String, s: &str) {
    const QUOTED: Escapes = Escapes::new(&[
        (b'\\', "\\\\"),
        (b'"', "\\\""),
        (b'\n', "\\n"),
        (b'\t', " "),
    ]);
    out.push('"');
    push_clean(out, s, true, &QUOTED);
    out.push('"');
}

/// Writes `s` as the text of an HTML-like label: XML's five entities are
/// escaped, `\` is doubled (Graphviz expands `\N` even here), a newline
/// becomes `<BR/>`, control characters are dropped.
pub fn push_html(out: &mut String, s: &str) {
    const HTML: Escapes = Escapes::new(&[
        (b'&', "&amp;"),
        (b'<', "&lt;"),
        (b'>', "&gt;"),
        (b'"', "&quot;"),
        (b'\'', "&#39;"),
        // Graphviz expands `\N`, `\G` and friends in HTML-like labels
        // too, after entities are decoded; `\\` is what keeps a
        // backslash literal.
        (b'\\', "\\\\"),
        // Graphviz 2.43 fails on a `]` that starts text after a tag
        // (`<FONT>]`); as an entity it is read the same everywhere.
        (b']', "&#93;"),
        (b'\n', "<BR/>"),
        (b'\t', " "),
    ]);
    push_clean(out, s, true, &HTML);
}

/// [`push_html`], with lines longer than [`WRAP`] broken at spaces.
fn push_html_wrapped(out: &mut String, s: &str) {
    let s = s.trim();
    // Bytes first: no string has more characters than bytes.
    if s.len() <= WRAP || s.chars().count() <= WRAP {
        push_html(out, s);
        return;
    }
    let mut wrapped = String::with_capacity(s.len() + 8);
    for (l, line) in s.lines().enumerate() {
        if l > 0 {
            wrapped.push('\n');
        }
        let mut width = 0;
        for (w, word) in line.split(' ').enumerate() {
            let len = word.chars().count();
            if w > 0 {
                if width > 0 && width + 1 + len > WRAP {
                    wrapped.push('\n');
                    width = 0;
                } else {
                    wrapped.push(' ');
                    width += 1;
                }
            }
            wrapped.push_str(word);
            width += len;
        }
    }
    push_html(out, &wrapped);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_threads_write_what_one_does() {
        let mut map = crate::core::generate::generate(crate::core::generate::Size {
            stages: 5,
            touchpoints_per_stage: PARALLEL_FROM / 5,
            personas: 30,
            steps_per_path: 12,
        });
        for options in [Options::all(), Options::persona("persona-3")] {
            let personas: Vec<_> = options.personas(&map).collect();
            let lines = lines(&personas, &crate::core::words::EN);
            let parallel = export_parallel(&map, &options, &personas, &lines);
            let serial = export_serial(&map, &options, &personas, &lines);
            assert_eq!(parallel.as_ref(), Some(&serial));
            assert_eq!(export(&map, &options), serial);
        }
        // An id that cannot be a node id as it is: the guess fails, and the
        // export starts over on one thread.
        map.stages[2].touchpoints[7].id = "tp 2.7".into();
        let options = Options::all();
        let personas: Vec<_> = options.personas(&map).collect();
        let lines = lines(&personas, &crate::core::words::EN);
        assert_eq!(export_parallel(&map, &options, &personas, &lines), None);
        let serial = export_serial(&map, &options, &personas, &lines);
        assert!(serial.contains("\"tp_tp_2_7\""));
        assert_eq!(export(&map, &options), serial);
    }

    fn quoted(s: &str) -> String {
        let mut out = String::new();
        push_quoted(&mut out, s);
        out
    }

    fn html(s: &str) -> String {
        let mut out = String::new();
        push_html(&mut out, s);
        out
    }

    #[test]
    fn quoted_strings_keep_escapes_literal() {
        assert_eq!(quoted(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(quoted(r"\N \G \l"), r#""\\N \\G \\l""#);
        assert_eq!(quoted("ends in \\"), r#""ends in \\""#);
        assert_eq!(quoted("two\nlines"), r#""two\nlines""#);
        assert_eq!(quoted("a\x1b[0mb\u{202e}"), r#""ab""#);
        assert_eq!(quoted("\"]; x -> y ["), r#""\"]; x -> y [""#);
    }

    #[test]
    fn html_labels_escape_entities() {
        assert_eq!(html("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(html("a\nb"), "a<BR/>b");
        assert_eq!(html(r"\N \G end\"), r"\\N \\G end\\");
    }

    #[test]
    fn long_names_wrap_at_spaces() {
        let mut out = String::new();
        push_html_wrapped(&mut out, "Comparison test in a photography magazine");
        assert_eq!(out, "Comparison test in a<BR/>photography magazine");
    }
}
