//! Exports: a map as Markdown, Graphviz DOT, Mermaid, CSV, JSON, and
//! (through `dot`) SVG, PNG or PDF.
//!
//! Each text exporter is a pure function of the map and [`Options`], so the
//! CLI, the TUI and the tests all get the same bytes for the same map. Every
//! piece of map text goes through [`crate::core::text::clean`] before it is
//! escaped for its format, so no control, bidi or invisible character reaches
//! an export; names that an export repeats on every row or step are cut
//! (see `text::short`), so that an export stays bounded by the map's size.

pub mod csv;
pub mod dot;
mod dot_paths;
mod ids;
mod index;
pub mod json;
pub mod markdown;
pub mod markdown_inline;
pub mod mermaid;
pub mod mermaid_journey;
pub mod render;
mod text;

use crate::core::model::{Map, Persona};
use std::path::{Path, PathBuf};

pub(crate) use index::Index;

/// From this many touchpoints on, exports split their work over two
/// threads; below it a thread costs more than it saves.
pub(crate) const PARALLEL_FROM: usize = 5_000;
pub(crate) use text::{clean, is_blank, push_escaped, push_number, short};

/// What an export shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Show only this persona's paths (by persona id); `None` shows all.
    pub persona: Option<String>,
}

impl Options {
    /// Options that show every persona.
    pub fn all() -> Options {
        Options::default()
    }

    /// Options that show one persona's paths.
    pub fn persona(id: impl Into<String>) -> Options {
        Options {
            persona: Some(id.into()),
        }
    }

    /// The personas to show, each with its position in the map, so that a
    /// persona keeps its colour when the others are filtered out.
    pub fn personas<'a>(&'a self, map: &'a Map) -> impl Iterator<Item = (usize, &'a Persona)> {
        map.personas
            .iter()
            .enumerate()
            .filter(move |(_, p)| self.persona.as_deref().is_none_or(|id| p.id == id))
    }
}

/// Every format a map can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A GitHub-flavoured Markdown page.
    Markdown,
    /// A Graphviz DOT graph.
    Dot,
    /// A Mermaid `flowchart`.
    Mermaid,
    /// A Mermaid `journey` diagram.
    MermaidJourney,
    /// An SVG picture, drawn by Graphviz.
    Svg,
    /// A PNG picture, drawn by Graphviz.
    Png,
    /// A PDF document, drawn by Graphviz.
    Pdf,
    /// The touchpoint inventory as CSV, for spreadsheets.
    Csv,
    /// The whole map as JSON, for scripts.
    Json,
}

impl Format {
    /// Every format, in the order an export prompt offers them.
    pub const ALL: [Format; 9] = [
        Format::Markdown,
        Format::Dot,
        Format::Mermaid,
        Format::MermaidJourney,
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::Csv,
        Format::Json,
    ];

    /// The name used on the command line and in prompts.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Dot => "dot",
            Format::Mermaid => "mermaid",
            Format::MermaidJourney => "mermaid-journey",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// One line that says what the format is for.
    pub fn description(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown page for a wiki",
            Format::Dot => "Graphviz DOT source",
            Format::Mermaid => "Mermaid flowchart",
            Format::MermaidJourney => "Mermaid journey diagram",
            Format::Svg => "SVG picture (needs Graphviz)",
            Format::Png => "PNG picture (needs Graphviz)",
            Format::Pdf => "PDF document (needs Graphviz)",
            Format::Csv => "touchpoint inventory for spreadsheets",
            Format::Json => "the whole map as JSON for scripts",
        }
    }

    /// The file name ending an export of this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Dot => "dot",
            Format::Mermaid => "mmd",
            Format::MermaidJourney => "journey.mmd",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The picture format Graphviz draws, for the formats that need it.
    pub fn image(self) -> Option<render::Image> {
        match self {
            Format::Svg => Some(render::Image::Svg),
            Format::Png => Some(render::Image::Png),
            Format::Pdf => Some(render::Image::Pdf),
            _ => None,
        }
    }
}

/// A text export and what it could not carry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Exported {
    /// The export itself.
    pub text: String,
    /// What the format lost, one message each, for stderr or a status line.
    pub warnings: Vec<String>,
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// `--persona` named no persona of the map.
    #[error("{}", unknown_persona_message(id, known))]
    UnknownPersona { id: String, known: Vec<String> },
    /// Graphviz could not draw the picture.
    #[error(transparent)]
    Render(#[from] render::RenderError),
    /// The output file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn unknown_persona_message(id: &str, known: &[String]) -> String {
    if known.is_empty() {
        format!("no persona has the id `{id}`; this map has no personas")
    } else {
        format!(
            "no persona has the id `{id}`; the personas are: {}",
            known.join(", ")
        )
    }
}

