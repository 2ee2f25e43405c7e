//! `journey check`: validate maps and print the findings.

use super::input::{dash_twice, expand_folders, is_dash, load_map, stdin_name};
use super::{CheckFormat, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, emit_line, eprint_clean};
use crate::core::format::LoadError;
use crate::core::samefile::shown_path;
use crate::core::text::printable;
use crate::core::validate::{Diagnostic, Item, Severity, attach_lines, validate, validate_source};
use serde::Serialize;
use std::path::{Path, PathBuf};

mod gitlab;
mod human;
mod parallel;

/// The version of the JSON document `--format json` prints.
pub const JSON_VERSION: u32 = 1;

/// What checking one file gave.
enum Outcome {
    Unreadable(LoadError),
    /// The findings; for each the column where its line's text begins
    /// (known where the line is); and how many warnings an `allow` silenced.
    Checked(Vec<Diagnostic>, Vec<Option<usize>>, usize),
}

/// Checks every file, prints the findings, and returns the exit code.
/// A folder stands for the maps under it, and `-` for standard input.
pub fn run(files: &[PathBuf], format: CheckFormat, deny_warnings: bool) -> u8 {
    if let Some(message) = dash_twice(files) {
        eprint_clean(&message);
        return EXIT_UNREADABLE;
    }
    let mut folder_problem = false;
    let files: Vec<PathBuf> = expand_folders(files)
        .into_iter()
        .filter_map(|f| {
            f.map_err(|message| {
                eprint_clean(&message);
                folder_problem = true;
            })
            .ok()
        })
        .collect();
    // Files are checked on every core, and so is the wording of their
    // findings for people (the only serial part left is writing it, one
    // write per file); the output keeps their order.
    let checked = parallel::map_in_order(&files, |f| {
        let outcome = check_file(f);
        let text = (format == CheckFormat::Human).then(|| human::render(shown(f), &outcome));
        (outcome, text)
    });
    let (outcomes, texts): (Vec<Outcome>, Vec<Option<human::Text>>) = checked.into_iter().unzip();
    let results: Vec<(&Path, Outcome)> = files
        .iter()
        .zip(outcomes)
        .map(|(f, outcome)| (shown(f), outcome))
        .collect();
    let unreadable = folder_problem
        || results
            .iter()
            .any(|(_, o)| matches!(o, Outcome::Unreadable(_)));
    let count = |severity| {
        results
            .iter()
            .map(|(_, o)| match o {
                Outcome::Checked(d, _, _) => d.iter().filter(|d| d.severity == severity).count(),
                Outcome::Unreadable(_) => 0,
            })
            .sum::<usize>()
    };
    let unreadable_files = results
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Unreadable(_)))
        .count();
    // An unreadable file is one error in the totals, as in the findings.
    let (errors, warnings) = (
        count(Severity::Error) + unreadable_files,
        count(Severity::Warning),
    );
    match format {
        CheckFormat::Human => human::print(texts.into_iter().flatten()),
        CheckFormat::Json => print_json(&results, errors, warnings),
        CheckFormat::Github => print_github(&results),
        CheckFormat::Gitlab => gitlab::print_gitlab(&results),
    }
    if unreadable {
        EXIT_UNREADABLE
    } else if errors > 0 || (deny_warnings && warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// The name `file` goes by in the output.
fn shown(file: &Path) -> &Path {
    if is_dash(file) { stdin_name() } else { file }
}

fn check_file(file: &Path) -> Outcome {
    match load_map(file) {
        Err(e) => Outcome::Unreadable(e),
        Ok(loaded) => {
            let source = loaded.source();
            let mut diagnostics = validate_source(&source);
            diagnostics.extend(validate(&loaded.map));
            let sorted = crate::core::allow::apply(&loaded.map, diagnostics);
            let mut diagnostics = sorted.findings;
            attach_lines(&mut diagnostics, &loaded.map, &source);
            diagnostics.sort_by_key(|d| d.line);
            let starts = line_starts(&loaded.text);
            let columns = diagnostics
                .iter()
                .map(|d| d.line.and_then(|l| column(&loaded.text, &starts, l)))
                .collect();
            Outcome::Checked(diagnostics, columns, sorted.allowed.len())
        }
    }
}

/// Where each line of `text` begins, so that finding one is a look-up and
/// a file with many findings is not read again for each.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect()
}

