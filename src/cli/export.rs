//! `journey export` and `journey render`.

use super::{EXIT_OK, EXIT_UNREADABLE, ExportFormat, emit, eprint_clean};
use crate::core::export::render::{Image, Limits, RenderError};
#[cfg(unix)]
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The exit code of a command stopped by Ctrl-C: 128 + SIGINT, as a shell
/// reports it.
const EXIT_INTERRUPTED: u8 = 130;
use crate::core::export::{self, ExportError, Format, Options};
use crate::core::format::write_atomic;
use crate::core::model::Map;
use crate::core::samefile::{same_file, shown_path};
use crate::core::validate::{Severity, attach_lines, validate};
use std::path::Path;

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Dot => Format::Dot,
            ExportFormat::Mermaid => Format::Mermaid,
            ExportFormat::MermaidJourney => Format::MermaidJourney,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Json => Format::Json,
        }
    }
}

/// Exports a map to stdout or, atomically, to a file.
pub fn run_export(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    persona: Option<&str>,
) -> u8 {
    // `--output -` is standard output.
    let output = output.filter(|out| !super::input::is_dash(out));
    if output.is_some_and(|out| names_the_map(file, out)) {
        return EXIT_UNREADABLE;
    }
    let (map, options) = match prepare(file, persona) {
        Ok(ready) => ready,
        Err(code) => return code,
    };
    let exported = export::export(&map, format.into(), &options);
    for w in &exported.warnings {
        eprint_clean(&format!("warning: {w}"));
    }
    let Some(out) = output else {
        // A failure here is reported by the shared output and its exit code.
        emit(&exported.text);
        return EXIT_OK;
    };
    match write_atomic(out, exported.text.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprint_clean(&format!("error: cannot write {}: {e}", shown_path(out)));
            EXIT_UNREADABLE
        }
    }
}

/// Whether `out` is the map itself by any name (the same path, a symlink,
/// a hard link), which writing the export would replace; says so if it is.
pub(super) fn names_the_map(file: &Path, out: &Path) -> bool {
    if !same_file(file, out) {
        return false;
    }
    eprint_clean(&format!(
        "error: {}: the output is the map itself; choose another --output file",
        shown_path(out)
    ));
    true
}

/// Draws a map through Graphviz into an SVG, PNG or PDF file.
pub fn run_render(file: &Path, output: &Path, persona: Option<&str>) -> u8 {
    if names_the_map(file, output) {
        return EXIT_UNREADABLE;
    }
    let Some(image) = Image::from_path(output) else {
        // Built only to be printed, so it carries the name as shown.
        let e = RenderError::UnknownExtension {
            path: shown_path(output).into(),
        };
        eprint_clean(&format!("error: {e}"));
        return EXIT_UNREADABLE;
    };
    let format = match image {
        Image::Svg => Format::Svg,
        Image::Png => Format::Png,
        Image::Pdf => Format::Pdf,
    };
    let (map, options) = match prepare(file, persona) {
        Ok(ready) => ready,
        Err(code) => return code,
    };
    // `dot` runs in a process group of its own, so Ctrl-C (or a hang-up)
    // reaches journey alone: it stops `dot` and exits as interrupted.
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        if let Err(e) = signal_hook::flag::register(signal, Arc::clone(&stop)) {
            eprint_clean(&format!("warning: cannot watch for Ctrl-C: {e}"));
        }
    }
    let limits = Limits {
        cancel: Some(stop),
        ..Limits::from_env()
    };
    match export::write_limited(&map, format, &options, output, &limits) {
        Ok(warnings) => {
            for w in &warnings {
                eprint_clean(&format!("warning: {w}"));
            }
            EXIT_OK
        }
        Err(ExportError::Render(RenderError::Cancelled)) => {
            eprint_clean("interrupted: `dot` was stopped and nothing was written");
            EXIT_INTERRUPTED
        }
        Err(ExportError::Write { path, source }) => {
            eprint_clean(&format!(
                "error: cannot write {}: {source}",
                shown_path(&path)
            ));
            EXIT_UNREADABLE
        }
        Err(e) => {
            eprint_clean(&format!("error: {e}"));
            EXIT_UNREADABLE
        }
    }
}

/// Loads the map, warns if it would fail `check`, and checks the persona.
pub(super) fn prepare(file: &Path, persona: Option<&str>) -> Result<(Map, Options), u8> {
    let loaded = match super::input::load_map(file) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprint_clean(&format!("error: {e}"));
            return Err(EXIT_UNREADABLE);
        }
    };
    let file = if super::input::is_dash(file) {
        super::input::stdin_name()
    } else {
        file
    };
    // A half-made map is still worth drawing: say what `check` would, that
    // the export goes on anyway, and go on.
    let mut errors: Vec<_> = validate(&loaded.map)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        // Lines as `check` gives them; the scan is only paid for on a map
        // that has something to point at.
        attach_lines(&mut errors, &loaded.map, &loaded.source());
    }
    for d in &errors {
        let place = match d.line {
            Some(line) => format!("{}:{line}", shown_path(file)),
            None => shown_path(file),
        };
        eprint_clean(&format!(
            "{place}: {}[{}]: {}",
            d.severity.label(),
            d.rule.name(),
            d.message
        ));
    }
    if !errors.is_empty() {
        eprint_clean(&format!(
            "warning: {} does not pass `journey check`; exporting it anyway",
            shown_path(file)
        ));
    }
    let options = Options {
        persona: persona.map(str::to_string),
    };
    if let Err(e) = export::check_options(&loaded.map, &options) {
        eprint_clean(&format!("error: {e}"));
        return Err(EXIT_UNREADABLE);
    }
    Ok((loaded.map, options))
}
