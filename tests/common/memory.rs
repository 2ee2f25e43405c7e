//! Runs the real binary and measures what it took: its peak memory, and
//! the size of what it wrote. For the promise that memory and exports stay
//! bounded by the size of the map file, however hostile the map.

use std::path::Path;
use std::process::{Command, Stdio};

/// What one run of the binary took.
pub struct Run {
    /// The exit code, or `None` where a signal ended it.
    pub code: Option<i32>,
    /// Its peak resident memory, in bytes.
    pub peak: u64,
    /// How many bytes it wrote to stdout.
    pub stdout_len: u64,
    pub stderr: String,
}

/// Runs `journey` with `args`, stdout into a file in `dir` (an export can
/// be big), and measures its peak memory with `wait4`, which reports on
/// that one child even while other tests run theirs.
#[cfg(unix)]
// The child is reaped by `wait4`, which `Child::wait` cannot stand in for:
// it gives no resource usage.
#[allow(clippy::zombie_processes)]
pub fn run(dir: &Path, args: &[&str]) -> Run {
    use std::os::unix::process::ExitStatusExt;
    let out_path = dir.join("stdout");
    let err_path = dir.join("stderr");
    let out = std::fs::File::create(&out_path).expect("stdout file");
    let err = std::fs::File::create(&err_path).expect("stderr file");
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_journey"));
    // SAFETY: setrlimit is async-signal-safe and touches no memory of the
    // parent. The cap stops a run that blows up before it takes the
    // machine's memory: it then fails to allocate and aborts.
    unsafe {
        command.pre_exec(|| {
            let cap = libc::rlimit {
                rlim_cur: ADDRESS_SPACE_CAP,
                rlim_max: ADDRESS_SPACE_CAP,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &cap) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = command
        .args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("journey starts");
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: wait4 writes only into the two values passed, which live
    // through the call; rusage is plain data, valid when zeroed.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    let status = std::process::ExitStatus::from_raw(status);
    Run {
        code: status.code(),
        // Linux gives ru_maxrss in KiB.
        peak: u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
        stdout_len: std::fs::metadata(&out_path).map_or(0, |m| m.len()),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    }
}

/// The address space a measured run may reserve: far above what a
/// bounded run needs (thread stacks and allocator arenas are reserved, not
/// used), far below what an unbounded one would take.
const ADDRESS_SPACE_CAP: libc::rlim_t = 3 << 30;

/// The memory a run may take for a file of `size` bytes: 20 times the
/// file, plus what the program needs on a tiny map.
pub fn memory_bound(size: u64) -> u64 {
    20 * size + BASE
}

/// What the program may take beyond 20 times the file: the debug binary
/// takes about 5.5 MiB on a small map.
pub const BASE: u64 = 8 << 20;
