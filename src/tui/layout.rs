//! Where things go on the screen. Pure arithmetic on sizes, shared by
//! `update` (to keep the selection in view) and the views (to draw), so the
//! two always agree. Every subtraction saturates: any size, 1x1 included,
//! gives a layout, possibly with empty areas.

use ratatui::layout::Rect;

/// The narrowest a stage column gets before columns start to scroll.
pub const MIN_COLUMN: u16 = 14;

/// The parts of the board screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The stage columns, with their header and rule rows.
    pub board: Rect,
    /// The selected touchpoint's kind, channel and notes.
    pub detail: Rect,
    /// File, unsaved marker, problems or the last message.
    pub status: Rect,
    /// Key hints.
    pub hints: Rect,
    /// The current path's breadcrumb and emotion curve, under the board;
    /// empty when no persona is current.
    pub strip: Rect,
}

/// Splits the screen. Tall screens get a detail pane of several lines (more
/// the taller they are),
/// short ones a single detail line, tiny ones just the board and status.
pub fn areas(area: Rect) -> Areas {
    areas_with_strip(area, false)
}

/// Splits the screen, with room for the path strip under the board when
/// `strip` is set: a rule and two lines on tall screens, two lines on
/// short ones, none on tiny ones.
pub fn areas_with_strip(area: Rect, strip: bool) -> Areas {
    let h = area.height;
    let (detail_h, hints_h, strip_h) = match h {
        // Taller screens give the notes more of the height: four rows at
        // 24 lines, one more for every four lines after, up to ten.
        16.. => (4 + (h.saturating_sub(24) / 4).min(6), 1, 3),
        8..=15 => (1, 1, 2),
        _ => (0, 0, 0),
    };
    let strip_h = if strip { strip_h } else { 0 };
    let status_h = h.min(1);
    let board_h = h.saturating_sub(detail_h + hints_h + status_h + strip_h);
    let row = |y: u16, height: u16| Rect::new(area.x, area.y + y, area.width, height);
    let below = board_h + strip_h;
    Areas {
        board: row(0, board_h),
        strip: row(board_h, strip_h),
        detail: row(below, detail_h),
        status: row(below + detail_h, status_h),
        hints: row(below + detail_h + status_h, hints_h),
    }
}

/// The most rows a status message takes; beyond them it ends in `…`.
pub const STATUS_ROWS: u16 = 3;

/// [`areas_with_strip`], with the status line grown to `status_rows` (at
/// most [`STATUS_ROWS`]) for a message that needs them. The board gives up
/// the rows, keeping at least its header, rule and two rows of cards.
pub fn areas_with_status(area: Rect, strip: bool, status_rows: u16) -> Areas {
    let mut a = areas_with_strip(area, strip);
    if a.status.height == 0 {
        return a;
    }
    let extra = status_rows
        .clamp(1, STATUS_ROWS)
        .saturating_sub(1)
        .min(a.board.height.saturating_sub(4));
    a.board.height -= extra;
    a.strip.y -= extra;
    a.detail.y -= extra;
    a.status.y -= extra;
    a.status.height += extra;
    a
}

/// How many stage columns fit side by side in a board this wide. One
/// column each side is kept for the "more" markers.
pub fn visible_columns(board_width: u16, stages: usize) -> usize {
    let inner = usize::from(board_width.saturating_sub(2));
    let fit = ((inner + 1) / (usize::from(MIN_COLUMN) + 1)).max(1);
    fit.min(stages)
}

/// The rectangles of `count` columns in `board`, separators between them.
/// Leftover width goes to the first columns, one cell each.
pub fn column_rects(board: Rect, count: usize) -> Vec<Rect> {
    if count == 0 {
        return Vec::new();
    }
    let inner = usize::from(board.width.saturating_sub(2));
    let seps = count - 1;
    let usable = inner.saturating_sub(seps);
    let base = usable / count;
    let extra = usable % count;
    let mut x = usize::from(board.x) + 1;
    (0..count)
        .map(|i| {
            let w = base + usize::from(i < extra);
            let r = Rect::new(
                u16::try_from(x).unwrap_or(u16::MAX),
                board.y,
                u16::try_from(w).unwrap_or(0),
                board.height,
            );
            x += w + 1;
            r
        })
        .collect()
}

/// Rows of touchpoints a column shows: the board less its header and rule.
pub fn body_height(board: Rect) -> usize {
    usize::from(board.height.saturating_sub(2))
}

/// The first row a column of `len` touchpoints shows, given the shared
/// scroll position: short columns show their tail rather than nothing.
pub fn column_offset(first_row: usize, len: usize, body: usize) -> usize {
    first_row.min(len.saturating_sub(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_stages_fit_in_80_columns() {
        assert_eq!(visible_columns(80, 5), 5);
        let rects = column_rects(Rect::new(0, 0, 80, 10), 5);
        let total: u16 = rects.iter().map(|r| r.width).sum();
        assert_eq!(total + 4, 78);
        assert!(rects.iter().all(|r| r.width >= MIN_COLUMN));
    }

    #[test]
    fn tiny_screens_give_empty_areas_not_panics() {
        for (w, h) in [(0, 0), (1, 1), (2, 3), (20, 5)] {
            let a = areas(Rect::new(0, 0, w, h));
            assert!(a.board.height + a.detail.height + a.status.height + a.hints.height <= h);
            let n = visible_columns(w, 5);
            assert!(n >= 1);
            let _ = column_rects(a.board, n);
            let g = areas_with_status(Rect::new(0, 0, w, h), true, 3);
            assert!(
                g.board.height
                    + g.strip.height
                    + g.detail.height
                    + g.status.height
                    + g.hints.height
                    <= h
            );
        }
    }
}
