//! Small chains whose figures are worked out by hand.

use super::markov::Chain;
use super::{Journey, Journeys, heuristics::Heuristics};

fn journeys(list: Vec<Journey>) -> Journeys {
    list.into_iter().collect()
}

fn j(steps: &[usize], conversions: u64, nulls: u64) -> Journey {
    Journey {
        steps: steps.to_vec(),
        conversions,
        nulls,
        paths: 1,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[track_caller]
fn assert_close(got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!(close(*g, *w), "got {got:?}, want {want:?}");
    }
}

/// a > a > b (3 conversions, 1 drop-out), b (1, 2), c > b (0, 4); a=0 b=1 c=2.
fn three() -> Journeys {
    journeys(vec![j(&[0, 0, 1], 3, 1), j(&[1], 1, 2), j(&[2, 1], 0, 4)])
}

#[test]
fn every_path_through_one_touchpoint() {
    // start: a 4/11, b 3/11, c 4/11. a goes to itself 1/2 and to b 1/2,
    // so a always reaches b; c always reaches b; b converts 4/11.
    // P(conv) = 4/11. Without b nothing converts: RE_b = 1. Without a the
    // 4/11 who start there are lost: P = 7/11 * 4/11, RE_a = 4/11; c alike.
    let s = Chain::new(3, &three()).solve().unwrap();
    assert!(close(s.conversion, 4.0 / 11.0));
    assert_close(&s.removal_effect, &[4.0 / 11.0, 1.0, 4.0 / 11.0]);
}

#[test]
fn heuristics_by_hand() {
    let h = Heuristics::new(3, &three());
    assert_close(&h.first, &[3.0, 1.0, 0.0]);
    assert_close(&h.last, &[0.0, 4.0, 0.0]);
    // a > a > b: a gets 2 of 3 conversions' thirds, b 1; the one-step b all.
    assert_close(&h.linear, &[2.0, 2.0, 0.0]);
    // a > a > b: a 40% first + 20% middle = 1.8, b 40% = 1.2; b alone 1.
    assert_close(&h.position, &[1.8, 2.2, 0.0]);
    assert_eq!(h.paths, vec![1, 3, 1]);
    assert_eq!(h.customers, vec![4, 11, 4]);
}

#[test]
fn a_cycle_between_two_touchpoints() {
    // a > b > a converts (1), b drops out (1). a: to b 1/2, converts 1/2;
    // b: to a 1/2, drops 1/2. p_a = 1/2 + p_b/2, p_b = p_a/2, so p_a = 2/3,
    // p_b = 1/3, P = (2/3 + 1/3)/2 = 1/2. Without a: 0, RE_a = 1. Without
    // b: start a (1/2) then converts 1/2: P = 1/4, RE_b = 1/2.
    let journeys = journeys(vec![j(&[0, 1, 0], 1, 0), j(&[1], 0, 1)]);
    let chain = Chain::new(2, &journeys);
    let s = chain.solve().unwrap();
    assert!(close(s.conversion, 0.5));
    assert_close(&s.removal_effect, &[1.0, 0.5]);
    assert!(close(
        chain.conversion_without(&[false, true]).unwrap(),
        0.25
    ));
    assert!(close(
        chain.conversion_without(&[true, false]).unwrap(),
        0.0
    ));
}

#[test]
fn one_step_paths_and_an_unvisited_touchpoint() {
    // a converts, b drops out, c is on no path: P = 1/2; without a 0
    // (RE 1); b never converts (RE 0); c (RE 0).
    let s = Chain::new(3, &journeys(vec![j(&[0], 1, 0), j(&[1], 0, 1)]))
        .solve()
        .unwrap();
    assert!(close(s.conversion, 0.5));
    assert_close(&s.removal_effect, &[1.0, 0.0, 0.0]);
}

#[test]
fn a_self_transition_changes_no_removal_effect() {
    // A stay at a leaves with the same odds as a single visit.
    let once = Chain::new(2, &journeys(vec![j(&[0, 1], 1, 0), j(&[0], 0, 1)])).solve();
    let twice = Chain::new(2, &journeys(vec![j(&[0, 0, 1], 1, 0), j(&[0], 0, 1)])).solve();
    let (once, twice) = (once.unwrap(), twice.unwrap());
    assert!(close(once.conversion, twice.conversion));
    assert_close(&once.removal_effect, &twice.removal_effect);
    // a: to b 1/2, drops 1/2: P = 1/2, and both are needed.
    assert_close(&once.removal_effect, &[1.0, 1.0]);
}

#[test]
fn a_chain_of_two_stages() {
    // coffee > walk > jetty converts 2; coffee > jetty converts 1 and
    // drops 1; walk > jetty drops 1 (coffee 0, walk 1, jetty 2).
    // start: coffee 4/5, walk 1/5. coffee: to walk 2/4, to jetty 2/4.
    // walk: to jetty 1. jetty: converts 3/5. P = 3/5.
    // Without walk: coffee reaches jetty 1/2: P = 4/5 * 1/2 * 3/5 = 6/25,
    // RE_walk = 1 - (6/25)/(3/5) = 3/5. Without coffee: only walk's 1/5
    // reaches jetty: P = 3/25, RE = 4/5. Without jetty: RE 1.
    let s = Chain::new(
        3,
        &journeys(vec![
            j(&[0, 1, 2], 2, 0),
            j(&[0, 2], 1, 1),
            j(&[1, 2], 0, 1),
        ]),
    )
    .solve()
    .unwrap();
    assert!(close(s.conversion, 0.6));
    assert_close(&s.removal_effect, &[0.8, 0.6, 1.0]);
}

#[test]
fn no_conversions_no_effects() {
    let s = Chain::new(2, &journeys(vec![j(&[0, 1], 0, 3)]))
        .solve()
        .unwrap();
    assert_eq!(s.conversion, 0.0);
    assert_eq!(s.removal_effect, vec![0.0, 0.0]);
}

#[test]
fn the_page_section_leaves_out_unvisited_rows_and_reads_the_same() {
    use crate::core::model::{Cost, Language};
    for language in [Language::En, Language::De] {
        let mut map = crate::core::generate::generate(crate::core::generate::S1);
        map.language = language;
        let input = super::input::from_map(&map, None).expect("input");
        let full = super::analyse(&map, &input, &[]).expect("report");
        let unvisited: Vec<usize> = full
            .rows
            .iter()
            .filter(|r| r.paths == 0)
            .map(|r| r.index)
            .collect();
        assert!(!unvisited.is_empty(), "the map has touchpoints on no path");
        let words = super::table::Words::of(super::table::Lang::of_map(&map));
        let want = super::table::markdown(&full, &words);
        let got = super::table::section_of(&map, &input).expect("a section");
        assert_eq!(got, want);

        // A cost on an unvisited touchpoint alone still adds the cost columns.
        let k = unvisited[0];
        let (s, t) = map
            .stages
            .iter()
            .enumerate()
            .flat_map(|(s, st)| (0..st.touchpoints.len()).map(move |t| (s, t)))
            .nth(k)
            .expect("touchpoint k");
        for st in &mut map.stages {
            for tp in &mut st.touchpoints {
                tp.cost = None;
            }
        }
        map.stages[s].touchpoints[t].cost = Cost::new(12.5);
        let full = super::analyse(&map, &input, &[]).expect("report");
        let want = super::table::markdown(&full, &words);
        assert!(want.contains(words.cost), "the cost column is there");
        let got = super::table::section_of(&map, &input).expect("a section");
        assert_eq!(got, want);
        let visited = super::analyse_rows(&map, &input, &[], super::Rows::Visited).expect("report");
        assert_eq!(visited.rows.len() + unvisited.len(), full.rows.len());
    }
}
