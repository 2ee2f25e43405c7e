//! The command-line habits users bring: shell completions, a man page, and
//! "did you mean" for a mistyped subcommand.

use super::{Cli, EXIT_OK, EXIT_UNREADABLE, emit, eprint_clean};
use clap::CommandFactory;
use std::path::Path;

/// `journey completions SHELL`: the completion script on stdout.
pub fn completions(shell: clap_complete::Shell) -> u8 {
    emit(&super::completions::script(shell));
    EXIT_OK
}

/// `journey man`: the man page, in roff, on stdout.
pub fn man() -> u8 {
    let mut out = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut out) {
        Ok(()) => {
            emit(&String::from_utf8_lossy(&out));
            EXIT_OK
        }
        Err(e) => {
            eprint_clean(&format!("error: cannot write the man page: {e}"));
            EXIT_UNREADABLE
        }
    }
}

/// The subcommands' names (without clap's own `help`).
pub fn subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect()
}

/// Where `journey WORD` would open or create a map called WORD, but WORD
/// is no file, has no `.ron` and no folder in it: most likely a mistyped
/// subcommand. The message says so, with the nearest subcommand if there
/// is one. A real file (`journey ./check`) is never refused.
pub fn not_a_map(file: &Path) -> Option<String> {
    let word = file.to_str()?;
    if file.exists()
        || word.ends_with(".ron")
        || word.contains(std::path::MAIN_SEPARATOR)
        || word.contains('/')
        || word == "help"
        || subcommands().iter().any(|s| s == word)
    {
        return None;
    }
    let nearest = subcommands()
        .into_iter()
        .map(|name| (distance(word, &name), name))
        .filter(|(d, name)| *d <= 2.max(name.len() / 3))
        .min_by_key(|(d, _)| *d);
    let shown = crate::core::text::printable(word);
    Some(match nearest {
        Some((_, name)) => format!(
            "error: `{shown}` is not a subcommand; did you mean `{name}`? (to create a map, name it `{shown}.ron`)"
        ),
        None => format!(
            "error: `{shown}` is neither a file nor a subcommand (`journey --help` lists them); to create a map, name it `{shown}.ron`"
        ),
    })
}

/// The typo message for a command line whose first word (after options)
/// is no file and no subcommand, as in `journey chekc map.ron`.
pub fn mistyped(args: impl Iterator<Item = std::ffi::OsString>) -> Option<String> {
    let mut args = args;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if text == "--config" {
            args.next();
        } else if !text.starts_with('-') {
            return not_a_map(Path::new(&arg));
        }
    }
    None
}

/// Prints `message` and gives exit code 2.
pub fn refuse(message: &str) -> std::process::ExitCode {
    eprint_clean(message);
    super::finish(std::process::ExitCode::from(EXIT_UNREADABLE))
}

/// The edit distance of two words (Levenshtein, with a swap of two
/// neighbours counted once, since `chekc` is one slip).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("chekc", "check"), 1);
        assert_eq!(distance("fmt", "fmt"), 0);
        assert_eq!(distance("exprot", "export"), 1);
        assert_eq!(distance("", "new"), 3);
    }

    #[test]
    fn typos_and_maps() {
        let msg = not_a_map(Path::new("chekc")).unwrap_or_default();
        assert!(msg.contains("did you mean `check`?"), "{msg}");
        assert!(not_a_map(Path::new("banana")).is_some_and(|m| m.contains("neither a file")));
        assert_eq!(not_a_map(Path::new("chekc.ron")), None);
        assert_eq!(not_a_map(Path::new("./check")), None);
        assert_eq!(not_a_map(Path::new("maps/chekc")), None);
        assert_eq!(not_a_map(Path::new("check")), None);
    }
}
