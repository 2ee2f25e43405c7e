//! The editor's safety nets, driven through the same dispatch as the
//! terminal: a change on disk before a save, save as, restoring recovered
//! work, hostile sizes, and maps big enough to expose quadratic code.

mod common;

use common::{app_at, keys};
use crossterm::event::Event;
use journey::core::format::{load, to_string};
use journey::core::model::{Kind, Map, Path as JPath, Persona, Stage, Step, Touchpoint};
use journey::core::recovery::Recovery;
use journey::tui::Screen;
use journey::tui::app::{App, Overlay, Settings};
use journey::tui::update::restore_dialog;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

fn stamped_app() -> (App, tempfile::TempDir) {
    let (app, dir) = app_at(80, 24);
    let path = app.doc.path.clone();
    let loaded = load(&path).expect("loads");
    let mut app = App::open_loaded(loaded, path, Settings::new(false, true));
    app.handle(Event::Resize(80, 24));
    (app, dir)
}

fn dialog_title(app: &App) -> Option<String> {
    match app.overlay() {
        Some(Overlay::Confirm(c)) => Some(c.title.clone()),
        Some(Overlay::Form(f)) => Some(f.title.clone()),
        _ => None,
    }
}

#[test]
fn a_save_over_a_file_changed_on_disk_asks_and_overwrite_writes() {
    let (mut app, _dir) = stamped_app();
    let path = app.doc.path.clone();
    keys(&mut app, "t");
    let mut theirs = load(&path).expect("loads").map;
    theirs.title = "Theirs".into();
    std::fs::write(&path, to_string(&theirs)).expect("their change");
    keys(&mut app, "<C-s>");
    assert_eq!(dialog_title(&app).as_deref(), Some("Changed on disk"));
    assert_eq!(
        load(&path).expect("loads").map.title,
        "Theirs",
        "nothing written yet"
    );
    assert!(app.doc.is_dirty());
    keys(&mut app, "o");
    assert!(!app.doc.is_dirty());
    assert_eq!(load(&path).expect("loads").map, *app.doc.map());
    // The stamp now matches what was written: the next save asks nothing.
    keys(&mut app, "t<C-s>");
    assert_eq!(dialog_title(&app), None);
    assert!(!app.doc.is_dirty());
}

