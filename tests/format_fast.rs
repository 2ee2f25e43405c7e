//! The fast reader of map files against ron, the reference: on every text
//! it gives exactly ron's map or declines, and it never accepts what ron
//! rejects. Canonical files (shipped, generated, fixtures) must take the
//! fast path; damaged ones may take either.

mod common;

use common::strategies::map;
use journey::core::format::{parse_fast, to_string};
use journey::core::generate::{S1, generate};
use journey::core::model::Map;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn ron(text: &str) -> Result<Map, ron::error::SpannedError> {
    ron::from_str::<Map>(text)
}

/// The one property: the fast reader's answer, when it gives one, is ron's.
fn agrees(text: &str) -> Result<(), String> {
    match (parse_fast(text), ron(text)) {
        (Some(fast), Ok(reference)) if fast == reference => Ok(()),
        (Some(fast), Ok(reference)) => Err(format!(
            "different maps\nfast: {fast:?}\nron:  {reference:?}\n{text}"
        )),
        (Some(_), Err(e)) => Err(format!("ron rejects what fast accepts: {e}\n{text}")),
        (None, _) => Ok(()),
    }
}

/// Characters that break RON in interesting ways: quotes, escapes,
/// separators, comments, number parts, and whitespace ron knows and the
/// fast reader does not.
fn damage_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            '"', '\\', ',', '(', ')', '[', ']', ':', ' ', '\n', '\r', '\t', '/', '*', '#',
            '-', '+', '.', '_', 'e', 'E', 'f', 'x', 'u', '{', '}', 'r', '0', '1', '9', 'n',
            'a', 'S', 'é', '\u{c}', '\u{b}', '\u{85}', '\u{2028}', '\u{200e}', '\u{feff}', '\'',
        ]),
        1 => any::<char>(),
    ]
}

#[derive(Debug, Clone)]
enum Damage {
    Insert(usize, char),
    Delete(usize, usize),
    Replace(usize, char),
    /// A line given twice: a duplicate field or item.
    CopyLine(usize),
    /// A line left out: a missing field, or a broken struct.
    DropLine(usize),
    /// A line and the next one swapped: fields in another order.
    SwapLines(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), damage_char()).prop_map(|(at, c)| Damage::Insert(at, c)),
        (any::<usize>(), 1usize..4).prop_map(|(at, n)| Damage::Delete(at, n)),
        (any::<usize>(), damage_char()).prop_map(|(at, c)| Damage::Replace(at, c)),
        any::<usize>().prop_map(Damage::CopyLine),
        any::<usize>().prop_map(Damage::DropLine),
        any::<usize>().prop_map(Damage::SwapLines),
    ]
}

/// The char boundary at or before `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, damage: &Damage) {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let at = |i: usize| i % lines.len().max(1);
    let lines_changed = match *damage {
        Damage::CopyLine(i) if !lines.is_empty() => {
            lines.insert(at(i), lines[at(i)]);
            true
        }
        Damage::DropLine(i) if !lines.is_empty() => {
            lines.remove(at(i));
            true
        }
        Damage::SwapLines(i) if lines.len() > 1 => {
            let i = i % (lines.len() - 1);
            lines.swap(i, i + 1);
            true
        }
        _ => false,
    };
    if lines_changed {
        *text = lines.concat();
        return;
    }
    match *damage {
        Damage::Insert(at, c) => text.insert(boundary(text, at), c),
        Damage::Delete(at, n) => {
            let start = boundary(text, at);
            let end = text[start..]
                .char_indices()
                .nth(n)
                .map_or(text.len(), |(i, _)| start + i);
            text.replace_range(start..end, "");
        }
        Damage::Replace(at, c) => {
            let start = boundary(text, at);
            if let Some(old) = text[start..].chars().next() {
                text.replace_range(start..start + old.len_utf8(), c.encode_utf8(&mut [0; 4]));
            }
        }
        Damage::CopyLine(_) | Damage::DropLine(_) | Damage::SwapLines(_) => {}
    }
}

