//! The path panel: the current path's steps with their emotion, stage and
//! note; the title names the persona, the path and its outcome.

use super::list::{first_row, frame};
use super::put;
use super::strip::glyph;
use crate::tui::app::App;
use crate::tui::text::short;
use crate::tui::text::{fit, one_line, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The path panel view.
pub struct PathPanel<'a>(pub &'a App);

/// Touchpoint names wider than this are cut, so notes keep some room.
const NAME_MAX: usize = 26;
/// Stage names wider than this are cut.
const STAGE_MAX: usize = 14;

impl Widget for PathPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let (theme, sym, ascii) = (
            &app.settings.theme,
            &app.settings.symbols,
            app.settings.ascii,
        );
        let map = app.doc.map();
        let Some(persona) = app.current.persona(map) else {
            frame(area, buf, &app.settings, "Path");
            return;
        };
        let path = app.current.path(map);
        let title = match path {
            Some(p) => format!(
                "{}: path {} of {} “{}” · outcome: {}",
                short(&persona.name),
                app.current.path + 1,
                persona.paths.len(),
                short(&p.name),
                p.outcome.label()
            ),
            None => format!("{}: no path", short(&persona.name)),
        };
        // A finding about the path or one of its steps marks the title.
        let persona_at = app.current.persona.unwrap_or(0);
        let title = if path.is_some() && app.derived.path_has_problem(persona_at, app.current.path)
        {
            format!("{title} {}", sym.warning)
        } else {
            title
        };
        let inner = frame(area, buf, &app.settings, &title);
        if inner.is_empty() {
            return;
        }
        let w = usize::from(inner.width);
        let Some(path) = path else {
            let text = "No path yet. Close this (Esc), select a touchpoint and press Space: the path starts there. n makes an empty path.";
            for (i, line) in crate::tui::text::wrap(text, w, usize::from(inner.height))
                .iter()
                .enumerate()
            {
                put(buf, inner.x, inner.y + i as u16, line, w, theme.dim);
            }
            return;
        };
        if path.steps.is_empty() {
            let text = "No steps yet. Close this (Esc), select a touchpoint and press Space.";
            put(
                buf,
                inner.x,
                inner.y,
                &fit(text, w, sym.ellipsis),
                w,
                theme.dim,
            );
            return;
        }
        let height = usize::from(inner.height);
        let first = first_row(path.steps.len(), app.current.step, height);
        let view = app.derived.path.as_ref();
        let number_w = path.steps.len().to_string().len();
        for (i, step) in path.steps.iter().enumerate().skip(first).take(height) {
            let y = inner.y + (i - first) as u16;
            let selected = i == app.current.step;
            let base = if selected {
                theme.selected
            } else {
                Style::new()
            };
            if selected {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
            }
            let room = |x: u16| usize::from(inner.right().saturating_sub(x));
            let mut x = put(
                buf,
                inner.x,
                y,
                &format!("{:>number_w$} ", i + 1),
                w,
                base.patch(theme.key),
            );
            let emotion = match step.emotion {
                Some(e) => format!("{:>2} ", crate::tui::text::signed(e)),
                // No emotion: no number, and the curve's dot for "none".
                None => "   ".to_string(),
            };
            x = put(buf, x, y, &emotion, room(x), base);
            x = put(buf, x, y, glyph(step.emotion, ascii), room(x), base);
            x = put(buf, x, y, " ", room(x), base);
            let crumb = view.and_then(|v| v.crumbs.get(i));
            let name = crumb.map_or_else(|| step.touchpoint.clone(), |c| c.name.clone());
            let name = fit(&one_line(&name, ascii), NAME_MAX, sym.ellipsis).into_owned();
            put(buf, x, y, &name, room(x), base.patch(theme.header));
            x = x.saturating_add(NAME_MAX as u16 + 1);
            let stage = crumb
                .and_then(|c| c.at)
                .and_then(|at| map.stages.get(at.stage))
                .map_or("?".into(), |s| one_line(&s.name, ascii).into_owned());
            let stage = fit(&stage, STAGE_MAX, sym.ellipsis).into_owned();
            put(buf, x, y, &stage, room(x), base.patch(theme.dim));
            x = x.saturating_add((STAGE_MAX + 1) as u16);
            if app
                .derived
                .step_has_problem(app.current.persona.unwrap_or(0), app.current.path, i)
            {
                x = put(buf, x, y, sym.warning, room(x), base.patch(theme.warning));
                x += 1;
            }
            let note = one_line(&step.note, ascii);
            if width(&note) > 0 {
                put(buf, x, y, &fit(&note, room(x), sym.ellipsis), room(x), base);
            }
        }
    }
}
