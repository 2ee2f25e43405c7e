//! Export from the board: the prompt, the suggested file name, the file
//! written by the CLI's exporters, and errors shown while the editor goes on.

mod common;

use common::{app, effects_of, exports, keys};
use journey::core::export::{Format, Options};
use journey::tui::app::Overlay;

fn file_field(app: &journey::tui::app::App) -> String {
    match app.overlay() {
        Some(Overlay::Form(f)) => f.text("File").to_string(),
        other => panic!("expected the export prompt, got {other:?}"),
    }
}

#[test]
fn x_suggests_a_file_next_to_the_map_and_writes_markdown() {
    let (mut app, dir) = app();
    keys(&mut app, "x");
    let suggested = dir.path().join("camera.md");
    assert_eq!(file_field(&app), suggested.display().to_string());
    keys(&mut app, "<Enter>");
    assert!(app.overlay().is_none());
    let text = std::fs::read_to_string(&suggested).expect("the export is written");
    assert!(text.contains("Critical buyer") && text.contains("Experience seeker"));
    let m = app.message.as_ref().expect("a message");
    assert!(
        !m.error && m.text.contains("exported to") && m.text.contains("camera.md"),
        "{m:?}"
    );
    assert!(!app.doc.is_dirty(), "an export is no edit");
    assert!(!m.text.contains("replacing"), "{m:?}");
}

#[test]
fn exporting_again_starts_from_the_last_format_and_says_it_replaced_the_file() {
    let (mut app, dir) = app();
    keys(&mut app, "x<Right><Enter>");
    let dot = dir.path().join("camera.dot");
    assert!(dot.exists());
    keys(&mut app, "x");
    assert_eq!(file_field(&app), dot.display().to_string());
    keys(&mut app, "<Enter>");
    let m = app.message.as_ref().expect("a message");
    assert!(
        m.text.contains("camera.dot") && m.text.contains("replacing"),
        "{m:?}"
    );
}

#[test]
fn the_file_name_follows_the_format_and_the_persona() {
    let (mut app, dir) = app();
    // With a persona on the board, the prompt starts on that persona.
    keys(&mut app, "p<Enter>x<Right>");
    assert_eq!(
        file_field(&app),
        dir.path()
            .join("camera.critical-buyer.dot")
            .display()
            .to_string()
    );
    keys(&mut app, "<Left><Tab><Left>");
    assert_eq!(
        file_field(&app),
        dir.path().join("camera.md").display().to_string()
    );
    keys(&mut app, "<Right>");
    let one = dir.path().join("camera.critical-buyer.md");
    assert_eq!(file_field(&app), one.display().to_string());
    let effects = effects_of(&mut app, "<Enter>");
    let [job] = &exports(&effects)[..] else {
        panic!("one export, got {effects:?}");
    };
    assert_eq!(job.path, one);
    assert_eq!(job.format, Format::Markdown);
    assert_eq!(
        job.options,
        Options::persona("critical-buyer"),
        "only the current persona"
    );
}

#[test]
fn a_typed_file_name_is_kept_when_the_format_changes() {
    let (mut app, dir) = app();
    let mine = dir.path().join("slides.mmd");
    keys(&mut app, "x<Tab><Tab><C-a>");
    // Clear the suggestion, type our own, then change the format.
    for _ in 0..200 {
        keys(&mut app, "<Del>");
    }
    keys(&mut app, &mine.display().to_string());
    keys(&mut app, "<Tab><Right><Right>");
    assert_eq!(file_field(&app), mine.display().to_string());
    let effects = effects_of(&mut app, "<Enter>");
    let [job] = &exports(&effects)[..] else {
        panic!("one export, got {effects:?}");
    };
    assert_eq!(job.path, mine);
    assert_eq!(job.format, Format::Mermaid, "two to the right of markdown");
}

#[test]
fn an_unwritable_folder_is_an_error_and_the_editor_goes_on() {
    let (mut app, dir) = app();
    let bad = dir.path().join("no-such-folder").join("camera.md");
    keys(&mut app, "x<Tab><Tab><C-a>");
    for _ in 0..200 {
        keys(&mut app, "<Del>");
    }
    keys(&mut app, &bad.display().to_string());
    keys(&mut app, "<Enter>");
    let m = app.message.clone().expect("a message");
    assert!(m.error && m.text.contains("export failed"), "{m:?}");
    assert!(!bad.exists());
    // Still editing.
    keys(&mut app, "t");
    assert!(app.doc.is_dirty());
}

#[test]
fn a_blank_file_name_keeps_the_prompt_open() {
    let (mut app, _dir) = app();
    keys(&mut app, "x<Tab><Tab><C-a>");
    for _ in 0..200 {
        keys(&mut app, "<Del>");
    }
    keys(&mut app, "<Enter>");
    match app.overlay() {
        Some(Overlay::Form(f)) => {
            assert!(f.error.as_deref().is_some_and(|e| e.contains("file name")))
        }
        other => panic!("the prompt should stay, got {other:?}"),
    }
    keys(&mut app, "<Esc>");
    assert!(app.overlay().is_none());
}

