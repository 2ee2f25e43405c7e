//! Writing to stdout and stderr without ever panicking: `println!` panics
//! when a write fails, so every subcommand writes through [`emit`],
//! [`emit_line`] and [`eprint_clean`] instead.
//!
//! The rule, the same for both streams: a broken pipe (`journey check | head`)
//! ends the output quietly and leaves the exit code alone; any other failure
//! (a full disk, a closed stream) gives one line on stderr and exit code 2
//! from [`finish`]. After a stream's first failure nothing more is written
//! to it, while the command itself goes on, so that its exit code still says
//! what it found.

use super::EXIT_UNREADABLE;
use std::io::{ErrorKind, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

/// What happened to one standard stream so far.
struct Stream {
    /// The stream was closed when the program started.
    closed: AtomicBool,
    /// A write failed: nothing more is tried.
    gone: AtomicBool,
    /// A write failed for a reason other than a broken pipe.
    failed: AtomicBool,
}

impl Stream {
    const fn new() -> Stream {
        Stream {
            closed: AtomicBool::new(false),
            gone: AtomicBool::new(false),
            failed: AtomicBool::new(false),
        }
    }
}

static STDOUT: Stream = Stream::new();
static STDERR: Stream = Stream::new();

/// The two standard streams.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Std {
    Out,
    Err,
}

impl Std {
    fn state(self) -> &'static Stream {
        match self {
            Std::Out => &STDOUT,
            Std::Err => &STDERR,
        }
    }

    fn write(self, bytes: &[u8]) -> std::io::Result<()> {
        if self.state().closed.load(Ordering::Relaxed) {
            // The runtime put /dev/null in its place, where writes vanish.
            return Err(std::io::Error::other("it was closed"));
        }
        match self {
            Std::Out => {
                let mut out = std::io::stdout().lock();
                // Flushed at once: an error left in the buffer would only
                // be dropped at exit.
                out.write_all(bytes).and_then(|()| out.flush())
            }
            Std::Err => std::io::stderr().lock().write_all(bytes),
        }
    }
}

/// Tells the output which standard streams were closed when the process
/// started. The Rust runtime reopens a closed stdout or stderr on /dev/null
/// before `main`, where writes succeed and vanish, so `main` has to look
/// first (see `src/main.rs`) and say so here.
pub fn note_closed_at_start(stdout: bool, stderr: bool) {
    STDOUT.closed.store(stdout, Ordering::Relaxed);
    STDERR.closed.store(stderr, Ordering::Relaxed);
}

fn write_to(stream: Std, bytes: &[u8]) {
    let state = stream.state();
    if bytes.is_empty() || state.gone.load(Ordering::Relaxed) {
        return;
    }
    let Err(e) = stream.write(bytes) else {
        return;
    };
    state.gone.store(true, Ordering::Relaxed);
    if e.kind() == ErrorKind::BrokenPipe {
        // The reader has all it wanted (`| head`): not an error.
        return;
    }
    state.failed.store(true, Ordering::Relaxed);
    if stream == Std::Out {
        // One line on stderr; if that fails too, the exit code still says it.
        write_to(
            Std::Err,
            format!("error: cannot write to stdout: {e}\n").as_bytes(),
        );
    }
}

/// Writes `text` to stdout as it is.
pub(crate) fn emit(text: &str) {
    write_to(Std::Out, text.as_bytes());
}

/// Writes one line to stdout.
pub(crate) fn emit_line(line: &str) {
    write_to(Std::Out, format!("{line}\n").as_bytes());
}

/// Writes `text` to stderr as it is (for clap's usage messages).
fn emit_err(text: &str) {
    write_to(Std::Err, text.as_bytes());
}

/// Prints a message to stderr with any control characters made visible.
/// With `-q`, only errors are printed.
pub(crate) fn eprint_clean(message: &str) {
    if super::color::quiet()
        && !(message.starts_with("error") || message.starts_with("interrupted"))
    {
        return;
    }
    write_to(
        Std::Err,
        format!("{}\n", crate::core::text::printable(message)).as_bytes(),
    );
}

/// The exit code to leave with: `code`, unless a write to stdout or stderr
/// failed for a reason other than a broken pipe; then 2.
pub fn finish(code: ExitCode) -> ExitCode {
    if STDOUT.failed.load(Ordering::Relaxed) || STDERR.failed.load(Ordering::Relaxed) {
        ExitCode::from(EXIT_UNREADABLE)
    } else {
        code
    }
}

/// Prints clap's help, version or usage error through the same rule and
/// gives the exit code clap asks for (0 for help, 2 for a usage error).
pub fn usage(e: &clap::Error) -> ExitCode {
    use std::io::IsTerminal;
    let to_stdout = !e.use_stderr();
    let terminal = if to_stdout {
        std::io::stdout().is_terminal()
    } else {
        std::io::stderr().is_terminal()
    };
    let color = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let rendered = e.render();
    let text = if color {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    if to_stdout {
        emit(&text);
    } else {
        emit_err(&text);
    }
    let code = u8::try_from(e.exit_code()).unwrap_or(EXIT_UNREADABLE);
    finish(ExitCode::from(code))
}
