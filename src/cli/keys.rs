//! `journey keys`: the key table in force (the defaults with the config's
//! bindings over them): mode, key, action, description.

use super::{EXIT_OK, KeysFormat, emit, emit_line, eprint_clean};
use crate::tui::conditions::condition;
use crate::tui::keymap::{Keymap, MODES};
use crate::tui::keymap_user::description;
use serde::Serialize;

/// One row of the table, as JSON writes it.
#[derive(Serialize)]
struct Row {
    mode: &'static str,
    key: String,
    action: &'static str,
    description: &'static str,
    /// The condition under which the binding applies (and is hinted), if any.
    when: Option<&'static str>,
}

fn rows(keymap: &Keymap) -> Vec<Row> {
    MODES
        .iter()
        .flat_map(|&mode| {
            keymap
                .bindings()
                .iter()
                .filter(move |b| b.mode == mode)
                .map(move |b| Row {
                    mode: mode.name(),
                    key: b.key.name(),
                    action: b.action.name().unwrap_or_default(),
                    description: description(mode, &b.action),
                    when: condition(mode, &b.action).map(|c| c.name()),
                })
        })
        .collect()
}

/// Prints the table.
pub fn run(format: KeysFormat) -> u8 {
    super::config::warn_config_problems();
    let keymap = super::config::settings(false, false).keymap;
    match format {
        KeysFormat::Human => emit(&human(&keymap)),
        KeysFormat::Markdown => emit(&markdown(&keymap)),
        KeysFormat::Json => match serde_json::to_string_pretty(&rows(&keymap)) {
            Ok(json) => emit_line(&json),
            Err(e) => eprint_clean(&format!("error: cannot write JSON: {e}")),
        },
    }
    EXIT_OK
}

/// Aligned columns: mode, key, action, description.
pub fn human(keymap: &Keymap) -> String {
    let rows = rows(keymap);
    let width =
        |f: fn(&Row) -> usize, head: &str| rows.iter().map(f).max().unwrap_or(0).max(head.len());
    let (m, k, a) = (
        width(|r| r.mode.len(), "mode"),
        width(|r| r.key.chars().count(), "key"),
        width(|r| r.action.len(), "action"),
    );
    let mut out = format!(
        "{:m$}  {:k$}  {:a$}  description\n",
        "mode", "key", "action"
    );
    for r in &rows {
        let when = r.when.map(|w| format!(" (when {w})")).unwrap_or_default();
        let line = format!(
            "{:m$}  {:k$}  {:a$}  {}{when}",
            r.mode, r.key, r.action, r.description
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One Markdown table for each mode, under the mode's title.
pub fn markdown(keymap: &Keymap) -> String {
    let rows = rows(keymap);
    let mut out = String::new();
    for mode in MODES {
        out.push_str(&format!("### {} (`{}`)\n\n", mode.title(), mode.name()));
        out.push_str("| key | action | description |\n|---|---|---|\n");
        for r in rows.iter().filter(|r| r.mode == mode.name()) {
            let key = match r.key.as_str() {
                "|" => "\\|".to_string(),
                "`" => "`` ` ``".to_string(),
                k => format!("`{k}`"),
            };
            let when = r.when.map(|w| format!(" (when `{w}`)")).unwrap_or_default();
            out.push_str(&format!(
                "| {key} | `{}` | {}{when} |\n",
                r.action,
                r.description.replace('|', "\\|")
            ));
        }
        out.push('\n');
    }
    out
}
