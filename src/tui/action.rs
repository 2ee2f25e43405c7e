//! Everything a key (or the terminal) can ask the editor to do.

use crate::core::lock::EditLock;
use crate::core::model::Map;
use crate::core::stamp::FileStamp;
pub use crate::tui::export_job::ExportResult;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// One request to [`update`](crate::tui::update::update). Keys map to
/// actions through the [`keymap`](crate::tui::keymap); the variants at the
/// end come from the terminal or from carrying out an effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Select the stage to the left.
    StagePrev,
    /// Select the stage to the right.
    StageNext,
    /// Select the touchpoint above (or the stage header).
    RowPrev,
    /// Select the touchpoint below.
    RowNext,
    /// Select the stage header.
    RowFirst,
    /// Select the last touchpoint.
    RowLast,
    /// Move a screenful up.
    PageUp,
    /// Move a screenful down.
    PageDown,
    /// Add a touchpoint below the selection.
    AddTouchpoint,
    /// Add a stage after the current one.
    AddStage,
    /// Edit the selected touchpoint or stage.
    Edit,
    /// Edit the map's title, description and conversion.
    EditMap,
    /// Toggle direct/indirect.
    ToggleKind,
    /// Delete the selected touchpoint.
    DeleteTouchpoint,
    /// Delete the current stage.
    DeleteStage,
    /// Move the touchpoint to the previous stage.
    ShiftLeft,
    /// Move the touchpoint to the next stage.
    ShiftRight,
    /// Move the touchpoint up within its stage.
    ShiftUp,
    /// Move the touchpoint down within its stage.
    ShiftDown,
    /// Move the stage left.
    StageLeft,
    /// Move the stage right.
    StageRight,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Save the map.
    Save,
    /// Save the map to another file.
    SaveAs,
    /// Read the file again from disk (asks first when there are unsaved changes).
    Reload,
    /// Show the key bindings.
    Help,
    /// Quit, asking first when there are unsaved changes.
    Quit,

    /// Open the persona picker.
    Personas,
    /// Create a persona: name, then description.
    NewPersona,
    /// Show the current persona's previous path.
    PathPrev,
    /// Show the current persona's next path.
    PathNext,
    /// Add the selected touchpoint to the current path, or take it out.
    ToggleStep,
    /// Open the path panel: the current path's steps.
    PathPanel,
    /// Open the problems panel.
    Problems,
    /// In the problems panel: accept the selected warning for its item
    /// (its rule goes into the item's `allow` list).
    AllowWarning,
    /// Search touchpoints by name, channel or notes.
    Search,
    /// Go to the next search match.
    SearchNext,
    /// Go to the previous search match.
    SearchPrev,
    /// Export the map: format and file name asked.
    Export,
    /// Open the insight panel: attribution and removal effect per touchpoint.
    InsightPanel,
    /// In the insight panel: sort by the next column.
    SortNext,
    /// In the insight panel: sort by the previous column.
    SortPrev,
    /// In the insight panel: reverse the order.
    SortReverse,

    /// In a list: take the item under the cursor (make current, jump).
    Choose,
    /// In the persona picker: show no persona and close.
    ClearPersona,
    /// Close a panel, keeping what is current.
    Close,
    /// In a list: edit the item under the cursor.
    EditItem,
    /// In a list: delete the item under the cursor.
    DeleteItem,
    /// In a list: move the item under the cursor down.
    MoveItemDown,
    /// In a list: move the item under the cursor up.
    MoveItemUp,
    /// Raise the step's emotion by one.
    EmotionUp,
    /// Lower the step's emotion by one.
    EmotionDown,
    /// Create a path for the current persona.
    NewPath,
    /// Rename the current path or set its outcome.
    EditPath,
    /// Turn the current path's outcome: open, converted, dropped out.
    CycleOutcome,
    /// Delete the current path.
    DeletePath,

    /// Duplicate the selection: a touchpoint on the board, the path in the
    /// path panel.
    Duplicate,
    /// Show the selection's whole text full screen (`z`).
    ReadAll,

    /// Confirm a form.
    Submit,
    /// Close a form or dialog without changes.
    Cancel,
    /// Go to the next form field.
    NextField,
    /// Go to the previous form field.
    PrevField,
    /// Cursor one grapheme left (or the previous choice).
    CursorLeft,
    /// Cursor one grapheme right (or the next choice).
    CursorRight,
    /// Cursor up a line, or to the previous field.
    CursorUp,
    /// Cursor down a line, or to the next field.
    CursorDown,
    /// Cursor to the start of the line.
    LineStart,
    /// Cursor to the end of the line.
    LineEnd,
    /// Delete the grapheme before the cursor.
    DeleteBack,
    /// Delete the grapheme under the cursor.
    DeleteForward,
    /// Delete to the start of the line (a one-line field: all of it).
    DeleteToStart,
    /// Delete to the end of the line.
    DeleteToEnd,
    /// Delete the word before the cursor.
    DeleteWordBack,
    /// Delete the word after the cursor.
    DeleteWordForward,
    /// Cursor to the start of the previous word.
    WordLeft,
    /// Cursor past the end of the next word.
    WordRight,
    /// Start a new line in a notes field.
    Newline,
    /// Typed text.
    Insert(char),
    /// Pasted text (bracketed paste).
    Paste(String),

    /// An answer in a dialog.
    Answer(Answer),

    /// Open the selected map (picker).
    Open,
    /// Make a new map from a template (picker).
    NewMap,

    /// The terminal has a new size.
    Resize(u16, u16),
    /// A save finished.
    Saved(SaveResult),
    /// A reload finished.
    Reloaded(ReloadResult),
    /// Carrying out an effect failed; the message says why.
    Failed(String),
    /// A file was deleted as asked; nothing more to do.
    Deleted,
    /// An export finished: where it went, or why it failed.
    Exported(ExportResult),
    /// A picture began drawing in the background.
    Drawing(crate::tui::drawing::Drawing),
    /// Stop the picture being drawn.
    CancelDrawing,
    /// The figures of the insight panel, worked out in the background.
    InsightReady(crate::tui::insight::Reply),
    /// Suspend the editor (Ctrl-z): the shell's `fg` brings it back.
    Suspend,
    /// Time passed: the loop's idle tick, the end of one event, or what
    /// a look at the world found. No key asks for it.
    Time(Time),
}

