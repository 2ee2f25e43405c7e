//! `check`'s output for people: one line per finding on stdout, then a
//! summary line on stderr. Each file's text is worded on the thread that
//! checked it, and written with one call: printing line by line on the
//! main thread was the serial tenth of a many-file run (a write and a
//! path escape per finding).

use super::{Outcome, plural};
use crate::cli::{emit, eprint_clean};
use crate::core::samefile::shown_path;
use crate::core::text::printable;
use crate::core::validate::Severity;
use std::fmt::Write;
use std::path::Path;

/// One file's output: what goes to stdout, and the line for stderr.
pub struct Text {
    findings: String,
    summary: String,
}

/// Words the output for `file`'s `outcome`.
pub fn render(file: &Path, outcome: &Outcome) -> Text {
    match outcome {
        Outcome::Unreadable(e) => Text {
            findings: String::new(),
            summary: format!("error: {e}"),
        },
        Outcome::Checked(diagnostics, _, allowed) => {
            let mut findings = String::new();
            let shown = shown_path(file);
            for d in diagnostics {
                let colour = match d.severity {
                    Severity::Error => "1;31",
                    Severity::Warning => "33",
                };
                let place = match d.line {
                    Some(line) => format!("{shown}:{line}"),
                    None => shown.clone(),
                };
                let _ = writeln!(
                    findings,
                    "{place}: {}[{}]: {}",
                    crate::cli::color::paint(d.severity.label(), colour),
                    d.rule.name(),
                    printable(&d.message)
                );
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = diagnostics.len() - errors;
            let mut summary = if diagnostics.is_empty() {
                "ok".to_string()
            } else {
                format!(
                    "{} and {}",
                    plural(errors, "error"),
                    plural(warnings, "warning")
                )
            };
            if *allowed > 0 {
                summary.push_str(&format!(" ({} allowed)", plural(*allowed, "warning")));
            }
            Text {
                findings,
                summary: format!("{shown}: {summary}"),
            }
        }
    }
}

/// Writes each file's findings, then its summary, in order.
pub fn print(texts: impl Iterator<Item = Text>) {
    for text in texts {
        emit(&text.findings);
        eprint_clean(&text.summary);
    }
}
