//! `journey export` and `journey render`.

use super::{EXIT_OK, EXIT_UNREADABLE, ExportFormat, eprint_clean};
use crate::core::export::render::{Image, RenderError};
use crate::core::export::{self, Format, Options};
use crate::core::format::{load, write_atomic};
use crate::core::model::Map;
use crate::core::validate::{Severity, attach_lines, validate};
use std::io::Write;
use std::path::Path;

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Dot => Format::Dot,
            ExportFormat::Mermaid => Format::Mermaid,
            ExportFormat::MermaidJourney => Format::MermaidJourney,
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
    let (map, options) = match prepare(file, persona) {
        Ok(ready) => ready,
        Err(code) => return code,
    };
    let exported = export::export(&map, format.into(), &options);
    for w in &exported.warnings {
        eprint_clean(&format!("warning: {w}"));
    }
    let written = match output {
        Some(out) => write_atomic(out, exported.text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", out.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(exported.text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A reader that stops early (`| head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|e| format!("cannot write to stdout: {e}")),
            }
        }
    };
    match written {
        Ok(()) => EXIT_OK,
        Err(message) => {
            eprint_clean(&format!("error: {message}"));
            EXIT_UNREADABLE
        }
    }
}

/// Draws a map through Graphviz into an SVG, PNG or PDF file.
pub fn run_render(file: &Path, output: &Path, persona: Option<&str>) -> u8 {
    let Some(image) = Image::from_path(output) else {
        let e = RenderError::UnknownExtension {
            path: output.to_path_buf(),
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
    match export::write(&map, format, &options, output) {
        Ok(warnings) => {
            for w in &warnings {
                eprint_clean(&format!("warning: {w}"));
            }
            EXIT_OK
        }
        Err(e) => {
            eprint_clean(&format!("error: {e}"));
            EXIT_UNREADABLE
        }
    }
}

/// Loads the map, warns if it would fail `check`, and checks the persona.
fn prepare(file: &Path, persona: Option<&str>) -> Result<(Map, Options), u8> {
    let loaded = match load(file) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprint_clean(&format!("error: {e}"));
            return Err(EXIT_UNREADABLE);
        }
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
            Some(line) => format!("{}:{line}", file.display()),
            None => file.display().to_string(),
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
            file.display()
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
