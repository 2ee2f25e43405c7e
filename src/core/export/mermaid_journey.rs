//! Mermaid's own `journey` diagram: the stages are sections, the touchpoints
//! the paths visit are tasks, the score is the emotion moved onto 1..5, and
//! the actors are the personas.
//!
//! The syntax is narrow: a name ends at `:`, `#` or `;` (and an actor at
//! `,`), `%%` starts a comment, a task named like a statement (`title`,
//! `section`, `journey`, `accTitle`, `accDescr`, `%`) is read as one, and
//! actors are ordered by first appearance. What cannot be carried is
//! replaced, marked or averaged, and every loss is named in
//! [`Exported::warnings`].

use super::{Exported, Index, Options, clean, is_blank};
use crate::core::model::{Map, Persona};
use crate::core::text::{NAME_MAX, cut};
use std::fmt::Write;

/// How many examples a warning lists before it says "and N more".
const EXAMPLES: usize = 5;

/// The map as a Mermaid journey diagram, with what it lost.
pub fn export(map: &Map, options: &Options) -> Exported {
    let index = Index::new(map);
    let personas: Vec<(usize, &Persona)> = options.personas(map).collect();
    let n = index.touchpoints.len();
    let mut visitors: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut score_sum = vec![0u32; n];
    let mut score_count = vec![0u32; n];
    let mut mixed = vec![false; n];
    for (shown, (_, persona)) in personas.iter().enumerate() {
        for step in persona.paths.iter().flat_map(|p| &p.steps) {
            let Some(t) = index.get(&step.touchpoint) else {
                continue;
            };
            if visitors[t].last() != Some(&shown) {
                visitors[t].push(shown);
            }
            if let Some(e) = step.emotion {
                let score = emotion_score(e);
                if score_count[t] > 0 && score_sum[t] != score * score_count[t] {
                    mixed[t] = true;
                }
                score_sum[t] += score;
                score_count[t] += 1;
            }
        }
    }

    let mut lost = Losses::default();
    // Every task lists its actors by name: a long one is cut, so that the
    // diagram stays bounded by the size of the map.
    let actor_names: Vec<String> = personas
        .iter()
        .map(|(_, p)| {
            let name = lost.name(&p.name, &p.id, Place::Actor);
            match cut(&name, NAME_MAX) {
                std::borrow::Cow::Owned(short) => {
                    lost.shortened += 1;
                    short
                }
                std::borrow::Cow::Borrowed(_) => name,
            }
        })
        .collect();
    let mut out = String::with_capacity(256 + 48 * n);
    out.push_str("journey\n");
    if !is_blank(&map.title) {
        out.push_str("    title ");
        out.push_str(&lost.name(&map.title, "journey", Place::Title));
        out.push('\n');
    }
    let mut appearance: Vec<usize> = Vec::new();
    let mut seen = vec![false; personas.len()];
    let mut empty_stages = Vec::new();
    for (s, stage) in map.stages.iter().enumerate() {
        let first = index.stage_start[s];
        let tasks = first..first + stage.touchpoints.len();
        if tasks.clone().all(|t| visitors[t].is_empty()) {
            empty_stages.push(one_line(&stage.name));
            continue;
        }
        out.push_str("    section ");
        out.push_str(&lost.name(&stage.name, &stage.id, Place::Name));
        out.push('\n');
        for t in tasks.filter(|&t| !visitors[t].is_empty()) {
            let touchpoint = index.touchpoints[t].1;
            let score = if score_count[t] == 0 {
                lost.neutral += 1;
                3
            } else {
                // The mean, rounded half up.
                (2 * score_sum[t] + score_count[t]) / (2 * score_count[t])
            };
            if mixed[t] {
                lost.mixed.push(one_line(&touchpoint.name));
            }
            let _ = write!(
                out,
                "        {}: {score}: ",
                lost.name(&touchpoint.name, &touchpoint.id, Place::Task)
            );
            for (k, &shown) in visitors[t].iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                out.push_str(&actor_names[shown]);
                if !seen[shown] {
                    seen[shown] = true;
                    appearance.push(shown);
                }
            }
            out.push('\n');
        }
    }
    let unvisited = visitors.iter().filter(|v| v.is_empty()).count();
    let warnings = lost.warnings(&actor_names, &appearance, unvisited, &empty_stages);
    Exported {
        text: out,
        warnings,
    }
}

