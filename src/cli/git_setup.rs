//! `journey git-setup`: the `.gitattributes` line and the git config that
//! make git diff and merge maps through journey.

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, eprint_clean};
use crate::core::format::write_atomic;
use crate::core::samefile::{same_file, shown_path};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The attributes a map pattern gets.
const ATTRIBUTES: [&str; 2] = ["diff=journey", "merge=journey"];

/// What setting one thing came to.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Written,
    AlreadySet,
    /// Set differently, left alone: what it is now.
    Differs(String),
}

/// Writes the attributes line and the drivers' config; reports each.
pub fn run(global: bool, force: bool, pattern: &str) -> u8 {
    let program = program();
    let settings = [
        (
            "diff.journey.command".to_string(),
            format!("{program} diff"),
        ),
        (
            "diff.journey.textconv".to_string(),
            format!("{program} outline --fallback"),
        ),
        (
            "merge.journey.name".to_string(),
            "journey maps, merged by id".to_string(),
        ),
        (
            "merge.journey.driver".to_string(),
            format!("{program} merge %O %A %B --path %P"),
        ),
    ];
    let top = if global {
        None
    } else {
        match git(&["rev-parse", "--show-toplevel"], None) {
            Ok(top) => Some(PathBuf::from(top.trim_end_matches(['\n', '\r']))),
            Err(e) => {
                eprint_clean(&format!(
                    "error: not in a git repository ({e}); run it inside one, or use --global"
                ));
                return EXIT_UNREADABLE;
            }
        }
    };
    let scope = if global { "--global" } else { "--local" };
    let mut left = false;
    for (key, value) in &settings {
        let now = git(&["config", scope, "--get", key], top.as_deref()).ok();
        let now = now.as_deref().map(|v| v.trim_end_matches('\n'));
        let outcome = match now {
            Some(v) if v == value => Outcome::AlreadySet,
            Some(v) if !force => Outcome::Differs(v.to_string()),
            _ => match git(&["config", scope, key, value], top.as_deref()) {
                Ok(_) => Outcome::Written,
                Err(e) => {
                    eprint_clean(&format!("error: cannot set {key}: {e}"));
                    return EXIT_UNREADABLE;
                }
            },
        };
        let where_ = if global {
            "your git config"
        } else {
            ".git/config"
        };
        match outcome {
            Outcome::Written => eprint_clean(&format!("set {key} = {value} in {where_}")),
            Outcome::AlreadySet => eprint_clean(&format!("{key} is already {value}")),
            Outcome::Differs(v) => {
                left = true;
                eprint_clean(&format!(
                    "warning: {key} is already set to {v}; left alone (--force sets it to {value})"
                ));
            }
        }
    }
    let line = format!("{pattern} {}", ATTRIBUTES.join(" "));
    let Some(top) = top else {
        eprint_clean(&format!(
            "add this line to each repository's .gitattributes: {line}"
        ));
        return if left { EXIT_FINDINGS } else { EXIT_OK };
    };
    let file = top.join(".gitattributes");
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            eprint_clean(&format!("error: cannot read {}: {e}", shown_path(&file)));
            return EXIT_UNREADABLE;
        }
    };
    let shown = shown_path(&file);
    match attributes(&text, pattern, force) {
        Edit::Unchanged => eprint_clean(&format!("{shown} already has: {line}")),
        Edit::Differs(old) => {
            left = true;
            eprint_clean(&format!(
                "warning: {shown} already has `{old}`; left alone (--force makes it `{line}`)"
            ));
        }
        Edit::Changed(new_text, new_line) => {
            if let Err(e) = write_atomic(&file, new_text.as_bytes()) {
                eprint_clean(&format!("error: cannot write {shown}: {e}"));
                return EXIT_UNREADABLE;
            }
            eprint_clean(&format!("wrote `{new_line}` to {shown}"));
        }
    }
    if left { EXIT_FINDINGS } else { EXIT_OK }
}

/// The command git runs: `journey` when the `journey` on the PATH is this
/// program, and otherwise this program's full path, quoted for the shell
/// git runs it through.
fn program() -> String {
    let Ok(me) = std::env::current_exe() else {
        return "journey".to_string();
    };
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("journey"))
            .find(|candidate| candidate.is_file())
    });
    if on_path.is_some_and(|found| same_file(&found, &me)) {
        return "journey".to_string();
    }
    let text = me.to_string_lossy();
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// Runs git and returns its standard output.
fn git(args: &[&str], dir: Option<&Path>) -> Result<String, String> {
    let mut command = Command::new("git");
    command.args(args);
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let out = command
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err.trim().to_string());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What adding the attributes to `.gitattributes` comes to.
#[derive(Debug, PartialEq, Eq)]
enum Edit {
    Unchanged,
    /// The pattern's line sets `diff` or `merge` otherwise: that line.
    Differs(String),
    /// The new text, and the line as it now is.
    Changed(String, String),
}

/// Adds `diff=journey merge=journey` to the line of `pattern`, or a new
/// line for it. Other attributes on that line stay; a different `diff` or
/// `merge` is only replaced with `force`.
fn attributes(text: &str, pattern: &str, force: bool) -> Edit {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let found = lines.iter().position(|l| {
        let mut words = l.split_whitespace();
        words.next() == Some(pattern)
    });
    let Some(i) = found else {
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        let line = format!("{pattern} {}", ATTRIBUTES.join(" "));
        out.push_str(&line);
        out.push('\n');
        return Edit::Changed(out, line);
    };
    let words: Vec<&str> = lines[i].split_whitespace().skip(1).collect();
    let ours = |w: &str| ATTRIBUTES.contains(&w);
    let touches = |w: &str| {
        let name = w.trim_start_matches(['-', '!']);
        let name = name.split('=').next().unwrap_or(name);
        name == "diff" || name == "merge"
    };
    if ATTRIBUTES.iter().all(|a| words.contains(a))
        && words.iter().filter(|w| touches(w)).all(|w| ours(w))
    {
        return Edit::Unchanged;
    }
    if words.iter().any(|w| touches(w) && !ours(w)) && !force {
        return Edit::Differs(lines[i].clone());
    }
    let mut kept: Vec<&str> = words.into_iter().filter(|w| !touches(w)).collect();
    kept.extend(ATTRIBUTES);
    let line = format!("{pattern} {}", kept.join(" "));
    lines[i] = line.clone();
    let mut out = lines.join("\n");
    out.push('\n');
    Edit::Changed(out, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_a_line_or_the_attributes_to_the_patterns_line() {
        assert_eq!(
            attributes("", "*.ron", false),
            Edit::Changed(
                "*.ron diff=journey merge=journey\n".into(),
                "*.ron diff=journey merge=journey".into()
            )
        );
        assert_eq!(
            attributes("*.png binary\n*.ron text", "*.ron", false),
            Edit::Changed(
                "*.png binary\n*.ron text diff=journey merge=journey\n".into(),
                "*.ron text diff=journey merge=journey".into()
            )
        );
        assert_eq!(
            attributes("*.ron merge=journey diff=journey\n", "*.ron", false),
            Edit::Unchanged
        );
    }

    #[test]
    fn a_different_driver_is_only_replaced_with_force() {
        let text = "*.ron diff=other\n";
        assert_eq!(
            attributes(text, "*.ron", false),
            Edit::Differs("*.ron diff=other".into())
        );
        assert_eq!(
            attributes(text, "*.ron", true),
            Edit::Changed(
                "*.ron diff=journey merge=journey\n".into(),
                "*.ron diff=journey merge=journey".into()
            )
        );
    }
}
