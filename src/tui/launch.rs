//! What the editor opens for the file it was given: the map, the new-map
//! form for a file that does not exist yet, or the picker for none. The
//! command line only hands over the path and the settings.

use crate::core::format::{LoadError, LoadErrorKind, load};
use crate::core::model::Map;
use crate::tui::app::{App, Overlay, Settings};
use crate::tui::document::Document;
use std::path::{Path, PathBuf};

impl App {
    /// An editor for a file that does not exist yet: it asks which template
    /// to start from, and quits if the answer is no.
    pub fn create(path: PathBuf, settings: Settings) -> App {
        let mut app = App::with_document(Document::unsaved(Map::new(""), path), settings);
        app.push_layer(Overlay::Form(crate::tui::update::create_file_form(
            &app.doc.file_name(),
            app.settings.template,
            app.settings.language,
        )));
        // The placeholder map's problems mean nothing yet; say what is going on.
        app.info("new file: choose a template");
        app
    }
}

/// The editor's first screen for `file`: `None` is the picker. A file that
/// is missing opens the new-map form, which writes it on the first save;
/// a file that cannot be read is an error, and the editor does not start.
pub fn first_screen(file: Option<&Path>, settings: &Settings) -> Result<Option<App>, LoadError> {
    let Some(file) = file else {
        return Ok(None);
    };
    match load(file) {
        Ok(loaded) => Ok(Some(App::open_loaded(
            loaded,
            file.to_path_buf(),
            settings.clone(),
        ))),
        Err(e) if matches!(e.kind, LoadErrorKind::NotFound) => {
            Ok(Some(App::create(file.to_path_buf(), settings.clone())))
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_opens_the_new_map_form_and_a_broken_one_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = Settings::new(false, false);
        assert!(first_screen(None, &settings).expect("no file").is_none());

        let missing = dir.path().join("new.ron");
        let app = first_screen(Some(&missing), &settings).expect("missing file");
        assert!(app.is_some());
        assert!(!missing.exists(), "nothing is written before a save");

        let broken = dir.path().join("broken.ron");
        std::fs::write(&broken, "(title: ").expect("write");
        assert!(first_screen(Some(&broken), &settings).is_err());
    }
}
