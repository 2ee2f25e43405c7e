//! The one writer: a [`Scene`] as plain SVG 1.1. No scripts, no
//! `<foreignObject>`, no external references, no CSS; every number is
//! printed to a tenth, so the same map always gives the same bytes.

use super::font::FAMILY_LIST;
use super::scene::{Anchor, Dash, Group, Scene, Shape};
use std::fmt::Write;

/// Writes the scene as an SVG document.
pub fn write(scene: &Scene) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let (vx, vy, vw, vh) = scene.view;
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{}\" height=\"{}\" viewBox=\"{} {} {} {}\" xml:lang=\"{}\" font-family=\"{FAMILY_LIST}\">",
        scene.page_width,
        scene.page_height,
        n(vx),
        n(vy),
        n(vw),
        n(vh),
        scene.lang
    );
    out.push_str("<title>");
    escape(&mut out, &scene.title);
    out.push_str("</title>\n");
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        n(vx),
        n(vy),
        n(vw),
        n(vh)
    );
    for group in &scene.groups {
        write_group(&mut out, group);
    }
    out.push_str("</svg>\n");
    out
}

fn write_group(out: &mut String, group: &Group) {
    if group.shapes.is_empty() {
        return;
    }
    out.push_str("<g");
    if group.opacity < 1.0 {
        let _ = write!(out, " opacity=\"{}\"", n(group.opacity));
    }
    out.push('>');
    if !group.title.is_empty() {
        out.push_str("<title>");
        escape(out, &group.title);
        out.push_str("</title>");
    }
    out.push('\n');
    for shape in &group.shapes {
        write_shape(out, shape);
    }
    out.push_str("</g>\n");
}

fn write_shape(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            rx,
            fill,
            stroke,
        } => {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                n(*x),
                n(*y),
                n(*w),
                n(*h)
            );
            if *rx > 0.0 {
                let _ = write!(out, " rx=\"{}\"", n(*rx));
            }
            let _ = write!(out, " fill=\"{fill}\"");
            if let Some((colour, width, dash)) = stroke {
                stroke_attrs(out, colour, *width, *dash);
            }
            out.push_str("/>\n");
        }
        Shape::Line {
            points,
            colour,
            width,
            dash,
        } => {
            out.push_str("<polyline points=\"");
            push_points(out, points);
            out.push_str("\" fill=\"none\"");
            stroke_attrs(out, colour, *width, *dash);
            out.push_str(" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n");
        }
        Shape::Arc {
            from,
            control,
            to,
            colour,
            width,
            dash,
        } => {
            let _ = write!(
                out,
                "<path d=\"M{} {} Q{} {} {} {}\" fill=\"none\"",
                n(from.0),
                n(from.1),
                n(control.0),
                n(control.1),
                n(to.0),
                n(to.1)
            );
            stroke_attrs(out, colour, *width, *dash);
            out.push_str(" stroke-linecap=\"round\"/>\n");
        }
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => {
            out.push_str("<polygon points=\"");
            push_points(out, points);
            let _ = write!(out, "\" fill=\"{fill}\"");
            if let Some((colour, width)) = stroke {
                stroke_attrs(out, colour, *width, Dash::Solid);
            }
            out.push_str("/>\n");
        }
        Shape::Circle {
            cx,
            cy,
            r,
            fill,
            stroke,
        } => {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"",
                n(*cx),
                n(*cy),
                n(*r)
            );
            if let Some((colour, width)) = stroke {
                stroke_attrs(out, colour, *width, Dash::Solid);
            }
            out.push_str("/>\n");
        }
        Shape::Text {
            x,
            y,
            size,
            anchor,
            colour,
            bold,
            text,
            ..
        } => {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{colour}\"",
                n(*x),
                n(*y),
                n(*size)
            );
            match anchor {
                Anchor::Start => {}
                Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
                Anchor::End => out.push_str(" text-anchor=\"end\""),
            }
            if *bold {
                // The one font has no bold face: a thin outline in the
                // text's own colour makes it heavier, the same everywhere.
                let _ = write!(out, " stroke=\"{colour}\" stroke-width=\"0.6\"");
            }
            // Spaces are kept as written, so a measured run stays as wide.
            out.push_str(" xml:space=\"preserve\">");
            escape(out, text);
            out.push_str("</text>\n");
        }
    }
}

fn stroke_attrs(out: &mut String, colour: &str, width: f64, dash: Dash) {
    let _ = write!(out, " stroke=\"{colour}\" stroke-width=\"{}\"", n(width));
    let pattern = match dash {
        Dash::Solid => return,
        Dash::Dashed => "8 5",
        Dash::Dotted => "2 4",
        Dash::DashDot => "10 4 2 4",
    };
    let _ = write!(out, " stroke-dasharray=\"{pattern}\"");
}

fn push_points(out: &mut String, points: &[(f64, f64)]) {
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", n(*x), n(*y));
    }
}

/// A number to a tenth, without a trailing `.0` and never `-0`.
fn n(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        let sign = if tenths < 0 { "-" } else { "" };
        let a = tenths.abs();
        format!("{sign}{}.{}", a / 10, a % 10)
    }
}

/// Escapes text for XML content and attributes. The layout has cleaned it
/// already, so no control character reaches this point.
fn escape(out: &mut String, s: &str) {
    crate::core::export::push_escaped(out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&apos;"),
        _ => None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(n(0.0), "0");
        assert_eq!(n(-0.04), "0");
        assert_eq!(n(12.25), "12.3");
        assert_eq!(n(-3.5), "-3.5");
        assert_eq!(n(-0.5), "-0.5");
        assert_eq!(n(1920.0), "1920");
    }

    #[test]
    fn text_is_escaped() {
        let mut out = String::new();
        escape(&mut out, "a<b & \"c\" 'd'");
        assert_eq!(out, "a&lt;b &amp; &quot;c&quot; &apos;d&apos;");
    }
}
