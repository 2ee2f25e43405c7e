//! `check --format gitlab`: GitLab Code Quality JSON, and the file names
//! CI annotations need: relative to the repository's top level.

use super::Outcome;
use crate::cli::{emit_line, eprint_clean};
use crate::core::text::printable;
use crate::core::validate::Severity;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// `file` relative to the top of the git repository that holds it (the
/// nearest folder above it with a `.git`), with `/` between its parts, as
/// GitHub and GitLab want it; the name as given where there is none.
pub fn repo_relative(file: &Path) -> PathBuf {
    let Ok(full) = std::fs::canonicalize(file) else {
        return file.to_path_buf();
    };
    let top = full
        .parent()
        .and_then(|dir| dir.ancestors().find(|a| a.join(".git").exists()));
    match top.and_then(|top| full.strip_prefix(top).ok()) {
        Some(relative) => relative.to_path_buf(),
        None => file.to_path_buf(),
    }
}

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// A stable fingerprint (64-bit FNV-1a, in hex): the same finding in the
/// same file keeps it from run to run, so GitLab can tell new findings
/// from old ones.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Prints every finding as one GitLab Code Quality JSON array.
pub fn print_gitlab(results: &[(&Path, Outcome)]) {
    let mut issues = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (file, outcome) in results {
        let path =
            printable(&repo_relative(file).to_string_lossy().replace('\\', "/")).into_owned();
        let mut push =
            |check_name: &str, severity, description: String, line: Option<usize>, id: &str| {
                // Two findings alike in every part still get their own print.
                let mut n = 0usize;
                let mut print = fingerprint(&[&path, check_name, id, &description]);
                while !seen.insert(print.clone()) {
                    n += 1;
                    print = fingerprint(&[&path, check_name, id, &description, &n.to_string()]);
                }
                issues.push(Issue {
                    description,
                    check_name: check_name.to_string(),
                    fingerprint: print,
                    severity,
                    location: Location {
                        path: path.clone(),
                        lines: Lines {
                            begin: line.unwrap_or(1),
                        },
                    },
                });
            };
        match outcome {
            Outcome::Unreadable(e) => push(
                "unreadable",
                "blocker",
                printable(&e.kind.to_string()).into_owned(),
                e.line,
                "",
            ),
            Outcome::Checked(diagnostics, _, _) => {
                for d in diagnostics {
                    let severity = match d.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                    };
                    push(
                        d.rule.name(),
                        severity,
                        printable(&d.message).into_owned(),
                        d.line,
                        &d.id,
                    );
                }
            }
        }
    }
    match serde_json::to_string_pretty(&issues) {
        Ok(json) => emit_line(&json),
        Err(e) => eprint_clean(&format!("error: cannot write JSON: {e}")),
    }
}
