//! The board as last drawn under a form. Typing in a form changes nothing
//! the board shows, yet the board behind the form was drawn again for
//! every character: at S2 that was half of the frame. While a form is open
//! the board's cells are kept with everything they were drawn from, and a
//! frame with the same inputs copies them instead of drawing.

use crate::tui::theme::{Symbols, Theme};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use std::cell::RefCell;

/// Everything the board is drawn from. Its facts from [`super::Derived`]
/// follow from the document's state, the current path and the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardKey {
    /// Where the board is drawn.
    pub area: Rect,
    /// The document's generation, history state and problems' version.
    pub doc: (u64, u64, (u64, u64)),
    /// The selected stage and row and the first stage and row shown.
    pub view: (usize, Option<usize>, usize, usize),
    /// The current persona and path.
    pub path: Option<(usize, usize)>,
    /// The search query.
    pub search: String,
    /// How the board is drawn.
    pub theme: Theme,
    pub symbols: Symbols,
    pub ascii: bool,
}

/// The kept board; see the module comment. Not a fact about the map: two
/// caches are always equal, and a copy starts empty.
#[derive(Debug, Default)]
pub struct BoardCache(RefCell<Option<(BoardKey, Vec<Cell>)>>);

impl Clone for BoardCache {
    fn clone(&self) -> Self {
        BoardCache::default()
    }
}

impl PartialEq for BoardCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for BoardCache {}

impl BoardCache {
    /// Fills `key.area` of `buf` with the board: the kept cells when they
    /// were drawn from `key`, else what `draw` draws, kept for next time.
    pub fn draw(&self, key: BoardKey, buf: &mut Buffer, draw: impl FnOnce(&mut Buffer)) {
        let area = key.area.intersection(buf.area);
        if area.is_empty() {
            return draw(buf);
        }
        let mut kept = self.0.borrow_mut();
        if let Some((old, cells)) = kept.as_ref()
            && *old == key
            && cells.len() == usize::from(area.width) * usize::from(area.height)
        {
            for (row, y) in cells
                .chunks(usize::from(area.width).max(1))
                .zip(area.rows())
            {
                let start = buf.index_of(area.x, y.y);
                buf.content[start..start + row.len()].clone_from_slice(row);
            }
            return;
        }
        draw(buf);
        let mut cells = Vec::with_capacity(usize::from(area.width) * usize::from(area.height));
        for y in area.rows() {
            let start = buf.index_of(area.x, y.y);
            cells.extend_from_slice(&buf.content[start..start + usize::from(area.width)]);
        }
        *kept = Some((key, cells));
    }

    /// Forgets the kept board, so that it is drawn afresh.
    pub fn clear(&self) {
        self.0.borrow_mut().take();
    }
}
