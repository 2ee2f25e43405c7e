//! The stage columns. Only the columns and rows on screen are built, so a
//! frame costs the same for a map of ten touchpoints or a hundred thousand.

use super::{put, put_symbol};
use crate::core::model::{Kind, Stage, Touchpoint, TouchpointPos};
use crate::tui::app::{App, Overlay};
use crate::tui::derived::BoardKey;
use crate::tui::layout;
use crate::tui::text::{fit, one_line, width, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

/// The board view.
pub struct Board<'a>(pub &'a App);

/// Columns narrower than this show no channel.
const CHANNEL_MIN_COLUMN: u16 = 22;

impl Widget for Board<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        // Typing in a form changes nothing the board shows: the board drawn
        // for the first character is copied for the next.
        if !matches!(app.overlay(), Some(Overlay::Form(_))) {
            return draw(app, area, buf);
        }
        let view = &app.view;
        let key = BoardKey {
            area,
            doc: (
                app.doc.generation(),
                app.doc.state(),
                app.doc.problems_version(),
            ),
            view: (view.stage, view.row, view.first_stage, view.first_row),
            path: app.derived.path.as_ref().map(|p| (p.persona, p.path)),
            search: app.search.clone(),
            theme: app.settings.theme,
            symbols: app.settings.symbols,
            ascii: app.settings.ascii,
        };
        app.derived.board.draw(key, buf, |buf| draw(app, area, buf));
    }
}

/// Draws the board's columns.
fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let (theme, sym) = (&app.settings.theme, &app.settings.symbols);
    let stages = &app.doc.map().stages;
    if area.height == 0 || area.width == 0 {
        return;
    }
    if stages.is_empty() {
        let text = "No stages yet. A adds one, ? shows all keys.";
        put(
            buf,
            area.x + 1,
            area.y,
            text,
            usize::from(area.width.saturating_sub(1)),
            theme.dim,
        );
        return;
    }
    let count = layout::visible_columns(area.width, stages.len());
    let first = app.view.first_stage.min(stages.len() - count);
    let rects = layout::column_rects(area, count);
    if first > 0 {
        put_symbol(buf, area.x, area.y, sym.more_left, 1, theme.key);
    }
    if first + count < stages.len() {
        put_symbol(buf, area.right() - 1, area.y, sym.more_right, 1, theme.key);
    }
    for (i, rect) in rects.iter().enumerate() {
        let s = first + i;
        Column {
            app,
            stage: &stages[s],
            index: s,
        }
        .render(*rect, buf);
        if i + 1 < count {
            separator(buf, rect.right(), area, app);
        }
    }
}

/// The first row the columns show in a board `area` high. It is the
/// scroll position `update` keeps, moved down while the board is shorter
/// than `update` knows (a status message of several lines took rows), so
/// that the selection stays on screen.
fn shown_first_row(app: &App, area: Rect) -> usize {
    let body = layout::body_height(area).max(1);
    let row = app.view.row.unwrap_or(0);
    app.view.first_row.max((row + 1).saturating_sub(body))
}

/// What a row shows at its right end: whether it has a problem, and the
/// step numbers of the current path that visit it, cut to `room`.
fn tail(app: &App, t: &Touchpoint, at: TouchpointPos, room: usize) -> (bool, Option<String>) {
    let numbers = app.derived.path.as_ref().map(|p| p.numbers(&t.id));
    let steps = match numbers {
        Some(n) if !n.is_empty() => {
            let list: Vec<String> = n.iter().map(usize::to_string).collect();
            Some(fit(&list.join(","), room, app.settings.symbols.ellipsis).into_owned())
        }
        _ => None,
    };
    (app.derived.touchpoint_has_problem(at), steps)
}

fn separator(buf: &mut Buffer, x: u16, area: Rect, app: &App) {
    let sym = &app.settings.symbols;
    for y in area.top()..area.bottom() {
        let s = if y == area.y + 1 {
            sym.cross
        } else {
            sym.vertical
        };
        put(buf, x, y, s, 1, app.settings.theme.dim);
    }
}

struct Column<'a> {
    app: &'a App,
    stage: &'a Stage,
    index: usize,
}

