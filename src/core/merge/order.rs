//! Merging the order of a list of items with ids (stages, the touchpoints
//! of a stage, personas, paths): each side's moves and additions are kept,
//! additions next to each other on both sides come ours first.

use crate::core::diff::changes::in_order;
use std::collections::BTreeSet;

/// Which side's placement wins where both sides moved one item to
/// different places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// The merged order of the ids in `keep`, from their order in base, ours
/// and theirs. Returns the order and the ids that both sides moved to
/// different places (placed as `side` says).
pub fn merge_order(
    base: &[&str],
    ours: &[&str],
    theirs: &[&str],
    keep: &BTreeSet<&str>,
    side: Side,
) -> (Vec<String>, Vec<String>) {
    let only = |list: &[&str]| -> Vec<String> {
        let mut seen = BTreeSet::new();
        list.iter()
            .filter(|id| keep.contains(*id) && seen.insert(**id))
            .map(|id| id.to_string())
            .collect()
    };
    let (b, o, t) = (only(base), only(ours), only(theirs));
    let (br, or, tr) = (refs(&b), refs(&o), refs(&t));
    let in_b: BTreeSet<&str> = br.iter().copied().collect();
    let in_o: BTreeSet<&str> = or.iter().copied().collect();
    let in_t: BTreeSet<&str> = tr.iter().copied().collect();
    let kept_o = in_order(&br, &or);
    let kept_t = in_order(&br, &tr);
    let moved_o = |id: &str| in_b.contains(id) && in_o.contains(id) && !kept_o.contains(id);
    let moved_t = |id: &str| in_b.contains(id) && in_t.contains(id) && !kept_t.contains(id);

    // Where both moved an item, they agree if it follows the same item in
    // both (among the items both hold).
    let both: Vec<&str> = or.iter().copied().filter(|id| in_t.contains(id)).collect();
    let both_t: Vec<&str> = tr.iter().copied().filter(|id| in_o.contains(id)).collect();
    let before = |list: &[&str], id: &str| -> Option<String> {
        let i = list.iter().position(|x| *x == id)?;
        i.checked_sub(1).map(|p| list[p].to_string())
    };
    let mut clashes = Vec::new();
    let mut theirs_placed: BTreeSet<&str> = BTreeSet::new();
    for id in &tr {
        let placed = if !in_o.contains(id) {
            true
        } else if moved_t(id) && moved_o(id) {
            if before(&both, id) != before(&both_t, id) {
                clashes.push(id.to_string());
                side == Side::Theirs
            } else {
                false
            }
        } else {
            moved_t(id)
        };
        if placed {
            theirs_placed.insert(id);
        }
    }

    let mut result: Vec<&str> = or
        .iter()
        .copied()
        .filter(|id| !theirs_placed.contains(id))
        .collect();
    for (i, id) in tr.iter().enumerate() {
        if !theirs_placed.contains(id) {
            continue;
        }
        // Between its neighbours in theirs that are already placed. Where
        // ours put items between those two, theirs' item goes after them:
        // ours first. Where ours moved the neighbours apart the other way,
        // after the one before it, past ours' own additions there.
        let position = |x: &&str| result.iter().position(|r| r == x);
        let after = tr[..i].iter().rev().find_map(position).map(|a| a + 1);
        let until = tr[i + 1..].iter().find_map(position);
        let at = match (after, until) {
            (Some(a), Some(u)) if u >= a => u,
            (None, Some(u)) => u,
            (_, None) => result.len(),
            (a, Some(_)) => {
                let mut at = a.unwrap_or(0);
                while at < result.len() && !in_t.contains(result[at]) {
                    at += 1;
                }
                at
            }
        };
        result.insert(at, id);
    }
    (result.into_iter().map(str::to_string).collect(), clashes)
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(base: &[&str], ours: &[&str], theirs: &[&str]) -> Vec<String> {
        let keep: BTreeSet<&str> = base.iter().chain(ours).chain(theirs).copied().collect();
        let (order, clashes) = merge_order(base, ours, theirs, &keep, Side::Ours);
        assert!(clashes.is_empty(), "{clashes:?}");
        order
    }

    #[test]
    fn neighbouring_additions_keep_ours_first() {
        assert_eq!(
            run(&["a", "b"], &["a", "x", "b"], &["a", "y", "b"]),
            ["a", "x", "y", "b"]
        );
        assert_eq!(run(&["a"], &["a", "x"], &["a", "y"]), ["a", "x", "y"]);
        assert_eq!(run(&["a"], &["x", "a"], &["y", "a"]), ["x", "y", "a"]);
    }

    #[test]
    fn a_move_on_one_side_and_an_addition_on_the_other() {
        assert_eq!(
            run(&["a", "b", "c"], &["b", "c", "a"], &["a", "b", "y", "c"]),
            ["b", "y", "c", "a"]
        );
        assert_eq!(
            run(&["a", "b", "c"], &["a", "b", "c", "x"], &["c", "a", "b"]),
            ["c", "a", "b", "x"]
        );
    }

    #[test]
    fn an_addition_at_the_end_follows_a_move_to_the_end() {
        assert_eq!(
            run(
                &["a", "b", "c", "d"],
                &["a", "b", "d", "c"],
                &["a", "b", "c", "d", "y"]
            ),
            ["a", "b", "d", "c", "y"]
        );
    }

    #[test]
    fn different_moves_of_one_item_clash() {
        let base = ["a", "b", "c", "d", "e"];
        let ours = ["b", "c", "a", "d", "e"];
        let theirs = ["b", "c", "d", "a", "e"];
        let keep: BTreeSet<&str> = base.into_iter().collect();
        let (merged, clashes) = merge_order(&base, &ours, &theirs, &keep, Side::Ours);
        assert_eq!(clashes, ["a"]);
        assert_eq!(merged, ours);
        let (merged, _) = merge_order(&base, &ours, &theirs, &keep, Side::Theirs);
        assert_eq!(merged, theirs);
    }

    #[test]
    fn the_same_move_on_both_sides_is_made_once() {
        let base = ["a", "b", "c", "d"];
        let moved = ["b", "c", "a", "d"];
        assert_eq!(run(&base, &moved, &moved), moved);
    }
}
