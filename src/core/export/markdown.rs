//! GitHub-flavoured Markdown: the map as a wiki page.
//!
//! Every piece of map text is written as one line of inline text (see
//! [`push_inline`]), so a name can never open a block, end a table cell or
//! start HTML, whatever it holds. The page's own words come from the map's
//! language (see [`crate::core::words`]).
//!
//! A `<br>` never stands alone between two pieces of text: strict
//! renderers (cmark-gfm in safe mode, as several wikis run it) drop it, so
//! a separator that reads without it comes first (`; ` between the
//! touchpoints of a cell, a space for a line break in map text).

use super::{Index, Options, is_blank, push_number, short};
use crate::core::model::{Kind, Map, Outcome, Path, Persona, Touchpoint};
use crate::core::words::Words;
use std::fmt::Write;

// Here so that callers keep one path; it lives on its own so that the
// insight table, which this export includes, can use it without a cycle.
pub use super::markdown_inline::push_inline;

/// Up to this many personas, coverage is a matrix with one column per
/// persona; past it a table that wide is unreadable, so each row lists the
/// personas by name instead.
pub const MATRIX_MAX_PERSONAS: usize = 12;

/// The map as a Markdown page, ending in a newline.
pub fn export(map: &Map, options: &Options) -> String {
    let touchpoints: usize = map.stages.iter().map(|s| s.touchpoints.len()).sum();
    export_with(map, options, touchpoints >= super::PARALLEL_FROM)
}

