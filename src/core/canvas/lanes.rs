//! The persona lanes: one per path, each with its emotion curve from −2 to
//! +2 across the stage columns, numbered steps, a low point, pain-point and
//! opportunity callouts, and the path's outcome at its end.
//!
//! Each step of a path gets a slot of its own within its stage's column
//! (a path with two steps in a stage splits the column in two), and a
//! callout never leaves its slot, so callouts cannot overlap.

use super::CanvasOptions;
use super::font;
use super::layout::{Columns, GREY, GUTTER, INK, LABEL_W, MARGIN, RULE, lines, plain, text};
use super::marks::{RADIUS, back_arc, low_ring, marker, outcome_mark, style};
use super::scene::{Anchor, Dash, Group, Role, Shape};
use crate::core::model::{Map, Outcome, Path, Persona, TouchpointIndex};
use crate::core::words::Words;
use std::collections::BTreeSet;

const LANE_MIN: f64 = 150.0;
const LANE_MAX: f64 = 320.0;
/// Callout text size, and the height of a band of two callout lines.
const NOTE: f64 = 12.0;
const BAND: f64 = 2.0 * NOTE * 1.25 + 6.0;

/// The touchpoints a persona's paths visit.
pub(super) fn visited(persona: &Persona) -> BTreeSet<String> {
    persona
        .paths
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| s.touchpoint.clone()))
        .collect()
}

/// Lays out every shown path's lane from `top`; they share `room` but stay
/// within their limits. Returns the bottom of the last lane.
pub(super) fn persona_lanes(
    map: &Map,
    words: &Words,
    options: &CanvasOptions,
    columns: &Columns,
    top: f64,
    room: f64,
    groups: &mut Vec<Group>,
) -> f64 {
    let shown = crate::core::export::Options {
        persona: options.persona.clone(),
    };
    let paths: Vec<(usize, &Persona, &Path)> = shown
        .personas(map)
        .flat_map(|(i, p)| p.paths.iter().map(move |path| (i, p, path)))
        .collect();
    if paths.is_empty() {
        let mut group = Group::new(Role::Lane, words.no_paths);
        group.shapes.push(text(
            MARGIN,
            top + 30.0,
            16.0,
            Anchor::Start,
            GREY,
            false,
            words.no_paths,
        ));
        groups.push(group);
        return top + 50.0;
    }
    let h = (room / paths.len() as f64).clamp(LANE_MIN, LANE_MAX);
    let index = TouchpointIndex::new(map);
    let mut y = top;
    for (i, persona, path) in paths {
        let lane = Lane {
            top: y,
            bottom: y + h,
            persona: i,
        };
        lane.draw(map, words, columns, &index, persona, path, groups);
        y += h;
    }
    y
}

struct Lane {
    top: f64,
    bottom: f64,
    persona: usize,
}

/// A step placed on the lane.
struct Point {
    step: usize,
    stage: usize,
    x: f64,
    y: f64,
}

impl Lane {
    fn curve_top(&self) -> f64 {
        self.top + BAND + 14.0
    }

    fn curve_bottom(&self) -> f64 {
        self.bottom - BAND - 14.0
    }

    /// The y of an emotion from −2 to +2.
    fn y_of(&self, emotion: i8) -> f64 {
        let mid = (self.curve_top() + self.curve_bottom()) / 2.0;
        mid - f64::from(emotion) * (self.curve_bottom() - self.curve_top()) / 4.0
    }

