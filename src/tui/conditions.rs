//! When a binding applies, as data: each (mode, action) may carry a
//! condition (a touchpoint is selected, a persona is chosen, the path has
//! steps …). The hint bar and the help show only the bindings whose
//! condition holds, from this one table, so the decision does not live in
//! the views. A key whose condition does not hold still reaches `update`,
//! which says why nothing happened.

use crate::tui::action::Action;
use crate::tui::keymap::Mode;

/// A fact about the editor's state that a binding can depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// A touchpoint is selected (not a stage header).
    TouchpointSelected,
    /// A persona is chosen, so the board shows a path.
    PersonaChosen,
    /// The current path has steps.
    PathHasSteps,
    /// A picture is being drawn in the background.
    Drawing,
    /// A search is in force.
    Searching,
    /// The form has more than one field.
    SeveralFields,
    /// The form's focused field takes several lines.
    MultilineField,
}

impl Condition {
    /// The condition's stable name, for `journey keys`.
    pub fn name(self) -> &'static str {
        match self {
            Condition::TouchpointSelected => "touchpoint-selected",
            Condition::PersonaChosen => "persona-chosen",
            Condition::PathHasSteps => "path-has-steps",
            Condition::Drawing => "drawing",
            Condition::Searching => "searching",
            Condition::SeveralFields => "several-fields",
            Condition::MultilineField => "multiline-field",
        }
    }
}

/// The facts the conditions look at, gathered once per frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub touchpoint_selected: bool,
    pub persona_chosen: bool,
    pub path_has_steps: bool,
    pub drawing: bool,
    pub searching: bool,
    pub several_fields: bool,
    pub multiline_field: bool,
}

impl Facts {
    /// Every condition holds: for screens that depend on none (the picker)
    /// and for documents that list every key.
    pub const ALL: Facts = Facts {
        touchpoint_selected: true,
        persona_chosen: true,
        path_has_steps: true,
        drawing: true,
        searching: true,
        several_fields: true,
        multiline_field: true,
    };

    /// Whether `condition` holds.
    pub fn holds(&self, condition: Condition) -> bool {
        match condition {
            Condition::TouchpointSelected => self.touchpoint_selected,
            Condition::PersonaChosen => self.persona_chosen,
            Condition::PathHasSteps => self.path_has_steps,
            Condition::Drawing => self.drawing,
            Condition::Searching => self.searching,
            Condition::SeveralFields => self.several_fields,
            Condition::MultilineField => self.multiline_field,
        }
    }
}

use Action as A;
use Condition as C;
use Mode::{Board, Form, Path};

/// The conditions, by mode and action; what is not listed always applies.
pub const CONDITIONS: &[(Mode, Action, Condition)] = &[
    (Board, A::ToggleKind, C::TouchpointSelected),
    (Board, A::Duplicate, C::TouchpointSelected),
    (Board, A::DeleteTouchpoint, C::TouchpointSelected),
    (Board, A::ShiftLeft, C::TouchpointSelected),
    (Board, A::ShiftRight, C::TouchpointSelected),
    (Board, A::ShiftUp, C::TouchpointSelected),
    (Board, A::ShiftDown, C::TouchpointSelected),
    (Board, A::ToggleStep, C::TouchpointSelected),
    (Board, A::PathPrev, C::PersonaChosen),
    (Board, A::PathNext, C::PersonaChosen),
    (Board, A::CancelDrawing, C::Drawing),
    (Board, A::SearchNext, C::Searching),
    (Board, A::SearchPrev, C::Searching),
    (Path, A::Choose, C::PathHasSteps),
    (Path, A::EmotionUp, C::PathHasSteps),
    (Path, A::EmotionDown, C::PathHasSteps),
    (Path, A::EditItem, C::PathHasSteps),
    (Path, A::DeleteItem, C::PathHasSteps),
    (Path, A::MoveItemUp, C::PathHasSteps),
    (Path, A::MoveItemDown, C::PathHasSteps),
    (Form, A::NextField, C::SeveralFields),
    (Form, A::PrevField, C::SeveralFields),
    (Form, A::Newline, C::MultilineField),
];

/// The condition of `action` in `mode`, if it has one.
pub fn condition(mode: Mode, action: &Action) -> Option<Condition> {
    CONDITIONS
        .iter()
        .find(|(m, a, _)| *m == mode && a == action)
        .map(|&(_, _, c)| c)
}

/// Whether a binding of `action` in `mode` applies, given `facts`.
pub fn applies(mode: Mode, action: &Action, facts: &Facts) -> bool {
    condition(mode, action).is_none_or(|c| facts.holds(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::DEFAULT_BINDINGS;

    #[test]
    fn every_condition_is_on_a_bound_action() {
        for (mode, action, _) in CONDITIONS {
            assert!(
                DEFAULT_BINDINGS
                    .iter()
                    .any(|(m, _, a, ..)| m == mode && a == action),
                "{mode:?} {action:?} has a condition but no key"
            );
        }
    }

    #[test]
    fn facts_decide() {
        let none = Facts {
            touchpoint_selected: false,
            persona_chosen: false,
            path_has_steps: false,
            drawing: false,
            searching: false,
            several_fields: false,
            multiline_field: false,
        };
        assert!(!applies(Board, &A::ToggleKind, &none));
        assert!(applies(Board, &A::AddTouchpoint, &none));
        assert!(applies(Board, &A::ToggleKind, &Facts::ALL));
        assert!(!applies(Form, &A::Newline, &none));
    }
}
