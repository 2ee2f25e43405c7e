//! Saving, saving as, reloading and restoring: where the map meets the file
//! on disk. A save never overwrites a file that changed behind the editor's
//! back without asking, and a reload never drops unsaved work.

use super::{Effect, SaveCheck};
use crate::core::diff::summarize;
use crate::core::edit::Edit;
use crate::core::format::to_string;
use crate::core::model::Map;
use crate::core::recovery::Recovery;
use crate::tui::action::{Answer, ReloadResult, SaveOutcome, SaveResult};
use crate::tui::app::{App, Confirm, ConfirmPurpose, FormPurpose, Overlay};
use crate::tui::document::Document;
use crate::tui::form::{Field, Form};
use std::path::PathBuf;

/// The effect that writes the map, in its canonical bytes, to its file,
/// provided the file did not change on disk.
pub fn save_effect(app: &App, then_quit: bool) -> Effect {
    save_to(
        app,
        app.doc.path.clone(),
        then_quit,
        SaveCheck::Unchanged(app.doc.stamp.clone()),
    )
}

fn save_to(app: &App, path: PathBuf, then_quit: bool, check: SaveCheck) -> Effect {
    Effect::Save {
        path,
        text: to_string(app.doc.map()),
        state: app.doc.state(),
        then_quit,
        check,
    }
}

/// Takes the result of a save.
pub fn saved(app: &mut App, result: SaveResult) -> Vec<Effect> {
    let SaveResult {
        path,
        state,
        outcome,
        then_quit,
    } = result;
    match outcome {
        SaveOutcome::Written(stamp) => {
            if path != app.doc.path {
                app.doc.path = path;
            }
            app.doc.mark_saved(state);
            app.doc.stamp = Some(stamp);
            app.session.disk_changed = false;
            app.info(format!("saved {}", app.doc.file_name()));
            if then_quit {
                vec![Effect::Quit]
            } else {
                Vec::new()
            }
        }
        SaveOutcome::Failed(e) => {
            app.error(format!(
                "cannot save {}: {e}; the map is still open: S saves it elsewhere",
                crate::core::samefile::shown_path(&path)
            ));
            Vec::new()
        }
        SaveOutcome::ChangedOnDisk => {
            app.session.disk_changed = true;
            let what = if app.doc.stamp.is_none() {
                "was created on disk by someone else since this editor began it as a new map"
            } else {
                "changed on disk (or was removed) since it was opened or saved"
            };
            app.push_layer(Overlay::Confirm(Confirm {
                title: "Changed on disk".into(),
                lines: vec![
                    format!("{} {what}", app.doc.file_name()),
                    "(a git pull, another editor or a teammate?).".into(),
                    "Reloading keeps your changes in a recovery file first.".into(),
                ],
                options: vec![
                    (Answer::Overwrite, "overwrite it with yours"),
                    (Answer::Restore, "reload it from disk"),
                    (Answer::SaveAs, "save yours as another file"),
                ],
                purpose: ConfirmPurpose::ChangedOnDisk { then_quit },
            }));
            Vec::new()
        }
        SaveOutcome::Exists => {
            app.push_layer(Overlay::Confirm(Confirm {
                title: "File exists".into(),
                lines: vec![format!("{} already exists.", path.display())],
                options: vec![
                    (Answer::Overwrite, "overwrite it"),
                    (Answer::SaveAs, "choose another name"),
                ],
                purpose: ConfirmPurpose::OverwriteOther { path, then_quit },
            }));
            Vec::new()
        }
        SaveOutcome::ReadOnly => {
            app.push_layer(Overlay::Confirm(Confirm {
                title: "Read-only file".into(),
                lines: vec![format!(
                    "{} is read-only: someone marked it not to be changed.",
                    crate::recovery::shown(&path)
                )],
                options: vec![
                    (
                        Answer::Overwrite,
                        "overwrite it anyway (it stays read-only)",
                    ),
                    (Answer::SaveAs, "save yours as another file"),
                    (Answer::Cancel, "cancel"),
                ],
                purpose: ConfirmPurpose::ReadOnly { path, then_quit },
            }));
            Vec::new()
        }
    }
}

/// Asks for a file name to save to, suggesting `name`.
pub fn save_as_form(app: &mut App, name: &std::path::Path, then_quit: bool) {
    app.push_layer(Overlay::Form(
        Form::new(
            "Save as",
            FormPurpose::SaveAs { then_quit },
            vec![Field::line("File", &name.display().to_string())],
        )
        .with_intro("Save the map to this file (a new name keeps the old file as it is)."),
    ));
}

/// Saves to the file named in the save-as form.
pub fn submit_save_as(app: &mut App, form: Form<FormPurpose>, then_quit: bool) -> Vec<Effect> {
    let name = form.text("File").trim();
    if name.is_empty() {
        let mut form = form;
        form.error = Some("a file name is required: type one, or Esc to cancel".into());
        app.push_layer(Overlay::Form(form));
        return Vec::new();
    }
    let path = PathBuf::from(name);
    let check = if path == app.doc.path {
        SaveCheck::Unchanged(app.doc.stamp.clone())
    } else {
        SaveCheck::NewFile
    };
    vec![save_to(app, path, then_quit, check)]
}