/// `JOURNEY_FUZZ_CASES=200000 cargo test --release --test format_fast`
/// runs longer, as the fuzz test does.
fn cases(default: u32) -> u32 {
    std::env::var("JOURNEY_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn a_saved_map_takes_the_fast_path_to_the_map_ron_reads(map in map()) {
        let text = to_string(&map);
        let fast = parse_fast(&text);
        prop_assert!(fast.is_some(), "the fast reader declined a canonical file:\n{}", text);
        let reference = ron(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(fast, Some(reference));
    }

    #[test]
    fn a_damaged_file_gives_ron_s_map_or_is_declined(
        map in map(),
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let mut text = to_string(&map);
        for d in &damages {
            apply(&mut text, d);
        }
        agrees(&text).map_err(TestCaseError::fail)?;
        if ron(&text).is_err() {
            prop_assert_eq!(parse_fast(&text), None);
        }
    }
}

/// A small xorshift, so that the count below is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

/// The damage test above means something only if damaged files land on
/// both sides: some still read by the fast path (damage inside a string or
/// a number that keeps the file valid), and many rejected by ron.
#[test]
fn damage_lands_on_both_sides_and_every_answer_agrees() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    ron_files(&root.join("maps"), &mut files);
    files.sort();
    let bases: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("a shipped map is UTF-8"))
        .collect();
    let chars: Vec<char> = "\"\\,()[]: \n/*#-+._efxu{}r019na\u{c}é".chars().collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut fast, mut rejected, mut declined_valid) = (0, 0, 0);
    let tries = cases(2000) as usize;
    for i in 0..tries {
        let mut text = bases[i % bases.len()].clone();
        let mut done = Vec::new();
        for _ in 0..1 + rng.next() % 3 {
            let c = chars[rng.next() % chars.len()];
            let d = match rng.next() % 6 {
                0 => Damage::Insert(rng.next(), c),
                1 => Damage::Delete(rng.next(), 1 + rng.next() % 3),
                2 => Damage::Replace(rng.next(), c),
                3 => Damage::CopyLine(rng.next()),
                4 => Damage::DropLine(rng.next()),
                _ => Damage::SwapLines(rng.next()),
            };
            apply(&mut text, &d);
            done.push(d);
        }
        if let Err(e) = agrees(&text) {
            panic!("{done:?}: {e}");
        }
        match (parse_fast(&text).is_some(), ron(&text).is_ok()) {
            (true, _) => fast += 1,
            (false, false) => rejected += 1,
            (false, true) => declined_valid += 1,
        }
    }
    eprintln!(
        "damaged maps: {fast} read by the fast path, {rejected} rejected by ron, {declined_valid} valid but declined"
    );
    assert!(
        fast > tries / 10 && rejected > tries / 10,
        "fast {fast}, rejected {rejected}, declined but valid {declined_valid}"
    );
}

fn ron_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            ron_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "ron") {
            into.push(path);
        }
    }
}

#[test]
fn shipped_maps_and_the_generated_s1_take_the_fast_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    ron_files(&root.join("maps"), &mut files);
    files.sort();
    assert!(files.len() >= 8, "the maps and templates: {files:?}");
    let mut texts: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("a shipped map is UTF-8");
            (f.display().to_string(), text)
        })
        .collect();
    texts.push(("generated S1".into(), to_string(&generate(S1))));
    for (name, text) in &texts {
        let fast = parse_fast(text).unwrap_or_else(|| panic!("{name}: declined"));
        let reference = ron(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(fast, reference, "{name}");
    }
}

/// The test fixtures hold hostile and half-made maps: whatever the fast
/// reader makes of them, ron agrees.
#[test]
fn fixtures_agree_with_ron() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    ron_files(&root.join("fixtures"), &mut files);
    ron_files(&root.join("fuzz"), &mut files);
    assert!(!files.is_empty());
    for file in files {
        let bytes = std::fs::read(&file).expect("a readable fixture");
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        agrees(body).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    }
}