impl Widget for Column<'_> {
    fn render(self, rect: Rect, buf: &mut Buffer) {
        let app = self.app;
        let (theme, sym) = (&app.settings.theme, &app.settings.symbols);
        let w = usize::from(rect.width);
        if w == 0 {
            return;
        }
        let current = app.view.stage == self.index;
        let len = self.stage.touchpoints.len();

        // Header: the name, and the count at the right edge; the name is
        // cut first so that the count always shows.
        let warn = if app.derived.stage_has_problem(self.index) {
            format!(" {}", sym.warning)
        } else {
            String::new()
        };
        let suffix = if len == 0 {
            format!("{warn} empty")
        } else {
            format!("{warn} {len}")
        };
        let style = match (current, app.view.row) {
            (true, None) => theme.header_selected,
            (true, Some(_)) => theme.header_current,
            _ if len == 0 => theme.header_empty,
            _ => theme.header,
        };
        buf.set_style(Rect::new(rect.x, rect.y, rect.width, 1), style);
        let name = one_line(&self.stage.name, app.settings.ascii);
        // When the name would be cut, the marker gives way first: the
        // warning sign alone (or the bare count) says enough beside a
        // whole name.
        let suffix = if width(&name) + width(&suffix) > w {
            match (warn.is_empty(), len) {
                (false, _) => warn,
                (true, 0) => " 0".to_string(),
                (true, _) => suffix,
            }
        } else {
            suffix
        };
        let suffix_w = width(&suffix).min(w);
        let name = fit(&name, w - suffix_w, sym.ellipsis);
        put(buf, rect.x, rect.y, &name, w - suffix_w, style);
        put(
            buf,
            rect.right() - suffix_w as u16,
            rect.y,
            &suffix,
            suffix_w,
            style,
        );

        if rect.height < 2 {
            return;
        }
        // The rule under the header, with counts of rows scrolled away.
        let body = layout::body_height(rect);
        let offset = layout::column_offset(shown_first_row(app, rect), len, body);
        let rule_y = rect.y + 1;
        put_symbol(buf, rect.x, rule_y, sym.horizontal, rect.width, theme.dim);
        if offset > 0 {
            put(
                buf,
                rect.x,
                rule_y,
                &format!("{}{offset}", sym.more_up),
                w,
                theme.key,
            );
        }
        let below = len.saturating_sub(offset + body);
        if below > 0 {
            let text = format!("{below}{}", sym.more_down);
            let x = rect.right().saturating_sub(width(&text) as u16);
            put(buf, x.max(rect.x), rule_y, &text, w, theme.key);
        }

        if len == 0 {
            if body > 0 {
                put(buf, rect.x, rect.y + 2, "no touchpoints", w, theme.dim);
            }
            if body > 1 && current {
                put(buf, rect.x, rect.y + 3, "a adds one", w, theme.dim);
            }
            return;
        }
        let rows = self.stage.touchpoints[offset..].iter().take(body);
        let mut rest = None;
        for (i, t) in rows.enumerate() {
            let y = rect.y + 2 + i as u16;
            let selected = current && app.view.row == Some(offset + i);
            let at = TouchpointPos {
                stage: self.index,
                index: offset + i,
            };
            // The rows under the selected card, at most two, so that its
            // name can go on over them (drawn once the cards are drawn).
            let under = selected.then(|| rect.bottom().saturating_sub(y + 1).min(NAME_ROWS - 1));
            let row_rect = Rect::new(rect.x, y, rect.width, 1);
            if let Some(r) = row(app, t, at, row_rect, under, buf) {
                rest = Some((row_rect, under.unwrap_or(0), r));
            }
        }
        if let Some((card, rows, (text, style))) = rest {
            name_below(app, card, rows, &text, style, buf);
        }
    }
}

