//! Keys as data: one table of (mode, key, action, description) drives both
//! dispatch and the `?` help screen, so the two cannot drift apart.

use crate::tui::action::{Action, Answer};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Which table of keys applies: the board, a form, a dialog, the help
/// screen or the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Board,
    Form,
    Confirm,
    Help,
    Picker,
    /// The persona picker.
    Personas,
    /// The path panel.
    Path,
    /// The problems panel.
    Problems,
    /// The insight panel.
    Insight,
}

impl Mode {
    /// The heading for this mode on the help screen.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Board => "Board",
            Mode::Form => "Forms and text fields",
            Mode::Confirm => "Questions",
            Mode::Help => "This help",
            Mode::Picker => "Opening a map",
            Mode::Personas => "Persona picker (p)",
            Mode::Path => "Path panel (s): the current path's steps",
            Mode::Problems => "Problems panel (v)",
            Mode::Insight => "Insight panel (i): attribution and removal effect",
        }
    }
}

/// A key with its modifiers, normalised so that `H` and Shift+h compare
/// equal however the terminal reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// A key with no modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A character key; its case says whether Shift was held.
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Ctrl plus a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// Ctrl plus a non-character key.
    pub const fn ctrl_key(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::CONTROL,
        }
    }

    /// Shift plus a non-character key.
    pub const fn shift(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::SHIFT,
        }
    }

    /// Alt plus a key.
    pub const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::ALT,
        }
    }

    /// The key of a terminal event. Shift is dropped from characters (the
    /// character already says it) and from BackTab, and Ctrl+letter is kept
    /// in lower case, since terminals differ in both.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut mods =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let mut code = event.code;
        match code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    code = KeyCode::Char(c.to_ascii_lowercase());
                }
            }
            KeyCode::BackTab => mods.remove(KeyModifiers::SHIFT),
            _ => {}
        }
        Key { code, mods }
    }

    /// How the key is written on the help screen and in hints.
    pub fn label(&self, ascii: bool) -> String {
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift+");
        }
        let arrow = |uni: &str, asc: &str| {
            if ascii {
                asc.to_string()
            } else {
                uni.to_string()
            }
        };
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Left => arrow("←", "Left"),
            KeyCode::Right => arrow("→", "Right"),
            KeyCode::Up => arrow("↑", "Up"),
            KeyCode::Down => arrow("↓", "Down"),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift+Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            other => format!("{other:?}"),
        };
        out.push_str(&name);
        out
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
    /// What the key does, for the help screen.
    pub description: &'static str,
    /// A word or two for the hint bar; only the bindings worth a hint have one.
    pub hint: Option<&'static str>,
}