/// What time brings to `update`: the loop says when, the effects of
/// [`crate::tui::effects::Watch`] look, and what they found comes back here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Time {
    /// No input came for a while; the clock's reading, taken by the loop
    /// so that `update` reads no clock.
    Tick(Instant),
    /// One event has been handled: hand unsaved work to the recovery writer.
    Settled,
    /// The file changed on disk since it was read or saved.
    DiskChanged,
    /// The recovery writer's health changed: why its last write failed, or
    /// `None` once one succeeded.
    Recovery(Option<String>),
    /// The recovery copy started afresh (a new document, or a new file name
    /// after "save as"); with a new name, the lock claimed on it.
    Rekept(Option<Result<Claimed, String>>),
}

/// The lock on a map file after "save as", and the process id of another
/// journey that has that file open.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub lock: Arc<EditLock>,
    pub other: Option<u32>,
}

impl PartialEq for Claimed {
    /// The same claim, not an equal one: a lock is a file this editor holds.
    fn eq(&self, other: &Claimed) -> bool {
        Arc::ptr_eq(&self.lock, &other.lock) && self.other == other.other
    }
}

impl Eq for Claimed {}

/// The answers a dialog can take. Each dialog lists the ones it offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    Save,
    Discard,
    Cancel,
    /// Restore recovered work, or reload the file from disk.
    Restore,
    /// Overwrite the file on disk.
    Overwrite,
    /// Save to another file.
    SaveAs,
}

/// How a save went, fed back into `update` by the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveResult {
    /// The file written (or not).
    pub path: PathBuf,
    /// The history state that was to be written.
    pub state: u64,
    pub outcome: SaveOutcome,
    /// Quit once saved (from the quit dialog).
    pub then_quit: bool,
}

/// What became of a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written; the file now looks like this.
    Written(FileStamp),
    /// The write failed; the message says why.
    Failed(String),
    /// Not written: the file changed on disk since it was read or saved.
    ChangedOnDisk,
    /// Not written: save-as would overwrite another file that exists.
    Exists,
    /// Not written: the file is read-only (no write permission bit).
    ReadOnly,
}

/// How a reload went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReloadResult {
    pub path: PathBuf,
    /// The map and its stamp, or why it could not be read.
    pub outcome: Result<(Map, FileStamp), String>,
    /// Where the unsaved changes were kept before the reload.
    pub kept: Option<PathBuf>,
}
