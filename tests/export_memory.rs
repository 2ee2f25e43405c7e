//! Memory and export size stay bounded by the size of the map file, on
//! maps built to blow them up: names of a megabyte that every finding, step
//! or table row would repeat. The real binary runs, and its peak memory is
//! measured (see `common::memory`).
#![cfg(unix)]

mod common;

use common::memory::{memory_bound, run};
use journey::core::format::to_string;
use journey::core::model::{Kind, Map, Outcome, Path, Persona, Stage, Step, Touchpoint};

const MB: usize = 1 << 20;

fn touchpoint(id: String) -> Touchpoint {
    Touchpoint {
        allow: Vec::new(),
        cost: None,
        id,
        name: "Touchpoint".into(),
        kind: Kind::Direct,
        channel: String::new(),
        notes: String::new(),
    }
}

fn step(id: &str) -> Step {
    Step {
        touchpoint: id.into(),
        emotion: Some(1),
        note: String::new(),
    }
}

fn path(id: String, name: String, steps: Vec<Step>) -> Path {
    Path {
        allow: Vec::new(),
        customers: None,
        id,
        name,
        outcome: Outcome::Converted,
        steps,
    }
}

fn persona(id: String, name: String, paths: Vec<Path>) -> Persona {
    Persona {
        allow: Vec::new(),
        id,
        name,
        description: String::new(),
        paths: paths.into(),
    }
}

/// A path named with a megabyte, whose id is long too, of a persona with a
/// long name, taking 10,000 bad steps: to touchpoints that do not exist,
/// and back from a stage with a long name to another.
pub fn bad_steps_map() -> Map {
    let mut map = Map::new("Bad steps");
    for (id, letter) in [("one", "a"), ("two", "b")] {
        map.stages.push(Stage {
            allow: Vec::new(),
            id: id.into(),
            name: letter.repeat(100_000),
            description: String::new(),
            touchpoints: vec![touchpoint(format!("t-{id}"))].into(),
        });
    }
    let steps = (0..10_000)
        .map(|n| match n % 3 {
            0 => step("nowhere"),
            1 => step("t-two"),
            _ => step("t-one"),
        })
        .collect();
    map.personas.push(persona(
        "p".into(),
        "P".repeat(100_000),
        vec![path(
            format!("p-{}", "a".repeat(100_000)),
            "N".repeat(MB),
            steps,
        )],
    ));
    map
}

/// Names that the exports repeat: a stage named with a megabyte that every
/// step in it shows; a persona named with a megabyte with a thousand paths,
/// each drawn with its name; and thirteen personas, more than the coverage
/// matrix takes, so that each coverage row and each journey task lists
/// their names.
pub fn repeated_names_map() -> Map {
    let mut map = Map::new("Repeated names");
    map.stages.push(Stage {
        allow: Vec::new(),
        id: "one".into(),
        name: "S".repeat(MB),
        description: String::new(),
        touchpoints: vec![touchpoint("first".into())].into(),
    });
    map.stages.push(Stage {
        allow: Vec::new(),
        id: "two".into(),
        name: "Two".into(),
        description: String::new(),
        touchpoints: (0..1000).map(|n| touchpoint(format!("t{n}"))).collect(),
    });
    let many = (0..1000)
        .map(|n| {
            path(
                format!("a{n}"),
                String::new(),
                vec![step("first"), step(&format!("t{n}"))],
            )
        })
        .collect();
    map.personas
        .push(persona("big".into(), "B".repeat(MB), many));
    for p in 1..13 {
        let mut steps = vec![step("first")];
        steps.extend((0..1000).map(|n| step(&format!("t{n}"))));
        map.personas.push(persona(
            format!("p{p}"),
            format!("{p}").repeat(50_000),
            vec![path(format!("p{p}-main"), "Main".into(), steps)],
        ));
    }
    map
}

/// Writes `map` to a file in `dir` and returns its path and size.
fn write(dir: &std::path::Path, map: &Map) -> (String, u64) {
    let file = dir.join("hostile.ron");
    let text = to_string(map);
    std::fs::write(&file, &text).expect("write the map");
    (file.display().to_string(), text.len() as u64)
}

fn check_bounded(what: &str, size: u64, result: &common::memory::Run, expect_code: i32) {
    assert_eq!(
        result.code,
        Some(expect_code),
        "{what}: exit code; stderr: {}",
        &result.stderr[..result.stderr.len().min(2000)]
    );
    assert!(
        result.peak <= memory_bound(size),
        "{what}: peak memory {} MiB for a file of {} KiB (bound {} MiB)",
        result.peak >> 20,
        size >> 10,
        memory_bound(size) >> 20
    );
    assert!(
        result.stdout_len <= 20 * size,
        "{what}: wrote {} MiB for a file of {} KiB",
        result.stdout_len >> 20,
        size >> 10
    );
    assert!(
        result.stderr.len() as u64 <= 20 * size,
        "{what}: wrote {} MiB to stderr",
        result.stderr.len() >> 20
    );
}

#[test]
fn check_memory_is_bounded_by_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, size) = write(dir.path(), &bad_steps_map());
    // The runs go side by side, each in a folder of its own: wait4 measures
    // each child alone.
    std::thread::scope(|scope| {
        for format in ["human", "json", "github"] {
            let (file, dir) = (&file, dir.path().join(format));
            scope.spawn(move || {
                std::fs::create_dir(&dir).expect("a folder for the run");
                let result = run(&dir, &["check", "--format", format, file]);
                check_bounded(&format!("check --format {format}"), size, &result, 1);
            });
        }
    });
}

#[test]
fn exports_are_bounded_by_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, map) in [
        ("bad-steps", bad_steps_map()),
        ("repeated-names", repeated_names_map()),
    ] {
        let map_dir = dir.path().join(name);
        std::fs::create_dir(&map_dir).expect("a folder for the map");
        let (file, size) = write(&map_dir, &map);
        std::thread::scope(|scope| {
            for format in ["markdown", "dot", "mermaid", "mermaid-journey"] {
                let (file, dir) = (&file, map_dir.join(format));
                scope.spawn(move || {
                    std::fs::create_dir(&dir).expect("a folder for the run");
                    let result = run(&dir, &["export", "--format", format, file]);
                    check_bounded(
                        &format!("{name}: export --format {format}"),
                        size,
                        &result,
                        0,
                    );
                });
            }
        });
    }
}
