//! What `/` finds: touchpoints (by name, channel or notes), and the text
//! written along the journeys, which the board does not show whole: step
//! notes, persona names and descriptions, and path names. Pure over the
//! map; `update` jumps to a hit.

use crate::core::model::{Map, TouchpointPos};

/// One place the search text was found, in the order `n` visits them:
/// the touchpoints in map order, then each persona with its paths and
/// steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A touchpoint's name, channel or notes.
    Touchpoint(TouchpointPos),
    /// A persona's name or description.
    Persona(usize),
    /// A path's name.
    Path { persona: usize, path: usize },
    /// A step's note.
    Step {
        persona: usize,
        path: usize,
        step: usize,
    },
}

/// Every hit for `query`, ignoring case; none for an empty query.
pub fn hits(map: &Map, query: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    let needle = query.to_lowercase();
    let hit = |s: &str| s.to_lowercase().contains(&needle);
    for (stage, s) in map.stages.iter().enumerate() {
        for (index, t) in s.touchpoints.iter().enumerate() {
            if hit(&t.name) || hit(&t.channel) || hit(&t.notes) {
                out.push(Hit::Touchpoint(TouchpointPos { stage, index }));
            }
        }
    }
    for (persona, p) in map.personas.iter().enumerate() {
        if hit(&p.name) || hit(&p.description) {
            out.push(Hit::Persona(persona));
        }
        for (path, route) in p.paths.iter().enumerate() {
            if hit(&route.name) {
                out.push(Hit::Path { persona, path });
            }
            for (step, s) in route.steps.iter().enumerate() {
                if hit(&s.note) {
                    out.push(Hit::Step {
                        persona,
                        path,
                        step,
                    });
                }
            }
        }
    }
    out
}

/// What a hit is, in a few words for the status bar.
pub fn describe(map: &Map, hit: Hit) -> String {
    let persona = |i: usize| map.personas.get(i).map_or("", |p| p.name.as_str());
    let path = |i: usize, j: usize| {
        map.personas
            .get(i)
            .and_then(|p| p.paths.get(j))
            .map_or("", |p| p.name.as_str())
    };
    match hit {
        Hit::Touchpoint(at) => map
            .stages
            .get(at.stage)
            .and_then(|s| s.touchpoints.get(at.index))
            .map_or_else(String::new, |t| format!("touchpoint “{}”", t.name)),
        Hit::Persona(i) => format!("persona “{}”", persona(i)),
        Hit::Path {
            persona: i,
            path: j,
        } => format!("path “{}” of {}", path(i, j), persona(i)),
        Hit::Step {
            persona: i,
            path: j,
            step,
        } => format!(
            "the note of step {} on “{}” of {}",
            step + 1,
            path(i, j),
            persona(i)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = r#"(
    format: 1,
    title: "m",
    stages: [
        (id: "s", name: "S", touchpoints: [(id: "blog", name: "Blog", kind: Indirect)]),
    ],
    personas: [
        (
            id: "kritisch",
            name: "Die Kritische",
            description: "liest Bewertungen",
            paths: [
                (
                    id: "weg",
                    name: "Über den Blog",
                    steps: [(touchpoint: "blog", note: "findet keine Preise")],
                ),
            ],
        ),
    ],
)
"#;

    #[test]
    fn finds_step_notes_personas_and_paths_after_touchpoints() {
        let map = crate::core::format::parse_bytes(std::path::Path::new("m.ron"), MAP.as_bytes())
            .map(|l| l.map)
            .expect("the test map parses");
        assert_eq!(
            hits(&map, "BLOG"),
            [
                Hit::Touchpoint(TouchpointPos { stage: 0, index: 0 }),
                Hit::Path {
                    persona: 0,
                    path: 0
                }
            ]
        );
        assert_eq!(
            hits(&map, "preise"),
            [Hit::Step {
                persona: 0,
                path: 0,
                step: 0
            }]
        );
        assert_eq!(hits(&map, "bewertungen"), [Hit::Persona(0)]);
        assert!(hits(&map, "").is_empty());
    }
}
