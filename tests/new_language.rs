//! `journey new --language`: German templates, the map's `language`, the
//! config's default, and the shipped German template files.

use assert_cmd::Command;
use journey::core::format::{load, parse_bytes, to_string};
use journey::core::model::Language;
use journey::core::templates::Template;
use predicates::prelude::*;
use std::path::Path;

/// journey with `home` as its config folder (and working folder).
fn journey(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("journey").expect("the binary is built");
    cmd.env("XDG_CONFIG_HOME", home)
        .env_remove("JOURNEY_CONFIG")
        .current_dir(home);
    cmd
}

fn stage_names(file: &Path) -> Vec<String> {
    load(file)
        .expect("the new map loads")
        .map
        .stages
        .into_iter()
        .map(|s| s.name)
        .collect()
}

#[test]
fn five_stage_in_german_has_the_seeds_stage_names_and_format_2() {
    let home = tempfile::tempdir().expect("temp dir");
    journey(home.path())
        .args([
            "new",
            "start.ron",
            "--template",
            "five-stage",
            "--language",
            "de",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("five-stage template (de)"));
    let file = home.path().join("start.ron");
    assert_eq!(
        stage_names(&file),
        [
            "Aufmerksamkeit",
            "Überlegung",
            "Kaufentscheidung",
            "Kundenbindung",
            "Weiterempfehlung"
        ]
    );
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.contains("    format: 2,\n"), "{text}");
    assert!(text.contains("    language: \"de\",\n"), "{text}");
    assert!(text.contains("Der Kunde vergleicht Angebote"), "{text}");
}

#[test]
fn hourglass_and_aida_keep_their_names_with_german_descriptions() {
    let home = tempfile::tempdir().expect("temp dir");
    for (template, names) in [
        (
            "hourglass",
            &["Know", "Like", "Trust", "Try", "Buy", "Repeat", "Refer"][..],
        ),
        ("aida", &["Attention", "Interest", "Desire", "Action"][..]),
    ] {
        let name = format!("{template}.ron");
        journey(home.path())
            .args(["new", &name, "--template", template, "--language", "de"])
            .assert()
            .success();
        let file = home.path().join(&name);
        assert_eq!(stage_names(&file), names);
        let map = load(&file).expect("loads").map;
        assert_eq!(map.language, Language::De);
        let english = Template::ALL
            .into_iter()
            .find(|t| t.name() == template)
            .expect("a template")
            .instantiate(None);
        for (de, en) in map.stages.iter().zip(&english.stages) {
            assert_ne!(de.description, en.description, "{} is translated", de.name);
            assert!(
                de.description.contains("Kunde") || de.description.contains("Botschaft"),
                "German: {}",
                de.description
            );
        }
    }
}

#[test]
fn english_stays_format_1_and_the_flag_beats_the_config() {
    let home = tempfile::tempdir().expect("temp dir");
    journey(home.path())
        .args(["new", "en.ron"])
        .assert()
        .success();
    let text = std::fs::read_to_string(home.path().join("en.ron")).expect("read");
    assert!(
        text.contains("    format: 1,\n") && !text.contains("language"),
        "{text}"
    );

    let folder = home.path().join("journey");
    std::fs::create_dir_all(&folder).expect("config folder");
    std::fs::write(folder.join("config.ron"), "(language: \"de\")").expect("config");
    journey(home.path())
        .args(["new", "de.ron"])
        .assert()
        .success();
    assert_eq!(
        stage_names(&home.path().join("de.ron"))[0],
        "Aufmerksamkeit"
    );
    journey(home.path())
        .args(["new", "flag.ron", "--language", "en"])
        .assert()
        .success();
    assert_eq!(stage_names(&home.path().join("flag.ron"))[0], "Awareness");
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let home = tempfile::tempdir().expect("temp dir");
    journey(home.path())
        .args(["new", "x.ron", "--language", "fr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: en, de"));
    assert!(!home.path().join("x.ron").exists());
}

#[test]
fn the_german_template_files_are_canonical_and_built_in() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/templates/de");
    for template in Template::ALL {
        let file = root.join(format!("{}.ron", template.name()));
        let bytes = std::fs::read(&file).expect("the German template is shipped");
        assert_eq!(template.source_in(Language::De).as_bytes(), &bytes[..]);
        let loaded = parse_bytes(&file, &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            to_string(&loaded.map),
            loaded.text,
            "{} is canonical",
            file.display()
        );
        assert_eq!(loaded.map, template.instantiate_in(Language::De, None));
    }
}
