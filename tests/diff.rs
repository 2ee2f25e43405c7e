//! The semantic diff: changes by id from the core, and `journey diff` and
//! `journey outline` as a user and git meet them.

use assert_cmd::Command;
use journey::core::diff::changes::{ItemKind, What, diff};
use journey::core::diff::outline::outline;
use journey::core::format::{parse_bytes, to_string};
use journey::core::model::{Kind, Map, Step, Touchpoint};
use std::path::Path;

const SHOP: &str = include_str!("fixtures/git/shop.ron");

fn base() -> Map {
    parse_bytes(Path::new("shop.ron"), SHOP.as_bytes())
        .expect("fixture parses")
        .map
}

fn journey() -> Command {
    Command::cargo_bin("journey").expect("the journey binary is built")
}

fn new_touchpoint(id: &str) -> Touchpoint {
    Touchpoint {
        id: id.into(),
        name: "Podcast".into(),
        kind: Kind::Indirect,
        channel: String::new(),
        cost: None,
        notes: String::new(),
        allow: Vec::new(),
    }
}

#[test]
fn the_same_map_has_no_changes() {
    let d = diff(&base(), &base());
    assert!(d.is_empty());
    assert_eq!(d.summary(), "no changes");
}

#[test]
fn additions_removals_and_renames_by_id() {
    let old = base();
    let mut new = old.clone();
    new.stages[0]
        .touchpoints
        .insert(0, new_touchpoint("podcast"));
    new.stages[0].touchpoints.push(new_touchpoint("radio"));
    new.stages[1].touchpoints[1].name = "Online shop".into();
    new.stages[1].touchpoints.remove(0);
    let d = diff(&old, &new);
    let whats: Vec<(&str, &What)> = d.changes.iter().map(|c| (c.id.as_str(), &c.what)).collect();
    assert!(whats.contains(&("podcast", &What::Added)));
    assert!(whats.contains(&("radio", &What::Added)));
    assert!(whats.contains(&("review-portal", &What::Removed)));
    assert!(whats.contains(&(
        "web-shop",
        &What::Renamed {
            old: "Web shop".into(),
            new: "Online shop".into()
        }
    )));
    // An addition at the top moves nothing.
    assert!(
        !d.changes
            .iter()
            .any(|c| matches!(c.what, What::Moved { .. }))
    );
    assert_eq!(d.summary(), "2 touchpoints added, 1 removed, 1 renamed");
}

#[test]
fn moves_to_another_stage_within_a_stage_and_of_stages() {
    let old = base();
    let mut new = old.clone();
    let t = new.stages[0].touchpoints.remove(0);
    new.stages[1].touchpoints.push(t);
    let mut swapped = old.clone();
    swapped.stages[1].touchpoints.swap(0, 1);
    swapped.stages.swap(0, 1);

    let d = diff(&old, &new);
    let moved = d
        .changes
        .iter()
        .find(|c| c.id == "colleague-tip")
        .expect("a change");
    match &moved.what {
        What::Moved {
            from: Some(f),
            to: Some(t),
            ..
        } => {
            assert_eq!((f.id.as_str(), t.id.as_str()), ("awareness", "decision"));
        }
        other => panic!("not a move to another stage: {other:?}"),
    }

    let d = diff(&old, &swapped);
    let moved: Vec<(ItemKind, &str)> = d
        .changes
        .iter()
        .filter(|c| matches!(c.what, What::Moved { .. }))
        .map(|c| (c.item, c.id.as_str()))
        .collect();
    assert_eq!(moved.len(), 2, "{moved:?}");
    assert!(moved.iter().any(|(k, _)| *k == ItemKind::Stage));
    assert!(moved.iter().any(|(k, _)| *k == ItemKind::Touchpoint));
}