#[test]
fn a_new_map_whose_file_appears_before_the_save_asks_first() {
    // Two editors on the same missing file, or a `git pull` that creates it
    // while this editor has it open as a new map.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("launch.ron");
    let mut app = App::create(path.clone(), Settings::new(false, true));
    app.handle(Event::Resize(80, 24));
    let theirs = "(\n    format: 1,\n    title: \"Theirs\",\n)\n";
    std::fs::write(&path, theirs).expect("the other editor saves first");
    // Enter in the "New map" form writes the new map for the first time.
    keys(&mut app, "<Enter>");
    assert_eq!(dialog_title(&app).as_deref(), Some("Changed on disk"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("reads"),
        theirs,
        "their file is not overwritten without asking"
    );
    keys(&mut app, "o");
    assert_eq!(load(&path).expect("loads").map, *app.doc.map());
}

#[test]
fn a_recovery_that_holds_what_the_file_holds_is_not_offered() {
    let (mut app, dir) = stamped_app();
    let store = journey::core::recovery::RecoveryStore::in_dir(dir.path().join("recovery"));
    // Work kept aside before a reload, then undone and saved: the file
    // now holds exactly what the recovery holds.
    let same = store
        .tagged_path_for(&app.doc.path, "before-reload-1-1")
        .clone();
    std::fs::create_dir_all(store.dir()).expect("recovery folder");
    std::fs::write(&same, to_string(app.doc.map())).expect("recovery file");
    journey::tui::recovery::offer_recovery(&mut app, &store);
    assert_eq!(dialog_title(&app), None, "nothing to restore is offered");
    assert!(!same.exists(), "the empty recovery is deleted");

    // One that differs is still offered.
    let mut other = app.doc.map().clone();
    other.title = "Changed".into();
    std::fs::write(store.path_for(&app.doc.path), to_string(&other)).expect("recovery file");
    journey::tui::recovery::offer_recovery(&mut app, &store);
    assert_eq!(dialog_title(&app).as_deref(), Some("Recovered changes"));
}

#[test]
fn reload_takes_the_file_on_disk() {
    let (mut app, _dir) = stamped_app();
    let path = app.doc.path.clone();
    let mut theirs = load(&path).expect("loads").map;
    theirs.title = "Theirs".into();
    std::fs::write(&path, to_string(&theirs)).expect("their change");
    // Clean: R reloads at once.
    keys(&mut app, "R");
    assert_eq!(app.doc.map().title, "Theirs");
    // Dirty: R asks first; Esc keeps the edit.
    keys(&mut app, "t");
    keys(&mut app, "R");
    assert_eq!(dialog_title(&app).as_deref(), Some("Reload from disk"));
    keys(&mut app, "<Esc>");
    assert!(app.doc.is_dirty());
    let mine = app.doc.map().clone();
    keys(&mut app, "Rr");
    assert!(!app.doc.is_dirty());
    assert_eq!(*app.doc.map(), theirs);
    // The reload is undoable: u brings back what was open, unsaved.
    let said = &app.message.as_ref().expect("a message").text;
    assert!(said.contains("u brings your changes back"), "{said}");
    keys(&mut app, "u");
    assert_eq!(*app.doc.map(), mine);
    assert!(app.doc.is_dirty());
    keys(&mut app, "<C-r>");
    assert_eq!(*app.doc.map(), theirs);
    assert!(!app.doc.is_dirty(), "redo is the file's content again");
}

#[test]
fn save_as_writes_a_new_file_and_asks_before_overwriting_another() {
    let (mut app, dir) = stamped_app();
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "precious").expect("write");
    keys(&mut app, "tS");
    assert_eq!(dialog_title(&app).as_deref(), Some("Save as"));
    let typed = format!("<End>{}{}", "<BS>".repeat(200), other.display());
    keys(&mut app, &typed);
    keys(&mut app, "<Enter>");
    assert_eq!(dialog_title(&app).as_deref(), Some("File exists"));
    assert_eq!(std::fs::read_to_string(&other).expect("read"), "precious");
    keys(&mut app, "a");
    // Back to the name just tried, to change it.
    match app.overlay() {
        Some(journey::tui::app::Overlay::Form(f)) => {
            assert_eq!(f.text("File"), other.display().to_string());
        }
        other => panic!("expected the save-as form again, got {other:?}"),
    }
    let fresh = dir.path().join("fresh.ron");
    keys(
        &mut app,
        &format!("<End>{}{}<Enter>", "<BS>".repeat(200), fresh.display()),
    );
    assert_eq!(dialog_title(&app), None);
    assert_eq!(app.doc.path, fresh);
    assert!(!app.doc.is_dirty());
    assert_eq!(load(&fresh).expect("loads").map, *app.doc.map());
}

#[test]
fn restoring_recovered_work_makes_it_unsaved_and_says_what_differs() {
    let (mut app, dir) = stamped_app();
    let mut recovered = app.doc.map().clone();
    recovered.stages[0].touchpoints.push(Touchpoint {
        allow: Vec::new(),
        cost: None,
        id: "new-one".into(),
        name: "New one".into(),
        kind: Kind::Indirect,
        channel: String::new(),
        notes: String::new(),
    });
    let recovery = Recovery {
        path: dir.path().join("camera.0000.ron"),
        map: recovered.clone(),
        saved_at: None,
        older_than_file: true,
    };
    restore_dialog(&mut app, recovery.clone());
    let Some(Overlay::Confirm(confirm)) = app.overlay() else {
        panic!("no dialog");
    };
    let text = confirm.lines.join("\n");
    assert!(text.contains("1 touchpoint added"), "{text}");
    assert!(text.contains("NEWER"), "{text}");
    keys(&mut app, "r");
    assert_eq!(*app.doc.map(), recovered);
    assert!(app.doc.is_dirty());
    // Discarding leaves the map as it was on disk.
    let (mut app, _dir2) = stamped_app();
    let before = app.doc.map().clone();
    restore_dialog(&mut app, recovery);
    keys(&mut app, "d");
    assert_eq!(*app.doc.map(), before);
    assert!(!app.doc.is_dirty());
}

