//! The editor's [`Settings`] from the config file: theme, ASCII, the
//! defaults for new maps, and the keymap with the user's bindings.

use crate::config::{Config, ThemeSetting};
use crate::tui::app::Settings;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;
use ratatui::style::{Color, Style};
use std::str::FromStr;

/// The roles a theme table can recolour, as the config names them.
pub const ROLES: &[&str] = &[
    "header",
    "header-current",
    "header-selected",
    "header-empty",
    "selected",
    "direct",
    "indirect",
    "dim",
    "error",
    "warning",
    "ok",
    "key",
    "focus",
    "popup",
];

impl Settings {
    /// Settings from `config` over the defaults. `ascii` and `color` are
    /// what the command line and the environment say (`--ascii`, the
    /// locale, `NO_COLOR`); `NO_COLOR` wins over any theme. The second
    /// value lists what the config said that could not be taken (the
    /// config's own problems included).
    pub fn from_config(config: &Config, ascii: bool, color: bool) -> (Settings, Vec<String>) {
        let mut problems = config.problems.clone();
        let ascii = ascii || config.ascii.unwrap_or(false);
        let mut settings = Settings::new(ascii, color);
        if color {
            match &config.theme {
                None | Some(ThemeSetting::Color) => {}
                Some(ThemeSetting::Mono) => settings.theme = Theme::mono(),
                Some(ThemeSetting::Roles(roles)) => {
                    for (role, colour, at) in roles {
                        if let Err(why) = recolour(&mut settings.theme, role, colour) {
                            problems.push(format!("{at}: {why}; the default is kept"));
                        }
                    }
                }
            }
        }
        if let Some(template) = config.template {
            settings.template = template;
        }
        if let Some(language) = config.language {
            settings.language = language;
        }
        let (keymap, key_problems) = Keymap::with_user(&config.keys);
        settings.keymap = keymap;
        problems.extend(key_problems);
        settings.notice = match problems.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [first, rest @ ..] => Some(format!(
                "{first} (and {} more; `journey config` lists them)",
                rest.len()
            )),
        };
        (settings, problems)
    }
}

/// Sets the foreground colour of one role.
fn recolour(theme: &mut Theme, role: &str, colour: &str) -> Result<(), String> {
    let c = Color::from_str(colour).map_err(|_| {
        format!("unknown colour `{colour}` for `{role}`; use a name such as \"cyan\" or \"light-red\", \"#rrggbb\" or a number 0-255")
    })?;
    let slot: &mut Style = match role {
        "header" => &mut theme.header,
        "header-current" => &mut theme.header_current,
        "header-selected" => &mut theme.header_selected,
        "header-empty" => &mut theme.header_empty,
        "selected" => &mut theme.selected,
        "direct" => &mut theme.direct,
        "indirect" => &mut theme.indirect,
        "dim" => &mut theme.dim,
        "error" => &mut theme.error,
        "warning" => &mut theme.warning,
        "ok" => &mut theme.ok,
        "key" => &mut theme.key,
        "focus" => &mut theme.focus,
        "popup" => &mut theme.popup,
        _ => {
            return Err(format!(
                "unknown theme role `{role}`; the roles are {}",
                ROLES.join(", ")
            ));
        }
    };
    *slot = slot.fg(c);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn settings(text: &str) -> (Settings, Vec<String>) {
        Settings::from_config(&Config::parse(Path::new("c.ron"), text), false, true)
    }

    #[test]
    fn theme_ascii_and_defaults() {
        let (s, problems) =
            settings("(theme: \"mono\", ascii: true, template: \"aida\", language: \"de\")");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.theme, Theme::mono());
        assert!(s.ascii);
        assert_eq!(s.template, crate::core::templates::Template::Aida);
        assert_eq!(s.language, crate::core::model::Language::De);
        assert_eq!(s.notice, None);
    }

    #[test]
    fn no_color_wins_over_the_theme() {
        let config = Config::parse(Path::new("c.ron"), "(theme: {\"key\": \"red\"})");
        let (s, _) = Settings::from_config(&config, false, false);
        assert_eq!(s.theme, Theme::mono());
    }

    #[test]
    fn a_theme_table_recolours_roles() {
        let (s, problems) =
            settings("(theme: {\"key\": \"yellow\", \"kye\": \"red\", \"ok\": \"blurple\"})");
        assert_eq!(s.theme.key.fg, Some(Color::Yellow));
        assert_eq!(s.theme.ok, Theme::color().ok);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("unknown theme role `kye`"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("unknown colour `blurple`"))
        );
        let notice = s.notice.unwrap_or_default();
        assert!(notice.starts_with("c.ron:1:9: "), "{notice}");
        assert!(
            notice.ends_with("(and 1 more; `journey config` lists them)"),
            "{notice}"
        );
    }

    #[test]
    fn the_user_keys_are_in_the_keymap() {
        let (s, problems) =
            settings("(keys: [(mode: \"board\", key: \"x\", action: \"toggle-kind\")])");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            s.keymap.lookup(
                crate::tui::keymap::Mode::Board,
                crate::tui::keymap::Key::ch('x')
            ),
            Some(&crate::tui::action::Action::ToggleKind)
        );
    }
}
