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
    let before_attribution = md.split("\n## Attribution\n").next().unwrap_or(&md);
    let tables = common::markdown_tables(before_attribution);
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

#[test]
fn repeated_names_are_cut_where_they_refer() {
    let mut map = common::small_map(2, 2, 1, 4);
    let long = "Stage with a long name ".repeat(20);
    map.stages[0].name = long.clone();
    map.personas[0].name = long.clone();
    // The checker's model cuts the names the same way.
    check("long names", &map);
    let md = markdown::export(&map, &Options::all());
    let shown = long.trim();
    let cut = journey::core::text::cut(shown, journey::core::text::NAME_MAX);
    // In full where the item is described: its stage row, its heading.
    assert_eq!(md.matches(shown).count(), 2, "{md}");
    // Cut on each step and coverage row that names it.
    assert!(md.contains(&format!("**{cut}** · ")), "{md}");
    assert!(md.contains(&format!("| {cut} |")), "{md}");
}

#[test]
fn a_german_map_gets_german_headings_and_headers() {
    let example = common::examples()
        .into_iter()
        .find(|e| e.name == "maps-mentor")
        .expect("the mentor map");
    let md = markdown::export(&example.map, &Options::all());
    for words in [
        "## Phasen\n",
        "| # | Phase | Was geschieht | Direkte Touchpoints | Indirekte Touchpoints |\n",
        "**Konversion:** ",
        "#### Pfad: ",
        "**Ergebnis:** ✅ konvertiert",
        "**Ergebnis:** ❌ abgesprungen",
        "**Ergebnis:** ⏳ offen",
        "## Abdeckung\n",
        "| Touchpoint | Phase | Art |",
        " Pfade | Konvertiert |\n",
        " (indirekt) · ",
    ] {
        assert!(md.contains(words), "the German page holds {words:?}");
    }
    for english in [
        "## Stages",
        "What happens",
        "**Outcome:**",
        "## Coverage",
        "#### Path:",
    ] {
        assert!(
            !md.contains(english),
            "no English {english:?} on a German map"
        );
    }
}