/// One touchpoint: marker, name, and the channel where there is room.
/// With a current path, the step numbers take the channel's place and the
/// touchpoints off the path are dimmed; a problem adds a warning sign and a
/// search match is underlined, so none of it rests on colour.
///
/// `under` is `Some(rows)` for the selected card, with the rows beneath it
/// its name may go on over; what of the name is left for them is returned
/// with its style.
fn row(
    app: &App,
    t: &Touchpoint,
    at: TouchpointPos,
    rect: Rect,
    under: Option<u16>,
    buf: &mut Buffer,
) -> Rest {
    let (theme, sym) = (&app.settings.theme, &app.settings.symbols);
    let selected = under.is_some();
    let w = usize::from(rect.width);
    let numbers = app.derived.path.as_ref().map(|p| p.numbers(&t.id));
    let mut base = if selected {
        theme.selected
    } else {
        ratatui::style::Style::new()
    };
    if numbers.is_some_and(<[usize]>::is_empty) {
        base = base.patch(theme.dim);
    }
    if selected || base != ratatui::style::Style::new() {
        buf.set_style(rect, base);
    }
    let name_style = if app.derived.is_match(at) {
        base.patch(theme.header)
            .add_modifier(ratatui::style::Modifier::UNDERLINED)
    } else {
        base
    };
    // The right end: the problem sign, then step numbers or the channel.
    // The sign is one known-width symbol and the numbers are ASCII, so
    // neither needs measuring.
    let (problem, steps) = tail(app, t, at, w / 3);
    let steps_w = steps.as_ref().map_or(0, |s| width(s));
    let tail_w = usize::from(problem) + steps_w + usize::from(problem && steps_w > 0);
    let (marker, marker_style) = match t.kind {
        Kind::Direct => (sym.direct, theme.direct),
        Kind::Indirect => (sym.indirect, theme.indirect),
    };
    put_symbol(buf, rect.x, rect.y, marker, 1, base.patch(marker_style));
    let tail_w = if tail_w > 0 && w > tail_w + 3 {
        let x = rect.right() - tail_w as u16;
        if problem {
            put_symbol(buf, x, rect.y, sym.warning, 1, base.patch(theme.warning));
        }
        if let Some(steps) = &steps {
            let sx = rect.right() - steps_w as u16;
            put(buf, sx, rect.y, steps, steps_w, base.patch(theme.key));
        }
        tail_w + 1
    } else {
        0
    };
    let avail = w.saturating_sub(2 + tail_w);
    let channel = if rect.width >= CHANNEL_MIN_COLUMN && !t.channel.is_empty() && steps.is_none() {
        one_line(&t.channel, app.settings.ascii)
    } else {
        "".into()
    };
    // The channel takes only what the whole name leaves, and shows whole
    // or not at all: cut ("in per…") it reads as part of the name. The
    // name is what the board is read by; the detail line has the channel.
    let name = one_line(&t.name, app.settings.ascii);
    let left = avail.saturating_sub(width(&name) + 2);
    let channel_w = match width(&channel) {
        w if w <= left.min(avail / 2) => w,
        _ => 0,
    };
    // Two spaces at least between them, lest "Store visit in person" read
    // as one name.
    let name_room = if channel_w > 0 {
        avail.saturating_sub(channel_w + 2)
    } else {
        avail
    };
    if channel_w > 0 {
        let channel = fit(&channel, channel_w, sym.ellipsis);
        let x = rect.right() - (tail_w + width(&channel)) as u16;
        put(buf, x, rect.y, &channel, channel_w, base.patch(theme.dim));
    }
    // A selected name that is cut breaks at a space and goes on below.
    if under.is_some_and(|n| n > 0) && width(&name) > name_room && name_room > 0 {
        let first = wrap(&name, name_room, 1)
            .into_iter()
            .next()
            .unwrap_or_default();
        put(buf, rect.x + 2, rect.y, &first, name_room, name_style);
        let rest = name.get(first.len()..).unwrap_or_default().trim_start();
        return Some((rest.to_string(), name_style));
    }
    put(
        buf,
        rect.x + 2,
        rect.y,
        &fit(&name, name_room, sym.ellipsis),
        name_room,
        name_style,
    );
    None
}

/// The part of the selected card's name that did not fit its row, with
/// the style it is drawn in.
type Rest = Option<(String, Style)>;

/// How many rows the selected card's name takes at most, its own included.
const NAME_ROWS: u16 = 3;

/// Draws `rest`, the end of the selected card's name, on the `rows` rows
/// under `card` within its column and over the cards there, in the card's
/// own style and without a border, so that it costs only the cells it
/// takes. Text left over after them ends in `…`; `z` has the rest.
fn name_below(app: &App, card: Rect, rows: u16, rest: &str, style: Style, buf: &mut Buffer) {
    let ellipsis = app.settings.symbols.ellipsis;
    let room = usize::from(card.width.saturating_sub(2));
    let most = usize::from(rows);
    if most == 0 {
        return;
    }
    // The row is filled like the card's; only the text is underlined.
    let fill = style.remove_modifier(Modifier::UNDERLINED);
    let mut lines = wrap(rest, room, most + 1);
    if lines.len() > most {
        let cut = format!("{} {}", lines[most - 1], lines[most]);
        lines.truncate(most - 1);
        lines.push(fit(&cut, room, ellipsis).into_owned());
    }
    for (i, line) in lines.iter().enumerate() {
        let y = card.y + 1 + i as u16;
        let line_rect = Rect::new(card.x, y, card.width, 1).intersection(buf.area);
        for x in line_rect.left()..line_rect.right() {
            if let Some(cell) = buf.cell_mut(Position::new(x, y)) {
                cell.reset();
            }
        }
        buf.set_style(line_rect, fill);
        put(buf, card.x + 2, y, line, room, style);
    }
}
