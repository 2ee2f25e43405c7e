//! The Markdown export's Attribution section: the same figures as
//! `journey insight`, read back through a CommonMark/GFM parser.

mod common;

use journey::core::export::{Options, markdown};
use journey::core::format::load;
use journey::core::insight::{analyse, input, table};
use pulldown_cmark::HeadingLevel;
use std::path::Path;

fn map(name: &str) -> journey::core::model::Map {
    load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("maps")
            .join(name),
    )
    .expect("example loads")
    .map
}

#[test]
fn the_section_holds_the_reports_figures() {
    let map = map("date.ron");
    let md = markdown::export(&map, &Options::all());
    let headings = common::markdown_headings(&md, HeadingLevel::H2);
    assert_eq!(headings.last().map(String::as_str), Some("Attribution"));
    let tables = common::markdown_tables(&md);
    let attribution = tables.last().expect("the attribution table");
    assert_eq!(attribution[0][0], "Kontaktpunkt", "German headers");
    let report = analyse(&map, &input::from_map(&map, None).expect("paths"), &[]).expect("report");
    assert_eq!(
        attribution.len(),
        1 + report.rows.len(),
        "one row per touchpoint"
    );
    // Rows by removal effect, each with the report's figures.
    let sorted = report.sorted(journey::core::insight::Column::RemovalEffect);
    for (cells, row) in attribution[1..].iter().zip(sorted) {
        let name = if row.relied_on {
            format!("{} (tragend)", row.name)
        } else {
            row.name.clone()
        };
        assert_eq!(cells[0], name);
        assert_eq!(cells[5], table::fixed(row.last_touch, 2));
        assert_eq!(cells[8], table::percent(row.removal_effect));
        assert_eq!(cells[9], table::fixed(row.markov, 2));
    }
    assert_eq!(attribution[1][0], "Kaffee (tragend)");
    assert!(
        md.contains("- Spaziergang: 0 direkte Abschlüsse"),
        "relied-on list"
    );
}

#[test]
fn one_persona_gets_its_own_figures_and_no_conversion_no_section() {
    let map = map("date.ron");
    let md = markdown::export(&map, &Options::persona("der-kulturfreund"));
    assert!(md.contains("20 Abschlüsse, 15 Abbrüche"), "{md}");
    let mut none = map.clone();
    for p in none.personas.iter_mut().flat_map(|p| p.paths.iter_mut()) {
        p.outcome = journey::core::model::Outcome::DroppedOut;
    }
    let md = markdown::export(&none, &Options::all());
    assert!(!md.contains("## Attribution"));
}

#[test]
fn hostile_names_stay_inside_their_cells() {
    for example in common::examples() {
        let md = markdown::export(&example.map, &Options::all());
        let Some((_, section)) = md.split_once("\n## Attribution\n") else {
            continue;
        };
        let tables = common::markdown_tables(section);
        let attribution = tables.last().expect("a table");
        let report = analyse(
            &example.map,
            &input::from_map(&example.map, None).expect("paths"),
            &[],
        )
        .expect("report");
        let visited = report.rows.iter().filter(|r| r.paths > 0).count();
        assert_eq!(attribution.len(), 1 + visited, "{}", example.name);
        let unvisited = report.rows.len() - visited;
        if unvisited > 0 {
            // In the map's language: English or German.
            assert!(
                section.contains(&format!("{unvisited} touchpoint"))
                    || section.contains(&format!("{unvisited} Kontaktpunkt")),
                "{}",
                example.name
            );
        }
        assert!(attribution.iter().all(|r| r.len() == attribution[0].len()));
    }
}
