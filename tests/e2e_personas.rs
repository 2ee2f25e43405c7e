//! End to end: a persona and her path made in the real binary in tmux, then
//! read back with `journey check`, the file itself and `journey export`.
//! Skips when tmux is missing, unless `CI` is set; then it fails.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A private tmux server (its own socket), killed on drop.
struct Tmux {
    socket: String,
    home: tempfile::TempDir,
}

impl Tmux {
    fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("journey-e2e-{name}-{}", std::process::id()),
            home: tempfile::tempdir().expect("temp home"),
        }
    }

    fn cmd(&self, args: &[&str]) -> Output {
        let home = self.home.path();
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env_remove("NO_COLOR")
            .output()
            .expect("tmux runs")
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        let out = self.cmd(&args);
        assert!(out.status.success(), "send-keys {keys:?}: {out:?}");
    }

    fn type_text(&self, text: &str) {
        let out = self.cmd(&["send-keys", "-t", "e2e", "-l", text]);
        assert!(out.status.success(), "send-keys -l: {out:?}");
    }

    fn capture(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-t", "e2e"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Polls until `ready` holds on two equal reads in a row, or fails
    /// after a timeout showing the last screen.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
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

    fn start(&self, dir: &Path, file: &str) {
        let command = format!("'{}' {file}; echo \"EXITED $?\"; sleep 600", journey());
        let out = self.cmd(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            &dir.to_string_lossy(),
            &command,
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required in CI for the end-to-end test"
        );
        eprintln!("skipping the end-to-end test: tmux is not installed");
    }
    found
}

fn journey() -> &'static str {
    env!("CARGO_BIN_EXE_journey")
}

fn run(args: &[&str], file: &Path) -> Output {
    Command::new(journey())
        .args(args)
        .arg(file)
        .output()
        .expect("journey runs")
}

#[test]
fn a_new_persona_walks_three_stages_and_it_is_saved() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/logistics.ron");
    let file = dir.path().join("logistics.ron");
    std::fs::copy(&example, &file).expect("copy the example");
    let tmux = Tmux::new("personas");
    tmux.start(dir.path(), "logistics.ron");
    tmux.wait_for("the board", |s| {
        s.contains("Know") && s.contains("logistics.ron")
    });

    tmux.send(&["P"]);
    tmux.wait_for("the persona form", |s| s.contains("New persona"));
    tmux.type_text("Kritische Käuferin");
    tmux.send(&["Enter"]);
    tmux.wait_for("the new persona", |s| {
        s.contains("added persona “Kritische Käuferin”") && s.contains("has no path yet")
    });

    // One touchpoint in each of the first three stages: Know, Like, Trust.
    tmux.send(&["Space"]);
    tmux.wait_for("the first step", |s| s.contains("1 Own experience →"));
    tmux.send(&["l", "j", "Space"]);
    tmux.wait_for("the second step", |s| s.contains("2 Explainer video"));
    tmux.send(&["l", "Space"]);
    tmux.wait_for("the third step", |s| s.contains("3 Case studies"));

    // The path panel opens on the step just added; two presses of - give −2.
    tmux.send(&["s"]);
    tmux.wait_for("the path panel", |s| s.contains("outcome: open"));
    tmux.send(&["-", "-"]);
    tmux.wait_for("the emotion", |s| s.contains("lowest: 3 Case studies (-2)"));
    tmux.send(&["Escape"]);
    tmux.send(&["C-s"]);
    tmux.wait_for("the save", |s| s.contains("saved logistics.ron"));
    tmux.send(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");

    let check = run(&["check"], &file);
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        !report.contains("Kritische Käuferin\" (kritische-kaeuferin) has no path"),
        "{report}"
    );
    assert!(!report.contains("error["), "{report}");

    let map = journey::core::format::load(&file)
        .expect("saved map loads")
        .map;
    let persona = map
        .persona("kritische-kaeuferin")
        .expect("the persona is saved");
    assert_eq!(persona.paths.len(), 1);
    let steps: Vec<(&str, Option<i8>)> = persona.paths[0]
        .steps
        .iter()
        .map(|s| (s.touchpoint.as_str(), s.emotion))
        .collect();
    assert_eq!(
        steps,
        [
            ("own-experience", None),
            ("explainer-video", None),
            ("case-studies", Some(-2)),
        ]
    );
    let fmt = run(&["fmt", "--check"], &file);
    assert!(
        fmt.status.success(),
        "saved in the canonical layout: {fmt:?}"
    );

    let export = Command::new(journey())
        .args([
            "export",
            "--format",
            "markdown",
            "--persona",
            "kritische-kaeuferin",
        ])
        .arg(&file)
        .output()
        .expect("export runs");
    assert!(export.status.success(), "{export:?}");
    let markdown = String::from_utf8_lossy(&export.stdout);
    assert!(markdown.contains("### Kritische Käuferin"), "{markdown}");
    // Her path, as the numbered list of its steps, in order.
    let path = &markdown[markdown
        .find("#### Path: Kritische Käuferin")
        .expect("her path")..];
    let first = path.find("1. **Know** · Own experience").expect("step 1");
    let second = path.find("2. **Like** · Explainer video").expect("step 2");
    let third = path.find("3. **Trust** · Case studies").expect("step 3");
    assert!(first < second && second < third, "{path}");
    assert!(
        path[third..]
            .lines()
            .next()
            .is_some_and(|l| l.contains("-2")),
        "{path}"
    );
    assert!(
        !markdown.contains("Budget owner: TCO case"),
        "only her paths"
    );
}

