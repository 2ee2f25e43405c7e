//! Insight: attribution and the exact Markov removal effect, on S2's paths
//! and on a CSV of 1,000,000 journeys over 200 touchpoints. Run with
//! `cargo bench --bench insight`; compare with ChannelAttribution on the
//! same CSV through `tests/reference/channelattribution.py` (see the
//! README's "Insight" section).

use journey::core::generate::{S2, generate};
use journey::core::insight::{analyse, input, synthetic};
use journey::core::model::Map;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn s2() -> &'static Map {
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(|| generate(S2))
}

/// The map of 200 touchpoints and its CSV of a million journeys.
fn million() -> &'static (Map, String) {
    static DATA: OnceLock<(Map, String)> = OnceLock::new();
    DATA.get_or_init(|| (synthetic::map(200), synthetic::csv(200, 1_000_000, 7)))
}

#[divan::bench(sample_count = 20)]
fn s2_from_the_map(bencher: divan::Bencher) {
    let map = s2();
    bencher.bench(|| {
        let input = input::from_map(divan::black_box(map), None).expect("paths");
        analyse(map, &input, &[]).expect("report")
    });
}

#[divan::bench(sample_count = 5)]
fn million_journeys_read_and_solved(bencher: divan::Bencher) {
    let (map, csv) = million();
    bencher.bench(|| {
        let input = input::from_csv(map, divan::black_box(csv.as_bytes())).expect("CSV");
        analyse(map, &input, &[]).expect("report")
    });
}

#[divan::bench(sample_count = 5)]
fn million_journeys_solved(bencher: divan::Bencher) {
    let (map, csv) = million();
    let input = input::from_csv(map, csv.as_bytes()).expect("CSV");
    bencher.bench(|| analyse(map, divan::black_box(&input), &[]).expect("report"));
}

/// The Markdown export's Attribution section at S3 (100,000 touchpoints),
/// part of the export's budget.
#[divan::bench(sample_count = 10)]
fn s3_markdown_section(bencher: divan::Bencher) {
    static MAP: OnceLock<Map> = OnceLock::new();
    let map = MAP.get_or_init(|| generate(journey::core::generate::S3));
    bencher.bench(|| journey::core::insight::table::section(divan::black_box(map), None));
}

/// The report alone at S3, without the Markdown.
#[divan::bench(sample_count = 10)]
fn s3_report(bencher: divan::Bencher) {
    static MAP: OnceLock<Map> = OnceLock::new();
    let map = MAP.get_or_init(|| generate(journey::core::generate::S3));
    bencher.bench(|| {
        let input = input::from_map(divan::black_box(map), None).expect("paths");
        analyse(map, &input, &[]).expect("report")
    });
}
