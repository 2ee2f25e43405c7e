//! Never landing in the wrong place: where panels open, choices that stop
//! at their ends, the hints the state calls for, duplicates, the `a` form
//! and new path names.

mod common;

use common::{app, app_at, keys, names};
use journey::core::templates::Template;
use journey::tui::Flow;
use journey::tui::Screen;
use journey::tui::app::{App, Overlay, Settings};
use journey::tui::form::FieldValue;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn text(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    format!("{}", terminal.backend())
}

fn template_app(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = App::open(
        Template::FiveStage.instantiate(None),
        dir.path().join("neu.ron"),
        Settings::new(false, true),
    );
    app.handle(crossterm::event::Event::Resize(w, h));
    (app, dir)
}

#[test]
fn the_path_panel_opens_on_the_selected_touchpoints_step() {
    let (mut app, _dir) = app();
    // The critical buyer visits "Magazine test" (Consideration, row 1) as
    // step 3.
    keys(&mut app, "p<Enter>ljs");
    assert_eq!(app.overlay(), Some(&Overlay::Path));
    assert_eq!(app.current.step, 2);
    // Elsewhere (a touchpoint the path does not visit): the first step,
    // not the one last touched.
    keys(&mut app, "<Esc>js");
    assert_eq!(app.current.step, 0);
}

