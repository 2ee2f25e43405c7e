//! A save killed at any moment leaves the old file or the new one, whole:
//! `journey fmt` rewrites a large map while this test kills it at random
//! points of the write, again and again, and no temporary file is left.

use journey::core::format::{load, to_string};
use journey::core::generate::{S2, generate};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 30;

#[test]
fn a_save_killed_at_random_moments_leaves_a_whole_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("big.ron");
    let canonical = to_string(&generate(S2));
    // Two-space indent: valid, not canonical, so every `fmt` rewrites it.
    let messy = canonical.replace("    ", "  ");
    let journey = env!("CARGO_BIN_EXE_journey");

    // How long one rewrite takes here, to aim the kills inside it.
    std::fs::write(&file, &messy).expect("write");
    let started = Instant::now();
    let status = Command::new(journey)
        .arg("fmt")
        .arg(&file)
        .status()
        .expect("fmt runs");
    assert!(status.success());
    let full = started.elapsed().max(Duration::from_millis(5));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), canonical);

    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let (mut old, mut new) = (0, 0);
    for _ in 0..RUNS {
        std::fs::write(&file, &messy).expect("reset");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Most of a run is reading and parsing; the write comes last, so aim
        // the kills at the second half and a little past the end.
        let delay = full.mul_f64(0.5 + (seed % 1000) as f64 / 1000.0 * 0.6);
        let mut child = Command::new(journey)
            .arg("fmt")
            .arg(&file)
            .spawn()
            .expect("fmt starts");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let bytes = std::fs::read_to_string(&file).expect("the file is there");
        if bytes == messy {
            old += 1;
        } else {
            assert_eq!(
                bytes, canonical,
                "the file is neither the old one nor the new one"
            );
            new += 1;
        }
        load(&file).expect("whatever is there parses");
        // No temporary file is left where the user would see it and commit
        // it: the new version is written to an unnamed file (O_TMPFILE)
        // until it is complete.
        let strays: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| *p != file)
            .collect();
        assert!(strays.is_empty(), "left in the folder: {strays:?}");
    }
    eprintln!("killed saves: {old} left the old file, {new} the new one");
    assert_eq!(old + new, RUNS);
}