/// Odd but valid forms, and near misses: each is read as ron reads it, or
/// declined; the valid ones that the fast reader takes are named.
#[test]
fn odd_numbers_and_escapes_agree_with_ron() {
    let base = "(format: 2, title: TITLE, stages: [(id: \"s\", name: \"S\", touchpoints: [\
                (id: \"t\", name: \"T\", kind: Direct, cost: COST)])], personas: [(id: \"p\", \
                name: \"P\", paths: [(id: \"x\", name: \"X\", customers: CUSTOMERS, \
                steps: [(touchpoint: \"t\", emotion: EMOTION)])])])";
    let fill = |title: &str, cost: &str, customers: &str, emotion: &str| {
        base.replace("TITLE", title)
            .replace("COST", cost)
            .replace("CUSTOMERS", customers)
            .replace("EMOTION", emotion)
    };
    let taken = [
        fill("\"T\"", "1200", "120", "-2"),
        fill("\"T\"", "1e3", "007", "-0"),
        fill("\"T\"", "007.50", "9223372036854775807", "2"),
        fill("\"T\"", "0.1", "0", "0"),
        fill(
            "\"\\u{41}\\u{000042}\\u{10FFFF}\\u{1F600}\"",
            "5e-324",
            "1",
            "1",
        ),
        fill("\"\\'\\0\\\"\\\\\"", "1.", "1", "1"),
        fill("\"raw\nnew line\ttab\"", "1E2", "1", "1"),
    ];
    for text in &taken {
        assert!(parse_fast(text).is_some(), "declined: {text}");
        agrees(text).unwrap_or_else(|e| panic!("{e}"));
    }
    let others = [
        fill("\"\\u{D800}\"", "1", "1", "1"),
        fill("\"\\u{1234567}\"", "1", "1", "1"),
        fill("\"\\u{}\"", "1", "1", "1"),
        fill("\"\\u41\"", "1", "1", "1"),
        fill("\"\\x41\"", "1", "1", "1"),
        fill("\"\\q\"", "1", "1", "1"),
        fill("\"T\"", "-0", "1", "1"),
        fill("\"T\"", "1e999", "1", "1"),
        fill("\"T\"", "1_000", "1_000", "1"),
        fill("\"T\"", "inf", "1", "1"),
        fill("\"T\"", "NaN", "1", "1"),
        fill("\"T\"", ".5", "1", "1"),
        fill("\"T\"", "1.5.5", "1", "1"),
        fill("\"T\"", "1f64", "1", "1"),
        fill("\"T\"", "1", "9223372036854775808", "1"),
        fill("\"T\"", "1", "-1", "1"),
        fill("\"T\"", "1", "1u64", "1"),
        fill("\"T\"", "1", "1", "3"),
        fill("\"T\"", "1", "1", "-128"),
        fill("\"T\"", "1", "1", "1i8"),
        fill("\"T\"", "1", "1", "Some(1)"),
    ];
    for text in &others {
        agrees(text).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// `parse_bytes` keeps its format rules when the fast path reads the text:
/// the number a load gives is the lowest that holds the map, and a newer
/// format is refused as newer, with the line of `format`.
#[test]
fn the_format_rules_hold_on_the_fast_path() {
    use journey::core::format::{LoadErrorKind, parse_bytes};
    let v1 = to_string(&generate(S1));
    assert!(v1.contains("    format: 1,\n"));
    let claims_two = v1.replacen("format: 1,", "format: 2,", 1);
    assert!(parse_fast(&claims_two).is_some_and(|m| m.format == 2));
    let loaded = parse_bytes(Path::new("two.ron"), claims_two.as_bytes()).expect("loads");
    assert_eq!(loaded.map.format, 1, "the lowest format that holds the map");

    for (found, fast) in [(3u64, true), (u64::from(u32::MAX) + 1, false)] {
        let newer = v1.replacen("format: 1,", &format!("format: {found},"), 1);
        assert_eq!(parse_fast(&newer).is_some(), fast, "format {found}");
        let e = parse_bytes(Path::new("newer.ron"), newer.as_bytes()).expect_err("refused");
        assert!(
            matches!(e.kind, LoadErrorKind::NewerFormat { found: f } if f == found),
            "{e}"
        );
        assert_eq!((e.line, e.col), (Some(2), Some(1)), "{e}");
    }
}
