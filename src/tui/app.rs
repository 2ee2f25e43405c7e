//! The editor's state, split by concern: the document with its history,
//! the view (selection and scrolling), the stack of layers over the board
//! (panels, forms, questions, the help), the last message, and settings that
//! do not change.

use crate::core::edit::persona::PathRef;
use crate::core::model::{Map, TouchpointPos};
use crate::tui::action::{Action, Answer};
use crate::tui::current::Current;
use crate::tui::derived::Derived;
use crate::tui::document::Document;
use crate::tui::form::Form;
use crate::tui::keymap::{Keymap, Mode};
use crate::tui::layout;
use crate::tui::theme::{Symbols, Theme};
use ratatui::layout::Rect;
use std::path::PathBuf;
use std::time::Instant;

/// Everything the board editor knows.
#[derive(Debug, Clone)]
pub struct App {
    pub doc: Document,
    pub view: ViewState,
    /// The layers over the board, bottom first: the top one takes the keys,
    /// and closing it shows the one it was opened from. See
    /// [`App::push_layer`] and its neighbours.
    layers: Vec<Overlay>,
    pub message: Option<Message>,
    pub settings: Settings,
    pub session: Session,
    /// The persona and path the board shows.
    pub current: Current,
    /// The search query; empty when nothing is searched.
    pub search: String,
    /// The search hit `n` last went to, among [`crate::tui::search::hits`].
    pub search_at: Option<usize>,
    /// Facts worked out in `update` so that drawing stays cheap.
    pub derived: Derived,
    /// The insight panel's figures, worked out in the background.
    pub insight: crate::tui::insight::Insight,
}

/// The editor's ties to the world outside the map: the recovery writer and
/// what is known of the file on disk. Empty in tests that drive `update`.
#[derive(Debug, Clone, Default)]
pub struct Session {
    /// Keeps unsaved work in a recovery file; `None` where there is no
    /// platform folder for it (or in tests).
    pub keeper: Option<crate::recovery::Keeper>,
    /// The history state (and whether it was unsaved) last handed to the
    /// recovery keeper, so it hears of each change, and each save, once.
    pub kept_state: Option<(u64, bool)>,
    /// Whether this session wrote unsaved work to the recovery file, which
    /// a save or a clean quit then deletes. A recovery left by an earlier
    /// session is only deleted when the user says so.
    pub kept_dirty: bool,
    /// The file changed on disk since it was read or saved.
    pub disk_changed: bool,
    /// When the file on disk was last looked at.
    pub last_disk_check: Option<Instant>,
    /// This editor's claim on the file; the lock file goes when it drops.
    pub lock: Option<std::sync::Arc<crate::core::lock::EditLock>>,
    /// Why the last recovery write failed, shown in the status bar until
    /// one succeeds: unsaved work is not safe from a dropped connection.
    pub unprotected: Option<String>,
    /// The picture being drawn in the background, if any.
    pub drawing: Option<crate::tui::drawing::Drawing>,
    /// A line for the shell once the terminal is restored, such as "no
    /// file was created" when the new-map dialog is cancelled.
    pub parting: Option<String>,
    /// The files this editor's exports wrote: writing one again asks
    /// nothing, where any other file that is there is asked about first.
    pub exported: Vec<PathBuf>,
}

/// How the editor draws and which keys it takes. Set at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Draw ASCII only.
    pub ascii: bool,
    pub theme: Theme,
    pub symbols: Symbols,
    pub keymap: Keymap,
    /// The template new maps start from (the config's `template`).
    pub template: crate::core::templates::Template,
    /// The language of new maps (the config's `language`).
    pub language: crate::core::model::Language,
    /// What was wrong with the config file, shown once at start.
    pub notice: Option<String>,
}

impl Settings {
    /// Settings for ASCII or Unicode drawing, in colour or monochrome.
    pub fn new(ascii: bool, color: bool) -> Settings {
        Settings {
            ascii,
            theme: if color { Theme::color() } else { Theme::mono() },
            symbols: if ascii {
                Symbols::ascii()
            } else {
                Symbols::unicode()
            },
            keymap: Keymap::default(),
            template: crate::core::templates::Template::default(),
            language: crate::core::model::Language::default(),
            notice: None,
        }
    }
}

/// The selection and the scroll position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The current stage.
    pub stage: usize,
    /// The selected touchpoint in that stage; `None` selects the stage
    /// itself (its header).
    pub row: Option<usize>,
    /// The leftmost stage on screen.
    pub first_stage: usize,
    /// The first touchpoint row on screen, shared by all columns so that
    /// moving between stages does not redraw whole columns.
    pub first_row: usize,
    /// The terminal size as last reported.
    pub size: (u16, u16),
    /// Whether the path strip (breadcrumb and curve) is under the board.
    pub strip: bool,
    /// The format last exported to, as a position in the export prompt's
    /// list, so that exporting again starts from it.
    pub export_format: usize,
}

