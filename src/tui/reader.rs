//! What `z` shows full screen: everything about the selection that the
//! board, the detail pane and the path panel cut to fit. A touchpoint's
//! facts and full notes, then every persona and path that visits it, with
//! the step number, emotion, step note and outcome; a stage's description
//! and touchpoints. Built from the model alone; the view wraps and scrolls.

use crate::core::model::{Map, Outcome};
use crate::tui::derived::Visit;
use crate::tui::item_words::{ItemWords, for_map};

/// How a line of the reader is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A heading.
    Heading,
    /// The user's own text.
    Text,
    /// A fact or an "empty" note.
    Dim,
}

/// One logical line: it wraps at the screen's width, after `indent`
/// columns on every row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadLine {
    pub tone: Tone,
    pub indent: usize,
    pub text: String,
}

fn line(tone: Tone, indent: usize, text: impl Into<String>) -> ReadLine {
    ReadLine {
        tone,
        indent,
        text: text.into(),
    }
}

/// The emotion as the path panel writes it: `+1`, `−2`, or "no emotion".
fn emotion(e: Option<i8>, w: &ItemWords) -> String {
    match e {
        Some(e) => crate::tui::text::signed(e),
        None => w.no_emotion.into(),
    }
}

/// The reader's lines for the stage `stage`, with the touchpoint `row`
/// when one is selected.
pub fn lines(map: &Map, stage: usize, row: Option<usize>, visits: &[Visit]) -> Vec<ReadLine> {
    let w = for_map(map);
    let Some(s) = map.stages.get(stage) else {
        return vec![line(Tone::Dim, 0, w.words.no_stages)];
    };
    let mut out = Vec::new();
    let Some(t) = row.and_then(|r| s.touchpoints.get(r)) else {
        out.push(line(Tone::Heading, 0, format!("{} {}", w.stage(), s.name)));
        out.push(line(
            Tone::Dim,
            0,
            format!(
                "id {} · {}",
                s.id,
                w.n_of(w.stage_of, stage + 1, map.stages.len())
            ),
        ));
        out.push(line(Tone::Dim, 0, ""));
        push_text(&mut out, &s.description, w.no_description);
        out.push(line(Tone::Dim, 0, ""));
        out.push(line(Tone::Heading, 0, w.count(s.touchpoints.len())));
        for t in &s.touchpoints {
            let channel = if t.channel.is_empty() {
                String::new()
            } else {
                format!(", {}", t.channel)
            };
            out.push(line(
                Tone::Text,
                2,
                format!("{} ({}{channel})", t.name, w.kind(t.kind)),
            ));
        }
        return out;
    };
    out.push(line(Tone::Heading, 0, t.name.clone()));
    let channel = w.channel_fact(&t.channel);
    out.push(line(
        Tone::Dim,
        0,
        format!(
            "{} · {channel} · id {} · {} {}",
            w.kind(t.kind),
            t.id,
            w.in_stage,
            s.name
        ),
    ));
    out.push(line(Tone::Dim, 0, ""));
    out.push(line(Tone::Heading, 0, w.notes));
    push_text(&mut out, &t.notes, w.no_notes);
    out.push(line(Tone::Dim, 0, ""));
    let converting = visits
        .iter()
        .filter(|v| outcome(map, v) == Some(Outcome::Converted))
        .count();
    out.push(line(
        Tone::Heading,
        0,
        match visits.len() {
            0 => w.on_no_path_heading.to_string(),
            n => format!("{} ({converting} {})", w.visited(n), w.on_converting_paths),
        },
    ));
    for v in visits {
        let Some(persona) = map.personas.get(v.persona) else {
            continue;
        };
        let Some(path) = persona.paths.get(v.path) else {
            continue;
        };
        let Some(step) = path.steps.get(v.step) else {
            continue;
        };
        out.push(line(
            Tone::Text,
            2,
            format!(
                "{} · “{}” · {} · {} · {}",
                persona.name,
                path.name,
                w.n_of(w.step_of, v.step + 1, path.steps.len()),
                emotion(step.emotion, w),
                w.outcome(path.outcome)
            ),
        ));
        if !step.note.is_empty() {
            for l in step.note.lines() {
                out.push(line(Tone::Text, 4, l));
            }
        }
    }
    out
}

fn outcome(map: &Map, v: &Visit) -> Option<Outcome> {
    Some(map.personas.get(v.persona)?.paths.get(v.path)?.outcome)
}

fn push_text(out: &mut Vec<ReadLine>, text: &str, empty: &str) {
    if text.is_empty() {
        out.push(line(Tone::Dim, 0, empty));
        return;
    }
    for l in text.lines() {
        out.push(line(Tone::Text, 0, l));
    }
}
