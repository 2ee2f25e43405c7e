//! Tests of the editor's insight figures: the analysis kept and the basis compared.

use super::*;

#[test]
fn the_sort_cycle_visits_every_column_once() {
    let mut sort = Sort::default();
    let mut seen = Vec::new();
    for _ in 0..Column::ALL.len() {
        seen.push(sort.column);
        sort = sort.step(1);
    }
    assert_eq!(sort, Sort::default(), "back where it began");
    for c in Column::ALL {
        assert_eq!(seen.iter().filter(|&&s| s == c).count(), 1, "{c:?}");
    }
    assert_eq!(Sort::default().step(1).step(-1), Sort::default());
}

#[test]
fn the_basis_ignores_only_what_no_figure_reads() {
    let text = include_str!("../../maps/date.ron");
    let map = crate::core::format::parse_bytes(std::path::Path::new("date.ron"), text.as_bytes())
        .expect("the example loads")
        .map;
    let mut words = map.clone();
    words.title = "Another title".into();
    words.stages[0].touchpoints[0].notes = "a new note".into();
    words.personas[0].name = "Renamed".into();
    let step = words.personas[0].paths[0]
        .steps
        .first_mut()
        .expect("the example's first path has steps");
    step.note = "a new note".into();
    step.emotion = Some(-2);
    assert!(same_basis(&map, &words), "words are no part of the figures");
    assert_eq!(
        Analysis::of(Arc::new(map.clone())).outcome,
        Analysis::of(Arc::new(words)).outcome
    );
    let mut kind = map.clone();
    let t = &mut kind.stages[0].touchpoints[0];
    t.kind = t.kind.toggled();
    assert!(!same_basis(&map, &kind), "a kind is");
    let mut steps = map.clone();
    steps.personas[0].paths[0].steps.pop();
    assert!(!same_basis(&map, &steps), "a step is");
}
