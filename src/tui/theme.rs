//! Styles and symbols. Nothing is said by colour alone: every state also
//! has a modifier (bold, reversed, underline, dim) or a symbol or a word,
//! so the monochrome theme loses nothing but colour.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// A stage header.
    pub header: Style,
    /// The current stage's header while one of its touchpoints is selected.
    pub header_current: Style,
    /// The header of the selected stage itself.
    pub header_selected: Style,
    /// An empty stage's header (it also says "empty").
    pub header_empty: Style,
    /// The selected touchpoint.
    pub selected: Style,
    /// The ● marker.
    pub direct: Style,
    /// The ○ marker.
    pub indirect: Style,
    /// Channels, hints, separators: quieter text.
    pub dim: Style,
    /// Error messages and the problem count.
    pub error: Style,
    /// Warnings.
    pub warning: Style,
    /// "no problems".
    pub ok: Style,
    /// A key name in hints and help.
    pub key: Style,
    /// The focused field's label in a form.
    pub focus: Style,
    /// Popup borders and titles.
    pub popup: Style,
}

impl Theme {
    /// The colour theme.
    pub fn color() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            header: bold,
            header_current: bold.add_modifier(Modifier::UNDERLINED).fg(Color::Cyan),
            header_selected: bold.add_modifier(Modifier::REVERSED).fg(Color::Cyan),
            header_empty: bold.fg(Color::Yellow),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            direct: Style::new().fg(Color::Green),
            indirect: Style::new().fg(Color::Magenta),
            dim: Style::new().add_modifier(Modifier::DIM),
            error: bold.fg(Color::Red),
            warning: Style::new().fg(Color::Yellow),
            ok: Style::new().fg(Color::Green),
            key: bold.fg(Color::Cyan),
            focus: bold.add_modifier(Modifier::REVERSED),
            popup: bold.fg(Color::Cyan),
        }
    }

    /// The monochrome theme for `NO_COLOR`: the same modifiers, no colour.
    pub fn mono() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            header: bold,
            header_current: bold.add_modifier(Modifier::UNDERLINED),
            header_selected: bold.add_modifier(Modifier::REVERSED),
            header_empty: bold.add_modifier(Modifier::ITALIC),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            direct: Style::new(),
            indirect: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            error: bold,
            warning: Style::new(),
            ok: Style::new(),
            key: bold,
            focus: bold.add_modifier(Modifier::REVERSED),
            popup: bold,
        }
    }
}

/// The characters the views draw with, Unicode or ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    pub direct: &'static str,
    pub indirect: &'static str,
    pub ellipsis: &'static str,
    pub vertical: &'static str,
    pub horizontal: &'static str,
    pub cross: &'static str,
    pub more_left: &'static str,
    pub more_right: &'static str,
    pub more_up: &'static str,
    pub more_down: &'static str,
    pub warning: &'static str,
    pub dot: &'static str,
    pub border: border::Set<'static>,
}

impl Symbols {
    /// Box drawing and dots.
    pub fn unicode() -> Symbols {
        Symbols {
            direct: "●",
            indirect: "○",
            ellipsis: "…",
            vertical: "│",
            horizontal: "─",
            cross: "┼",
            more_left: "◀",
            more_right: "▶",
            more_up: "▲",
            more_down: "▼",
            warning: "⚠",
            dot: "·",
            border: border::ROUNDED,
        }
    }

    /// Plain ASCII, for terminals and locales without UTF-8.
    pub fn ascii() -> Symbols {
        Symbols {
            direct: "D",
            indirect: "I",
            ellipsis: "~",
            vertical: "|",
            horizontal: "-",
            cross: "+",
            more_left: "<",
            more_right: ">",
            more_up: "^",
            more_down: "v",
            warning: "!",
            dot: "-",
            border: border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            },
        }
    }
}