/// The bindings in force: [`DEFAULT_BINDINGS`], with the config file's
/// bindings over them ([`Keymap::with_user`]).
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: DEFAULT_BINDINGS
                .iter()
                .map(|&(mode, key, ref action, description, hint)| Binding {
                    mode,
                    key,
                    action: action.clone(),
                    description,
                    hint,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// A keymap of these rows, in this order (see [`Keymap::with_user`]).
    pub(crate) fn from_bindings(bindings: Vec<Binding>) -> Keymap {
        Keymap { bindings }
    }

    /// The action bound to `key` in `mode`.
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<&Action> {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .map(|b| &b.action)
    }

    /// Every binding, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The first key bound to `action` in `mode`, for prompts such as
    /// "y delete".
    pub fn key_for(&self, mode: Mode, action: &Action) -> Option<Key> {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && &b.action == action)
            .map(|b| b.key)
    }

    /// The help screen's rows for `mode`: the keys of each action joined,
    /// with its description, in table order.
    pub fn help_rows(&self, mode: Mode, ascii: bool) -> Vec<(String, &'static str)> {
        self.help_rows_where(mode, ascii, |_| true)
    }

    /// [`Keymap::help_rows`] for the actions `applies` lets through (see
    /// [`crate::tui::conditions`]).
    pub fn help_rows_where(
        &self,
        mode: Mode,
        ascii: bool,
        applies: impl Fn(&Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(&Action, String, &'static str)> = Vec::new();
        for b in self
            .bindings
            .iter()
            .filter(|b| b.mode == mode && applies(&b.action))
        {
            match rows.iter_mut().find(|(a, _, _)| *a == &b.action) {
                Some((_, keys, _)) => {
                    keys.push_str(" / ");
                    keys.push_str(&b.key.label(ascii));
                }
                None => rows.push((&b.action, b.key.label(ascii), b.description)),
            }
        }
        rows.into_iter().map(|(_, k, d)| (k, d)).collect()
    }

    /// The bindings of `mode` that carry a hint.
    pub fn hint_bindings(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.mode == mode && b.hint.is_some())
    }

    /// The hint bar's entries for `mode` that `offered` lets through:
    /// (key, word, pinned). The help key comes first, since a narrow bar
    /// drops hints and help is the one a new user needs; undo, save and
    /// quit come last and are pinned, so that a narrow bar drops others
    /// before them. The hints `first` names (what the state calls for now)
    /// come right after help.
    pub fn hints(
        &self,
        mode: Mode,
        ascii: bool,
        offered: impl Fn(&Action) -> bool,
        first: impl Fn(&Action) -> bool,
    ) -> Vec<(String, &'static str, bool)> {
        let pinned = |a: &Action| matches!(a, Action::Undo | Action::Save | Action::Quit);
        let in_mode: Vec<&Binding> = self
            .bindings
            .iter()
            .filter(|b| b.mode == mode && b.hint.is_some() && offered(&b.action))
            .collect();
        let help = in_mode.iter().filter(|b| b.action == Action::Help);
        let rest = |b: &&&Binding| b.action != Action::Help && !pinned(&b.action);
        let urgent = in_mode.iter().filter(|b| rest(b) && first(&b.action));
        let others = in_mode.iter().filter(|b| rest(b) && !first(&b.action));
        let last = in_mode.iter().filter(|b| pinned(&b.action));
        help.chain(urgent)
            .chain(others)
            .chain(last)
            .filter_map(|b| b.hint.map(|h| (b.key.label(ascii), h, pinned(&b.action))))
            .collect()
    }
}

use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
    Tab, Up,
};
use Mode::{Board, Confirm, Form, Help, Insight, Path, Personas, Picker, Problems};

type Row = (Mode, Key, Action, &'static str, Option<&'static str>);