#[test]
fn emotion_choices_stop_at_minus_two() {
    let (mut app, _dir) = app();
    keys(&mut app, "p<Enter>sjje");
    keys(&mut app, &"<Left>".repeat(8));
    match app.overlay() {
        Some(Overlay::Form(f)) => match &f.fields[0].value {
            FieldValue::Choice { options, selected } => assert_eq!(options[*selected], "-2"),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    keys(&mut app, "<Enter>");
    let path = app.current.path(app.doc.map()).expect("a path");
    assert_eq!(path.steps[2].emotion, Some(-2));
}

#[test]
fn esc_in_the_new_map_dialog_says_no_file_was_created() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("launch.ron");
    let mut app = App::create(path.clone(), Settings::new(false, true));
    assert_eq!(keys(&mut app, "<Esc>"), Flow::Exit);
    let parting = app.session.parting.clone().expect("a parting line");
    assert!(parting.contains("no file was created"), "{parting}");
    assert!(parting.contains("launch.ron"), "{parting}");
    assert!(!path.exists());
}

#[test]
fn t_is_hinted_while_the_map_has_no_conversion() {
    let (fresh, _dir) = template_app(80, 24);
    let hints = text(&fresh, 80, 24);
    assert!(
        hints.lines().last().is_some_and(|l| l.contains("T title")),
        "{hints}"
    );
    // The fixture names its conversion: no T in the hints.
    let (named, _dir2) = app();
    let screen = text(&named, 80, 24);
    assert!(!screen.lines().last().is_some_and(|l| l.contains("T title")));
}

#[test]
fn s_is_hinted_while_a_path_with_steps_is_shown() {
    let (mut app, _dir) = app();
    keys(&mut app, "p<Enter>");
    let screen = text(&app, 80, 24);
    assert!(
        screen.lines().last().is_some_and(|l| l.contains("s steps")),
        "{screen}"
    );
}

#[test]
fn c_duplicates_a_touchpoint_below_itself_in_one_undo() {
    let (mut app, _dir) = app();
    let before = app.doc.map().clone();
    keys(&mut app, "c");
    let stage = &app.doc.map().stages[0];
    assert_eq!(stage.touchpoints[1].name, "Web search (copy)");
    assert_eq!(stage.touchpoints[1].id, "web-search-copy");
    assert_eq!(stage.touchpoints[1].notes, stage.touchpoints[0].notes);
    assert_eq!(app.view.row, Some(1), "the copy is selected");
    keys(&mut app, "u");
    assert_eq!(app.doc.map(), &before);
}

#[test]
fn c_in_the_path_panel_copies_the_path() {
    let (mut app, _dir) = app();
    // `c` asks for whom and the name; Enter takes what it offers.
    keys(&mut app, "p<Enter>sc<Enter>");
    let persona = &app.doc.map().personas[0];
    assert_eq!(persona.paths.len(), 2);
    assert_eq!(persona.paths[1].name, "Critical buyer: path");
    assert_eq!(persona.paths[1].id, "critical-buyer-path");
    assert_eq!(persona.paths[1].steps, persona.paths[0].steps);
    keys(&mut app, "u");
    assert_eq!(app.doc.map().personas[0].paths.len(), 1);
}

#[test]
fn the_a_form_takes_kind_channel_and_notes() {
    let (mut app, _dir) = app();
    keys(
        &mut app,
        "aTestbericht<Tab>i<Tab>Presse<Tab>Heft 3<A-Enter>S. 12<Enter>",
    );
    let t = &app.doc.map().stages[0].touchpoints[1];
    assert_eq!(t.name, "Testbericht");
    assert_eq!(t.kind, journey::core::model::Kind::Indirect);
    assert_eq!(t.channel, "Presse");
    assert_eq!(t.notes, "Heft 3\nS. 12");
    // Name and Enter is still all it takes.
    keys(&mut app, "aBlog<Enter>");
    assert_eq!(names(&app, 0)[2], "Blog");
}

#[test]
fn a_first_path_is_named_after_the_persona_in_the_maps_language() {
    let (mut app, _dir) = template_app(80, 24);
    app.doc
        .apply(journey::core::edit::Edit::SetMapInfo {
            title: "t".into(),
            description: String::new(),
            conversion: String::new(),
        })
        .expect("applies");
    keys(&mut app, "PDie Kritische<Enter>");
    // German map: a touchpoint, then Space starts the persona's path.
    let mut map = app.doc.map().clone();
    map.language = journey::core::model::Language::De;
    app.doc
        .apply(journey::core::edit::Edit::ReplaceMap(Box::new(map)))
        .expect("applies");
    keys(&mut app, "aBlog<Enter>");
    if app.current.persona.is_none() {
        keys(&mut app, "p<Enter>");
    }
    keys(&mut app, " ");
    let persona = app.current.persona(app.doc.map()).expect("a persona");
    assert_eq!(persona.id, "die-kritische");
    assert_eq!(persona.paths[0].name, "Die Kritische: Pfad");
    assert_eq!(persona.paths[0].id, "die-kritische-pfad");
    let said = &app.message.as_ref().expect("a message").text;
    assert!(said.contains("“Die Kritische: Pfad” with “Blog”"), "{said}");
    // n in the panel offers the next name, selected: Enter takes it.
    keys(&mut app, "sn<Enter>");
    let persona = app.current.persona(app.doc.map()).expect("a persona");
    assert_eq!(persona.paths[1].name, "Die Kritische: Pfad 2");
}

#[test]
fn r_on_a_path_starts_with_its_name_selected() {
    let (mut app, _dir) = app();
    keys(&mut app, "p<Enter>srÜber Tests<Enter>");
    let path = app.current.path(app.doc.map()).expect("a path");
    assert_eq!(path.name, "Über Tests");
}

#[test]
fn stage_headers_keep_the_name_and_shorten_the_marker() {
    let (app, _dir) = template_app(100, 30);
    let screen = text(&app, 100, 30);
    let header = screen.lines().next().expect("a header row");
    // The whole name, the warning sign at the column's right edge.
    let column = header
        .split('│')
        .find(|c| c.contains("Consideration"))
        .expect("the Consideration column");
    assert!(column.trim_end().ends_with('⚠'), "{header}");
    assert!(!header.contains('…'), "{header}");
    assert!(header.contains("Awareness   ⚠ empty"), "{header}");
}

#[test]
fn one_touchpoint_is_singular() {
    let (mut app, _dir) = app_at(80, 24);
    keys(&mut app, "lllAEnde<Enter>aEins<Enter>k");
    let screen = text(&app, 80, 24);
    assert!(screen.contains("1 touchpoint ·"), "{screen}");
}

#[test]
fn g_and_shift_g_in_the_path_panel_go_to_the_first_and_last_step() {
    let (mut app, _dir) = app();
    keys(&mut app, "p<Enter>s");
    let len = app.current.path(app.doc.map()).expect("a path").steps.len();
    assert!(len > 2, "the fixture's first path has steps");
    keys(&mut app, "G");
    assert_eq!(app.current.step, len - 1);
    keys(&mut app, "g");
    assert_eq!(app.current.step, 0);
    keys(&mut app, "<End>");
    assert_eq!(app.current.step, len - 1);
    keys(&mut app, "<Home>");
    assert_eq!(app.current.step, 0);
}
