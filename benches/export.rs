//! Export budgets (DESIGN.md): at S3, DOT under 30 ms and Markdown under
//! 100 ms, in a release build. Run with `cargo bench --bench export`.

use journey::core::export::{Options, dot, markdown};
use journey::core::generate::{S1, S2, S3, generate};
use journey::core::model::Map;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// Each size is generated once and shared by the benchmarks that use it.
fn map(size: &str) -> &'static Map {
    static MAPS: [OnceLock<Map>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (slot, size) = match size {
        "S1" => (&MAPS[0], S1),
        "S2" => (&MAPS[1], S2),
        _ => (&MAPS[2], S3),
    };
    slot.get_or_init(|| generate(size))
}

const SIZES: [&str; 3] = ["S1", "S2", "S3"];

#[divan::bench(args = SIZES, sample_count = 20)]
fn dot_export(bencher: divan::Bencher, size: &str) {
    let map = map(size);
    let options = Options::all();
    bencher.bench(|| dot::export(divan::black_box(map), &options));
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn markdown_export(bencher: divan::Bencher, size: &str) {
    let map = map(size);
    let options = Options::all();
    bencher.bench(|| markdown::export(divan::black_box(map), &options));
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn dot_export_one_persona(bencher: divan::Bencher, size: &str) {
    let map = map(size);
    let options = Options::persona("persona-0");
    bencher.bench(|| dot::export(divan::black_box(map), &options));
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn csv_export(bencher: divan::Bencher, size: &str) {
    let map = map(size);
    let options = Options::all();
    bencher.bench(|| journey::core::export::csv::export(divan::black_box(map), &options));
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn json_export(bencher: divan::Bencher, size: &str) {
    let map = map(size);
    let options = Options::all();
    bencher.bench(|| journey::core::export::json::export(divan::black_box(map), &options));
}

/// The Markdown export's Attribution section alone (core::insight): at S3
/// it is the larger part of the export.
#[divan::bench(args = SIZES, sample_count = 20)]
fn markdown_attribution(bencher: divan::Bencher, size: &str) {
    let map = map(size);
    bencher.bench(|| journey::core::insight::table::section(divan::black_box(map), None));
}
