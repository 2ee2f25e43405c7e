//! The config file's bindings laid over the default keymap. A binding
//! replaces the default binding of its key in its mode; `none` takes the
//! key away. What cannot be taken is reported and the default kept: an
//! unknown mode, key or action, an action the mode has no use for, a key
//! bound twice in one mode, and anything that would leave a mode with no
//! way out or no way to help.

use crate::config::KeyEntry;
use crate::tui::action::{Action, Answer};
use crate::tui::action_names::NONE;
use crate::tui::keymap::{Binding, DEFAULT_BINDINGS, Key, Keymap, MODES, Mode};

/// One entry of the config, understood.
struct Entry<'a> {
    mode: Mode,
    key: Key,
    /// `None` unbinds the key.
    action: Option<Action>,
    source: &'a KeyEntry,
}

/// The actions each mode must keep a key for, so that no config can lock
/// a user in: a way out, and (where there is one) a way to the help.
pub fn required(mode: Mode) -> Vec<Action> {
    match mode {
        Mode::Board | Mode::Picker => vec![Action::Quit, Action::Help],
        Mode::Personas | Mode::Path | Mode::Problems | Mode::Insight => {
            vec![Action::Close, Action::Help]
        }
        Mode::Form | Mode::Help => vec![Action::Cancel],
        Mode::Confirm => vec![Action::Answer(Answer::Cancel)],
    }
}

/// What `action` does in `mode`, from the default table.
pub fn description(mode: Mode, action: &Action) -> &'static str {
    DEFAULT_BINDINGS
        .iter()
        .find(|(m, _, a, d, _)| *m == mode && a == action && !d.is_empty())
        .map_or("", |row| row.3)
}

fn default_hint(mode: Mode, action: &Action) -> Option<&'static str> {
    DEFAULT_BINDINGS
        .iter()
        .find(|(m, _, a, _, h)| *m == mode && a == action && h.is_some())
        .and_then(|row| row.4)
}

impl Keymap {
    /// The default keymap with `entries` over it, and one message for each
    /// entry that was not taken.
    pub fn with_user(entries: &[KeyEntry]) -> (Keymap, Vec<String>) {
        // Most configs bind nothing: the defaults stand as they are, and
        // every start is spared applying nothing to them (a test holds
        // both equal).
        if entries.is_empty() {
            return (Keymap::default(), Vec::new());
        }
        let mut problems = Vec::new();
        let mut parsed: Vec<Entry> = entries
            .iter()
            .filter_map(|e| match understand(e) {
                Ok(entry) => Some(entry),
                Err(why) => {
                    problems.push(format!("{}: {why}; the entry is ignored", e.at));
                    None
                }
            })
            .collect();
        // A key bound twice: neither wins, the default stays.
        let twice: Vec<(Mode, Key)> = parsed
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                parsed[..*i]
                    .iter()
                    .chain(&parsed[i + 1..])
                    .any(|o| o.mode == e.mode && o.key == e.key)
            })
            .map(|(_, e)| (e.mode, e.key))
            .collect();
        parsed.retain(|e| {
            let dup = twice.contains(&(e.mode, e.key));
            if dup {
                problems.push(format!(
                    "{}: `{}` is bound more than once in {}; the default is kept",
                    e.source.at,
                    e.key.name(),
                    e.mode.name()
                ));
            }
            !dup
        });
        let mut keymap = apply(&parsed);
        // Take back what leaves a mode with no way out or to help, until
        // nothing does; each round only restores defaults, so it ends.
        loop {
            let mut reverted = false;
            for mode in MODES {
                for need in required(mode) {
                    if keymap.key_for(mode, &need).is_some() {
                        continue;
                    }
                    parsed.retain(|e| {
                        let took = e.mode == mode
                            && DEFAULT_BINDINGS
                                .iter()
                                .any(|(m, k, a, ..)| *m == mode && *k == e.key && *a == need);
                        if took {
                            problems.push(format!(
                                "{}: binding `{}` to `{}` in {} would leave no key for `{}`; the default is kept",
                                e.source.at,
                                e.key.name(),
                                e.source.action,
                                mode.name(),
                                need.name().unwrap_or_default()
                            ));
                            reverted = true;
                        }
                        !took
                    });
                }
            }
            if !reverted {
                break;
            }
            keymap = apply(&parsed);
        }
        (keymap, problems)
    }
}

fn understand(e: &KeyEntry) -> Result<Entry<'_>, String> {
    let mode = Mode::from_name(&e.mode).ok_or_else(|| {
        let names: Vec<&str> = MODES.iter().map(|m| m.name()).collect();
        format!(
            "unknown mode `{}`; expected one of {}",
            e.mode,
            names.join(", ")
        )
    })?;
    let key = Key::parse(&e.key)?;
    let action = if e.action == NONE {
        None
    } else {
        let action = Action::from_name(&e.action).ok_or_else(|| {
            format!(
                "unknown action `{}`; `journey keys` lists the actions (or `none` to unbind)",
                e.action
            )
        })?;
        if !DEFAULT_BINDINGS
            .iter()
            .any(|(m, _, a, ..)| *m == mode && *a == action)
        {
            return Err(format!(
                "`{}` does nothing in {}; `journey keys` lists the actions of each mode",
                e.action,
                mode.name()
            ));
        }
        Some(action)
    };
    Ok(Entry {
        mode,
        key,
        action,
        source: e,
    })
}

/// The default rows with the entries laid over them: a bound key keeps its
/// place in the table (so help keeps its order), a new key goes last.
fn apply(entries: &[Entry]) -> Keymap {
    let mut rows: Vec<Binding> = Keymap::default().bindings().to_vec();
    for e in entries {
        let at = rows.iter().position(|b| b.mode == e.mode && b.key == e.key);
        match (&e.action, at) {
            (None, Some(i)) => {
                rows.remove(i);
            }
            (None, None) => {}
            // Bound as it is by default: the row stays as it is.
            (Some(action), Some(i)) if rows[i].action == *action => {}
            (Some(action), at) => {
                let row = Binding {
                    mode: e.mode,
                    key: e.key,
                    action: action.clone(),
                    description: description(e.mode, action),
                    hint: None,
                };
                match at {
                    Some(i) => rows[i] = row,
                    None => rows.push(row),
                }
            }
        }
    }
    // An action whose hinted key was taken away keeps its hint on a key
    // it still has.
    for i in 0..rows.len() {
        let (mode, action) = (rows[i].mode, rows[i].action.clone());
        if rows[i].hint.is_none()
            && !rows
                .iter()
                .any(|b| b.mode == mode && b.action == action && b.hint.is_some())
        {
            rows[i].hint = default_hint(mode, &action);
        }
    }
    Keymap::from_bindings(rows)
}

#[cfg(test)]
#[path = "keymap_user_tests.rs"]
mod tests;
