//! The command line: argument definitions and one function per subcommand.
//! Exit codes live here: 0 ok, 1 findings, 2 usage or unreadable input.

mod check;
mod editor;
mod export;
mod fmt;
mod new;
mod output;
mod render;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

pub use editor::run_editor;
pub(crate) use output::{emit, emit_line, eprint_clean};
pub use output::{finish, note_closed_at_start, usage};
pub use render::{SizeArg, Style};

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
    pub file: Option<PathBuf>,
    /// Draw with ASCII characters only (chosen automatically when the locale
    /// is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
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
        /// The stage model to start from.
        #[arg(long, value_enum, default_value_t = TemplateArg::FiveStage)]
        template: TemplateArg,
        /// The map's title (default: the template's).
        #[arg(long)]
        title: Option<String>,
    },
    /// Validate maps and print the findings. Exit code 1 on errors.
    #[command(
        after_help = "Examples:\n  journey check maps/*.ron\n  journey check map.ron --format github --deny-warnings"
    )]
    Check {
        /// The maps to check.
        #[arg(required = true)]
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
        /// The maps to rewrite.
        #[arg(required = true)]
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
        /// The map to export.
        file: PathBuf,
        /// The output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write here (atomically) instead of to stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Show only this persona's paths.
        #[arg(long)]
        persona: Option<String>,
    },
    /// Draw a map as SVG, PNG or PDF: the journey canvas, or with `--style graph` the Graphviz picture.
    #[command(
        after_help = "Examples:\n  journey render maps/camera.ron --output camera.png\n  journey render maps/camera.ron --output camera.pdf --size a4\n  journey render maps/camera.ron --output camera.svg --persona gift-buyer\n  journey render maps/camera.ron --output graph.svg --style graph    (needs Graphviz `dot`)"
    )]
    Render {
        /// The map to draw.
        file: PathBuf,
        /// The picture to write; its extension (.svg, .png, .pdf) picks the format.
        #[arg(long, short)]
        output: PathBuf,
        /// Show only this persona's paths.
        #[arg(long)]
        persona: Option<String>,
        /// The picture: the journey canvas, or the Graphviz graph.
        #[arg(long, value_enum, default_value_t = Style::Canvas)]
        style: Style,
        /// The canvas's page, landscape (default: slide, 1920 x 1080).
        #[arg(long, value_enum)]
        size: Option<SizeArg>,
        /// A PNG's pixels per canvas pixel (default 1; 2 for a sharp slide).
        #[arg(long)]
        scale: Option<f32>,
    },
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
            style,
            size,
            scale,
        } => render::run(&render::RenderArgs {
            file: &file,
            output: &output,
            persona: persona.as_deref(),
            style,
            size,
            scale,
        }),
    };
    ExitCode::from(code)
}
