//! The three-way merge by id, case by case: each kind of change the merge
//! promises to keep, and each true conflict it must report.

use journey::core::diff::changes::ItemKind;
use journey::core::format::{parse_bytes, to_string};
use journey::core::merge::{Merged, merge};
use journey::core::model::{Kind, Map, Step, Touchpoint};
use journey::core::validate::{Severity, validate};
use std::path::Path;

fn base() -> Map {
    let text = include_str!("fixtures/git/shop.ron");
    parse_bytes(Path::new("shop.ron"), text.as_bytes())
        .expect("fixture parses")
        .map
}

fn touchpoint(id: &str) -> Touchpoint {
    Touchpoint {
        id: id.into(),
        name: format!("New {id}"),
        kind: Kind::Direct,
        channel: String::new(),
        cost: None,
        notes: String::new(),
        allow: Vec::new(),
    }
}

fn ids(map: &Map, stage: usize) -> Vec<&str> {
    map.stages[stage]
        .touchpoints
        .iter()
        .map(|t| t.id.as_str())
        .collect()
}

fn clean(base: &Map, ours: &Map, theirs: &Map) -> Map {
    let merged = merge(base, ours, theirs);
    assert!(merged.is_clean(), "conflicts: {:?}", merged.conflicts);
    // A clean merge is canonical and reads back as the same map.
    let again = parse_bytes(Path::new("merged.ron"), merged.text.as_bytes()).expect("parses");
    assert_eq!(to_string(&again.map), merged.text);
    assert_eq!(to_string(&merged.map), merged.text);
    merged.map
}

fn conflicted(base: &Map, ours: &Map, theirs: &Map) -> Merged {
    let merged = merge(base, ours, theirs);
    assert!(!merged.is_clean(), "expected a conflict");
    assert!(merged.text.contains("\n<<<<<<< ours"), "{}", merged.text);
    assert!(merged.text.contains("\n=======\n"));
    assert!(merged.text.contains("\n>>>>>>> theirs"));
    merged
}

#[test]
fn independent_changes_to_different_items_merge() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[0].touchpoints[0].name = "Tip from a colleague".into();
    let mut theirs = base.clone();
    theirs.stages[1].touchpoints[1].channel = "online".into();
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(merged.stages[0].touchpoints[0].name, "Tip from a colleague");
    assert_eq!(merged.stages[1].touchpoints[1].channel, "online");
}

#[test]
fn different_fields_of_one_item_merge() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[1].touchpoints[0].name = "Review site".into();
    let mut theirs = base.clone();
    theirs.stages[1].touchpoints[0].kind = Kind::Direct;
    theirs.stages[1].touchpoints[0]
        .notes
        .push_str(" Most read on phones.");
    let merged = clean(&base, &ours, &theirs);
    let t = &merged.stages[1].touchpoints[0];
    assert_eq!(t.name, "Review site");
    assert_eq!(t.kind, Kind::Direct);
    assert!(t.notes.ends_with("Most read on phones."));
}

#[test]
fn neighbouring_additions_on_both_sides_keep_both_ours_first() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[0].touchpoints.push(touchpoint("podcast"));
    let mut theirs = base.clone();
    theirs.stages[0].touchpoints.push(touchpoint("newsletter"));
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(
        ids(&merged, 0),
        ["colleague-tip", "instagram-ad", "podcast", "newsletter"]
    );
}

#[test]
fn a_rename_on_one_side_and_a_move_on_the_other_both_apply() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[0].touchpoints[1].name = "Instagram reel".into();
    let mut theirs = base.clone();
    let moved = theirs.stages[0].touchpoints.remove(1);
    theirs.stages[1].touchpoints.insert(0, moved);
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(ids(&merged, 0), ["colleague-tip"]);
    assert_eq!(
        ids(&merged, 1),
        ["instagram-ad", "review-portal", "web-shop"]
    );
    assert_eq!(merged.stages[1].touchpoints[0].name, "Instagram reel");
}

#[test]
fn a_rename_on_one_side_and_an_edit_on_the_other_both_apply() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[1].name = "Purchase".into();
    let mut theirs = base.clone();
    theirs.stages[1].description = "The team orders a trial box.".into();
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(merged.stages[1].name, "Purchase");
    assert_eq!(merged.stages[1].description, "The team orders a trial box.");
}

