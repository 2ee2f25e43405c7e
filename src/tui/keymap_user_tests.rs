use super::*;

fn entry(mode: &str, key: &str, action: &str, line: usize) -> KeyEntry {
    KeyEntry {
        mode: mode.into(),
        key: key.into(),
        action: action.into(),
        at: format!("config.ron:{line}:9"),
    }
}

fn load(entries: &[KeyEntry]) -> (Keymap, Vec<String>) {
    Keymap::with_user(entries)
}

#[test]
fn a_binding_replaces_the_default_of_its_key() {
    let (map, problems) = load(&[entry("board", "x", "toggle-kind", 3)]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        map.lookup(Mode::Board, Key::ch('x')),
        Some(&Action::ToggleKind)
    );
    // The default key still works.
    assert_eq!(
        map.lookup(Mode::Board, Key::ch('t')),
        Some(&Action::ToggleKind)
    );
    // Export lost its only key; nothing else changed.
    assert_eq!(map.key_for(Mode::Board, &Action::Export), None);
    assert_eq!(
        map.bindings().len(),
        Keymap::default().bindings().len(),
        "one row replaced"
    );
    // The help lists x for toggle-kind.
    let rows = map.help_rows(Mode::Board, true);
    assert!(
        rows.iter()
            .any(|(k, d)| k.contains('x') && *d == "toggle direct/indirect"),
        "{rows:?}"
    );
}

#[test]
fn none_unbinds_and_a_new_key_is_added() {
    let (map, problems) = load(&[
        entry("board", "t", "none", 2),
        entry("board", "ctrl-e", "export", 3),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map.lookup(Mode::Board, Key::ch('t')), None);
    assert_eq!(
        map.lookup(Mode::Board, Key::ctrl('e')),
        Some(&Action::Export)
    );
    assert_eq!(map.lookup(Mode::Board, Key::ch('x')), Some(&Action::Export));
}

#[test]
fn a_moved_hint_follows_the_action() {
    let (map, _) = load(&[
        entry("board", "x", "toggle-kind", 2),
        entry("board", "ctrl-e", "export", 3),
    ]);
    let hints = map.hints(Mode::Board, true, |_| true, |_| false);
    assert!(
        hints
            .iter()
            .any(|(k, w, _)| k == "Ctrl-e" && *w == "export"),
        "{hints:?}"
    );
}

#[test]
fn unknown_mode_action_and_key_are_reported_and_ignored() {
    let (map, problems) = load(&[
        entry("bored", "x", "help", 2),
        entry("board", "x", "toggle-knd", 3),
        entry("board", "hyper-x", "help", 4),
        entry("board", "x", "submit", 5),
    ]);
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(
        problems[0].starts_with("config.ron:2:9: unknown mode `bored`; expected one of board,")
    );
    assert!(problems[1].starts_with("config.ron:3:9: unknown action `toggle-knd`"));
    assert!(problems[2].starts_with("config.ron:4:9: unknown key `hyper-x`"));
    assert!(problems[3].starts_with("config.ron:5:9: `submit` does nothing in board"));
    assert!(
        problems
            .iter()
            .all(|p| p.ends_with("; the entry is ignored"))
    );
    assert_eq!(map.bindings(), Keymap::default().bindings());
}

#[test]
fn a_key_bound_twice_keeps_its_default() {
    let (map, problems) = load(&[
        entry("board", "x", "toggle-kind", 2),
        entry("board", "x", "save", 3),
        entry("form", "x", "cancel", 4),
    ]);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems[0],
        "config.ron:2:9: `x` is bound more than once in board; the default is kept"
    );
    assert_eq!(map.lookup(Mode::Board, Key::ch('x')), Some(&Action::Export));
    // Another mode is another table.
    assert_eq!(map.lookup(Mode::Form, Key::ch('x')), Some(&Action::Cancel));
}

#[test]
fn no_config_can_take_away_quit_or_help() {
    let (map, problems) = load(&[
        entry("board", "q", "none", 2),
        entry("board", "ctrl-c", "save", 3),
        entry("board", "?", "none", 4),
        entry("help", "esc", "none", 5),
        entry("help", "?", "none", 6),
        entry("help", "q", "none", 7),
    ]);
    assert_eq!(problems.len(), 6, "{problems:?}");
    assert!(problems[0].contains("binding `q` to `none` in board would leave no key for `quit`"));
    assert!(
        problems
            .iter()
            .all(|p| p.ends_with("; the default is kept"))
    );
    assert_eq!(map.lookup(Mode::Board, Key::ch('q')), Some(&Action::Quit));
    assert_eq!(map.lookup(Mode::Board, Key::ch('?')), Some(&Action::Help));
    assert_eq!(
        map.lookup(Mode::Help, Key::plain(crossterm::event::KeyCode::Esc)),
        Some(&Action::Cancel)
    );
}

#[test]
fn moving_quit_to_another_key_is_fine() {
    let (map, problems) = load(&[
        entry("board", "q", "none", 2),
        entry("board", "ctrl-c", "none", 3),
        entry("board", "ctrl-q", "quit", 4),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map.lookup(Mode::Board, Key::ch('q')), None);
    assert_eq!(map.lookup(Mode::Board, Key::ctrl('q')), Some(&Action::Quit));
}

#[test]
fn every_mode_keeps_its_way_out_by_default() {
    let map = Keymap::default();
    for mode in MODES {
        for need in required(mode) {
            assert!(map.key_for(mode, &need).is_some(), "{mode:?} {need:?}");
        }
    }
}

#[test]
fn no_entries_leave_the_defaults_as_applying_none_does() {
    let (map, problems) = Keymap::with_user(&[]);
    assert!(problems.is_empty());
    assert_eq!(map.bindings(), apply(&[]).bindings());
    assert_eq!(map.bindings(), Keymap::default().bindings());
}
