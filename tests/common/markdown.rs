//! The Markdown export checked against its model, through pulldown-cmark.

use super::{shown, shown_name, shown_short_name, shown_touchpoint};
use journey::core::export::{Options, markdown};
use journey::core::model::{Kind, Map, Outcome};
use pulldown_cmark::HeadingLevel;

/// The stage table the model calls for, header first.
fn expected_stages(map: &Map) -> Vec<Vec<String>> {
    let w = journey::core::words::for_map(map);
    let mut rows = vec![
        [
            "#",
            w.stage,
            w.what_happens,
            w.direct_touchpoints,
            w.indirect_touchpoints,
        ]
        .map(String::from)
        .to_vec(),
    ];
    for (s, stage) in map.stages.iter().enumerate() {
        let of_kind = |kind| {
            stage
                .touchpoints
                .iter()
                .filter(|t| t.kind == kind)
                .map(shown_touchpoint)
                .collect::<Vec<_>>()
                // `; ` before each `<br>`, for renderers that drop it.
                .join(";\n")
        };
        rows.push(vec![
            (s + 1).to_string(),
            shown_name(&stage.name, &stage.id),
            shown(&stage.description),
            of_kind(Kind::Direct),
            of_kind(Kind::Indirect),
        ]);
    }
    rows
}

/// The coverage matrix the model calls for, worked out the slow, obvious
/// way, header first.
fn expected_coverage(map: &Map) -> Vec<Vec<String>> {
    let w = journey::core::words::for_map(map);
    let mut header: Vec<String> = [w.touchpoint, w.stage, w.kind].map(String::from).to_vec();
    header.extend(
        map.personas
            .iter()
            .map(|p| shown_short_name(&p.name, &p.id)),
    );
    header.extend([w.paths, w.converted_column].map(String::from));
    let mut rows = vec![header];
    let first_of = |id: &str| map.touchpoints().position(|(_, t)| t.id == id);
    for (n, (stage, t)) in map.touchpoints().enumerate() {
        let mut row = vec![
            shown_touchpoint(t),
            shown_short_name(&stage.name, &stage.id),
            w.kind_name(t.kind).to_string(),
        ];
        let mut paths = 0;
        let mut converted = 0;
        for persona in &map.personas {
            let mut visits = false;
            for path in &persona.paths {
                if path
                    .steps
                    .iter()
                    .any(|s| first_of(&s.touchpoint) == Some(n))
                {
                    visits = true;
                    paths += 1;
                    if path.outcome == Outcome::Converted {
                        converted += 1;
                    }
                }
            }
            row.push(if visits { "✓" } else { "" }.to_string());
        }
        row.push(paths.to_string());
        row.push(converted.to_string());
        rows.push(row);
    }
    rows
}

/// Every path step as its list item should read.
fn expected_steps(map: &Map) -> Vec<String> {
    let w = journey::core::words::for_map(map);
    let mut items = Vec::new();
    for step in map
        .personas
        .iter()
        .flat_map(|p| &p.paths)
        .flat_map(|p| &p.steps)
    {
        let place = map.stages.iter().find_map(|s| {
            s.touchpoints
                .iter()
                .find(|t| t.id == step.touchpoint)
                .map(|t| (s, t))
        });
        let mut item = match place {
            Some((stage, t)) => format!(
                "{} · {} ({})",
                shown_short_name(&stage.name, &stage.id),
                shown_name(&t.name, &t.id),
                w.kind_name(t.kind)
            ),
            None => format!("{} {}", w.unknown_touchpoint, shown(&step.touchpoint)),
        };
        if let Some(e) = step.emotion {
            item.push_str(" · ");
            item.push_str(markdown::emotion(e));
        }
        if !shown(&step.note).is_empty() {
            item.push_str(" · ");
            item.push_str(&shown(&step.note));
        }
        items.push(item);
    }
    items
}

/// Checks one map's Markdown against its model.
pub fn check(example_name: &str, map: &Map) {
    let md = markdown::export(map, &Options::all());
    for widths in super::raw_table_widths(&md) {
        assert!(
            widths.iter().all(|w| *w == widths[0]),
            "{example_name}: a table row has a different number of cells: {widths:?}"
        );
    }
    // The Attribution section has its own tests (tests/insight_export.rs);
    // what comes before it is the map itself.
    let md = md
        .split("\n## Attribution\n")
        .next()
        .unwrap_or(&md)
        .to_string();
    let tables = super::markdown_tables(&md);
    let title = if shown(&map.title).is_empty() {
        journey::core::words::for_map(map).untitled.to_string()
    } else {
        shown(&map.title)
    };
    assert_eq!(
        super::markdown_headings(&md, HeadingLevel::H1),
        vec![title],
        "{example_name}: title"
    );
    if !map.stages.is_empty() {
        assert_eq!(
            tables[0],
            expected_stages(map),
            "{example_name}: stage table"
        );
    }
    if map.touchpoints().next().is_some() && map.personas.len() <= markdown::MATRIX_MAX_PERSONAS {
        assert_eq!(
            tables.last(),
            Some(&expected_coverage(map)),
            "{example_name}: coverage table"
        );
    }
    assert_eq!(
        super::markdown_list_items(&md),
        expected_steps(map),
        "{example_name}: path steps"
    );
    let personas = super::markdown_headings(&md, HeadingLevel::H3);
    let expected: Vec<String> = map
        .personas
        .iter()
        .map(|p| shown_name(&p.name, &p.id))
        .collect();
    assert_eq!(personas, expected, "{example_name}: persona headings");
    assert!(
        !super::has_control(&md),
        "{example_name}: control character"
    );
}
