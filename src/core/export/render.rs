//! Pictures through Graphviz: runs `dot -T<format>` on a DOT export.
//!
//! This spawns a process and touches no terminal, so it lives in the core
//! where the CLI and the TUI can share it. A drawing can take minutes on a
//! big map, or hang: each run has [`Limits`], a timeout and a cancel flag,
//! and `dot` is stopped when either fires.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The program that draws the pictures.
pub const PROGRAM: &str = "dot";

/// The package that provides [`PROGRAM`].
pub const PACKAGE: &str = "graphviz";

/// The environment variable that sets [`render`]'s timeout, in seconds.
pub const TIMEOUT_VAR: &str = "JOURNEY_DOT_TIMEOUT";

/// How long [`render`] lets `dot` run where [`TIMEOUT_VAR`] is not set.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);

/// How often a running `dot` is checked on.
const POLL: Duration = Duration::from_millis(20);

/// What may stop a drawing before `dot` is done.
#[derive(Debug, Clone, Default)]
pub struct Limits {
    /// Stop `dot` after this long; `None` lets it run.
    pub timeout: Option<Duration>,
    /// Stop `dot` as soon as this is set (the editor's Esc, or its quit).
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Limits {
    /// The limits [`render`] uses: a timeout of [`TIMEOUT_VAR`] seconds
    /// where it holds a number (`0` for none), else [`DEFAULT_TIMEOUT`];
    /// no cancel flag.
    pub fn from_env() -> Limits {
        Limits {
            timeout: timeout_from(std::env::var(TIMEOUT_VAR).ok().as_deref()),
            cancel: None,
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

/// A picture format Graphviz writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    Svg,
    Png,
    Pdf,
}

impl Image {
    /// Every picture format, by the file extension that picks it.
    pub const ALL: [Image; 3] = [Image::Svg, Image::Png, Image::Pdf];

    /// The extension, which is also the name `dot -T` takes.
    pub fn extension(self) -> &'static str {
        match self {
            Image::Svg => "svg",
            Image::Png => "png",
            Image::Pdf => "pdf",
        }
    }

    /// The picture format a file name asks for, by its extension (any case).
    pub fn from_path(path: &Path) -> Option<Image> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Image::ALL.into_iter().find(|i| i.extension() == ext)
    }
}

/// Why a picture could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// `dot` is not installed (or not on `PATH`).
    #[error(
        "cannot run `{PROGRAM}`: it is not installed or not on PATH; install the `{PACKAGE}` package (for example `apt-get install {PACKAGE}` or `brew install {PACKAGE}`)"
    )]
    Missing,
    /// `dot` could not be started or talked to.
    #[error("cannot run `{PROGRAM}`: {0}")]
    Io(std::io::Error),
    /// `dot` ran and failed.
    #[error("`{PROGRAM}` failed ({status}):\n{stderr}")]
    Failed { status: String, stderr: String },
    /// The output file's extension names no picture format.
    #[error("{}", unknown_extension(path))]
    UnknownExtension { path: std::path::PathBuf },
    /// `dot` ran past the timeout and was stopped.
    #[error(
        "`{PROGRAM}` took longer than {} s and was stopped; draw one persona with --persona, or set {TIMEOUT_VAR}",
        seconds(*after)
    )]
    TimedOut { after: Duration },
    /// The drawing was cancelled, and `dot` stopped.
    #[error("the drawing was cancelled, and `{PROGRAM}` stopped")]
    Cancelled,
}

/// The timeout a value of [`TIMEOUT_VAR`] asks for: seconds, `0` for
/// none; [`DEFAULT_TIMEOUT`] where it is unset or not a number of seconds
/// (which `dot`'s error then names).
fn timeout_from(value: Option<&str>) -> Option<Duration> {
    match value.map(|v| v.trim().parse::<f64>()) {
        Some(Ok(0.0)) => None,
        Some(Ok(s)) if s.is_finite() && s > 0.0 && s < 1e9 => Some(Duration::from_secs_f64(s)),
        _ => Some(DEFAULT_TIMEOUT),
    }
}

/// A duration in seconds, without decimals where it is whole.
fn seconds(d: Duration) -> String {
    if d.subsec_nanos() == 0 {
        d.as_secs().to_string()
    } else {
        format!("{:.1}", d.as_secs_f64())
    }
}

fn unknown_extension(path: &Path) -> String {
    let allowed: Vec<String> = Image::ALL
        .iter()
        .map(|i| format!(".{}", i.extension()))
        .collect();
    format!(
        "cannot tell the picture format of {}: the output must end in {}",
        path.display(),
        allowed.join(", ")
    )
}

