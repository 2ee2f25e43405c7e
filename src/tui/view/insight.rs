//! The insight panel: the table of `journey insight`, in its words and the
//! map's language, over the board; and the line of figures in the detail
//! pane. Only the rows on screen are built: the orders are worked out with
//! the figures, in the background.

use super::list::{first_row, frame, with_footer};
use super::put;
use crate::core::insight::table::{Words, fixed, percent};
use crate::core::insight::{Column, Report, Row};
use crate::tui::app::App;
use crate::tui::insight::{Analysis, Sort};
use crate::tui::text::{fit, one_line, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Said wherever the figures do not yet reflect the latest edit.
pub const UPDATING: &str = "updating…";

/// The panel view; the cursor is a row in the panel's order.
pub struct InsightPanel<'a> {
    pub app: &'a App,
    pub cursor: usize,
}

/// What a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Name,
    Stage,
    Paths,
    Customers,
    First,
    Last,
    Linear,
    Position,
    Removal,
    Markov,
    Cost,
    PerConversion,
}

/// One column of the table: what, its header and its width (a right
/// aligned column keeps a space before its header).
struct Col {
    cell: Cell,
    header: &'static str,
    width: usize,
}

impl Col {
    fn sorts(&self) -> Option<Column> {
        Some(match self.cell {
            Cell::Name => Column::Name,
            Cell::Paths => Column::Paths,
            Cell::Customers => Column::Customers,
            Cell::First => Column::FirstTouch,
            Cell::Last => Column::LastTouch,
            Cell::Linear => Column::Linear,
            Cell::Position => Column::PositionBased,
            Cell::Removal => Column::RemovalEffect,
            Cell::Markov => Column::Markov,
            Cell::Stage | Cell::Cost | Cell::PerConversion => return None,
        })
    }
}

/// The columns for a table `room` wide: those of `journey insight` (which
/// fit 80 columns), then on wider screens the stage, paths, customers and
/// cost where they fit, the name taking what is left.
fn columns(words: &Words, costs: bool, room: usize) -> Vec<Col> {
    let col = |cell, header, width| Col {
        cell,
        header,
        width,
    };
    let name_min = if costs { 20 } else { 22 };
    let mut cols = vec![col(Cell::Name, words.touchpoint, name_min)];
    if !costs {
        cols.push(col(Cell::Customers, words.customers_short, 8));
    }
    cols.extend([
        col(Cell::First, words.first, 7),
        col(Cell::Last, words.last_short, 8),
        col(Cell::Linear, words.linear, 7),
        col(Cell::Position, words.position, 9),
        col(Cell::Removal, words.removal_short, 8),
        col(Cell::Markov, words.markov, 7),
    ]);
    if costs {
        cols.push(col(Cell::PerConversion, words.per_conversion, 11));
    }
    let mut extras = vec![col(Cell::Paths, words.paths, 7)];
    if costs {
        extras.insert(0, col(Cell::Customers, words.customers_short, 8));
        extras.push(col(Cell::Cost, words.cost, 10));
    }
    extras.push(col(Cell::Stage, words.stage, 18));
    let mut used: usize = cols.iter().map(|c| c.width).sum();
    for extra in extras {
        if used + extra.width <= room {
            used += extra.width;
            cols.push(extra);
        }
    }
    cols.sort_by_key(|c| c.cell as u8);
    // With room to spare, every figure gets a column more, so that a
    // header keeps its whole word beside the sort arrow.
    if room >= used + cols.len() + 4 {
        for c in cols.iter_mut().skip(1) {
            c.width += 1;
            used += 1;
        }
    }
    // The name takes what is left, and gives up a column or two where the
    // panel's frame leaves less than the command line's 80.
    if let Some(name) = cols.first_mut() {
        name.width = (name.width + room.saturating_sub(used))
            .saturating_sub(used.saturating_sub(room))
            .max(12);
    }
    cols
}

/// The words for a sort column, as the title names it.
fn column_word(words: &Words, column: Column) -> &'static str {
    use crate::core::insight::table::Lang;
    match column {
        Column::Map => match words.lang {
            Lang::En => "map order",
            Lang::De => "Reihenfolge der Karte",
        },
        Column::Name => words.touchpoint,
        Column::Paths => words.paths,
        Column::Customers => words.customers,
        Column::FirstTouch => words.first,
        Column::LastTouch => words.last,
        Column::Linear => words.linear,
        Column::PositionBased => words.position,
        Column::RemovalEffect => words.removal,
        Column::Markov => words.markov,
    }
}

