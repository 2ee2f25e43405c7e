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
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether [`setup`] put the real terminal into the editor's state; a
/// suspend does nothing without it (as under a test backend).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Set on coming back from a suspend: the screen must be drawn whole.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// The real terminal.
pub type Tty = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, alternate screen, bracketed paste. The guard undoes it all.
pub fn setup() -> io::Result<(Tty, Guard)> {
    install_panic_hook();
    enable_raw_mode()?;
    // From here on, a failure must still restore what was done.
    let guard = Guard;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    ACTIVE.store(true, Ordering::Relaxed);
    Ok((terminal, guard))
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
/// in the recovery file already, as for any pause.
pub fn suspend() -> io::Result<()> {
    if !ACTIVE.load(Ordering::Relaxed) {
        return Ok(());
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
    Ok(())
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
