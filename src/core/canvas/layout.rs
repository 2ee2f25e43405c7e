//! The frame of the canvas: the page, the title, the stage columns, the two
//! lanes of touchpoint cards and the legend. The persona lanes are in
//! [`super::lanes`]. Everything is measured with the embedded font, at
//! fixed sizes; a map that does not fit its page is scaled down a little,
//! and beyond that the page grows and says so.

use super::font::{self, wrap};
use super::lanes;
use super::legend::{legend, legend_height};
use super::scene::{Anchor, Colour, Dash, Group, Role, Scene, Shape};
use super::{CanvasOptions, Size};
use crate::core::export::clean;
use crate::core::model::{Kind, Map};
use crate::core::text::{NAME_MAX, cut};
use crate::core::words::Words;

/// The page's margin.
pub(super) const MARGIN: f64 = 40.0;
/// The width of the lane labels left of the first column.
pub(super) const LABEL_W: f64 = 230.0;
/// The narrowest a stage column may be before the page grows.
const COLUMN_MIN: f64 = 170.0;
/// Room right of the last column for the outcome of a path that ends there.
pub(super) const GUTTER: f64 = 110.0;
/// The column width `--size auto` aims for.
const COLUMN_AUTO: f64 = 300.0;
/// How far a full page is scaled down before it grows instead.
const SCALE_MIN: f64 = 0.75;
const CARD_GAP: f64 = 8.0;
const LANE_PAD: f64 = 10.0;

pub(super) const INK: Colour = "#1a1a1a";
pub(super) const GREY: Colour = "#5f5f5f";
pub(super) const RULE: Colour = "#b0b0b0";
const STRIPE: Colour = "#f4f4f4";
pub(super) const HEADER: Colour = "#e6e6e6";
pub(super) const DIRECT_FILL: Colour = "#e3eef7";
pub(super) const DIRECT_LINE: Colour = "#0072b2";
pub(super) const INDIRECT_LINE: Colour = "#555555";
pub(super) const WHITE: Colour = "#ffffff";

/// Where the stage columns are: shared by the lanes and the curves.
#[derive(Debug, Clone)]
pub(super) struct Columns {
    /// The left edge of the first column.
    pub left: f64,
    pub width: f64,
    pub count: usize,
}

impl Columns {
    /// The left edge of column `i`.
    pub fn x(&self, i: usize) -> f64 {
        self.left + self.width * i as f64
    }

    /// The right edge of the last column.
    pub fn right(&self) -> f64 {
        self.x(self.count)
    }
}

/// A page size: the layout's width in px, and how the SVG declares it.
struct Page {
    width: f64,
    height: f64,
    /// The unit of the declared size, and layout px per unit.
    unit: &'static str,
    per_unit: f64,
}

fn page(size: Size, stages: usize) -> Page {
    match size {
        Size::Slide => Page {
            width: 1920.0,
            height: 1080.0,
            unit: "",
            per_unit: 1.0,
        },
        // Landscape A4 and A3, laid out at 5 px per mm, so that a 12 px
        // callout prints at about 7 pt.
        Size::A4 => Page {
            width: 1485.0,
            height: 1050.0,
            unit: "mm",
            per_unit: 5.0,
        },
        Size::A3 => Page {
            width: 2100.0,
            height: 1485.0,
            unit: "mm",
            per_unit: 5.0,
        },
        Size::Auto => Page {
            width: (2.0 * MARGIN + LABEL_W + GUTTER + COLUMN_AUTO * stages.max(1) as f64)
                .max(1280.0),
            height: 0.0,
            unit: "",
            per_unit: 1.0,
        },
    }
}

/// Lays the whole canvas out. A map taller than its page is laid out
/// again, wider, so that scaled to the page it fills it from side to side.
pub(super) fn layout(map: &Map, words: &'static Words, options: &CanvasOptions) -> Scene {
    let page = page(options.size, map.stages.len());
    let count = map.stages.len().max(1);
    let auto = matches!(options.size, Size::Auto);
    let aspect = page.height / page.width;
    let mut width = page
        .width
        .max(2.0 * MARGIN + LABEL_W + GUTTER + COLUMN_MIN * count as f64);
    let tall = |w: f64| if auto { 0.0 } else { w * aspect };
    let (mut groups, mut content_h) = build(map, words, options, width, tall(width));
    if !auto {
        // Two passes settle it: lanes fill a page's room but never shrink
        // below their minimum, so a wider page changes little else.
        for _ in 0..2 {
            let wanted = content_h / aspect;
            if wanted <= width + 0.5 {
                break;
            }
            width = wanted;
            (groups, content_h) = build(map, words, options, width, tall(width));
        }
    }
    let mut notes = Vec::new();
    let (view, page_w, page_h) = if auto {
        ((0.0, 0.0, width, content_h), width, content_h)
    } else {
        // The view keeps the page's shape, the content centred across it.
        let view_w = width.max(content_h / aspect);
        let view_h = view_w * aspect;
        // A map shorter than its page sits in the middle of it.
        let view = (
            -(view_w - width) / 2.0,
            -((view_h - content_h) / 2.0).max(0.0),
            view_w,
            view_h,
        );
        if page.width / view_w >= SCALE_MIN {
            (view, page.width, page.height)
        } else {
            let (w, h) = (view_w * SCALE_MIN, view_h * SCALE_MIN);
            notes.push(format!(
                "the map is too large for one {} page; the canvas grows to {} x {}",
                options.size.name(),
                declared(w, &page),
                declared(h, &page)
            ));
            (view, w, h)
        }
    };
    Scene {
        view,
        page_width: declared(page_w, &page),
        page_height: declared(page_h, &page),
        lang: words.code,
        title: plain(&map.title),
        groups,
        notes,
    }
}

