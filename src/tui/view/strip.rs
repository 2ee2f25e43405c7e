//! The path strip under the board: a rule naming the persona and path, the
//! breadcrumb `1 Web search → 2 Review portal → … → converted`, and the
//! emotion curve with its lowest point marked. Built from the precomputed
//! [`PathView`](crate::tui::derived::PathView), and only the steps that fit
//! are measured, so a long path costs no more than a short one.

use super::{put, put_symbol};
use crate::tui::app::App;
use crate::tui::text::{fit, one_line, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

/// The strip view.
pub struct Strip<'a>(pub &'a App);

/// One step's emotion as a bar (Unicode) or a character (ASCII).
pub fn glyph(emotion: Option<i8>, ascii: bool) -> &'static str {
    const BARS: [&str; 5] = ["▁", "▂", "▄", "▆", "█"];
    // Neutral is `o`, so that `-` can only read as below neutral.
    const CHARS: [&str; 5] = ["v", "-", "o", "+", "^"];
    match emotion {
        None => {
            if ascii {
                " "
            } else {
                "·"
            }
        }
        Some(e) => {
            let i = (e.clamp(-2, 2) + 2) as usize;
            if ascii { CHARS[i] } else { BARS[i] }
        }
    }
}

impl Strip<'_> {
    /// The step the strip keeps in view and marks: the path panel's step
    /// while it is open (also under a form it opened), else the selected
    /// touchpoint's first visit.
    fn focus(&self) -> Option<usize> {
        let app = self.0;
        if app.layers().contains(&crate::tui::app::Overlay::Path) {
            return Some(app.current.step);
        }
        let at = app.view.touchpoint()?;
        let t = crate::core::edit::touchpoint(app.doc.map(), at)?;
        let view = app.derived.path.as_ref()?;
        view.numbers(&t.id).first().map(|n| n - 1)
    }
}

impl Widget for Strip<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (theme, sym, ascii) = (
            &app.settings.theme,
            &app.settings.symbols,
            app.settings.ascii,
        );
        let map = app.doc.map();
        let Some(persona) = app.current.persona(map) else {
            return;
        };
        let w = usize::from(area.width);
        let mut y = area.y;
        let path = app.current.path(map);
        if area.height > 2 {
            put_symbol(buf, area.x, y, sym.horizontal, area.width, theme.dim);
            let label = match path {
                Some(p) => format!(
                    " {} {} path {}/{}: {} ",
                    one_line(&persona.name, ascii),
                    sym.dot,
                    app.current.path + 1,
                    persona.paths.len(),
                    one_line(&p.name, ascii)
                ),
                None => format!(" {} ", one_line(&persona.name, ascii)),
            };
            put(
                buf,
                area.x + 2,
                y,
                &fit(&label, w.saturating_sub(4), sym.ellipsis),
                w,
                theme.header,
            );
            y += 1;
        }
        let (Some(path), Some(view)) = (path, app.derived.path.as_ref()) else {
            let text = format!(
                "{} has no path yet: select a touchpoint and press Space to start one",
                one_line(&persona.name, ascii)
            );
            put(buf, area.x, y, &fit(&text, w, sym.ellipsis), w, theme.dim);
            return;
        };
        let focus = self.focus();
        let arrow = if ascii { " -> " } else { " → " };
        let outcome = format!("{arrow}{}", path.outcome.label());
        if view.crumbs.is_empty() {
            let text = format!("no steps yet: Space on a touchpoint adds one{outcome}");
            put(buf, area.x, y, &fit(&text, w, sym.ellipsis), w, theme.dim);
        } else {
            breadcrumb(buf, area.x, y, w, app, focus, arrow, &outcome);
        }
        y += 1;
        if y < area.bottom() {
            curve(buf, area.x, y, w, app, focus);
        }
    }
}