#[test]
fn every_dialog_survives_every_small_size_and_coming_back() {
    let (mut app, dir) = stamped_app();
    type Open = Box<dyn Fn(&mut App)>;
    let opens: Vec<Open> = vec![
        Box::new(|app| {
            keys(app, "S");
        }),
        Box::new(|app| {
            keys(app, "tR");
        }),
        Box::new(|app| {
            let path = app.doc.path.clone();
            std::fs::write(&path, "(format: 1, title: \"x\")").expect("write");
            keys(app, "t<C-s>");
        }),
        Box::new(move |app| {
            let map = app.doc.map().clone();
            restore_dialog(
                app,
                Recovery {
                    path: dir.path().join("r.ron"),
                    map,
                    saved_at: None,
                    older_than_file: false,
                },
            );
        }),
    ];
    for open in &opens {
        keys(&mut app, "<Esc><Esc>");
        open(&mut app);
        assert!(app.overlay().is_some());
        for (w, h) in (0..=40)
            .flat_map(|w| (0..=14).map(move |h| (w, h)))
            .chain([(1, 1), (80, 24)])
        {
            app.handle(Event::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| app.draw(f)).expect("draw");
        }
    }
}

/// A map at the edges: 10,000 stages, a 100,000-character note, a very long
/// name, and a path of 100,000 steps.
fn huge_map() -> Map {
    let mut map = Map::new("x".repeat(5_000));
    for s in 0..10_000 {
        map.stages.push(Stage {
            allow: Vec::new(),
            id: format!("s{s}"),
            name: format!("Stage {s}"),
            description: String::new(),
            touchpoints: vec![Touchpoint {
                allow: Vec::new(),
                cost: None,
                id: format!("t{s}"),
                name: if s == 0 {
                    "N".repeat(20_000)
                } else {
                    format!("Touchpoint {s}")
                },
                kind: Kind::Direct,
                channel: "web".into(),
                notes: if s == 0 {
                    "note ".repeat(20_000)
                } else {
                    String::new()
                },
            }]
            .into(),
        });
    }
    map.personas.push(Persona {
        allow: Vec::new(),
        id: "p".into(),
        name: "Persona".into(),
        description: String::new(),
        paths: vec![JPath {
            allow: Vec::new(),
            customers: None,
            id: "p-main".into(),
            name: "Main".into(),
            outcome: Default::default(),
            steps: (0..100_000)
                .map(|k| Step {
                    touchpoint: format!("t{}", k / 10),
                    emotion: Some(0),
                    note: String::new(),
                })
                .collect(),
        }]
        .into(),
    });
    map
}

#[test]
fn huge_maps_do_not_hang_the_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    let started = Instant::now();
    let mut app = App::open(huge_map(), path, Settings::new(false, true));
    let mut frames = 0;
    for (w, h) in [(80, 24), (200, 50), (1, 1)] {
        app.handle(Event::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        for seq in [
            "", "l", "j", "h", "<End>", "t", "u", "e", "<Esc>", "?", "<Esc>", "a", "<Esc>",
        ] {
            keys(&mut app, seq);
            terminal.draw(|f| app.draw(f)).expect("draw");
            frames += 1;
        }
    }
    // Generous for a debug build on a shared machine; quadratic code over
    // 100,000 steps or 10,000 stages would take minutes.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{frames} frames and edits took {:?}",
        started.elapsed()
    );
    assert_eq!(app.doc.map().stages.len(), 10_000);
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(50 * 1024 * 1024).expect("a sparse 50 MB file");
    let error = load(&path).expect_err("refused").to_string();
    assert!(error.contains("52428800 bytes"), "{error}");
    assert!(
        error.contains(&journey::core::format::MAX_FILE_BYTES.to_string()),
        "{error}"
    );
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_shows_the_error_and_keeps_the_map() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        common::skip(
            "the read-only folder case: root writes there anyway; the removed-folder case in e2e_recovery covers a failed save",
        );
        return;
    }
    let (mut app, dir) = stamped_app();
    keys(&mut app, "t");
    let before = std::fs::read(&app.doc.path).expect("read");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    keys(&mut app, "<C-s>");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod back");
    let message = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(message.contains("cannot save"), "{message}");
    assert!(app.doc.is_dirty(), "the map is still unsaved in memory");
    assert_eq!(std::fs::read(&app.doc.path).expect("read"), before);
}

