//! The DOT picture tells the journey: step numbers on the path edges, a
//! marker where a path converts or drops out, steps within a stage drawn
//! as curves, the touchpoints the shown persona skips faded, and the
//! legend in the map's language.

mod common;

use journey::core::export::{Options, dot};

fn example(name: &str) -> journey::core::model::Map {
    common::examples()
        .into_iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("the example {name}"))
        .map
}

#[test]
fn path_edges_carry_their_step_numbers_and_end_in_the_outcome() {
    let source = dot::export(&example("fixtures-backward"), &Options::all());
    // The edge that leaves step n says n; the marker's edge carries the
    // last step's number.
    for edge in [
        "\"tp_ad\" -> \"tp_blog\" [xlabel=\"1\"];",
        "\"tp_forum\" -> \"tp_signup\" [xlabel=\"5\"];",
        "\"end_0_0\" [label=\"✓ converted\"",
        "\"tp_blog\" -> \"end_0_0\" [xlabel=\"7\"];",
        "\"end_1_0\" [label=\"✗ dropped out\"",
        "\"tp_forum\" -> \"end_1_0\" [xlabel=\"3\"];",
    ] {
        assert!(source.contains(edge), "the DOT holds {edge}");
    }
}

#[test]
fn an_open_path_gets_no_marker() {
    // The mentor map's third persona postpones: her path is open.
    let map = example("maps-mentor");
    let persona = &map.personas[2];
    assert_eq!(
        persona.paths[0].outcome,
        journey::core::model::Outcome::Open
    );
    let source = dot::export(&map, &Options::persona(persona.id.clone()));
    assert!(!source.contains("\"end_"), "no outcome marker");
    assert!(source.contains("xlabel=\"1\""), "but step numbers");
}

#[test]
fn a_step_within_a_stage_is_a_curve_that_keeps_the_column() {
    let source = dot::export(&example("maps-camera"), &Options::all());
    // Web search → asking friends, both in Awareness: not a flat edge,
    // which Graphviz draws as a short line with its head at the node and
    // which would fight the chain that keeps the column in order.
    assert!(
        source.contains(
            "\"tp_web-search\" -> \"tp_asking-friends\" [xlabel=\"1\", constraint=false];"
        )
    );
    assert!(source.contains(
        "\"tp_social-media-ads\" -> \"tp_asking-friends\" -> \"tp_web-search\" [style=invis];"
    ));
}

#[test]
fn one_persona_fades_what_it_never_visits() {
    let map = example("maps-camera");
    let source = dot::export(&map, &Options::persona("gift-buyer"));
    let line = |id: &str| {
        source
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("\"tp_{id}\" [label=")))
            .unwrap_or_else(|| panic!("the node {id}"))
            .to_string()
    };
    // Faded is each column's default; a visited touchpoint undoes it.
    assert!(source.contains(
        "        node [color=\"#c5ccd3\", fontcolor=\"#9aa3ac\", fillcolor=\"#f7f8f9\"];\n"
    ));
    let undone = "color=\"#33414e\", fontcolor=black, fillcolor=white";
    assert!(!line("web-search").contains(undone), "web search is faded");
    for visited in [
        "social-media-ads",
        "manufacturer-website",
        "specialist-shop-visit",
    ] {
        assert!(line(visited).contains(undone), "{visited} is not faded");
    }
    if common::have_dot() {
        // And so Graphviz draws them.
        let svg = common::run_dot(&source, "svg").stdout;
        let node = |id: &str| {
            let start = svg
                // Graphviz writes `-` in a title as `&#45;`.
                .find(&format!("<title>tp_{}</title>", id.replace('-', "&#45;")))
                .unwrap_or_else(|| panic!("{id} drawn"));
            svg[start..].split("</g>").next().unwrap_or("").to_string()
        };
        assert!(node("web-search").contains("stroke=\"#c5ccd3\""));
        assert!(node("social-media-ads").contains("stroke=\"#33414e\""));
    }
    assert!(source.contains("\"legend_faded\" [label=\"not visited by this persona\""));
    let all = dot::export(&map, &Options::all());
    assert!(
        !all.contains("#9aa3ac"),
        "nothing is faded with every persona"
    );
}

#[test]
fn a_german_map_gets_a_german_legend() {
    let source = dot::export(&example("maps-mentor"), &Options::all());
    for words in [
        "graph [label=\"Legende\"",
        "label=\"direkter Touchpoint\\n(eigener Kanal)\"",
        "label=\"indirekter Touchpoint\\n(Dritte)\"",
        "[label=\"✓ konvertiert\"",
        "[label=\"✗ abgesprungen\"",
        "· konvertiert</FONT>",
        "· offen</FONT>",
        "COLOR=\"#5a6570\">Konversion: ",
    ] {
        assert!(source.contains(words), "the German DOT holds {words}");
    }
    for english in ["Legend\"", "converted", "dropped out", "Conversion:"] {
        assert!(!source.contains(english), "no English {english:?}");
    }
}

#[test]
fn the_drawing_shows_the_numbers_and_the_markers() {
    if !common::have_dot() {
        return;
    }
    let source = dot::export(&example("maps-camera"), &Options::all());
    let svg = common::run_dot(&source, "svg");
    assert!(svg.success && svg.stderr.is_empty(), "{}", svg.stderr);
    let texts: Vec<&str> = svg
        .stdout
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1)?.split('<').next())
        .collect();
    assert!(texts.contains(&"✓ converted") && texts.contains(&"✗ dropped out"));
    // The hobby photographer's first path has ten steps.
    for n in 1..=10 {
        assert!(texts.contains(&n.to_string().as_str()), "step {n} is drawn");
    }
}
