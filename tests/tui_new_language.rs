//! The editor's new-map forms ask for the language: the form for a missing
//! file and the picker's `n`. The choice starts at the config's language.

mod common;

use common::{effects_of, saves};
use journey::core::model::Language;
use journey::core::templates::Template;
use journey::tui::Screen;
use journey::tui::app::{App, Overlay, Settings};
use journey::tui::keys::parse_keys;
use journey::tui::picker::{Choice, Picker};
use std::path::PathBuf;

#[test]
fn a_missing_file_can_be_started_in_german() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("start.ron");
    let mut app = App::create(path.clone(), Settings::new(false, true));
    // Template, title, then the language: turned once, from en to de.
    let effects = effects_of(&mut app, "<Tab><Tab><Right><Enter>");
    let [(to, created, _)] = &saves(&effects)[..] else {
        panic!("one save, got {effects:?}");
    };
    assert_eq!(to, &path);
    assert_eq!(created.language, Language::De);
    assert_eq!(created.stages[0].name, "Aufmerksamkeit");
    assert_eq!(created.stages[1].name, "Überlegung");
}

#[test]
fn the_language_choice_starts_at_the_configs_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = Settings::new(false, true);
    settings.language = Language::De;
    settings.template = Template::Aida;
    let path = dir.path().join("aida.ron");
    let mut app = App::create(path.clone(), settings.clone());
    let Some(Overlay::Form(form)) = app.overlay() else {
        panic!("the new-map form is open");
    };
    assert_eq!(form.fields.len(), 3);
    assert_eq!(form.selected("Language"), 1, "de is chosen");
    let effects = effects_of(&mut app, "<Enter>");
    let created = &saves(&effects)[0].1;
    assert_eq!(created.language, Language::De);
    assert_eq!(created.stages[0].name, "Attention");
    assert!(created.stages[0].description.contains("Kunden"));

    // Turned back to en, it is English.
    let path = dir.path().join("english.ron");
    let mut app = App::create(path.clone(), settings);
    let effects = effects_of(&mut app, "<Tab><Tab><Left><Enter>");
    let created = &saves(&effects)[0].1;
    assert_eq!(created.language, Language::En);
    assert!(created.stages[0].description.contains("customer"));
}

#[test]
fn the_pickers_new_map_form_asks_for_the_language() {
    let mut picker = Picker::new(Vec::new(), None, Settings::new(false, true));
    for event in parse_keys(&format!(
        "n{}launch<Tab><Tab><Tab><Right><Enter>",
        "<BS>".repeat(20)
    )) {
        picker.handle(event);
    }
    assert_eq!(
        picker.done,
        Some(Some(Choice::Create(
            PathBuf::from("launch.ron"),
            Template::FiveStage,
            Language::De,
            None
        )))
    );
}
