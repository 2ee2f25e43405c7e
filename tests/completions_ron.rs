//! Completion scripts complete `.ron` files (and folders) for map
//! arguments. The bash script is run in bash on a folder with a map, a
//! text file and a subfolder; the zsh and fish scripts are read (and
//! parsed by the shell, where it is installed).

mod common;

use assert_cmd::Command;
use std::path::Path;

fn script(shell: &str) -> String {
    let home = tempfile::tempdir().expect("temp dir");
    let out = Command::cargo_bin("journey")
        .expect("the binary is built")
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("JOURNEY_CONFIG")
        .args(["completions", shell])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn have(tool: &str) -> bool {
    std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A folder holding a map, a map with a space, a text file and a subfolder.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["camera.ron", "with space.ron", "notes.txt", "data.csv"] {
        std::fs::write(dir.path().join(name), "").expect("write");
    }
    std::fs::create_dir(dir.path().join("maps")).expect("mkdir");
    dir
}

/// What bash offers for the command line `line` (a trailing space starts
/// a new, empty word), in `dir`, one candidate a line.
fn bash_complete(script_file: &Path, dir: &Path, line: &str) -> Vec<String> {
    let program = r#"
source "$1"
read -ra COMP_WORDS <<< "$2"
[[ "$2" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$2"
COMPREPLY=()
_journey journey "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = std::process::Command::new("bash")
        .args(["-c", program, "complete"])
        .arg(script_file)
        .arg(line)
        .current_dir(dir)
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{out:?}");
    let mut words: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    words.sort();
    words
}

#[test]
fn bash_completes_maps_and_folders_alone() {
    if !have("bash") {
        common::missing("bash is not installed");
        return;
    }
    let dir = folder();
    let script_file = dir.path().join("journey.bash");
    std::fs::write(&script_file, script("bash")).expect("write the script");
    let maps = ["camera.ron", "maps", "with space.ron"];
    for line in [
        "journey export ",
        "journey check ",
        "journey check camera.ron ",
        "journey fmt --check ",
        "journey render ",
        "journey diff camera.ron ",
        "journey merge camera.ron camera.ron ",
        "journey insight ",
        "journey outline ",
    ] {
        let offered = bash_complete(&script_file, dir.path(), line);
        assert_eq!(offered, maps, "{line:?}");
    }
    assert_eq!(
        bash_complete(&script_file, dir.path(), "journey export c"),
        ["camera.ron"]
    );
    // The first word: subcommands and maps, never the text file.
    let first = bash_complete(&script_file, dir.path(), "journey ");
    assert!(first.iter().any(|w| w == "check") && first.iter().any(|w| w == "camera.ron"));
    assert!(
        !first
            .iter()
            .any(|w| w == "notes.txt" || w == "journey.bash")
    );
    // Options and their values complete as before.
    assert_eq!(
        bash_complete(&script_file, dir.path(), "journey export --format "),
        [
            "csv",
            "dot",
            "json",
            "markdown",
            "mermaid",
            "mermaid-journey"
        ]
    );
    assert!(
        bash_complete(&script_file, dir.path(), "journey export -")
            .iter()
            .any(|w| w == "--output")
    );
    // An output file is any file: a CSV export goes next to notes.txt.
    assert!(
        bash_complete(
            &script_file,
            dir.path(),
            "journey export camera.ron --output "
        )
        .iter()
        .any(|w| w == "notes.txt")
    );
    // insight's --data is a CSV, not a map.
    assert!(
        bash_complete(
            &script_file,
            dir.path(),
            "journey insight camera.ron --data "
        )
        .iter()
        .any(|w| w == "data.csv")
    );
}

#[test]
fn zsh_completes_map_arguments_by_the_ron_glob() {
    let text = script("zsh");
    let map_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("_files -g \"*.ron\""))
        .collect();
    // journey's own file, new, check, fmt, export, render, diff, outline,
    // merge's three and insight.
    assert_eq!(map_lines.len(), 12, "{map_lines:#?}");
    assert!(!text.contains("_hosts"), "the marker hint is all replaced");
    // Other files stay any file.
    assert!(text.contains(
        "--output=[Write here (atomically) instead of to stdout; - is stdout]:OUTPUT:_files' \\"
    ));
    assert!(text.contains(":DATA:_files'"));
    if have("zsh") {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("_journey");
        std::fs::write(&file, &text).expect("write");
        let out = std::process::Command::new("zsh")
            .arg("-n")
            .arg(&file)
            .output()
            .expect("zsh runs");
        assert!(out.status.success(), "zsh cannot read the script: {out:?}");
    } else {
        common::missing("zsh is not installed: the script's syntax is not checked by zsh");
    }
}

#[test]
fn fish_completes_maps_by_suffix() {
    let text = script("fish");
    for sub in ["check", "export", "merge", "insight"] {
        assert!(
            text.contains(&format!(
                "complete -c journey -n \"__fish_journey_using_subcommand {sub}\" -k -f -a \"(__fish_complete_suffix .ron)\""
            )),
            "{sub}"
        );
    }
    if have("fish") {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("journey.fish");
        std::fs::write(&file, &text).expect("write");
        let out = std::process::Command::new("fish")
            .arg("--no-execute")
            .arg(&file)
            .output()
            .expect("fish runs");
        assert!(out.status.success(), "fish cannot read the script: {out:?}");
    } else {
        common::skip("fish is not installed: the script's syntax is not checked by fish");
    }
}
