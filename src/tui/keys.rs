//! Key sequences written as text, such as `jjaFoo<Enter>`, turned into
//! terminal events. For tests and benchmarks that drive the editor.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Parses a key sequence. Plain characters stand for themselves; names in
/// angle brackets stand for other keys: `<Enter>`, `<Esc>`, `<Tab>`,
/// `<S-Tab>`, `<BS>`, `<Del>`, `<Left>`, `<Right>`, `<Up>`, `<Down>`,
/// `<Home>`, `<End>`, `<PgUp>`, `<PgDn>`, `<lt>` for `<`, and modifiers as
/// `<C-r>`, `<A-Enter>`, `<S-Left>`. An unknown name is taken literally.
pub fn parse_keys(s: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>').filter(|&e| e > 1)
            && let Some(ev) = named(&rest[1..end])
        {
            out.push(Event::Key(ev));
            rest = &rest[end + 1..];
            continue;
        }
        out.push(Event::Key(char_key(c)));
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn char_key(c: char) -> KeyEvent {
    // Terminals report upper-case letters with Shift; do the same.
    let mods = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), mods)
}

fn named(name: &str) -> Option<KeyEvent> {
    let (mods, base) = match name.split_once('-') {
        Some(("C", b)) if !b.is_empty() => (KeyModifiers::CONTROL, b),
        Some(("A", b)) if !b.is_empty() => (KeyModifiers::ALT, b),
        Some(("S", b)) if !b.is_empty() => (KeyModifiers::SHIFT, b),
        _ => (KeyModifiers::NONE, name),
    };
    let code = match base {
        "Enter" | "CR" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" if mods == KeyModifiers::SHIFT => KeyCode::BackTab,
        "Tab" => KeyCode::Tab,
        "BS" => KeyCode::Backspace,
        "Del" => KeyCode::Delete,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        b if b.chars().count() == 1 => KeyCode::Char(b.chars().next()?),
        _ => return None,
    };
    Some(KeyEvent::new(code, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_characters() {
        let evs = parse_keys("aB<Enter><C-r><S-Left><lt>>ä");
        let keys: Vec<(KeyCode, KeyModifiers)> = evs
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some((k.code, k.modifiers)),
                _ => None,
            })
            .collect();
        assert_eq!(
            keys,
            vec![
                (KeyCode::Char('a'), KeyModifiers::NONE),
                (KeyCode::Char('B'), KeyModifiers::SHIFT),
                (KeyCode::Enter, KeyModifiers::NONE),
                (KeyCode::Char('r'), KeyModifiers::CONTROL),
                (KeyCode::Left, KeyModifiers::SHIFT),
                (KeyCode::Char('<'), KeyModifiers::NONE),
                (KeyCode::Char('>'), KeyModifiers::NONE),
                (KeyCode::Char('ä'), KeyModifiers::NONE),
            ]
        );
    }
}
