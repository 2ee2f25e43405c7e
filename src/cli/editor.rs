//! Starting the editor (the TUI) from the command line.

use super::{EXIT_OK, EXIT_UNREADABLE, eprint_clean};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Opens the editor on `file`, or the picker when there is none.
pub fn run_editor(file: Option<&Path>, ascii: bool) -> ExitCode {
    if let Some(message) = file.and_then(super::habits::not_a_map) {
        eprint_clean(&message);
        return ExitCode::from(EXIT_UNREADABLE);
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprint_clean(
            "error: the editor needs a terminal; in scripts use `journey check`, `journey fmt` or `journey export`",
        );
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let ascii = ascii || !locale_is_utf8(|k| std::env::var(k).ok());
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let settings = super::config::settings(ascii, color);
    let app = match crate::tui::launch::first_screen(file, &settings) {
        Ok(app) => app,
        Err(e) => {
            eprint_clean(&format!("error: {e}"));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    match crate::tui::start(app, settings) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(e) => {
            eprint_clean(&format!("error: the terminal failed: {e}"));
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

/// Whether the locale says UTF-8, by the POSIX order: `LC_ALL`, then
/// `LC_CTYPE`, then `LANG`; the first one set decides. With none set the
/// locale is "C", which is ASCII.
pub fn locale_is_utf8(var: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| var(k).filter(|v| !v.is_empty()))
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_rules() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(locale_is_utf8(env(&[("LANG", "de_DE.UTF-8")])));
        assert!(locale_is_utf8(env(&[
            ("LC_CTYPE", "C.utf8"),
            ("LANG", "C")
        ])));
        assert!(!locale_is_utf8(env(&[
            ("LC_ALL", "C"),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(!locale_is_utf8(env(&[])));
        assert!(locale_is_utf8(env(&[
            ("LC_ALL", ""),
            ("LANG", "en_US.UTF-8")
        ])));
    }
}
