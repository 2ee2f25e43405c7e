//! The editor's memory holding a map, without a terminal: loads a file as
//! `journey FILE` does, with a live recovery writer, draws a frame (with
//! `--figures` after the file, waits for the insight figures), makes five
//! edits (kind toggles, each followed by a frame), lets the recovery file
//! be written, and prints the peak (VmHWM) and current (VmRSS) memory at
//! each of those points.
//! Runs under heaptrack or valgrind as it is:
//! `cargo run --release --example memory -- /tmp/s3.ron`

use journey::core::format::load;
use journey::core::recovery::RecoveryStore;
use journey::recovery::Keeper;
use journey::tui::Screen;
use journey::tui::action::Action;
use journey::tui::app::{App, Settings};
use journey::tui::keys::parse_keys;
use journey::tui::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

fn main() -> std::process::ExitCode {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: memory FILE.ron [--figures]");
        return std::process::ExitCode::from(2);
    };
    let file = std::path::PathBuf::from(file);
    let loaded = match load(&file) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(2);
        }
    };
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("no temporary folder");
        return std::process::ExitCode::from(2);
    };
    let mut app = App::open_loaded(loaded, file.clone(), Settings::new(false, true));
    app.session.keeper = Some(Keeper::new(
        RecoveryStore::in_dir(dir.path().join("recovery")),
        &file,
        None,
    ));
    update::update(&mut app, Action::Resize(200, 50));
    let Ok(mut term) = Terminal::new(TestBackend::new(200, 50));
    let _ = term.draw(|f| app.draw(f));
    report("after load");
    if std::env::args().nth(2).as_deref() == Some("--figures") {
        // The insight figures come from a worker thread: wait for them, so
        // that their share shows apart from the edits'. Not by default:
        // the edits then meet the analyses at other times than before.
        let start = std::time::Instant::now();
        while !app.insight.is_fresh() && start.elapsed() < Duration::from_secs(60) {
            app.tick();
            std::thread::sleep(Duration::from_millis(5));
        }
        report("after the figures");
    }
    for _ in 0..5 {
        for event in parse_keys("t") {
            app.handle(event);
        }
        let _ = term.draw(|f| app.draw(f));
        std::thread::sleep(Duration::from_millis(300));
    }
    // The recovery writer waits for a pause in typing.
    std::thread::sleep(Duration::from_secs(3));
    if let Some(keeper) = &app.session.keeper {
        let _ = keeper.write_now();
    }
    report("after 5 edits");
    std::process::ExitCode::SUCCESS
}

fn report(when: &str) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map_or_else(|| "?".to_string(), |v| v.trim().to_string())
    };
    println!("{when}: peak {} now {}", field("VmHWM:"), field("VmRSS:"));
}
