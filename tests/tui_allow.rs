//! The problems panel and allowances: `a` allows the selected warning for
//! its item (undoably), allowed warnings are listed dimmed and labelled,
//! and errors cannot be allowed.

mod common;

use common::{app, keys};

fn friends_allow(app: &journey::tui::app::App) -> Vec<String> {
    app.doc
        .map()
        .touchpoints()
        .find(|(_, t)| t.id == "friends")
        .map(|(_, t)| t.allow.clone())
        .expect("the friends touchpoint")
}

#[test]
fn a_allows_the_selected_warning_and_u_takes_it_back() {
    let (mut app, _dir) = app();
    assert_eq!(app.doc.problems().warnings(), 2);
    keys(&mut app, "va");
    assert_eq!(friends_allow(&app), ["unvisited-touchpoint"]);
    assert_eq!(app.doc.problems().warnings(), 1);
    assert_eq!(app.doc.problems().allowed_len(), 1);
    let text = common::screen_text(&app);
    assert!(text.contains("1 allowed"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("allowed") && l.contains("unvisited-touchpoint")),
        "{text}"
    );
    keys(&mut app, "<Esc>u");
    assert!(friends_allow(&app).is_empty());
    assert_eq!(app.doc.problems().warnings(), 2);
}

#[test]
fn u_in_the_panel_undoes_the_allowance_as_the_message_says() {
    let (mut app, _dir) = app();
    keys(&mut app, "va");
    let said = &app.message.as_ref().expect("a message").text;
    assert!(said.contains("u undoes it"), "{said}");
    keys(&mut app, "u");
    assert!(
        matches!(
            app.overlay(),
            Some(journey::tui::app::Overlay::Problems { .. })
        ),
        "the panel stays open"
    );
    assert!(friends_allow(&app).is_empty());
    assert_eq!(app.doc.problems().warnings(), 2);
    assert_eq!(app.doc.problems().allowed_len(), 0);
    keys(&mut app, "<C-r>");
    assert_eq!(friends_allow(&app), ["unvisited-touchpoint"]);
}

#[test]
fn an_error_cannot_be_allowed() {
    let (mut app, _dir) = app();
    // A new stage is empty: an error, listed first.
    keys(&mut app, "AFollow-up<Enter>");
    assert_eq!(app.doc.problems().errors(), 1);
    let before = app.doc.map().clone();
    keys(&mut app, "va");
    assert_eq!(app.doc.map(), &before);
    let text = common::screen_text(&app);
    assert!(text.contains("errors cannot be allowed"), "{text}");
}
