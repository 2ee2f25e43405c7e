//! The stable kebab-case names of actions and modes, the same in the config
//! file, in `?` help and in `journey keys`. Renaming one breaks users'
//! config files: add a name, never change one.

use crate::tui::action::{Action, Answer};
use crate::tui::keymap::{MODES, Mode};

/// Every action a key can be bound to, with its name.
pub const NAMED_ACTIONS: &[(&str, Action)] = &[
    ("stage-prev", Action::StagePrev),
    ("stage-next", Action::StageNext),
    ("row-prev", Action::RowPrev),
    ("row-next", Action::RowNext),
    ("row-first", Action::RowFirst),
    ("row-last", Action::RowLast),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("add-touchpoint", Action::AddTouchpoint),
    ("add-stage", Action::AddStage),
    ("edit", Action::Edit),
    ("edit-map", Action::EditMap),
    ("toggle-kind", Action::ToggleKind),
    ("delete-touchpoint", Action::DeleteTouchpoint),
    ("delete-stage", Action::DeleteStage),
    ("move-left", Action::ShiftLeft),
    ("move-right", Action::ShiftRight),
    ("move-up", Action::ShiftUp),
    ("move-down", Action::ShiftDown),
    ("stage-left", Action::StageLeft),
    ("stage-right", Action::StageRight),
    ("undo", Action::Undo),
    ("redo", Action::Redo),
    ("save", Action::Save),
    ("save-as", Action::SaveAs),
    ("reload", Action::Reload),
    ("help", Action::Help),
    ("quit", Action::Quit),
    ("personas", Action::Personas),
    ("new-persona", Action::NewPersona),
    ("path-prev", Action::PathPrev),
    ("path-next", Action::PathNext),
    ("toggle-step", Action::ToggleStep),
    ("path-panel", Action::PathPanel),
    ("problems", Action::Problems),
    ("search", Action::Search),
    ("search-next", Action::SearchNext),
    ("search-prev", Action::SearchPrev),
    ("export", Action::Export),
    ("choose", Action::Choose),
    ("clear-persona", Action::ClearPersona),
    ("close", Action::Close),
    ("edit-item", Action::EditItem),
    ("delete-item", Action::DeleteItem),
    ("move-item-down", Action::MoveItemDown),
    ("move-item-up", Action::MoveItemUp),
    ("emotion-up", Action::EmotionUp),
    ("emotion-down", Action::EmotionDown),
    ("new-path", Action::NewPath),
    ("edit-path", Action::EditPath),
    ("cycle-outcome", Action::CycleOutcome),
    ("delete-path", Action::DeletePath),
    ("submit", Action::Submit),
    ("cancel", Action::Cancel),
    ("next-field", Action::NextField),
    ("prev-field", Action::PrevField),
    ("cursor-left", Action::CursorLeft),
    ("cursor-right", Action::CursorRight),
    ("cursor-up", Action::CursorUp),
    ("cursor-down", Action::CursorDown),
    ("read-all", Action::ReadAll),
    ("duplicate", Action::Duplicate),
    ("line-start", Action::LineStart),
    ("line-end", Action::LineEnd),
    ("delete-back", Action::DeleteBack),
    ("delete-forward", Action::DeleteForward),
    ("delete-to-start", Action::DeleteToStart),
    ("delete-to-end", Action::DeleteToEnd),
    ("delete-word-back", Action::DeleteWordBack),
    ("delete-word-forward", Action::DeleteWordForward),
    ("word-left", Action::WordLeft),
    ("word-right", Action::WordRight),
    ("newline", Action::Newline),
    ("answer-yes", Action::Answer(Answer::Yes)),
    ("answer-no", Action::Answer(Answer::No)),
    ("answer-save", Action::Answer(Answer::Save)),
    ("answer-discard", Action::Answer(Answer::Discard)),
    ("answer-cancel", Action::Answer(Answer::Cancel)),
    ("answer-restore", Action::Answer(Answer::Restore)),
    ("answer-overwrite", Action::Answer(Answer::Overwrite)),
    ("answer-save-as", Action::Answer(Answer::SaveAs)),
    ("open", Action::Open),
    ("new-map", Action::NewMap),
    ("cancel-drawing", Action::CancelDrawing),
    ("allow-warning", Action::AllowWarning),
    ("suspend", Action::Suspend),
    ("insight", Action::InsightPanel),
    ("sort-next", Action::SortNext),
    ("sort-prev", Action::SortPrev),
    ("sort-reverse", Action::SortReverse),
];

