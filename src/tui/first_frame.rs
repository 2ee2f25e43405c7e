//! The editor's first frame, drawn before the terminal's two buffers exist.
//!
//! ratatui's [`Terminal`] keeps two full-screen buffers, the frame being
//! drawn and the one on the screen, and sends what differs between them. At
//! 200x50 each is 480 KB, and making them is most of what the terminal costs
//! before the first frame: every page of fresh memory is a fault, and on a
//! virtual machine a fault costs microseconds. The first frame needs only
//! the one it draws into: what is on the screen before it is blank, so the
//! cells to send are those that differ from a blank cell. Once the frame is
//! out, the terminal is made and takes that frame as the one on the screen,
//! so the next draw sends only what changed, as ever.

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// Draws one frame with `paint` straight to `backend`, then makes the
/// terminal over it. `paint` draws into a buffer the size of the screen
/// and gives where the cursor goes, if it shows.
pub fn draw_then_make<B: Backend>(
    mut backend: B,
    paint: impl FnOnce(&mut Buffer) -> Option<Position>,
) -> Result<Terminal<B>, B::Error> {
    let area = Rect::from((Position::ORIGIN, backend.size()?));
    let mut frame = send(&mut backend, area, paint)?;
    let mut terminal = Terminal::new(backend)?;
    if terminal.current_buffer_mut().area == area {
        // The frame becomes the terminal's picture of the screen.
        std::mem::swap(terminal.current_buffer_mut(), &mut frame);
        terminal.swap_buffers();
    } else {
        // The window changed size meanwhile: the next draw starts afresh.
        terminal.clear()?;
    }
    Ok(terminal)
}

/// Paints a frame of `area` and sends it, with the cursor, as ratatui's
/// first draw on a blank screen would. Gives the frame.
fn send<B: Backend>(
    backend: &mut B,
    area: Rect,
    paint: impl FnOnce(&mut Buffer) -> Option<Position>,
) -> Result<Buffer, B::Error> {
    let mut frame = Buffer::empty(area);
    let cursor = paint(&mut frame);
    let changed = changes_from_blank(&frame);
    backend.draw(changed.iter().map(|&(x, y)| (x, y, &frame[(x, y)])))?;
    match cursor {
        None => backend.hide_cursor()?,
        Some(at) => {
            backend.show_cursor()?;
            backend.set_cursor_position(at)?;
        }
    }
    backend.flush()?;
    Ok(frame)
}