/// The groups of a canvas `width` wide whose persona lanes share what is
/// left of `height`; and how tall the content is.
fn build(
    map: &Map,
    words: &'static Words,
    options: &CanvasOptions,
    width: f64,
    height: f64,
) -> (Vec<Group>, f64) {
    let count = map.stages.len().max(1);
    let columns = Columns {
        left: MARGIN + LABEL_W,
        width: (width - 2.0 * MARGIN - LABEL_W - GUTTER) / count as f64,
        count,
    };
    let mut groups = Vec::new();
    let mut y = header(map, words, width, &mut groups);
    let stripes_at = groups.len();
    let columns_top = y;
    y = stage_row(map, &columns, y, &mut groups);
    let visited = options
        .persona
        .as_deref()
        .and_then(|id| map.persona(id))
        .map(lanes::visited);
    for kind in [Kind::Direct, Kind::Indirect] {
        y = card_lane(map, words, kind, &columns, visited.as_ref(), y, &mut groups);
    }
    // Persona lanes take the room the page has left, within limits.
    let legend_h = legend_height(map, words, options, width);
    let room = (height - y - legend_h - 16.0 - MARGIN).max(0.0);
    y = lanes::persona_lanes(map, words, options, &columns, y, room, &mut groups);
    let columns_bottom = y;
    y = legend(map, words, options, width, y + 16.0, &mut groups);
    groups.insert(
        stripes_at,
        stripes(&columns, columns_top, columns_bottom - columns_top),
    );
    (groups, y + MARGIN)
}

/// A size as the SVG declares it: whole px, or mm to a tenth.
fn declared(px: f64, page: &Page) -> String {
    let v = px / page.per_unit;
    if page.unit.is_empty() {
        format!("{}", v.round())
    } else {
        format!("{}{}", (v * 10.0).round() / 10.0, page.unit)
    }
}

/// Map text made safe to show: cleaned and cut to a bounded length.
pub(super) fn plain(s: &str) -> String {
    cut(clean(s, false).trim(), NAME_MAX * 4).into_owned()
}

/// A text run, measured.
pub(super) fn text(
    x: f64,
    y: f64,
    size: f64,
    anchor: Anchor,
    colour: Colour,
    bold: bool,
    s: impl Into<String>,
) -> Shape {
    let s = s.into();
    Shape::Text {
        x,
        y,
        size,
        anchor,
        colour,
        bold,
        width: font::width(&s, size),
        text: s,
    }
}

/// Wrapped lines as text runs from baseline `y`, `lead` apart; returns the
/// runs and whether the text was cut.
pub(super) fn lines(
    s: &str,
    (x, y): (f64, f64),
    size: f64,
    (max_w, max_lines): (f64, usize),
    anchor: Anchor,
    colour: Colour,
) -> (Vec<Shape>, bool) {
    let (wrapped, cut) = wrap(s, size, max_w, max_lines);
    let lead = size * 1.25;
    let shapes = wrapped
        .into_iter()
        .enumerate()
        .map(|(i, l)| text(x, y + lead * i as f64, size, anchor, colour, false, l))
        .collect();
    (shapes, cut)
}

fn header(map: &Map, words: &Words, width: f64, groups: &mut Vec<Group>) -> f64 {
    let title = plain(&map.title);
    let mut group = Group::new(Role::Title, title.clone());
    let (mut runs, _) = lines(
        &title,
        (MARGIN, MARGIN + 34.0),
        34.0,
        (width - 2.0 * MARGIN, 1),
        Anchor::Start,
        INK,
    );
    if let Some(Shape::Text { bold, .. }) = runs.first_mut() {
        *bold = true;
    }
    group.shapes.extend(runs);
    let mut y = MARGIN + 44.0;
    let conversion = plain(&map.conversion);
    if !conversion.is_empty() {
        let line = format!("{}: {conversion}", words.conversion);
        let (runs, _) = lines(
            &line,
            (MARGIN, y + 22.0),
            19.0,
            (width - 2.0 * MARGIN, 1),
            Anchor::Start,
            GREY,
        );
        group.shapes.extend(runs);
        y += 30.0;
    }
    groups.push(group);
    y + 18.0
}

fn stripes(columns: &Columns, top: f64, h: f64) -> Group {
    let mut group = Group::new(Role::Other, "");
    for i in (0..columns.count).step_by(2) {
        group.shapes.push(Shape::Rect {
            x: columns.x(i),
            y: top,
            w: columns.width,
            h,
            rx: 0.0,
            fill: STRIPE,
            stroke: None,
        });
    }
    group
}

