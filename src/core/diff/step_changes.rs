//! Changes to a path's steps: a sequence diff on the touchpoints visited.

use super::changes::What;
use crate::core::model::Step;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::BTreeMap;

/// Step changes: a sequence diff on the touchpoints visited, then emotion
/// and note changes of the steps both sides keep. The same steps in another
/// order are one reorder, not a removal and an addition each.
pub fn steps(old: &[Step], new: &[Step]) -> Vec<What> {
    let a: Vec<&str> = old.iter().map(|s| s.touchpoint.as_str()).collect();
    let b: Vec<&str> = new.iter().map(|s| s.touchpoint.as_str()).collect();
    let mut sorted_a = a.clone();
    let mut sorted_b = b.clone();
    sorted_a.sort_unstable();
    sorted_b.sort_unstable();
    let mut out = Vec::new();
    if a != b && sorted_a == sorted_b {
        out.push(What::StepsReordered {
            old: a.iter().map(|s| s.to_string()).collect(),
            new: b.iter().map(|s| s.to_string()).collect(),
        });
        // Steps keep their emotion and note with their touchpoint: compare
        // the nth visit of each touchpoint.
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (j, step) in new.iter().enumerate() {
            let n = seen.entry(step.touchpoint.as_str()).or_insert(0);
            let before = old
                .iter()
                .filter(|s| s.touchpoint == step.touchpoint)
                .nth(*n);
            *n += 1;
            if let Some(before) = before {
                step_fields(before, step, j, &mut out);
            }
        }
        return out;
    }
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    step_fields(
                        &old[old_index + k],
                        &new[new_index + k],
                        new_index + k,
                        &mut out,
                    );
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for (k, s) in old[old_index..old_index + old_len].iter().enumerate() {
                    out.push(What::StepRemoved {
                        step: old_index + k + 1,
                        touchpoint: s.touchpoint.clone(),
                    });
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for (k, s) in new[new_index..new_index + new_len].iter().enumerate() {
                    out.push(What::StepAdded {
                        step: new_index + k + 1,
                        touchpoint: s.touchpoint.clone(),
                    });
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                for (k, s) in old[old_index..old_index + old_len].iter().enumerate() {
                    out.push(What::StepRemoved {
                        step: old_index + k + 1,
                        touchpoint: s.touchpoint.clone(),
                    });
                }
                for (k, s) in new[new_index..new_index + new_len].iter().enumerate() {
                    out.push(What::StepAdded {
                        step: new_index + k + 1,
                        touchpoint: s.touchpoint.clone(),
                    });
                }
            }
        }
    }
    out
}

fn step_fields(old: &Step, new: &Step, index: usize, out: &mut Vec<What>) {
    let emotion = |s: &Step| s.emotion.map(|e| format!("{e:+}").replace("+0", "0"));
    let note = |s: &Step| (!s.note.is_empty()).then(|| s.note.clone());
    for (field, a, b) in [
        ("emotion", emotion(old), emotion(new)),
        ("note", note(old), note(new)),
    ] {
        if a != b {
            out.push(What::StepChanged {
                step: index + 1,
                touchpoint: new.touchpoint.clone(),
                field,
                old: a,
                new: b,
            });
        }
    }
}
