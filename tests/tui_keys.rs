//! Key sequences through dispatch and `update`, asserting on the map.

mod common;

use common::{app, effects_of, keys, names, saves};
use journey::core::format::{load, to_string};
use journey::core::model::Kind;
use journey::tui::Flow;
use journey::tui::Screen;
use journey::tui::app::{App, Overlay, Settings};
use journey::tui::update::{Effect, SaveCheck};

#[test]
fn add_a_touchpoint_below_the_selection_with_a_slug_id() {
    let (mut app, _dir) = app();
    keys(&mut app, "laBewertungsportal<Enter>");
    let stage = &app.doc.map().stages[1];
    assert_eq!(stage.touchpoints[1].name, "Bewertungsportal");
    assert_eq!(stage.touchpoints[1].id, "bewertungsportal");
    assert_eq!(stage.touchpoints[1].kind, Kind::Direct);
    assert_eq!(app.view.row, Some(1), "the new touchpoint is selected");
    assert!(app.doc.is_dirty());
}

#[test]
fn new_ids_are_unique_and_umlauts_transliterated() {
    let (mut app, _dir) = app();
    keys(&mut app, "aWeb search<Enter>aGrößenvergleich<Enter>");
    let ids: Vec<&str> = app.doc.map().stages[0]
        .touchpoints
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "web-search",
            "web-search-2",
            "groessenvergleich",
            "instagram-ads",
            "friends"
        ]
    );
}

#[test]
fn an_empty_name_is_refused_with_a_message() {
    let (mut app, _dir) = app();
    let before = app.doc.map().clone();
    keys(&mut app, "a   <Enter>");
    match app.overlay() {
        Some(Overlay::Form(f)) => {
            assert!(
                f.error
                    .as_deref()
                    .is_some_and(|e| e.contains("name is required"))
            )
        }
        other => panic!("the form should stay open, got {other:?}"),
    }
    keys(&mut app, "<Esc>");
    assert!(app.overlay().is_none());
    assert_eq!(app.doc.map(), &before);
    assert!(!app.doc.is_dirty());
}

#[test]
fn edit_form_changes_fields_but_never_the_id() {
    let (mut app, _dir) = app();
    // Name: replace "Web search" by "Suchmaschine"; kind: toggle; channel: add.
    keys(
        &mut app,
        "e<Home><Del><Del><Del><Del><Del><Del><Del><Del><Del><Del>Suchmaschine<Tab> <Tab><End> (SEA)<Tab>Zweite Zeile<A-Enter>dritte<Enter>",
    );
    let t = &app.doc.map().stages[0].touchpoints[0];
    assert_eq!(t.name, "Suchmaschine");
    assert_eq!(t.id, "web-search");
    assert_eq!(t.kind, Kind::Direct);
    assert_eq!(t.channel, "web (SEA)");
    assert!(
        t.notes.ends_with("Rarely to us.Zweite Zeile\ndritte"),
        "{:?}",
        t.notes
    );
    keys(&mut app, "u");
    assert_eq!(app.doc.map().stages[0].touchpoints[0].name, "Web search");
}

#[test]
fn editing_by_grapheme_with_umlauts_and_emoji() {
    let (mut app, _dir) = app();
    keys(&mut app, "aGröße👩‍👩‍👧<BS><Left><BS>e<Enter>");
    // Backspace took the whole family emoji, then the ß.
    assert_eq!(names(&app, 0)[1], "Gröee");
    keys(&mut app, "a口コミ<Home><Del><Right>x<Enter>");
    assert_eq!(names(&app, 0)[2], "コxミ");
}

#[test]
fn pasted_text_is_cleaned() {
    let (mut app, _dir) = app();
    keys(&mut app, "a");
    app.handle(crossterm::event::Event::Paste(
        "Review\nportal\x1b[31m".into(),
    ));
    keys(&mut app, "<Enter>");
    assert_eq!(names(&app, 0)[1], "Review portal");
}

#[test]
fn toggle_undo_redo() {
    let (mut app, _dir) = app();
    let kind = |app: &App| app.doc.map().stages[0].touchpoints[0].kind;
    keys(&mut app, "t");
    assert_eq!(kind(&app), Kind::Direct);
    keys(&mut app, "u");
    assert_eq!(kind(&app), Kind::Indirect);
    assert!(!app.doc.is_dirty(), "undo back to the saved state is clean");
    keys(&mut app, "<C-r>");
    assert_eq!(kind(&app), Kind::Direct);
    assert!(app.doc.is_dirty());
}

