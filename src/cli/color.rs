//! `--color auto|always|never` and `-q`, set once from the command line.
//! `auto` colours a terminal unless `NO_COLOR` is set, and anything when
//! `CLICOLOR_FORCE` is (both by their published conventions: set and not
//! empty, and set and not `0`).

use clap::ValueEnum;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

/// When output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set; always if CLICOLOR_FORCE is.
    #[default]
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

static COLOR: AtomicBool = AtomicBool::new(false);
static QUIET: AtomicBool = AtomicBool::new(false);

/// Whether to colour stdout, by `choice`, the environment (`var`) and
/// whether stdout is a terminal.
pub fn decide(choice: ColorChoice, var: impl Fn(&str) -> Option<String>, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if var("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                terminal && var("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// Sets colour and quiet from the command line; `main` calls this once.
pub fn set(choice: ColorChoice, quiet: bool) {
    let color = decide(
        choice,
        |k| std::env::var(k).ok(),
        std::io::stdout().is_terminal(),
    );
    COLOR.store(color, Ordering::Relaxed);
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether `-q` was given: stderr then carries errors only.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// `text` in the SGR colour `code` (such as "1;31") when stdout is coloured.
pub fn paint(text: &str, code: &str) -> String {
    if COLOR.load(Ordering::Relaxed) {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_conventions() {
        use ColorChoice::*;
        assert!(decide(Auto, env(&[]), true));
        assert!(!decide(Auto, env(&[]), false));
        assert!(!decide(Auto, env(&[("NO_COLOR", "1")]), true));
        assert!(decide(Auto, env(&[("NO_COLOR", "")]), true));
        assert!(decide(Auto, env(&[("CLICOLOR_FORCE", "1")]), false));
        assert!(!decide(Auto, env(&[("CLICOLOR_FORCE", "0")]), false));
        assert!(decide(Always, env(&[("NO_COLOR", "1")]), false));
        assert!(!decide(Never, env(&[("CLICOLOR_FORCE", "1")]), true));
    }
}