/// [`export`], with the Attribution section, at S3 more than half of the
/// work, on a second thread if `parallel`.
fn export_with(map: &Map, options: &Options, parallel: bool) -> String {
    let index = Index::new(map);
    let personas: Vec<(usize, &Persona)> = options.personas(map).collect();
    // Every shown step's touchpoint, looked up once for all three uses
    // below: a second lookup of every step in a table of 100,000 ids is
    // what made the export grow faster than the map.
    let resolved: Vec<Option<usize>> = personas
        .iter()
        .flat_map(|(_, p)| &p.paths)
        .flat_map(|p| &p.steps)
        .map(|s| index.get(&s.touchpoint))
        .collect();
    let words = crate::core::words::for_map(map);
    let names = Names::new(map, &personas, words);
    let attribution = || {
        let persona = options.persona.as_deref();
        crate::core::insight::input::from_resolved(map, persona, &resolved)
            .ok()
            .and_then(|input| crate::core::insight::table::section_of(map, &input))
    };
    let map_part = || {
        let mut out = page(map, options, &index, &personas, &resolved, &names, words);
        coverage(&mut out, &index, &personas, &resolved, &names, words);
        out
    };
    let (mut out, attribution) = if parallel {
        std::thread::scope(|scope| {
            let attribution = scope.spawn(attribution);
            let out = map_part();
            let attribution = attribution
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (out, attribution)
        })
    } else {
        (map_part(), attribution())
    };
    if let Some(section) = attribution {
        out.push_str(&section);
    }
    // The sections each end in a blank line; a file ends in exactly one newline.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Stage and persona names as Markdown, written once: at S3 a stage's name
/// shows in a thousand rows, a persona's in hundreds. Each is cut to
/// [`crate::core::text::NAME_MAX`] characters, so that a long name costs
/// its length once, where its item is described, not on every row.
struct Names {
    stages: Vec<String>,
    /// By position in the shown list.
    personas: Vec<String>,
}

impl Names {
    fn new(map: &Map, personas: &[(usize, &Persona)], words: &Words) -> Names {
        let name = |name: &str, id: &str| {
            let mut out = String::new();
            push_short_name(&mut out, name, id, words);
            out
        };
        Names {
            stages: map.stages.iter().map(|s| name(&s.name, &s.id)).collect(),
            personas: personas.iter().map(|(_, p)| name(&p.name, &p.id)).collect(),
        }
    }
}

/// Everything before the coverage table: the title, the stages and the
/// personas with their paths.
fn page(
    map: &Map,
    options: &Options,
    index: &Index,
    personas: &[(usize, &Persona)],
    resolved: &[Option<usize>],
    names: &Names,
    w: &Words,
) -> String {
    let steps = resolved.len();
    // About what a touchpoint takes in the two tables, and a step in its
    // list: growing a buffer of megabytes means copying it.
    let mut out = String::with_capacity(768 + 128 * index.touchpoints.len() + 96 * steps);
    // One persona's page says whose it is, as the DOT picture's title does.
    let only = options
        .persona
        .as_ref()
        .and(personas.first().map(|(_, p)| *p));
    title(&mut out, map, only, w);
    stages(&mut out, map, w);
    if !personas.is_empty() {
        let _ = write!(out, "## {}\n\n", w.personas);
        let mut steps = resolved.iter();
        for (_, persona) in personas {
            persona_section(&mut out, map, index, persona, names, &mut steps, w);
        }
    }
    out
}

fn title(out: &mut String, map: &Map, persona: Option<&Persona>, w: &Words) {
    out.push_str("# ");
    if is_blank(&map.title) {
        out.push_str(w.untitled);
    } else {
        push_inline(out, &map.title);
    }
    if let Some(p) = persona {
        out.push_str(" — ");
        push_name(out, &p.name, &p.id, w);
    }
    out.push_str("\n\n");
    if !is_blank(&map.description) {
        push_inline(out, &map.description);
        out.push_str("\n\n");
    }
    if !is_blank(&map.conversion) {
        let _ = write!(out, "**{}:** ", w.conversion);
        push_inline(out, &map.conversion);
        out.push_str("\n\n");
    }
}

fn stages(out: &mut String, map: &Map, w: &Words) {
    let _ = write!(out, "## {}\n\n", w.stages);
    if map.stages.is_empty() {
        let _ = write!(out, "{}\n\n", w.no_stages);
        return;
    }
    let _ = writeln!(
        out,
        "| # | {} | {} | {} | {} |",
        w.stage, w.what_happens, w.direct_touchpoints, w.indirect_touchpoints
    );
    out.push_str("|---:|---|---|---|---|\n");
    for (s, stage) in map.stages.iter().enumerate() {
        let _ = write!(out, "| {} | ", s + 1);
        push_name(out, &stage.name, &stage.id, w);
        out.push_str(" | ");
        push_inline(out, &stage.description);
        for kind in [Kind::Direct, Kind::Indirect] {
            out.push_str(" | ");
            let mut first = true;
            for t in stage.touchpoints.iter().filter(|t| t.kind == kind) {
                if !first {
                    // `; ` reads right where a strict renderer drops the `<br>`.
                    out.push_str("; <br>");
                }
                first = false;
                push_touchpoint_name(out, t, w);
            }
        }
        out.push_str(" |\n");
    }
    out.push('\n');
}

/// `Name (channel)`, the way a touchpoint is named in every table.
fn push_touchpoint_name(out: &mut String, t: &Touchpoint, w: &Words) {
    push_name(out, &t.name, &t.id, w);
    let channel = &t.channel;
    if !is_blank(channel) {
        out.push_str(" (");
        push_inline(out, channel);
        out.push(')');
    }
}

/// Where each step of the shown paths leads, in path order.
type Steps<'r> = std::slice::Iter<'r, Option<usize>>;

fn persona_section(
    out: &mut String,
    map: &Map,
    index: &Index,
    persona: &Persona,
    names: &Names,
    steps: &mut Steps,
    w: &Words,
) {
    out.push_str("### ");
    push_name(out, &persona.name, &persona.id, w);
    out.push_str("\n\n");
    if !is_blank(&persona.description) {
        push_inline(out, &persona.description);
        out.push_str("\n\n");
    }
    if persona.paths.is_empty() {
        let _ = write!(out, "{}\n\n", w.persona_no_paths);
    }
    for path in &persona.paths {
        path_section(out, map, index, path, names, steps, w);
    }
}

fn path_section(
    out: &mut String,
    map: &Map,
    index: &Index,
    path: &Path,
    names: &Names,
    steps: &mut Steps,
    w: &Words,
) {
    let _ = write!(out, "#### {}: ", w.path);
    push_name(out, &path.name, &path.id, w);
    out.push_str("\n\n");
    if path.steps.is_empty() {
        let _ = write!(out, "{}\n\n", w.no_steps);
    }
    for (n, step) in path.steps.iter().enumerate() {
        push_number(out, n + 1);
        out.push_str(". ");
        match steps.next().copied().flatten() {
            Some(t) => {
                let (s, touchpoint) = index.touchpoints[t];
                out.push_str("**");
                out.push_str(&names.stages[s]);
                out.push_str("** · ");
                push_name(out, &touchpoint.name, &touchpoint.id, w);
                out.push_str(" (");
                out.push_str(w.kind_name(touchpoint.kind));
                out.push(')');
            }
            None => {
                out.push_str(w.unknown_touchpoint);
                out.push(' ');
                push_inline(out, &step.touchpoint);
            }
        }
        if let Some(e) = step.emotion {
            out.push_str(" · ");
            out.push_str(emotion(e));
        }
        if !is_blank(&step.note) {
            out.push_str(" · ");
            push_inline(out, &step.note);
        }
        out.push('\n');
    }
    if !path.steps.is_empty() {
        out.push('\n');
    }
    let _ = write!(out, "**{}:** ", w.outcome);
    out.push_str(match path.outcome {
        Outcome::Converted => "✅ ",
        Outcome::DroppedOut => "❌ ",
        Outcome::Open => "⏳ ",
    });
    out.push_str(w.outcome_name(path.outcome));
    if path.outcome == Outcome::Converted && !is_blank(&map.conversion) {
        out.push_str(" (");
        push_inline(out, &map.conversion);
        out.push(')');
    }
    out.push_str("\n\n");
}

/// An emotion as a face and a signed number, so that it reads without the
/// face too.
pub fn emotion(e: i8) -> &'static str {
    match e {
        i8::MIN..=-2 => "😞 -2",
        -1 => "🙁 -1",
        0 => "😐 0",
        1 => "🙂 +1",
        _ => "😀 +2",
    }
}