/// The config's name for taking a key away: the key does nothing.
pub const NONE: &str = "none";

impl Action {
    /// The action's stable name, or `None` for what no key asks for (typed
    /// text, a resize, the results of effects).
    pub fn name(&self) -> Option<&'static str> {
        if !bindable(self) {
            return None;
        }
        NAMED_ACTIONS
            .iter()
            .find(|(_, a)| a == self)
            .map(|(name, _)| *name)
    }

    /// The action of a name, as the config file writes it.
    pub fn from_name(name: &str) -> Option<Action> {
        NAMED_ACTIONS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| a.clone())
    }
}

/// Whether a key can ask for `action`. The match has no catch-all, so a new
/// action does not compile until it is sorted here (and, if bindable, named
/// in [`NAMED_ACTIONS`], which a test checks).
pub fn bindable(action: &Action) -> bool {
    use Action as A;
    match action {
        A::Insert(_)
        | A::Paste(_)
        | A::Resize(..)
        | A::Saved(_)
        | A::Reloaded(_)
        | A::Failed(_)
        | A::Deleted
        | A::Exported(_)
        | A::Drawing(_)
        | A::InsightReady(_)
        | A::Time(_) => false,
        A::StagePrev
        | A::StageNext
        | A::RowPrev
        | A::RowNext
        | A::RowFirst
        | A::RowLast
        | A::PageUp
        | A::PageDown
        | A::AddTouchpoint
        | A::AddStage
        | A::Edit
        | A::EditMap
        | A::ToggleKind
        | A::DeleteTouchpoint
        | A::DeleteStage
        | A::ShiftLeft
        | A::ShiftRight
        | A::ShiftUp
        | A::ShiftDown
        | A::StageLeft
        | A::StageRight
        | A::Undo
        | A::Redo
        | A::Save
        | A::SaveAs
        | A::Reload
        | A::Help
        | A::Quit
        | A::Personas
        | A::NewPersona
        | A::PathPrev
        | A::PathNext
        | A::ToggleStep
        | A::PathPanel
        | A::Problems
        | A::Search
        | A::SearchNext
        | A::SearchPrev
        | A::Export
        | A::Choose
        | A::ClearPersona
        | A::Close
        | A::EditItem
        | A::DeleteItem
        | A::MoveItemDown
        | A::MoveItemUp
        | A::EmotionUp
        | A::EmotionDown
        | A::NewPath
        | A::EditPath
        | A::CycleOutcome
        | A::DeletePath
        | A::Submit
        | A::Cancel
        | A::NextField
        | A::PrevField
        | A::CursorLeft
        | A::CursorRight
        | A::CursorUp
        | A::CursorDown
        | A::LineStart
        | A::ReadAll
        | A::Duplicate
        | A::LineEnd
        | A::DeleteBack
        | A::DeleteForward
        | A::DeleteToStart
        | A::DeleteToEnd
        | A::DeleteWordBack
        | A::DeleteWordForward
        | A::WordLeft
        | A::WordRight
        | A::Newline
        | A::Answer(_)
        | A::Open
        | A::NewMap
        | A::CancelDrawing
        | A::AllowWarning
        | A::Suspend
        | A::InsightPanel
        | A::SortNext
        | A::SortPrev
        | A::SortReverse => true,
    }
}

