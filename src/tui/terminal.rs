//! Putting the terminal into the editor's state and back. Restoring runs on
//! quit, on error (through a guard's drop) and on panic (through a hook),
//! so a crash never leaves a shell in raw mode on the alternate screen.

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether [`setup`] put the real terminal into the editor's state; a
/// suspend does nothing without it (as under a test backend).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Set on coming back from a suspend: the screen must be drawn whole.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// The real terminal.
pub type Tty = Terminal<CrosstermBackend<FrameWriter<Stdout>>>;

/// Standard output that holds a frame until ratatui flushes it, then
/// writes it in one call. `Stdout` alone is line-buffered with a 1 KiB
/// buffer: a full 200x50 frame went out as some 26 small writes, each one
/// a wake-up of the terminal on the other side of the pty. A frame cut off
/// by a panic is dropped, never flushed after the terminal is restored.
pub struct FrameWriter<W: Write> {
    frame: Vec<u8>,
    out: W,
}

impl<W: Write> FrameWriter<W> {
    /// Holds what is written for `out` until the next flush.
    pub fn new(out: W) -> FrameWriter<W> {
        FrameWriter {
            // A full 200x50 board with colours is about 23 KB.
            frame: Vec::with_capacity(64 * 1024),
            out,
        }
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let out = &mut self.out;
        let written = out.write_all(&self.frame).and_then(|()| out.flush());
        // Written or not, the frame is done with: a failed write is an
        // error for the loop, and the next frame must not repeat this one.
        self.frame.clear();
        written
    }
}

/// Restores the terminal when dropped.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, alternate screen, bracketed paste. The guard undoes it all.
pub fn setup() -> io::Result<(Tty, Guard)> {
    let (backend, guard) = enter()?;
    Ok((Terminal::new(backend)?, guard))
}

/// As [`setup`], with a first frame drawn by `paint` before the terminal's
/// buffers are made (see [`super::first_frame`]).
pub fn setup_drawn(
    paint: impl FnOnce(&mut ratatui::buffer::Buffer) -> Option<ratatui::layout::Position>,
) -> io::Result<(Tty, Guard)> {
    let (backend, guard) = enter()?;
    Ok((super::first_frame::draw_then_make(backend, paint)?, guard))
}

fn enter() -> io::Result<(CrosstermBackend<FrameWriter<Stdout>>, Guard)> {
    install_panic_hook();
    enable_raw_mode()?;
    // From here on, a failure must still restore what was done.
    let guard = Guard;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    ACTIVE.store(true, Ordering::Relaxed);
    Ok((CrosstermBackend::new(FrameWriter::new(io::stdout())), guard))
}

/// Raw mode off, alternate screen left, cursor shown, bracketed paste and
/// mouse capture off. Safe to call more than once; errors are ignored
/// because there is nothing better to do with them at this point.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Ctrl-z: gives the terminal back to the shell as it was, stops the
/// process as the shell's own Ctrl-z would (SIGTSTP; the editor reads
/// keys raw, so the terminal sends none), and once `fg` continues it,
/// takes the terminal again and asks for a whole redraw. Unsaved work is
/// in the recovery file already, as for any pause. Gives the terminal's
/// size on coming back (the window may have changed meanwhile), or
/// `None` where [`setup`] never took a terminal (as under a test backend).
pub fn suspend() -> io::Result<Option<(u16, u16)>> {
    if !ACTIVE.load(Ordering::Relaxed) {
        return Ok(None);
    }
    restore();
    #[cfg(unix)]
    // SAFETY: raise only sends a signal to this process.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    REDRAW.store(true, Ordering::Relaxed);
    crossterm::terminal::size().map(Some)
}

/// Whether the screen must be drawn whole (once after a suspend).
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::Relaxed)
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Whether an error from the terminal means it is gone: the pty's other
/// side closed (EIO, ENXIO) or the pipe broke. The user cannot see anything
/// any more, so the editor keeps their work and exits as on a hang-up.
pub fn is_gone(e: &io::Error) -> bool {
    #[cfg(unix)]
    if matches!(e.raw_os_error(), Some(libc::EIO | libc::ENXIO)) {
        return true;
    }
    e.kind() == io::ErrorKind::BrokenPipe
}

/// What the terminal has for us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Bytes to read.
    Ready,
    /// Nothing within the timeout (or a signal came).
    Idle,
    /// The terminal hung up: its SSH connection or window is gone.
    HungUp,
}

/// Waits up to `timeout_ms` for input on the terminal, asking the OS
/// directly. A hung-up terminal reads as end of file, which crossterm's
/// reader retries without end; checking here first keeps the editor from
/// spinning and lets it save the user's work instead.
#[cfg(unix)]
pub fn wait_input(timeout_ms: i32) -> Input {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid, initialised pollfd; poll only writes `revents`.
    let ready = unsafe { libc::poll(&mut fd, 1, timeout_ms) };
    if ready <= 0 {
        Input::Idle
    } else if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Input::HungUp
    } else {
        Input::Ready
    }
}

/// Waits for input; without a way to ask the OS, crossterm decides.
#[cfg(not(unix))]
pub fn wait_input(_timeout_ms: i32) -> Input {
    Input::Ready
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::{Paragraph, Wrap};
    use std::cell::RefCell;
    use std::rc::Rc;

    /// Counts the calls that reach the terminal, and keeps their bytes.
    #[derive(Default, Clone)]
    struct Calls(Rc<RefCell<(usize, Vec<u8>)>>);

    impl Write for Calls {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            let mut seen = self.0.borrow_mut();
            seen.0 += 1;
            seen.1.extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_whole_frame_reaches_the_terminal_in_one_write() {
        let calls = Calls::default();
        let backend = CrosstermBackend::new(FrameWriter::new(calls.clone()));
        let area = ratatui::layout::Rect::new(0, 0, 200, 50);
        let options = ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(area),
        };
        let mut terminal = Terminal::with_options(backend, options).expect("terminal");
        let text = "a long line of text that fills the screen ".repeat(240);
        terminal
            .draw(|f| {
                let p = Paragraph::new(text.as_str()).wrap(Wrap { trim: false });
                f.render_widget(p, f.area());
            })
            .expect("draw");
        let (writes, bytes) = calls.0.borrow().clone();
        assert!(
            bytes.len() > 8 * 1024,
            "a full frame: {} bytes",
            bytes.len()
        );
        // The frame, and the cursor hidden after it, each in one write.
        assert!(writes <= 2, "{writes} writes");
    }

    #[test]
    fn nothing_reaches_the_terminal_before_the_flush() {
        let calls = Calls::default();
        let mut writer = FrameWriter::new(calls.clone());
        writer.write_all(b"half a frame").expect("write");
        assert_eq!(calls.0.borrow().0, 0);
        writer.flush().expect("flush");
        writer.flush().expect("an empty flush");
        assert_eq!(calls.0.borrow().1, b"half a frame", "written once");
    }
}
