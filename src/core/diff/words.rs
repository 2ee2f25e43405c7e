//! Word diffs of long text, so that a reviewer sees which words of a note
//! changed rather than two paragraphs.

use similar::{ChangeTag, TextDiff};

/// Text longer than this (in characters, on either side) is shown as a
/// word diff; shorter text as old → new.
pub const WORD_DIFF_FROM: usize = 40;

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Same(String),
    Removed(String),
    Added(String),
}

/// The word diff of `old` and `new`, adjacent runs of one kind joined.
pub fn word_diff(old: &str, new: &str) -> Vec<Run> {
    let diff = TextDiff::from_words(old, new);
    let mut runs: Vec<Run> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), runs.last_mut()) {
            (ChangeTag::Equal, Some(Run::Same(s)))
            | (ChangeTag::Delete, Some(Run::Removed(s)))
            | (ChangeTag::Insert, Some(Run::Added(s))) => s.push_str(text),
            (ChangeTag::Equal, _) => runs.push(Run::Same(text.to_string())),
            (ChangeTag::Delete, _) => runs.push(Run::Removed(text.to_string())),
            (ChangeTag::Insert, _) => runs.push(Run::Added(text.to_string())),
        }
    }
    runs
}

/// Whether two values are long enough to be shown as a word diff.
pub fn wants_word_diff(old: &str, new: &str) -> bool {
    old.chars().count() > WORD_DIFF_FROM || new.chars().count() > WORD_DIFF_FROM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_changed_words_only() {
        let runs = word_diff(
            "The test score is quoted in every later review",
            "The test score is cited in every later review",
        );
        assert_eq!(
            runs,
            vec![
                Run::Same("The test score is ".into()),
                Run::Removed("quoted".into()),
                Run::Added("cited".into()),
                Run::Same(" in every later review".into()),
            ]
        );
    }
}
