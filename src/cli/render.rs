//! `journey render`: the canvas by default, drawn by journey itself; the
//! Graphviz picture with `--style graph`.

use super::{EXIT_OK, EXIT_UNREADABLE, eprint_clean};
use crate::core::canvas::{self, CanvasError, CanvasOptions};
use crate::core::export::render::{Image, RenderError};
use crate::core::samefile::shown_path;
use clap::ValueEnum;
use std::path::Path;

/// Which picture `render` draws.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Style {
    /// The journey canvas: stages, touchpoint lanes, emotion curves.
    #[default]
    Canvas,
    /// The Graphviz graph of touchpoints and paths (needs `dot`).
    Graph,
}

/// The page the canvas is drawn for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum SizeArg {
    /// A 16:9 slide, 1920 x 1080 px.
    #[default]
    Slide,
    /// A4 landscape.
    A4,
    /// A3 landscape.
    A3,
    /// As wide as the stages need, as tall as the content.
    Auto,
}

impl From<SizeArg> for canvas::Size {
    fn from(s: SizeArg) -> canvas::Size {
        match s {
            SizeArg::Slide => canvas::Size::Slide,
            SizeArg::A4 => canvas::Size::A4,
            SizeArg::A3 => canvas::Size::A3,
            SizeArg::Auto => canvas::Size::Auto,
        }
    }
}

/// What `render` was asked for.
#[derive(Debug, Clone)]
pub struct RenderArgs<'a> {
    pub file: &'a Path,
    pub output: &'a Path,
    pub persona: Option<&'a str>,
    pub style: Style,
    pub size: Option<SizeArg>,
    pub scale: Option<f32>,
}

/// Runs `render`.
pub fn run(args: &RenderArgs) -> u8 {
    if args.style == Style::Graph {
        if args.size.is_some() || args.scale.is_some() {
            eprint_clean("warning: --size and --scale apply to the canvas; the graph ignores them");
        }
        return super::export::run_render(args.file, args.output, args.persona);
    }
    if super::export::names_the_map(args.file, args.output) {
        return EXIT_UNREADABLE;
    }
    let Some(image) = Image::from_path(args.output) else {
        let e = RenderError::UnknownExtension {
            path: shown_path(args.output).into(),
        };
        eprint_clean(&format!("error: {e}"));
        return EXIT_UNREADABLE;
    };
    let scale = args.scale.unwrap_or(1.0);
    if !(scale.is_finite() && (0.1..=16.0).contains(&scale)) {
        eprint_clean("error: --scale must be a number from 0.1 to 16");
        return EXIT_UNREADABLE;
    }
    if args.scale.is_some() && image != Image::Png {
        eprint_clean("warning: --scale sets a PNG's pixel density; SVG and PDF ignore it");
    }
    let (map, options) = match super::export::prepare(args.file, args.persona) {
        Ok(ready) => ready,
        Err(code) => return code,
    };
    let options = CanvasOptions {
        persona: options.persona,
        size: args.size.unwrap_or_default().into(),
    };
    match canvas::write(&map, &options, image, scale, args.output) {
        Ok(notes) => {
            for note in &notes {
                eprint_clean(&format!("note: {note}"));
            }
            EXIT_OK
        }
        Err(CanvasError::Write { path, source }) => {
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
