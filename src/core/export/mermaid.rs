//! Mermaid `flowchart LR`: one subgraph per stage, persona paths as links
//! coloured with `linkStyle`, ending in a marker where a path converts or
//! drops out, and a legend of the two shapes in the map's language. Pastes into a GitHub comment inside a
//! ```` ```mermaid ```` block.
//!
//! Labels are always quoted, and every character Mermaid could read as
//! syntax is written as an entity code such as `#quot;` (see
//! [`push_label`]). Node ids are derived from the map's ids: ASCII
//! letters, digits and `_` after a prefix, made unique where needed.

use super::dot::{lines, persona_style};
use super::ids::{Ids, touchpoint_ids};
use super::{Exported, Index, Options, clean, is_blank, push_escaped};
use crate::core::model::{Kind, Map, Outcome, Persona};
use std::collections::HashSet;
use std::fmt::Write;

/// Mermaid's default `maxEdges`: a diagram with more links does not render.
pub const MAX_LINKS: usize = 500;

/// Mermaid's default `maxTextSize`: a longer diagram does not render.
pub const MAX_TEXT: usize = 50_000;

/// The map as a Mermaid flowchart, with warnings where Mermaid's default
/// limits would stop it from rendering.
pub fn export(map: &Map, options: &Options) -> Exported {
    let index = Index::new(map);
    let words = crate::core::words::for_map(map);
    let personas: Vec<(usize, &Persona)> = options.personas(map).collect();
    let mut out = String::with_capacity(512 + 80 * index.touchpoints.len());
    let mut stage_ids_maker = Ids::new("st_", false);
    let mut empty_ids = Ids::new("empty_", false);
    let mut title_changed = false;
    if !is_blank(&map.title) {
        out.push_str("---\ntitle: ");
        title_changed = push_title(&mut out, &map.title);
        out.push_str("\n---\n");
    }
    out.push_str("flowchart LR\n");

    let node_ids = touchpoint_ids(&index, "tp_", false);
    let mut stage_ids = Vec::with_capacity(map.stages.len());
    for (s, stage) in map.stages.iter().enumerate() {
        let sid = stage_ids_maker.make(&stage.id);
        let _ = write!(out, "    subgraph {sid}[\"{}. ", s + 1);
        push_label(&mut out, name_or_id(&stage.name, &stage.id));
        out.push_str("\"]\n        direction TB\n");
        let first = index.stage_start[s];
        if stage.touchpoints.is_empty() {
            let empty = empty_ids.make(&stage.id);
            let _ = write!(out, "        {empty}[\"(");
            push_label(&mut out, words.no_touchpoints);
            out.push_str(")\"]\n");
        }
        for (k, t) in stage.touchpoints.iter().enumerate() {
            let (open, close) = match t.kind {
                Kind::Direct => ("[\"", "\"]"),
                Kind::Indirect => ("([\"", "\"])"),
            };
            let _ = write!(out, "        {}{open}", node_ids.get(first + k, &t.id));
            push_label(&mut out, name_or_id(&t.name, &t.id));
            if !is_blank(&t.channel) {
                out.push_str("<br>(");
                push_label(&mut out, &t.channel);
                out.push(')');
            }
            out.push_str(close);
            out.push('\n');
        }
        out.push_str("    end\n");
        stage_ids.push(sid);
    }

    // Links are numbered in the order they appear; linkStyle needs those
    // numbers. The invisible chain keeps the stages in map order.
    let mut links = 0;
    for pair in stage_ids.windows(2) {
        let _ = writeln!(out, "    {} ~~~ {}", pair[0], pair[1]);
        links += 1;
    }
    let mut styles = String::new();
    let mut markers = 0;
    let mut outcome_ids: Vec<String> = Vec::new();
    // As in the DOT export: a line per persona, or per path where one
    // persona with several paths is shown.
    for line in lines(&personas, words) {
        let first_link = links;
        // One link per step a line takes, however many of its paths take
        // it, and its name on the first one only.
        let mut drawn: HashSet<(usize, usize)> = HashSet::new();
        let mut ends: HashSet<(usize, bool)> = HashSet::new();
        for path in &line.persona.paths[line.paths.clone()] {
            let mut previous: Option<(usize, &str)> = None;
            for step in &path.steps {
                let Some(t) = index.get(&step.touchpoint) else {
                    continue;
                };
                if let Some((p, p_id)) = previous.filter(|&(p, _)| drawn.insert((p, t))) {
                    let _ = write!(out, "    {} -->", node_ids.get(p, p_id));
                    if links == first_link {
                        out.push_str("|\"");
                        push_label(&mut out, line.name);
                        out.push_str("\"|");
                    }
                    let _ = writeln!(out, " {}", node_ids.get(t, &step.touchpoint));
                    links += 1;
                }
                previous = Some((t, &step.touchpoint));
            }
            // Where the path converts or drops out, a marker says so, as
            // in the DOT export: one per line, outcome and last touchpoint.
            let converted = match path.outcome {
                Outcome::Converted => true,
                Outcome::DroppedOut => false,
                Outcome::Open => continue,
            };
            if let Some((last, last_id)) = previous.filter(|&(p, _)| ends.insert((p, converted))) {
                let text = if converted {
                    format!("✓ {}", words.converted)
                } else {
                    format!("✗ {}", words.dropped_out)
                };
                let _ = write!(
                    out,
                    "    {} --> outcome_{markers}[\"",
                    node_ids.get(last, last_id)
                );
                push_label(&mut out, &text);
                out.push_str("\"]\n");
                outcome_ids.push(format!("outcome_{markers}"));
                markers += 1;
                links += 1;
            }
        }
        if links > first_link {
            let (color, style, _) = persona_style(line.look);
            styles.push_str("    linkStyle ");
            for l in first_link..links {
                if l > first_link {
                    styles.push(',');
                }
                let _ = write!(styles, "{l}");
            }
            let dash = match style {
                "dashed" => ",stroke-dasharray:8 4",
                "dotted" => ",stroke-dasharray:2 3",
                _ => "",
            };
            let _ = writeln!(styles, " stroke:{color},stroke-width:2px{dash}");
        }
    }
    out.push_str(&styles);
    // The legend says what the two shapes mean, in the map's language.
    let _ = write!(out, "    subgraph legend[\"");
    push_label(&mut out, words.legend);
    out.push_str("\"]\n        direction TB\n        legend_direct[\"");
    push_label(&mut out, words.direct_touchpoint);
    out.push_str("\"]\n        legend_indirect([\"");
    push_label(&mut out, words.indirect_touchpoint);
    out.push_str("\"])\n    end\n");
    out.push_str("    classDef direct fill:#ffffff,stroke:#33414e,stroke-width:1.5px\n");
    out.push_str("    classDef indirect fill:#ffffff,stroke:#33414e,stroke-width:1.5px,stroke-dasharray:5 4\n");
    out.push_str("    classDef outcome fill:#ffffff,stroke:#ffffff\n");
    out.push_str("    class legend_direct direct\n    class legend_indirect indirect\n");
    if !outcome_ids.is_empty() {
        let _ = writeln!(out, "    class {} outcome", outcome_ids.join(","));
    }
    for kind in [Kind::Direct, Kind::Indirect] {
        let mut members = index
            .touchpoints
            .iter()
            .enumerate()
            .filter(|(_, (_, t))| t.kind == kind)
            .map(|(n, (_, t))| node_ids.get(n, &t.id))
            .peekable();
        if members.peek().is_some() {
            out.push_str("    class ");
            for (k, id) in members.enumerate() {
                if k > 0 {
                    out.push(',');
                }
                id.push_to(&mut out);
            }
            out.push(' ');
            out.push_str(kind.label());
            out.push('\n');
        }
    }

    let mut warnings = Vec::new();
    if title_changed {
        warnings.push(
            "mermaid: Mermaid shows `&` `<` `>` in a title escaped, as `&amp;`; the title has the look-alikes `＆` `‹` `›` in their place".to_string(),
        );
    }
    if links > MAX_LINKS {
        warnings.push(format!(
            "mermaid: the flowchart has {links} links; Mermaid draws at most {MAX_LINKS} unless its `maxEdges` setting is raised (try --persona, or --format dot)"
        ));
    }
    if out.len() > MAX_TEXT {
        warnings.push(format!(
            "mermaid: the flowchart is {} characters; Mermaid draws at most {MAX_TEXT} unless its `maxTextSize` setting is raised (try --persona, or --format dot)",
            out.len()
        ));
    }
    Exported {
        text: out,
        warnings,
    }
}

