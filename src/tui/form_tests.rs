//! Tests of forms: fields by label, choices, and the question before typed text is lost.

use super::*;

#[test]
fn a_letter_picks_an_option_whatever_its_case() {
    let options = vec!["Pendlerin Anna".to_string(), "Rentner Klaus".to_string()];
    let mut form = Form::new("t", (), vec![Field::choice_among("For", options, 0)]);
    form.handle(&Action::Insert('r'));
    assert_eq!(form.selected("For"), 1);
    form.handle(&Action::Insert('P'));
    assert_eq!(form.selected("For"), 0);
    form.handle(&Action::Insert('x'));
    assert_eq!(form.selected("For"), 0, "no option starts with x");
}

#[test]
fn esc_asks_before_it_throws_away_a_typed_name_where_lines_are_guarded() {
    let fields = || vec![Field::line("Name", ""), Field::line("Channel", "")];
    let mut form = Form::new("t", (), fields()).guarding_lines();
    form.handle(&Action::Insert('P'));
    assert_eq!(form.handle(&Action::Cancel), FormOutcome::Open);
    assert_eq!(form.error.as_deref(), Some(DISCARD_QUESTION));
    assert_eq!(form.handle(&Action::Cancel), FormOutcome::Cancel);

    // Nothing typed, or only blanks: Esc closes at once, and so it does
    // over text the program set.
    let mut form = Form::new("t", (), fields()).guarding_lines();
    form.handle(&Action::Insert(' '));
    assert_eq!(form.handle(&Action::Cancel), FormOutcome::Cancel);
    let mut form = Form::new("t", (), fields()).guarding_lines();
    form.set_text("Channel", "web");
    assert_eq!(form.handle(&Action::Cancel), FormOutcome::Cancel);

    // A form that does not guard its lines (a prompt) closes at once.
    let mut form = Form::new("t", (), fields());
    form.handle(&Action::Insert('q'));
    assert_eq!(form.handle(&Action::Cancel), FormOutcome::Cancel);
}

#[test]
fn tab_cycles_and_choices_turn() {
    let mut form = Form::new(
        "t",
        (),
        vec![
            Field::line("Name", "x"),
            Field::choice("Kind", &["a", "b"], 0),
        ],
    );
    form.handle(&Action::Insert('y'));
    assert_eq!(form.text("Name"), "xy");
    form.handle(&Action::NextField);
    form.handle(&Action::Insert(' '));
    assert_eq!(form.selected("Kind"), 1);
    // Right stops at the last option; Space turns on to the first.
    form.handle(&Action::CursorRight);
    assert_eq!(form.selected("Kind"), 1);
    form.handle(&Action::Insert(' '));
    assert_eq!(form.selected("Kind"), 0);
    form.handle(&Action::CursorLeft);
    assert_eq!(form.selected("Kind"), 0);
    form.handle(&Action::NextField);
    assert_eq!(form.focus, 0);
    assert_eq!(form.handle(&Action::Submit), FormOutcome::Submit);
}

#[test]
fn setters_go_by_label() {
    let mut form = Form::new(
        "t",
        (),
        vec![
            Field::choice("Format", &["a", "b"], 0),
            Field::line("File", "x.md"),
        ],
    )
    .selecting(|t| t == "x.md");
    form.set_selected("Format", 7);
    assert_eq!(form.selected("Format"), 1, "kept within the options");
    form.set_text("File", "x.svg");
    assert_eq!(form.text("File"), "x.svg");
    assert_eq!(form.position("File"), 1);
    // The new suggestion is selected on entry as the old one was.
    form.handle(&Action::NextField);
    form.handle(&Action::Insert('y'));
    assert_eq!(form.text("File"), "y");
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "no field")]
fn a_missing_label_is_a_bug_in_debug_builds() {
    let mut form = Form::new("t", (), vec![Field::line("Name", "")]);
    form.set_text("File", "x");
}
