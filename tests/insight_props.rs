//! Properties of the attribution models over random journeys: every model
//! hands out exactly the conversions there are, removal effects are
//! shares, the shortcut for removal effects equals removing the touchpoint
//! and solving again, and the order of a CSV's rows changes nothing.

use journey::core::insight::heuristics::Heuristics;
use journey::core::insight::markov::Chain;
use journey::core::insight::{Journey, Journeys, Touched, analyse, input, synthetic};
use proptest::prelude::*;

fn journeys(n: usize) -> impl Strategy<Value = Vec<Journey>> {
    prop::collection::vec((prop::collection::vec(0..n, 1..7), 0u64..6, 0u64..6), 1..16).prop_map(
        |rows| {
            rows.into_iter()
                .map(|(steps, conversions, nulls)| Journey {
                    steps,
                    conversions,
                    nulls,
                    paths: 1,
                })
                .collect()
        },
    )
}

fn near(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * scale.max(1.0)
}

/// A CSV of the journeys, rows in the given order.
fn csv(journeys: &[Journey], order: &[usize]) -> String {
    let mut out = String::from("path,total_conversions,total_null\n");
    for &i in order {
        let j = &journeys[i];
        let path: Vec<String> = j.steps.iter().map(|k| format!("t{k}")).collect();
        out.push_str(&format!(
            "{},{},{}\n",
            path.join(" > "),
            j.conversions,
            j.nulls
        ));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_heuristic_hands_out_every_conversion(
        (n, js) in (1usize..7).prop_flat_map(|n| (Just(n), journeys(n)))
    ) {
        let js: Journeys = js.into_iter().collect();
        let total: u64 = js.iter().map(|j| j.conversions).sum();
        let h = Heuristics::new(n, &js);
        for (name, figures) in [("first", &h.first), ("last", &h.last), ("linear", &h.linear), ("position", &h.position)] {
            let sum: f64 = figures.iter().sum();
            prop_assert!(near(sum, total as f64, total as f64), "{name}: {sum} of {total}");
        }
    }

    #[test]
    fn removal_effects_are_shares_and_markov_hands_out_every_conversion(
        (n, js) in (1usize..7).prop_flat_map(|n| (Just(n), journeys(n)))
    ) {
        let js: Journeys = js.into_iter().collect();
        let total: u64 = js.iter().map(|j| j.conversions).sum();
        let map = synthetic::map(n);
        let report = analyse(&map, &input::Input { source: input::Source::Paths, journeys: js, left_out: 0 }, &[]).unwrap();
        for row in &report.rows {
            prop_assert!((0.0..=1.0).contains(&row.removal_effect), "{row:?}");
        }
        let markov: f64 = report.rows.iter().map(|r| r.markov).sum();
        prop_assert!(near(markov, total as f64, total as f64), "markov {markov} of {total}");
    }

    #[test]
    fn the_shortcut_equals_removing_and_solving_again(
        (n, js) in (1usize..7).prop_flat_map(|n| (Just(n), journeys(n)))
    ) {
        let js: Journeys = js.into_iter().collect();
        let chain = Chain::new(n, &js);
        let s = chain.solve().unwrap();
        for k in 0..n {
            let mut removed = vec![false; n];
            removed[k] = true;
            let without = chain.conversion_without(&removed).unwrap();
            let direct = if s.conversion > 0.0 { 1.0 - without / s.conversion } else { 0.0 };
            prop_assert!(
                (direct - s.removal_effect[k]).abs() < 1e-9,
                "touchpoint {k}: shortcut {} vs solved {direct}", s.removal_effect[k]
            );
        }
    }

    #[test]
    fn the_order_of_csv_rows_changes_nothing(
        (n, js, order) in (1usize..7).prop_flat_map(|n| (Just(n), journeys(n)))
            .prop_flat_map(|(n, js)| {
                let len = js.len();
                (Just(n), Just(js), Just((0..len).collect::<Vec<_>>()).prop_shuffle())
            })
    ) {
        let map = synthetic::map(n);
        let straight: Vec<usize> = (0..js.len()).collect();
        let a = input::from_csv(&map, csv(&js, &straight).as_bytes()).unwrap();
        let b = input::from_csv(&map, csv(&js, &order).as_bytes()).unwrap();
        let a = analyse(&map, &a, &[]).unwrap();
        let b = analyse(&map, &b, &[]).unwrap();
        // Bit for bit: every sum is of integers or taken in a fixed order.
        prop_assert_eq!(a, b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever a CSV holds, reading it gives journeys or an error, never
    /// a panic, and what it reads can be analysed.
    #[test]
    fn any_csv_reads_or_fails_cleanly(
        header in prop::sample::select(vec![
            "path,total_conversions,total_null",
            "path;conversions;nulls;value",
            "journey,touchpoint,time,converted",
            "journey;touchpoint",
            "nothing,useful",
        ]),
        body in prop::collection::vec(
            "[t0-9 >;,\"\\-.:TZa-z\u{e9}\n]{0,30}", 0..8
        ),
    ) {
        let map = synthetic::map(10);
        let text = format!("{header}\n{}", body.join("\n"));
        if let Ok(read) = input::from_csv(&map, text.as_bytes()) {
            prop_assert!(analyse(&map, &read, &[]).is_ok());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The models run over the touched touchpoints alone (`Touched`). Bit
    /// for bit, that gives every touched touchpoint the figures a run over
    /// all of them gives, and the others nothing.
    #[test]
    fn the_models_over_the_touched_touchpoints_are_the_models_over_all(
        (n, js) in (1usize..14).prop_flat_map(|n| (Just(n), journeys(n)))
    ) {
        let js: Journeys = js.into_iter().collect();
        let (touched, renumbered) = Touched::of(n, &js);
        let (all, few) = (Heuristics::new(n, &js), Heuristics::new(touched.len, &renumbered));
        let (solved_all, solved_few) = (
            Chain::new(n, &js).solve(),
            Chain::new(touched.len, &renumbered).solve(),
        );
        match (solved_all, solved_few) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.conversion.to_bits(), b.conversion.to_bits());
                for k in 0..n {
                    let e = a.removal_effect[k];
                    match touched.get(k) {
                        Some(d) => prop_assert_eq!(e.to_bits(), b.removal_effect[d].to_bits()),
                        None => prop_assert_eq!(e, 0.0),
                    }
                }
            }
            (a, b) => prop_assert_eq!(a.is_err(), b.is_err()),
        }
        for k in 0..n {
            let figures = |h: &Heuristics, i: usize| {
                (h.paths[i], h.customers[i], h.first[i].to_bits(), h.last[i].to_bits(),
                 h.linear[i].to_bits(), h.position[i].to_bits())
            };
            match touched.get(k) {
                Some(d) => prop_assert_eq!(figures(&all, k), figures(&few, d)),
                None => prop_assert_eq!(figures(&all, k), (0, 0, 0, 0, 0, 0)),
            }
        }
    }
}
