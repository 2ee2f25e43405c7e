//! The README's key tables say what `journey keys` says. Each table under a
//! `<!-- keys: MODE ... -->` marker lists keys and actions in the key
//! table's own notation; every key of a row must be bound (by default, in
//! that mode) to one of the row's actions, every action of a row must have
//! one of the row's keys, and the tables of a mode together hold every
//! default binding of that mode.

use assert_cmd::Command;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every default binding, from `journey keys --format json` with no config:
/// (mode, key) -> action.
fn default_bindings() -> BTreeMap<(String, String), String> {
    let home = tempfile::tempdir().expect("temp dir");
    let out = Command::cargo_bin("journey")
        .expect("the binary is built")
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("JOURNEY_CONFIG")
        .args(["keys", "--format", "json"])
        .output()
        .expect("journey keys runs");
    assert!(out.status.success(), "{out:?}");
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    rows.iter()
        .map(|r| {
            let field = |name: &str| r[name].as_str().expect("a string field").to_string();
            ((field("mode"), field("key")), field("action"))
        })
        .collect()
}

/// The text between backticks in `cell`, in order.
fn quoted(cell: &str) -> Vec<String> {
    cell.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// One README table row: its mode, keys and actions, and the line.
struct Row {
    mode: String,
    keys: Vec<String>,
    actions: Vec<String>,
    line: String,
}

fn readme_rows(readme: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut mode: Option<String> = None;
    let mut in_table = false;
    for line in readme.lines() {
        if let Some(rest) = line.strip_prefix("<!-- keys: ") {
            mode = rest.split_whitespace().next().map(str::to_string);
            in_table = false;
            continue;
        }
        let Some(current) = &mode else { continue };
        if !line.starts_with('|') {
            // The table ends at its first line that is no row; blank lines
            // may come between the marker and the table.
            if in_table || !line.trim().is_empty() {
                mode = None;
            }
            continue;
        }
        in_table = true;
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        if cells.len() < 3 || cells[0].trim() == "keys" || cells[0].starts_with("---") {
            continue;
        }
        rows.push(Row {
            mode: current.clone(),
            keys: quoted(cells[0]),
            actions: quoted(cells[1]),
            line: line.to_string(),
        });
    }
    rows
}

#[test]
fn the_readme_key_tables_match_the_key_table() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let bindings = default_bindings();
    let rows = readme_rows(&readme);
    assert!(
        rows.len() >= 20,
        "the README's key tables were found: {}",
        rows.len()
    );
    let mut covered: BTreeSet<(String, String)> = BTreeSet::new();
    let mut modes: BTreeSet<String> = BTreeSet::new();
    for row in &rows {
        modes.insert(row.mode.clone());
        assert!(
            !row.keys.is_empty() && !row.actions.is_empty(),
            "a row names its keys and actions in backticks: {}",
            row.line
        );
        for key in &row.keys {
            let bound = bindings.get(&(row.mode.clone(), key.clone()));
            match bound {
                Some(action) if row.actions.contains(action) => {
                    covered.insert((row.mode.clone(), key.clone()));
                }
                Some(action) => panic!(
                    "README says `{key}` does {:?} in {}, but it is bound to `{action}`: {}",
                    row.actions, row.mode, row.line
                ),
                None => panic!(
                    "README lists `{key}`, which is not bound in {}: {}",
                    row.mode, row.line
                ),
            }
        }
        for action in &row.actions {
            assert!(
                row.keys
                    .iter()
                    .any(|k| bindings.get(&(row.mode.clone(), k.clone())) == Some(action)),
                "README names `{action}` with none of its keys: {}",
                row.line
            );
        }
    }
    for mode in &modes {
        let missing: Vec<String> = bindings
            .iter()
            .filter(|((m, k), _)| m == mode && !covered.contains(&(m.clone(), k.clone())))
            .map(|((_, k), a)| format!("`{k}` ({a})"))
            .collect();
        assert!(
            missing.is_empty(),
            "the README's {mode} tables leave out: {}",
            missing.join(", ")
        );
    }
}