/// Which personas and paths pass through each touchpoint.
struct Coverage {
    /// For each touchpoint, the positions (in the shown list) of the
    /// personas that visit it, each once.
    personas: Vec<Vec<u32>>,
    /// For each touchpoint, the number of paths that visit it.
    paths: Vec<u32>,
    /// For each touchpoint, how many of those paths converted.
    converted: Vec<u32>,
}

impl Coverage {
    fn new(index: &Index, personas: &[(usize, &Persona)], resolved: &[Option<usize>]) -> Coverage {
        let n = index.touchpoints.len();
        let mut c = Coverage {
            personas: vec![Vec::new(); n],
            paths: vec![0; n],
            converted: vec![0; n],
        };
        // The last path seen at each touchpoint, so a path that loops
        // through a touchpoint counts once.
        let mut last_path = vec![usize::MAX; n];
        let mut path_no = 0;
        let mut resolved = resolved.iter();
        for (shown, (_, persona)) in personas.iter().enumerate() {
            for path in &persona.paths {
                for _ in &path.steps {
                    let Some(t) = resolved.next().copied().flatten() else {
                        continue;
                    };
                    if last_path[t] == path_no {
                        continue;
                    }
                    last_path[t] = path_no;
                    c.paths[t] += 1;
                    if path.outcome == Outcome::Converted {
                        c.converted[t] += 1;
                    }
                    let shown = shown as u32;
                    if c.personas[t].last() != Some(&shown) {
                        c.personas[t].push(shown);
                    }
                }
                path_no += 1;
            }
        }
        c
    }
}

