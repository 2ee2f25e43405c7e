//! The config file on the command line: `--config`, reading it once, and
//! `journey config [--default]`.

use super::{EXIT_FINDINGS, EXIT_OK, emit, emit_line, eprint_clean};
use crate::config::{Config, Location};
use crate::core::format::push_quoted;
use crate::core::model::Language;
use crate::core::samefile::shown_path;
use crate::core::templates::Template;
use crate::tui::app::Settings;
use crate::tui::keymap::{Keymap, MODES};
use crate::tui::keymap_user::description;
use std::path::PathBuf;
use std::sync::OnceLock;

static FLAG: OnceLock<Option<PathBuf>> = OnceLock::new();
static CONFIG: OnceLock<Config> = OnceLock::new();

/// Takes note of `--config FILE`; `main` calls this once, before any
/// subcommand reads the config.
pub fn set_config_flag(path: Option<PathBuf>) {
    // A second call changes nothing: the config is read once.
    let _ = FLAG.set(path);
}

/// The config, read on first use and kept.
pub fn config() -> &'static Config {
    CONFIG.get_or_init(|| Config::load(FLAG.get().and_then(|f| f.as_deref())))
}

/// The editor's settings from the config; `ascii` and `color` are what
/// the command line and the environment say.
pub fn settings(ascii: bool, color: bool) -> Settings {
    Settings::from_config(config(), ascii, color).0
}

/// Says on stderr, once, what was wrong with the config, for the
/// subcommands that use it.
pub fn warn_config_problems() {
    let (_, problems) = Settings::from_config(config(), false, false);
    for p in problems {
        eprint_clean(&format!("warning: config: {p}"));
    }
}

/// `journey config`: where the config is looked for, whether it was read
/// and what was wrong; `--default`: a complete config with every default.
/// Exit 1 when the config has problems.
pub fn run(default: bool) -> u8 {
    if default {
        emit(&default_config());
        return EXIT_OK;
    }
    let flag = FLAG.get().and_then(|f| f.as_deref());
    let config = config();
    match Location::find(flag) {
        None => emit_line("config file: none (this platform has no config folder)"),
        Some(loc) => {
            emit_line(&format!(
                "config file: {} (from {})",
                shown_path(&loc.path),
                loc.from
            ));
            let read = if config.read {
                format!("read: {}", shown_path(&loc.path))
            } else {
                "read: nothing (no file there; the defaults are used)".to_string()
            };
            emit_line(&read);
        }
    }
    emit_line(&format!(
        "looked for: --config FILE, else ${}, else {}",
        crate::config::ENV,
        directories::ProjectDirs::from("", "", "journey")
            .map(|d| shown_path(&d.config_dir().join("config.ron")))
            .unwrap_or_else(|| "no platform folder".into())
    ));
    let (_, problems) = Settings::from_config(config, false, true);
    if problems.is_empty() {
        emit_line("problems: none");
        EXIT_OK
    } else {
        emit_line(&format!("problems: {}", problems.len()));
        for p in &problems {
            emit_line(&format!("  {}", crate::core::text::printable(p)));
        }
        EXIT_FINDINGS
    }
}

fn quoted(s: &str) -> String {
    let mut out = String::new();
    push_quoted(&mut out, s);
    out
}

/// A config that sets every default, with comments; saved as it is, it
/// changes nothing.
pub fn default_config() -> String {
    let names = |list: Vec<&str>| list.join(", ");
    let mut out = String::new();
    out.push_str("// journey's config file, with every default. Save it as the file that\n");
    out.push_str("// `journey config` names, then change or delete what you like: a setting\n");
    out.push_str("// left out keeps its default.\n(\n");
    out.push_str(
        "    // \"color\" or \"mono\" (NO_COLOR always gives mono), or the colour theme\n",
    );
    out.push_str("    // with some roles recoloured, for example {\"key\": \"yellow\", \"error\": \"#ff5555\"}.\n");
    out.push_str(&format!(
        "    // The roles: {}.\n",
        crate::tui::settings::ROLES.join(", ")
    ));
    out.push_str("    theme: \"color\",\n");
    out.push_str(
        "    // Draw with ASCII characters only (also chosen when the locale is not UTF-8).\n",
    );
    out.push_str("    ascii: false,\n");
    out.push_str(&format!(
        "    // The template of `journey new` and the editor's new-map form: {}.\n",
        names(Template::ALL.iter().map(|t| t.name()).collect())
    ));
    out.push_str(&format!(
        "    template: {},\n",
        quoted(Template::default().name())
    ));
    out.push_str(&format!(
        "    // The language of new maps: {}.\n",
        names(Language::ALL.iter().map(|l| l.code()).collect())
    ));
    out.push_str(&format!(
        "    language: {},\n",
        quoted(Language::default().code())
    ));
    out.push_str("    // Each binding replaces the default of its key in its mode; the action\n");
    out.push_str(
        "    // \"none\" takes a key away. Keys: a character, or ctrl-, alt-, shift- before\n",
    );
    out.push_str(
        "    // a name (enter, esc, tab, space, left, pageup, f1 …), as `journey keys` shows.\n",
    );
    out.push_str(&format!(
        "    // The modes: {}.\n",
        names(MODES.iter().map(|m| m.name()).collect())
    ));
    out.push_str("    keys: [\n");
    let keymap = Keymap::default();
    for mode in MODES {
        out.push_str(&format!("        // {}\n", mode.title()));
        for b in keymap.bindings().iter().filter(|b| b.mode == mode) {
            let action = b.action.name().unwrap_or_default();
            out.push_str(&format!(
                "        (mode: {}, key: {}, action: {}), // {}\n",
                quoted(mode.name()),
                quoted(&b.key.name()),
                quoted(action),
                description(mode, &b.action)
            ));
        }
    }
    out.push_str("    ],\n)\n");
    out
}
