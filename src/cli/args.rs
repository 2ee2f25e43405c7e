//! The editor's own starts, `journey` and `journey FILE`, read without
//! clap: building clap's whole command tree (every subcommand, option and
//! help text) was 0.3 ms of a start whose budget is 3 ms. Anything else
//! goes to clap, and a test holds both readings equal.

use super::{Cli, ColorChoice};
use std::ffi::OsString;
use std::path::PathBuf;

/// The words clap reads as a subcommand, its own `help` among them. A test
/// holds this list equal to clap's.
pub const SUBCOMMAND_WORDS: &[&str] = &[
    "new",
    "check",
    "fmt",
    "export",
    "render",
    "diff",
    "outline",
    "merge",
    "git-setup",
    "insight",
    "keys",
    "config",
    "completions",
    "man",
    "help",
];

/// What clap makes of `args` (the arguments after the program's name)
/// where they are nothing, or one word that is neither empty, nor an
/// option, nor a subcommand; `None` for anything else.
pub fn editor_start(args: &[OsString]) -> Option<Cli> {
    let file = match args {
        [] => None,
        [word] if !word.is_empty() && !is_option_or_subcommand(word) => Some(PathBuf::from(word)),
        _ => return None,
    };
    Some(Cli {
        command: None,
        file,
        ascii: false,
        config: None,
        color: ColorChoice::Auto,
        quiet: false,
    })
}

fn is_option_or_subcommand(word: &OsString) -> bool {
    word.as_encoded_bytes().starts_with(b"-")
        || word.to_str().is_some_and(|w| SUBCOMMAND_WORDS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[test]
    fn the_subcommand_words_are_clap_s() {
        let mut clap: Vec<String> = Cli::command()
            .get_subcommands()
            .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_all_aliases()))
            .map(str::to_string)
            .collect();
        clap.push("help".into());
        clap.sort();
        clap.dedup();
        let mut ours: Vec<String> = SUBCOMMAND_WORDS.iter().map(|s| s.to_string()).collect();
        ours.sort();
        assert_eq!(ours, clap);
    }

    #[test]
    fn the_editor_s_starts_read_as_clap_reads_them() {
        let starts: &[&[&str]] = &[
            &[],
            &["maps/camera.ron"],
            &["new.ron"],
            &["chekc"],
            &["a map with spaces.ron"],
            &["./check"],
        ];
        for args in starts {
            let os: Vec<OsString> = args.iter().map(OsString::from).collect();
            let ours = editor_start(&os).expect("an editor start");
            let clap = Cli::try_parse_from(std::iter::once("journey").chain(args.iter().copied()))
                .expect("clap reads it");
            assert_eq!(format!("{ours:?}"), format!("{clap:?}"), "{args:?}");
        }
    }

    #[test]
    fn everything_else_goes_to_clap() {
        let others: &[&[&str]] = &[
            &["check"],
            &["help"],
            &["--ascii"],
            &["-q"],
            &["--version"],
            &["-"],
            // clap refuses an empty file name.
            &[""],
            &["map.ron", "--ascii"],
            &["a.ron", "b.ron"],
        ];
        for args in others {
            let os: Vec<OsString> = args.iter().map(OsString::from).collect();
            assert!(editor_start(&os).is_none(), "{args:?}");
        }
    }
}