#[test]
fn a_deletion_against_an_untouched_item_deletes_it() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[0].touchpoints.remove(1);
    ours.personas[0].paths[0].steps.remove(1);
    let mut theirs = base.clone();
    theirs.title = "Office coffee".into();
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(ids(&merged, 0), ["colleague-tip"]);
    assert_eq!(merged.title, "Office coffee");
}

#[test]
fn a_deletion_against_an_edit_is_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[1].touchpoints.remove(1);
    let mut theirs = base.clone();
    theirs.stages[1].touchpoints[1].channel = "app".into();
    let merged = conflicted(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].item, ItemKind::Touchpoint);
    assert_eq!(merged.conflicts[0].id, "web-shop");
    assert!(merged.conflicts[0].what.contains("deleted"));
    // Theirs side of the markers holds the whole touchpoint, ours nothing.
    let theirs_block = merged
        .text
        .split("=======\n")
        .nth(1)
        .and_then(|rest| rest.split(">>>>>>>").next())
        .expect("a block");
    assert!(theirs_block.contains("id: \"web-shop\""));
    assert!(theirs_block.contains("channel: \"app\""));
}

#[test]
fn a_deleted_touchpoint_that_a_new_step_visits_is_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[0].touchpoints.remove(0);
    ours.personas[0].paths[0].steps.remove(0);
    let mut theirs = base.clone();
    theirs.personas[0].paths[0].steps.push(Step {
        touchpoint: "colleague-tip".into(),
        emotion: None,
        note: String::new(),
    });
    let merged = merge(&base, &ours, &theirs);
    assert!(
        merged.conflicts.iter().any(|c| c.id == "colleague-tip"),
        "{:?}",
        merged.conflicts
    );
}

#[test]
fn path_steps_merge_as_a_sequence() {
    let base = base();
    let mut ours = base.clone();
    ours.personas[0].paths[0].steps[0].note = "Heard it at lunch".into();
    let mut theirs = base.clone();
    theirs.personas[0].paths[0].steps.remove(1);
    theirs.personas[0].paths[0].steps[2].emotion = Some(1);
    let merged = clean(&base, &ours, &theirs);
    let steps = &merged.personas[0].paths[0].steps;
    let visited: Vec<&str> = steps.iter().map(|s| s.touchpoint.as_str()).collect();
    assert_eq!(visited, ["colleague-tip", "review-portal", "web-shop"]);
    assert_eq!(steps[0].note, "Heard it at lunch");
    assert_eq!(steps[2].emotion, Some(1));
}

#[test]
fn the_same_change_on_both_sides_is_made_once() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[0].touchpoints.push(touchpoint("podcast"));
    ours.stages[1].name = "Purchase".into();
    let theirs = ours.clone();
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(merged, ours);
}

