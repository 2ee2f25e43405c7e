//! Golden files: every example map, template and fixture in every format,
//! and each map's first persona alone. Snapshot names come from the file
//! names, so a new map under `maps/` gets its goldens with no code change
//! (accept them with `INSTA_UPDATE=always cargo test --test export_golden`
//! or `cargo insta review`).

mod common;

use journey::core::export::{Format, Options, export};

const TEXT_FORMATS: [Format; 4] = [
    Format::Markdown,
    Format::Dot,
    Format::Mermaid,
    Format::MermaidJourney,
];

/// The export as a snapshot: the text, then what the format lost.
fn snapshot_text(map: &journey::core::model::Map, format: Format, options: &Options) -> String {
    let exported = export(map, format, options);
    let again = export(map, format, options);
    assert_eq!(exported, again, "exports are deterministic");
    let mut text = exported.text;
    if !exported.warnings.is_empty() {
        text.push_str("\n---- warnings ----\n");
        for w in &exported.warnings {
            text.push_str(w);
            text.push('\n');
        }
    }
    text
}

#[test]
fn every_map_in_every_format() {
    for example in common::examples() {
        for format in TEXT_FORMATS {
            let text = snapshot_text(&example.map, format, &Options::all());
            insta::assert_snapshot!(format!("{}.{}", example.name, format.name()), text);
        }
    }
}

#[test]
fn every_map_for_its_first_persona() {
    for example in common::examples() {
        let Some(persona) = example.map.personas.first() else {
            continue;
        };
        let options = Options::persona(persona.id.clone());
        for format in TEXT_FORMATS {
            let text = snapshot_text(&example.map, format, &options);
            insta::assert_snapshot!(format!("{}.persona.{}", example.name, format.name()), text);
        }
    }
}
