//! The command line: argument definitions and one function per subcommand.
//! Exit codes live here: 0 ok, 1 findings, 2 usage or unreadable input.

mod check;
mod color;
mod config;
mod editor;
mod export;
mod fmt;
mod habits;
mod input;
mod keys;
mod new;
mod output;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

pub use color::ColorChoice;
pub use editor::run_editor;
pub use habits::{mistyped, refuse, subcommands as subcommand_names};
pub(crate) use output::{emit, emit_line, eprint_clean};
pub use output::{finish, note_closed_at_start, usage};

/// Everything went fine.
pub const EXIT_OK: u8 = 0;
/// `check` found problems, or `fmt --check` found files to rewrite.
pub const EXIT_FINDINGS: u8 = 1;
/// A usage error, or input that cannot be read or parsed.
pub const EXIT_UNREADABLE: u8 = 2;

/// A terminal workbench for customer-journey maps.
///
/// Run `journey FILE` to edit a map in the terminal, or `journey` alone to
/// pick one from ./maps and your recent files.
#[derive(Debug, Parser)]
#[command(name = "journey", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  journey maps/camera.ron          edit a map\n  journey check maps/*.ron         validate maps\n  journey new launch.ron --template aida --title \"Product launch\""
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The map to open in the editor.
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub file: Option<PathBuf>,
    /// Draw with ASCII characters only (chosen automatically when the locale
    /// is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
    /// Read this config file instead of the usual one (see `journey config`).
    #[arg(long, global = true, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub config: Option<PathBuf>,
    /// When to colour the output (check's findings).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Say nothing on stderr but errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

/// Takes note of the options every subcommand shares; `main` calls this
/// once, before running one.
pub fn init(cli: &Cli) {
    config::set_config_flag(cli.config.clone());
    color::set(cli.color, cli.quiet);
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new map from a template.
    #[command(
        after_help = "Example:\n  journey new launch.ron --template aida --title \"Product launch\""
    )]
    New {
        /// The file to create; an existing file is never overwritten.
        file: PathBuf,
        /// The stage model to start from (default: the config's `template`,
        /// else five-stage).
        #[arg(long, value_enum)]
        template: Option<TemplateArg>,
        /// The map's title (default: the template's).
        #[arg(long)]
        title: Option<String>,
    },
    /// Validate maps and print the findings. Exit code 1 on errors.
    #[command(
        after_help = "Examples:\n  journey check maps/*.ron\n  journey check maps/          (every .ron map under the folder)\n  cat map.ron | journey check -\n  journey check map.ron --format github --deny-warnings"
    )]
    Check {
        /// The maps to check: files, folders (every .ron map under them,
        /// leaving out hidden folders and target/), or - for standard input.
        #[arg(required = true, value_hint = clap::ValueHint::FilePath)]
        files: Vec<PathBuf>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Rewrite maps in the canonical layout.
    #[command(
        after_help = "Examples:\n  journey fmt maps/*.ron\n  journey fmt --check maps/*.ron    (in CI: exit 1 if a file would change)"
    )]
    Fmt {
        /// The maps to rewrite (with --check, - reads standard input).
        #[arg(required = true, value_hint = clap::ValueHint::FilePath)]
        files: Vec<PathBuf>,
        /// Change nothing; list the files that would change and exit 1 if any.
        #[arg(long)]
        check: bool,
        /// Rewrite read-only files too (they are refused otherwise).
        #[arg(long)]
        force: bool,
    },
    /// Export a map as Markdown, Graphviz DOT or Mermaid.
    #[command(
        after_help = "Examples:\n  journey export maps/camera.ron --format markdown --output camera.md\n  journey export maps/camera.ron --format mermaid --persona hobby-photographer\n\nFor a picture (SVG, PNG or PDF), use `journey render`."
    )]
    Export {
        /// The map to export, or - for standard input.
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// The output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write here (atomically) instead of to stdout; - is stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Show only this persona's paths.
        #[arg(long)]
        persona: Option<String>,
    },
    /// Draw a map as SVG, PNG or PDF through Graphviz `dot`.
    #[command(after_help = "Example:\n  journey render maps/camera.ron --output camera.svg")]
    Render {
        /// The map to draw.
        file: PathBuf,
        /// The picture to write; its extension (.svg, .png, .pdf) picks the format.
        #[arg(long, short)]
        output: PathBuf,
        /// Show only this persona's paths.
        #[arg(long)]
        persona: Option<String>,
    },
    /// Print the key table in force: mode, key, action, description.
    #[command(
        after_help = "Examples:\n  journey keys\n  journey keys --format markdown > keys.md\n\nRemap keys in the config file (`journey config --default` shows how)."
    )]
    Keys {
        /// How to print the table.
        #[arg(long, value_enum, default_value_t = KeysFormat::Human)]
        format: KeysFormat,
    },
    /// Say where the config file is looked for, which was read and what is wrong in it.
    #[command(
        after_help = "Examples:\n  journey config\n  journey config --default > ~/.config/journey/config.ron"
    )]
    Config {
        /// Print a complete config with every default, commented, to start from.
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  journey completions bash > ~/.local/share/bash-completion/completions/journey\n  journey completions zsh > ~/.zfunc/_journey\n  journey completions fish > ~/.config/fish/completions/journey.fish"
    )]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    #[command(
        after_help = "Example:\n  journey man > ~/.local/share/man/man1/journey.1 && man journey"
    )]
    Man,
}

/// How `keys` prints the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeysFormat {
    /// Aligned columns, for people.
    Human,
    /// A JSON list of {mode, key, action, description}.
    Json,
    /// One Markdown table per mode.
    Markdown,
}

/// The templates a new map can start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateArg {
    /// Awareness, Consideration, Decision, Retention, Advocacy.
    FiveStage,
    /// Attention, Interest, Desire, Action.
    Aida,
    /// Know, Like, Trust, Try, Buy, Repeat, Refer.
    Hourglass,
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One line per finding, for people.
    Human,
    /// One versioned JSON document.
    Json,
    /// GitHub Actions annotations.
    Github,
}

/// The formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A GitHub-flavoured Markdown page.
    Markdown,
    /// A Graphviz DOT graph.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// A Mermaid `journey` diagram.
    MermaidJourney,
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let code = match command {
        Command::New {
            file,
            template,
            title,
        } => new::run(&file, template, title.as_deref()),
        Command::Keys { format } => keys::run(format),
        Command::Config { default } => config::run(default),
        Command::Completions { shell } => habits::completions(shell),
        Command::Man => habits::man(),
        Command::Check {
            files,
            format,
            deny_warnings,
        } => check::run(&files, format, deny_warnings),
        Command::Fmt {
            files,
            check,
            force,
        } => fmt::run(&files, check, force),
        Command::Export {
            file,
            format,
            output,
            persona,
        } => export::run_export(&file, format, output.as_deref(), persona.as_deref()),
        Command::Render {
            file,
            output,
            persona,
        } => export::run_render(&file, &output, persona.as_deref()),
    };
    ExitCode::from(code)
}