fn coverage(
    out: &mut String,
    index: &Index,
    personas: &[(usize, &Persona)],
    resolved: &[Option<usize>],
    names: &Names,
    w: &Words,
) {
    if index.touchpoints.is_empty() {
        return;
    }
    let cov = Coverage::new(index, personas, resolved);
    let matrix = personas.len() <= MATRIX_MAX_PERSONAS;
    let _ = write!(out, "## {}\n\n{}\n\n", w.coverage, w.coverage_intro);
    let _ = write!(out, "| {} | {} | {} |", w.touchpoint, w.stage, w.kind);
    if matrix {
        for name in &names.personas {
            out.push(' ');
            out.push_str(name);
            out.push_str(" |");
        }
    } else {
        let _ = write!(out, " {} |", w.personas);
    }
    let _ = write!(
        out,
        " {} | {} |\n|---|---|---|",
        w.paths, w.converted_column
    );
    if matrix {
        for _ in personas {
            out.push_str(":---:|");
        }
    } else {
        out.push_str("---|");
    }
    out.push_str("---:|---:|\n");
    for (t, (s, touchpoint)) in index.touchpoints.iter().enumerate() {
        out.push_str("| ");
        push_touchpoint_name(out, touchpoint, w);
        out.push_str(" | ");
        out.push_str(&names.stages[*s]);
        out.push_str(" | ");
        out.push_str(w.kind_name(touchpoint.kind));
        out.push_str(" |");
        let visitors = &cov.personas[t];
        if matrix {
            let mut next = visitors.iter().peekable();
            for shown in 0..personas.len() as u32 {
                if next.peek() == Some(&&shown) {
                    next.next();
                    out.push_str(" ✓ |");
                } else {
                    out.push_str("  |");
                }
            }
        } else {
            out.push(' ');
            for (k, &shown) in visitors.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                out.push_str(&names.personas[shown as usize]);
            }
            out.push_str(" |");
        }
        out.push(' ');
        push_number(out, cov.paths[t] as usize);
        out.push_str(" | ");
        push_number(out, cov.converted[t] as usize);
        out.push_str(" |\n");
    }
    out.push('\n');
}

/// A name, or the id in its place where the name is blank, so that every
/// reference stays visible; `(unnamed)` where both are blank.
fn push_name(out: &mut String, name: &str, id: &str, w: &Words) {
    if !is_blank(name) {
        push_inline(out, name);
    } else if !is_blank(id) {
        push_inline(out, id);
    } else {
        out.push_str(w.unnamed);
    }
}

/// [`push_name`], cut to [`crate::core::text::NAME_MAX`] characters, for a
/// name that refers to its item from elsewhere.
fn push_short_name(out: &mut String, name: &str, id: &str, w: &Words) {
    if !is_blank(name) {
        push_inline(out, &short(name));
    } else if !is_blank(id) {
        push_inline(out, &short(id));
    } else {
        out.push_str(w.unnamed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(s: &str) -> String {
        let mut out = String::new();
        push_inline(&mut out, s);
        out
    }

    #[test]
    fn two_threads_write_what_one_does() {
        let map = crate::core::generate::generate(crate::core::generate::Size {
            stages: 4,
            touchpoints_per_stage: 50,
            personas: 30,
            steps_per_path: 12,
        });
        for options in [Options::all(), Options::persona("persona-3")] {
            let serial = export_with(&map, &options, false);
            assert!(serial.contains("## Coverage"));
            // persona-3 only drops out: no conversions, no Attribution.
            assert_eq!(serial.contains("## Attribution"), options.persona.is_none());
            assert_eq!(export_with(&map, &options, true), serial);
        }
    }

    #[test]
    fn structure_is_escaped() {
        assert_eq!(inline("a|b"), "a\\|b");
        assert_eq!(inline("a\nb"), "a <br>b");
        assert_eq!(inline("<b>&amp;"), "&lt;b&gt;&amp;amp;");
        assert_eq!(
            inline("*x* _y_ `z` [l](u)"),
            "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u)"
        );
        assert_eq!(inline("# h"), "\\# h");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("12. x"), "12\\. x");
        assert_eq!(inline("3) x"), "3\\) x");
        assert_eq!(inline("> q"), "&gt; q");
        assert_eq!(inline("12 x"), "12 x");
        assert_eq!(inline("ends in \\"), "ends in \\\\");
        assert_eq!(inline("C# $5"), "C# \\$5");
        assert_eq!(inline("# a ##"), "\\# a \\#\\#");
    }

    #[test]
    fn control_characters_never_pass() {
        assert_eq!(inline("a\x1b[31mb\u{202e}c\u{85}"), "abc");
    }

    #[test]
    fn emotions_read_without_colour() {
        assert_eq!(emotion(-2), "😞 -2");
        assert_eq!(emotion(2), "😀 +2");
    }
}