/// The cells of `frame` that ratatui would send to a blank screen, in its
/// order: the diff against a blank buffer, worked out a row at a time
/// against one blank row, so no second full-screen buffer is made. Row by
/// row, a wide character in a row's last column does not hide the first
/// cell of the next row, as it does in ratatui's diff of the whole.
fn changes_from_blank(frame: &Buffer) -> Vec<(u16, u16)> {
    let area = frame.area;
    let width = usize::from(area.width);
    let mut changed = Vec::new();
    if width == 0 {
        return changed;
    }
    let mut blank = Buffer::empty(Rect::new(area.x, area.y, area.width, 1));
    let mut row = blank.clone();
    for (cells, y) in frame.content.chunks(width).zip(area.y..) {
        blank.area.y = y;
        row.area.y = y;
        row.content.clone_from_slice(cells);
        changed.extend(blank.diff_iter(&row).map(|(x, y, _)| (x, y)));
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::widgets::{Paragraph, Widget, Wrap};

    /// Keeps what is written, for a look once the backend is done.
    #[derive(Default, Clone)]
    struct Bytes(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Bytes {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// ratatui's diff against a blank buffer, with the one cell it hides
    /// put back: after a wide character in a row's last column, the whole
    /// diff skips the next row's first cell.
    fn whole_diff(frame: &Buffer) -> Vec<(u16, u16)> {
        let area = frame.area;
        let mut cells: Vec<(u16, u16)> = Buffer::empty(area)
            .diff(frame)
            .into_iter()
            .map(|(x, y, _)| (x, y))
            .collect();
        for y in area.top()..area.bottom().saturating_sub(1) {
            let first = &frame[(area.left(), y + 1)];
            let hidden =
                unicode_width::UnicodeWidthStr::width(frame[(area.right() - 1, y)].symbol()) > 1
                    && first != &ratatui::buffer::Cell::EMPTY
                    && first.diff_option != ratatui::buffer::CellDiffOption::Skip;
            if hidden {
                cells.push((area.left(), y + 1));
            }
        }
        cells.sort_by_key(|&(x, y)| (y, x));
        cells
    }

    fn text_frame(area: Rect, text: &str, style: Style) -> Buffer {
        let mut frame = Buffer::empty(area);
        Paragraph::new(text)
            .style(style)
            .wrap(Wrap { trim: false })
            .render(area, &mut frame);
        frame
    }

    #[test]
    fn the_rows_give_the_cells_of_the_whole_diff() {
        let texts = [
            "plain words across the screen ".repeat(40),
            "Kundenreise: Größe, Übergänge ".repeat(30),
            "宽字符 mixed with narrow ".repeat(30),
            "emoji \u{2764}\u{fe0f} with a variation selector ".repeat(20),
            "tabs\tand  spaces   ".repeat(20),
        ];
        let styles = [
            Style::default(),
            Style::default().fg(Color::Cyan).bg(Color::Black),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
        ];
        for area in [
            Rect::new(0, 0, 80, 24),
            Rect::new(0, 0, 17, 9),
            Rect::new(3, 2, 40, 5),
        ] {
            for text in &texts {
                for style in styles {
                    let frame = text_frame(area, text, style);
                    assert_eq!(
                        changes_from_blank(&frame),
                        whole_diff(&frame),
                        "{area:?} {text:?}"
                    );
                }
            }
        }
        assert!(changes_from_blank(&Buffer::empty(Rect::new(0, 0, 0, 3))).is_empty());
    }

    #[test]
    fn the_bytes_are_those_of_ratatuis_own_first_draw() {
        use ratatui::backend::CrosstermBackend;
        let area = Rect::new(0, 0, 60, 12);
        let text = "Stage Awareness · Küste 宽 \u{2764}\u{fe0f} ".repeat(12);
        let style = Style::default()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD);
        for cursor in [None, Some(Position::new(7, 3))] {
            let paint = |buf: &mut Buffer| {
                let half = Rect::new(0, 0, 60, 6);
                Paragraph::new(text.as_str())
                    .style(style)
                    .wrap(Wrap { trim: false })
                    .render(half, buf);
                cursor
            };
            let ours = Bytes::default();
            send(&mut CrosstermBackend::new(ours.clone()), area, paint).expect("send");

            let options = ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(area),
            };
            let theirs = Bytes::default();
            let mut terminal =
                Terminal::with_options(CrosstermBackend::new(theirs.clone()), options)
                    .expect("terminal");
            terminal
                .draw(|f| {
                    if let Some(at) = paint(f.buffer_mut()) {
                        f.set_cursor_position(at);
                    }
                })
                .expect("draw");
            let (ours, theirs) = (ours.0.borrow(), theirs.0.borrow());
            assert!(ours.len() > 500, "{} bytes", ours.len());
            assert_eq!(*ours, *theirs, "{cursor:?}");
        }
    }

    #[test]
    fn the_first_frame_is_on_the_screen_and_the_next_draw_sends_only_changes() {
        let backend = TestBackend::new(30, 6);
        let first = "the first frame, long enough to wrap twice over";
        let mut terminal = draw_then_make(backend, |buf| {
            Paragraph::new(first)
                .wrap(Wrap { trim: false })
                .render(buf.area, buf);
            None
        })
        .expect("first frame");
        let mut expected = Buffer::empty(Rect::new(0, 0, 30, 6));
        Paragraph::new(first)
            .wrap(Wrap { trim: false })
            .render(expected.area, &mut expected);
        terminal.backend().assert_buffer(&expected);

        // A shorter second frame: had the terminal taken the screen for
        // blank, the cells that the first frame filled would stay.
        terminal
            .draw(|f| f.render_widget(Paragraph::new("second"), f.area()))
            .expect("second frame");
        let mut second = Buffer::empty(Rect::new(0, 0, 30, 6));
        Paragraph::new("second").render(second.area, &mut second);
        terminal.backend().assert_buffer(&second);
    }

    #[test]
    fn the_cursor_goes_where_the_frame_puts_it() {
        let backend = TestBackend::new(10, 3);
        let mut terminal =
            draw_then_make(backend, |_| Some(Position::new(4, 1))).expect("first frame");
        assert_eq!(
            terminal
                .backend_mut()
                .get_cursor_position()
                .expect("cursor"),
            Position::new(4, 1)
        );
    }
}