fn cell_text(cell: Cell, row: &Row) -> String {
    let or_dash = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |c| fixed(c, 2));
    match cell {
        Cell::Name => {
            let mark = if row.relied_on { "* " } else { "" };
            format!("{mark}{}", crate::tui::text::short(&row.name))
        }
        Cell::Stage => crate::tui::text::short(&row.stage_name).into_owned(),
        Cell::Paths => row.paths.to_string(),
        Cell::Customers => row.customers.to_string(),
        Cell::First => fixed(row.first_touch, 1),
        Cell::Last => fixed(row.last_touch, 1),
        Cell::Linear => fixed(row.linear, 1),
        Cell::Position => fixed(row.position_based, 1),
        Cell::Removal => percent(row.removal_effect),
        Cell::Markov => fixed(row.markov, 1),
        Cell::Cost => or_dash(row.cost),
        Cell::PerConversion => or_dash(row.cost_per_conversion),
    }
}

/// `text` in `w` columns: names and stages to the left, figures right.
fn pad(text: &str, w: usize, left: bool, ellipsis: &str) -> String {
    let room = if left { w.saturating_sub(1) } else { w };
    let text = fit(text, room, ellipsis);
    let gap = " ".repeat(w.saturating_sub(width(&text)));
    if left {
        format!("{text}{gap}")
    } else {
        format!("{gap}{text}")
    }
}

impl Widget for InsightPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let settings = &app.settings;
        let (theme, sym, ascii) = (&settings.theme, &settings.symbols, settings.ascii);
        let insight = &app.insight;
        let sort = insight.sort;
        let analysis = insight.analysis();
        let mut title = String::from("Insight");
        if let Some(a) = analysis {
            let arrow = if sort.reversed {
                sym.more_up
            } else {
                sym.more_down
            };
            title.push_str(&format!(
                " {} sorted by {} {arrow}",
                sym.dot,
                column_word(&a.words, sort.column)
            ));
        }
        if !insight.is_fresh() {
            title.push_str(&format!(" {} {}", sym.dot, updating(ascii)));
        }
        let inner = frame(area, buf, settings, &title);
        if inner.is_empty() {
            return;
        }
        let w = usize::from(inner.width);
        let Some(analysis) = analysis else {
            put(buf, inner.x, inner.y, updating(ascii), w, theme.dim);
            return;
        };
        let report = match &analysis.outcome {
            Ok(report) => report,
            Err(e) => {
                let text = format!("no figures: {}", one_line(e, ascii));
                for (i, line) in crate::tui::text::wrap(&text, w, usize::from(inner.height))
                    .iter()
                    .enumerate()
                {
                    put(buf, inner.x, inner.y + i as u16, line, w, theme.error);
                }
                return;
            }
        };
        let words = &analysis.words;
        // The totals, on two lines where one is too narrow for them.
        let totals = one_line(&words.totals(report), ascii).into_owned();
        let lines = crate::tui::text::wrap(&totals, w, 2);
        let above = u16::try_from(lines.len()).unwrap_or(2).min(inner.height);
        for (i, line) in lines.iter().take(usize::from(above)).enumerate() {
            put(buf, inner.x, inner.y + i as u16, line, w, theme.dim);
        }
        let inner = Rect::new(
            inner.x,
            inner.y + above.saturating_sub(1),
            inner.width,
            inner.height.saturating_sub(above.saturating_sub(1)),
        );
        let footer = analysis
            .nth(sort, self.cursor)
            .map(|row| footer(words, &row))
            .unwrap_or_default();
        let footer = one_line(&footer, ascii).into_owned();
        let list = with_footer(inner, buf, settings, &footer, 2);
        if list.height < 2 {
            return;
        }
        let cols = columns(words, analysis.has_costs, w);
        header(buf, list, &cols, sort, app);
        let body = Rect::new(
            list.x,
            list.y + 2,
            list.width,
            list.height.saturating_sub(2),
        );
        rows(buf, body, &cols, analysis, report, self.cursor, app);
    }
}

fn updating(ascii: bool) -> &'static str {
    if ascii { "updating..." } else { UPDATING }
}

/// The header row (under the totals), the sort column marked with an arrow.
fn header(buf: &mut Buffer, list: Rect, cols: &[Col], sort: Sort, app: &App) {
    let (theme, sym) = (&app.settings.theme, &app.settings.symbols);
    let arrow = if sort.reversed {
        sym.more_up
    } else {
        sym.more_down
    };
    let y = list.y + 1;
    let mut x = list.x;
    for c in cols {
        let left = matches!(c.cell, Cell::Name | Cell::Stage);
        let sorted = c.sorts() == Some(sort.column);
        let room = c.width.saturating_sub(if sorted { 2 } else { 1 });
        let head = fit(c.header, room, "").into_owned();
        let text = match (sorted, left) {
            (true, true) => pad(&format!("{head} {arrow}"), c.width, true, ""),
            // Where the word and the arrow fill the column, the arrow takes
            // the space before it rather than the word's last letter.
            (true, false) if width(c.header) + 1 == c.width => format!("{arrow}{}", c.header),
            (true, false) => pad(&format!("{arrow}{head}"), c.width, false, ""),
            (false, _) => pad(&head, c.width, left, ""),
        };
        let style = if sorted { theme.header } else { theme.dim };
        let room = usize::from(list.right().saturating_sub(x));
        x = put(buf, x, y, &text, room, style);
    }
}