/// The "done when": open the logistics example, pick the budget
/// owner, extend the path, change the curve, fix what the problems panel
/// lists, export an SVG, and quit, all with the keys the help lists.
#[test]
fn the_budget_owner_scenario() {
    if !tmux_available() {
        return;
    }
    let graphviz = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        graphviz || std::env::var_os("CI").is_none(),
        "Graphviz is required in CI"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/logistics.ron");
    let file = dir.path().join("logistics.ron");
    std::fs::copy(&example, &file).expect("copy the example");
    let tmux = Tmux::new("scenario");
    tmux.start(dir.path(), "logistics.ron");
    tmux.wait_for("the board", |s| {
        s.contains("Know") && s.contains("p persona")
    });

    tmux.send(&["p"]);
    tmux.wait_for("the picker", |s| s.contains("Personas (5)"));
    tmux.send(&["j", "j", "j", "Enter"]);
    tmux.wait_for("the budget owner's path", |s| {
        s.contains("Budget owner · path 1/1") && s.contains("lowest: 8 Procurement approval (-2)")
    });

    // Extend: the decision pack, in the Trust stage, becomes step 7.
    tmux.send(&["l", "l", "j", "j", "j", "j", "j", "Space"]);
    tmux.wait_for("the new step", |s| s.contains("“Decision pack” is step 7"));
    tmux.send(&["s"]);
    tmux.wait_for("the path panel", |s| s.contains("outcome: converted"));
    tmux.send(&["-", "-"]);
    tmux.wait_for("the curve's new low", |s| {
        s.contains("step 7: emotion -2") && s.contains("lowest: 7 Decision pack (-2)")
    });
    tmux.send(&["Escape"]);

    // A persona without a path is a finding; Enter jumps to it, and a
    // first Space gives it a path, which fixes it.
    tmux.send(&["P"]);
    tmux.wait_for("the persona form", |s| s.contains("New persona"));
    tmux.type_text("Procurement lead");
    tmux.send(&["Enter"]);
    tmux.send(&["v"]);
    tmux.wait_for("the problems panel", |s| {
        s.contains("persona-without-path") && s.contains("Problems: 0 errors, 1 warning")
    });
    tmux.send(&["Enter"]);
    tmux.wait_for("the persona in the picker", |s| s.contains("Personas (6)"));
    tmux.send(&["q"]);
    tmux.send(&["Space"]);
    tmux.wait_for("the new path", |s| {
        s.contains("started path “Procurement lead”")
    });
    tmux.send(&["v"]);
    tmux.wait_for("no problems", |s| s.contains("No problems."));
    tmux.send(&["Escape"]);

    if graphviz {
        tmux.send(&["x"]);
        // With a persona on the board, the prompt suggests that persona's
        // picture.
        tmux.wait_for("the export prompt", |s| {
            s.contains("◉ current persona") && s.contains(".md")
        });
        tmux.send(&["Right", "Right", "Right", "Right"]);
        tmux.wait_for("svg chosen", |s| s.contains(".svg"));
        tmux.send(&["Enter"]);
        tmux.wait_for("the export", |s| s.contains("exported to"));
        let svg = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "svg"))
            .map(|e| std::fs::read_to_string(e.path()).expect("svg"))
            .expect("an svg was written");
        assert!(svg.contains("<svg"));
    }

    tmux.send(&["q"]);
    tmux.wait_for("the quit question", |s| s.contains("save and quit"));
    tmux.send(&["s"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
    let check = run(&["check", "--deny-warnings"], &file);
    assert!(check.status.success(), "{check:?}");
    let map = journey::core::format::load(&file).expect("loads").map;
    let path = &map.persona("budget-owner").expect("persona").paths[0];
    assert_eq!(path.steps[6].touchpoint, "decision-pack");
    assert_eq!(path.steps[6].emotion, Some(-2));
}