/// A drawn picture, and what `dot` said on stderr while it succeeded.
#[derive(Debug)]
pub struct Drawn {
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

/// Draws DOT source as a picture with `dot`, stopping it after the
/// timeout [`Limits::from_env`] gives.
pub fn render(dot_source: &str, image: Image) -> Result<Drawn, RenderError> {
    render_limited(dot_source, image, &Limits::from_env())
}

/// Draws DOT source as a picture with `dot`, stopping it (and anything it
/// started) when the timeout passes or the cancel flag is set.
pub fn render_limited(
    dot_source: &str,
    image: Image,
    limits: &Limits,
) -> Result<Drawn, RenderError> {
    let format = format!("-T{}", image.extension());
    run(
        OsStr::new(PROGRAM),
        &[OsStr::new(&format)],
        dot_source,
        limits,
    )
}

/// Runs `program` with `args` on `input`, within `limits`.
fn run(
    program: &OsStr,
    args: &[&OsStr],
    input: &str,
    limits: &Limits,
) -> Result<Drawn, RenderError> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // A group of its own, so that stopping it stops whatever it started
    // too: a wrapper script's children would otherwise hold the pipes open
    // and keep the readers below waiting.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => RenderError::Missing,
        _ => RenderError::Io(e),
    })?;
    let (stdin, stdout, stderr) = (child.stdin.take(), child.stdout.take(), child.stderr.take());
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) = (stdin, stdout, stderr) else {
        stop(&mut child);
        return Err(RenderError::Io(std::io::Error::other(
            "no pipes to the program",
        )));
    };
    let started = Instant::now();
    std::thread::scope(|scope| {
        // Feed stdin and drain stdout and stderr on threads: a big graph
        // fills the pipes both ways, and doing one after the other would
        // deadlock. Each ends when `dot` exits or is stopped.
        let writer = scope.spawn(move || stdin.write_all(input.as_bytes()));
        let out_reader = scope.spawn(move || {
            let mut buf = Vec::new();
            stdout.read_to_end(&mut buf).map(|_| buf)
        });
        let err_reader = scope.spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr.read_to_end(&mut buf);
            buf
        });
        let waited = wait_within(&mut child, limits, started);
        // Joined in every case, so no thread outlives the call. A thread
        // that panicked counts as a failed read or write.
        let wrote = writer
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("writer thread panicked")));
        let bytes = out_reader
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("reader thread panicked")));
        let stderr = err_reader.join().unwrap_or_default();
        let status = waited?;
        let stderr = String::from_utf8_lossy(&stderr).trim_end().to_string();
        if !status.success() {
            return Err(RenderError::Failed {
                status: status.to_string(),
                stderr,
            });
        }
        // A write error means `dot` exited early; had it failed, its status
        // would have said why.
        wrote.map_err(RenderError::Io)?;
        let bytes = bytes.map_err(RenderError::Io)?;
        let warnings = stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("{PROGRAM}: {l}"))
            .collect();
        Ok(Drawn { bytes, warnings })
    })
}

/// Waits for `child` to exit, checking every [`POLL`] whether the limits
/// stop it first; a stopped child is killed and reaped before this returns.
fn wait_within(
    child: &mut Child,
    limits: &Limits,
    started: Instant,
) -> Result<std::process::ExitStatus, RenderError> {
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) => {}
            Err(e) => {
                stop(child);
                return Err(RenderError::Io(e));
            }
        }
        if limits.cancelled() {
            stop(child);
            return Err(RenderError::Cancelled);
        }
        if let Some(timeout) = limits.timeout {
            let elapsed = started.elapsed();
            if elapsed >= timeout {
                stop(child);
                return Err(RenderError::TimedOut { after: timeout });
            }
            std::thread::sleep(POLL.min(timeout - elapsed));
        } else {
            std::thread::sleep(POLL);
        }
    }
}