#[test]
fn field_changes_old_to_new() {
    let old = base();
    let mut new = old.clone();
    new.stages[0].touchpoints[0].kind = Kind::Direct;
    new.stages[0].touchpoints[0].channel = String::new();
    new.conversion = "First paid order".into();
    new.personas[0].paths[0].outcome = journey::core::model::Outcome::DroppedOut;
    let d = diff(&old, &new);
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = d
        .changes
        .iter()
        .filter_map(|c| match &c.what {
            What::Field { field, old, new } => Some((*field, old.as_deref(), new.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("conversion", Some("First order"), Some("First paid order")),
            ("kind", Some("indirect"), Some("direct")),
            ("channel", Some("word of mouth"), None),
            ("outcome", Some("converted"), Some("dropped out")),
        ]
    );
    assert_eq!(
        d.summary(),
        "map changed, 1 touchpoint changed, 1 path changed"
    );
}

#[test]
fn path_steps_added_removed_reordered_and_changed() {
    let old = base();
    let mut added = old.clone();
    added.personas[0].paths[0].steps.insert(
        1,
        Step {
            touchpoint: "web-shop".into(),
            emotion: None,
            note: String::new(),
        },
    );
    added.personas[0].paths[0].steps.remove(3);
    added.personas[0].paths[0].steps[0].emotion = Some(-1);
    let d = diff(&old, &added);
    let whats: Vec<&What> = d.changes.iter().map(|c| &c.what).collect();
    assert!(whats.contains(&&What::StepAdded {
        step: 2,
        touchpoint: "web-shop".into()
    }));
    assert!(whats.contains(&&What::StepRemoved {
        step: 3,
        touchpoint: "review-portal".into()
    }));
    assert!(whats.contains(&&What::StepChanged {
        step: 1,
        touchpoint: "colleague-tip".into(),
        field: "emotion",
        old: Some("+1".into()),
        new: Some("-1".into()),
    }));

    let mut reordered = old.clone();
    reordered.personas[0].paths[0].steps.swap(1, 2);
    let d = diff(&old, &reordered);
    assert_eq!(d.changes.len(), 1, "{:?}", d.changes);
    assert!(matches!(d.changes[0].what, What::StepsReordered { .. }));
}

fn write(dir: &Path, name: &str, map: &Map) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, to_string(map)).expect("write");
    path
}

#[test]
fn exit_codes_like_diff() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = write(dir.path(), "old.ron", &base());
    let mut changed = base();
    changed.stages[1].touchpoints[1].name = "Online shop".into();
    let new = write(dir.path(), "new.ron", &changed);
    journey()
        .args(["diff"])
        .arg(&old)
        .arg(&old)
        .assert()
        .code(0);
    let out = journey().arg("diff").arg(&old).arg(&new).assert().code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(
        text,
        "~ touchpoint \"Online shop\" (web-shop) renamed from \"Web shop\"\n1 touchpoint renamed\n"
    );
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: 1,").expect("write");
    journey()
        .arg("diff")
        .arg(&old)
        .arg(&broken)
        .assert()
        .code(2);
    journey()
        .arg("diff")
        .arg(&old)
        .arg(dir.path().join("missing.ron"))
        .assert()
        .code(2);
}

#[test]
fn reads_one_side_from_stdin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut changed = base();
    changed.title = "Office coffee".into();
    let new = write(dir.path(), "new.ron", &changed);
    let out = journey()
        .args(["diff", "-"])
        .arg(&new)
        .write_stdin(SHOP)
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("~ map: title \"Coffee subscription\" → \"Office coffee\""),
        "{text}"
    );
}

#[test]
fn with_gits_seven_arguments_it_exits_0_and_reads_dev_null_sides() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = write(dir.path(), "old.ron", &base());
    let mut changed = base();
    changed.stages[0]
        .touchpoints
        .push(new_touchpoint("podcast"));
    let new = write(dir.path(), "new.ron", &changed);
    let hex = "0".repeat(40);
    let out = journey()
        .args(["diff", "maps/shop.ron"])
        .arg(&old)
        .args([&hex, "100644"])
        .arg(&new)
        .args([&hex, "100644"])
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.starts_with("journey diff maps/shop.ron\n"), "{text}");
    assert!(
        text.contains(
            "+ touchpoint \"Podcast\" (podcast) added to stage \"Awareness\" (awareness)"
        )
    );

    let out = journey()
        .args(["diff", "maps/shop.ron"])
        .arg(&old)
        .args([&hex, "100644", "/dev/null", ".", "."])
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.starts_with("journey diff maps/shop.ron (deleted)\n"),
        "{text}"
    );
    assert!(
        text.contains("2 stages removed, 4 touchpoints removed"),
        "{text}"
    );
    // An unreadable side is still a failure git should see.
    journey()
        .args([
            "diff",
            "maps/shop.ron",
            "/nonexistent.ron",
            ".",
            ".",
            "/dev/null",
            ".",
            ".",
        ])
        .assert()
        .code(2);
}

#[test]
fn json_is_one_versioned_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = write(dir.path(), "old.ron", &base());
    let mut changed = base();
    changed.stages[1].touchpoints[0].channel = "app".into();
    let new = write(dir.path(), "new.ron", &changed);
    let out = journey()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "json"])
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(json["version"], 1);
    assert_eq!(json["same"], false);
    assert_eq!(json["summary"], "1 touchpoint changed");
    let change = &json["changes"][0];
    assert_eq!(change["item"], "touchpoint");
    assert_eq!(change["id"], "review-portal");
    assert_eq!(change["change"], "field");
    assert_eq!(change["field"], "channel");
    assert_eq!(change["old"], "web");
    assert_eq!(change["new"], "app");
    assert_eq!(change["within"]["id"], "decision");
}