#[test]
fn svg_for_a_slide_through_graphviz() {
    let found = std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        common::missing("Graphviz (dot) is not installed");
        return;
    }
    let (mut app, dir) = app();
    keys(&mut app, "x<Right><Right><Right><Right>");
    let svg = dir.path().join("camera.svg");
    assert_eq!(file_field(&app), svg.display().to_string());
    keys(&mut app, "<Enter>");
    assert!(app.session.drawing.is_some(), "drawn in the background");
    common::finish_drawing(&mut app);
    let text = std::fs::read_to_string(&svg).expect("the picture is written");
    assert!(text.contains("<svg"), "{}", &text[..text.len().min(200)]);
    let m = app.message.as_ref().expect("a message");
    assert!(!m.error && m.text.contains("camera.svg"), "{m:?}");
}

#[test]
fn the_prompt_never_offers_or_takes_the_map_itself() {
    let (mut app, dir) = app();
    let map = app.doc.path.clone();
    let before = std::fs::read(&map).expect("map bytes");
    // The map's own name, and a link to it, are refused in the prompt.
    std::os::unix::fs::symlink(&map, dir.path().join("link.md")).expect("symlink");
    for name in [
        map.display().to_string(),
        dir.path().join("link.md").display().to_string(),
    ] {
        keys(&mut app, "x<Tab><Tab>");
        let erase = "<BS>".repeat(file_field(&app).chars().count());
        keys(&mut app, &erase);
        journey::tui::Screen::handle(&mut app, crossterm::event::Event::Paste(name.clone()));
        keys(&mut app, "<Enter>");
        match app.overlay() {
            Some(Overlay::Form(f)) => assert!(
                f.error
                    .as_deref()
                    .is_some_and(|e| e.contains("map's own file")),
                "{name}: {:?}",
                f.error
            ),
            other => panic!("{name}: the export went ahead: {other:?}"),
        }
        keys(&mut app, "<Esc>");
        assert_eq!(std::fs::read(&map).expect("map bytes"), before);
    }

    // A map kept as `notes.md` is not offered its own name for Markdown.
    let notes = dir.path().join("notes.md");
    std::fs::copy(&map, &notes).expect("copy");
    let loaded = journey::core::format::load(&notes).expect("loads");
    let mut app = journey::tui::app::App::open_loaded(
        loaded,
        notes.clone(),
        journey::tui::app::Settings::new(false, true),
    );
    journey::tui::Screen::handle(&mut app, crossterm::event::Event::Resize(80, 24));
    keys(&mut app, "x");
    let offered = file_field(&app);
    assert_ne!(offered, notes.display().to_string());
    assert!(offered.ends_with("export-notes.md"), "{offered}");
}

/// Opens the export prompt, names `path` in it and confirms.
fn export_to(app: &mut journey::tui::app::App, path: &std::path::Path) {
    keys(app, "x");
    type_file(app, path);
    keys(app, "<Enter>");
}

/// Replaces the prompt's file name with `path`.
fn type_file(app: &mut journey::tui::app::App, path: &std::path::Path) {
    keys(app, "<Tab><Tab>");
    let erase = "<BS>".repeat(file_field(app).chars().count());
    keys(app, &erase);
    journey::tui::Screen::handle(
        app,
        crossterm::event::Event::Paste(path.display().to_string()),
    );
}

fn dialog_title(app: &journey::tui::app::App) -> Option<String> {
    match app.overlay() {
        Some(Overlay::Confirm(c)) => Some(c.title.clone()),
        _ => None,
    }
}

#[test]
fn a_file_the_editor_did_not_write_is_asked_about_before_an_export_replaces_it() {
    let (mut app, dir) = app();
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "another map").expect("write");

    // Choosing another name goes back to the prompt, on the name tried.
    export_to(&mut app, &other);
    assert_eq!(dialog_title(&app).as_deref(), Some("File exists"));
    keys(&mut app, "a");
    assert_eq!(file_field(&app), other.display().to_string());
    keys(&mut app, "<Esc><Esc>");
    assert!(app.overlay().is_none());
    assert_eq!(
        std::fs::read_to_string(&other).expect("read"),
        "another map"
    );

    // Esc on the question writes nothing either.
    export_to(&mut app, &other);
    keys(&mut app, "<Esc>");
    assert!(app.overlay().is_none());
    assert_eq!(
        std::fs::read_to_string(&other).expect("read"),
        "another map"
    );

    // Overwrite: the export replaces it, and says so.
    export_to(&mut app, &other);
    keys(&mut app, "o");
    assert!(app.overlay().is_none());
    let text = std::fs::read_to_string(&other).expect("read");
    assert!(
        text.contains("Critical buyer"),
        "the Markdown export: {text:.80}"
    );
    let m = app.message.as_ref().expect("a message");
    assert!(m.text.contains("replacing"), "{m:?}");

    // Written by this editor now: the next export there asks nothing.
    export_to(&mut app, &other);
    assert_eq!(dialog_title(&app), None);
    assert!(app.overlay().is_none());
}
