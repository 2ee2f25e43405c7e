//! The canvas as files: `journey render` with no Graphviz, an independent
//! SVG renderer (librsvg's `rsvg-convert`) on every example, PNG sizes and
//! bytes that no system font can change, and a PDF with its font inside.

mod common;

use assert_cmd::Command;
use journey::core::canvas::{self, CanvasOptions, raster};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn camera() -> PathBuf {
    root().join("maps/camera.ron")
}

fn journey() -> Command {
    Command::cargo_bin("journey").expect("the binary is built")
}

fn have(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

#[test]
fn render_draws_the_canvas_without_graphviz() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("bin");
    std::fs::create_dir(&empty).expect("mkdir");
    for ext in ["svg", "png", "pdf"] {
        let out = dir.path().join(format!("camera.{ext}"));
        journey()
            .env("PATH", &empty)
            .args(["render", "--output"])
            .arg(&out)
            .arg(camera())
            .assert()
            .success()
            .stderr("");
        let bytes = std::fs::read(&out).expect("written");
        match ext {
            "svg" => assert!(String::from_utf8_lossy(&bytes).contains("Buying a digital camera")),
            "png" => assert_eq!(png_size(&bytes), (1920, 1080)),
            _ => assert!(bytes.starts_with(b"%PDF-")),
        }
    }
}

#[test]
fn render_options_scale_size_and_growth() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("camera.png");
    journey()
        .args(["render", "--scale", "2", "--output"])
        .arg(&out)
        .arg(camera())
        .assert()
        .success();
    assert_eq!(png_size(&std::fs::read(&out).expect("png")), (3840, 2160));
    journey()
        .args(["render", "--scale", "0", "--output"])
        .arg(&out)
        .arg(camera())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--scale must be"));
    let svg = dir.path().join("a4.svg");
    journey()
        .args(["render", "--size", "a4", "--output"])
        .arg(&svg)
        .arg(camera())
        .assert()
        .success();
    let text = std::fs::read_to_string(&svg).expect("svg");
    assert!(text.contains("width=\"297mm\" height=\"210mm\""));
    // Five personas over seven stages do not fit one slide: it says so.
    journey()
        .args(["render", "--output"])
        .arg(dir.path().join("logistics.svg"))
        .arg(root().join("maps/logistics.ron"))
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "too large for one slide page; the canvas grows to",
        ));
}

#[test]
fn rsvg_convert_draws_every_canvas_without_a_word() {
    if !have("rsvg-convert") {
        common::missing("rsvg-convert (Debian package librsvg2-bin) is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for example in common::examples() {
        let (svg, _) = canvas::to_svg(&example.map, &CanvasOptions::default());
        let input = dir.path().join(format!("{}.svg", example.name));
        std::fs::write(&input, &svg).expect("write svg");
        let out = std::process::Command::new("rsvg-convert")
            .arg(&input)
            .arg("-o")
            .arg(dir.path().join(format!("{}.png", example.name)))
            .output()
            .expect("rsvg-convert runs");
        assert!(
            out.status.success(),
            "{}: {}",
            example.name,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}: rsvg-convert said: {}",
            example.name,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn png_is_deterministic_and_pdf_embeds_the_font() {
    let map = journey::core::format::load(&camera()).expect("loads").map;
    let (svg, _) = canvas::to_svg(&map, &CanvasOptions::default());
    let a = raster::png(&svg, 1.0).expect("png");
    let b = raster::png(&svg, 1.0).expect("png");
    assert_eq!(a, b);
    let pdf = raster::pdf(&svg).expect("pdf");
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/FontFile2"), "the TrueType font is embedded");
    assert!(text.contains("DejaVu"), "and named");
    // 1920 px at 96 px to the inch is 1440 pt.
    assert!(
        text.contains("/MediaBox [0 0 1440 810]"),
        "a slide-sized page"
    );
}

/// The PNG must not depend on the machine's fonts: drawn again with the
/// system font folders hidden (a mount namespace, so root), it is the same.
#[test]
fn png_is_the_same_bytes_with_the_system_fonts_hidden() {
    let is_root = unsafe { libc::geteuid() } == 0;
    if !is_root || !have("unshare") {
        common::missing("hiding the system fonts needs root and unshare(1)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let with = dir.path().join("with.png");
    let without = dir.path().join("without.png");
    let bin = assert_cmd::cargo::cargo_bin("journey");
    journey()
        .args(["render", "--output"])
        .arg(&with)
        .arg(camera())
        .assert()
        .success();
    let hide: String = ["/usr/share/fonts", "/usr/local/share/fonts", "/etc/fonts"]
        .iter()
        .filter(|d| Path::new(d).is_dir())
        .map(|d| format!("mount -t tmpfs none {d} && "))
        .collect();
    let script = format!(
        "{hide}test -z \"$(ls -A /usr/share/fonts 2>/dev/null)\" && \"$0\" render --output \"$1\" \"$2\"",
    );
    let out = std::process::Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", &script])
        .arg(&bin)
        .arg(&without)
        .arg(camera())
        .output()
        .expect("unshare runs");
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr).into_owned();
        common::missing(&format!(
            "cannot hide the fonts in a mount namespace: {why}"
        ));
        return;
    }
    assert_eq!(
        std::fs::read(&with).expect("png"),
        std::fs::read(&without).expect("png"),
        "the PNG changed when the system fonts were hidden"
    );
}

/// A character the font lacks is drawn as a box, not dropped: a title of
/// three CJK characters draws something a title of three spaces does not.
#[test]
fn a_character_the_font_lacks_is_a_visible_box() {
    let mut map = journey::core::model::Map::new("口口口");
    let (svg, _) = canvas::to_svg(&map, &CanvasOptions::default());
    let boxes = raster::png(&svg, 0.5).expect("png");
    map.title = "   ".into();
    let (svg, _) = canvas::to_svg(&map, &CanvasOptions::default());
    let blank = raster::png(&svg, 0.5).expect("png");
    assert_ne!(boxes, blank, "the missing characters left no mark");
    map.title = "Überlegung: ß, é, ñ".into();
    let (svg, _) = canvas::to_svg(&map, &CanvasOptions::default());
    assert!(svg.contains("Überlegung: ß, é, ñ"));
}