/// The table's rows in the panel's order, only those on screen.
fn rows(
    buf: &mut Buffer,
    body: Rect,
    cols: &[Col],
    analysis: &Analysis,
    report: &Report,
    cursor: usize,
    app: &App,
) {
    let (theme, sym) = (&app.settings.theme, &app.settings.symbols);
    let ascii = app.settings.ascii;
    let height = usize::from(body.height);
    let total = report.rows.len();
    // Under the last row: what the mark means, as `journey insight` says
    // it, and how many touchpoints have no row. They scroll with the rows,
    // so the last page shows them.
    let mut trailer = Vec::new();
    if analysis.has_relied_on {
        trailer.push(format!("* {}", analysis.words.relied_on_mark));
    }
    if analysis.unvisited > 0 {
        trailer.push(analysis.words.without_figures(analysis.unvisited));
    }
    let first = first_row(total + trailer.len(), cursor, height);
    let stale = !app.insight.is_fresh();
    for i in (first..total).take(height) {
        let Some(row) = analysis.nth(app.insight.sort, i) else {
            break;
        };
        let y = body.y + (i - first) as u16;
        let selected = i == cursor;
        let style = match (selected, stale) {
            (true, _) => theme.selected,
            (false, true) => theme.dim,
            (false, false) => Style::new(),
        };
        if selected {
            buf.set_style(Rect::new(body.x, y, body.width, 1), style);
        }
        let mut line = String::new();
        for c in cols {
            let left = matches!(c.cell, Cell::Name | Cell::Stage);
            let text = cell_text(c.cell, &row);
            line.push_str(&pad(&one_line(&text, ascii), c.width, left, sym.ellipsis));
        }
        put(buf, body.x, y, &line, usize::from(body.width), style);
    }
    let shown = total.saturating_sub(first).min(height);
    for (i, line) in trailer.iter().enumerate().take(height - shown) {
        let y = body.y + (shown + i) as u16;
        put(buf, body.x, y, line, usize::from(body.width), theme.dim);
    }
}

/// The selected row in words: the relied-on sentence, or its stage and
/// counts.
fn footer(words: &Words, row: &Row) -> String {
    if row.relied_on {
        return words.relied_on_sentence(row);
    }
    format!(
        "{} ({}: {}): {} {}, {} {}, {} {}",
        crate::tui::text::short(&row.name),
        words.stage,
        crate::tui::text::short(&row.stage_name),
        words.paths,
        row.paths,
        words.customers,
        row.customers,
        words.removal,
        percent(row.removal_effect)
    )
}

/// The detail pane's line for touchpoint `id`: its removal effect and
/// last-touch conversions, with the relied-on mark, in the words of
/// `journey insight`; that it has none for one on no path; "updating…"
/// while the figures are stale. Returns the
/// column after what it wrote.
pub fn detail_line(app: &App, id: &str, rect: Rect, buf: &mut Buffer) -> u16 {
    let (theme, sym, ascii) = (
        &app.settings.theme,
        &app.settings.symbols,
        app.settings.ascii,
    );
    let w = usize::from(rect.width);
    let Some(analysis) = app.insight.fresh() else {
        return put(buf, rect.x, rect.y, updating(ascii), w, theme.dim);
    };
    let words = &analysis.words;
    let text = match (&analysis.outcome, analysis.row(id)) {
        (Err(e), _) => format!("no figures: {}", one_line(e, ascii)),
        (Ok(_), None) => {
            let text = fit(words.on_no_path(), w, sym.ellipsis);
            return put(buf, rect.x, rect.y, &text, w, theme.dim);
        }
        (Ok(_), Some(row)) => {
            let mut text = format!(
                "{} {} {} {} {}",
                words.removal,
                percent(row.removal_effect),
                sym.dot,
                words.last,
                fixed(row.last_touch, 1)
            );
            if row.relied_on {
                text.push_str(&format!(" {} {}", sym.dot, words.relied_on_mark));
            }
            text
        }
    };
    let style = if analysis.row(id).is_some_and(|r| r.relied_on) {
        theme.header
    } else {
        Style::new()
    };
    put(buf, rect.x, rect.y, &fit(&text, w, sym.ellipsis), w, style)
}