/// At 80x24 a dialog shows every answer whole: long lines wrap, and answers
/// that do not fit on one row get a row each.
#[test]
fn dialogs_show_every_answer_at_80x24() {
    let (mut app, dir) = stamped_app();
    let map = app.doc.map().clone();
    restore_dialog(
        &mut app,
        Recovery {
            path: dir.path().join("a-rather-long-recovery-file-name.ron"),
            map,
            saved_at: None,
            older_than_file: true,
        },
    );
    app.handle(Event::Resize(80, 24));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect();
    for answer in [
        "restore them (unsaved until you save)",
        "discard them and delete the recovery file",
        "decide later",
        "replaces the newer file's content",
    ] {
        assert!(screen.contains(answer), "{answer:?} cut off:\n{screen}");
    }
}

/// The screen as text, one line per row.
fn screen_text(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 24)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_recovery_folder_that_cannot_be_written_is_a_lasting_warning() {
    let (mut app, dir) = stamped_app();
    // A plain file where the folder should be: no write can succeed, not
    // even as root.
    let blocked = dir.path().join("state");
    std::fs::write(&blocked, "not a folder").expect("file");
    let rescue = journey::recovery::Keeper::new(
        journey::core::recovery::RecoveryStore::in_dir(blocked.join("recovery")),
        &app.doc.path,
        None,
    );
    app.session.keeper = Some(rescue.clone());
    keys(&mut app, "t");
    assert!(rescue.write_now().is_err(), "the write fails");
    app.tick();
    let screen = screen_text(&app);
    assert!(
        screen.contains("unsaved work is not protected"),
        "no warning on screen:\n{screen}"
    );
    // It lasts: a key and its message do not take it away for good.
    keys(&mut app, "j");
    app.tick();
    assert!(screen_text(&app).contains("unsaved work is not protected"));
    // Once a write succeeds, it goes.
    std::fs::remove_file(&blocked).expect("unblock");
    assert!(rescue.write_now().is_ok(), "the write succeeds now");
    app.tick();
    assert!(!screen_text(&app).contains("not protected"));
}

#[test]
fn a_read_only_map_is_not_saved_over_unless_the_user_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let (mut app, _dir) = stamped_app();
    let path = app.doc.path.clone();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&path).expect("bytes");
    keys(&mut app, "t<C-s>");
    assert_eq!(dialog_title(&app).as_deref(), Some("Read-only file"));
    assert_eq!(std::fs::read(&path).expect("bytes"), before, "not written");
    keys(&mut app, "<Esc>");
    assert!(app.doc.is_dirty(), "cancel keeps the work unsaved");
    keys(&mut app, "<C-s>o");
    assert!(!app.doc.is_dirty(), "overwritten as asked");
    assert_eq!(load(&path).expect("loads").map, *app.doc.map());
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o444, "it stays read-only");
}

/// The slowest of a few rounds of keys, each drawn, on `app`.
fn slowest_key(app: &mut App, seq: &[&str]) -> Duration {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut slowest = Duration::ZERO;
    for k in seq {
        let start = Instant::now();
        keys(app, k);
        terminal.draw(|f| app.draw(f)).expect("draw");
        // Opening a form copies the field's text into it, once.
        if *k != "e" {
            slowest = slowest.max(start.elapsed());
        }
    }
    slowest
}

#[test]
fn no_key_costs_more_for_one_long_text_field() {
    // Board keys, the persona picker and the path panel, and a form open on
    // the long note with typing at its end.
    let seq = [
        "j", "t", "l", "h", "u", "p", "<Enter>", "s", "<Esc>", "k", "e", "<Tab>", "<Tab>", "<Tab>",
        "x", "y", "<BS>", "<Left>", "<Esc>", "<Esc>",
    ];
    let (mut small, _dir) = stamped_app();
    let baseline = slowest_key(&mut small, &seq);
    let (app, dir) = stamped_app();
    let mut map = app.doc.map().clone();
    let long = "Tä x ".repeat(1_600_000);
    map.title = long.clone();
    map.stages[0].name = long.clone();
    map.stages[0].touchpoints[0].name = long.clone();
    map.stages[0].touchpoints[0].notes = long.clone();
    map.personas[0].name = long.clone();
    map.personas[0].paths[0].name = long;
    let path = dir.path().join("long.ron");
    let mut app = App::open(map, path, Settings::new(false, true));
    app.handle(Event::Resize(120, 40));
    let slowest = slowest_key(&mut app, &seq);
    assert!(
        // Without the window a key took 9 to 12 s here in a debug build;
        // with it about 0.1 s. The margin leaves room for a loaded machine.
        slowest < baseline * 20 + Duration::from_secs(2),
        "a key took {slowest:?} with 8 MB fields, {baseline:?} without"
    );
}
