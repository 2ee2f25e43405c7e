//! `journey diff`: a semantic diff by id, also git's external diff driver.

use super::diff_print::{Style, human, markdown};
use super::input::{is_dev_null, is_stdin, load_map};
use super::{DiffFormat, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, emit, emit_line, eprint_clean};
use crate::core::diff::changes::{MapDiff, diff};
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
    if is_stdin(old_path) && is_stdin(new_path) {
        eprint_clean("error: only one side of a diff can be standard input (`-`)");
        return EXIT_UNREADABLE;
    }
    let side = |path: &Path| -> Result<Option<Map>, ()> {
        if is_dev_null(path) {
            return Ok(None);
        }
        match load_map(path) {
            Ok(loaded) => Ok(Some(loaded.map)),
            Err(e) => {
                eprint_clean(&format!("error: {e}"));
                Err(())
            }
        }
    };
    let (Ok(old), Ok(new)) = (side(old_path), side(new_path)) else {
        return EXIT_UNREADABLE;
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