#[test]
fn moves_within_and_across_stages_and_of_stages() {
    let (mut app, _dir) = app();
    let original = app.doc.map().clone();
    keys(&mut app, "J");
    assert_eq!(names(&app, 0), ["Instagram ads", "Web search", "Friends"]);
    keys(&mut app, "K");
    assert_eq!(names(&app, 0), ["Web search", "Instagram ads", "Friends"]);
    keys(&mut app, "L");
    assert_eq!(names(&app, 1)[0], "Web search");
    assert_eq!(app.view.stage, 1, "the selection follows the touchpoint");
    keys(&mut app, "<S-Right><S-Down>");
    assert_eq!(names(&app, 2)[1], "Web search");
    keys(&mut app, "H");
    assert_eq!(names(&app, 1)[1], "Web search");
    keys(&mut app, ">");
    assert_eq!(app.doc.map().stages[2].id, "consideration");
    keys(&mut app, "<lt><lt>");
    assert_eq!(app.doc.map().stages[0].id, "consideration");
    // Moving past an edge does nothing and adds no undo step.
    keys(&mut app, "<lt>");
    assert_eq!(app.doc.map().stages[0].id, "consideration");
    keys(&mut app, "uuuuuuuuu");
    assert_eq!(app.doc.map(), &original);
    keys(&mut app, "<C-r><C-r><C-r><C-r><C-r><C-r><C-r><C-r><C-r>");
    assert_eq!(app.doc.map().stages[0].id, "consideration");
}

#[test]
fn deleting_a_touchpoint_on_paths_asks_and_says_how_many() {
    let (mut app, _dir) = app();
    let original = app.doc.map().clone();
    // "Price comparison" (third in Decision) is on two paths.
    keys(&mut app, "lljj");
    assert_eq!(app.view.row, Some(2));
    keys(&mut app, "d");
    let Some(Overlay::Confirm(c)) = app.overlay() else {
        panic!("expected a question, got {:?}", app.overlay());
    };
    assert!(c.lines.join(" ").contains("2 paths"), "{:?}", c.lines);
    keys(&mut app, "n");
    assert_eq!(app.doc.map(), &original);
    keys(&mut app, "dy");
    assert_eq!(names(&app, 2), ["Store visit", "Online shop"]);
    let said = &app.message.as_ref().expect("a message").text;
    assert_eq!(
        said,
        "deleted “Price comparison”; 2 paths changed; u undoes"
    );
    let steps = |app: &App| {
        app.doc
            .map()
            .personas
            .iter()
            .flat_map(|p| &p.paths)
            .flat_map(|p| &p.steps)
            .filter(|s| s.touchpoint == "price-comparison")
            .count()
    };
    assert_eq!(steps(&app), 0);
    keys(&mut app, "u");
    assert_eq!(app.doc.map(), &original);
}

#[test]
fn deleting_an_unused_touchpoint_needs_no_question() {
    let (mut app, _dir) = app();
    keys(&mut app, "jjd");
    assert!(app.overlay().is_none());
    assert_eq!(names(&app, 0), ["Web search", "Instagram ads"]);
}

#[test]
fn a_stage_delete_undoes_fully_with_touchpoints_and_steps() {
    let (mut app, _dir) = app();
    let original = app.doc.map().clone();
    keys(&mut app, "lDy");
    assert_eq!(app.doc.map().stages.len(), 4);
    let said = &app.message.as_ref().expect("a message").text;
    assert!(said.starts_with("deleted stage “Consideration”;"), "{said}");
    assert!(app.doc.map().find_touchpoint("photo-blogs").is_none());
    let steps: usize = app.doc.map().personas[0].paths[0].steps.len();
    assert_eq!(steps, 4, "the two consideration steps are gone");
    keys(&mut app, "u");
    assert_eq!(app.doc.map(), &original);
    keys(&mut app, "<C-r>");
    assert_eq!(app.doc.map().stages.len(), 4);
}

