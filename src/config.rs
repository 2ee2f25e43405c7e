//! The config file, `config.ron` in the platform's config folder, read once
//! at start. It is optional, and nothing in it can stop the program: what
//! cannot be read is reported (file:line:col and what was expected) and
//! left at its default. Only the editor, `journey new`, `journey keys` and
//! `journey config` read it, so a CI job's `check` never depends on it.

use crate::core::format::{describe, open_regular, read_limited};
use crate::core::model::Language;
use crate::core::samefile::shown_path;
use crate::core::templates::Template;
use std::path::{Path, PathBuf};

/// The variable that points at another config file.
pub const ENV: &str = "JOURNEY_CONFIG";

/// A config file larger than this is not read: it cannot be one.
const MAX_BYTES: u64 = 1 << 20;

/// Where the config is looked for, and why there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    /// `--config`, `JOURNEY_CONFIG` or the platform's config folder.
    pub from: &'static str,
}

impl Location {
    /// The file given by `--config`, else `JOURNEY_CONFIG`, else
    /// `config.ron` in the platform's config folder (`$XDG_CONFIG_HOME/journey`
    /// on Linux); `None` when the platform has no such folder.
    pub fn find(flag: Option<&Path>) -> Option<Location> {
        if let Some(path) = flag {
            return Some(Location {
                path: path.to_path_buf(),
                from: "--config",
            });
        }
        if let Some(path) = std::env::var_os(ENV).filter(|v| !v.is_empty()) {
            return Some(Location {
                path: PathBuf::from(path),
                from: ENV,
            });
        }
        directories::ProjectDirs::from("", "", "journey").map(|d| Location {
            path: d.config_dir().join("config.ron"),
            from: "the platform's config folder",
        })
    }
}

/// A place in the config file, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// One binding as the file writes it; the keymap checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEntry {
    pub mode: String,
    pub key: String,
    pub action: String,
    /// `file:line:col` of the entry, for messages.
    pub at: String,
}

/// The `theme` setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeSetting {
    Color,
    Mono,
    /// The colour theme with these roles recoloured: (role, colour, `file:line:col`).
    Roles(Vec<(String, String, String)>),
}

/// What the config file says, with what could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Where it was looked for.
    pub location: Option<Location>,
    /// Whether a file was there and read (even if with problems).
    pub read: bool,
    pub keys: Vec<KeyEntry>,
    pub theme: Option<ThemeSetting>,
    pub ascii: Option<bool>,
    /// The default template for new maps.
    pub template: Option<Template>,
    /// The default language of new maps.
    pub language: Option<Language>,
    /// One line for each thing that was not taken, naming file and line.
    pub problems: Vec<String>,
}

impl Config {
    /// Reads the config from where [`Location::find`] says. A missing file
    /// in the platform's folder is no problem; a missing file that was
    /// named by `--config` or `JOURNEY_CONFIG` is.
    pub fn load(flag: Option<&Path>) -> Config {
        let Some(location) = Location::find(flag) else {
            return Config::default();
        };
        let mut config = match read(&location.path) {
            Ok(None) if location.from == "the platform's config folder" => Config::default(),
            Ok(None) => Config {
                problems: vec![format!(
                    "{}: no such config file (named by {}); the defaults are used",
                    shown_path(&location.path),
                    location.from
                )],
                ..Config::default()
            },
            Ok(Some(text)) => {
                let mut config = Config::parse(&location.path, &text);
                config.read = true;
                config
            }
            Err(e) => Config {
                problems: vec![format!(
                    "{}: cannot read the config: {e}; the defaults are used",
                    shown_path(&location.path)
                )],
                ..Config::default()
            },
        };
        config.location = Some(location);
        config
    }