impl ViewState {
    /// The selected touchpoint's position, if a touchpoint is selected.
    pub fn touchpoint(&self) -> Option<TouchpointPos> {
        self.row.map(|index| TouchpointPos {
            stage: self.stage,
            index,
        })
    }

    /// Puts the selection back on the map after a change, and scrolls so
    /// that it is on screen.
    pub fn settle(&mut self, map: &Map) {
        let stages = map.stages.len();
        self.stage = self.stage.min(stages.saturating_sub(1));
        let len = map
            .stages
            .get(self.stage)
            .map_or(0, |s| s.touchpoints.len());
        self.row = match self.row {
            Some(_) if len == 0 => None,
            Some(r) => Some(r.min(len - 1)),
            None => None,
        };
        let screen = Rect::new(0, 0, self.size.0, self.size.1);
        let board = layout::areas_with_strip(screen, self.strip).board;
        let count = layout::visible_columns(board.width, stages).max(1);
        if self.stage < self.first_stage {
            self.first_stage = self.stage;
        } else if self.stage >= self.first_stage + count {
            self.first_stage = self.stage + 1 - count;
        }
        self.first_stage = self.first_stage.min(stages.saturating_sub(count));
        let body = layout::body_height(board).max(1);
        let row = self.row.unwrap_or(0);
        if row < self.first_row {
            self.first_row = row;
        } else if row >= self.first_row + body {
            self.first_row = row + 1 - body;
        }
    }
}

/// What is on top of the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Form(Form<FormPurpose>),
    Confirm(Confirm),
    Help {
        scroll: usize,
    },
    /// The persona picker, with its cursor.
    Personas {
        cursor: usize,
    },
    /// The current path's steps; the cursor is [`Current::step`].
    Path,
    /// Every validation finding, with a cursor.
    Problems {
        cursor: usize,
    },
    /// The insight table, with a cursor on a row in the panel's order.
    Insight {
        cursor: usize,
    },
    /// `z`: the selection's whole text, full screen. Over the path panel
    /// it reads the panel's step (see [`App::reader_on_path`]).
    Reader {
        scroll: usize,
    },
}

impl Overlay {
    /// The key table of a layer; `None` (nothing open) is the board's.
    pub fn mode_of(layer: Option<&Overlay>) -> Mode {
        match layer {
            None => Mode::Board,
            Some(Overlay::Form(_)) => Mode::Form,
            Some(Overlay::Confirm(_)) => Mode::Confirm,
            Some(Overlay::Help { .. } | Overlay::Reader { .. }) => Mode::Help,
            Some(Overlay::Personas { .. }) => Mode::Personas,
            Some(Overlay::Path) => Mode::Path,
            Some(Overlay::Problems { .. }) => Mode::Problems,
            Some(Overlay::Insight { .. }) => Mode::Insight,
        }
    }

    /// Whether the layer covers the whole screen, so that those under it
    /// need not be drawn.
    pub fn full_screen(&self) -> bool {
        matches!(self, Overlay::Help { .. } | Overlay::Reader { .. })
    }
}

/// What a board form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    AddTouchpoint(TouchpointPos),
    AddStage(usize),
    EditTouchpoint(TouchpointPos),
    EditStage(usize),
    /// The map's title, description and conversion.
    EditMap,
    /// The file did not exist: pick a template to start it from.
    CreateFile,
    /// A new persona: name and description.
    NewPersona,
    /// Rename or describe a persona.
    EditPersona(usize),
    /// A new path for a persona.
    NewPath(usize),
    /// Rename a path or set its outcome.
    EditPath(PathRef),
    /// A step's emotion and note.
    EditStep(PathRef, usize),
    /// A copy of a path, for the persona and under the name chosen.
    CopyPath(PathRef),
    /// The search query.
    Search,
    /// Export: format, scope and file name.
    Export,
    /// Save the map to another file.
    SaveAs {
        then_quit: bool,
    },
}

/// A question with a few answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub title: String,
    pub lines: Vec<String>,
    /// The answers offered, with what each does. Cancel always works.
    pub options: Vec<(Answer, &'static str)>,
    pub purpose: ConfirmPurpose,
}

/// What a question decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmPurpose {
    DeleteTouchpoint(TouchpointPos),
    DeleteStage(usize),
    DeletePersona(usize),
    DeletePath(PathRef),
    Quit,
    /// A save found the file changed on disk: overwrite, reload or save as.
    ChangedOnDisk {
        then_quit: bool,
    },
    /// A save found its file read-only.
    ReadOnly {
        path: PathBuf,
        then_quit: bool,
    },
    /// Save-as found another file at the chosen path.
    OverwriteOther {
        path: PathBuf,
        then_quit: bool,
    },
    /// Reload from disk, dropping unsaved changes (they are kept aside).
    Reload,
    /// An export's file name is taken by a file this editor did not
    /// write: overwrite it, or back to the prompt.
    OverwriteExport(Box<Form<FormPurpose>>),
    /// A recovery file from an earlier session: restore or discard it.
    Restore(Box<crate::core::recovery::Recovery>),
}

