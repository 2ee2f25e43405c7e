//! The canvas layout, asked as data: where cards, curves, steps, callouts
//! and outcomes are, without parsing SVG. And the SVG that is written from
//! it: well-formed, plain, escaped, deterministic.

mod common;

use journey::core::canvas::scene::{Dash, Group, Role, Scene, Shape};
use journey::core::canvas::{self, CanvasOptions, Size};
use journey::core::format::load;
use journey::core::model::{Kind, Language, Map, Outcome};
use resvg::usvg::roxmltree;
use std::path::Path;

fn map(name: &str) -> Map {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    load(&path).expect("the map loads").map
}

fn all() -> CanvasOptions {
    CanvasOptions::default()
}

fn rect(g: &Group) -> (f64, f64, f64, f64, Dash) {
    g.shapes
        .iter()
        .find_map(|s| match s {
            Shape::Rect {
                x,
                y,
                w,
                h,
                stroke: Some((_, _, dash)),
                ..
            } => Some((*x, *y, *w, *h, *dash)),
            _ => None,
        })
        .expect("a card has an outlined box")
}

fn cards(scene: &Scene) -> Vec<(&str, bool, &Group)> {
    scene
        .groups
        .iter()
        .filter_map(|g| match &g.role {
            Role::Touchpoint { id, faded } => Some((id.as_str(), *faded, g)),
            _ => None,
        })
        .collect()
}

fn stage_box(scene: &Scene, index: usize) -> (f64, f64) {
    let g = scene
        .with_role(|r| *r == Role::Stage { index })
        .next()
        .expect("a stage header");
    let (x, _, w, _) = g.shapes[0].bounds();
    (x - 2.0, x + w + 2.0)
}

#[test]
fn every_card_sits_in_its_stage_column_in_map_order_and_kind_is_more_than_colour() {
    let m = map("maps/camera.ron");
    let scene = canvas::layout(&m, &all());
    let cards = cards(&scene);
    assert_eq!(cards.len(), m.touchpoints().count());
    for (s, stage) in m.stages.iter().enumerate() {
        let (left, right) = stage_box(&scene, s);
        for kind in [Kind::Direct, Kind::Indirect] {
            let mut last_y = f64::MIN;
            for t in stage.touchpoints.iter().filter(|t| t.kind == kind) {
                let (_, _, g) = cards.iter().find(|(id, ..)| *id == t.id).expect("drawn");
                let (x, y, w, h, dash) = rect(g);
                assert!(x >= left && x + w <= right, "{} in its column", t.id);
                assert!(y > last_y, "{} below the card before it", t.id);
                last_y = y + h;
                let expected = match kind {
                    Kind::Direct => Dash::Solid,
                    Kind::Indirect => Dash::Dashed,
                };
                assert_eq!(dash, expected, "{}: the outline tells the kind", t.id);
                // Every text run fits inside its card.
                for shape in &g.shapes {
                    if let Shape::Text { .. } = shape {
                        let (tx, _, tw, _) = shape.bounds();
                        assert!(
                            tx >= x && tx + tw <= x + w + 0.5,
                            "{}: text in the card",
                            t.id
                        );
                    }
                }
                assert!(g.title.contains(t.name.as_str()), "tooltip names {}", t.id);
            }
        }
    }
    // Indirect cards are in a lane below every direct card.
    let lowest_direct = cards
        .iter()
        .filter(|(_, _, g)| rect(g).4 == Dash::Solid)
        .map(|(_, _, g)| rect(g).1 + rect(g).3)
        .fold(f64::MIN, f64::max);
    for (_, _, g) in cards.iter().filter(|(_, _, g)| rect(g).4 == Dash::Dashed) {
        assert!(rect(g).1 > lowest_direct);
    }
}

