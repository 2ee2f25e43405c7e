//! PNG and PDF: conversions of the canvas SVG, through `resvg` (with
//! `tiny-skia`) and `svg2pdf`. Their font database holds the embedded font
//! and nothing else, so no system font can change a picture.

use super::font::{FAMILY, FONT};
use resvg::usvg;
use std::sync::{Arc, OnceLock};

/// Why a picture could not be converted.
#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    /// The SVG did not parse (a bug: journey wrote it).
    #[error("cannot read the canvas SVG: {0}")]
    Svg(String),
    /// The picture is too large for one image at this scale.
    #[error(
        "the picture is too large to draw at scale {scale} ({width} x {height} px); use a smaller --scale"
    )]
    TooLarge { scale: f32, width: u32, height: u32 },
    /// The PNG or PDF writer failed.
    #[error("cannot write the picture: {0}")]
    Encode(String),
}

/// The largest picture drawn, in pixels: 16k x 16k is a gigabyte of RGBA.
const MAX_PIXELS: u64 = 16_384 * 16_384;

fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(FONT)));
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

fn tree(svg: &str) -> Result<usvg::Tree, RasterError> {
    let options = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| RasterError::Svg(e.to_string()))
}

/// Draws an SVG as PNG at `scale` pixels per SVG pixel.
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, RasterError> {
    let tree = tree(svg)?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let too_large = RasterError::TooLarge {
        scale,
        width: w,
        height: h,
    };
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(too_large);
    }
    let Some(mut pixmap) = resvg::tiny_skia::Pixmap::new(w, h) else {
        return Err(too_large);
    };
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    encode(&pixmap).map_err(|e| RasterError::Encode(e.to_string()))
}

/// The pixels as an RGB PNG, flattened onto white. The canvas is opaque
/// (its background covers the page), so no alpha channel is needed, and
/// without one the file is a quarter smaller.
fn encode(pixmap: &resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
    for px in pixmap.data().chunks_exact(4) {
        // Premultiplied: over white, a channel is c + (255 - alpha).
        let under = 255 - px[3];
        rgb.extend_from_slice(&[
            px[0].saturating_add(under),
            px[1].saturating_add(under),
            px[2].saturating_add(under),
        ]);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

/// Converts an SVG to a one-page PDF with the font embedded (subset), at
/// 96 SVG pixels to the inch, so an A4 canvas is an A4 page.
pub fn pdf(svg: &str) -> Result<Vec<u8>, RasterError> {
    let tree = tree(svg)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions { dpi: 96.0 },
    )
    .map_err(|e| RasterError::Encode(e.to_string()))
}
