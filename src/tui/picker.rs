//! The picker that `journey` with no file opens: the maps in `./maps` and
//! the current folder, then the recently opened ones.

use crate::core::templates::Template;
use crate::tui::action::Action;
use crate::tui::app::{Message, Settings};
use crate::tui::form::{Field, Form, FormOutcome};
use crate::tui::keymap::Mode;
use std::path::{Path, PathBuf};

/// A map the picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    /// Listed because it was opened before, not because it is here.
    pub recent: bool,
    /// The map's title, from a quick look at the file's head; may be empty.
    pub title: String,
}

/// The title from the first few kilobytes of a map file, without parsing
/// the whole file: the picker must stay quick with large maps. Escapes are
/// left as written; this is only a label.
pub fn peek_title(path: &Path) -> String {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(8192).read_to_end(&mut head));
    if read.is_err() {
        return String::new();
    }
    let text = String::from_utf8_lossy(&head);
    text.lines()
        .find_map(|l| l.trim_start().strip_prefix("title: \""))
        .and_then(|rest| rest.rfind("\",").map(|end| rest[..end].to_string()))
        .unwrap_or_default()
}

/// What the user picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Open this map.
    Open(PathBuf),
    /// Create this file from a template in a language, with a title if
    /// one was typed, then open it.
    Create(
        PathBuf,
        Template,
        crate::core::model::Language,
        Option<String>,
    ),
}

/// The picker's state.
#[derive(Debug, Clone)]
pub struct Picker {
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// The new-map form, when open.
    pub form: Option<Form<()>>,
    /// The help's scroll position, when open.
    pub help: Option<usize>,
    pub message: Option<Message>,
    pub settings: Settings,
    /// Set when the user has chosen, or quit (`Some(None)`).
    pub done: Option<Option<Choice>>,
    /// The terminal size as last reported.
    pub size: (u16, u16),
}

/// Lists `*.ron` in `dir/maps` and `dir`, sorted, then the `recent` files
/// that still exist and are not listed already.
pub fn discover(dir: &Path, recent: &[PathBuf]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for folder in [dir.join("maps"), dir.to_path_buf()] {
        let Ok(read) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut found: Vec<PathBuf> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ron"))
            .map(|p| p.strip_prefix(dir).map(Path::to_path_buf).unwrap_or(p))
            .collect();
        found.sort();
        entries.extend(found.into_iter().map(|path| Entry {
            title: peek_title(&dir.join(&path)),
            path,
            recent: false,
        }));
    }
    let here: Vec<PathBuf> = entries
        .iter()
        .filter_map(|e| std::fs::canonicalize(dir.join(&e.path)).ok())
        .collect();
    for path in recent {
        if path.is_file() && !here.contains(path) {
            entries.push(Entry {
                title: peek_title(path),
                path: path.clone(),
                recent: true,
            });
        }
    }
    entries
}

impl Picker {
    /// A picker over `entries`, showing `warning` if there is one.
    pub fn new(entries: Vec<Entry>, warning: Option<String>, settings: Settings) -> Picker {
        Picker {
            entries,
            selected: 0,
            form: None,
            help: None,
            message: warning.map(|text| Message { text, error: true }),
            settings,
            done: None,
            size: (0, 0),
        }
    }

    /// Which key table applies now.
    pub fn mode(&self) -> Mode {
        if self.form.is_some() {
            Mode::Form
        } else if self.help.is_some() {
            Mode::Help
        } else {
            Mode::Picker
        }
    }

    /// Changes the state for one action.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            return;
        }
        if let Some(mut form) = self.form.take() {
            match form.handle(&action) {
                FormOutcome::Open => self.form = Some(form),
                FormOutcome::Cancel => {}
                FormOutcome::Submit => self.submit(form),
            }
            return;
        }
        if let Some(scroll) = self.help {
            let (w, h) = self.size;
            let rows = crate::tui::view::help::line_count(
                &self.settings.keymap,
                w,
                Mode::Picker,
                &crate::tui::conditions::Facts::ALL,
            );
            let last = rows.saturating_sub(usize::from(h.saturating_sub(2)).max(1));
            let page = usize::from(h.saturating_sub(2)).max(1);
            self.help = match action {
                Action::Cancel => None,
                Action::RowNext => Some((scroll + 1).min(last)),
                Action::PageDown => Some((scroll + page).min(last)),
                Action::RowPrev => Some(scroll.saturating_sub(1)),
                Action::PageUp => Some(scroll.saturating_sub(page)),
                _ => Some(scroll),
            };
            return;
        }
        match action {
            Action::RowNext => {
                self.selected = (self.selected + 1).min(self.entries.len().saturating_sub(1))
            }
            Action::RowPrev => self.selected = self.selected.saturating_sub(1),
            // A page is the list's rows: the screen less the heading, the
            // message and the hints (as the view lays them out).
            Action::PageDown => {
                let page = usize::from(self.size.1.saturating_sub(4)).max(1);
                self.selected = (self.selected + page).min(self.entries.len().saturating_sub(1))
            }
            Action::PageUp => {
                let page = usize::from(self.size.1.saturating_sub(4)).max(1);
                self.selected = self.selected.saturating_sub(page)
            }
            Action::Open => match self.entries.get(self.selected) {
                Some(e) => self.done = Some(Some(Choice::Open(e.path.clone()))),
                None => self.error("no map to open: n makes a new one"),
            },
            Action::NewMap => {
                let default = if self.entries.iter().any(|e| e.path.starts_with("maps")) {
                    "maps/new-map.ron"
                } else {
                    "new-map.ron"
                };
                self.form = Some(
                    Form::new(
                        "New map",
                        (),
                        vec![
                            Field::line("File", default),
                            Field::choice_of("Template", self.settings.template),
                            // As the missing-file route asks: blank keeps the
                            // template's own title.
                            Field::line("Title", ""),
                            Field::choice_of("Language", self.settings.language),
                        ],
                    )
                    // The suggested file name is replaced by typing.
                    .selecting(|_| true),
                );
            }
            Action::Help => self.help = Some(0),
            Action::Quit => self.done = Some(None),
            Action::Suspend => {
                if let Err(e) = crate::tui::terminal::suspend() {
                    self.error(format!("cannot take the terminal back: {e}"));
                }
            }
            _ => {}
        }
    }

    fn submit(&mut self, mut form: Form<()>) {
        let name = form.text("File").trim().to_string();
        if name.is_empty() {
            form.error = Some("a file name is required: type one, or Esc to cancel".into());
            self.form = Some(form);
            return;
        }
        let mut path = PathBuf::from(name);
        if path.extension().is_none_or(|e| e != "ron") {
            path.as_mut_os_string().push(".ron");
        }
        let template = form.chosen("Template");
        let title = Some(form.text("Title").trim().to_string()).filter(|t| !t.is_empty());
        let language = form.chosen("Language");
        self.done = Some(Some(Choice::Create(path, template, language, title)));
    }

    /// Shows an error under the list.
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }
}