#[test]
fn add_rename_and_delete_a_stage() {
    let (mut app, _dir) = app();
    keys(&mut app, "AEvaluation<Enter>");
    let stage = &app.doc.map().stages[1];
    assert_eq!(
        (stage.id.as_str(), stage.name.as_str()),
        ("evaluation", "Evaluation")
    );
    assert!(stage.touchpoints.is_empty());
    assert_eq!((app.view.stage, app.view.row), (1, None));
    keys(
        &mut app,
        "e<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>Vergleich<Tab>Wer vergleicht was<Enter>",
    );
    let stage = &app.doc.map().stages[1];
    assert_eq!(stage.name, "Vergleich");
    assert_eq!(stage.id, "evaluation", "a rename keeps the id");
    assert_eq!(stage.description, "Wer vergleicht was");
    keys(&mut app, "D");
    assert!(
        app.overlay().is_none(),
        "an empty stage goes without a question"
    );
    assert_eq!(app.doc.map().stages.len(), 5);
    keys(&mut app, "uuu");
    assert_eq!(app.doc.map().stages.len(), 5);
    assert!(!app.doc.is_dirty());
}

#[test]
fn the_stage_header_is_selected_above_the_first_touchpoint() {
    let (mut app, _dir) = app();
    keys(&mut app, "k");
    assert_eq!(app.view.row, None);
    keys(&mut app, "e");
    assert!(matches!(app.overlay(), Some(Overlay::Form(f)) if f.title == "Edit stage"));
}

#[test]
fn undo_has_no_limit() {
    let (mut app, _dir) = app();
    let original = app.doc.map().clone();
    keys(&mut app, &"tj".repeat(150));
    keys(&mut app, &"u".repeat(150));
    assert_eq!(app.doc.map(), &original);
    keys(&mut app, "u");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text == "nothing to undo")
    );
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_and_stays_dirty() {
    let (mut app, _dir) = app();
    keys(&mut app, "tut<C-r>");
    assert_eq!(app.doc.map().stages[0].touchpoints[0].kind, Kind::Direct);
    keys(&mut app, "<C-s>tu");
    assert!(!app.doc.is_dirty());
    keys(&mut app, "u");
    assert!(app.doc.is_dirty(), "before the save is unsaved again");
}

#[test]
fn save_asks_to_write_canonical_bytes_over_the_file_it_read() {
    let (mut app, _dir) = app();
    keys(&mut app, "laBewertungsportal<Enter>t");
    let effects = effects_of(&mut app, "<C-s>");
    let [
        Effect::Save {
            path,
            text,
            check,
            then_quit,
            ..
        },
    ] = &effects[..]
    else {
        panic!("one save, got {effects:?}");
    };
    assert_eq!(path, &app.doc.path);
    assert_eq!(text, &to_string(app.doc.map()), "the canonical bytes");
    assert!(!then_quit);
    assert_eq!(check, &SaveCheck::Unchanged(app.doc.stamp.clone()));
    let written = &saves(&effects)[0].1;
    assert_eq!(written, app.doc.map());
    let t = &written.stages[1].touchpoints[1];
    assert_eq!(
        (t.name.as_str(), t.kind),
        ("Bewertungsportal", Kind::Indirect)
    );
}

#[test]
fn a_failed_save_keeps_the_map_and_says_why() {
    let (mut app, dir) = app();
    // A map meant for a folder that is not there: nothing on disk to stamp.
    app.doc.path = dir.path().join("missing-folder/camera.ron");
    app.doc.stamp = None;
    keys(&mut app, "t<C-s>");
    assert!(app.doc.is_dirty());
    let m = app.message.clone().expect("a message");
    assert!(m.error && m.text.contains("cannot save"), "{m:?}");
    assert_eq!(app.doc.map().stages[0].touchpoints[0].kind, Kind::Direct);
    // Quitting still asks, and "save and quit" fails without quitting.
    assert_eq!(keys(&mut app, "qs"), Flow::Continue);
}

#[test]
fn quit_at_once_when_saved() {
    let (mut app, _dir) = app();
    assert_eq!(keys(&mut app, "jlq"), Flow::Exit);
}

