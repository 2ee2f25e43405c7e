//! Drives one edit key of `benches/edit.rs` many times and prints where its
//! frame goes: the key's `update`, then the draw, as medians and fastest.
//! Meant to run under `perf record`; the bench stays the measure.
//!
//! `cargo run --release --example edit_driver -- S1|S2|S3 toggle|move|add|undo|step|type [N]`

use journey::core::generate::{S1, S2, S3, generate};
use journey::core::recovery::RecoveryStore;
use journey::recovery::Keeper;
use journey::tui::Screen;
use journey::tui::action::Action;
use journey::tui::app::{App, Settings};
use journey::tui::keys::parse_keys;
use journey::tui::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

fn press(app: &mut App, keys: &str) {
    for event in parse_keys(keys) {
        app.handle(event);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size = match args.first().map(String::as_str) {
        Some("S2") => S2,
        Some("S3") => S3,
        _ => S1,
    };
    let what = args.get(1).map_or("toggle", String::as_str);
    let n: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1000);
    // (keys before, untimed keys per round, timed keys per round); a pair
    // of timed keys alternates.
    let (before, setup, timed): (&str, &str, [&str; 2]) = match what {
        "move" => ("jj", "", ["L", "H"]),
        "add" => ("jj", "uax", ["<Enter>", "<Enter>"]),
        "undo" => ("jj", "t", ["u", "u"]),
        "step" => ("p<Enter>jjjL<Space>", "<Space>", ["<Space>", "<Space>"]),
        "type" => ("je<Tab><Tab><Tab>", "", ["x", "<BS>"]),
        _ => ("jj", "", ["t", "t"]),
    };
    let dir = std::env::temp_dir().join(format!("edit-driver-{}", std::process::id()));
    let file = dir.join("driver.ron");
    let mut app = App::open(generate(size), file.clone(), Settings::new(false, true));
    app.session.keeper = Some(Keeper::new(
        RecoveryStore::in_dir(dir.join("recovery")),
        &file,
        None,
    ));
    update::update(&mut app, Action::Resize(200, 50));
    press(&mut app, before);
    let Ok(mut term) = Terminal::new(TestBackend::new(200, 50));
    let (mut keys, mut draws) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for round in 0..n {
        press(&mut app, setup);
        let start = Instant::now();
        press(&mut app, timed[round % 2]);
        let mid = Instant::now();
        if term.draw(|f| app.draw(f)).is_err() {
            return;
        }
        keys.push(mid - start);
        draws.push(mid.elapsed());
    }
    let _ = std::fs::remove_dir_all(&dir);
    let show = |name: &str, v: &mut Vec<Duration>| {
        v.sort_unstable();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{name}: median {:.3} ms, fastest {:.3} ms",
            ms(v[v.len() / 2]),
            ms(v[0])
        );
    };
    show("key", &mut keys);
    show("draw", &mut draws);
}
