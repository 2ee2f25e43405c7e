//! The legend: a sample of every mark the canvas uses and the words for it,
//! flowed into as many rows as the page's width needs.

use super::CanvasOptions;
use super::font;
use super::layout::{
    DIRECT_FILL, DIRECT_LINE, GREY, HEADER, INDIRECT_LINE, INK, MARGIN, RULE, WHITE, plain, text,
};
use super::marks;
use super::scene::{Anchor, Dash, Group, Role, Shape};
use crate::core::model::{Kind, Map};
use crate::core::words::Words;

/// The legend's entries: a sample of the mark and the words for it.
fn legend_entries(map: &Map, words: &Words, options: &CanvasOptions) -> Vec<(LegendMark, String)> {
    let mut entries = vec![
        (
            LegendMark::Card(Kind::Direct),
            words.direct_touchpoint.to_string(),
        ),
        (
            LegendMark::Card(Kind::Indirect),
            words.indirect_touchpoint.to_string(),
        ),
        (LegendMark::Step, words.step.to_string()),
        (LegendMark::Hollow, words.no_emotion.to_string()),
        (LegendMark::Converted, words.converted.to_string()),
        (LegendMark::Dropped, words.dropped_out.to_string()),
        (LegendMark::Low, words.low_point.to_string()),
        (LegendMark::Back, words.back_a_stage.to_string()),
        (LegendMark::Pain, words.pain_point.to_string()),
        (LegendMark::Opportunity, words.opportunity.to_string()),
    ];
    if options.persona.is_some() {
        entries.push((LegendMark::Faded, words.not_visited.to_string()));
    }
    let shown = crate::core::export::Options {
        persona: options.persona.clone(),
    };
    for (i, p) in shown.personas(map) {
        if !p.paths.is_empty() {
            entries.push((LegendMark::Persona(i), plain(&p.name)));
        }
    }
    entries
}

#[derive(Debug, Clone, Copy)]
pub(super) enum LegendMark {
    Card(Kind),
    Step,
    Hollow,
    Converted,
    Dropped,
    Low,
    Back,
    Pain,
    Opportunity,
    Faded,
    Persona(usize),
}

const LEGEND_SIZE: f64 = 14.0;
const LEGEND_ROW: f64 = 30.0;
const SAMPLE_W: f64 = 40.0;

/// Flows the legend's entries into rows; gives each entry's row and x.
fn legend_flow(
    map: &Map,
    words: &Words,
    options: &CanvasOptions,
    width: f64,
) -> Vec<(LegendMark, String, usize, f64)> {
    let max = width - 2.0 * MARGIN;
    let start = font::width(words.legend, LEGEND_SIZE + 2.0) + 20.0;
    let (mut row, mut x) = (0, start);
    let mut placed = Vec::new();
    for (mark, label) in legend_entries(map, words, options) {
        let (label, _) = font::fit(&label, LEGEND_SIZE, max / 2.0);
        let w = SAMPLE_W + 8.0 + font::width(&label, LEGEND_SIZE) + 24.0;
        if x + w > max && x > start {
            row += 1;
            x = start;
        }
        placed.push((mark, label, row, x));
        x += w;
    }
    placed
}

pub(super) fn legend_height(map: &Map, words: &Words, options: &CanvasOptions, width: f64) -> f64 {
    let rows = legend_flow(map, words, options, width)
        .last()
        .map_or(1, |(_, _, row, _)| row + 1);
    16.0 + LEGEND_ROW * rows as f64
}

pub(super) fn legend(
    map: &Map,
    words: &Words,
    options: &CanvasOptions,
    width: f64,
    top: f64,
    groups: &mut Vec<Group>,
) -> f64 {
    let mut group = Group::new(Role::Legend, words.legend);
    let mid = |row: usize| top + LEGEND_ROW * row as f64 + LEGEND_ROW / 2.0;
    group.shapes.push(text(
        MARGIN,
        mid(0) + 5.0,
        LEGEND_SIZE + 2.0,
        Anchor::Start,
        INK,
        true,
        words.legend,
    ));
    let mut rows = 1;
    for (mark, label, row, x) in legend_flow(map, words, options, width) {
        let (x, y) = (MARGIN + x, mid(row));
        group.shapes.extend(sample(mark, x, y));
        group.shapes.push(text(
            x + SAMPLE_W + 8.0,
            y + 5.0,
            LEGEND_SIZE,
            Anchor::Start,
            INK,
            false,
            label,
        ));
        rows = rows.max(row + 1);
    }
    groups.push(group);
    top + LEGEND_ROW * rows as f64
}

/// The small drawing that stands for a mark in the legend.
fn sample(mark: LegendMark, x: f64, y: f64) -> Vec<Shape> {
    let card = |fill, line, dash| Shape::Rect {
        x,
        y: y - 9.0,
        w: SAMPLE_W,
        h: 18.0,
        rx: 4.0,
        fill,
        stroke: Some((line, 2.0, dash)),
    };
    let c = x + SAMPLE_W / 2.0;
    match mark {
        LegendMark::Card(Kind::Direct) => vec![card(DIRECT_FILL, DIRECT_LINE, Dash::Solid)],
        LegendMark::Card(Kind::Indirect) => vec![card(WHITE, INDIRECT_LINE, Dash::Dashed)],
        LegendMark::Faded => vec![card(HEADER, RULE, Dash::Solid)],
        LegendMark::Step => marks::marker(0, (c, y), Some(1), true),
        LegendMark::Hollow => marks::marker(0, (c, y), Some(1), false),
        LegendMark::Converted => marks::outcome_mark(true, (c, y)),
        LegendMark::Dropped => marks::outcome_mark(false, (c, y)),
        LegendMark::Low => {
            let mut s = marks::low_ring((c, y));
            s.extend(marks::marker(0, (c, y), None, true));
            s
        }
        LegendMark::Back => marks::back_arc(
            (x + 4.0, y + 6.0),
            (x + SAMPLE_W - 4.0, y + 6.0),
            y - 8.0,
            GREY,
            Dash::Solid,
        ),
        LegendMark::Pain => vec![text(
            c,
            y + 5.0,
            LEGEND_SIZE,
            Anchor::Middle,
            INK,
            false,
            "▼",
        )],
        LegendMark::Opportunity => vec![text(
            c,
            y + 5.0,
            LEGEND_SIZE,
            Anchor::Middle,
            INK,
            false,
            "▲",
        )],
        LegendMark::Persona(i) => {
            let (colour, dash) = marks::style(i);
            let mut s = vec![Shape::Line {
                points: vec![(x, y), (x + SAMPLE_W, y)],
                colour,
                width: 3.0,
                dash,
            }];
            s.extend(marks::marker(i, (c, y), None, true));
            s
        }
    }
}
