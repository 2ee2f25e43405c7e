//! Fuzzing the whole pipeline: parse → validate → every export → save →
//! parse. Inputs are the shipped maps and fixtures with random damage, and
//! generated maps with hostile text in every field. Nothing may panic, and
//! what parses must save and parse back to the same map.
//!
//! Every export must also stay within 20 times the size of its map file.
//!
//! `JOURNEY_FUZZ_CASES=20000 cargo test --release --test fuzz` runs longer;
//! crashing inputs found that way belong in `tests/fuzz/` as regression cases,
//! next to the hostile inputs kept there: names of a megabyte, invisible
//! characters, escape sequences, Mermaid keywords, a byte-order mark.

mod common;

use journey::core::export::{Format, Options, export};
use journey::core::format::{parse_bytes, to_string};
use journey::core::model::Map;
use journey::core::validate::validate;
use proptest::prelude::*;
use std::path::Path;

fn cases() -> u32 {
    std::env::var("JOURNEY_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

/// What an export of a map file of `size` bytes may take: 20 times the
/// file, and room for the fixed parts (legend, headings) of a tiny map.
fn export_bound(size: usize) -> usize {
    20 * size + (64 << 10)
}

/// Every text export, for all personas and for each one alone.
fn export_everything(map: &Map) {
    let size = to_string(map).len();
    let mut options = vec![Options::all()];
    options.extend(map.personas.iter().map(|p| Options::persona(p.id.clone())));
    for options in &options {
        for format in [
            Format::Markdown,
            Format::Dot,
            Format::Mermaid,
            Format::MermaidJourney,
        ] {
            let out = export(map, format, options);
            assert!(
                !common::has_control(&out.text),
                "{format:?} carried a control or invisible character: {:?}",
                journey::core::text::find_hidden(&out.text)
            );
            let well_formed = match format {
                Format::Mermaid => common::mermaid::check_flowchart(&out.text).map(|_| ()),
                Format::MermaidJourney => common::mermaid::check_journey(&out.text).map(|_| ()),
                _ => Ok(()),
            };
            if let Err(e) = well_formed {
                panic!("{format:?} is not well-formed: {e}\n{}", out.text);
            }
            assert!(
                out.text.len() <= export_bound(size),
                "{format:?} wrote {} bytes for a map of {size}",
                out.text.len()
            );
        }
    }
}

/// The pipeline on bytes: whatever parses goes all the way round.
fn pipeline(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(loaded) = parse_bytes(Path::new("fuzz.ron"), bytes) else {
        return Ok(());
    };
    let _ = validate(&loaded.map);
    export_everything(&loaded.map);
    let saved = to_string(&loaded.map);
    let again = parse_bytes(Path::new("again.ron"), saved.as_bytes())
        .map_err(|e| TestCaseError::fail(format!("a saved map does not parse: {e}\n{saved}")))?;
    prop_assert_eq!(&again.map, &loaded.map);
    prop_assert_eq!(to_string(&again.map), saved);
    Ok(())
}

fn seeds() -> Vec<Vec<u8>> {
    common::examples()
        .into_iter()
        .map(|e| std::fs::read(&e.path).expect("example readable"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn damaged_examples(
        seed in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..12),
    ) {
        let seeds = seeds();
        let mut bytes = seed.get(&seeds).clone();
        for (at, byte, how) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            match how {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 if i < bytes.len() => { bytes.remove(i); }
                // Splice a piece of the file somewhere else: duplicated ids,
                // repeated fields, nested brackets.
                _ => {
                    let end = (i + usize::from(byte)).min(bytes.len());
                    let piece = bytes[i..end].to_vec();
                    let to = usize::from(byte) * bytes.len() / 256;
                    bytes.splice(to..to, piece);
                }
            }
        }
        pipeline(&bytes)?;
    }

    #[test]
    fn hostile_maps(map in common::strategies::map()) {
        pipeline(to_string(&map).as_bytes())?;
        // The map as built, before any load cleans it, must export safely too.
        export_everything(&map);
    }
}

/// Inputs that once broke something, kept so they stay fixed. The folder
/// must exist and hold inputs: a test that finds nothing to look at would
/// pass without checking anything.
#[test]
fn regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}; the regression inputs live there", dir.display()));
    let mut files: Vec<_> = entries
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    files.sort();
    assert!(
        !files.is_empty(),
        "{} holds no regression inputs",
        dir.display()
    );
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        pipeline(&bytes).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    }
}