/// The default keys, as in the design's table.
#[rustfmt::skip]
pub const DEFAULT_BINDINGS: &[Row] = &[
    (Board, Key::plain(Left), Action::StagePrev, "previous stage", None),
    (Board, Key::ch('h'), Action::StagePrev, "previous stage", None),
    (Board, Key::plain(Right), Action::StageNext, "next stage", None),
    (Board, Key::ch('l'), Action::StageNext, "next stage", None),
    (Board, Key::plain(Up), Action::RowPrev, "previous touchpoint (above the first: the stage itself)", None),
    (Board, Key::ch('k'), Action::RowPrev, "", None),
    (Board, Key::plain(Down), Action::RowNext, "next touchpoint", None),
    (Board, Key::ch('j'), Action::RowNext, "", None),
    (Board, Key::plain(Home), Action::RowFirst, "select the stage itself (its header)", None),
    (Board, Key::ch('g'), Action::RowFirst, "", None),
    (Board, Key::plain(End), Action::RowLast, "last touchpoint of the stage", None),
    (Board, Key::ch('G'), Action::RowLast, "", None),
    (Board, Key::plain(PageUp), Action::PageUp, "a screenful up", None),
    (Board, Key::plain(PageDown), Action::PageDown, "a screenful down", None),
    (Board, Key::ch('a'), Action::AddTouchpoint, "add a touchpoint below the selection", Some("add")),
    (Board, Key::ch('A'), Action::AddStage, "add a stage after the current one", None),
    (Board, Key::ch('e'), Action::Edit, "edit the touchpoint, or the stage on its header", Some("edit")),
    (Board, Key::plain(Enter), Action::Edit, "", None),
    (Board, Key::ch('p'), Action::Personas, "pick the persona whose path the board shows", Some("persona")),
    (Board, Key::ch('P'), Action::NewPersona, "new persona (name, then description)", None),
    (Board, Key::ch(' '), Action::ToggleStep, "add the touchpoint to the current path, or take it out", Some("path")),
    (Board, Key::ch('s'), Action::PathPanel, "path panel: the steps, emotions, notes, outcome", Some("steps")),
    (Board, Key::ch('['), Action::PathPrev, "previous path of the persona", None),
    (Board, Key::ch(']'), Action::PathNext, "next path of the persona", None),
    (Board, Key::ch('v'), Action::Problems, "problems panel (Enter jumps to the item)", Some("problems")),
    (Board, Key::ch('i'), Action::InsightPanel, "insight panel: attribution and removal effect per touchpoint", None),
    (Board, Key::ch('x'), Action::Export, "export (Markdown, DOT, Mermaid, pictures, CSV, JSON)", Some("export")),
    (Board, Key::plain(Esc), Action::CancelDrawing, "cancel the picture being drawn", None),
    (Board, Key::ch('/'), Action::Search, "search names, channels, notes, step notes, personas and paths", Some("find")),
    (Board, Key::ch('n'), Action::SearchNext, "next search match", None),
    (Board, Key::ch('N'), Action::SearchPrev, "previous search match", None),
    (Board, Key::ch('T'), Action::EditMap, "edit the map's title, description and conversion", Some("title")),
    (Board, Key::ch('c'), Action::Duplicate, "duplicate the touchpoint below itself, with a new id", None),
    (Board, Key::ch('t'), Action::ToggleKind, "toggle direct/indirect", None),
    (Board, Key::ch('d'), Action::DeleteTouchpoint, "delete the selected touchpoint", None),
    (Board, Key::ch('D'), Action::DeleteStage, "delete the current stage with its touchpoints", None),
    (Board, Key::ch('H'), Action::ShiftLeft, "move the touchpoint to the previous stage", None),
    (Board, Key::shift(Left), Action::ShiftLeft, "", None),
    (Board, Key::ch('L'), Action::ShiftRight, "move the touchpoint to the next stage", None),
    (Board, Key::shift(Right), Action::ShiftRight, "", None),
    (Board, Key::ch('J'), Action::ShiftDown, "move the touchpoint down within its stage", None),
    (Board, Key::shift(Down), Action::ShiftDown, "", None),
    (Board, Key::ch('K'), Action::ShiftUp, "move the touchpoint up within its stage", None),
    (Board, Key::shift(Up), Action::ShiftUp, "", None),
    (Board, Key::ch('<'), Action::StageLeft, "move the stage left", None),
    (Board, Key::ch('>'), Action::StageRight, "move the stage right", None),
    (Board, Key::ch('u'), Action::Undo, "undo", Some("undo")),
    (Board, Key::ctrl('r'), Action::Redo, "redo", None),
    (Board, Key::ctrl('s'), Action::Save, "save (the same bytes as `journey fmt`)", Some("save")),
    (Board, Key::ch('S'), Action::SaveAs, "save as another file", None),
    (Board, Key::ch('R'), Action::Reload, "reload the file from disk (u takes it back; unsaved changes are also kept aside)", None),
    (Board, Key::ch('z'), Action::ReadAll, "read the selection's whole text, full screen (notes, visits, step notes)", Some("read all")),
    (Board, Key::ch('?'), Action::Help, "this help", Some("help")),
    (Board, Key::ch('q'), Action::Quit, "quit (with unsaved changes: asks to save, discard or cancel)", Some("quit")),
    (Board, Key::ctrl('c'), Action::Quit, "", None),
    (Form, Key::plain(Enter), Action::Submit, "confirm", Some("confirm")),
    (Form, Key::plain(Esc), Action::Cancel, "cancel", Some("cancel")),
    (Form, Key::plain(Tab), Action::NextField, "next field", Some("next field")),
    (Form, Key::plain(BackTab), Action::PrevField, "previous field", None),
    (Form, Key::plain(Left), Action::CursorLeft, "cursor left (on a choice: the previous one)", None),
    (Form, Key::plain(Right), Action::CursorRight, "cursor right (on a choice: the next one, as does Space)", None),
    (Form, Key::plain(Up), Action::CursorUp, "line up, or the previous field", None),
    (Form, Key::plain(Down), Action::CursorDown, "line down, or the next field", None),
    (Form, Key::plain(Home), Action::LineStart, "start of the line", None),
    (Form, Key::ctrl('a'), Action::LineStart, "", None),
    (Form, Key::plain(End), Action::LineEnd, "end of the line", None),
    (Form, Key::ctrl('e'), Action::LineEnd, "", None),
    (Form, Key::plain(Backspace), Action::DeleteBack, "delete before the cursor", None),
    (Form, Key::plain(Delete), Action::DeleteForward, "delete under the cursor", None),
    (Form, Key::ctrl('u'), Action::DeleteToStart, "delete to the start of the line (a one-line field: clear it)", None),
    (Form, Key::ctrl('k'), Action::DeleteToEnd, "delete to the end of the line", None),
    (Form, Key::ctrl('w'), Action::DeleteWordBack, "delete the word before the cursor", None),
    (Form, Key::alt(Backspace), Action::DeleteWordBack, "", None),
    (Form, Key::alt(Char('d')), Action::DeleteWordForward, "delete the word after the cursor", None),
    (Form, Key::alt(Char('b')), Action::WordLeft, "a word left", None),
    (Form, Key::ctrl_key(Left), Action::WordLeft, "", None),
    (Form, Key::alt(Char('f')), Action::WordRight, "a word right", None),
    (Form, Key::ctrl_key(Right), Action::WordRight, "", None),
    (Form, Key::alt(Enter), Action::Newline, "new line in notes and descriptions", Some("new line")),
    (Form, Key::ctrl('j'), Action::Newline, "", None),
    (Confirm, Key::ch('y'), Action::Answer(Answer::Yes), "yes", None),
    (Confirm, Key::ch('n'), Action::Answer(Answer::No), "no", None),
    (Confirm, Key::ch('s'), Action::Answer(Answer::Save), "save", None),
    (Confirm, Key::ch('d'), Action::Answer(Answer::Discard), "discard", None),
    (Confirm, Key::ch('r'), Action::Answer(Answer::Restore), "restore recovered work, or reload from disk", None),
    (Confirm, Key::ch('o'), Action::Answer(Answer::Overwrite), "overwrite the file", None),
    (Confirm, Key::ch('a'), Action::Answer(Answer::SaveAs), "save as another file", None),
    (Confirm, Key::plain(Esc), Action::Answer(Answer::Cancel), "cancel", None),
    (Confirm, Key::ch('c'), Action::Answer(Answer::Cancel), "", None),
    (Help, Key::plain(Down), Action::RowNext, "scroll down", None),
    (Help, Key::ch('j'), Action::RowNext, "", None),
    (Help, Key::plain(Up), Action::RowPrev, "scroll up", None),
    (Help, Key::ch('k'), Action::RowPrev, "", None),
    (Help, Key::plain(PageDown), Action::PageDown, "a screenful down", None),
    (Help, Key::ch(' '), Action::PageDown, "", None),
    (Help, Key::plain(PageUp), Action::PageUp, "a screenful up", None),
    (Help, Key::plain(Esc), Action::Cancel, "close the help", Some("close")),
    (Help, Key::ch('?'), Action::Cancel, "", None),
    (Help, Key::ch('q'), Action::Cancel, "", None),
    (Personas, Key::plain(Down), Action::RowNext, "next persona", None),
    (Personas, Key::ch('j'), Action::RowNext, "", None),
    (Personas, Key::plain(Up), Action::RowPrev, "previous persona", None),
    (Personas, Key::ch('k'), Action::RowPrev, "", None),
    (Personas, Key::plain(Enter), Action::Choose, "show this persona's path on the board", Some("choose")),
    (Personas, Key::plain(Esc), Action::ClearPersona, "show no persona, and close", Some("none")),
    (Personas, Key::ch('n'), Action::NewPersona, "new persona", Some("new")),
    (Personas, Key::ch('P'), Action::NewPersona, "", None),
    (Personas, Key::ch('e'), Action::EditItem, "rename or describe the persona", Some("edit")),
    (Personas, Key::ch('d'), Action::DeleteItem, "delete the persona with its paths (asks first)", Some("delete")),
    (Personas, Key::ch('J'), Action::MoveItemDown, "move the persona down", None),
    (Personas, Key::shift(Down), Action::MoveItemDown, "", None),
    (Personas, Key::ch('K'), Action::MoveItemUp, "move the persona up", None),
    (Personas, Key::shift(Up), Action::MoveItemUp, "", None),
    (Personas, Key::ch('u'), Action::Undo, "undo", None),
    (Personas, Key::ctrl('r'), Action::Redo, "redo", None),
    (Personas, Key::ch('q'), Action::Close, "close, keeping the current persona", Some("close")),
    (Personas, Key::ch('p'), Action::Close, "", None),
    (Personas, Key::ch('?'), Action::Help, "all keys", Some("help")),
    (Path, Key::plain(Down), Action::RowNext, "next step", None),
    (Path, Key::ch('j'), Action::RowNext, "", None),
    (Path, Key::plain(Up), Action::RowPrev, "previous step", None),
    (Path, Key::ch('k'), Action::RowPrev, "", None),
    (Path, Key::plain(Home), Action::RowFirst, "first step", None),
    (Path, Key::ch('g'), Action::RowFirst, "", None),
    (Path, Key::plain(End), Action::RowLast, "last step", None),
    (Path, Key::ch('G'), Action::RowLast, "", None),
    (Path, Key::plain(Enter), Action::Choose, "jump to the step's touchpoint on the board", Some("jump")),
    (Path, Key::ch('+'), Action::EmotionUp, "emotion up (-2..+2)", Some("emotion")),
    (Path, Key::ch('='), Action::EmotionUp, "", None),
    (Path, Key::ch('-'), Action::EmotionDown, "emotion down", None),
    (Path, Key::ch('e'), Action::EditItem, "edit the step's emotion and note", Some("note")),
    (Path, Key::ch('J'), Action::MoveItemDown, "move the step later", None),
    (Path, Key::shift(Down), Action::MoveItemDown, "", None),
    (Path, Key::ch('K'), Action::MoveItemUp, "move the step earlier", None),
    (Path, Key::shift(Up), Action::MoveItemUp, "", None),
    (Path, Key::ch('d'), Action::DeleteItem, "take the step out of the path", Some("remove")),
    (Path, Key::ch('o'), Action::CycleOutcome, "outcome: open, converted, dropped out", Some("outcome")),
    (Path, Key::ch('['), Action::PathPrev, "previous path of the persona", None),
    (Path, Key::ch(']'), Action::PathNext, "next path of the persona", None),
    (Path, Key::ch('n'), Action::NewPath, "new path for the persona", Some("new path")),
    (Path, Key::ch('r'), Action::EditPath, "rename the path (and its outcome)", None),
    (Path, Key::ch('c'), Action::Duplicate, "copy the path for this or another persona", None),
    (Path, Key::ch('D'), Action::DeletePath, "delete the path (asks first)", None),
    (Path, Key::ch('u'), Action::Undo, "undo", None),
    (Path, Key::ctrl('r'), Action::Redo, "redo", None),
    (Path, Key::plain(Esc), Action::Close, "close", Some("close")),
    (Path, Key::ch('q'), Action::Close, "", None),
    (Path, Key::ch('s'), Action::Close, "", None),
    (Path, Key::ch('z'), Action::ReadAll, "read the step's touchpoint whole, with every visit and note", None),
    (Path, Key::ch('?'), Action::Help, "all keys", Some("help")),
    (Problems, Key::plain(Down), Action::RowNext, "next finding", None),
    (Problems, Key::ch('j'), Action::RowNext, "", None),
    (Problems, Key::plain(Up), Action::RowPrev, "previous finding", None),
    (Problems, Key::ch('k'), Action::RowPrev, "", None),
    (Problems, Key::plain(Enter), Action::Choose, "jump to the stage, touchpoint, persona or path", Some("jump")),
    (Problems, Key::ch('a'), Action::AllowWarning, "allow the selected warning for its item", Some("allow")),
    (Problems, Key::ch('u'), Action::Undo, "undo (an allowed warning comes back)", None),
    (Problems, Key::ctrl('r'), Action::Redo, "redo", None),
    (Problems, Key::plain(Esc), Action::Close, "close", Some("close")),
    (Problems, Key::ch('q'), Action::Close, "", None),
    (Problems, Key::ch('v'), Action::Close, "", None),
    (Problems, Key::ch('?'), Action::Help, "all keys", Some("help")),
    (Insight, Key::plain(Down), Action::RowNext, "next touchpoint", None),
    (Insight, Key::ch('j'), Action::RowNext, "", None),
    (Insight, Key::plain(Up), Action::RowPrev, "previous touchpoint", None),
    (Insight, Key::ch('k'), Action::RowPrev, "", None),
    (Insight, Key::plain(PageDown), Action::PageDown, "a screenful down", None),
    (Insight, Key::plain(PageUp), Action::PageUp, "a screenful up", None),
    (Insight, Key::plain(Home), Action::RowFirst, "first row", None),
    (Insight, Key::plain(End), Action::RowLast, "last row", None),
    (Insight, Key::plain(Enter), Action::Choose, "jump to the touchpoint on the board", Some("jump")),
    (Insight, Key::ch('s'), Action::SortNext, "sort by the next column", Some("sort")),
    (Insight, Key::plain(Right), Action::SortNext, "", None),
    (Insight, Key::ch('S'), Action::SortPrev, "sort by the previous column", None),
    (Insight, Key::plain(Left), Action::SortPrev, "", None),
    (Insight, Key::ch('r'), Action::SortReverse, "reverse the order", Some("reverse")),
    (Insight, Key::plain(Esc), Action::Close, "close", Some("close")),
    (Insight, Key::ch('q'), Action::Close, "", None),
    (Insight, Key::ch('i'), Action::Close, "", None),
    (Insight, Key::ch('?'), Action::Help, "all keys", Some("help")),
    (Picker, Key::plain(Down), Action::RowNext, "next map", None),
    (Picker, Key::ch('j'), Action::RowNext, "", None),
    (Picker, Key::plain(Up), Action::RowPrev, "previous map", None),
    (Picker, Key::ch('k'), Action::RowPrev, "", None),
    (Picker, Key::plain(PageDown), Action::PageDown, "a page down", None),
    (Picker, Key::plain(PageUp), Action::PageUp, "a page up", None),
    (Picker, Key::plain(Enter), Action::Open, "open the selected map", Some("open")),
    (Picker, Key::ch('n'), Action::NewMap, "new map from a template", Some("new")),
    (Picker, Key::ch('?'), Action::Help, "this help", Some("help")),
    (Picker, Key::ch('q'), Action::Quit, "quit", Some("quit")),
    (Picker, Key::plain(Esc), Action::Quit, "", None),
    (Picker, Key::ctrl('c'), Action::Quit, "", None),
    (Board, Key::ctrl('z'), Action::Suspend, "suspend to the shell (`fg` brings the editor back)", None),
    (Personas, Key::ctrl('z'), Action::Suspend, "suspend to the shell (`fg` brings the editor back)", None),
    (Path, Key::ctrl('z'), Action::Suspend, "suspend to the shell (`fg` brings the editor back)", None),
    (Problems, Key::ctrl('z'), Action::Suspend, "suspend to the shell (`fg` brings the editor back)", None),
    (Insight, Key::ctrl('z'), Action::Suspend, "suspend to the shell (`fg` brings the editor back)", None),
    (Form, Key::ctrl('z'), Action::Suspend, "suspend to the shell (`fg` brings the editor back)", None),
    (Confirm, Key::ctrl('z'), Action::Suspend, "suspend to the shell (`fg` brings the editor back)", None),
    (Help, Key::ctrl('z'), Action::Suspend, "suspend to the shell (`fg` brings the editor back)", None),
    (Picker, Key::ctrl('z'), Action::Suspend, "suspend to the shell (`fg` brings the editor back)", None),
];