fn stage_row(map: &Map, columns: &Columns, top: f64, groups: &mut Vec<Group>) -> f64 {
    const SIZE: f64 = 19.0;
    let mut bottom = top + 40.0;
    let mut made = Vec::new();
    for (i, stage) in map.stages.iter().enumerate() {
        let name = format!("{}. {}", i + 1, plain(&stage.name));
        let mut group = Group::new(Role::Stage { index: i }, name.clone());
        let (runs, _) = lines(
            &name,
            (columns.x(i) + 10.0, top + 28.0),
            SIZE,
            (columns.width - 20.0, 2),
            Anchor::Start,
            INK,
        );
        let h = 18.0 + SIZE * 1.25 * runs.len() as f64;
        bottom = bottom.max(top + h);
        group.shapes.extend(runs);
        made.push(group);
    }
    for (i, mut group) in made.into_iter().enumerate() {
        // The header's box goes under its text, as tall as the tallest.
        group.shapes.insert(
            0,
            Shape::Rect {
                x: columns.x(i) + 2.0,
                y: top,
                w: columns.width - 4.0,
                h: bottom - top,
                rx: 4.0,
                fill: HEADER,
                stroke: None,
            },
        );
        groups.push(group);
    }
    bottom + LANE_PAD
}

#[allow(clippy::too_many_arguments)]
fn card_lane(
    map: &Map,
    words: &Words,
    kind: Kind,
    columns: &Columns,
    visited: Option<&std::collections::BTreeSet<String>>,
    top: f64,
    groups: &mut Vec<Group>,
) -> f64 {
    let label = match kind {
        Kind::Direct => words.lane_direct,
        Kind::Indirect => words.lane_indirect,
    };
    let mut lane = Group::new(Role::Lane, label);
    let (runs, _) = lines(
        label,
        (MARGIN, top + 22.0),
        16.0,
        (LABEL_W - 16.0, 3),
        Anchor::Start,
        INK,
    );
    lane.shapes.extend(runs);
    groups.push(lane);
    let mut bottom = top + 56.0;
    let card_w = columns.width - 16.0;
    for (i, stage) in map.stages.iter().enumerate() {
        let mut y = top + 4.0;
        for t in stage.touchpoints.iter().filter(|t| t.kind == kind) {
            let name = plain(&t.name);
            let channel = plain(&t.channel);
            let faded = visited.is_some_and(|v| !v.contains(&t.id));
            let tip = if channel.is_empty() {
                name.clone()
            } else {
                format!("{name} ({channel})")
            };
            let mut card = Group::new(
                Role::Touchpoint {
                    id: t.id.clone(),
                    faded,
                },
                tip,
            );
            if faded {
                card.opacity = 0.35;
            }
            let x = columns.x(i) + 8.0;
            let inner = card_w - 20.0;
            let channel_w = font::width(&channel, 12.0);
            let mut h;
            let mut runs;
            if !channel.is_empty() && font::width(&name, 15.0) + 12.0 + channel_w <= inner {
                // Name and channel share a line where both fit: a lane of
                // short names stays short.
                runs = vec![
                    text(
                        x + 10.0,
                        y + 21.0,
                        15.0,
                        Anchor::Start,
                        INK,
                        false,
                        name.clone(),
                    ),
                    text(
                        x + card_w - 10.0,
                        y + 21.0,
                        12.0,
                        Anchor::End,
                        GREY,
                        false,
                        channel.clone(),
                    ),
                ];
                h = 12.0 + 18.75;
            } else {
                let (names, _) = lines(
                    &name,
                    (x + 10.0, y + 21.0),
                    15.0,
                    (inner, 2),
                    Anchor::Start,
                    INK,
                );
                h = 12.0 + 18.75 * names.len() as f64;
                runs = names;
                if !channel.is_empty() {
                    let (line, _) = font::fit(&channel, 12.0, inner);
                    runs.push(text(
                        x + 10.0,
                        y + h + 6.0,
                        12.0,
                        Anchor::Start,
                        GREY,
                        false,
                        line,
                    ));
                    h += 16.0;
                }
            }
            h += 4.0;
            let (fill, line, dash) = match kind {
                Kind::Direct => (DIRECT_FILL, DIRECT_LINE, Dash::Solid),
                Kind::Indirect => (WHITE, INDIRECT_LINE, Dash::Dashed),
            };
            card.shapes.push(Shape::Rect {
                x,
                y,
                w: card_w,
                h,
                rx: 6.0,
                fill,
                stroke: Some((line, 2.0, dash)),
            });
            card.shapes.extend(runs);
            groups.push(card);
            y += h + CARD_GAP;
        }
        bottom = bottom.max(y);
    }
    // A rule under the lane.
    let mut rule = Group::new(Role::Other, "");
    rule.shapes.push(Shape::Line {
        points: vec![(MARGIN, bottom + 2.0), (columns.right(), bottom + 2.0)],
        colour: RULE,
        width: 1.0,
        dash: Dash::Solid,
    });
    groups.push(rule);
    bottom + LANE_PAD
}