    #[allow(clippy::too_many_arguments)]
    fn draw(
        &self,
        map: &Map,
        words: &Words,
        columns: &Columns,
        index: &TouchpointIndex,
        persona: &Persona,
        path: &Path,
        groups: &mut Vec<Group>,
    ) {
        let (colour, dash) = style(self.persona);
        let persona_name = plain(&persona.name);
        let path_name = plain(&path.name);
        let several = persona.paths.len() > 1;
        self.label(&persona_name, several.then_some(path_name.as_str()), groups);
        self.axis(columns, groups);

        let points = self.place(columns, index, path);
        let title = if several {
            format!("{persona_name}: {path_name}")
        } else {
            persona_name.clone()
        };
        let mut curve = Group::new(
            Role::Curve {
                persona: persona.id.clone(),
                path: path.id.clone(),
            },
            title,
        );
        for pair in points.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if b.stage < a.stage {
                let lift = (a.y.min(b.y) - 40.0).max(self.top + 4.0);
                curve
                    .shapes
                    .extend(back_arc((a.x, a.y), (b.x, b.y), lift, colour, dash));
            } else {
                curve.shapes.push(Shape::Line {
                    points: vec![(a.x, a.y), (b.x, b.y)],
                    colour,
                    width: 3.0,
                    dash,
                });
            }
        }
        groups.push(curve);

