//! `journey completions SHELL`: clap_complete's script, with the map
//! arguments completing `.ron` files (and folders, to walk into) alone.
//!
//! clap's value hints know "a file" but not "a file ending in `.ron`", so
//! the scripts are adjusted per shell: map arguments are generated with a
//! marker hint that nothing else uses (`Hostname`), and the marker's
//! completion is replaced by the shell's own way to complete by suffix.
//! bash ignores hints on positional arguments, so there the subcommands
//! that take maps get a completion function of their own.

use super::Cli;
use clap::{CommandFactory, ValueHint};
use clap_complete::Shell;

/// The hint map arguments carry while a script is generated.
const MARKER: ValueHint = ValueHint::Hostname;

/// The arguments that name maps: (subcommand, argument id); "" is journey
/// itself. Each is `.ron` files or, for check, folders of them.
pub const MAP_ARGS: [(&str, &str); 12] = [
    ("", "file"),
    ("new", "file"),
    ("check", "files"),
    ("fmt", "files"),
    ("export", "file"),
    ("render", "file"),
    ("diff", "files"),
    ("outline", "file"),
    ("merge", "base"),
    ("merge", "ours"),
    ("merge", "theirs"),
    ("insight", "file"),
];

/// The subcommands whose positional arguments are all maps.
fn map_subcommands() -> impl Iterator<Item = &'static str> {
    let mut names: Vec<&str> = MAP_ARGS.iter().map(|(s, _)| *s).collect();
    names.dedup();
    names.into_iter()
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut command = Cli::command();
    for (sub, id) in MAP_ARGS {
        command = if sub.is_empty() {
            command.mut_arg(id, |a| a.value_hint(MARKER))
        } else {
            command.mut_subcommand(sub, |c| c.mut_arg(id, |a| a.value_hint(MARKER)))
        };
    }
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "journey", &mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    match shell {
        Shell::Zsh => text.replace(":_hosts'", ":_files -g \"*.ron\"'"),
        Shell::Fish => fish(&text),
        Shell::Bash => bash(&text),
        // elvish and PowerShell complete any file: their generators give
        // no per-argument file completion to narrow.
        _ => text,
    }
}

/// fish completes files after any subcommand unless told otherwise: for
/// those that take maps, it is told to complete `.ron` files instead.
fn fish(text: &str) -> String {
    let mut out = text.to_string();
    out.push_str("\n# Maps: .ron files and folders.\n");
    for sub in map_subcommands() {
        let condition = if sub.is_empty() {
            "__fish_journey_needs_command".to_string()
        } else {
            format!("__fish_journey_using_subcommand {sub}")
        };
        out.push_str(&format!(
            "complete -c journey -n \"{condition}\" -k -f -a \"(__fish_complete_suffix .ron)\"\n"
        ));
    }
    out
}

/// The bash function that completes maps: `.ron` files and folders, and
/// nothing else (not even bash's default of any file when none match).
const BASH_MAPS: &str = r#"
# Maps: .ron files, and folders to walk into.
_journey_maps() {
    local IFS=$'\n'
    compopt -o filenames +o default 2>/dev/null
    COMPREPLY+=( $(compgen -f -X '!*.ron' -- "${cur}") $(compgen -d -- "${cur}") )
}
"#;

/// In the case of each subcommand that takes maps, a word that is no
/// option completes as a map (after journey itself: a subcommand or a map).
/// clap's script offers the options for the first word after a
/// subcommand even without a `-`; here that takes a `-`, as elsewhere.
fn bash(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1024);
    let mut in_maps = false;
    let mut top = false;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        // Each command's case starts at this indent with its function name.
        if indent == 8
            && let Some(name) = trimmed.strip_suffix(')')
            && (name == "journey" || name.starts_with("journey__subcmd__"))
        {
            let sub = name.strip_prefix("journey__subcmd__").unwrap_or("");
            in_maps = !sub.contains("__subcmd__") && map_subcommands().any(|s| s == sub);
            top = name == "journey";
        }
        if line.starts_with("if [[ \"${BASH_VERSINFO[0]}\" -eq 4") {
            out.push_str(BASH_MAPS);
            out.push('\n');
        }
        if in_maps
            && indent == 12
            && trimmed.starts_with("if [[ ${cur} == -* || ${COMP_CWORD} -eq ")
        {
            out.push_str("            if [[ ${cur} == -* ]] ; then\n");
            continue;
        }
        if in_maps
            && indent == 12
            && trimmed == "COMPREPLY=( $(compgen -W \"${opts}\" -- \"${cur}\") )"
        {
            // A word with no `-`: after journey itself a subcommand or a
            // map, after a subcommand a map alone.
            if !top {
                out.push_str("            COMPREPLY=()\n");
            } else {
                out.push_str(line);
                out.push('\n');
            }
            out.push_str("            _journey_maps\n");
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
