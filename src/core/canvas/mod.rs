//! The journey canvas: the picture journey draws itself, with no external
//! program. Stage columns; a lane of own (direct) and one of third-party
//! (indirect) touchpoint cards; one lane per persona path with its emotion
//! curve, numbered steps, low point, callouts and outcome; a legend.
//!
//! [`layout`] makes a [`Scene`] (shapes and measured text as data), which
//! [`svg::write`] prints; PNG and PDF are conversions of that SVG
//! ([`raster`]). One embedded font measures and draws all the text.

pub mod font;
mod lanes;
mod layout;
mod legend;
mod marks;
pub mod raster;
pub mod scene;
pub mod svg;

pub use scene::{Role, Scene, Shape};

use crate::core::model::Map;
use crate::core::words;

/// The page the canvas is laid out for (landscape).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Size {
    /// A 16:9 slide, 1920 x 1080 px.
    #[default]
    Slide,
    /// A4 landscape, 297 x 210 mm.
    A4,
    /// A3 landscape, 420 x 297 mm.
    A3,
    /// As wide as the stages need and as tall as the content.
    Auto,
}

impl Size {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Size::Slide => "slide",
            Size::A4 => "a4",
            Size::A3 => "a3",
            Size::Auto => "auto",
        }
    }
}

/// What the canvas shows, and on what page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CanvasOptions {
    /// Show only this persona's paths, and fade what it never visits.
    pub persona: Option<String>,
    pub size: Size,
}

/// Lays a map out as a canvas, in the words of the map's `language`.
pub fn layout(map: &Map, options: &CanvasOptions) -> Scene {
    layout::layout(map, words::for_map(map), options)
}

/// The canvas as an SVG document, with what stderr should hear about it.
pub fn to_svg(map: &Map, options: &CanvasOptions) -> (String, Vec<String>) {
    let scene = layout(map, options);
    (svg::write(&scene), scene.notes)
}

/// Why a canvas file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum CanvasError {
    /// `--persona` named no persona of the map.
    #[error(transparent)]
    Persona(crate::core::export::ExportError),
    /// The PNG or PDF could not be made.
    #[error(transparent)]
    Raster(#[from] raster::RasterError),
    /// The output file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// Draws the canvas into `out`, atomically: SVG, PNG at `scale` pixels per
/// canvas pixel, or PDF. Returns the notes for stderr or a status line.
pub fn write(
    map: &Map,
    options: &CanvasOptions,
    image: crate::core::export::render::Image,
    scale: f32,
    out: &std::path::Path,
) -> Result<Vec<String>, CanvasError> {
    use crate::core::export::render::Image;
    let shown = crate::core::export::Options {
        persona: options.persona.clone(),
    };
    crate::core::export::check_options(map, &shown).map_err(CanvasError::Persona)?;
    let (svg, notes) = to_svg(map, options);
    let bytes = match image {
        Image::Svg => svg.into_bytes(),
        Image::Png => raster::png(&svg, scale)?,
        Image::Pdf => raster::pdf(&svg)?,
    };
    crate::core::format::write_atomic(out, &bytes).map_err(|source| CanvasError::Write {
        path: out.to_path_buf(),
        source,
    })?;
    Ok(notes)
}
