//! `journey check` over many files runs on every core and prints exactly
//! what a serial run prints, in the order of the arguments, in every
//! output format.

use assert_cmd::Command;
use journey::core::format::to_string;
use journey::core::generate::{S1, generate};

/// About fifty maps, each with findings of its own (an empty stage, a
/// duplicate id, an unknown step, unvisited touchpoints), of uneven size
/// so that threads finish out of order, and one file that cannot be read.
fn files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for n in 0..50 {
        let mut map = generate(S1);
        map.title = format!("Map {n}");
        map.stages.truncate(1 + n % 10);
        map.stages[0].touchpoints.truncate(n % 4);
        if n % 3 == 0 {
            map.stages[0].id = "dup".into();
            map.personas[0].id = "dup".into();
        }
        if n % 5 == 0 {
            map.personas[1].paths[0].steps[0].touchpoint = format!("nowhere-{n}");
        }
        let file = dir.join(format!("map-{n:02}.ron"));
        std::fs::write(&file, to_string(&map)).expect("write");
        out.push(file);
        if n == 25 {
            let broken = dir.join("broken.ron");
            std::fs::write(&broken, "(format: 1, title: \"x\", stages: [").expect("write");
            out.push(broken);
        }
    }
    out
}

fn check(files: &[std::path::PathBuf], format: &str, threads: &str) -> (Vec<u8>, Vec<u8>, i32) {
    let out = Command::cargo_bin("journey")
        .expect("the journey binary is built")
        .arg("check")
        .args(["--format", format])
        .args(files)
        .env("JOURNEY_CHECK_THREADS", threads)
        .output()
        .expect("runs");
    (out.stdout, out.stderr, out.status.code().unwrap_or(-1))
}

#[test]
fn many_files_in_parallel_print_what_a_serial_run_prints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = files(dir.path());
    for format in ["human", "json", "github", "gitlab"] {
        let serial = check(&files, format, "1");
        let parallel = check(&files, format, "4");
        assert_eq!(serial.2, 2, "an unreadable file makes it exit 2");
        assert!(
            !serial.0.is_empty() || !serial.1.is_empty(),
            "findings are printed"
        );
        assert_eq!(
            String::from_utf8_lossy(&parallel.0),
            String::from_utf8_lossy(&serial.0),
            "stdout in {format}"
        );
        assert_eq!(
            String::from_utf8_lossy(&parallel.1),
            String::from_utf8_lossy(&serial.1),
            "stderr in {format}"
        );
        assert_eq!(parallel.2, serial.2);
    }
    // In the order of the arguments: the files' names come in that order.
    let (out, err, _) = check(&files, "human", "4");
    let text = String::from_utf8_lossy(&out);
    let at = |name: &str| text.find(name).unwrap_or(usize::MAX);
    let mut last = 0;
    for n in (0..50).step_by(7) {
        let here = at(&format!("map-{n:02}.ron"));
        assert!(
            here != usize::MAX && here >= last,
            "map-{n:02}.ron in order: {text}"
        );
        last = here;
    }
    assert!(String::from_utf8_lossy(&err).contains("broken.ron"));
}