#[test]
fn two_names_for_one_touchpoint_conflict_on_the_name_line_alone() {
    let base = base();
    let mut ours = base.clone();
    ours.stages[1].touchpoints[0].name = "Review site".into();
    let mut theirs = base.clone();
    theirs.stages[1].touchpoints[0].name = "Rating portal".into();
    let merged = conflicted(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    let block: Vec<&str> = merged
        .text
        .lines()
        .skip_while(|l| !l.starts_with("<<<<<<<"))
        .take(5)
        .collect();
    assert!(
        block[0].contains("touchpoint \"Review site\" (review-portal)"),
        "{block:?}"
    );
    assert_eq!(block[1].trim(), "name: \"Review site\",");
    assert_eq!(block[2], "=======");
    assert_eq!(block[3].trim(), "name: \"Rating portal\",");
    assert!(block[4].starts_with(">>>>>>> theirs"));
}

#[test]
fn a_clean_merge_that_breaks_a_rule_is_not_taken_for_clean() {
    // Each side empties half of a stage: alone each is fine, together the
    // stage is left with nothing.
    let base = base();
    let mut ours = base.clone();
    ours.stages[0].touchpoints.remove(0);
    ours.personas[0].paths[0].steps.remove(0);
    let mut theirs = base.clone();
    theirs.stages[0].touchpoints.remove(1);
    theirs.personas[0].paths[0].steps.remove(1);
    for side in [&ours, &theirs] {
        let errors: Vec<_> = validate(side)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    let merged = merge(&base, &ours, &theirs);
    assert!(!merged.is_clean());
    assert!(
        merged.conflicts[0].what.contains("empty-stage"),
        "{:?}",
        merged.conflicts
    );
}

#[test]
fn format_2_fields_merge_field_by_field() {
    use journey::core::model::{Cost, Language};
    let base = base();
    let mut ours = base.clone();
    ours.language = Language::De;
    ours.stages[0].touchpoints[0].cost = Cost::new(10.0);
    ours.personas[0].paths[0].allow = vec!["backward-step".into()];
    let mut theirs = base.clone();
    theirs.currency = "EUR".into();
    theirs.stages[0].touchpoints[0].notes = "Word of mouth at lunch".into();
    theirs.personas[0].paths[0].customers = Some(40);
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(merged.language, Language::De);
    assert_eq!(merged.currency, "EUR");
    assert_eq!(merged.stages[0].touchpoints[0].cost, Cost::new(10.0));
    assert_eq!(
        merged.stages[0].touchpoints[0].notes,
        "Word of mouth at lunch"
    );
    assert_eq!(merged.personas[0].paths[0].customers, Some(40));
    assert_eq!(merged.personas[0].paths[0].allow, ["backward-step"]);
    assert!(to_string(&merged).starts_with("(\n    format: 2,\n"));

    let mut other = base.clone();
    other.stages[0].touchpoints[0].cost = Cost::new(12.0);
    let merged = conflicted(&base, &ours, &other);
    assert!(
        merged.conflicts[0]
            .what
            .contains("cost changed on both sides")
    );
}

fn journey() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("journey").expect("the journey binary is built")
}

#[test]
fn the_command_writes_into_ours_and_exits_0_1_or_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name);
    let base = base();
    let mut ours = base.clone();
    ours.stages[0].touchpoints.push(touchpoint("podcast"));
    let mut theirs = base.clone();
    theirs.stages[1].name = "Purchase".into();
    for (name, map) in [
        ("base.ron", &base),
        ("ours.ron", &ours),
        ("theirs.ron", &theirs),
    ] {
        std::fs::write(path(name), to_string(map)).expect("write");
    }
    let out = journey()
        .arg("merge")
        .args([path("base.ron"), path("ours.ron"), path("theirs.ron")])
        .args(["--path", "maps/shop.ron"])
        .assert()
        .code(0);
    assert!(
        String::from_utf8_lossy(&out.get_output().stderr).contains("maps/shop.ron: merged cleanly")
    );
    let merged = std::fs::read_to_string(path("ours.ron")).expect("read");
    assert!(merged.contains("id: \"podcast\"") && merged.contains("name: \"Purchase\""));

    // To standard output, and with a conflict: exit 1, markers, the list.
    let mut other = base.clone();
    other.stages[1].name = "Checkout".into();
    std::fs::write(path("other.ron"), to_string(&other)).expect("write");
    let out = journey()
        .arg("merge")
        .args([path("base.ron"), path("theirs.ron"), path("other.ron")])
        .args(["--output", "-"])
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("<<<<<<< ours: stage \"Purchase\" (decision): name changed on both sides"),
        "{text}"
    );
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("1 conflict") && stderr.contains("conflict: stage \"Purchase\" (decision)"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(path("theirs.ron")).expect("read"),
        to_string(&theirs),
        "--output leaves ours alone"
    );

    // An unreadable side: exit 2, and nothing is written.
    std::fs::write(path("broken.ron"), "(format: 1,").expect("write");
    let before = std::fs::read_to_string(path("ours.ron")).expect("read");
    journey()
        .arg("merge")
        .args([path("base.ron"), path("ours.ron"), path("broken.ron")])
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_to_string(path("ours.ron")).expect("read"),
        before
    );
}

#[test]
fn a_side_that_uses_an_id_twice_is_set_against_the_other_whole() {
    let base = base();
    let mut ours = base.clone();
    let twin = ours.stages[0].touchpoints[0].clone();
    ours.stages[1].touchpoints.push(twin);
    let mut theirs = base.clone();
    theirs.title = "Office coffee".into();
    let merged = conflicted(&base, &ours, &theirs);
    assert!(
        merged.conflicts[0]
            .what
            .contains("uses the id `colleague-tip` twice")
    );
    // Nothing is lost: ours' twin and their title are both in the file.
    assert_eq!(merged.text.matches("id: \"colleague-tip\"").count(), 2);
    assert!(merged.text.contains("title: \"Office coffee\""));
}