        let low = points
            .iter()
            .filter_map(|p| path.steps[p.step].emotion.map(|e| (e, p.step)))
            .min_by_key(|&(e, step)| (e, step))
            .map(|(_, step)| step);
        let rooms = callout_rooms(columns, path, &points, low);
        for (p, room) in points.iter().zip(rooms) {
            self.step(
                map,
                words,
                index,
                path,
                p,
                (low == Some(p.step), room),
                groups,
            );
        }
        if let Some(last) = points.last() {
            self.outcome(words, columns, path.outcome, last, groups);
        }
    }

    fn label(&self, persona: &str, path: Option<&str>, groups: &mut Vec<Group>) {
        let mut group = Group::new(Role::Lane, persona);
        let (mut runs, _) = lines(
            persona,
            (MARGIN, self.top + 24.0),
            16.0,
            (LABEL_W - 40.0, 2),
            Anchor::Start,
            INK,
        );
        for r in &mut runs {
            if let Shape::Text { bold, .. } = r {
                *bold = true;
            }
        }
        let mut y = self.top + 24.0 + 20.0 * runs.len() as f64;
        group.shapes.extend(runs);
        if let Some(path) = path {
            let (runs, _) = lines(
                path,
                (MARGIN, y),
                13.0,
                (LABEL_W - 40.0, 2),
                Anchor::Start,
                GREY,
            );
            y += 16.0 * runs.len() as f64;
            group.shapes.extend(runs);
        }
        let (colour, dash) = style(self.persona);
        let sample_y = y + 4.0;
        group.shapes.push(Shape::Line {
            points: vec![(MARGIN, sample_y), (MARGIN + 60.0, sample_y)],
            colour,
            width: 3.0,
            dash,
        });
        group
            .shapes
            .extend(marker(self.persona, (MARGIN + 30.0, sample_y), None, true));
        groups.push(group);
    }

    fn axis(&self, columns: &Columns, groups: &mut Vec<Group>) {
        let mut group = Group::new(Role::Other, "");
        let x = columns.left - 8.0;
        for (e, label) in [(2, "+2"), (0, "0"), (-2, "−2")] {
            group.shapes.push(text(
                x,
                self.y_of(e) + 4.0,
                11.0,
                Anchor::End,
                GREY,
                false,
                label,
            ));
        }
        group.shapes.push(Shape::Line {
            points: vec![
                (columns.left, self.y_of(0)),
                (columns.right(), self.y_of(0)),
            ],
            colour: RULE,
            width: 1.0,
            dash: Dash::Dotted,
        });
        group.shapes.push(Shape::Line {
            points: vec![(MARGIN, self.bottom), (columns.right(), self.bottom)],
            colour: RULE,
            width: 1.0,
            dash: Dash::Solid,
        });
        groups.push(group);
    }

    /// Each step that names a touchpoint, in its stage's column, in a slot
    /// of its own.
    fn place(&self, columns: &Columns, index: &TouchpointIndex, path: &Path) -> Vec<Point> {
        let stages: Vec<Option<usize>> = path
            .steps
            .iter()
            .map(|s| index.get(&s.touchpoint).map(|p| p.stage))
            .collect();
        let mut per_stage = vec![0usize; columns.count];
        for &s in stages.iter().flatten() {
            if let Some(n) = per_stage.get_mut(s) {
                *n += 1;
            }
        }
        let mut seen = vec![0usize; columns.count];
        let mut points = Vec::new();
        for (step, stage) in stages.into_iter().enumerate() {
            let Some(stage) = stage.filter(|&s| s < columns.count) else {
                continue;
            };
            let m = per_stage[stage].max(1) as f64;
            let k = seen[stage] as f64;
            seen[stage] += 1;
            let slot = columns.width / m;
            points.push(Point {
                step,
                stage,
                x: columns.x(stage) + slot * (k + 0.5),
                y: self.y_of(path.steps[step].emotion.unwrap_or(0)),
            });
        }
        points
    }

    #[allow(clippy::too_many_arguments)]
    fn step(
        &self,
        map: &Map,
        words: &Words,
        index: &TouchpointIndex,
        path: &Path,
        p: &Point,
        (low, room): (bool, f64),
        groups: &mut Vec<Group>,
    ) {
        let step = &path.steps[p.step];
        let name = index
            .get(&step.touchpoint)
            .map(|pos| plain(&map.stages[pos.stage].touchpoints[pos.index].name))
            .unwrap_or_default();
        let note = plain(&step.note);
        let feeling = step
            .emotion
            .map(|e| format!(" ({}{e})", if e > 0 { "+" } else { "" }))
            .unwrap_or_default();
        let number = p.step + 1;
        let mut tip = format!("{number}. {name}{feeling}");
        if !note.is_empty() {
            tip.push_str(": ");
            tip.push_str(&note);
        }
        let mut group = Group::new(Role::Step { number }, tip);
        if low {
            group.shapes.extend(low_ring((p.x, p.y)));
        }
        group.shapes.extend(marker(
            self.persona,
            (p.x, p.y),
            Some(number),
            step.emotion.is_some(),
        ));
        groups.push(group);

        let emotion = step.emotion.unwrap_or(0);
        if (note.is_empty() && !low) || room <= 0.0 {
            return;
        }
        let (role, mut first, rest_lines) = if low {
            (Role::LowPoint, format!("▼ {}", words.low_point), 1)
        } else if emotion < 0 {
            (Role::Callout, format!("▼ {note}"), 2)
        } else if emotion > 0 {
            (Role::Callout, format!("▲ {note}"), 2)
        } else {
            return;
        };
        let above = !low && emotion > 0;
        let mut callout = Group::new(role, note.clone());
        let first_y = if above {
            self.top + NOTE + 4.0
        } else {
            self.bottom - BAND + NOTE + 2.0
        };
        let mut runs = Vec::new();
        if low {
            let (line, _) = font::fit(&first, NOTE, room);
            first = line;
            runs.push(text(p.x, first_y, NOTE, Anchor::Middle, INK, true, first));
            if !note.is_empty() {
                let (line, _) = font::fit(&note, NOTE, room);
                runs.push(text(
                    p.x,
                    first_y + NOTE * 1.25,
                    NOTE,
                    Anchor::Middle,
                    INK,
                    false,
                    line,
                ));
            }
        } else {
            let (wrapped, _) = lines(
                &first,
                (p.x, first_y),
                NOTE,
                (room, rest_lines),
                Anchor::Middle,
                INK,
            );
            runs = wrapped;
        }
        // A thin leader from the point to its callout.
        let (from, to) = if above {
            (p.y - RADIUS, self.top + BAND)
        } else {
            (p.y + RADIUS, self.bottom - BAND - 2.0)
        };
        if (to - from).abs() > 4.0 {
            callout.shapes.push(Shape::Line {
                points: vec![(p.x, from), (p.x, to)],
                colour: RULE,
                width: 1.0,
                dash: Dash::Dotted,
            });
        }
        callout.shapes.extend(runs);
        groups.push(callout);
    }

    fn outcome(
        &self,
        words: &Words,
        columns: &Columns,
        outcome: Outcome,
        last: &Point,
        groups: &mut Vec<Group>,
    ) {
        let (converted, label) = match outcome {
            Outcome::Converted => (true, words.converted),
            Outcome::DroppedOut => (false, words.dropped_out),
            Outcome::Open => return,
        };
        let mut group = Group::new(Role::Outcome, label);
        let at = (last.x + 2.0 * RADIUS + 4.0, last.y);
        group.shapes.push(Shape::Line {
            points: vec![(last.x + RADIUS, last.y), (at.0 - 9.0, at.1)],
            colour: INK,
            width: 1.5,
            dash: Dash::Solid,
        });
        group.shapes.extend(outcome_mark(converted, at));
        let w = font::width(label, 13.0);
        let edge = columns.right() + GUTTER + MARGIN - 4.0;
        if at.0 + 14.0 + w <= edge {
            group.shapes.push(text(
                at.0 + 14.0,
                at.1 + 5.0,
                13.0,
                Anchor::Start,
                INK,
                true,
                label,
            ));
        } else {
            group.shapes.push(text(
                at.0 + 10.0,
                at.1 - 16.0,
                13.0,
                Anchor::End,
                INK,
                true,
                label,
            ));
        }
        groups.push(group);
    }
}