impl Mode {
    /// The mode's stable name in the config file and in `journey keys`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Board => "board",
            Mode::Form => "form",
            Mode::Confirm => "confirm",
            Mode::Help => "help",
            Mode::Picker => "picker",
            Mode::Personas => "personas",
            Mode::Path => "path",
            Mode::Problems => "problems",
            Mode::Insight => "insight",
        }
    }

    /// The mode of a name.
    pub fn from_name(name: &str) -> Option<Mode> {
        MODES.into_iter().find(|m| m.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::DEFAULT_BINDINGS;

    #[test]
    fn names_are_unique_kebab_case_and_round_trip() {
        for (i, (name, action)) in NAMED_ACTIONS.iter().enumerate() {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
            assert!(
                bindable(action),
                "{name} names an action no key can ask for"
            );
            assert_eq!(Action::from_name(name).as_ref(), Some(action));
            assert_eq!(action.name(), Some(*name));
            assert!(
                NAMED_ACTIONS[i + 1..]
                    .iter()
                    .all(|(n, a)| n != name && a != action),
                "{name} twice"
            );
            assert_ne!(*name, NONE);
        }
    }

    #[test]
    fn every_bound_action_has_a_name() {
        for (mode, key, action, ..) in DEFAULT_BINDINGS {
            assert!(action.name().is_some(), "{mode:?} {key:?}: {action:?}");
        }
    }

    /// The code that carries out actions.
    const HANDLERS: &[&str] = &[
        include_str!("update/mod.rs"),
        include_str!("update/board.rs"),
        include_str!("update/overlay.rs"),
        include_str!("update/path.rs"),
        include_str!("update/path_form.rs"),
        include_str!("update/persona.rs"),
        include_str!("update/problems.rs"),
        include_str!("update/insight.rs"),
        include_str!("update/export.rs"),
        include_str!("update/disk.rs"),
        include_str!("update/tick.rs"),
        include_str!("picker.rs"),
        include_str!("form.rs"),
        include_str!("textfield.rs"),
    ];

    fn mentions(code: &str, word: &str) -> bool {
        code.match_indices(word).any(|(i, _)| {
            !code[i + word.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    }

    /// How the handlers name an action: `Action::Save`, or `Answer::Yes`.
    fn pattern(action: &Action) -> String {
        let debug = format!("{action:?}");
        match debug
            .strip_prefix("Answer(")
            .and_then(|r| r.strip_suffix(')'))
        {
            Some(answer) => format!("Answer::{answer}"),
            None => format!("Action::{debug}"),
        }
    }

    #[test]
    fn every_action_in_the_table_is_handled_and_every_handled_action_is_in_it() {
        let code = HANDLERS.concat();
        for (name, action) in NAMED_ACTIONS {
            assert!(
                mentions(&code, &pattern(action)),
                "`{name}` ({}) is in the table but no handler takes it",
                pattern(action)
            );
        }
        // Every action the handlers take is a named one, or one no key asks for.
        let not_keys = [
            "Insert",
            "Paste",
            "Resize",
            "Saved",
            "Reloaded",
            "Failed",
            "Deleted",
            "Exported",
            "Drawing",
            "InsightReady",
            "Time",
        ];
        for (i, _) in code.match_indices("Action::") {
            let ident: String = code[i + "Action::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if ident.is_empty() || not_keys.contains(&ident.as_str()) {
                continue;
            }
            assert!(
                NAMED_ACTIONS
                    .iter()
                    .any(|(_, a)| format!("{a:?}").split('(').next() == Some(ident.as_str())),
                "the handlers take Action::{ident}, which has no name in the table"
            );
        }
    }

    #[test]
    fn every_named_action_has_a_default_key() {
        for (name, action) in NAMED_ACTIONS {
            assert!(
                DEFAULT_BINDINGS.iter().any(|(_, _, a, ..)| a == action),
                "`{name}` has no default key"
            );
        }
    }

    #[test]
    fn modes_round_trip() {
        for mode in MODES {
            assert_eq!(Mode::from_name(mode.name()), Some(mode));
        }
    }
}
