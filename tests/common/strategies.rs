//! proptest strategies for whole maps with hostile text in every field.

use journey::core::model::{Kind, Map, Outcome, Path as JPath, Persona, Stage, Step, Touchpoint};
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

fn touchpoint() -> impl Strategy<Value = Touchpoint> {
    (hostile(), hostile(), kind(), hostile(), hostile()).prop_map(
        |(id, name, kind, channel, notes)| Touchpoint {
            id,
            name,
            kind,
            channel,
            notes,
        },
    )
}

fn stage() -> impl Strategy<Value = Stage> {
    (
        hostile(),
        hostile(),
        hostile(),
        prop::collection::vec(touchpoint(), 0..4),
    )
        .prop_map(|(id, name, description, touchpoints)| Stage {
            id,
            name,
            description,
            touchpoints,
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
    )
        .prop_map(|(id, name, outcome, steps)| JPath {
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
    )
        .prop_map(|(id, name, description, paths)| Persona {
            id,
            name,
            description,
            paths,
        })
}

pub fn map() -> impl Strategy<Value = Map> {
    (
        hostile(),
        hostile(),
        hostile(),
        prop::collection::vec(stage(), 0..4),
        prop::collection::vec(persona(), 0..3),
    )
        .prop_map(|(title, description, conversion, stages, personas)| Map {
            format: 1,
            title,
            description,
            conversion,
            stages,
            personas,
        })
}
