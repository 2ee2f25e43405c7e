//! The picker that `journey` without a file opens.

use journey::core::templates::Template;
use journey::tui::Screen;
use journey::tui::app::Settings;
use journey::tui::keys::parse_keys;
use journey::tui::picker::{Choice, Picker, discover};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;

fn write(path: &std::path::Path, title: &str) {
    let text = format!(
        "(\n    format: 1,\n    title: \"{title}\",\n    stages: [],\n    personas: [],\n)\n"
    );
    std::fs::write(path, text).expect("write map");
}

fn press(picker: &mut Picker, keys: &str) {
    for event in parse_keys(keys) {
        picker.handle(event);
    }
}

#[test]
fn lists_maps_here_then_recent_ones_elsewhere() {
    let here = tempfile::tempdir().expect("temp dir");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(here.path().join("maps")).expect("maps");
    write(&here.path().join("maps/b.ron"), "B map");
    write(&here.path().join("maps/a.ron"), "A map");
    write(&here.path().join("c.ron"), "C map");
    std::fs::write(here.path().join("notes.txt"), "not a map").expect("write");
    let other = elsewhere.path().join("other.ron");
    write(&other, "Other");
    let same = std::fs::canonicalize(here.path().join("maps/a.ron")).expect("canon");
    let gone = elsewhere.path().join("deleted.ron");
    let entries = discover(here.path(), &[other.clone(), same, gone]);
    let listed: Vec<(PathBuf, bool, &str)> = entries
        .iter()
        .map(|e| (e.path.clone(), e.recent, e.title.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            (PathBuf::from("maps/a.ron"), false, "A map"),
            (PathBuf::from("maps/b.ron"), false, "B map"),
            (PathBuf::from("c.ron"), false, "C map"),
            (other, true, "Other"),
        ]
    );
}

#[test]
fn enter_opens_the_selection_and_q_quits() {
    let here = tempfile::tempdir().expect("temp dir");
    write(&here.path().join("a.ron"), "A");
    write(&here.path().join("b.ron"), "B");
    let entries = discover(here.path(), &[]);
    let mut picker = Picker::new(entries.clone(), None, Settings::new(false, true));
    press(&mut picker, "jj<Enter>");
    assert_eq!(
        picker.done,
        Some(Some(Choice::Open(PathBuf::from("b.ron"))))
    );

    let mut picker = Picker::new(entries, None, Settings::new(false, true));
    press(&mut picker, "q");
    assert_eq!(picker.done, Some(None));
}

#[test]
fn n_asks_for_a_file_and_a_template() {
    let mut picker = Picker::new(Vec::new(), None, Settings::new(false, true));
    press(&mut picker, "n");
    assert!(picker.form.is_some());
    // Clear the suggested name, type one without extension, pick hourglass.
    press(&mut picker, &"<BS>".repeat(20));
    press(&mut picker, "launch<Tab><Right><Right><Enter>");
    assert_eq!(
        picker.done,
        Some(Some(Choice::Create(
            PathBuf::from("launch.ron"),
            Template::Hourglass,
            journey::core::model::Language::En,
            None
        )))
    );

    let mut picker = Picker::new(Vec::new(), None, Settings::new(false, true));
    press(&mut picker, &format!("n{}<Enter>", "<BS>".repeat(20)));
    let error = picker.form.as_ref().and_then(|f| f.error.clone());
    assert!(error.is_some_and(|e| e.contains("file name is required")));
    press(&mut picker, "<Esc>");
    assert!(picker.form.is_none() && picker.done.is_none());
}

#[test]
fn an_unreadable_recent_list_is_shown_as_a_warning() {
    let warning = Some("ignored the recent-files list x: not UTF-8 text".to_string());
    let mut picker = Picker::new(Vec::new(), warning, Settings::new(false, true));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    picker.handle(crossterm::event::Event::Resize(80, 24));
    terminal.draw(|f| picker.draw(f)).expect("draw");
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains("ignored the recent-files list"), "{screen}");
    assert!(screen.contains("n makes a new one"), "{screen}");
}

#[test]
fn the_picker_and_its_form_survive_every_small_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(&dir.path().join("a-rather-long-map-name.ron"), "A map");
    let entries = discover(dir.path(), &[]);
    let warning = Some("a warning that is longer than the screen is wide".to_string());
    let mut picker = Picker::new(entries, warning, Settings::new(false, true));
    for keys in ["", "n"] {
        press(&mut picker, keys);
        for (w, h) in (0..=40)
            .flat_map(|w| (0..=14).map(move |h| (w, h)))
            .chain([(1, 1), (80, 24)])
        {
            picker.handle(crossterm::event::Event::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| picker.draw(f)).expect("draw");
        }
    }
    assert!(
        picker.form.is_some(),
        "the form stayed open through the resizes"
    );
}

#[test]
fn n_takes_a_title_and_the_suggested_file_name_is_replaced_by_typing() {
    let mut picker = Picker::new(Vec::new(), None, Settings::new(false, true));
    press(&mut picker, "nlaunch<Tab><Tab>Frühjahr<Enter>");
    assert_eq!(
        picker.done,
        Some(Some(Choice::Create(
            PathBuf::from("launch.ron"),
            Template::FiveStage,
            journey::core::model::Language::En,
            Some("Frühjahr".into())
        )))
    );
}

#[test]
fn page_down_moves_a_page_and_titles_line_up() {
    use journey::tui::picker::Entry;
    let entries: Vec<Entry> = (0..30)
        .map(|i| Entry {
            path: PathBuf::from(format!("maps/{}.ron", "m".repeat(i % 7 + 1))),
            recent: false,
            title: format!("Title {i}"),
        })
        .collect();
    let mut picker = Picker::new(entries, None, Settings::new(false, true));
    picker.handle(crossterm::event::Event::Resize(80, 24));
    press(&mut picker, "<PgDn>");
    assert_eq!(picker.selected, 20, "a page is the 20 rows of the list");
    press(&mut picker, "<PgDn>");
    assert_eq!(picker.selected, 29);
    press(&mut picker, "<PgUp>");
    assert_eq!(picker.selected, 9);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    press(&mut picker, "<PgUp>");
    terminal.draw(|f| picker.draw(f)).expect("draw");
    let screen = format!("{}", terminal.backend());
    let columns: Vec<usize> = screen.lines().filter_map(|l| l.find("Title ")).collect();
    assert!(columns.len() > 5);
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{screen}");
}
