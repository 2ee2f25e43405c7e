//! Canvas budgets (DESIGN.md): the SVG of a small map well under a
//! millisecond, its PNG well under 100 ms; beside them `dot -Tsvg` of the
//! same map's DOT, for the ratio. Run with `cargo bench --bench canvas`.

use journey::core::canvas::{self, CanvasOptions, raster};
use journey::core::export::{Options, dot};
use journey::core::generate::{S1, S2, generate};
use journey::core::model::Map;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn map(name: &str) -> &'static Map {
    static MAPS: [OnceLock<Map>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    match name {
        "camera" => MAPS[0].get_or_init(|| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/camera.ron");
            journey::core::format::load(&path)
                .expect("maps/camera.ron loads")
                .map
        }),
        "S1" => MAPS[1].get_or_init(|| generate(S1)),
        _ => MAPS[2].get_or_init(|| generate(S2)),
    }
}

const MAPS: [&str; 3] = ["camera", "S1", "S2"];

#[divan::bench(args = MAPS, sample_count = 10)]
fn canvas_layout_and_svg(bencher: divan::Bencher, name: &str) {
    let map = map(name);
    let options = CanvasOptions::default();
    bencher.bench(|| canvas::to_svg(divan::black_box(map), &options));
}

/// The PNG at scale 1; S2's canvas is far too large for one image at
/// scale 1, so it is drawn at the largest scale the pixel limit allows.
#[divan::bench(args = MAPS, sample_count = 5)]
fn canvas_png(bencher: divan::Bencher, name: &str) {
    let (svg, _) = canvas::to_svg(map(name), &CanvasOptions::default());
    let scale = if name == "S2" { 0.1 } else { 1.0 };
    bencher.bench(|| raster::png(divan::black_box(&svg), scale).expect("drawn"));
}

/// `dot -Tsvg` of the map's DOT: the Graphviz picture's cost. S2 is left
/// out: dot takes minutes on it.
#[divan::bench(args = ["camera", "S1"], sample_count = 5)]
fn graphviz_dot_svg(bencher: divan::Bencher, name: &str) {
    let source = dot::export(map(name), &Options::all());
    bencher.bench(|| {
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dot runs");
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(source.as_bytes()).expect("dot reads");
        }
        child.wait_with_output().expect("dot finishes")
    });
}
