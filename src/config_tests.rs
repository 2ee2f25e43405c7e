use super::*;

fn parse(text: &str) -> Config {
    Config::parse(Path::new("config.ron"), text)
}

#[test]
fn a_full_config() {
    let c = parse(
        r#"(
    keys: [
        (mode: "board", key: "x", action: "toggle-kind"),
        (mode: "board", key: "ctrl-e", action: "export"),
    ],
    theme: "mono", // a comment
    ascii: true,
    template: "hourglass",
    language: "de",
)
"#,
    );
    assert_eq!(c.problems, Vec::<String>::new());
    assert_eq!(c.theme, Some(ThemeSetting::Mono));
    assert_eq!(c.ascii, Some(true));
    assert_eq!(c.template, Some(Template::Hourglass));
    assert_eq!(c.language, Some(Language::De));
    assert_eq!(c.keys.len(), 2);
    assert_eq!(c.keys[1].key, "ctrl-e");
    assert_eq!(c.keys[1].at, "config.ron:4:9");
}

#[test]
fn empty_config_is_all_defaults() {
    let c = parse("()");
    assert_eq!(c.problems, Vec::<String>::new());
    assert_eq!(c.theme, None);
    assert!(c.keys.is_empty());
}

#[test]
fn an_unknown_field_names_line_column_and_the_fields() {
    let c = parse("(\n    ascii: true,\n    colour: \"mono\",\n)");
    assert_eq!(c.problems.len(), 1);
    let p = &c.problems[0];
    assert!(p.starts_with("config.ron:3:"), "{p}");
    assert!(p.contains("unknown field `colour`"), "{p}");
    assert!(p.contains("`theme`"), "{p}");
    assert!(p.contains("the config is not used"), "{p}");
    assert_eq!(c.ascii, None);
}

#[test]
fn a_syntax_error_falls_back_to_defaults() {
    let c = parse("(\n    ascii: true\n    theme: \"mono\",\n)");
    assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
    assert!(
        c.problems[0].starts_with("config.ron:3:"),
        "{:?}",
        c.problems
    );
    assert_eq!(c.ascii, None);
}

#[test]
fn a_bad_value_costs_that_setting_only() {
    let c =
        parse("(\n  ascii: true,\n  template: \"pyramid\",\n  language: \"fr\",\n  theme: 3,\n)");
    assert_eq!(c.ascii, Some(true));
    assert_eq!(c.template, None);
    assert_eq!(c.language, None);
    assert_eq!(c.theme, None);
    assert_eq!(c.problems.len(), 3, "{:?}", c.problems);
    assert_eq!(
        c.problems[0],
        "config.ron:3:13: `template` is \"pyramid\"; expected one of five-stage, aida, hourglass; the default is kept"
    );
    assert_eq!(
        c.problems[1],
        "config.ron:4:13: `language` is \"fr\"; expected one of en, de; the default is kept"
    );
    assert!(c.problems[2].starts_with("config.ron:5:10: `theme` is a number"));
}

#[test]
fn ascii_of_the_wrong_type() {
    let c = parse("(ascii: \"yes\")");
    assert_eq!(
        c.problems,
        vec!["config.ron:1:9: `ascii` is \"yes\"; expected true or false; the default is kept"]
    );
}

#[test]
fn a_theme_table() {
    let c = parse("(theme: {\"key\": \"yellow\", \"error\": \"#ff0000\"})");
    let Some(ThemeSetting::Roles(roles)) = c.theme else {
        panic!("{:?}", c.theme);
    };
    assert_eq!(roles.len(), 2);
    assert!(roles.iter().any(|(r, c, _)| r == "key" && c == "yellow"));
}

#[test]
fn a_key_entry_with_a_missing_field() {
    let c = parse("(keys: [(mode: \"board\", key: \"x\")])");
    assert_eq!(c.problems.len(), 1);
    assert!(
        c.problems[0].contains("missing field `action`"),
        "{:?}",
        c.problems
    );
}

#[test]
fn the_scanner_skips_strings_and_comments() {
    let c = parse(
        "(\n  // keys: [(\n  /* template: */ keys: [\n    (mode: \"board\", key: \"(\", action: \"help\"),\n    (mode: \"board\", key: \"[\", action: \"help\"),\n  ],\n)",
    );
    assert_eq!(c.problems, Vec::<String>::new());
    assert_eq!(c.keys[0].at, "config.ron:4:5");
    assert_eq!(c.keys[1].at, "config.ron:5:5");
}

#[test]
fn a_missing_named_file_is_a_problem_and_a_missing_default_is_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let named = dir.path().join("nope.ron");
    let c = Config::load(Some(&named));
    assert!(!c.read);
    assert_eq!(c.problems.len(), 1);
    assert!(c.problems[0].contains("no such config file (named by --config)"));
}

#[test]
fn a_folder_as_config_is_a_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = Config::load(Some(dir.path()));
    assert_eq!(c.problems.len(), 1);
    assert!(
        c.problems[0].contains("cannot read the config"),
        "{:?}",
        c.problems
    );
}

#[test]
fn summary_counts_the_rest() {
    let c = parse("(template: \"a\", language: \"b\")");
    let s = c.summary().unwrap_or_default();
    assert!(
        s.contains("(and 1 more; `journey config` lists them)"),
        "{s}"
    );
}