/// Draws the crumbs from a start chosen so the focused step shows, with
/// `…` where steps are scrolled away, and the outcome after the last.
#[allow(clippy::too_many_arguments)]
fn breadcrumb(
    buf: &mut Buffer,
    x0: u16,
    y: u16,
    w: usize,
    app: &App,
    focus: Option<usize>,
    arrow: &str,
    outcome: &str,
) {
    let (theme, sym, ascii) = (
        &app.settings.theme,
        &app.settings.symbols,
        app.settings.ascii,
    );
    let Some(view) = app.derived.path.as_ref() else {
        return;
    };
    let crumb = |i: usize| {
        let name = one_line(&view.crumbs[i].name, ascii).into_owned();
        format!("{} {name}", i + 1)
    };
    let arrow_w = width(arrow);
    // Walk back from the focused step while half the width is not used up.
    let focus = focus.unwrap_or(0).min(view.crumbs.len() - 1);
    let mut start = focus;
    let mut used = width(&crumb(focus));
    let budget = w.saturating_sub(width(outcome));
    let upto: usize = (0..=focus).map(|i| width(&crumb(i)) + arrow_w).sum();
    if upto <= budget {
        start = 0;
    }
    while start > 0 {
        let wid = width(&crumb(start - 1)) + arrow_w;
        if used + wid > w / 2 {
            break;
        }
        used += wid;
        start -= 1;
    }
    // The outcome always shows: the crumbs get what it leaves.
    let reserve = width(outcome);
    let mut x = x0;
    let end = x0.saturating_add(w.saturating_sub(reserve) as u16);
    let room = |x: u16| usize::from(end.saturating_sub(x));
    if start > 0 {
        x = put(
            buf,
            x,
            y,
            &format!("{}{arrow}", sym.ellipsis),
            room(x),
            theme.dim,
        );
    }
    for i in start..view.crumbs.len() {
        if i > start {
            x = put(buf, x, y, arrow, room(x), theme.dim);
        }
        let text = crumb(i);
        let last = i + 1 == view.crumbs.len();
        let need = width(&text) + if last { 0 } else { arrow_w + 1 };
        if need > room(x) && i != focus {
            x = put(buf, x, y, sym.ellipsis, room(x), theme.dim);
            break;
        }
        let style = if i == focus {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new()
        };
        let number = format!("{}", i + 1);
        x = put(buf, x, y, &number, room(x), theme.key.patch(style));
        let name = &text[number.len()..];
        x = put(buf, x, y, &fit(name, room(x), sym.ellipsis), room(x), style);
    }
    put(buf, x, y, outcome, reserve, theme.header);
}

/// Draws the emotion curve, one bar per step (two cells apart), the lowest
/// bar reversed and named in words after the curve.
fn curve(buf: &mut Buffer, x0: u16, y: u16, w: usize, app: &App, focus: Option<usize>) {
    let (theme, sym, ascii) = (
        &app.settings.theme,
        &app.settings.symbols,
        app.settings.ascii,
    );
    let Some(view) = app.derived.path.as_ref() else {
        return;
    };
    let end = x0.saturating_add(w as u16);
    let room = |x: u16| usize::from(end.saturating_sub(x));
    let mut x = put(buf, x0, y, "emotion ", w, theme.dim);
    let label = match view.lowest {
        Some(n) => {
            let e = view.crumbs[n].emotion.unwrap_or(0);
            format!(
                "  lowest: {} {} ({})",
                n + 1,
                one_line(&view.crumbs[n].name, ascii),
                crate::tui::text::signed(e)
            )
        }
        None => "  no emotions yet: s, then + and -".to_string(),
    };
    // Bars get what the label leaves, at least a third of the row.
    let bars_room = room(x).saturating_sub(width(&label)).max(room(x) / 3);
    let count = (bars_room / 2).max(1);
    let len = view.crumbs.len();
    let first = focus
        .unwrap_or(0)
        .saturating_sub(count / 2)
        .min(len.saturating_sub(count));
    if first > 0 {
        x = put(buf, x, y, sym.more_left, room(x), theme.key);
    }
    for (i, c) in view.crumbs.iter().enumerate().skip(first).take(count) {
        let mut style = if c.emotion.is_some_and(|e| e < 0) {
            theme.warning
        } else {
            theme.ok
        };
        if view.lowest == Some(i) {
            style = style.add_modifier(Modifier::REVERSED);
        }
        if focus == Some(i) {
            style = style.add_modifier(Modifier::UNDERLINED);
        }
        x = put(buf, x, y, glyph(c.emotion, ascii), room(x), style);
        x = put(buf, x, y, " ", room(x), Style::new());
    }
    if first + count < len {
        x = put(buf, x, y, sym.more_right, room(x), theme.key);
    }
    put(
        buf,
        x,
        y,
        &fit(&label, room(x), sym.ellipsis),
        room(x),
        Style::new(),
    );
}
