//! proptest strategies for whole maps with hostile text in every field.

use journey::core::format::required_format;
use journey::core::model::{
    Cost, Kind, Language, Map, Outcome, Path as JPath, Persona, Stage, Step, Touchpoint,
};
use proptest::prelude::*;

/// Strings that have broken serializers before, plus arbitrary Unicode.
pub fn hostile() -> impl Strategy<Value = String> {
    let fragments = prop::sample::select(vec![
        "\"",
        "\\",
        "\"#",
        "r#\"",
        "\n",
        "\t",
        "\r\n",
        "\x1b[31m",
        "\x1b]0;pwned\x07",
        "\0",
        "\u{202e}",
        "\u{2066}",
        "مرحبا",
        "👩‍👩‍👧",
        "🇩🇪",
        "Größe",
        "ÄÖÜß",
        "口コミ",
        " ",
        "\u{200b}",
        "\u{200d}",
        "\u{2060}",
        "\u{feff}",
        "\u{e0041}",
        "\u{9b}31m",
        "\u{9d}0;t\u{9c}",
        "\u{1b}Pq\u{1b}\\",
        "\u{1b}_G",
        "\u{1b}(B",
        "Journey planner",
        "title ",
        "%",
        "",
        "//",
        "/*",
        "*/",
        "),",
        "]",
        "Some(",
        "\\u{41}",
        "#![enable(implicit_some)]",
    ]);
    prop_oneof![
        prop::collection::vec(fragments, 0..5).prop_map(|v| v.concat()),
        any::<String>(),
        "[a-zA-Z ]{0,12}",
    ]
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::Direct), Just(Kind::Indirect)]
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::Converted),
        Just(Outcome::DroppedOut),
        Just(Outcome::Open)
    ]
}

/// Rule names to allow, hostile text among them: most items allow none.
fn allow() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        3 => Just(Vec::new()),
        1 => prop::collection::vec(
            prop_oneof![Just("backward-step".to_string()), hostile()],
            1..3
        ),
    ]
}

/// A cost: none, whole, fractional, zero, or very large.
fn cost() -> impl Strategy<Value = Option<Cost>> {
    prop_oneof![
        3 => Just(None),
        1 => (0.0f64..1e12).prop_map(Cost::new),
        1 => prop::sample::select(vec![0.0, 1200.0, 0.1, 1e300, 5e-324]).prop_map(Cost::new),
    ]
}

fn touchpoint() -> impl Strategy<Value = Touchpoint> {
    (
        hostile(),
        hostile(),
        kind(),
        hostile(),
        hostile(),
        cost(),
        allow(),
    )
        .prop_map(|(id, name, kind, channel, notes, cost, allow)| Touchpoint {
            allow,
            cost,
            id,
            name,
            kind,
            channel,
            notes,
        })
}

fn stage() -> impl Strategy<Value = Stage> {
    (
        hostile(),
        hostile(),
        hostile(),
        prop::collection::vec(touchpoint(), 0..4),
        allow(),
    )
        .prop_map(|(id, name, description, touchpoints, allow)| Stage {
            allow,
            id,
            name,
            description,
            touchpoints: touchpoints.into(),
        })
}

fn step() -> impl Strategy<Value = Step> {
    (hostile(), prop::option::of(-2i8..=2), hostile()).prop_map(|(touchpoint, emotion, note)| {
        Step {
            touchpoint,
            emotion,
            note,
        }
    })
}

fn persona() -> impl Strategy<Value = Persona> {
    let path = (
        hostile(),
        hostile(),
        outcome(),
        prop::collection::vec(step(), 0..4),
        prop::option::weighted(0.3, 0..=i64::MAX as u64),
        allow(),
    )
        .prop_map(|(id, name, outcome, steps, customers, allow)| JPath {
            allow,
            customers,
            id,
            name,
            outcome,
            steps,
        });
    (
        hostile(),
        hostile(),
        hostile(),
        prop::collection::vec(path, 0..3),
        allow(),
    )
        .prop_map(|(id, name, description, paths, allow)| Persona {
            allow,
            id,
            name,
            description,
            paths: paths.into(),
        })
}

pub fn map() -> impl Strategy<Value = Map> {
    (
        hostile(),
        hostile(),
        hostile(),
        prop::collection::vec(stage(), 0..4),
        prop::collection::vec(persona(), 0..3),
        (
            prop_oneof![Just(Language::En), Just(Language::De)],
            prop_oneof![3 => Just(String::new()), 1 => hostile()],
            allow(),
        ),
    )
        .prop_map(
            |(title, description, conversion, stages, personas, (language, currency, allow))| {
                let mut map = Map {
                    allow,
                    currency,
                    language,
                    format: 1,
                    title,
                    description,
                    conversion,
                    stages,
                    personas,
                };
                // The number a save writes, and a load gives back.
                map.format = required_format(&map);
                map
            },
        )
}
