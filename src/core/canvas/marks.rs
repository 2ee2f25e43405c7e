//! The marks on the curves: each persona's colour, line style and marker
//! shape, the ring of a low point, the outcome marks and the arc of a step
//! back to an earlier stage. The legend draws its samples with these too.

use super::layout::{INK, text};
use super::scene::{Anchor, Colour, Dash, Shape};

/// The radius of a step marker.
pub(super) const RADIUS: f64 = 11.0;

/// The Okabe–Ito palette (less its yellow, too light on white), with the
/// colour a number on each reads best in.
const PALETTE: [(Colour, Colour); 7] = [
    ("#0072b2", "#ffffff"),
    ("#d55e00", "#ffffff"),
    ("#009e73", "#ffffff"),
    ("#cc79a7", "#000000"),
    ("#e69f00", "#000000"),
    ("#56b4e9", "#000000"),
    ("#000000", "#ffffff"),
];
const DASHES: [Dash; 4] = [Dash::Solid, Dash::Dashed, Dash::Dotted, Dash::DashDot];
const CONVERTED: Colour = "#009e73";

/// A persona's colour and line style, by its position in the map, so that
/// it keeps them when others are filtered out.
pub(super) fn style(persona: usize) -> (Colour, Dash) {
    (
        PALETTE[persona % PALETTE.len()].0,
        // Past the fourth persona the dash moves on by one, so that no
        // two of the first 16 share both marker shape and dash.
        DASHES[(persona + persona / 4) % DASHES.len()],
    )
}

/// A persona's step marker: a shape per persona (circle, square, diamond,
/// hexagon) filled with its colour, or hollow where the step has no
/// emotion, with the step number inside.
pub(super) fn marker(
    persona: usize,
    (x, y): (f64, f64),
    number: Option<usize>,
    filled: bool,
) -> Vec<Shape> {
    let (colour, on) = PALETTE[persona % PALETTE.len()];
    let (fill, stroke, ink) = if filled {
        (colour, None, on)
    } else {
        ("#ffffff", Some((colour, 2.5)), INK)
    };
    let r = RADIUS;
    let shape = match persona % 4 {
        0 => Shape::Circle {
            cx: x,
            cy: y,
            r,
            fill,
            stroke,
        },
        1 => Shape::Polygon {
            points: vec![
                (x - r, y - r),
                (x + r, y - r),
                (x + r, y + r),
                (x - r, y + r),
            ],
            fill,
            stroke,
        },
        2 => {
            let d = r * 1.3;
            Shape::Polygon {
                points: vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)],
                fill,
                stroke,
            }
        }
        _ => {
            let d = r * 1.1;
            let h = d * 0.866;
            Shape::Polygon {
                points: vec![
                    (x - d, y),
                    (x - d / 2.0, y - h),
                    (x + d / 2.0, y - h),
                    (x + d, y),
                    (x + d / 2.0, y + h),
                    (x - d / 2.0, y + h),
                ],
                fill,
                stroke,
            }
        }
    };
    let mut shapes = vec![shape];
    if let Some(n) = number {
        let size = if n < 10 {
            12.0
        } else if n < 100 {
            10.0
        } else {
            8.0
        };
        shapes.push(text(
            x,
            y + size * 0.36,
            size,
            Anchor::Middle,
            ink,
            true,
            n.to_string(),
        ));
    }
    shapes
}

/// The ring around the lowest point of a curve.
pub(super) fn low_ring((x, y): (f64, f64)) -> Vec<Shape> {
    vec![Shape::Circle {
        cx: x,
        cy: y,
        r: RADIUS + 4.5,
        fill: "#ffffff",
        stroke: Some((INK, 2.0)),
    }]
}

/// The end of a path: a check mark in a circle where it converts, a cross
/// in a square where the persona drops out.
pub(super) fn outcome_mark(converted: bool, (x, y): (f64, f64)) -> Vec<Shape> {
    if converted {
        vec![
            Shape::Circle {
                cx: x,
                cy: y,
                r: 10.0,
                fill: CONVERTED,
                stroke: None,
            },
            text(x, y + 5.0, 14.0, Anchor::Middle, "#ffffff", true, "✓"),
        ]
    } else {
        vec![
            Shape::Rect {
                x: x - 9.0,
                y: y - 9.0,
                w: 18.0,
                h: 18.0,
                rx: 0.0,
                fill: INK,
                stroke: None,
            },
            text(x, y + 5.0, 14.0, Anchor::Middle, "#ffffff", true, "✕"),
        ]
    }
}

/// A step back to an earlier stage: an arc that bows up to `lift`, with an
/// arrowhead that stops short of the target marker.
pub(super) fn back_arc(
    from: (f64, f64),
    to: (f64, f64),
    lift: f64,
    colour: Colour,
    dash: Dash,
) -> Vec<Shape> {
    let control = ((from.0 + to.0) / 2.0, lift);
    let (dx, dy) = (to.0 - control.0, to.1 - control.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-6);
    let (ux, uy) = (dx / len, dy / len);
    let back = if len > RADIUS * 3.0 {
        RADIUS + 2.0
    } else {
        0.0
    };
    let tip = (to.0 - ux * back, to.1 - uy * back);
    let base = (tip.0 - ux * 11.0, tip.1 - uy * 11.0);
    let (px, py) = (-uy * 6.0, ux * 6.0);
    vec![
        Shape::Arc {
            from,
            control,
            to: base,
            colour,
            width: 2.5,
            dash,
        },
        Shape::Polygon {
            points: vec![tip, (base.0 + px, base.1 + py), (base.0 - px, base.1 - py)],
            fill: colour,
            stroke: None,
        },
    ]
}