#[test]
fn each_path_has_a_curve_with_numbered_steps_in_their_columns() {
    let m = map("maps/camera.ron");
    let scene = canvas::layout(&m, &all());
    let curves: Vec<_> = scene
        .with_role(|r| matches!(r, Role::Curve { .. }))
        .collect();
    let paths: usize = m.personas.iter().map(|p| p.paths.len()).sum();
    assert_eq!(curves.len(), paths);
    let steps: Vec<_> = scene
        .with_role(|r| matches!(r, Role::Step { .. }))
        .collect();
    let total: usize = m
        .personas
        .iter()
        .flat_map(|p| &p.paths)
        .map(|p| p.steps.len())
        .sum();
    assert_eq!(steps.len(), total);
    // The first path's steps, in order: numbered 1.., each in the column of
    // its touchpoint's stage, higher on the page for a better emotion.
    let path = &m.personas[0].paths[0];
    let first: Vec<_> = steps.iter().take(path.steps.len()).collect();
    for (i, (g, step)) in first.iter().zip(&path.steps).enumerate() {
        assert_eq!(g.role, Role::Step { number: i + 1 });
        assert!(
            g.texts().any(|t| t == (i + 1).to_string()),
            "the number is drawn"
        );
        let stage = m.find_touchpoint(&step.touchpoint).expect("known").stage;
        let (left, right) = stage_box(&scene, stage);
        let (x, _, w, _) = g.shapes.last().expect("a marker").bounds();
        let cx = x + w / 2.0;
        assert!(cx > left && cx < right, "step {} in stage {stage}", i + 1);
    }
    let y = |g: &&&Group| {
        let (_, y, _, h) = g.shapes.last().expect("shape").bounds();
        y + h / 2.0
    };
    // Step 6 (+2) is above step 4 (−1).
    assert!(y(&first[5]) < y(&first[3]));
}

#[test]
fn outcomes_low_points_and_callouts() {
    let m = map("maps/camera.ron");
    let scene = canvas::layout(&m, &all());
    let outcomes: Vec<_> = scene.with_role(|r| *r == Role::Outcome).collect();
    let ends: Vec<Outcome> = m
        .personas
        .iter()
        .flat_map(|p| &p.paths)
        .map(|p| p.outcome)
        .filter(|o| *o != Outcome::Open)
        .collect();
    assert_eq!(
        outcomes.len(),
        ends.len(),
        "a marker for each converted or dropped path, none for open"
    );
    let converted = outcomes
        .iter()
        .filter(|g| g.texts().any(|t| t == "converted"))
        .count();
    let dropped = outcomes
        .iter()
        .filter(|g| g.texts().any(|t| t == "dropped out"))
        .count();
    assert_eq!(
        converted,
        ends.iter().filter(|o| **o == Outcome::Converted).count()
    );
    assert_eq!(
        dropped,
        ends.iter().filter(|o| **o == Outcome::DroppedOut).count()
    );
    // One low point per path, each with its note.
    let lows: Vec<_> = scene.with_role(|r| *r == Role::LowPoint).collect();
    assert_eq!(lows.len(), 4);
    assert!(
        lows.iter()
            .any(|g| g.title.contains("The app will not pair"))
    );
    // Callouts: a pain point's note shortened, whole in its tooltip.
    let callouts: Vec<_> = scene.with_role(|r| *r == Role::Callout).collect();
    let warranty = callouts
        .iter()
        .find(|g| g.title.starts_with("The warranty form"))
        .expect("a pain-point callout");
    assert!(warranty.texts().next().is_some_and(|t| t.starts_with("▼ ")));
    assert!(
        callouts
            .iter()
            .any(|g| g.texts().next().is_some_and(|t| t.starts_with("▲ ")))
    );
}

#[test]
fn callouts_in_a_lane_never_overlap() {
    for name in [
        "maps/camera.ron",
        "maps/logistics.ron",
        "maps/mentor.ron",
        "maps/podcast.ron",
    ] {
        let scene = canvas::layout(&map(name), &all());
        let boxes: Vec<_> = scene
            .with_role(|r| matches!(r, Role::Callout | Role::LowPoint))
            .flat_map(|g| {
                g.shapes
                    .iter()
                    .filter(|s| matches!(s, Shape::Text { .. }))
                    .map(|s| s.bounds())
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a.0 + a.2 <= b.0 + 0.5
                    || b.0 + b.2 <= a.0 + 0.5
                    || a.1 + a.3 <= b.1 + 0.5
                    || b.1 + b.3 <= a.1 + 0.5;
                assert!(apart, "{name}: callouts overlap: {a:?} {b:?}");
            }
        }
    }
}

