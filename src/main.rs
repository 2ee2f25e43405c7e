use clap::Parser;
use journey::cli::{Cli, finish, note_closed_at_start, run, usage};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

fn main() -> ExitCode {
    note_closed_at_start(
        STDOUT_CLOSED.load(Ordering::Relaxed),
        STDERR_CLOSED.load(Ordering::Relaxed),
    );
    // Read once, for the editor's own starts and for clap.
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let args = argv.get(1..).unwrap_or_default();
    let cli = match journey::cli::editor_start(args).map_or_else(|| Cli::try_parse_from(&argv), Ok)
    {
        Ok(cli) => cli,
        Err(e) => {
            // `journey chekc map.ron` fails to parse as a file and a stray
            // argument; the typo is what the user needs to hear of.
            if let Some(message) = journey::cli::mistyped(args.iter().cloned()) {
                return journey::cli::refuse(&message);
            }
            return usage(&e);
        }
    };
    journey::cli::init(&cli);
    let code = match cli.command {
        Some(command) => run(command),
        None => journey::cli::run_editor(cli.file.as_deref(), cli.ascii),
    };
    finish(code)
}

// Whether stdout and stderr were closed when the process started. The Rust
// runtime reopens closed standard streams on /dev/null before `main` runs,
// where every write succeeds and vanishes (`journey export m.ron >&-` would
// exit 0 having written nothing), so a constructor looks at them first.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
static STDERR_CLOSED: AtomicBool = AtomicBool::new(false);

#[cfg(any(target_os = "linux", target_os = "android"))]
#[used]
#[unsafe(link_section = ".init_array")]
static SEE_CLOSED_STREAMS: extern "C" fn() = see_closed_streams;

#[cfg(target_vendor = "apple")]
#[used]
#[unsafe(link_section = "__DATA,__mod_init_func")]
static SEE_CLOSED_STREAMS: extern "C" fn() = see_closed_streams;

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
extern "C" fn see_closed_streams() {
    // SAFETY: F_GETFD only asks whether the descriptor is open; it changes
    // nothing, and needs nothing that the runtime sets up later.
    let closed = |fd| unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1;
    STDOUT_CLOSED.store(closed(1), Ordering::Relaxed);
    STDERR_CLOSED.store(closed(2), Ordering::Relaxed);
}
