//! Golden canvas SVGs: every example map and template, in English and in
//! German, and the first persona of each map alone. A change to the layout
//! shows here as a reviewable diff (`cargo insta review`).

mod common;

use journey::core::canvas::{self, CanvasOptions};
use journey::core::model::Language;

#[test]
fn canvas_svgs_match_their_snapshots() {
    for example in common::examples() {
        // Fixtures test the other exports' edge cases; the canvas's edge
        // cases are in tests/canvas.rs.
        if example.name.starts_with("fixtures-") {
            continue;
        }
        for language in Language::ALL {
            let mut map = example.map.clone();
            map.language = language;
            let (svg, _) = canvas::to_svg(&map, &CanvasOptions::default());
            insta::assert_snapshot!(format!("{}.{}.canvas", example.name, language.code()), svg);
        }
        if let Some(persona) = example.map.personas.first() {
            let options = CanvasOptions {
                persona: Some(persona.id.clone()),
                ..CanvasOptions::default()
            };
            let (svg, _) = canvas::to_svg(&example.map, &options);
            insta::assert_snapshot!(format!("{}.persona.canvas", example.name), svg);
        }
    }
}
