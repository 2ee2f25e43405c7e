//! A small form: labelled text fields and choices, one focused at a time.
//! The board uses it for touchpoints and stages, the picker for new maps.

use crate::tui::action::Action;
use crate::tui::textfield::TextField;

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    /// Free text, one line or several.
    Text(TextField),
    /// One of a few options: fixed ones, or names from the map such as
    /// its personas'.
    Choice {
        options: Vec<String>,
        selected: usize,
    },
}

/// A labelled field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub value: FieldValue,
}

impl Field {
    /// A one-line text field.
    pub fn line(label: &'static str, text: &str) -> Field {
        Field {
            label,
            value: FieldValue::Text(TextField::new(text, false)),
        }
    }

    /// A multi-line text field.
    pub fn lines(label: &'static str, text: &str) -> Field {
        Field {
            label,
            value: FieldValue::Text(TextField::new(text, true)),
        }
    }

    /// A choice among the values of `T`, starting at `value`.
    pub fn choice_of<T: crate::tui::choice::Choosable>(label: &'static str, value: T) -> Field {
        Field::choice(label, T::NAMES, value.index())
    }

    /// A choice among `options`.
    pub fn choice(label: &'static str, options: &'static [&'static str], selected: usize) -> Field {
        Field::choice_among(
            label,
            options.iter().map(|o| o.to_string()).collect(),
            selected,
        )
    }

    /// A choice among options made at run time, such as the map's personas.
    pub fn choice_among(label: &'static str, options: Vec<String>, selected: usize) -> Field {
        Field {
            label,
            value: FieldValue::Choice { options, selected },
        }
    }

    /// The text of a text field; empty for a choice.
    pub fn text(&self) -> &str {
        match &self.value {
            FieldValue::Text(t) => t.text(),
            FieldValue::Choice { .. } => "",
        }
    }

    /// The selected option of a choice; 0 for text.
    pub fn selected(&self) -> usize {
        match self.value {
            FieldValue::Choice { selected, .. } => selected,
            FieldValue::Text(_) => 0,
        }
    }
}

/// A form with a purpose `P` that says what to do when it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form<P> {
    pub title: String,
    /// A line or two above the fields, saying what the form is about.
    pub intro: String,
    pub purpose: P,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last confirm was refused, shown in the form.
    pub error: Option<String>,
    /// The text each text field started with: Esc asks once before it
    /// throws away a changed note or description, and, in a form that
    /// [guards its lines](Form::guarding_lines), typed one-line text too.
    original: Vec<Option<String>>,
    guard_lines: bool,
    /// Esc was pressed once over changed text; a second Esc cancels.
    discard_asked: bool,
    /// Prefilled text (a template's) that is selected whenever its field is
    /// entered while it still holds it, so that typing replaces it.
    select_on_entry: Vec<Option<String>>,
}

/// What the form says when Esc would throw typed text away.
pub const DISCARD_QUESTION: &str =
    "Esc again discards your typing; Enter confirms; any other key edits";

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    /// Still editing.
    Open,
    /// The user confirmed; the owner checks the fields and closes it.
    Submit,
    /// The user cancelled.
    Cancel,
}

impl<P> Form<P> {
    /// Whether `action` does anything in this form: Tab needs a second
    /// field, a new line the focus on a field of several lines.
    pub fn offers(&self, action: &Action) -> bool {
        let (several, multiline) = self.facts();
        let facts = crate::tui::conditions::Facts {
            several_fields: several,
            multiline_field: multiline,
            ..crate::tui::conditions::Facts::ALL
        };
        crate::tui::conditions::applies(crate::tui::keymap::Mode::Form, action, &facts)
    }

    /// What the bindings' conditions ask of a form: whether it has more
    /// than one field, and whether the focused one takes several lines.
    pub fn facts(&self) -> (bool, bool) {
        (
            self.fields.len() > 1,
            self.fields
                .get(self.focus)
                .is_some_and(|f| matches!(&f.value, FieldValue::Text(t) if t.is_multiline())),
        )
    }

    /// A form with the focus on its first field.
    pub fn new(title: impl Into<String>, purpose: P, fields: Vec<Field>) -> Form<P> {
        let original = fields
            .iter()
            .map(|f| match &f.value {
                FieldValue::Text(t) => Some(t.text().to_string()),
                FieldValue::Choice { .. } => None,
            })
            .collect();
        Form {
            title: title.into(),
            intro: String::new(),
            purpose,
            fields,
            focus: 0,
            error: None,
            original,
            guard_lines: false,
            discard_asked: false,
            select_on_entry: Vec::new(),
        }
    }