/// Checks that the persona the options name exists in the map.
pub fn check_options(map: &Map, options: &Options) -> Result<(), ExportError> {
    match &options.persona {
        Some(id) if map.persona(id).is_none() => Err(ExportError::UnknownPersona {
            id: id.clone(),
            known: map.personas.iter().map(|p| p.id.clone()).collect(),
        }),
        _ => Ok(()),
    }
}

/// Exports a map as text. For SVG, PNG and PDF this gives the DOT source
/// that [`render::render`] draws.
pub fn export(map: &Map, format: Format, options: &Options) -> Exported {
    match format {
        Format::Markdown => Exported {
            text: markdown::export(map, options),
            warnings: Vec::new(),
        },
        Format::Dot | Format::Svg | Format::Png | Format::Pdf => Exported {
            text: dot::export(map, options),
            warnings: Vec::new(),
        },
        Format::Mermaid => mermaid::export(map, options),
        Format::MermaidJourney => mermaid_journey::export(map, options),
        Format::Csv => Exported {
            text: self::csv::export(map, options),
            warnings: Vec::new(),
        },
        Format::Json => Exported {
            text: json::export(map, options),
            warnings: Vec::new(),
        },
    }
}

/// Exports a map in any format and writes it to `out` atomically. Returns
/// what the format lost (and anything Graphviz warned about). A picture is
/// drawn within [`render::Limits::from_env`].
pub fn write(
    map: &Map,
    format: Format,
    options: &Options,
    out: &Path,
) -> Result<Vec<String>, ExportError> {
    write_limited(map, format, options, out, &render::Limits::from_env())
}

/// [`write()`], with a picture drawn within `limits`: the editor passes a
/// cancel flag, so that Esc or a quit stops `dot`.
pub fn write_limited(
    map: &Map,
    format: Format,
    options: &Options,
    out: &Path,
    limits: &render::Limits,
) -> Result<Vec<String>, ExportError> {
    check_options(map, options)?;
    let mut exported = export(map, format, options);
    let bytes = match format.image() {
        Some(image) => {
            let drawn = render::render_limited(&exported.text, image, limits)?;
            exported.warnings.extend(drawn.warnings);
            drawn.bytes
        }
        None => exported.text.into_bytes(),
    };
    crate::core::format::write_atomic(out, &bytes).map_err(|source| ExportError::Write {
        path: out.to_path_buf(),
        source,
    })?;
    Ok(exported.warnings)
}

/// The file an export of `map_file` is offered under: next to the map, with
/// the format's extension, and the persona's id when only one is shown.
/// `maps/camera.ron` as Markdown becomes `maps/camera.md`.
pub fn suggested_path(map_file: &Path, format: Format, options: &Options) -> PathBuf {
    let stem = map_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "journey".to_string());
    let name = match &options.persona {
        Some(id) => format!("{stem}.{}.{}", safe_file_part(id), format.extension()),
        None => format!("{stem}.{}", format.extension()),
    };
    map_file.with_file_name(name)
}

/// Keeps a persona id from putting a folder or a hidden name into a file name.
fn safe_file_part(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_path_sits_next_to_the_map() {
        let all = Options::all();
        assert_eq!(
            suggested_path(Path::new("maps/camera.ron"), Format::Markdown, &all),
            PathBuf::from("maps/camera.md")
        );
        assert_eq!(
            suggested_path(Path::new("camera.ron"), Format::MermaidJourney, &all),
            PathBuf::from("camera.journey.mmd")
        );
        assert_eq!(
            suggested_path(
                Path::new("m/camera.ron"),
                Format::Svg,
                &Options::persona("../x")
            ),
            PathBuf::from("m/camera.___x.svg")
        );
    }

    #[test]
    fn unknown_persona_lists_the_ids() {
        let mut map = Map::new("t");
        map.personas.push(Persona {
            allow: Vec::new(),
            id: "amy".into(),
            name: "Amy".into(),
            description: String::new(),
            paths: Vec::new().into(),
        });
        let err = check_options(&map, &Options::persona("bob")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no persona has the id `bob`; the personas are: amy"
        );
        assert!(check_options(&map, &Options::persona("amy")).is_ok());
    }
}
