//! End to end: a persona and her path made in the real binary in tmux, then
//! read back with `journey check`, the file itself and `journey export`.
//! Skips when tmux is missing, unless `CI` is set; then it fails.

mod common;

use common::tmux::{Tmux, journey, start, tmux_available};
use std::path::Path;
use std::process::{Command, Output};

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
    start(&tmux, dir.path(), "logistics.ron");
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
    start(&tmux, dir.path(), "logistics.ron");
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
        s.contains("started path “Procurement lead: path” with “Decision pack”")
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
