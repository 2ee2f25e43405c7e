//! Time through `update`: the idle tick asks what to look at, the end of
//! each event hands unsaved work to the recovery writer, and what the looks
//! find comes back as [`Time`] actions. Nothing here reads a clock, a file
//! or a channel: those are [`Watch`] effects, carried out by the loop.

use super::{Effect, draft_edit};
use crate::tui::action::{Claimed, Time};
use crate::tui::app::{App, Overlay};
use crate::tui::effects::{Keep, Mark, Watch};
use std::time::{Duration, Instant};

/// How often the file on disk is looked at while the editor is idle.
const DISK_CHECK_EVERY: Duration = Duration::from_secs(1);

/// Changes the state for what time brought, and says what to look at next.
pub(super) fn update(app: &mut App, time: Time) -> Vec<Effect> {
    match time {
        Time::Tick(now) => tick(app, now),
        Time::Settled => settled(app),
        Time::DiskChanged => {
            app.session.disk_changed = true;
            Vec::new()
        }
        Time::Recovery(failure) => {
            app.session.unprotected = failure;
            Vec::new()
        }
        Time::Rekept(claimed) => rekept(app, claimed),
    }
}

/// While idle: the picture drawn in the background, the recovery writer's
/// health, the file on disk (at most once a second) and the insight
/// figures. Each is looked at, whatever the one before finds.
fn tick(app: &mut App, now: Instant) -> Vec<Effect> {
    let mut looks = Vec::new();
    if app.session.drawing.is_some() {
        looks.push(Watch::Drawing);
    }
    looks.push(Watch::Recovery {
        known: app.session.unprotected.clone(),
    });
    let due = !app.session.disk_changed
        && app
            .session
            .last_disk_check
            .is_none_or(|t| now.duration_since(t) >= DISK_CHECK_EVERY);
    if due {
        app.session.last_disk_check = Some(now);
        // Git replaces files by rename: the path is looked up afresh.
        if let Some(stamp) = &app.doc.stamp {
            looks.push(Watch::Disk {
                path: app.doc.path.clone(),
                stamp: stamp.clone(),
            });
        }
    }
    looks.push(Watch::Insight);
    looks.into_iter().map(Effect::Watch).collect()
}

/// After each event: the edits it made (a list of edits, not a copy of the
/// map), an open form's draft, and whether the work is now unsaved or all
/// saved, for the recovery writer; then a look at its health.
fn settled(app: &mut App) -> Vec<Effect> {
    if app.session.keeper.is_none() {
        return Vec::new();
    }
    let changes = app.doc.take_changes();
    // From now on the document keeps its edits for the next hand-over (a
    // new document starts without, and is handed over whole).
    app.doc.keep_changes();
    let draft = match app.overlay() {
        Some(Overlay::Form(form)) => draft_edit(app.doc.map(), form),
        _ => None,
    };
    let mark = if draft.is_some() {
        app.session.kept_dirty = true;
        // Once the form closes, the map itself is kept again.
        app.session.kept_state = None;
        Some(Mark::Unsaved)
    } else {
        let state = (app.doc.state(), app.doc.is_dirty());
        if app.session.kept_state == Some(state) {
            None
        } else {
            app.session.kept_state = Some(state);
            if state.1 {
                app.session.kept_dirty = true;
                Some(Mark::Unsaved)
            } else if app.session.kept_dirty {
                app.session.kept_dirty = false;
                Some(Mark::Saved)
            } else {
                None
            }
        }
    };
    let keep = Keep {
        path: app.doc.path.clone(),
        generation: app.doc.generation(),
        changes,
        map: app.doc.snapshot(),
        draft,
        mark,
    };
    vec![
        Effect::Watch(Watch::Keep(keep)),
        Effect::Watch(Watch::Recovery {
            known: app.session.unprotected.clone(),
        }),
    ]
}

/// The recovery copy started afresh: what it was told of the work is
/// forgotten and told again. After "save as" the lock follows the file.
fn rekept(app: &mut App, claimed: Option<Result<Claimed, String>>) -> Vec<Effect> {
    app.session.kept_state = None;
    match claimed {
        None => {}
        Some(Ok(claimed)) => {
            app.session.lock = Some(claimed.lock);
            if let Some(pid) = claimed.other {
                app.error(format!(
                    "{} is also open in another journey (process {pid}) on this host",
                    app.doc.file_name()
                ));
            }
        }
        Some(Err(e)) => {
            app.session.lock = None;
            app.error(format!("cannot write the lock file: {e}"));
        }
    }
    settled(app)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Map;
    use crate::tui::action::Action;
    use crate::tui::app::Settings;

    /// Lets time through `update` as the loop would.
    fn found(app: &mut App, time: Time) -> Vec<Effect> {
        crate::tui::update::update(app, Action::Time(time))
    }

    fn app() -> App {
        App::open(
            Map::new("Ticks"),
            std::path::PathBuf::from("ticks.ron"),
            Settings::new(false, true),
        )
    }

    #[test]
    fn a_tick_looks_at_the_file_at_most_once_a_second() {
        let mut app = app();
        app.doc.stamp = Some(crate::core::stamp::FileStamp::of_bytes(
            std::path::Path::new("ticks.ron"),
            b"",
        ));
        let t0 = Instant::now();
        let disk = |effects: &[Effect]| {
            effects
                .iter()
                .any(|e| matches!(e, Effect::Watch(Watch::Disk { .. })))
        };
        assert!(disk(&found(&mut app, Time::Tick(t0))));
        assert!(!disk(&found(
            &mut app,
            Time::Tick(t0 + Duration::from_millis(500))
        )));
        assert!(disk(&found(&mut app, Time::Tick(t0 + DISK_CHECK_EVERY))));
        // Once a change is known, nothing more is looked for until reload.
        found(&mut app, Time::DiskChanged);
        assert!(app.session.disk_changed);
        assert!(!disk(&found(
            &mut app,
            Time::Tick(t0 + DISK_CHECK_EVERY * 3)
        )));
    }

    #[test]
    fn a_tick_looks_for_a_drawing_only_while_one_is_drawn() {
        let mut app = app();
        let effects = found(&mut app, Time::Tick(Instant::now()));
        assert!(!effects.contains(&Effect::Watch(Watch::Drawing)));
        assert!(effects.contains(&Effect::Watch(Watch::Insight)));
    }

    #[test]
    fn the_recovery_writers_health_comes_back_through_update() {
        let mut app = app();
        found(&mut app, Time::Recovery(Some("disk full".into())));
        assert_eq!(app.session.unprotected.as_deref(), Some("disk full"));
        let effects = found(&mut app, Time::Tick(Instant::now()));
        assert!(effects.contains(&Effect::Watch(Watch::Recovery {
            known: Some("disk full".into())
        })));
        found(&mut app, Time::Recovery(None));
        assert_eq!(app.session.unprotected, None);
    }

    #[test]
    fn without_a_recovery_writer_an_event_hands_nothing_over() {
        let mut app = app();
        assert!(found(&mut app, Time::Settled).is_empty());
    }
}
