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
