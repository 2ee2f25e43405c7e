//! Load, save and validate at the budget sizes S1, S2 and S3 (DESIGN.md).
//! Run with `cargo bench --bench format`.

use journey::core::format::{load, save, to_string};
use journey::core::generate::{S1, S2, S3, Size, generate};
use journey::core::validate::validate;

fn main() {
    divan::main();
}

const SIZES: [(&str, Size); 3] = [("S1", S1), ("S2", S2), ("S3", S3)];

fn size(name: &str) -> Size {
    SIZES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(S1, |(_, s)| *s)
}

#[divan::bench(args = ["S1", "S2", "S3"], sample_count = 10)]
fn load_from_disk(bencher: divan::Bencher, name: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("map.ron");
    std::fs::write(&file, to_string(&generate(size(name)))).expect("write");
    bencher.bench(|| load(&file).expect("loads"));
}

#[divan::bench(args = ["S1", "S2", "S3"], sample_count = 10)]
fn save_to_disk(bencher: divan::Bencher, name: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("map.ron");
    let map = generate(size(name));
    bencher.bench(|| save(&file, &map).expect("saves"));
}

#[divan::bench(args = ["S1", "S2", "S3"], sample_count = 10)]
fn serialize(bencher: divan::Bencher, name: &str) {
    let map = generate(size(name));
    bencher.bench(|| to_string(&map));
}

#[divan::bench(args = ["S1", "S2", "S3"], sample_count = 10)]
fn validate_map(bencher: divan::Bencher, name: &str) {
    let map = generate(size(name));
    bencher.bench(|| validate(&map));
}
