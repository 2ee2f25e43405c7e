//! The DOT export checked with real Graphviz.

use journey::core::export::{Options, dot};
use journey::core::model::Map;

/// Checks one DOT export of `map` with `dot`, returning nothing: it panics
/// with `what` in the message on any failure.
pub fn check_dot(what: &str, map: &Map, options: &Options) {
    let source = dot::export(map, options);
    assert!(!super::has_control(&source), "{what}: control character");
    let svg = super::run_dot(&source, "svg");
    assert!(svg.success, "{what}: dot -Tsvg failed: {}", svg.stderr);
    assert_eq!(svg.stderr, "", "{what}: dot -Tsvg warned");
    let plain = super::run_dot(&source, "plain");
    assert!(
        plain.success,
        "{what}: dot -Tplain failed: {}",
        plain.stderr
    );
    let positions = super::plain_positions(&plain.stdout);
    let nodes = super::plain_nodes(&plain.stdout);
    let touchpoint_nodes = nodes.iter().filter(|(n, _)| n.starts_with("tp_")).count();
    assert_eq!(
        touchpoint_nodes,
        map.touchpoints().count(),
        "{what}: one node per touchpoint"
    );
    // Columns: every node of a stage at one x, and the stages left to right.
    let columns = super::dot_columns(&source);
    assert_eq!(
        columns.len(),
        map.stages.len(),
        "{what}: one cluster per stage"
    );
    let x_of = |id: &str| {
        nodes
            .iter()
            .find(|(n, _)| n == id)
            .map(|(_, x)| *x)
            .unwrap_or_else(|| panic!("{what}: node {id} not laid out"))
    };
    let mut previous: Option<f64> = None;
    for (s, column) in columns.iter().enumerate() {
        let xs: Vec<f64> = column.iter().map(|id| x_of(id)).collect();
        let x = xs[0];
        assert!(
            xs.iter().all(|v| (v - x).abs() < 1e-6),
            "{what}: stage {s} is not one column: {xs:?}"
        );
        if let Some(p) = previous {
            assert!(x > p, "{what}: stage {s} is not right of stage {}", s - 1);
        }
        previous = Some(x);
        // And the touchpoints of a column in map order, top to bottom.
        let ys: Vec<f64> = column
            .iter()
            .map(|id| {
                positions
                    .iter()
                    .find(|(n, ..)| n == id)
                    .map(|&(_, _, y)| y)
                    .unwrap_or_else(|| panic!("{what}: node {id} not laid out"))
            })
            .collect();
        assert!(
            ys.windows(2).all(|w| w[0] > w[1]),
            "{what}: stage {s} is not in map order top to bottom: {column:?} at {ys:?}"
        );
    }
}
