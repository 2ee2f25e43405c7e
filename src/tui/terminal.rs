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

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
