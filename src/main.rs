use clap::Parser;
use journey::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => journey::cli::run_editor(cli.file.as_deref(), cli.ascii),
    }
}