/// All modes, in the order the help screen lists them.
pub const MODES: [Mode; 9] = [
    Mode::Board,
    Mode::Personas,
    Mode::Path,
    Mode::Problems,
    Mode::Insight,
    Mode::Form,
    Mode::Confirm,
    Mode::Picker,
    Mode::Help,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    #[test]
    fn shifted_letters_match_however_reported() {
        let with_shift = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT);
        let without = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::NONE);
        assert_eq!(Key::from_event(&with_shift), Key::ch('H'));
        assert_eq!(Key::from_event(&without), Key::ch('H'));
        let ctrl = KeyEvent::new(
            KeyCode::Char('R'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(Key::from_event(&ctrl), Key::ctrl('r'));
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let map = Keymap::default();
        for (i, a) in map.bindings().iter().enumerate() {
            for b in &map.bindings()[i + 1..] {
                assert!(
                    !(a.mode == b.mode && a.key == b.key),
                    "{:?} bound twice in {:?}",
                    a.key,
                    a.mode
                );
            }
        }
    }

    #[test]
    fn help_joins_keys_of_one_action() {
        let rows = Keymap::default().help_rows(Mode::Board, true);
        assert_eq!(rows[0], ("Left / h".to_string(), "previous stage"));
        assert!(rows.iter().any(|(k, _)| k == "u"));
    }
}
