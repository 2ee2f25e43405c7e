//! The command line: argument definitions and one function per subcommand.
//! Exit codes live here: 0 ok, 1 findings, 2 usage or unreadable input.

mod args;
mod check;
mod color;
mod completions;
mod config;
mod diff;
mod diff_print;
mod editor;
mod export;
mod fmt;
mod git_setup;
mod habits;
mod input;
mod insight;
mod keys;
mod merge;
mod new;
mod outline;
mod output;
mod render;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

pub use args::editor_start;
pub use color::ColorChoice;
pub use editor::run_editor;
pub use habits::{mistyped, refuse, subcommands as subcommand_names};
pub use insight::InsightFormat;
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
        after_help = "Examples:\n  journey new launch.ron --template aida --title \"Product launch\"\n  journey new start.ron --template five-stage --language de"
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
        /// The map's language: the template's stage names and descriptions,
        /// and the words journey writes around them (default: the config's
        /// `language`, else en).
        #[arg(long, value_enum)]
        language: Option<LanguageArg>,
    },
    /// Validate maps and print the findings. Exit code 1 on errors.
    #[command(
        after_help = "Examples:\n  journey check maps/*.ron\n  journey check maps/          (every .ron map under the folder)\n  cat map.ron | journey check -\n  journey check map.ron --format github --deny-warnings\n  journey check maps/*.ron --format gitlab > gl-code-quality-report.json"
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
    /// Export a map as Markdown, Graphviz DOT, Mermaid, CSV or JSON.
    #[command(
        after_help = "Examples:\n  journey export maps/camera.ron --format markdown --output camera.md\n  journey export maps/camera.ron --format mermaid --persona hobby-photographer\n  journey export maps/camera.ron --format csv --output touchpoints.csv\n  journey export maps/camera.ron --format json | jq '.stages[].name'\n\nFor a picture (SVG, PNG or PDF), use `journey render`."
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
    /// Compare two maps by id: what was added, removed, renamed, moved and changed.
    #[command(
        after_help = "Examples:\n  journey diff old.ron new.ron\n  journey diff old.ron new.ron --format markdown   (for a pull-request comment)\n  git show HEAD~1:maps/camera.ron | journey diff - maps/camera.ron\n\nExit code 0: the same journey; 1: they differ; 2: a map cannot be read.\nGiven git's seven external-diff arguments (see `journey git-setup`), it\nexits 0 whenever it could read both sides."
    )]
    Diff {
        /// OLD NEW (`-` for standard input), or the seven arguments git
        /// passes an external diff.
        #[arg(required = true, num_args = 2..=7, value_name = "OLD NEW")]
        files: Vec<PathBuf>,
        /// How to print the changes.
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
    },
    /// Print a map as a line-oriented outline (git's textconv for maps).
    #[command(
        after_help = "Examples:\n  journey outline maps/camera.ron\n  git config diff.journey.textconv \"journey outline --fallback\""
    )]
    Outline {
        /// The map to outline (`-` for standard input).
        file: PathBuf,
        /// Print a file that is text but no map as it is (for git).
        #[arg(long)]
        fallback: bool,
    },
    /// Merge two changed versions of a map by id (a git merge driver).
    #[command(
        after_help = "Examples:\n  journey merge base.ron ours.ron theirs.ron               (the result replaces ours.ron)\n  journey merge base.ron ours.ron theirs.ron --output merged.ron\n  git config merge.journey.driver \"journey merge %O %A %B --path %P\"\n\nExit code 0: merged cleanly; 1: conflicts, written between git's conflict\nmarkers; 2: a side cannot be read (nothing is written)."
    )]
    Merge {
        /// The common ancestor.
        base: PathBuf,
        /// Our version; the result is written here unless --output says otherwise.
        ours: PathBuf,
        /// Their version.
        theirs: PathBuf,
        /// Write the result here instead (`-` for standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The map's name in the repository, for messages (git's %P).
        #[arg(long)]
        path: Option<PathBuf>,
    },
    /// Set git up to diff and merge maps through journey.
    #[command(
        after_help = "Examples:\n  journey git-setup                     (this repository: .gitattributes and .git/config)\n  journey git-setup --global            (the drivers in your own git config)\n  journey git-setup --pattern 'maps/*.ron'\n\nIt writes `*.ron diff=journey merge=journey` to .gitattributes and the\ndiff.journey and merge.journey settings. A setting that is already\ndifferent is left alone (exit 1) unless --force."
    )]
    GitSetup {
        /// Write the drivers into your user git config instead of the repository's.
        #[arg(long)]
        global: bool,
        /// Replace settings and attributes that are already set differently.
        #[arg(long)]
        force: bool,
        /// The files that are maps, as a .gitattributes pattern.
        #[arg(long, default_value = "*.ron")]
        pattern: String,
    },
    /// Which touchpoints matter: attribution models and the Markov removal effect.
    #[command(
        after_help = "Examples:\n  journey insight maps/date.ron\n  journey insight maps/camera.ron --without photo-blogs\n  journey insight maps/camera.ron --data journeys.csv --format json\n\n--data reads a CSV of paths (path,total_conversions,total_null; steps joined by >)\nor an event log (journey,touchpoint[,time][,converted])."
    )]
    Insight {
        /// The map whose touchpoints are attributed (`-` for standard input).
        file: PathBuf,
        /// Read journeys from this CSV instead of the map's paths (`-` for standard input).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Count only this persona's paths.
        #[arg(long)]
        persona: Option<String>,
        /// What if these touchpoints (ids, comma-separated) were removed?
        #[arg(long, value_delimiter = ',')]
        without: Vec<String>,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = InsightFormat::Human)]
        format: InsightFormat,
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

/// How `diff` prints its changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change, for people.
    Human,
    /// A Markdown list for a pull-request comment.
    Markdown,
    /// One versioned JSON document.
    Json,
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

/// The languages a new map can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    /// English.
    En,
    /// German.
    De,
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
    /// GitLab Code Quality JSON.
    Gitlab,
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
    /// The touchpoint inventory as CSV (RFC 4180), for spreadsheets.
    Csv,
    /// The whole map as JSON, for scripts.
    Json,
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let code = match command {
        Command::New {
            file,
            template,
            title,
            language,
        } => new::run(&file, template, title.as_deref(), language),
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
        Command::Diff { files, format } => diff::run(&files, format),
        Command::Outline { file, fallback } => outline::run(&file, fallback),
        Command::Merge {
            base,
            ours,
            theirs,
            output,
            path,
        } => merge::run(&base, &ours, &theirs, output.as_deref(), path.as_deref()),
        Command::GitSetup {
            global,
            force,
            pattern,
        } => git_setup::run(global, force, &pattern),
        Command::Insight {
            file,
            data,
            persona,
            without,
            format,
        } => insight::run(&insight::Request {
            file: &file,
            data: data.as_deref(),
            persona: persona.as_deref(),
            without: &without,
            format,
        }),
    };
    ExitCode::from(code)
}
