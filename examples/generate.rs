//! Writes a synthetic map of a budget size, for timing whole commands:
//! `cargo run --release --example generate -- s3 /tmp/s3.ron`
//! then `time target/release/journey check /tmp/s3.ron`.

use journey::core::format::to_string;
use journey::core::generate::{S1, S2, S3, generate};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(size), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: generate s1|s2|s3 OUT.ron");
        return std::process::ExitCode::from(2);
    };
    let size = match size.to_ascii_lowercase().as_str() {
        "s1" => S1,
        "s2" => S2,
        "s3" => S3,
        other => {
            eprintln!("unknown size {other}; use s1, s2 or s3");
            return std::process::ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(out, to_string(&generate(size))) {
        eprintln!("cannot write {out}: {e}");
        return std::process::ExitCode::from(2);
    }
    std::process::ExitCode::SUCCESS
}