/// The 1-based column of the first character that is not blank on line
/// `line`: where the item the line names begins.
fn column(text: &str, starts: &[usize], line: usize) -> Option<usize> {
    let start = *starts.get(line.checked_sub(1)?)?;
    let content = text[start..].lines().next()?;
    let blank = content.chars().take_while(|c| c.is_whitespace()).count();
    Some(blank + 1)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    errors: usize,
    warnings: usize,
    /// Warnings an `allow` in the map silenced (not in `findings`).
    allowed: usize,
    unreadable: usize,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: String,
    rule: &'a str,
    severity: &'a str,
    message: String,
    line: Option<usize>,
    column: Option<usize>,
    /// What the finding is about: map, stage, touchpoint, persona, path, step.
    item: &'a str,
    id: Option<String>,
}

fn item_kind(item: Item) -> &'static str {
    match item {
        Item::Map => "map",
        Item::Stage { .. } => "stage",
        Item::Touchpoint { .. } => "touchpoint",
        Item::Persona { .. } => "persona",
        Item::Path { .. } => "path",
        Item::Step { .. } => "step",
    }
}

fn print_json(results: &[(&Path, Outcome)], errors: usize, warnings: usize) {
    let mut findings = Vec::new();
    let mut unreadable = 0;
    for (file, outcome) in results {
        let file_name = printable(&file.display().to_string()).into_owned();
        match outcome {
            Outcome::Unreadable(e) => {
                unreadable += 1;
                findings.push(JsonFinding {
                    file: file_name,
                    rule: "unreadable",
                    severity: "error",
                    message: printable(&e.kind.to_string()).into_owned(),
                    line: e.line,
                    column: e.col,
                    item: "file",
                    id: None,
                });
            }
            Outcome::Checked(diagnostics, columns, _) => {
                findings.extend(
                    diagnostics
                        .iter()
                        .zip(columns)
                        .map(|(d, column)| JsonFinding {
                            file: file_name.clone(),
                            rule: d.rule.name(),
                            severity: d.severity.label(),
                            message: printable(&d.message).into_owned(),
                            line: d.line,
                            column: *column,
                            item: item_kind(d.item),
                            id: (!d.id.is_empty()).then(|| printable(&d.id).into_owned()),
                        }),
                );
            }
        }
    }
    let allowed = results
        .iter()
        .map(|(_, o)| match o {
            Outcome::Checked(_, _, n) => *n,
            Outcome::Unreadable(_) => 0,
        })
        .sum();
    let report = JsonReport {
        version: JSON_VERSION,
        errors,
        warnings,
        allowed,
        unreadable,
        findings,
    };
    match serde_json::to_string_pretty(&report) {
        Ok(json) => emit_line(&json),
        Err(e) => eprint_clean(&format!("error: cannot write JSON: {e}")),
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,title=…::message`.
fn print_github(results: &[(&Path, Outcome)]) {
    for (file, outcome) in results {
        // Relative to the repository's top, where annotations are anchored.
        let file_prop = escape_property(&shown_path(&gitlab::repo_relative(file)));
        match outcome {
            Outcome::Unreadable(e) => {
                let mut props = format!("file={file_prop}");
                if let Some(line) = e.line {
                    props.push_str(&format!(",line={line}"));
                }
                if let Some(col) = e.col {
                    props.push_str(&format!(",col={col}"));
                }
                emit_line(&format!(
                    "::error {props},title=journey unreadable::{}",
                    escape_data(&e.kind.to_string())
                ));
            }
            Outcome::Checked(diagnostics, columns, _) => {
                for (d, column) in diagnostics.iter().zip(columns) {
                    let mut props = format!("file={file_prop}");
                    if let Some(line) = d.line {
                        props.push_str(&format!(",line={line}"));
                    }
                    if let Some(col) = column {
                        props.push_str(&format!(",col={col}"));
                    }
                    emit_line(&format!(
                        "::{} {props},title=journey {}::{}",
                        d.severity.label(),
                        d.rule.name(),
                        escape_data(&d.message)
                    ));
                }
            }
        }
    }
}

fn escape_data(s: &str) -> String {
    printable(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