/// Which band a step's callout goes in: above the curve for an
/// opportunity, below it for a pain point and for the low point.
fn band(path: &Path, p: &Point, low: Option<usize>) -> Option<bool> {
    let step = &path.steps[p.step];
    if low == Some(p.step) {
        return Some(false);
    }
    match step.emotion {
        _ if step.note.trim().is_empty() => None,
        Some(e) if e > 0 => Some(true),
        Some(e) if e < 0 => Some(false),
        _ => None,
    }
}

/// How wide each step's callout may be (0 for none): centred on its point,
/// reaching halfway to the next callout in the same band on either side.
/// The low point claims room of its own first, and a callout it covers
/// is left out (its note stays in the step's tooltip).
fn callout_rooms(columns: &Columns, path: &Path, points: &[Point], low: Option<usize>) -> Vec<f64> {
    const LOW_HALF: f64 = 90.0;
    let (left, right) = (columns.left, columns.right() + GUTTER);
    let mut rooms = vec![0.0; points.len()];
    for above in [true, false] {
        let mut items: Vec<(f64, usize)> = points
            .iter()
            .enumerate()
            .filter(|(_, p)| band(path, p, low) == Some(above))
            .map(|(i, p)| (p.x, i))
            .collect();
        items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let low_at = items
            .iter()
            .find(|(_, i)| Some(points[*i].step) == low)
            .map(|&(x, _)| {
                let half = LOW_HALF.min(x - left).min(right - x).max(0.0);
                (x - half, x + half)
            });
        for (k, &(x, i)) in items.iter().enumerate() {
            let is_low = Some(points[i].step) == low;
            if let (Some((l0, l1)), false) = (low_at, is_low)
                && x > l0 - 12.0
                && x < l1 + 12.0
            {
                continue;
            }
            let mut lo = if k == 0 {
                left
            } else {
                (items[k - 1].0 + x) / 2.0
            };
            let mut hi = items.get(k + 1).map_or(right, |n| (n.0 + x) / 2.0);
            if let (Some((l0, l1)), false) = (low_at, is_low) {
                if l1 <= x {
                    lo = lo.max(l1 + 4.0);
                }
                if l0 >= x {
                    hi = hi.min(l0 - 4.0);
                }
            } else if let Some((l0, l1)) = low_at {
                lo = lo.min(l0);
                hi = hi.max(l1);
            }
            rooms[i] = 2.0 * (x - lo).min(hi - x) - 8.0;
        }
    }
    rooms
}