    /// The same form with the text fields whose text `prefilled` accepts
    /// (a template's English text, say) selected on entry.
    pub fn selecting(mut self, prefilled: impl Fn(&str) -> bool) -> Form<P> {
        self.select_on_entry = self
            .fields
            .iter()
            .map(|f| match &f.value {
                FieldValue::Text(t) if prefilled(t.text()) => Some(t.text().to_string()),
                _ => None,
            })
            .collect();
        self.entered();
        self
    }

    /// Selects the focused field's text if it is still the prefilled one.
    fn entered(&mut self) {
        let Some(Some(prefilled)) = self.select_on_entry.get(self.focus) else {
            return;
        };
        if let Some(Field {
            value: FieldValue::Text(t),
            ..
        }) = self.fields.get_mut(self.focus)
            && t.text() == prefilled
        {
            t.select_all();
        }
    }

    /// The same form with an introduction above the fields.
    pub fn with_intro(mut self, intro: impl Into<String>) -> Form<P> {
        self.intro = intro.into();
        self
    }

    /// The field labelled `label`. Forms read their fields by label, so a
    /// field added or moved cannot be read in another one's place; a
    /// label the form lacks is a bug, caught in debug builds.
    fn named(&self, label: &str) -> Option<&Field> {
        let found = self.fields.iter().find(|f| f.label == label);
        debug_assert!(
            found.is_some(),
            "the form {:?} has no field {label:?}",
            self.title
        );
        found
    }

    /// The field labelled `label`, to change; a missing label is a bug,
    /// caught in debug builds like [`Form::text`]'s.
    fn named_mut(&mut self, label: &str) -> Option<&mut Field> {
        let title = &self.title;
        let found = self.fields.iter_mut().find(|f| f.label == label);
        debug_assert!(found.is_some(), "the form {title:?} has no field {label:?}");
        found
    }

    /// Replaces the text of the field labelled `label` (a suggestion that
    /// follows the other fields, say); the cursor goes to its end.
    /// A suggestion that replaces a suggestion selected on entry is
    /// selected on entry too.
    pub fn set_text(&mut self, label: &str, text: &str) {
        let at = self.fields.iter().position(|f| f.label == label);
        let Some(Field {
            value: FieldValue::Text(t),
            ..
        }) = self.named_mut(label)
        else {
            return;
        };
        let old = t.text().to_string();
        let selected = t.is_selected();
        *t = TextField::new(text, t.is_multiline());
        if selected {
            t.select_all();
        }
        if let Some(Some(prefilled)) = at.and_then(|i| self.select_on_entry.get_mut(i))
            && *prefilled == old
        {
            *prefilled = text.to_string();
        }
        // Text the program puts there is not the user's to lose.
        if let Some(Some(original)) = at.and_then(|i| self.original.get_mut(i)) {
            *original = text.to_string();
        }
    }

    /// Selects option `selected` of the choice labelled `label`, within
    /// its options.
    pub fn set_selected(&mut self, label: &str, selected: usize) {
        if let Some(Field {
            value:
                FieldValue::Choice {
                    options,
                    selected: s,
                },
            ..
        }) = self.named_mut(label)
        {
            *s = selected.min(options.len().saturating_sub(1));
        }
    }

    /// Where the field labelled `label` is, to put the focus on it.
    pub fn position(&self, label: &str) -> usize {
        let at = self.fields.iter().position(|f| f.label == label);
        debug_assert!(
            at.is_some(),
            "the form {:?} has no field {label:?}",
            self.title
        );
        at.unwrap_or(0)
    }

    /// The text of the field labelled `label` (empty for a choice).
    pub fn text(&self, label: &str) -> &str {
        self.named(label).map_or("", Field::text)
    }

    /// The text of the form's first field: its name or title.
    pub fn first_text(&self) -> &str {
        self.fields.first().map_or("", Field::text)
    }

    /// The selected option of the choice labelled `label`.
    pub fn selected(&self, label: &str) -> usize {
        self.named(label).map_or(0, Field::selected)
    }

    /// The value chosen in the choice labelled `label`, one made with
    /// [`Field::choice_of`].
    pub fn chosen<T: crate::tui::choice::Choosable>(&self, label: &str) -> T {
        T::at(self.selected(label))
    }

    /// The same form, with Esc asking before it throws away typed text in
    /// its one-line fields too: for the touchpoint and stage forms, where
    /// a name is the work itself. Prompts and searches close at once.
    pub fn guarding_lines(mut self) -> Form<P> {
        self.guard_lines = true;
        self
    }

