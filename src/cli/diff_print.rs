//! Printing a semantic diff: for people (optionally in colour) and as
//! Markdown for a pull-request comment.

use crate::core::diff::changes::{Change, ItemKind, MapDiff, Ref, What};
use crate::core::diff::fields::is_prose;
use crate::core::diff::words::{Run, wants_word_diff, word_diff};
use crate::core::export::markdown::push_inline;
use crate::core::text::{NAME_MAX, cut, printable};

/// Plain text, or text with ANSI colours for a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Ansi,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        match self {
            Style::Plain => text.to_string(),
            Style::Ansi => format!("\u{1b}[{code}m{text}\u{1b}[0m"),
        }
    }

    /// Bold, for headers.
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// A name for one line: control characters shown, newlines escaped, cut.
fn line_text(s: &str) -> String {
    printable(&cut(s, NAME_MAX))
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

/// A value for one line, whole: a diff must show everything that changed.
fn value_text(s: &str) -> String {
    printable(s).replace('\n', "\\n").replace('\t', "\\t")
}

/// An item as `check` names it: `touchpoint "Name" (id)`.
fn named(kind: &str, name: &str, id: &str) -> String {
    format!("{kind} \"{}\" ({})", line_text(name), line_text(id))
}

fn holder_word(item: ItemKind) -> &'static str {
    match item {
        ItemKind::Touchpoint => "stage",
        _ => "persona",
    }
}

fn holder(item: ItemKind, r: &Ref) -> String {
    named(holder_word(item), &r.name, &r.id)
}

/// The item a change is about, with its persona for a path.
fn subject(c: &Change) -> String {
    match (c.item, &c.within) {
        (ItemKind::Map, _) => "map".to_string(),
        (ItemKind::Path, Some(p)) => format!(
            "{} of \"{}\"",
            named("path", &c.name, &c.id),
            line_text(&p.name)
        ),
        _ => named(c.item.word(), &c.name, &c.id),
    }
}

fn value(v: &Option<String>) -> String {
    match v {
        Some(v) => format!("\"{}\"", value_text(v)),
        None => "(none)".to_string(),
    }
}

/// The diff for people: one line per change, marked `+` added, `-`
/// removed, `>` moved, `~` changed, and the summary last.
pub fn human(diff: &MapDiff, style: Style) -> String {
    let mut out = String::new();
    for c in &diff.changes {
        let (mark, colour, text) = human_line(c, style);
        out.push_str(&style.paint(colour, mark));
        out.push(' ');
        out.push_str(&text);
        out.push('\n');
    }
    out.push_str(&diff.summary());
    out.push('\n');
    out
}

fn human_line(c: &Change, style: Style) -> (&'static str, &'static str, String) {
    let this = subject(c);
    match &c.what {
        What::Added => {
            let within = c
                .within
                .as_ref()
                .filter(|_| c.item == ItemKind::Touchpoint)
                .map(|r| format!(" to {}", holder(c.item, r)))
                .unwrap_or_default();
            ("+", "32", format!("{this} added{within}"))
        }
        What::Removed => {
            let within = c
                .within
                .as_ref()
                .filter(|_| c.item == ItemKind::Touchpoint)
                .map(|r| format!(" from {}", holder(c.item, r)))
                .unwrap_or_default();
            ("-", "31", format!("{this} removed{within}"))
        }
        What::Renamed { old, .. } => (
            "~",
            "33",
            format!("{this} renamed from \"{}\"", line_text(old)),
        ),
        What::Moved {
            from: Some(from),
            to: Some(to),
            ..
        } => (
            ">",
            "36",
            format!(
                "{this} moved from {} to {}",
                holder(c.item, from),
                holder(c.item, to)
            ),
        ),
        What::Moved {
            old_position,
            new_position,
            ..
        } => {
            let within = c
                .within
                .as_ref()
                .filter(|_| c.item != ItemKind::Path)
                .map(|r| format!(" in {}", holder(c.item, r)))
                .unwrap_or_default();
            (
                ">",
                "36",
                format!("{this} moved from position {old_position} to {new_position}{within}"),
            )
        }
        What::Field { field, old, new } => (
            "~",
            "33",
            format!("{this}: {}", change_text(field, old, new, style)),
        ),
        What::StepAdded { step, touchpoint } => (
            "+",
            "32",
            format!("{this}: step {step} ({}) added", line_text(touchpoint)),
        ),
        What::StepRemoved { step, touchpoint } => (
            "-",
            "31",
            format!("{this}: step {step} ({}) removed", line_text(touchpoint)),
        ),
        What::StepsReordered { old, new } => (
            ">",
            "36",
            format!(
                "{this}: steps reordered: {} → {}",
                line_text(&old.join(", ")),
                line_text(&new.join(", "))
            ),
        ),
        What::StepChanged {
            step,
            touchpoint,
            field,
            old,
            new,
        } => (
            "~",
            "33",
            format!(
                "{this}: step {step} ({}) {}",
                line_text(touchpoint),
                change_text(field, old, new, style)
            ),
        ),
    }
}