/// Kills `child` and its process group, and reaps it. Errors are ignored:
/// the child may have exited on its own meanwhile, and nothing more can be
/// done about one that cannot be killed.
fn stop(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill takes plain numbers. The group is the child's own
        // (see `run`) and cannot be reused before the child is reaped below.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_pick_the_format() {
        assert_eq!(Image::from_path(Path::new("a/b.SVG")), Some(Image::Svg));
        assert_eq!(Image::from_path(Path::new("b.png")), Some(Image::Png));
        assert_eq!(Image::from_path(Path::new("b.jpg")), None);
        assert_eq!(Image::from_path(Path::new("b")), None);
    }

    #[test]
    fn unknown_extension_lists_the_allowed_ones() {
        let e = RenderError::UnknownExtension {
            path: "x.jpg".into(),
        };
        assert!(e.to_string().ends_with("must end in .svg, .png, .pdf"));
    }
    #[test]
    fn the_timeout_comes_from_the_environment() {
        assert_eq!(timeout_from(None), Some(DEFAULT_TIMEOUT));
        assert_eq!(timeout_from(Some("12")), Some(Duration::from_secs(12)));
        assert_eq!(
            timeout_from(Some(" 0.5 ")),
            Some(Duration::from_millis(500))
        );
        assert_eq!(timeout_from(Some("0")), None);
        for bad in ["", "soon", "-3", "inf", "NaN"] {
            assert_eq!(timeout_from(Some(bad)), Some(DEFAULT_TIMEOUT), "{bad:?}");
        }
        let e = RenderError::TimedOut {
            after: Duration::from_secs(300),
        };
        assert_eq!(
            e.to_string(),
            "`dot` took longer than 300 s and was stopped; draw one persona with --persona, or set JOURNEY_DOT_TIMEOUT"
        );
        let e = RenderError::TimedOut {
            after: Duration::from_millis(1500),
        };
        assert!(e.to_string().contains("longer than 1.5 s"));
    }

    /// A stand-in for `dot`: a shell script in a temporary folder.
    #[cfg(unix)]
    fn fake(dir: &tempfile::TempDir, body: &str) -> std::path::PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.path().join("dot");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .expect("make it runnable");
        path
    }

    /// Whether process `pid` has ended (a zombie waiting for its new parent
    /// to reap it counts as ended).
    #[cfg(unix)]
    fn ended(pid: i32) -> bool {
        // SAFETY: signal 0 only checks that the process exists.
        if unsafe { libc::kill(pid, 0) } != 0 {
            return true;
        }
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
            stat.rsplit(')')
                .next()
                .is_some_and(|s| s.trim_start().starts_with('Z'))
        })
    }

    #[cfg(unix)]
    fn read_pid(dir: &tempfile::TempDir, name: &str) -> i32 {
        let text =
            std::fs::read_to_string(dir.path().join(name)).expect("the script wrote its pid");
        text.trim().parse().expect("a pid")
    }

    #[cfg(unix)]
    fn wait_ended(pid: i32) -> bool {
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            if ended(pid) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    #[cfg(unix)]
    #[test]
    fn a_hung_dot_is_stopped_at_the_timeout_with_what_it_started() {
        let dir = tempfile::tempdir().expect("temp dir");
        // A wrapper that starts a child of its own and waits for it.
        let script = fake(
            &dir,
            &format!(
                "echo $$ > '{0}/pid'\nsleep 60 &\necho $! > '{0}/child'\nwait",
                dir.path().display()
            ),
        );
        let limits = Limits {
            timeout: Some(Duration::from_millis(300)),
            cancel: None,
        };
        let started = Instant::now();
        let result = run(script.as_os_str(), &[], "digraph { a }", &limits);
        let took = started.elapsed();
        assert!(
            matches!(result, Err(RenderError::TimedOut { after }) if after == Duration::from_millis(300)),
            "{result:?}"
        );
        assert!(took < Duration::from_secs(5), "took {took:?}");
        assert!(wait_ended(read_pid(&dir, "pid")), "the script still runs");
        assert!(
            wait_ended(read_pid(&dir, "child")),
            "what it started still runs"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_drawing_is_cancelled_through_the_flag() {
        let dir = tempfile::tempdir().expect("temp dir");
        let script = fake(
            &dir,
            &format!("echo $$ > '{}/pid'\nexec sleep 60", dir.path().display()),
        );
        let cancel = Arc::new(AtomicBool::new(false));
        let limits = Limits {
            timeout: None,
            cancel: Some(cancel.clone()),
        };
        let setter = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            cancel.store(true, Ordering::Relaxed);
        });
        let started = Instant::now();
        let result = run(script.as_os_str(), &[], "digraph { a }", &limits);
        assert!(matches!(result, Err(RenderError::Cancelled)), "{result:?}");
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(setter.join().is_ok());
        assert!(wait_ended(read_pid(&dir, "pid")), "the program still runs");
    }

    #[cfg(unix)]
    #[test]
    fn a_quick_program_within_the_limits_gives_its_output() {
        let dir = tempfile::tempdir().expect("temp dir");
        let script = fake(&dir, "cat; echo 'a warning' >&2");
        let limits = Limits {
            timeout: Some(Duration::from_secs(30)),
            cancel: Some(Arc::new(AtomicBool::new(false))),
        };
        // More than a pipe holds, both ways.
        let input = "x".repeat(1 << 20);
        let drawn = run(script.as_os_str(), &[], &input, &limits).expect("runs");
        assert_eq!(drawn.bytes.len(), input.len());
        assert_eq!(drawn.warnings, vec!["dot: a warning".to_string()]);
        let failing = fake(&dir, "echo 'syntax error' >&2; exit 3");
        let result = run(failing.as_os_str(), &[], "x", &limits);
        assert!(
            matches!(&result, Err(RenderError::Failed { stderr, .. }) if stderr == "syntax error"),
            "{result:?}"
        );
    }
}
