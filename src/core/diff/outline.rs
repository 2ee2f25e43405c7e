//! A stable, line-oriented outline of a map, for git's textconv: one line
//! per item or field, each saying what it is, so that `git log -p` and
//! `git diff --word-diff` read as journey changes rather than RON.

use super::fields::{
    Field, map_fields, path_fields, persona_fields, stage_fields, touchpoint_fields,
};
use crate::core::model::{Language, Map};
use std::fmt::Write as _;

/// The outline of a map. Items are indented under what holds them; every
/// value is on one line, its newlines written `\n`.
pub fn outline(map: &Map) -> String {
    let mut out = String::with_capacity(1024);
    let _ = writeln!(out, "map {}", one_line(&map.title));
    // The title is on the first line; English, the default, goes unsaid.
    let mut own = map_fields(map);
    own.retain(|f| f.name != "title" && !(f.name == "language" && map.language == Language::En));
    fields(&mut out, 1, &own);
    for stage in &map.stages {
        let _ = writeln!(out, "stage {} ({})", one_line(&stage.name), stage.id);
        fields(&mut out, 1, &stage_fields(stage));
        for t in &stage.touchpoints {
            let _ = writeln!(out, "    touchpoint {} ({})", one_line(&t.name), t.id);
            fields(&mut out, 2, &touchpoint_fields(t));
        }
    }
    for persona in &map.personas {
        let _ = writeln!(out, "persona {} ({})", one_line(&persona.name), persona.id);
        fields(&mut out, 1, &persona_fields(persona));
        for path in &persona.paths {
            let _ = writeln!(out, "    path {} ({})", one_line(&path.name), path.id);
            fields(&mut out, 2, &path_fields(path));
            for (n, step) in path.steps.iter().enumerate() {
                let _ = write!(out, "        step {}: {}", n + 1, step.touchpoint);
                if let Some(e) = step.emotion {
                    let _ = write!(out, ", emotion {e:+}");
                }
                if !step.note.is_empty() {
                    let _ = write!(out, ", note: {}", one_line(&step.note));
                }
                out.push('\n');
            }
        }
    }
    out
}

fn fields(out: &mut String, level: usize, fields: &[Field]) {
    for f in fields {
        if let Some(value) = &f.value {
            let _ = writeln!(
                out,
                "{}{}: {}",
                "    ".repeat(level),
                f.name,
                one_line(value)
            );
        }
    }
}

/// Text on one line, with nothing a terminal would act on.
fn one_line(s: &str) -> String {
    crate::core::text::printable(s)
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}
