//! A private tmux server for end-to-end tests: the real binary, driven with
//! send-keys and read with capture-pane, as a user meets it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A private tmux server (its own socket), killed on drop.
pub struct Tmux {
    pub socket: String,
    home: PathBuf,
    _home_guard: Option<tempfile::TempDir>,
}

impl Tmux {
    pub fn new(name: &str) -> Tmux {
        let guard = tempfile::tempdir().expect("temp home");
        let mut tmux = Tmux::with_home(name, guard.path());
        tmux._home_guard = Some(guard);
        tmux
    }

    /// A server whose programs use `home` (and the XDG folders under it).
    pub fn with_home(name: &str, home: &Path) -> Tmux {
        Tmux {
            socket: format!("journey-e2e-{name}-{}", std::process::id()),
            home: home.to_path_buf(),
            _home_guard: None,
        }
    }

    /// The home folder the server's programs see.
    pub fn home(&self) -> &Path {
        &self.home
    }

    pub fn cmd(&self, args: &[&str]) -> Output {
        let home = self.home.as_path();
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            // The server takes its environment from the first command; keep
            // the test away from the real home and settings.
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env_remove("NO_COLOR")
            .env_remove("JOURNEY_CONFIG")
            .output()
            .expect("tmux runs")
    }

    /// Starts the test's session (`e2e`) in `dir` at `size`, running
    /// `command` in a shell.
    pub fn session(&self, dir: &Path, size: (u16, u16), command: &str) {
        let (w, h) = (size.0.to_string(), size.1.to_string());
        let dir = dir.to_string_lossy();
        let out = self.cmd(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &w,
            "-y",
            &h,
            "-c",
            &dir,
            command,
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        let out = self.cmd(&args);
        assert!(out.status.success(), "send-keys {keys:?}: {out:?}");
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        let out = self.cmd(&["send-keys", "-t", "e2e", "-l", text]);
        assert!(out.status.success(), "send-keys -l: {out:?}");
    }

    pub fn capture(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-t", "e2e"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Polls the screen until `ready` holds and the screen is the same on
    /// two reads in a row, or fails after a timeout with the last screen.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.capture();
            if ready(&screen) && screen == last {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            last = screen;
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

pub fn tmux_available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        super::missing("tmux is not installed, which the end-to-end tests drive");
    }
    found
}

pub fn journey() -> &'static str {
    env!("CARGO_BIN_EXE_journey")
}

pub fn start(tmux: &Tmux, dir: &Path, file: &str) {
    start_with(tmux, dir, &[], file);
}

/// [`start`], with `env` (name, value) set for journey alone.
pub fn start_with(tmux: &Tmux, dir: &Path, env: &[(&str, &str)], file: &str) {
    let env: String = env.iter().map(|(k, v)| format!("{k}='{v}' ")).collect();
    let command = format!(
        "env {env}'{}' {file}; echo \"EXITED $?\"; sleep 600",
        journey()
    );
    tmux.session(dir, (100, 30), &command);
}

pub fn copy_fixture(dir: &Path) -> PathBuf {
    let file = dir.join("camera.ron");
    std::fs::copy(super::fixture(), &file).expect("copy fixture");
    file
}