/// A name, or the id where the name is blank, or `(unnamed)`.
fn name_or_id<'a>(name: &'a str, id: &'a str) -> &'a str {
    if !is_blank(name) {
        name
    } else if !is_blank(id) {
        id
    } else {
        "(unnamed)"
    }
}

/// Writes `s` for a quoted Mermaid label. Characters that Mermaid's
/// pre-processing or grammar could read as syntax (quotes, `#` entity
/// starts, `:` and `;` that its style rewriting looks for, `%` comments,
/// backticks that start Markdown strings, `|` link-label ends) and HTML
/// (`<`, `>`, `&`) become entity codes; a newline becomes `<br>`; control
/// characters are dropped.
pub fn push_label(out: &mut String, s: &str) {
    let s = clean(s, true);
    let s = s.trim();
    push_escaped(out, s, |b| match b {
        b'"' => Some("#quot;"),
        b'#' => Some("#35;"),
        b'&' => Some("#amp;"),
        b'<' => Some("#lt;"),
        b'>' => Some("#gt;"),
        b'`' => Some("#96;"),
        b':' => Some("#58;"),
        b';' => Some("#59;"),
        b'%' => Some("#37;"),
        b'|' => Some("#124;"),
        b'\\' => Some("#92;"),
        b'\n' => Some("<br>"),
        b'\t' => Some(" "),
        _ => None,
    });
}

