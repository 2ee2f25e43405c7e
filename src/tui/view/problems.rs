//! The problems panel: every validation finding, in the words of
//! `journey check`, severity spelled out so no colour is needed.

use super::list::{first_row, frame, with_footer};
use super::put;
use crate::core::validate::{Rule, Severity};
use crate::tui::app::App;
use crate::tui::text::{fit, one_line};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The problems panel view.
pub struct ProblemsPanel<'a> {
    pub app: &'a App,
    pub cursor: usize,
}

impl Widget for ProblemsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let (theme, sym, ascii) = (
            &app.settings.theme,
            &app.settings.symbols,
            app.settings.ascii,
        );
        let p = app.doc.problems();
        let (errors, warnings, allowed) = (p.errors(), p.warnings(), p.allowed_len());
        let mut title = format!(
            "Problems: {} error{}, {} warning{}",
            errors,
            if errors == 1 { "" } else { "s" },
            warnings,
            if warnings == 1 { "" } else { "s" }
        );
        if allowed > 0 {
            title.push_str(&format!(", {allowed} allowed"));
        }
        let inner = frame(area, buf, &app.settings, &title);
        if inner.is_empty() {
            return;
        }
        let w = usize::from(inner.width);
        if p.is_empty() && allowed == 0 {
            put(
                buf,
                inner.x,
                inner.y,
                "No problems. journey check agrees.",
                w,
                theme.ok,
            );
            return;
        }
        // The findings, then the warnings an `allow` accepts, dimmed and
        // labelled so that no colour is needed to tell them apart.
        let total = p.len() + allowed;
        // Only the rows on screen are read from the checker and worded.
        let selected = p
            .rows(self.cursor)
            .next()
            .map_or(String::new(), |(d, _)| d.describe(app.doc.map()).message);
        let inner = with_footer(inner, buf, &app.settings, &selected, 2);
        let height = usize::from(inner.height);
        let first = first_row(total, self.cursor, height);
        // The widest name of all rules, not of all findings: no walk over a
        // long list in every frame.
        let rule_w = Rule::ALL.iter().map(|r| r.name().len()).max().unwrap_or(0);
        for (i, (d, allowed)) in (first..total).zip(p.rows(first)).take(height) {
            let y = inner.y + (i - first) as u16;
            let selected = i == self.cursor;
            let base = match (selected, allowed) {
                (true, _) => theme.selected,
                (false, true) => theme.dim,
                (false, false) => Style::new(),
            };
            if selected {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
            }
            let severity = match d.severity {
                _ if allowed => base.patch(theme.dim),
                Severity::Error => base.patch(theme.error),
                Severity::Warning => base.patch(theme.warning),
            };
            let label = if allowed {
                "allowed"
            } else {
                d.severity.label()
            };
            let room = |x: u16| usize::from(inner.right().saturating_sub(x));
            let x = put(buf, inner.x, y, &format!("{label:<8}"), w, severity);
            let x = put(
                buf,
                x,
                y,
                &format!("{:<rule_w$}  ", d.rule.name()),
                room(x),
                base.patch(theme.dim),
            );
            let message = d.describe(app.doc.map()).message;
            let message = one_line(&message, ascii);
            put(
                buf,
                x,
                y,
                &fit(&message, room(x), sym.ellipsis),
                room(x),
                base,
            );
        }
    }
}
