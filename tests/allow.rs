//! Per-item allowances: `allow` silences warnings of the named rules for an
//! item and what it holds; errors cannot be allowed; an allowance that
//! silences nothing is an `unused-allow` warning.

use assert_cmd::Command;
use journey::core::allow::apply;
use journey::core::format::{parse_bytes, to_string};
use journey::core::model::Map;
use journey::core::validate::{Rule, validate};
use std::path::Path;

fn base() -> Map {
    let text = include_str!("fixtures/git/shop.ron");
    parse_bytes(Path::new("shop.ron"), text.as_bytes())
        .expect("fixture parses")
        .map
}

/// The shop map with a step that goes back a stage (a warning) and a
/// persona without a path (another).
fn warned() -> Map {
    let mut map = base();
    let steps = &mut map.personas[0].paths[0].steps;
    let back = steps[0].clone();
    steps.push(back);
    let mut lonely = map.personas[0].clone();
    lonely.id = "lonely".into();
    lonely.name = "Lonely".into();
    lonely.paths.clear();
    map.personas.push(lonely);
    map
}

fn rules(map: &Map) -> Vec<Rule> {
    apply(map, validate(map))
        .findings
        .iter()
        .map(|d| d.rule)
        .collect()
}

#[test]
fn an_allow_on_a_path_silences_its_rule_there_only() {
    let mut map = warned();
    assert_eq!(rules(&map), [Rule::BackwardStep, Rule::PersonaWithoutPath]);
    map.personas[0].paths[0].allow = vec!["backward-step".into()];
    let sorted = apply(&map, validate(&map));
    assert_eq!(
        sorted.findings.iter().map(|d| d.rule).collect::<Vec<_>>(),
        [Rule::PersonaWithoutPath]
    );
    assert_eq!(sorted.allowed.len(), 1);
    assert_eq!(sorted.allowed[0].rule, Rule::BackwardStep);
}

#[test]
fn an_allow_covers_what_the_item_holds() {
    let mut map = warned();
    map.personas[0].allow = vec!["backward-step".into()];
    assert_eq!(rules(&map), [Rule::PersonaWithoutPath]);
    let mut map = warned();
    map.allow = vec!["backward-step".into(), "persona-without-path".into()];
    assert_eq!(rules(&map), []);
    // A stage's allow does not reach the personas.
    let mut map = warned();
    map.stages[0].allow = vec!["backward-step".into()];
    assert!(rules(&map).contains(&Rule::BackwardStep));
}

#[test]
fn errors_cannot_be_allowed_and_unused_allows_are_warnings() {
    let mut map = base();
    map.stages[0].touchpoints.clear();
    map.personas[0].paths[0]
        .steps
        .retain(|s| s.touchpoint != "colleague-tip" && s.touchpoint != "instagram-ad");
    map.stages[0].allow = vec!["empty-stage".into()];
    map.stages[1].touchpoints[0].allow = vec!["unvisited-touchpoint".into(), "no-such-rule".into()];
    let sorted = apply(&map, validate(&map));
    let found: Vec<(Rule, &str)> = sorted
        .findings
        .iter()
        .map(|d| (d.rule, d.message.as_str()))
        .collect();
    assert!(
        found.contains(&(
            Rule::EmptyStage,
            "stage \"Awareness\" (awareness) has no touchpoints"
        )),
        "{found:?}"
    );
    assert!(found.contains(&(
        Rule::UnusedAllow,
        "stage \"Awareness\" (awareness) allows `empty-stage`, an error; errors cannot be allowed"
    )), "{found:?}");
    assert!(found.contains(&(
        Rule::UnusedAllow,
        "touchpoint \"Review portal\" (review-portal) allows `unvisited-touchpoint`, which finds nothing here"
    )), "{found:?}");
    assert!(
        found.contains(&(
            Rule::UnusedAllow,
            "touchpoint \"Review portal\" (review-portal) allows `no-such-rule`, which is no rule"
        )),
        "{found:?}"
    );
    assert!(sorted.allowed.is_empty());
}

fn journey() -> Command {
    Command::cargo_bin("journey").expect("the journey binary is built")
}

#[test]
fn check_deny_warnings_passes_with_the_exceptions_written_in_the_map() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("shop.ron");
    let mut map = warned();
    std::fs::write(&file, to_string(&map)).expect("write");
    journey()
        .args(["check", "--deny-warnings"])
        .arg(&file)
        .assert()
        .code(1);

    map.personas[0].paths[0].allow = vec!["backward-step".into()];
    map.personas[1].allow = vec!["persona-without-path".into()];
    std::fs::write(&file, to_string(&map)).expect("write");
    let out = journey()
        .args(["check", "--deny-warnings"])
        .arg(&file)
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("ok (2 warnings allowed)"), "{stderr}");
    let out = journey()
        .args(["check", "--format", "json"])
        .arg(&file)
        .assert()
        .code(0);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(json["allowed"], 2);
    assert_eq!(json["warnings"], 0);

    // An allowance whose reason went away fails the check, with its line.
    map.personas[0].paths[0].steps.pop();
    let text = to_string(&map);
    std::fs::write(&file, &text).expect("write");
    let out = journey()
        .args(["check", "--deny-warnings"])
        .arg(&file)
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let line = text
        .lines()
        .position(|l| l.contains("id: \"quick-order\""))
        .expect("path line")
        + 1;
    assert!(
        stdout.contains(&format!(":{line}: warning[unused-allow]: path \"Quick order\" (quick-order) allows `backward-step`, which finds nothing here")),
        "{stdout}"
    );
}

#[test]
fn allowing_a_warning_is_an_edit_that_undoes() {
    use journey::core::allow::{allow_edit, refusal};
    let map = warned();
    let findings = apply(&map, validate(&map)).findings;
    let back = findings
        .iter()
        .find(|d| d.rule == Rule::BackwardStep)
        .expect("a backward step");
    let edit = allow_edit(&map, back).expect("a warning can be allowed");
    let mut edited = map.clone();
    let applied = edit.apply(&mut edited).expect("applies");
    assert_eq!(edited.personas[0].paths[0].allow, ["backward-step"]);
    assert_eq!(rules(&edited), [Rule::PersonaWithoutPath]);
    applied.inverse.apply(&mut edited).expect("undoes");
    assert_eq!(edited, map);

    let mut broken = base();
    broken.stages[0].touchpoints.clear();
    let error = validate(&broken)
        .into_iter()
        .find(|d| d.rule == Rule::EmptyStage)
        .expect("an error");
    assert!(refusal(&error).is_some());
    assert!(allow_edit(&broken, &error).is_none());
}