/// Writes the title as a one-line YAML double-quoted string, for the front
/// matter. Mermaid escapes the title's HTML and then shows the escaped
/// text, so `&` `<` `>` become the look-alikes `＆` `‹` `›`; returns whether any did.
fn push_title(out: &mut String, s: &str) -> bool {
    let s = clean(s, false);
    let mut changed = false;
    out.push('"');
    for c in s.trim().chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' | '<' | '>' => {
                changed = true;
                out.push(match c {
                    '&' => '＆',
                    '<' => '‹',
                    _ => '›',
                });
            }
            c => out.push(c),
        }
    }
    out.push('"');
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> String {
        let mut out = String::new();
        push_label(&mut out, s);
        out
    }

    #[test]
    fn labels_use_entity_codes() {
        assert_eq!(label("say \"hi\""), "say #quot;hi#quot;");
        assert_eq!(label("C# & <b>"), "C#35; #amp; #lt;b#gt;");
        assert_eq!(label("a\nb\x1b"), "a<br>b");
        assert_eq!(label("lifestyle: #1;"), "lifestyle#58; #35;1#59;");
        assert_eq!(label("%% x"), "#37;#37; x");
    }

    #[test]
    fn yaml_title_is_quoted() {
        let mut out = String::new();
        assert!(!push_title(&mut out, "a: \"b\" # c\\\nd"));
        assert_eq!(out, "\"a: \\\"b\\\" # c\\\\ d\"");
        let mut out = String::new();
        assert!(push_title(&mut out, "R&D <b>"));
        assert_eq!(out, "\"R＆D ‹b›\"");
    }
}
