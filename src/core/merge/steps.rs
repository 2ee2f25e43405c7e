//! Merging a path's steps: steps are a sequence, not a set, so they merge
//! as a three-way sequence merge (diff3), aligned on the touchpoints they
//! visit; a step both sides keep merges its emotion and note field by field.

use super::order::Side;
use crate::core::model::Step;
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// What merging two step lists found that could not be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepClash {
    /// Both sides changed the same run of steps differently.
    Steps,
    /// Both sides changed the emotion or the note of one step differently.
    Field { step: usize, field: &'static str },
}

/// For each base index, the index of the same step in `other`, if kept.
fn matching(base: &[Step], other: &[Step]) -> Vec<Option<usize>> {
    let a: Vec<&str> = base.iter().map(|s| s.touchpoint.as_str()).collect();
    let b: Vec<&str> = other.iter().map(|s| s.touchpoint.as_str()).collect();
    let mut m = vec![None; base.len()];
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                m[old_index + k] = Some(new_index + k);
            }
        }
    }
    m
}

/// Picks one value from three: a change on one side wins, the same change
/// on both is taken once, and different changes clash (then `side` wins).
pub fn pick<T: PartialEq + Clone>(base: Option<&T>, ours: &T, theirs: &T, side: Side) -> (T, bool) {
    if ours == theirs {
        return (ours.clone(), false);
    }
    match base {
        Some(b) if b == ours => (theirs.clone(), false),
        Some(b) if b == theirs => (ours.clone(), false),
        _ => match side {
            Side::Ours => (ours.clone(), true),
            Side::Theirs => (theirs.clone(), true),
        },
    }
}

/// The merged steps, and what clashed.
pub fn merge_steps(
    base: &[Step],
    ours: &[Step],
    theirs: &[Step],
    side: Side,
) -> (Vec<Step>, Vec<StepClash>) {
    let mo = matching(base, ours);
    let mt = matching(base, theirs);
    let mut out = Vec::new();
    let mut clashes = Vec::new();
    let (mut ib, mut io, mut it) = (0, 0, 0);
    loop {
        if ib < base.len() && mo[ib] == Some(io) && mt[ib] == Some(it) {
            let (b, o, t) = (&base[ib], &ours[io], &theirs[it]);
            let (emotion, c1) = pick(Some(&b.emotion), &o.emotion, &t.emotion, side);
            let (note, c2) = pick(Some(&b.note), &o.note, &t.note, side);
            for (clash, field) in [(c1, "emotion"), (c2, "note")] {
                if clash {
                    clashes.push(StepClash::Field {
                        step: out.len() + 1,
                        field,
                    });
                }
            }
            out.push(Step {
                touchpoint: o.touchpoint.clone(),
                emotion,
                note,
            });
            (ib, io, it) = (ib + 1, io + 1, it + 1);
            continue;
        }
        // The next step that all three hold, or the ends.
        let sync = (ib..base.len())
            .find(|&j| matches!((mo[j], mt[j]), (Some(a), Some(b)) if a >= io && b >= it));
        let (jb, jo, jt) = match sync {
            Some(j) => (j, mo[j].unwrap_or(io), mt[j].unwrap_or(it)),
            None => (base.len(), ours.len(), theirs.len()),
        };
        let (b, o, t) = (&base[ib..jb], &ours[io..jo], &theirs[it..jt]);
        if b.is_empty() && o.is_empty() && t.is_empty() {
            break;
        }
        let kept = both_delete(
            b,
            (&mo[ib..jb], ours, o.len()),
            (&mt[ib..jb], theirs, t.len()),
        );
        if let Some(kept) = kept {
            out.extend(kept);
        } else if b.is_empty() && o != t {
            // Steps inserted at one place on both sides: both kept, ours
            // first, as with touchpoints added next to each other.
            out.extend(o.iter().cloned());
            out.extend(t.iter().cloned());
        } else {
            let (chunk, clash) = pick(Some(&b.to_vec()), &o.to_vec(), &t.to_vec(), side);
            if clash {
                clashes.push(StepClash::Steps);
            }
            out.extend(chunk);
        }
        (ib, io, it) = (jb, jo, jt);
        if sync.is_none() {
            break;
        }
    }
    (out, clashes)
}

/// Where both sides only deleted steps from a run (neighbouring
/// deletions): the run without either's deletions, which is nothing, since
/// a run between sync points holds no step that both sides kept. `None`
/// where a side added a step, or changed one that the other deleted.
/// Each side is its matching over the run, the whole side (the matching
/// points into it) and the length of its part of the run.
fn both_delete(
    base: &[Step],
    ours: (&[Option<usize>], &[Step], usize),
    theirs: (&[Option<usize>], &[Step], usize),
) -> Option<Vec<Step>> {
    let only_deletes = |(m, side, len): (&[Option<usize>], &[Step], usize)| {
        m.iter().flatten().count() == len
            && m.iter()
                .zip(base)
                .all(|(k, b)| k.is_none_or(|k| side.get(k) == Some(b)))
    };
    (only_deletes(ours) && only_deletes(theirs)).then(Vec::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(ids: &str) -> Vec<Step> {
        ids.split_whitespace()
            .map(|id| Step {
                touchpoint: id.into(),
                emotion: None,
                note: String::new(),
            })
            .collect()
    }

    fn ids(steps: &[Step]) -> String {
        steps
            .iter()
            .map(|s| s.touchpoint.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn edits_at_different_steps_merge() {
        let (merged, clashes) = merge_steps(
            &steps("a b c d"),
            &steps("x a b c d"),
            &steps("a b d y"),
            Side::Ours,
        );
        assert!(clashes.is_empty());
        assert_eq!(ids(&merged), "x a b d y");
    }

    #[test]
    fn a_note_on_one_side_and_a_new_step_on_the_other() {
        let mut ours = steps("a b c");
        ours[1].emotion = Some(-1);
        let (merged, clashes) = merge_steps(&steps("a b c"), &ours, &steps("a b c d"), Side::Ours);
        assert!(clashes.is_empty());
        assert_eq!(ids(&merged), "a b c d");
        assert_eq!(merged[1].emotion, Some(-1));
    }

    #[test]
    fn insertions_at_one_place_keep_both_ours_first() {
        let (merged, clashes) =
            merge_steps(&steps("a b"), &steps("a x b"), &steps("a y b"), Side::Ours);
        assert!(clashes.is_empty());
        assert_eq!(ids(&merged), "a x y b");
    }

    #[test]
    fn neighbouring_deletions_merge() {
        let (merged, clashes) = merge_steps(
            &steps("a b c d"),
            &steps("b c d"),
            &steps("a c d"),
            Side::Ours,
        );
        assert!(clashes.is_empty());
        assert_eq!(ids(&merged), "c d");
    }

    #[test]
    fn a_deletion_against_an_edited_step_clashes() {
        let mut ours = steps("a b c");
        ours[0].note = "changed".into();
        let (_, clashes) = merge_steps(&steps("a b c"), &ours, &steps("c"), Side::Ours);
        assert_eq!(clashes, [StepClash::Steps]);
    }

    #[test]
    fn different_changes_to_one_run_clash() {
        let (ours, clashes) = merge_steps(
            &steps("a b c"),
            &steps("a x c"),
            &steps("a y c"),
            Side::Ours,
        );
        assert_eq!(clashes, [StepClash::Steps]);
        assert_eq!(ids(&ours), "a x c");
        let (theirs, _) = merge_steps(
            &steps("a b c"),
            &steps("a x c"),
            &steps("a y c"),
            Side::Theirs,
        );
        assert_eq!(ids(&theirs), "a y c");
    }
}