#[test]
fn quit_with_changes_asks_save_discard_or_cancel() {
    let (mut app, dir) = app();
    let path = dir.path().join("camera.ron");
    let before = std::fs::read(&path).expect("read");
    assert_eq!(keys(&mut app, "tq"), Flow::Continue);
    assert!(matches!(app.overlay(), Some(Overlay::Confirm(_))));
    assert_eq!(keys(&mut app, "<Esc>"), Flow::Continue);
    assert!(app.overlay().is_none());
    assert_eq!(
        keys(&mut app, "qx"),
        Flow::Continue,
        "other keys do nothing"
    );
    assert_eq!(keys(&mut app, "d"), Flow::Exit);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "discard wrote nothing"
    );

    // "Save and quit" saves first; the editor quits once that went well.
    let (mut app, dir) = common::app();
    let path = dir.path().join("camera.ron");
    let effects = effects_of(&mut app, "tqs");
    let [(to, saved, then_quit)] = &saves(&effects)[..] else {
        panic!("one save, got {effects:?}");
    };
    assert_eq!((to, *then_quit), (&path, true));
    assert_eq!(saved.stages[0].touchpoints[0].kind, Kind::Direct);
    assert!(
        !effects.contains(&Effect::Quit),
        "not before the save is done"
    );
}

#[test]
fn a_missing_file_is_created_from_a_template_after_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("launch.ron");
    let mut app = App::create(path.clone(), Settings::new(false, true));
    let effects = effects_of(&mut app, "<Right><Enter>");
    let [(to, created, _)] = &saves(&effects)[..] else {
        panic!("one save, got {effects:?}");
    };
    assert_eq!(to, &path);
    assert_eq!(created.stages[0].name, "Attention", "the aida template");
    assert!(
        effects.iter().any(|e| matches!(
            e,
            Effect::Save {
                check: SaveCheck::Unchanged(None),
                ..
            }
        )),
        "a file made meanwhile by someone else is not written over"
    );

    // A title typed in the form is the map's title.
    let titled = dir.path().join("titled.ron");
    let mut app = App::create(titled.clone(), Settings::new(false, true));
    let effects = effects_of(&mut app, "<Tab>Spring launch<Enter>");
    assert_eq!(saves(&effects)[0].0, titled);
    assert_eq!(saves(&effects)[0].1.title, "Spring launch");

    let other = dir.path().join("other.ron");
    let mut app = App::create(other.clone(), Settings::new(false, true));
    let effects = effects_of(&mut app, "<Esc>");
    assert_eq!(effects, [Effect::Quit], "nothing is written");
    assert!(!other.exists());
}

#[test]
fn a_missing_file_is_created_and_the_editor_goes_on_with_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("launch.ron");
    let mut app = App::create(path.clone(), Settings::new(false, true));
    keys(&mut app, "<Right><Enter>");
    let created = load(&path).expect("created");
    assert_eq!(created.map.stages[0].name, "Attention");
    assert!(!app.doc.is_dirty());
}

#[test]
fn help_opens_and_closes() {
    let (mut app, _dir) = app();
    keys(&mut app, "?");
    assert!(matches!(app.overlay(), Some(Overlay::Help { .. })));
    keys(&mut app, "jjj<Esc>");
    assert!(app.overlay().is_none());
}

#[test]
fn the_map_title_description_and_conversion_are_edited_and_undone() {
    let (mut app, _dir) = app();
    let before = app.doc.map().clone();
    keys(&mut app, "T");
    keys(&mut app, &"<BS>".repeat(60));
    keys(&mut app, "Kamera kaufen<Tab>Für den Blog<Tab>");
    keys(&mut app, &"<BS>".repeat(80));
    keys(&mut app, "Kauf im Shop<Enter>");
    let map = app.doc.map();
    assert_eq!(map.title, "Kamera kaufen");
    assert!(
        map.description.ends_with("Für den Blog"),
        "{}",
        map.description
    );
    assert_eq!(map.conversion, "Kauf im Shop");
    assert_eq!(map.stages, before.stages, "nothing else changed");
    keys(&mut app, "u");
    assert_eq!(*app.doc.map(), before);
    // An empty title is refused, and the form stays open.
    keys(&mut app, "T");
    keys(&mut app, &"<BS>".repeat(60));
    keys(&mut app, "<Enter>");
    assert!(app.overlay().is_some());
    assert_eq!(app.doc.map().title, before.title);
}

