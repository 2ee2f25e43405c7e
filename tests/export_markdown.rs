//! The Markdown export read back by a real CommonMark/GFM parser
//! (pulldown-cmark, tables on): every table has the same number of cells in
//! every row, and the cells say what the model says.

mod common;

use common::Example;
use common::markdown::check;
use journey::core::export::{Options, markdown};

#[test]
fn every_example_reads_back_into_the_same_cells() {
    for Example { name, map, .. } in common::examples() {
        check(&name, &map);
    }
}

#[test]
fn the_path_steps_are_numbered_lists() {
    let example = common::examples()
        .into_iter()
        .find(|e| e.name == "fixtures-buyers")
        .expect("the buyers fixture");
    let md = markdown::export(&example.map, &Options::persona("critical-buyer"));
    assert!(md.contains(
        "2. **Consideration** · Review portal (indirect) · 🙁 -1 · Mixed reviews of the autofocus."
    ));
    assert!(md.contains("**Outcome:** ✅ converted (Online purchase of the camera body or a kit)"));
    assert!(
        !md.contains("Experience seeker"),
        "other personas are left out"
    );
}

#[test]
fn many_personas_are_listed_by_name_instead_of_a_column_each() {
    let personas = markdown::MATRIX_MAX_PERSONAS + 1;
    let map = common::small_map(3, 4, personas, 5);
    let md = markdown::export(&map, &Options::all());
    let tables = common::markdown_tables(&md);
    let coverage = tables.last().expect("a coverage table");
    assert_eq!(
        coverage[0],
        [
            "Touchpoint",
            "Stage",
            "Kind",
            "Personas",
            "Paths",
            "Converted"
        ]
    );
    assert_eq!(coverage.len(), 1 + 12, "one row per touchpoint");
    for (row, (stage, t)) in coverage[1..].iter().zip(map.touchpoints()) {
        let visitors: Vec<&str> = map
            .personas
            .iter()
            .filter(|p| {
                p.paths
                    .iter()
                    .flat_map(|p| &p.steps)
                    .any(|s| s.touchpoint == t.id)
            })
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(row[0], common::shown_touchpoint(t));
        assert_eq!(row[1], stage.name);
        assert_eq!(row[3], visitors.join(", "), "visitors of {}", t.id);
    }
}
