//! The export API the TUI's export prompt calls: the formats, a suggested
//! file name, and one function that writes any format to a path.

mod common;

use journey::core::export::{ExportError, Format, Options, export, suggested_path, write};
use std::path::Path;

fn camera() -> journey::core::model::Map {
    common::examples()
        .into_iter()
        .find(|e| e.name == "fixtures-buyers")
        .expect("the buyers fixture")
        .map
}

#[test]
fn formats_have_distinct_names_and_files() {
    let names: std::collections::BTreeSet<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    let extensions: std::collections::BTreeSet<&str> =
        Format::ALL.iter().map(|f| f.extension()).collect();
    assert_eq!(names.len(), Format::ALL.len());
    assert_eq!(extensions.len(), Format::ALL.len());
    assert!(Format::ALL.iter().all(|f| !f.description().is_empty()));
}

#[test]
fn write_puts_the_export_at_the_suggested_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map_file = dir.path().join("camera.ron");
    let map = camera();
    for format in [
        Format::Markdown,
        Format::Dot,
        Format::Mermaid,
        Format::MermaidJourney,
    ] {
        let options = Options::persona("employee");
        let out = suggested_path(&map_file, format, &options);
        assert_eq!(out.parent(), Some(dir.path()));
        let warnings = write(&map, format, &options, &out).expect("written");
        let expected = export(&map, format, &options);
        assert_eq!(
            std::fs::read_to_string(&out).expect("read back"),
            expected.text
        );
        assert_eq!(warnings, expected.warnings);
    }
}

#[test]
fn write_refuses_an_unknown_persona_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.md");
    let err = write(
        &camera(),
        Format::Markdown,
        &Options::persona("nobody"),
        &out,
    );
    assert!(matches!(err, Err(ExportError::UnknownPersona { .. })));
    assert!(!out.exists());
}

#[test]
fn write_draws_pictures_through_graphviz() {
    if !common::have_dot() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (format, magic) in [
        (Format::Svg, &b"<?xml"[..]),
        (Format::Png, &b"\x89PNG"[..]),
        (Format::Pdf, &b"%PDF"[..]),
    ] {
        let out = suggested_path(Path::new("camera.ron"), format, &Options::all());
        let out = dir.path().join(out);
        let warnings = write(&camera(), format, &Options::all(), &out).expect("drawn");
        assert!(warnings.is_empty(), "{warnings:?}");
        let bytes = std::fs::read(&out).expect("read back");
        assert!(
            bytes.starts_with(magic),
            "{} starts with {magic:?}",
            format.name()
        );
    }
}
