//! `journey diff`: a semantic diff by id, also git's external diff driver.

use super::diff_print::{Style, human, markdown};
use super::input::{is_dash, is_dev_null, is_text_but_no_map, load_map};
use super::{DiffFormat, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, emit, emit_line, eprint_clean};
use crate::core::diff::changes::{MapDiff, diff};
use crate::core::format::LoadError;
use crate::core::model::Map;
use crate::core::samefile::shown_path;
use serde::Serialize;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The version of the JSON document `--format json` prints.
pub const JSON_VERSION: u32 = 1;

/// Compares two maps (or, given git's seven arguments, the two sides git
/// names) and prints the changes. Exit 0 same, 1 different, 2 unreadable;
/// under git 0 whenever both sides could be read, since git takes any
/// other code for a failure.
pub fn run(args: &[PathBuf], format: DiffFormat) -> u8 {
    let (old_path, new_path, git_path) = match args {
        [old, new] => (old, new, None),
        [path, old, _, _, new, _, _] => (old, new, Some(path.as_path())),
        _ => {
            eprint_clean(
                "error: journey diff takes two maps (OLD NEW), or the seven arguments git passes to an external diff",
            );
            return EXIT_UNREADABLE;
        }
    };
    if is_dash(old_path) && is_dash(new_path) {
        eprint_clean("error: only one side of a diff can be standard input (`-`)");
        return EXIT_UNREADABLE;
    }
    let side = |path: &Path| -> Result<Option<Map>, LoadError> {
        if is_dev_null(path) {
            return Ok(None);
        }
        load_map(path).map(|loaded| Some(loaded.map))
    };
    let (old, new) = match (side(old_path), side(new_path)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let errors = [old.err(), new.err()];
            if let Some(path) = git_path
                && errors.iter().flatten().all(|e| is_text_but_no_map(&e.kind))
            {
                // Under git a `*.ron` file that is no map must not stop
                // `git diff`: it gets a line diff instead.
                return line_diff(path, old_path, new_path, &errors);
            }
            for e in errors.iter().flatten() {
                eprint_clean(&format!("error: {e}"));
            }
            return EXIT_UNREADABLE;
        }
    };
    let (old_name, new_name) = match git_path {
        Some(path) => (shown_path(path), shown_path(path)),
        None => (shown_path(old_path), shown_path(new_path)),
    };
    let lifecycle = match (&old, &new) {
        (None, Some(_)) => Some("added"),
        (Some(_), None) => Some("deleted"),
        _ => None,
    };
    let empty_like = |other: &Option<Map>| {
        let mut m = Map::new(other.as_ref().map_or("", |m| m.title.as_str()));
        m.format = other.as_ref().map_or(m.format, |m| m.format);
        m
    };
    let old = old.unwrap_or_else(|| empty_like(&new));
    let new = new.unwrap_or_else(|| empty_like(&Some(old.clone())));
    let changes = diff(&old, &new);
    let header = git_path.map(|_| match lifecycle {
        Some(what) => format!("journey diff {new_name} ({what})"),
        None => format!("journey diff {new_name}"),
    });
    print(&changes, format, header.as_deref(), &old_name, &new_name);
    if git_path.is_some() || changes.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

/// A unified line diff of two text files, for a side that is no map.
fn line_diff(path: &Path, old: &Path, new: &Path, errors: &[Option<LoadError>]) -> u8 {
    let read = |p: &Path| -> Result<String, u8> {
        if is_dev_null(p) {
            return Ok(String::new());
        }
        std::fs::read(p)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| {
                eprint_clean(&format!("error: cannot read {}: {e}", shown_path(p)));
                EXIT_UNREADABLE
            })
    };
    let (a, b) = match (read(old), read(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let shown = shown_path(path);
    for e in errors.iter().flatten() {
        emit_line(&format!(
            "journey diff {shown}: not a map ({}); a line diff follows",
            crate::core::text::printable(&e.kind.to_string())
        ));
    }
    let diff = similar::TextDiff::from_lines(&a, &b);
    let old_name = format!("a/{shown}");
    let new_name = format!("b/{shown}");
    emit(&crate::core::text::printable(
        &diff.unified_diff().header(&old_name, &new_name).to_string(),
    ));
    EXIT_OK
}

fn print(changes: &MapDiff, format: DiffFormat, header: Option<&str>, old: &str, new: &str) {
    match format {
        DiffFormat::Human => {
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let style = if color { Style::Ansi } else { Style::Plain };
            if let Some(header) = header {
                emit_line(&style.bold(&crate::core::text::printable(header)));
            }
            emit(&human(changes, style));
        }
        DiffFormat::Markdown => emit(&markdown(changes, old, new)),
        DiffFormat::Json => {
            #[derive(Serialize)]
            struct Report<'a> {
                version: u32,
                old: &'a str,
                new: &'a str,
                same: bool,
                summary: String,
                changes: &'a [crate::core::diff::changes::Change],
            }
            let report = Report {
                version: JSON_VERSION,
                old,
                new,
                same: changes.is_empty(),
                summary: changes.summary(),
                changes: &changes.changes,
            };
            match serde_json::to_string_pretty(&report) {
                Ok(json) => emit_line(&json),
                Err(e) => eprint_clean(&format!("error: cannot write JSON: {e}")),
            }
        }
    }
}
