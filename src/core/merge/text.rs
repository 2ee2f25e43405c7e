//! Writing a conflicted merge: the canonical layout with git's conflict
//! markers around each block where the two resolutions differ, each named
//! with the item it belongs to.

use super::Conflict;
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// The text of `ours` with every block where `theirs` differs wrapped in
/// `<<<<<<<`, `=======` and `>>>>>>>` lines.
pub fn with_markers(ours: &str, theirs: &str, conflicts: &[Conflict]) -> String {
    let a: Vec<&str> = ours.split_inclusive('\n').collect();
    let b: Vec<&str> = theirs.split_inclusive('\n').collect();
    let mut out = String::with_capacity(ours.len() + 256);
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (old, new) = match op {
            DiffOp::Equal { old_index, len, .. } => {
                a[old_index..old_index + len]
                    .iter()
                    .for_each(|l| out.push_str(l));
                continue;
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => (&a[old_index..old_index + old_len], &b[0..0]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (&a[0..0], &b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                &a[old_index..old_index + old_len],
                &b[new_index..new_index + new_len],
            ),
        };
        let label = label(&out, old, new, conflicts);
        out.push_str(&format!("<<<<<<< ours: {label}\n"));
        old.iter().for_each(|l| out.push_str(l));
        out.push_str("=======\n");
        new.iter().for_each(|l| out.push_str(l));
        out.push_str(&format!(">>>>>>> theirs: {label}\n"));
    }
    out
}

/// The id on an `id: "…"` line of the canonical layout.
fn id_on(line: &str) -> Option<&str> {
    line.trim_start()
        .strip_prefix("id: \"")?
        .trim_end()
        .strip_suffix("\",")
}

/// Names the item a block belongs to: the first item that starts in it, or
/// else the item whose fields come just before it (every item's id is its
/// first field).
fn label(before: &str, old: &[&str], new: &[&str], conflicts: &[Conflict]) -> String {
    let id = old
        .iter()
        .chain(new)
        .find_map(|l| id_on(l))
        .or_else(|| before.lines().rev().find_map(id_on));
    let found = id.and_then(|id| conflicts.iter().find(|c| c.id == id));
    let found = found.or_else(|| {
        id.is_none()
            .then(|| conflicts.iter().find(|c| c.id.is_empty()))
            .flatten()
    });
    match found {
        Some(c) => crate::core::text::printable(&c.describe()).replace(['\n', '\r'], " "),
        None => "conflict".to_string(),
    }
}
