//! Time goes through `update`: the idle tick and the recovery hand-over
//! after each event are actions whose looks and writes are effects, seen
//! here before the loop carries them out.

mod common;

use common::{app_at, effects_of, keys};
use crossterm::event::Event;
use journey::core::format::load;
use journey::core::recovery::RecoveryStore;
use journey::recovery::Keeper;
use journey::tui::Screen;
use journey::tui::action::{Action, Time};
use journey::tui::app::{App, Settings};
use journey::tui::effects::{Keep, Mark, Watch};
use journey::tui::update::{Effect, update};
use std::time::Instant;

/// An editor on a copy of the fixture, with the file's stamp, and a
/// recovery writer in the temp folder when asked.
fn app(rescue: bool) -> (App, tempfile::TempDir) {
    let (app, dir) = app_at(80, 24);
    let path = app.doc.path.clone();
    let loaded = load(&path).expect("loads");
    let mut app = App::open_loaded(loaded, path, Settings::new(false, true));
    app.handle(Event::Resize(80, 24));
    if rescue {
        let store = RecoveryStore::in_dir(dir.path().join("recovery"));
        app.session.keeper = Some(Keeper::new(store, &app.doc.path, None));
    }
    (app, dir)
}

fn keeps(effects: &[Effect]) -> Vec<&Keep> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Watch(Watch::Keep(keep)) => Some(keep),
            _ => None,
        })
        .collect()
}

#[test]
fn a_tick_asks_to_look_at_the_file_and_changes_nothing_itself() {
    let (mut app, _dir) = app(false);
    let effects = update(&mut app, Action::Time(Time::Tick(Instant::now())));
    let stamp = app.doc.stamp.clone().expect("a stamp");
    assert!(effects.contains(&Effect::Watch(Watch::Disk {
        path: app.doc.path.clone(),
        stamp,
    })));
    assert!(!app.session.disk_changed, "only a look's finding says so");
    // A change found comes back through `update`.
    update(&mut app, Action::Time(Time::DiskChanged));
    assert!(app.session.disk_changed);
}

#[test]
fn a_tick_redraws_only_when_a_look_found_something() {
    let (mut app, _dir) = app(false);
    assert!(!app.tick(), "nothing changed");
    // The file changes under the editor (a `git pull`).
    let mut theirs = load(&app.doc.path).expect("loads").map;
    theirs.title = "Theirs".into();
    std::fs::write(&app.doc.path, journey::core::format::to_string(&theirs)).expect("write");
    // Ticks look at the disk at most once a second.
    let start = Instant::now();
    while !app.tick() {
        assert!(start.elapsed().as_secs() < 5, "the change was not noticed");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(app.session.disk_changed);
    assert!(!app.tick(), "once known, it is not news");
}

#[test]
fn each_event_hands_its_work_to_the_recovery_writer_as_an_effect() {
    let (mut app, _dir) = app(true);
    let effects = effects_of(&mut app, "t");
    let [keep] = keeps(&effects)[..] else {
        panic!("one hand-over, got {effects:?}");
    };
    assert_eq!(keep.path, app.doc.path);
    assert_eq!(keep.mark, Some(Mark::Unsaved), "the work is unsaved now");
    assert_eq!(*keep.map, *app.doc.map());
    assert!(
        effects.contains(&Effect::Watch(Watch::Recovery { known: None })),
        "and the writer's health is looked at"
    );
    // Undone back to the file: the edit is handed over, and all is saved.
    let effects = effects_of(&mut app, "u");
    let [keep] = keeps(&effects)[..] else {
        panic!("one hand-over, got {effects:?}");
    };
    assert_eq!(keep.changes.len(), 1, "the undo, as an edit");
    assert_eq!(keep.mark, Some(Mark::Saved));
    // Nothing new: no mark.
    let effects = effects_of(&mut app, "j");
    assert_eq!(keeps(&effects)[0].mark, None);
}

#[test]
fn an_open_forms_text_is_handed_over_as_a_draft() {
    let (mut app, _dir) = app(true);
    let effects = effects_of(&mut app, "e<End>ß");
    let last = *keeps(&effects).last().expect("hand-overs");
    assert!(last.draft.is_some(), "the form's text would survive a drop");
    assert_eq!(last.mark, Some(Mark::Unsaved));
    assert!(!app.doc.is_dirty(), "the map itself is not changed yet");
}

#[test]
fn carried_out_the_hand_over_keeps_the_work_in_the_recovery_file() {
    let (mut app, dir) = app(true);
    keys(&mut app, "t");
    let rescue = app.session.keeper.clone().expect("a writer");
    let written = rescue.write_now().expect("writes").expect("a file");
    let kept = load(&written).expect("the recovery file loads").map;
    assert_eq!(kept, *app.doc.map());
    drop(dir);
}
