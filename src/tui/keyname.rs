//! The one notation for keys in the config file and in `journey keys`:
//! `ctrl-s`, `alt-enter`, `shift-left`, `space`, `?`, `G`. [`Key::parse`]
//! reads it and [`Key::name`] writes it; the help screen and the hint bar
//! show the same key value in their own style ([`Key::label`]).

use crate::tui::keymap::Key;
use crossterm::event::{KeyCode, KeyModifiers};

/// The named keys other than characters, as written in the notation.
const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

impl Key {
    /// Reads a key written as `[ctrl-][alt-][shift-]NAME`, where NAME is one
    /// character or a key name (`enter`, `esc`, `tab`, `backspace`,
    /// `delete`, `insert`, `left`, `right`, `up`, `down`, `home`, `end`,
    /// `pageup`, `pagedown`, `space`, `f1`…`f12`). The key comes out as
    /// [`Key::from_event`] gives it, so that it matches what terminals send:
    /// an upper-case letter stands for Shift, `shift-a` is `A`, `shift-tab`
    /// is Back-Tab and `ctrl-S` is `ctrl-s`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        // A single character is the key itself, even `-`.
        while rest.chars().nth(1).is_some() {
            let Some((word, tail)) = rest.split_once('-') else {
                break;
            };
            let m = match word.to_ascii_lowercase().as_str() {
                "ctrl" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ => break,
            };
            if tail.is_empty() {
                break;
            }
            if mods.contains(m) {
                return Err(format!("`{text}` names `{word}` twice"));
            }
            mods |= m;
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            (None, _) => return Err("a key cannot be empty".into()),
            _ => named(rest).ok_or_else(|| unknown(text, rest))?,
        };
        normalise(text, code, mods)
    }

    /// The key in the config notation, which [`Key::parse`] reads back.
    pub fn name(&self) -> String {
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("shift-");
        }
        match self.code {
            KeyCode::BackTab => out.push_str("shift-tab"),
            KeyCode::F(n) => out.push_str(&format!("f{n}")),
            KeyCode::Char(c) if c != ' ' => out.push(c),
            code => match NAMED.iter().find(|(_, k)| *k == code) {
                Some((name, _)) => out.push_str(name),
                None => out.push_str(&format!("{code:?}").to_ascii_lowercase()),
            },
        }
        out
    }
}

fn named(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=12).contains(&n)
    {
        return Some(KeyCode::F(n));
    }
    NAMED
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|&(_, code)| code)
}

fn unknown(text: &str, name: &str) -> String {
    let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
    format!(
        "unknown key `{name}` in `{text}`; write one character, or ctrl-, alt- or shift- before one of {}, f1…f12",
        names.join(", ")
    )
}

/// Brings a parsed key to the form terminal events take.
fn normalise(text: &str, code: KeyCode, mut mods: KeyModifiers) -> Result<Key, String> {
    let code = match code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
            mods.remove(KeyModifiers::SHIFT);
            let upper: Vec<char> = c.to_uppercase().collect();
            match upper.as_slice() {
                [u] if *u != c => KeyCode::Char(*u),
                // Terminals report the shifted character, not Shift.
                _ => {
                    return Err(format!(
                        "`{text}`: write the character Shift gives (such as `A` or `?`) instead of shift-"
                    ));
                }
            }
        }
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
            mods.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        other => other,
    };
    Ok(Key { code, mods })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::DEFAULT_BINDINGS;

    #[test]
    fn every_default_key_round_trips() {
        for (_, key, ..) in DEFAULT_BINDINGS {
            let name = key.name();
            assert_eq!(Key::parse(&name), Ok(*key), "{name}");
            assert_eq!(Key::parse(&name).map(|k| k.name()), Ok(name));
        }
    }

    #[test]
    fn the_notation() {
        let k = |s: &str| Key::parse(s).map(|k| k.name());
        assert_eq!(Key::parse("ctrl-s"), Ok(Key::ctrl('s')));
        assert_eq!(Key::parse("Ctrl-S"), Ok(Key::ctrl('s')));
        assert_eq!(Key::parse("alt-enter"), Ok(Key::alt(KeyCode::Enter)));
        assert_eq!(Key::parse("shift-left"), Ok(Key::shift(KeyCode::Left)));
        assert_eq!(Key::parse("space"), Ok(Key::ch(' ')));
        assert_eq!(Key::parse("?"), Ok(Key::ch('?')));
        assert_eq!(Key::parse("-"), Ok(Key::ch('-')));
        assert_eq!(Key::parse("shift-a"), Ok(Key::ch('A')));
        assert_eq!(Key::parse("shift-tab"), Ok(Key::plain(KeyCode::BackTab)));
        assert_eq!(Key::parse("f5"), Ok(Key::plain(KeyCode::F(5))));
        assert_eq!(k("ctrl--"), Ok("ctrl--".into()));
        assert_eq!(k("ctrl-alt-x"), Ok("ctrl-alt-x".into()));
        assert_eq!(k("ä"), Ok("ä".into()));
    }

    #[test]
    fn bad_keys_say_why() {
        let err = |s: &str| Key::parse(s).err().unwrap_or_default();
        assert!(
            err("ctrl-").contains("unknown key `ctrl-`"),
            "{}",
            err("ctrl-")
        );
        assert!(err("hyper-x").contains("unknown key"));
        assert!(err("f13").contains("unknown key `f13`"));
        assert!(err("shift-?").contains("write the character Shift gives"));
        assert!(err("ctrl-ctrl-x").contains("twice"));
        assert_eq!(err(""), "a key cannot be empty");
    }
}