/// `"old" → "new"`, or for long prose a word diff with `[-removed-]` and
/// `{+added+}` (as `git diff --word-diff` writes them), coloured in a
/// terminal.
fn change_text(field: &str, old: &Option<String>, new: &Option<String>, style: Style) -> String {
    let (a, b) = (old.as_deref().unwrap_or(""), new.as_deref().unwrap_or(""));
    if !(is_prose(field) && old.is_some() && new.is_some() && wants_word_diff(a, b)) {
        return format!("{field} {} → {}", value(old), value(new));
    }
    let mut out = format!("{field}: ");
    for run in word_diff(a, b) {
        match run {
            Run::Same(s) => out.push_str(&value_text(&s)),
            Run::Removed(s) => out.push_str(&style.paint("31", &format!("[-{}-]", value_text(&s)))),
            Run::Added(s) => out.push_str(&style.paint("32", &format!("{{+{}+}}", value_text(&s)))),
        }
    }
    out
}

/// The diff as GitHub-flavoured Markdown, for a pull-request comment: a
/// heading, one bullet per change, and the summary.
pub fn markdown(diff: &MapDiff, old: &str, new: &str) -> String {
    let mut out = String::from("### Journey map changes\n\n");
    if old == new {
        push_inline(&mut out, old);
    } else {
        push_inline(&mut out, old);
        out.push_str(" → ");
        push_inline(&mut out, new);
    }
    out.push_str("\n\n");
    for c in &diff.changes {
        out.push_str("- ");
        md_line(&mut out, c);
        out.push('\n');
    }
    if !diff.is_empty() {
        out.push('\n');
    }
    out.push_str("**Summary:** ");
    push_inline(&mut out, &diff.summary());
    out.push('\n');
    out
}

fn md_named(out: &mut String, kind: &str, name: &str, id: &str) {
    out.push_str(kind);
    out.push_str(" **");
    push_inline(out, &cut(name, NAME_MAX));
    out.push_str("** (");
    push_inline(out, &cut(id, NAME_MAX));
    out.push(')');
}

fn md_subject(out: &mut String, c: &Change) {
    if c.item == ItemKind::Map {
        out.push_str("map");
        return;
    }
    md_named(out, c.item.word(), &c.name, &c.id);
    if let (ItemKind::Path, Some(p)) = (c.item, &c.within) {
        out.push_str(" of ");
        push_inline(out, &cut(&p.name, NAME_MAX));
    }
}

fn md_value(out: &mut String, v: &Option<String>) {
    match v {
        Some(v) if !v.trim().is_empty() => {
            out.push('“');
            push_inline(out, v);
            out.push('”');
        }
        Some(_) => out.push_str("“”"),
        None => out.push_str("*(none)*"),
    }
}