    /// Parses config text; `file` names it in messages.
    pub fn parse(file: &Path, text: &str) -> Config {
        let at = |pos: Pos| format!("{}:{}:{}", shown_path(file), pos.line, pos.col);
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let raw: Raw = match options.from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let pos = Pos {
                    line: e.span.start.line,
                    col: e.span.start.col,
                };
                return Config {
                    problems: vec![format!(
                        "{}: {}; the config is not used",
                        at(pos),
                        describe(&e.code)
                    )],
                    ..Config::default()
                };
            }
        };
        let places = scan(text);
        let field = |name: &str| {
            places
                .fields
                .iter()
                .find(|(n, _)| n == name)
                .map_or(Pos { line: 1, col: 1 }, |(_, p)| *p)
        };
        let mut config = Config::default();
        let mut problem = |name: &str, what: String| {
            config
                .problems
                .push(format!("{}: {what}; the default is kept", at(field(name))));
        };
        let string = |v: &ron::Value| match v {
            ron::Value::String(s) => Some(s.clone()),
            _ => None,
        };
        let mut template = None;
        if let Some(v) = &raw.template {
            let names: Vec<&str> = Template::ALL.iter().map(|t| t.name()).collect();
            match string(v).and_then(|s| Template::from_name(&s)) {
                Some(t) => template = Some(t),
                None => problem(
                    "template",
                    format!(
                        "`template` is {}; expected one of {}",
                        shown_value(v),
                        names.join(", ")
                    ),
                ),
            }
        }
        let mut language = None;
        if let Some(v) = &raw.language {
            match string(v).and_then(|s| Language::from_code(&s)) {
                Some(l) => language = Some(l),
                None => {
                    let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
                    problem(
                        "language",
                        format!(
                            "`language` is {}; expected one of {}",
                            shown_value(v),
                            codes.join(", ")
                        ),
                    );
                }
            }
        }
        let mut ascii = None;
        if let Some(v) = &raw.ascii {
            match v {
                ron::Value::Bool(b) => ascii = Some(*b),
                other => problem(
                    "ascii",
                    format!("`ascii` is {}; expected true or false", shown_value(other)),
                ),
            }
        }
        let mut theme = None;
        if let Some(v) = &raw.theme {
            match v {
                ron::Value::String(s) if s == "color" => theme = Some(ThemeSetting::Color),
                ron::Value::String(s) if s == "mono" => theme = Some(ThemeSetting::Mono),
                ron::Value::Map(roles) => {
                    let place = at(field("theme"));
                    let mut list = Vec::new();
                    for (role, colour) in roles.iter() {
                        match (string(role), string(colour)) {
                            (Some(r), Some(c)) => list.push((r, c, place.clone())),
                            _ => problem(
                                "theme",
                                format!(
                                    "the theme maps role names to colour names, both in quotes, not {} to {}",
                                    shown_value(role),
                                    shown_value(colour)
                                ),
                            ),
                        }
                    }
                    theme = Some(ThemeSetting::Roles(list));
                }
                other => problem(
                    "theme",
                    format!(
                        "`theme` is {}; expected \"color\", \"mono\" or a table of colours by role",
                        shown_value(other)
                    ),
                ),
            }
        }
        config.template = template;
        config.language = language;
        config.ascii = ascii;
        config.theme = theme;
        config.keys = raw
            .keys
            .into_iter()
            .enumerate()
            .map(|(i, k)| KeyEntry {
                mode: k.mode,
                key: k.key,
                action: k.action,
                at: at(places.entries.get(i).copied().unwrap_or(field("keys"))),
            })
            .collect();
        config
    }

    /// The problems as one status-bar line: the first, and how many more.
    pub fn summary(&self) -> Option<String> {
        let first = self.problems.first()?;
        Some(match self.problems.len() {
            1 => first.clone(),
            n => format!("{first} (and {} more; `journey config` lists them)", n - 1),
        })
    }
}

/// The file's text, or `None` when there is no file.
fn read(path: &Path) -> Result<Option<String>, String> {
    let (file, meta) = match open_regular(path) {
        Ok(opened) => opened,
        Err(crate::core::format::LoadErrorKind::NotFound) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    if meta.len() > MAX_BYTES {
        return Err(format!("larger than {} KiB", MAX_BYTES / 1024));
    }
    let bytes = read_limited(file, meta.len()).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("larger than {} KiB", MAX_BYTES / 1024));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| "not UTF-8 text".to_string())
}

fn shown_value(v: &ron::Value) -> String {
    match v {
        ron::Value::String(s) => format!("\"{}\"", crate::core::text::printable(s)),
        ron::Value::Bool(b) => b.to_string(),
        ron::Value::Number(_) => "a number".into(),
        ron::Value::Map(_) => "a table".into(),
        ron::Value::Seq(_) => "a list".into(),
        _ => "another kind of value".into(),
    }
}

/// The file as serde reads it: the values that can be wrong on their own
/// are taken as any value and checked one by one, so that one bad value
/// costs that setting only. Unknown fields are refused.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    keys: Vec<RawKey>,
    #[serde(default)]
    theme: Option<ron::Value>,
    #[serde(default)]
    ascii: Option<ron::Value>,
    #[serde(default)]
    template: Option<ron::Value>,
    #[serde(default)]
    language: Option<ron::Value>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKey {
    mode: String,
    key: String,
    action: String,
}

/// Where the top-level fields' values and the entries of `keys` begin.
struct Places {
    fields: Vec<(String, Pos)>,
    entries: Vec<Pos>,
}

/// Walks the text, skipping strings and comments, to find where things
/// are; serde's values carry no positions.
fn scan(text: &str) -> Places {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = Vec::with_capacity(chars.len() + 1);
    let (mut line, mut col) = (1, 1);
    for &c in &chars {
        pos.push(Pos { line, col });
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    pos.push(Pos { line, col });
    let mut places = Places {
        fields: Vec::new(),
        entries: Vec::new(),
    };
    let (mut i, mut depth, mut current) = (0, 0usize, String::new());
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 1;
            }
            '(' | '[' | '{' => {
                depth += 1;
                if depth == 3 && c == '(' && current == "keys" {
                    places.entries.push(pos[i]);
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            c if depth == 1 && (c.is_alphabetic() || c == '_') => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let mut j = i;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                if chars.get(j) == Some(&':') {
                    j += 1;
                    while j < chars.len() && chars[j].is_whitespace() {
                        j += 1;
                    }
                    places.fields.push((word.clone(), pos[j.min(chars.len())]));
                    current = word;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    places
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
