//! The canonical writer: one map, one byte string.
//!
//! Written by hand rather than through `ron::ser` so that the layout is ours
//! to keep stable: four-space indent, fixed field order, empty optional fields
//! left out, one path step per line, and every string escaped so that no raw
//! control or bidi character reaches the file.

use crate::core::model::{Kind, Language, Map, Outcome, Path, Persona, Stage, Step, Touchpoint};
use std::fmt::Write;

/// Serializes a map in the canonical layout, ending in a newline.
pub fn to_string(map: &Map) -> String {
    let mut w = Writer {
        out: String::with_capacity(4096),
        sink: None,
        failed: None,
    };
    w.map(map);
    w.out
}

/// Writes a map in the canonical layout to `sink` as it goes, the same
/// bytes as [`to_string`], holding only a small buffer of text: the
/// recovery writer keeps a large map without a second copy of it as text.
pub fn write_to(map: &Map, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut w = Writer {
        out: String::with_capacity(SPILL_AT + 4096),
        sink: Some(sink),
        failed: None,
    };
    w.map(map);
    w.spill(0);
    match w.failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// How much text [`write_to`] gathers before it hands it to the sink.
const SPILL_AT: usize = 64 * 1024;

struct Writer<'a> {
    out: String,
    /// Where the text goes as it is written; `None` keeps it all in `out`.
    sink: Option<&'a mut dyn std::io::Write>,
    /// The sink's first error; nothing more is written after it.
    failed: Option<std::io::Error>,
}

impl Writer<'_> {
    /// Hands the text gathered so far to the sink, once there is more than
    /// `at` bytes of it.
    fn spill(&mut self, at: usize) {
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        if self.out.len() < at.max(1) {
            return;
        }
        if self.failed.is_none()
            && let Err(e) = sink.write_all(self.out.as_bytes())
        {
            self.failed = Some(e);
        }
        self.out.clear();
    }

    fn indent(&mut self, level: usize) {
        for _ in 0..level {
            self.out.push_str("    ");
        }
    }

    fn string_field(&mut self, level: usize, name: &str, value: &str) {
        self.indent(level);
        self.out.push_str(name);
        self.out.push_str(": ");
        push_quoted(&mut self.out, value);
        self.out.push_str(",\n");
    }

    fn optional_field(&mut self, level: usize, name: &str, value: &str) {
        if !value.is_empty() {
            self.string_field(level, name, value);
        }
    }

    fn raw_field(&mut self, level: usize, name: &str, value: &str) {
        self.indent(level);
        self.out.push_str(name);
        self.out.push_str(": ");
        self.out.push_str(value);
        self.out.push_str(",\n");
    }

    fn list<T>(&mut self, level: usize, name: &str, items: &[T], item: fn(&mut Self, usize, &T)) {
        self.indent(level);
        self.out.push_str(name);
        if items.is_empty() {
            self.out.push_str(": [],\n");
            return;
        }
        self.out.push_str(": [\n");
        for it in items {
            item(self, level + 1, it);
            self.spill(SPILL_AT);
        }
        self.indent(level);
        self.out.push_str("],\n");
    }

    /// `allow: ["rule", …],` on one line, or nothing when there is none.
    fn allow(&mut self, level: usize, rules: &[String]) {
        if rules.is_empty() {
            return;
        }
        self.indent(level);
        self.out.push_str("allow: [");
        for (i, rule) in rules.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            push_quoted(&mut self.out, rule);
        }
        self.out.push_str(
            "],
",
        );
    }

    fn open(&mut self, level: usize) {
        self.indent(level);
        self.out.push_str("(\n");
    }

    fn close(&mut self, level: usize) {
        self.indent(level);
        self.out.push_str("),\n");
    }

    fn map(&mut self, map: &Map) {
        self.out.push_str("(\n");
        self.raw_field(1, "format", &super::required_format(map).to_string());
        self.string_field(1, "title", &map.title);
        if map.language != Language::En {
            self.string_field(1, "language", map.language.code());
        }
        self.optional_field(1, "description", &map.description);
        self.optional_field(1, "conversion", &map.conversion);
        self.optional_field(1, "currency", &map.currency);
        self.allow(1, &map.allow);
        self.list(1, "stages", &map.stages, Self::stage);
        self.list(1, "personas", &map.personas, Self::persona);
        self.out.push_str(")\n");
    }

    fn stage(&mut self, level: usize, stage: &Stage) {
        self.open(level);
        self.string_field(level + 1, "id", &stage.id);
        self.string_field(level + 1, "name", &stage.name);
        self.optional_field(level + 1, "description", &stage.description);
        self.allow(level + 1, &stage.allow);
        self.list(
            level + 1,
            "touchpoints",
            &stage.touchpoints,
            Self::touchpoint,
        );
        self.close(level);
    }

    fn touchpoint(&mut self, level: usize, t: &Touchpoint) {
        self.open(level);
        self.string_field(level + 1, "id", &t.id);
        self.string_field(level + 1, "name", &t.name);
        let kind = match t.kind {
            Kind::Direct => "Direct",
            Kind::Indirect => "Indirect",
        };
        self.raw_field(level + 1, "kind", kind);
        self.optional_field(level + 1, "channel", &t.channel);
        if let Some(cost) = t.cost {
            self.raw_field(level + 1, "cost", &number(cost.get()));
        }
        self.optional_field(level + 1, "notes", &t.notes);
        self.allow(level + 1, &t.allow);
        self.close(level);
    }

    fn persona(&mut self, level: usize, p: &Persona) {
        self.open(level);
        self.string_field(level + 1, "id", &p.id);
        self.string_field(level + 1, "name", &p.name);
        self.optional_field(level + 1, "description", &p.description);
        self.allow(level + 1, &p.allow);
        self.list(level + 1, "paths", &p.paths, Self::path);
        self.close(level);
    }

    fn path(&mut self, level: usize, p: &Path) {
        self.open(level);
        self.string_field(level + 1, "id", &p.id);
        self.string_field(level + 1, "name", &p.name);
        let outcome = match p.outcome {
            Outcome::Converted => "Converted",
            Outcome::DroppedOut => "DroppedOut",
            Outcome::Open => "Open",
        };
        self.raw_field(level + 1, "outcome", outcome);
        if let Some(n) = p.customers {
            self.raw_field(level + 1, "customers", &n.to_string());
        }
        self.allow(level + 1, &p.allow);
        self.list(level + 1, "steps", &p.steps, Self::step);
        self.close(level);
    }

    /// A step is one line, so that adding or moving a step is a one-line diff.
    fn step(&mut self, level: usize, s: &Step) {
        self.indent(level);
        self.out.push_str("(touchpoint: ");
        push_quoted(&mut self.out, &s.touchpoint);
        if let Some(e) = s.emotion {
            let _ = write!(self.out, ", emotion: {e}");
        }
        if !s.note.is_empty() {
            self.out.push_str(", note: ");
            push_quoted(&mut self.out, &s.note);
        }
        self.out.push_str("),\n");
    }
}

/// A number as RON reads it back to the same value: Rust's shortest
/// round-trip form, with `.0` dropped from whole numbers (`1200`, `12.5`).
fn number(value: f64) -> String {
    let text = format!("{value}");
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// Writes `s` as a RON string literal. Newlines and tabs become `\n` and `\t`
/// so that every field stays on one line; control, bidi and other invisible
/// format characters become `\u{..}` so that none reaches a terminal raw.
pub fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Characters that must not appear raw in a file a terminal may show.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// The bidi embedding, override and isolate controls that can reorder text.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}