fn md_change(out: &mut String, field: &str, old: &Option<String>, new: &Option<String>) {
    let (a, b) = (old.as_deref().unwrap_or(""), new.as_deref().unwrap_or(""));
    if is_prose(field) && old.is_some() && new.is_some() && wants_word_diff(a, b) {
        out.push_str(": ");
        let mut after_removed = false;
        for run in word_diff(a, b) {
            match run {
                Run::Same(s) => push_spaced(out, &s, "", ""),
                Run::Removed(s) => push_spaced(out, &s, "~~", "~~"),
                Run::Added(s) => {
                    if after_removed && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    push_spaced(out, &s, "**", "**");
                }
            }
            after_removed = matches!(out.as_bytes().last(), Some(b'~'));
        }
        return;
    }
    out.push(' ');
    md_value(out, old);
    out.push_str(" → ");
    md_value(out, new);
}

/// Writes a run with its emphasis inside the spaces around it, since
/// Markdown ignores `~~ x~~`.
fn push_spaced(out: &mut String, s: &str, open: &str, close: &str) {
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    if !lead.is_empty() {
        out.push(' ');
    }
    if !s.trim().is_empty() {
        out.push_str(open);
        push_inline(out, s.trim());
        out.push_str(close);
    }
    if !trail.is_empty() && !s.trim().is_empty() {
        out.push(' ');
    }
}

fn md_holder(out: &mut String, c: &Change, prep: &str, r: &Ref) {
    out.push(' ');
    out.push_str(prep);
    out.push(' ');
    md_named(out, holder_word(c.item), &r.name, &r.id);
}

fn md_line(out: &mut String, c: &Change) {
    match &c.what {
        What::Added => {
            out.push_str("➕ added ");
            md_subject(out, c);
            if let Some(r) = c.within.as_ref().filter(|_| c.item == ItemKind::Touchpoint) {
                md_holder(out, c, "to", r);
            }
        }
        What::Removed => {
            out.push_str("➖ removed ");
            md_subject(out, c);
            if let Some(r) = c.within.as_ref().filter(|_| c.item == ItemKind::Touchpoint) {
                md_holder(out, c, "from", r);
            }
        }
        What::Renamed { old, .. } => {
            out.push_str("✏️ renamed ");
            md_subject(out, c);
            out.push_str(" from “");
            push_inline(out, &cut(old, NAME_MAX));
            out.push('”');
        }
        What::Moved {
            from,
            to,
            old_position,
            new_position,
        } => {
            out.push_str("↔️ moved ");
            md_subject(out, c);
            match (from, to) {
                (Some(from), Some(to)) => {
                    md_holder(out, c, "from", from);
                    md_holder(out, c, "to", to);
                }
                _ => out.push_str(&format!(" from position {old_position} to {new_position}")),
            }
        }
        What::Field { field, old, new } => {
            out.push_str("✏️ ");
            md_subject(out, c);
            out.push_str(&format!(": {field}"));
            md_change(out, field, old, new);
        }
        What::StepAdded { step, touchpoint } => {
            out.push_str("➕ ");
            md_subject(out, c);
            out.push_str(&format!(": step {step} ("));
            push_inline(out, touchpoint);
            out.push_str(") added");
        }
        What::StepRemoved { step, touchpoint } => {
            out.push_str("➖ ");
            md_subject(out, c);
            out.push_str(&format!(": step {step} ("));
            push_inline(out, touchpoint);
            out.push_str(") removed");
        }
        What::StepsReordered { old, new } => {
            out.push_str("↔️ ");
            md_subject(out, c);
            out.push_str(": steps reordered: ");
            push_inline(out, &old.join(", "));
            out.push_str(" → ");
            push_inline(out, &new.join(", "));
        }
        What::StepChanged {
            step,
            touchpoint,
            field,
            old,
            new,
        } => {
            out.push_str("✏️ ");
            md_subject(out, c);
            out.push_str(&format!(": step {step} ("));
            push_inline(out, touchpoint);
            out.push_str(&format!(") {field}"));
            md_change(out, field, old, new);
        }
    }
}