/// A one-line note in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

impl App {
    /// An editor on a map that is on disk as it is. The file there now is
    /// stamped, so a later change on disk is noticed before a save.
    pub fn open(map: Map, path: PathBuf, settings: Settings) -> App {
        let stamp = crate::core::stamp::FileStamp::read(&path);
        let mut app = App::with_document(Document::saved(map, path), settings);
        app.doc.stamp = stamp;
        app
    }

    /// An editor on a map just read from disk, stamped so that a change on
    /// disk is noticed before a save overwrites it.
    pub fn open_loaded(
        loaded: crate::core::format::Loaded,
        path: PathBuf,
        settings: Settings,
    ) -> App {
        // Stamped from the bytes already read: the file is not read twice.
        let stamp = crate::core::stamp::FileStamp::of_bytes(&path, loaded.text.as_bytes());
        // The text goes before validation builds its tables, which keeps
        // the peak of a large file's start lower.
        let crate::core::format::Loaded { map, text } = loaded;
        drop(text);
        let mut app = App::with_document(Document::saved(map, path), settings);
        app.doc.stamp = Some(stamp);
        app
    }

    /// An editor on `doc`, with the selection on its first touchpoint.
    pub(crate) fn with_document(doc: Document, settings: Settings) -> App {
        let mut view = ViewState::default();
        let has_first = doc
            .map()
            .stages
            .first()
            .is_some_and(|s| !s.touchpoints.is_empty());
        view.row = has_first.then_some(0);
        let mut app = App {
            doc,
            view,
            layers: Vec::new(),
            message: None,
            settings,
            session: Session::default(),
            current: Current::default(),
            search: String::new(),
            search_at: None,
            derived: Derived::default(),
            insight: Default::default(),
        };
        app.insight.start(&app.doc);
        app.refresh();
        app
    }

    /// Brings the precomputed facts up to date after a change.
    pub fn refresh(&mut self) {
        self.current.settle(self.doc.map());
        self.view.strip = self.current.persona.is_some();
        self.derived.refresh(&self.doc, &self.current, &self.search);
        self.insight.follow(&self.doc);
    }

    /// Which key table applies now: the top layer's.
    pub fn mode(&self) -> Mode {
        Overlay::mode_of(self.overlay())
    }

    /// The top layer, the one that takes the keys; `None` on the board.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.layers.last()
    }

    /// The top layer, to change in place.
    pub fn overlay_mut(&mut self) -> Option<&mut Overlay> {
        self.layers.last_mut()
    }

    /// Every open layer, bottom first.
    pub fn layers(&self) -> &[Overlay] {
        &self.layers
    }

    /// Every open layer, to change in place (figures that arrive for a
    /// panel under the help, say).
    pub fn layers_mut(&mut self) -> &mut [Overlay] {
        &mut self.layers
    }

    /// Opens `layer` over what is open; closing it comes back here.
    pub fn push_layer(&mut self, layer: Overlay) {
        self.layers.push(layer);
    }

    /// Closes the top layer and hands it over; the one under it (or the
    /// board) takes the keys again.
    pub fn pop_layer(&mut self) -> Option<Overlay> {
        self.layers.pop()
    }

    /// Puts `layer` in the top one's place (on the board: opens it), for a
    /// panel that leads on to another instead of back.
    pub fn replace_layer(&mut self, layer: Overlay) {
        self.layers.pop();
        self.layers.push(layer);
    }

    /// Whether a reader at layer `at` reads the path panel's step: it was
    /// opened over the path panel.
    pub fn reader_on_path(&self, at: usize) -> bool {
        at.checked_sub(1)
            .and_then(|below| self.layers.get(below))
            .is_some_and(|l| *l == Overlay::Path)
    }

    /// Whether `action` applies now in the current mode, for the hint bar,
    /// by the conditions in [`crate::tui::conditions`].
    pub fn offers(&self, action: &Action) -> bool {
        crate::tui::conditions::applies(self.mode(), action, &self.facts())
    }

    /// The facts the bindings' conditions look at. The form's facts are
    /// those of the open form; with none open, every form key applies (as
    /// the help lists them).
    pub fn facts(&self) -> crate::tui::conditions::Facts {
        let form = match self.overlay() {
            Some(Overlay::Form(form)) => Some(form.facts()),
            _ => None,
        };
        crate::tui::conditions::Facts {
            touchpoint_selected: self.view.touchpoint().is_some(),
            persona_chosen: self.current.persona.is_some(),
            path_has_steps: self
                .derived
                .path
                .as_ref()
                .is_some_and(|p| !p.crumbs.is_empty()),
            drawing: self.session.drawing.is_some(),
            searching: !self.search.is_empty(),
            several_fields: form.is_none_or(|f| f.0),
            multiline_field: form.is_none_or(|f| f.1),
        }
    }

    /// Shows a note in the status bar.
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// Shows an error in the status bar.
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }
}