    /// Whether Esc would throw away typed text worth a question: a field
    /// of several lines that changed, or, where lines are guarded, a
    /// one-line field that changed to something other than blanks.
    fn typed_text_changed(&self) -> bool {
        self.fields.iter().zip(&self.original).any(|(f, original)| {
            let multiline = matches!(&f.value, FieldValue::Text(t) if t.is_multiline());
            let guarded = multiline || (self.guard_lines && !f.text().trim().is_empty());
            guarded && original.as_deref().is_some_and(|o| f.text() != o)
        })
    }

    /// Applies one action to the focused field.
    pub fn handle(&mut self, action: &Action) -> FormOutcome {
        if *action == Action::Cancel && self.typed_text_changed() && !self.discard_asked {
            self.discard_asked = true;
            self.error = Some(DISCARD_QUESTION.into());
            return FormOutcome::Open;
        }
        if self.discard_asked {
            self.discard_asked = false;
            if self.error.as_deref() == Some(DISCARD_QUESTION) {
                self.error = None;
            }
        }
        let count = self.fields.len();
        let before = self.focus;
        let outcome = self.apply(action, count);
        if self.focus != before {
            self.entered();
        }
        outcome
    }

    fn apply(&mut self, action: &Action, count: usize) -> FormOutcome {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return match action {
                Action::Cancel => FormOutcome::Cancel,
                Action::Submit => FormOutcome::Submit,
                _ => FormOutcome::Open,
            };
        };
        match (&mut field.value, action) {
            (_, Action::Submit) => return FormOutcome::Submit,
            (_, Action::Cancel) => return FormOutcome::Cancel,
            (_, Action::NextField) => self.focus = (self.focus + 1) % count,
            (_, Action::PrevField) => self.focus = (self.focus + count - 1) % count,
            // On the first or last line of a text, and on a choice, up and
            // down move between fields.
            (value, Action::CursorUp) => {
                let moved = match value {
                    FieldValue::Text(t) => t.up(),
                    FieldValue::Choice { .. } => false,
                };
                if !moved {
                    self.focus = self.focus.saturating_sub(1);
                }
            }
            (value, Action::CursorDown) => {
                let moved = match value {
                    FieldValue::Text(t) => t.down(),
                    FieldValue::Choice { .. } => false,
                };
                if !moved {
                    self.focus = (self.focus + 1).min(count - 1);
                }
            }
            (FieldValue::Text(t), Action::CursorLeft) => t.left(),
            (FieldValue::Text(t), Action::CursorRight) => t.right(),
            (FieldValue::Text(t), Action::LineStart) => t.home(),
            (FieldValue::Text(t), Action::LineEnd) => t.end(),
            (FieldValue::Text(t), Action::DeleteBack) => t.backspace(),
            (FieldValue::Text(t), Action::DeleteForward) => t.delete(),
            (FieldValue::Text(t), Action::Newline) => t.newline(),
            (FieldValue::Text(t), Action::Insert(c)) => t.insert(c.encode_utf8(&mut [0; 4])),
            (FieldValue::Text(t), Action::Paste(s)) => t.paste(s),
            (FieldValue::Text(t), Action::DeleteToStart) => t.delete_to_start(),
            (FieldValue::Text(t), Action::DeleteToEnd) => t.delete_to_end(),
            (FieldValue::Text(t), Action::DeleteWordBack) => t.delete_word_back(),
            (FieldValue::Text(t), Action::DeleteWordForward) => t.delete_word_forward(),
            (FieldValue::Text(t), Action::WordLeft) => t.word_left(),
            (FieldValue::Text(t), Action::WordRight) => t.word_right(),
            // Left and Right stop at the ends: a held key must not wrap
            // from −2 to +2. Space turns through them all.
            (FieldValue::Choice { selected, .. }, Action::CursorLeft | Action::DeleteBack) => {
                *selected = selected.saturating_sub(1)
            }
            (FieldValue::Choice { options, selected }, Action::CursorRight) => {
                *selected = (*selected + 1).min(options.len().saturating_sub(1))
            }
            (FieldValue::Choice { options, selected }, Action::Insert(' ')) => {
                *selected = (*selected + 1) % options.len().max(1)
            }
            // A choice also takes the first letter of an option, so `i`
            // picks "indirect" without counting presses; the same letter
            // again goes on to the next option that starts with it. Case
            // does not count: `r` picks "Rentner Klaus".
            (FieldValue::Choice { options, selected }, Action::Insert(c)) => {
                let n = options.len();
                let wanted: Vec<char> = c.to_lowercase().collect();
                let starts = |o: &str| {
                    o.chars()
                        .next()
                        .is_some_and(|f| f.to_lowercase().eq(wanted.iter().copied()))
                };
                if let Some(i) = (1..=n)
                    .map(|k| (*selected + k) % n)
                    .find(|&i| starts(&options[i]))
                {
                    *selected = i;
                }
            }
            _ => {}
        }
        FormOutcome::Open
    }
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