#[test]
fn a_step_back_a_stage_is_an_arc_with_an_arrowhead() {
    let mut m = map("maps/camera.ron");
    let steps = &mut m.personas[2].paths[0].steps;
    // specialist-shop-visit (Decision), then back to social-media-ads (Awareness).
    steps.swap(0, 2);
    let scene = canvas::layout(&m, &all());
    let curve = scene
        .with_role(|r| matches!(r, Role::Curve { persona, .. } if persona == "gift-buyer"))
        .next()
        .expect("the gift buyer's curve");
    assert!(curve.shapes.iter().any(|s| matches!(s, Shape::Arc { .. })));
    assert!(
        curve
            .shapes
            .iter()
            .any(|s| matches!(s, Shape::Polygon { .. }))
    );
    let before = canvas::layout(&map("maps/camera.ron"), &all());
    let plain = before
        .with_role(|r| matches!(r, Role::Curve { persona, .. } if persona == "gift-buyer"))
        .next()
        .expect("curve");
    assert!(!plain.shapes.iter().any(|s| matches!(s, Shape::Arc { .. })));
}

#[test]
fn one_persona_fades_what_it_never_visits() {
    let m = map("maps/camera.ron");
    let options = CanvasOptions {
        persona: Some("gift-buyer".into()),
        ..all()
    };
    let scene = canvas::layout(&m, &options);
    let visited = [
        "social-media-ads",
        "manufacturer-website",
        "specialist-shop-visit",
    ];
    for (id, faded, g) in cards(&scene) {
        assert_eq!(faded, !visited.contains(&id), "{id}");
        assert_eq!(g.opacity < 1.0, faded);
    }
    let curves: Vec<_> = scene
        .with_role(|r| matches!(r, Role::Curve { .. }))
        .collect();
    assert_eq!(curves.len(), 1);
}

#[test]
fn a_german_map_gets_german_words() {
    let mut m = map("maps/camera.ron");
    m.language = Language::De;
    let (svg, _) = canvas::to_svg(&m, &all());
    for word in [
        "Legende",
        "konvertiert",
        "abgesprungen",
        "Tiefpunkt",
        "Eigene Kanäle (direkt)",
        "direkter Touchpoint (eigener Kanal)",
    ] {
        assert!(svg.contains(word), "{word}");
    }
    assert!(svg.contains("xml:lang=\"de\""));
    assert!(!svg.contains("Legend<") && !svg.contains(">converted<"));
    let (en, _) = canvas::to_svg(&map("maps/camera.ron"), &all());
    assert!(en.contains(">Legend<") && en.contains(">converted<"));
}

#[test]
fn a_slide_by_default_and_pages_by_size() {
    let m = map("maps/camera.ron");
    let scene = canvas::layout(&m, &all());
    assert_eq!(
        (scene.page_width.as_str(), scene.page_height.as_str()),
        ("1920", "1080")
    );
    assert!(
        scene.notes.is_empty(),
        "the camera fits a slide: {:?}",
        scene.notes
    );
    let (_, _, w, h) = scene.view;
    assert!(
        (w / h - 16.0 / 9.0).abs() < 1e-6,
        "the view keeps the page's shape"
    );
    let a4 = canvas::layout(
        &m,
        &CanvasOptions {
            size: Size::A4,
            ..all()
        },
    );
    assert_eq!(
        (a4.page_width.as_str(), a4.page_height.as_str()),
        ("297mm", "210mm")
    );
    let a3 = canvas::layout(
        &m,
        &CanvasOptions {
            size: Size::A3,
            ..all()
        },
    );
    assert_eq!(
        (a3.page_width.as_str(), a3.page_height.as_str()),
        ("420mm", "297mm")
    );
    let auto = canvas::layout(
        &m,
        &CanvasOptions {
            size: Size::Auto,
            ..all()
        },
    );
    assert!(auto.page_width.parse::<f64>().expect("px") >= 1280.0);
}