/// Over a slow link, Esc and the next key can arrive together and be read as
/// Alt plus that key. Where nothing is bound to that Alt key, the loop takes
/// it for the two keys; in a form, where Alt-Enter means something, it does
/// not.
#[test]
fn esc_and_a_key_read_together_count_as_two_keys() {
    use journey::tui::keys::parse_keys;
    let (mut app, _dir) = app();
    keys(&mut app, "v");
    assert!(matches!(app.overlay(), Some(Overlay::Problems { .. })));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let mut events = parse_keys("<A-x>").into_iter();
    journey::tui::run(&mut terminal, &mut events, &mut app).unwrap();
    assert!(
        matches!(app.overlay(), Some(Overlay::Form(_))),
        "Esc closed the problems panel and x opened the export prompt: {:?}",
        app.overlay()
    );

    // In a form, Alt-Enter is a new line, not Esc and Enter.
    let (mut app, _dir) = common::app();
    keys(&mut app, "e<Tab><Tab><Tab><End>");
    let mut events = parse_keys("<A-Enter>x<Enter>").into_iter();
    journey::tui::run(&mut terminal, &mut events, &mut app).unwrap();
    assert!(
        app.doc.map().stages[0].touchpoints[0]
            .notes
            .ends_with("\nx")
    );
}

/// Esc over a changed note asks once; a second Esc throws it away, Enter
/// keeps it. A touchpoint's changed name asks the same; Esc over an
/// unchanged form just cancels.
#[test]
fn esc_asks_before_throwing_away_a_changed_note() {
    let (mut app, _dir) = app();
    let before = app.doc.map().clone();
    keys(&mut app, "e<Tab><Tab><Tab> and more<Esc>");
    match app.overlay() {
        Some(Overlay::Form(f)) => assert!(
            f.error.as_deref().is_some_and(|e| e.contains("Esc again")),
            "{:?}",
            f.error
        ),
        other => panic!("the form should stay open, got {other:?}"),
    }
    keys(&mut app, "<Esc>");
    assert!(app.overlay().is_none());
    assert_eq!(app.doc.map(), &before);

    keys(&mut app, "e<Tab><Tab><Tab> and more<Esc><Enter>");
    assert!(app.overlay().is_none());
    assert!(
        app.doc.map().stages[0].touchpoints[0]
            .notes
            .ends_with(" and more")
    );

    // A changed name asks too: a touchpoint's name and channel are typed
    // with its note, and losing them to one Esc loses real work.
    keys(&mut app, "e<End>x<Esc>");
    assert!(
        matches!(app.overlay(), Some(Overlay::Form(_))),
        "a changed name asks first"
    );
    keys(&mut app, "<Esc>");
    assert!(app.overlay().is_none(), "Esc again throws it away");
    assert!(!app.doc.map().stages[0].touchpoints[0].name.ends_with('x'));

    // So does a stage's typed name, new or changed.
    let stages = app.doc.map().stages.len();
    for typed in ["ALoyalty<Esc>", "k<Enter><End>x<Esc>"] {
        keys(&mut app, typed);
        assert!(
            matches!(app.overlay(), Some(Overlay::Form(_))),
            "{typed}: a typed stage name asks first"
        );
        keys(&mut app, "<Esc>");
        assert!(app.overlay().is_none(), "{typed}: Esc again throws it away");
    }
    assert_eq!(app.doc.map().stages.len(), stages);
    assert!(!app.doc.map().stages[0].name.ends_with('x'));
}

/// Page keys move a page at a time within the stage; Page Up never goes
/// down, and stops at the first touchpoint.
#[test]
fn page_up_and_down_stay_in_order() {
    let (mut app, _dir) = app();
    keys(&mut app, "l<Home>");
    assert_eq!(app.view.row, None, "on the stage's header");
    keys(&mut app, "<PgUp>");
    assert_eq!(app.view.row, None, "nothing above the header");
    keys(&mut app, "<PgDn>");
    let last = app.doc.map().stages[1].touchpoints.len() - 1;
    assert_eq!(app.view.row, Some(last), "a page down, kept in the stage");
    keys(&mut app, "<PgUp>");
    assert_eq!(app.view.row, Some(0));
}