/// The words that start a statement in a journey diagram. Mermaid's lexer
/// ignores case and tries them before a task name, so a task called
/// "Journey planner app" ends the diagram's first line again, "Title page"
/// replaces the title and drops the task, and "accDescr {" swallows the
/// lines after it.
const KEYWORDS: [&str; 5] = ["title", "section", "journey", "accTitle", "accDescr"];

/// Whether a task name would be read as something else: it begins with a
/// keyword as a whole word (in any case), or with `%`, which makes the
/// line a comment.
fn starts_like_statement(name: &str) -> bool {
    name.starts_with('%')
        || KEYWORDS.iter().any(|k| {
            name.get(..k.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(k))
                && !name[k.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
}

/// A name for a warning: on one line, and cut to [`NAME_MAX`] characters.
fn one_line(name: &str) -> String {
    cut(clean(name, false).trim(), NAME_MAX).into_owned()
}

/// An emotion of −2..+2 as a journey score of 1..5.
pub fn emotion_score(e: i8) -> u32 {
    (i32::from(e).clamp(-2, 2) + 3) as u32
}

/// Where a name goes: each place forbids different characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The title ends only at `#` or `;`.
    Title,
    /// A section name also ends at `:`.
    Name,
    /// A task name also must not begin like a statement (see
    /// [`starts_like_statement`]).
    Task,
    /// An actor also ends at `,`.
    Actor,
}

/// What the journey syntax could not carry, collected for the warnings.
#[derive(Default)]
struct Losses {
    /// Names that were changed, before and after.
    renamed: Vec<(String, String)>,
    /// Touchpoints whose visits carry different emotions.
    mixed: Vec<String>,
    /// Tasks shown with the neutral score for want of any emotion.
    neutral: usize,
    /// Actor names cut to [`NAME_MAX`] characters.
    shortened: usize,
}

impl Losses {
    /// `name` (or `id` where it is blank) on one line, with `:` `#` `;`
    /// (and, for actors, `,`) replaced by look-alikes, `%%` broken up by a
    /// thin space and a tag-like `<` turned into `‹`, so it cannot end the
    /// name, start a comment or be taken for HTML. The look-alikes (ratio
    /// `∶`, sharp `♯`, low quote `‚`) are in the common fonts, where
    /// full-width forms would need CJK fonts; `;` becomes `,` because no
    /// look-alike survives Unicode normalization.
    fn name(&mut self, name: &str, id: &str, place: Place) -> String {
        let source = if is_blank(name) { id } else { name };
        let one_line = clean(source, false);
        let one_line = one_line.trim();
        let mut out = String::with_capacity(one_line.len());
        let mut previous = '\0';
        let mut chars = one_line.chars().peekable();
        while let Some(c) = chars.next() {
            let replaced = match c {
                ':' if place != Place::Title => '∶',
                '#' => '♯',
                ';' | ',' if place == Place::Actor => '‚',
                ';' => ',',
                '%' if previous == '%' => {
                    out.push('\u{2009}');
                    '%'
                }
                // What looks like an HTML tag may be stripped by Mermaid's
                // sanitizer, and entity codes need `#`.
                '<' if chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
                {
                    '‹'
                }
                c => c,
            };
            out.push(replaced);
            previous = replaced;
        }
        if out.is_empty() {
            // An empty name would leave a line the parser rejects.
            out.push_str("(unnamed)");
        }
        if place == Place::Task && starts_like_statement(&out) {
            // A visible mark, so that the reader sees the name was changed.
            out.insert(0, '·');
        }
        if out != source {
            // Shown cleaned: a warning must not carry what the export drops.
            self.renamed
                .push((clean(source, true).into_owned(), out.clone()));
        }
        out
    }

    fn warnings(
        &self,
        actors: &[String],
        appearance: &[usize],
        unvisited: usize,
        empty_stages: &[String],
    ) -> Vec<String> {
        let mut w = Vec::new();
        if !self.renamed.is_empty() {
            let examples: Vec<String> = self
                .renamed
                .iter()
                .take(EXAMPLES)
                .map(|(from, to)| format!("{:?} → {:?}", cut(from, NAME_MAX), cut(to, NAME_MAX)))
                .collect();
            w.push(format!(
                "mermaid-journey: names cannot hold `:` `#` `;` (actors not `,` either), line breaks, `%%` or HTML tags, and a touchpoint's cannot start with `%` or a keyword (title, section, journey, accTitle, accDescr); changed {}: {}",
                plural(self.renamed.len(), "name"),
                list_of(&examples, self.renamed.len())
            ));
        }
        if self.shortened > 0 {
            w.push(format!(
                "mermaid-journey: each task repeats its personas' names; cut {} to {NAME_MAX} characters",
                plural(self.shortened, "name")
            ));
        }
        if appearance.windows(2).any(|p| p[0] > p[1]) {
            let order: Vec<String> = appearance.iter().map(|&a| actors[a].clone()).collect();
            w.push(format!(
                "mermaid-journey: Mermaid orders personas by first appearance, not map order: {}",
                list(&order)
            ));
        }
        if !self.mixed.is_empty() {
            let verb = if self.mixed.len() == 1 {
                "shows"
            } else {
                "show"
            };
            w.push(format!(
                "mermaid-journey: a task has one score; {} visited with different emotions {verb} the mean: {}",
                plural(self.mixed.len(), "touchpoint"),
                list(&self.mixed)
            ));
        }
        if self.neutral > 0 {
            let verb = if self.neutral == 1 { "shows" } else { "show" };
            w.push(format!(
                "mermaid-journey: {} with no emotion on any visit {verb} the neutral score 3",
                plural(self.neutral, "task")
            ));
        }
        if unvisited > 0 {
            w.push(format!(
                "mermaid-journey: left out {} that no shown path visits",
                plural(unvisited, "touchpoint")
            ));
        }
        if !empty_stages.is_empty() {
            w.push(format!(
                "mermaid-journey: left out {} with no visited touchpoint: {}",
                plural(empty_stages.len(), "stage"),
                list(empty_stages)
            ));
        }
        w
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The first few items, then how many more there are.
fn list(items: &[String]) -> String {
    list_of(items, items.len())
}

/// The first few of `items` (names cut already), then how many more of
/// `total` there are.
fn list_of(items: &[String], total: usize) -> String {
    let mut s = items
        .iter()
        .take(EXAMPLES)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if total > EXAMPLES {
        let _ = write!(s, " and {} more", total - EXAMPLES);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_only_what_they_must() {
        let mut lost = Losses::default();
        assert_eq!(
            lost.name("Buy: now #1; 100%%", "x", Place::Name),
            "Buy∶ now ♯1, 100%\u{2009}%"
        );
        assert_eq!(lost.name("Ann, Bob; Cy", "x", Place::Actor), "Ann‚ Bob‚ Cy");
        assert_eq!(lost.name("<b>a</b> < 5", "x", Place::Name), "‹b>a‹/b> < 5");
        assert_eq!(lost.name("Ann, Bob", "x", Place::Name), "Ann, Bob");
        assert_eq!(lost.name("", "the-id", Place::Name), "the-id");
        assert_eq!(lost.name("two\nlines\x1b", "x", Place::Name), "two lines");
        assert_eq!(lost.name("A: b", "x", Place::Title), "A: b");
        assert_eq!(lost.renamed.len(), 4);
    }

    #[test]
    fn task_names_never_start_a_statement() {
        let mut lost = Losses::default();
        for (given, shown) in [
            ("Journey planner app", "·Journey planner app"),
            ("journey", "·journey"),
            ("TITLE page", "·TITLE page"),
            ("Section 2 review", "·Section 2 review"),
            ("accTitle: x", "·accTitle∶ x"),
            ("accDescr { x", "·accDescr { x"),
            ("AccDescr", "·AccDescr"),
            ("% off", "·% off"),
            ("\u{1b}[1mtitle\u{1b}[0m x", "·title x"),
        ] {
            assert_eq!(lost.name(given, "x", Place::Task), shown, "{given:?}");
        }
        assert_eq!(lost.renamed.len(), 9);
        // Whole words only, and only for tasks: the section and title
        // lines start with their own keyword.
        for same in [
            "Journeys",
            "Titles",
            "sectional",
            "Buy the journey",
            "50% off",
        ] {
            assert_eq!(lost.name(same, "x", Place::Task), same);
        }
        assert_eq!(lost.name("Journey", "x", Place::Name), "Journey");
        assert_eq!(lost.name("title x", "x", Place::Title), "title x");
        assert_eq!(lost.renamed.len(), 9);
    }

    #[test]
    fn scores_span_one_to_five() {
        assert_eq!(emotion_score(-2), 1);
        assert_eq!(emotion_score(0), 3);
        assert_eq!(emotion_score(2), 5);
    }
}
