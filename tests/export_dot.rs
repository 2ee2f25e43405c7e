//! The DOT export through real Graphviz: accepted with exit 0 and nothing
//! on stderr, one node per touchpoint, and the columns in map order.

mod common;

use common::graphviz::check_dot;
use journey::core::export::{Options, dot};

#[test]
fn every_example_draws_cleanly() {
    if !common::have_dot() {
        return;
    }
    for example in common::examples() {
        check_dot(&example.name, &example.map, &Options::all());
        for persona in &example.map.personas {
            let what = format!("{} --persona {}", example.name, persona.id);
            check_dot(&what, &example.map, &Options::persona(persona.id.clone()));
        }
    }
}

#[test]
fn a_generated_map_draws_cleanly() {
    if !common::have_dot() {
        return;
    }
    let map = common::small_map(6, 5, 4, 9);
    check_dot("generated 6x5", &map, &Options::all());
}

#[test]
fn backward_steps_do_not_reorder_columns() {
    let example = common::examples()
        .into_iter()
        .find(|e| e.name == "fixtures-backward")
        .expect("the backward fixture");
    let source = dot::export(&example.map, &Options::all());
    // webinar (Desire) -> podcast (Attention) goes back three stages.
    assert!(
        source.contains("\"tp_webinar\" -> \"tp_podcast\" [xlabel=\"3\", constraint=false];\n")
    );
    assert!(source.contains("\"tp_signup\" -> \"tp_blog\" [xlabel=\"6\", constraint=false];\n"));
    // Forward steps keep their say in the layout.
    assert!(source.contains("\"tp_ad\" -> \"tp_blog\" [xlabel=\"1\"];\n"));
    if common::have_dot() {
        check_dot("backward", &example.map, &Options::all());
    }
}

#[test]
fn label_escapes_stay_literal_in_the_picture() {
    if !common::have_dot() {
        return;
    }
    let example = common::examples()
        .into_iter()
        .find(|e| e.name == "fixtures-hostile")
        .expect("the hostile fixture");
    let svg = common::run_dot(&dot::export(&example.map, &Options::all()), "svg").stdout;
    // The text Graphviz drew, every <text> element joined.
    let drawn: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .map(|(text, _)| text)
        .collect();
    let drawn = drawn.join("\n");
    // HTML-like node labels and quoted cluster labels both keep `\N` & co.
    assert!(drawn.contains(r"\N\G\E\T\H\L\l\r\n"), "{drawn}");
    assert!(drawn.contains(r"trailing\"), "{drawn}");
    assert!(
        drawn.contains(r"3. subgraph \N \G \E \T \H \L \l \r \n"),
        "{drawn}"
    );
    assert!(
        drawn.contains(r"Hostile &quot;map&quot; \N \G \l"),
        "{drawn}"
    );
    // Had a `\N` or `\G` been expanded, a node or graph name would show.
    assert!(!drawn.contains("tp_"), "{drawn}");
    assert!(!drawn.contains("journey"), "{drawn}");
    assert!(
        drawn.contains("&lt;b&gt;bold&lt;/b&gt; &amp; co &amp;amp;"),
        "{drawn}"
    );
}

/// One persona with several paths: each path gets its own colour and its
/// own legend entry, so that each can be followed on the slide. With every
/// persona shown, a line is a persona again.
#[test]
fn one_persona_shows_each_path_apart() {
    let map = journey::core::format::load(std::path::Path::new("maps/camera.ron"))
        .expect("the camera map")
        .map;
    let persona = &map.personas[0];
    assert!(persona.paths.len() > 1, "the example has several paths");
    let one = dot::export(&map, &Options::persona(persona.id.clone()));
    let legend = one
        .lines()
        .find(|l| l.contains("\"legend_personas\""))
        .expect("a legend");
    for path in &persona.paths {
        assert!(legend.contains(&path.name), "{} in the legend", path.name);
    }
    let colours: std::collections::BTreeSet<&str> = one
        .lines()
        .filter_map(|l| l.trim().strip_prefix("edge [color=\""))
        .map(|rest| &rest[..7])
        .collect();
    assert_eq!(colours.len(), persona.paths.len(), "{colours:?}");

    let all = dot::export(&map, &Options::all());
    let legend = all
        .lines()
        .find(|l| l.contains("\"legend_personas\""))
        .expect("a legend");
    for p in &map.personas {
        assert!(legend.contains(&p.name), "{} in the legend", p.name);
    }
    assert!(!legend.contains(&persona.paths[1].name));
    if common::have_dot() {
        check_dot(
            "camera, one persona",
            &map,
            &Options::persona(persona.id.clone()),
        );
    }
}
