//! journey insight against the reference, ChannelAttribution, on the same
//! CSV: the heuristics agree exactly, and the Markov attributions agree
//! within the reference's simulation error (it estimates by simulating
//! paths; journey solves the chain exactly).
//!
//! Needs Python 3 with `channelattribution` (and `matplotlib`, which it
//! imports): `pip install channelattribution matplotlib`. The interpreter
//! is `JOURNEY_PYTHON` where set, else `python3`.

mod common;

use journey::core::format::save;
use journey::core::insight::synthetic;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn python() -> String {
    std::env::var("JOURNEY_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn have_channelattribution() -> bool {
    Command::new(python())
        .args(["-c", "import ChannelAttribution"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The reference's figures for a CSV.
fn reference(csv: &Path) -> Value {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/channelattribution.py");
    let out = Command::new(python())
        .arg(script)
        .arg(csv)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "ChannelAttribution failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // It prints banners before the JSON; the JSON is the last line.
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let last = text.lines().last().expect("output");
    serde_json::from_str(last).expect("JSON from the script")
}

fn ours(map: &Path, csv: &Path) -> Value {
    let out = assert_cmd::Command::cargo_bin("journey")
        .expect("binary")
        .args(["insight"])
        .arg(map)
        .arg("--data")
        .arg(csv)
        .args(["--format", "json"])
        .output()
        .expect("journey runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn num(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

#[test]
fn heuristics_agree_exactly_and_markov_within_simulation_error() {
    if !have_channelattribution() {
        common::missing(
            "Python's channelattribution is not installed (pip install channelattribution matplotlib)",
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (map_file, csv_file) = (dir.path().join("map.ron"), dir.path().join("paths.csv"));
    let n = 8;
    save(&map_file, &synthetic::map(n)).expect("save map");
    std::fs::write(&csv_file, synthetic::csv(n, 5000, 42)).expect("write CSV");

    let ca = reference(&csv_file);
    let us = ours(&map_file, &csv_file);
    let total = num(&us["conversions"]);
    assert!(total > 500.0, "a sample with conversions: {total}");
    let mut worst_markov = 0.0f64;
    let mut worst_removal = 0.0f64;
    for row in us["touchpoints"].as_array().expect("touchpoints") {
        let id = row["id"].as_str().expect("id");
        let Some(h) = ca["heuristic"].get(id) else {
            // A touchpoint no journey visits: ChannelAttribution does not list it.
            assert_eq!(
                num(&row["paths"]),
                0.0,
                "{id} is missing from the reference"
            );
            continue;
        };
        for (ours_key, theirs_key) in [
            ("first_touch", "first_touch"),
            ("last_touch", "last_touch"),
            ("linear", "linear_touch"),
        ] {
            let (a, b) = (num(&row[ours_key]), num(&h[theirs_key]));
            assert!(
                (a - b).abs() <= 1e-9 * total,
                "{id} {ours_key}: journey {a}, ChannelAttribution {b}"
            );
        }
        let (a, b) = (num(&row["markov"]), num(&ca["markov"][id]));
        worst_markov = worst_markov.max((a - b).abs() / total);
        let (a, b) = (num(&row["removal_effect"]), num(&ca["removal"][id]));
        worst_removal = worst_removal.max((a - b).abs());
    }
    eprintln!(
        "ChannelAttribution vs exact: Markov conversions differ by at most {:.3}% of all conversions, removal effects by at most {worst_removal:.4}",
        worst_markov * 100.0
    );
    // Its default simulation (1e5 paths, more until it converges) is good
    // to about a percent of the total; 3% leaves room for an unlucky seed.
    assert!(worst_markov < 0.03, "Markov differs by {worst_markov}");
    assert!(
        worst_removal < 0.05,
        "removal effects differ by {worst_removal}"
    );
}

/// Not a check but a measurement, run by hand (it takes minutes):
/// `cargo test --release --test insight_reference -- --ignored --nocapture`.
/// Times `journey insight` and ChannelAttribution's Markov model on the
/// same CSV of 1,000,000 journeys over 200 touchpoints.
#[test]
#[ignore]
fn measure_a_million_journeys_against_channelattribution() {
    if !have_channelattribution() {
        common::missing(
            "Python's channelattribution is not installed (pip install channelattribution matplotlib)",
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (map_file, csv_file) = (dir.path().join("map.ron"), dir.path().join("paths.csv"));
    save(&map_file, &synthetic::map(200)).expect("save map");
    std::fs::write(&csv_file, synthetic::csv(200, 1_000_000, 7)).expect("write CSV");
    let start = std::time::Instant::now();
    let us = ours(&map_file, &csv_file);
    let ours_seconds = start.elapsed().as_secs_f64();
    let ca = reference(&csv_file);
    let theirs = num(&ca["seconds"]);
    let total = num(&us["conversions"]);
    let worst = us["touchpoints"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| {
            Some((num(&r["markov"]) - ca["markov"].get(r["id"].as_str()?)?.as_f64()?).abs())
        })
        .fold(0.0f64, f64::max);
    eprintln!(
        "1,000,000 journeys: journey insight (whole command: read, count, solve) {ours_seconds:.2} s; ChannelAttribution's markov_model alone {theirs:.2} s; ratio {:.1}x; Markov figures differ by at most {:.3}% of {total} conversions",
        theirs / ours_seconds,
        worst / total * 100.0
    );
}
