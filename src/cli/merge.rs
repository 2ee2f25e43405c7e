//! `journey merge`: a three-way merge by id, also git's merge driver.

use super::input::{is_dash, load_map};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, emit, eprint_clean};
use crate::core::format::{LoadErrorKind, write_atomic};
use crate::core::merge::merge;
use crate::core::model::Map;
use crate::core::samefile::shown_path;
use std::path::Path;

/// Merges THEIRS into OURS against BASE and writes the result into OURS
/// (or `output`; `-` is stdout). Exit 0 clean, 1 conflicts (written with
/// markers), 2 when a side cannot be read (then nothing is written).
pub fn run(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    output: Option<&Path>,
    shown: Option<&Path>,
) -> u8 {
    if [base, ours, theirs].iter().filter(|p| is_dash(p)).count() > 1 {
        eprint_clean("error: only one of BASE, OURS and THEIRS can be standard input (`-`)");
        return EXIT_UNREADABLE;
    }
    let out = output.unwrap_or(ours);
    if is_dash(out) && output.is_none() {
        eprint_clean("error: OURS is standard input; say where the result goes with --output");
        return EXIT_UNREADABLE;
    }
    let name = shown_path(shown.unwrap_or(if is_dash(out) { ours } else { out }));
    let mut maps = Vec::new();
    for side in [base, ours, theirs] {
        match load_map(side) {
            Ok(loaded) => maps.push(loaded.map),
            // Git gives an empty base where both sides added the file:
            // everything in it is then an addition.
            Err(e) if side == base && matches!(e.kind, LoadErrorKind::Empty) => {
                maps.push(Map::new(""));
            }
            Err(e) => {
                eprint_clean(&format!("error: {e}"));
                eprint_clean(&format!("error: {name}: not merged; nothing was written"));
                return EXIT_UNREADABLE;
            }
        }
    }
    let merged = merge(&maps[0], &maps[1], &maps[2]);
    if is_dash(out) {
        emit(&merged.text);
    } else if let Err(e) = write_atomic(out, merged.text.as_bytes()) {
        eprint_clean(&format!("error: cannot write {}: {e}", shown_path(out)));
        return EXIT_UNREADABLE;
    }
    if merged.is_clean() {
        eprint_clean(&format!("{name}: merged cleanly"));
        return EXIT_OK;
    }
    let n = merged.conflicts.len();
    eprint_clean(&format!(
        "{name}: {n} conflict{}; resolve {} between the <<<<<<< and >>>>>>> lines, then run `journey check`",
        if n == 1 { "" } else { "s" },
        if n == 1 { "it" } else { "them" },
    ));
    for c in &merged.conflicts {
        eprint_clean(&format!("conflict: {}", c.describe()));
    }
    EXIT_FINDINGS
}