/// `R`: reload from disk, asking first when that would drop unsaved work.
pub fn reload_request(app: &mut App) -> Vec<Effect> {
    if !app.doc.is_dirty() {
        return vec![reload_effect(app)];
    }
    app.push_layer(Overlay::Confirm(Confirm {
        title: "Reload from disk".into(),
        lines: vec![
            format!("Read {} again from disk?", app.doc.file_name()),
            "Your unsaved changes are kept in a recovery file first.".into(),
        ],
        options: vec![(Answer::Restore, "reload")],
        purpose: ConfirmPurpose::Reload,
    }));
    Vec::new()
}

fn reload_effect(app: &App) -> Effect {
    Effect::Reload {
        path: app.doc.path.clone(),
        unsaved: app.doc.is_dirty().then(|| app.doc.snapshot()),
    }
}

/// Takes the result of a reload.
pub fn reloaded(app: &mut App, result: ReloadResult) -> Vec<Effect> {
    match result.outcome {
        Err(e) => app.error(format!("cannot reload: {e}")),
        Ok((map, stamp)) => {
            // The reload is an edit like any other, so that `u` brings back
            // what was open before it; the file's content is the saved state.
            let dirty = app.doc.is_dirty();
            if app.doc.path == result.path {
                // Replacing the map cannot fail.
                let _ = app.doc.apply(Edit::ReplaceMap(Box::new(map)));
                let state = app.doc.state();
                app.doc.mark_saved(state);
            } else {
                app.doc = Document::saved(map, result.path);
            }
            app.doc.stamp = Some(stamp);
            app.derived.invalidate();
            app.session.disk_changed = false;
            app.session.kept_state = None;
            // The dialog said that a recovery file keeps the changes too.
            app.info(if dirty {
                "reloaded from disk; u brings your changes back"
            } else {
                "reloaded from disk; u undoes"
            });
        }
    }
    Vec::new()
}

/// The question asked on opening a map that has a recovery file.
pub fn restore_dialog(app: &mut App, recovery: Recovery) {
    let summary = summarize(app.doc.map(), &recovery.map);
    let mut lines = vec![
        "Unsaved changes from an earlier session were kept:".to_string(),
        format!("  {}", summary.describe()),
        format!("  in {}", recovery.path.display()),
    ];
    if recovery.older_than_file {
        lines.push("The file on disk is NEWER than this recovery: restoring".into());
        lines.push("replaces the newer file's content (after you save).".into());
    }
    app.push_layer(Overlay::Confirm(Confirm {
        title: "Recovered changes".into(),
        lines,
        options: vec![
            (Answer::Restore, "restore them (unsaved until you save)"),
            (Answer::Discard, "discard them and delete the recovery file"),
            (Answer::Cancel, "decide later"),
        ],
        purpose: ConfirmPurpose::Restore(Box::new(recovery)),
    }));
}

/// Carries out an answer to one of this module's questions.
pub fn answer(app: &mut App, purpose: ConfirmPurpose, answer: Answer) -> Vec<Effect> {
    match (purpose, answer) {
        (ConfirmPurpose::ChangedOnDisk { then_quit }, Answer::Overwrite) => {
            vec![save_to(
                app,
                app.doc.path.clone(),
                then_quit,
                SaveCheck::Force,
            )]
        }
        (ConfirmPurpose::ChangedOnDisk { .. } | ConfirmPurpose::Reload, Answer::Restore) => {
            vec![reload_effect(app)]
        }
        (ConfirmPurpose::ReadOnly { path, then_quit }, Answer::Overwrite) => {
            vec![save_to(app, path, then_quit, SaveCheck::ForceReadOnly)]
        }
        (ConfirmPurpose::ChangedOnDisk { then_quit }, Answer::SaveAs) => {
            let current = app.doc.path.clone();
            save_as_form(app, &current, then_quit);
            Vec::new()
        }
        // Back to the name just tried, to change it.
        (
            ConfirmPurpose::OverwriteOther { path, then_quit }
            | ConfirmPurpose::ReadOnly { path, then_quit },
            Answer::SaveAs,
        ) => {
            save_as_form(app, &path, then_quit);
            Vec::new()
        }
        (ConfirmPurpose::OverwriteOther { path, then_quit }, Answer::Overwrite) => {
            vec![save_to(app, path, then_quit, SaveCheck::Force)]
        }
        (ConfirmPurpose::Restore(recovery), Answer::Restore) => {
            let Recovery { path, map, .. } = *recovery;
            restore(app, map);
            // The work now lives in the editor, whose own recovery file
            // keeps it from here on.
            if app
                .session
                .keeper
                .as_ref()
                .is_some_and(|r| r.recovery_path() != path)
            {
                return vec![Effect::Delete { path }];
            }
            Vec::new()
        }
        (ConfirmPurpose::Restore(recovery), Answer::Discard) => {
            app.info("discarded the recovered changes");
            vec![Effect::Delete {
                path: recovery.path,
            }]
        }
        (ConfirmPurpose::Restore(_), _) => {
            app.info("the recovered changes stay in their file for next time");
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Puts the recovered map in the editor as unsaved work on the same file,
/// keeping what is known of the file on disk.
fn restore(app: &mut App, map: Map) {
    let stamp = app.doc.stamp.take();
    let mut doc = Document::unsaved(map, app.doc.path.clone());
    doc.stamp = stamp;
    app.doc = doc;
    app.derived.invalidate();
    app.session.kept_state = None;
    app.info("restored the recovered changes; Ctrl-s saves them");
}
