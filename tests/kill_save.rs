//! A save killed at any moment leaves the old file or the new one, whole:
//! `journey fmt` rewrites a large map while this test kills it at random
//! points of the write, again and again. No temporary file is left, but
//! where the kill falls between the two calls that name the new version and
//! rename it over the old one: that leaves the whole new version under a
//! temporary name, which the next save removes once it is a minute old.

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
    let (mut old, mut new, mut between) = (0, 0, 0);
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
        // until it is complete. Only a kill between its link and its rename
        // leaves it under its temporary name, whole.
        let strays: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| *p != file)
            .collect();
        if let [stray] = strays.as_slice() {
            assert_linked_but_not_renamed(stray, &canonical, journey, &file);
            between += 1;
        } else {
            assert!(strays.is_empty(), "left in the folder: {strays:?}");
        }
    }
    eprintln!(
        "killed saves: {old} left the old file, {new} the new one; \
         {between} fell between the link and the rename"
    );
    assert_eq!(old + new, RUNS);
}

/// A temporary that a kill between the link and the rename left: named as
/// the save names its temporaries, holding the whole new version, and
/// removed by the next save once it is older than a minute.
fn assert_linked_but_not_renamed(
    stray: &std::path::Path,
    canonical: &str,
    journey: &str,
    file: &std::path::Path,
) {
    let name = stray
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let suffix = name.strip_prefix(".big.ron.").unwrap_or_default();
    assert!(
        suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric()),
        "left in the folder: {stray:?}"
    );
    assert_eq!(
        std::fs::read_to_string(stray).expect("the temporary reads"),
        canonical,
        "the temporary holds the whole new version"
    );
    let two_minutes_ago = std::time::SystemTime::now() - Duration::from_secs(120);
    std::fs::File::options()
        .write(true)
        .open(stray)
        .and_then(|f| f.set_modified(two_minutes_ago))
        .expect("age the temporary");
    let status = Command::new(journey)
        .arg("fmt")
        .arg(file)
        .status()
        .expect("fmt runs");
    assert!(status.success());
    assert!(!stray.exists(), "the next save removes a stale temporary");
}

/// What a kill between the link and the rename leaves, made by hand: the
/// next save removes it once it is a minute old.
#[test]
fn a_temporary_left_between_link_and_rename_goes_with_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("big.ron");
    let canonical = to_string(&generate(journey::core::generate::S1));
    std::fs::write(&file, canonical.replace("    ", "  ")).expect("write");
    let stray = dir.path().join(".big.ron.k1LLed");
    std::fs::write(&stray, &canonical).expect("write the temporary");
    assert_linked_but_not_renamed(&stray, &canonical, env!("CARGO_BIN_EXE_journey"), &file);
}