#[test]
fn a_map_too_large_for_a_slide_grows_the_canvas_and_says_so() {
    let m = journey::core::generate::generate(journey::core::generate::S1);
    let scene = canvas::layout(&m, &all());
    assert_eq!(scene.notes.len(), 1, "{:?}", scene.notes);
    assert!(scene.notes[0].contains("too large for one slide"));
    let w: f64 = scene.page_width.parse().expect("px");
    assert!(w > 1920.0);
    // Every stage still has its column, none narrower than readable.
    assert_eq!(
        scene.with_role(|r| matches!(r, Role::Stage { .. })).count(),
        m.stages.len()
    );
}

#[test]
fn the_svg_is_plain_well_formed_and_names_everything() {
    for example in common::examples() {
        let (svg, _) = canvas::to_svg(&example.map, &all());
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{}: not XML: {e}", example.name));
        let names: Vec<&str> = doc.descendants().map(|n| n.tag_name().name()).collect();
        for banned in ["foreignObject", "script", "image", "use", "style", "a"] {
            assert!(!names.contains(&banned), "{}: <{banned}>", example.name);
        }
        assert!(!svg.contains("href"), "{}: no references", example.name);
        let shown: String = doc
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // Names as the canvas shows them: cleaned, spaces collapsed; a
        // name too long for a tooltip is checked by its start.
        let clean = |s: &str| -> String {
            let cleaned = journey::core::text::clean(s, false);
            let words: Vec<&str> = cleaned.split_whitespace().collect();
            words.join(" ").chars().take(60).collect()
        };
        for stage in &example.map.stages {
            assert!(
                shown.contains(&clean(&stage.name)),
                "{}: stage {}",
                example.name,
                stage.id
            );
            for t in &stage.touchpoints {
                assert!(
                    shown.contains(&clean(&t.name)),
                    "{}: touchpoint {}",
                    example.name,
                    t.id
                );
            }
        }
        for p in example.map.personas.iter().filter(|p| !p.paths.is_empty()) {
            assert!(
                shown.contains(&clean(&p.name)),
                "{}: persona {}",
                example.name,
                p.id
            );
        }
        // Deterministic bytes.
        assert_eq!(svg, canvas::to_svg(&example.map, &all()).0);
    }
}

#[test]
fn hostile_text_stays_text() {
    let mut m = map("maps/camera.ron");
    m.title = "<script>alert(1)</script> & \"q\" 'a'\u{1b}[31m\u{202e}".into();
    m.stages[0].touchpoints[0].name = "]]><x/>\u{7}\u{0}".into();
    m.personas[0].paths[0].steps[1].note = "a < b & c > d\u{2066}".into();
    let (svg, _) = canvas::to_svg(&m, &all());
    let doc = roxmltree::Document::parse(&svg).expect("still XML");
    assert!(!doc.descendants().any(|n| n.tag_name().name() == "script"));
    assert!(!doc.descendants().any(|n| n.tag_name().name() == "x"));
    assert!(svg.contains("&lt;script&gt;"));
    for c in ['\u{1b}', '\u{202e}', '\u{7}', '\u{0}', '\u{2066}'] {
        assert!(!svg.contains(c), "{c:?} removed");
    }
}

#[test]
fn a_map_with_no_personas_or_stages_still_draws() {
    let m = Map::new("Empty");
    let (svg, _) = canvas::to_svg(&m, &all());
    assert!(roxmltree::Document::parse(&svg).is_ok());
    assert!(svg.contains("No persona has a path yet."));
    let m = map("maps/templates/aida.ron");
    let scene = canvas::layout(&m, &all());
    assert_eq!(
        scene.with_role(|r| matches!(r, Role::Stage { .. })).count(),
        4
    );
}