#[test]
fn markdown_reads_back_as_a_list_with_a_word_diff() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let dir = tempfile::tempdir().expect("temp dir");
    let old = write(dir.path(), "old.ron", &base());
    let mut changed = base();
    changed.stages[1].touchpoints[0].notes = changed.stages[1].touchpoints[0]
        .notes
        .replace("three newest", "five newest");
    changed.stages[0].touchpoints[1].name = "Insta *reel* | [ad]".into();
    let new = write(dir.path(), "new.ron", &changed);
    let out = journey()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "markdown"])
        .assert()
        .code(1);
    let md = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let mut items = 0;
    let mut struck = String::new();
    let mut strong: Vec<String> = Vec::new();
    let (mut in_strike, mut in_strong) = (false, false);
    for event in Parser::new_ext(&md, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Item) => items += 1,
            Event::Start(Tag::Strikethrough) => in_strike = true,
            Event::End(TagEnd::Strikethrough) => in_strike = false,
            Event::Start(Tag::Strong) => {
                in_strong = true;
                strong.push(String::new());
            }
            Event::End(TagEnd::Strong) => in_strong = false,
            Event::Text(t) if in_strike => struck.push_str(&t),
            Event::Text(t) if in_strong => {
                if let Some(last) = strong.last_mut() {
                    last.push_str(&t);
                }
            }
            Event::Start(Tag::Emphasis | Tag::Link { .. }) => panic!("markup from a name:\n{md}"),
            _ => {}
        }
    }
    assert_eq!(items, 2, "{md}");
    assert_eq!(struck, "three");
    assert!(strong.iter().any(|s| s == "five"), "{strong:?}");
    assert!(
        strong.iter().any(|s| s == "Insta *reel* | [ad]"),
        "{strong:?}"
    );
    assert!(
        md.ends_with("\n**Summary:** 1 touchpoint renamed, 1 changed\n"),
        "{md}"
    );
}

#[test]
fn no_colour_when_stdout_is_not_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = write(dir.path(), "old.ron", &base());
    let mut changed = base();
    changed.title = "Other".into();
    let new = write(dir.path(), "new.ron", &changed);
    let out = journey().arg("diff").arg(&old).arg(&new).assert().code(1);
    assert!(!out.get_output().stdout.contains(&0x1b));
}

#[test]
fn the_outline_is_one_line_per_item_or_field() {
    let text = outline(&base());
    assert!(text.starts_with("map Coffee subscription\n    conversion: First order\n"));
    assert!(text.contains("\nstage Decision (decision)\n"));
    assert!(text.contains(
        "\n    touchpoint Web shop (web-shop)\n        kind: direct\n        channel: web\n"
    ));
    assert!(text.contains("\n        step 3: review-portal, emotion -1, note: Few reviews\n"));
    let out = journey()
        .args(["outline", "-"])
        .write_stdin(SHOP)
        .assert()
        .code(0);
    assert_eq!(String::from_utf8_lossy(&out.get_output().stdout), text);
}

#[test]
fn every_new_command_has_help_with_an_example() {
    for command in ["diff", "merge", "git-setup", "outline"] {
        let out = journey().args([command, "--help"]).assert().code(0);
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains("Example"), "{command}: {text}");
    }
}

#[test]
fn format_2_fields_are_compared_too() {
    use journey::core::model::{Cost, Language};
    let old = base();
    let mut new = old.clone();
    new.language = Language::De;
    new.currency = "EUR".into();
    new.stages[0].touchpoints[1].cost = Cost::new(250.5);
    new.personas[0].paths[0].customers = Some(120);
    new.personas[0].paths[0].allow = vec!["backward-step".into()];
    let d = diff(&old, &new);
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = d
        .changes
        .iter()
        .filter_map(|c| match &c.what {
            What::Field { field, old, new } => Some((*field, old.as_deref(), new.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("language", Some("en"), Some("de")),
            ("currency", None, Some("EUR")),
            ("cost", None, Some("250.5")),
            ("customers", None, Some("120")),
            ("allow", None, Some("backward-step")),
        ]
    );
    let text = outline(&new);
    assert!(
        text.contains("\n    language: de\n    conversion: First order\n    currency: EUR\n"),
        "{text}"
    );
    assert!(text.contains("\n        cost: 250.5\n"));
    assert!(!outline(&old).contains("language"));
}
