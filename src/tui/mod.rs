//! The terminal editor: a board of stage columns over one map.
//!
//! Input flows one way: a terminal event becomes an [`Action`] through the
//! [`keymap`], [`update`] changes the state and returns [`Effect`]s, the
//! loop carries those out, and the views draw the state without changing
//! it. [`run`] takes the backend and the event source as parameters, so
//! tests drive it with a `TestBackend` and a list of keys.

pub mod action;
pub mod app;
pub mod derived;
pub mod document;
pub mod form;
pub mod journey;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod picker;
pub mod recent;
pub mod terminal;
pub mod text;
pub mod textfield;
pub mod update;
pub mod view;

use crate::core::format::{load, to_string, write_atomic};
use action::{Action, SaveResult};
use app::{App, Settings};
use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use keymap::{Key, Keymap, Mode};
use picker::{Choice, Picker};
use ratatui::backend::Backend;
use ratatui::{Frame, Terminal};
use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use update::{Effect, update};

/// Whether the loop goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Exit,
}

/// What the loop needs from a screen: take an event, draw itself.
pub trait Screen {
    /// Handles one terminal event.
    fn handle(&mut self, event: Event) -> Flow;
    /// Draws the current state. Must not change it.
    fn draw(&self, frame: &mut Frame);
}

/// Runs a screen until it exits or the events end. The screen first learns
/// the terminal's size, then is drawn after every event.
pub fn run<B: Backend, S: Screen>(
    terminal: &mut Terminal<B>,
    events: &mut impl Iterator<Item = Event>,
    screen: &mut S,
) -> Result<Flow, B::Error> {
    let size = terminal.size()?;
    screen.handle(Event::Resize(size.width, size.height));
    terminal.draw(|f| screen.draw(f))?;
    while let Some(event) = events.next() {
        if screen.handle(event) == Flow::Exit {
            return Ok(Flow::Exit);
        }
        // While more input is already waiting (fast typing, key repeat over
        // a slow link), skip the frame: only the last state is worth
        // sending. The lower bound of `size_hint` says what is waiting.
        if events.size_hint().0 == 0 {
            terminal.draw(|f| screen.draw(f))?;
        }
    }
    Ok(Flow::Continue)
}

/// Turns a terminal event into an action for `mode`. In a form, a
/// character no binding claims is typed text, and a paste is pasted text.
pub fn action_for(keymap: &Keymap, mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let key = Key::from_event(k);
            if let Some(action) = keymap.lookup(mode, key) {
                return Some(action.clone());
            }
            match key.code {
                KeyCode::Char(c)
                    if mode == Mode::Form
                        && !key
                            .mods
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::Insert(c))
                }
                _ => None,
            }
        }
        Event::Paste(text) if mode == Mode::Form => Some(Action::Paste(text.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

impl Screen for App {
    fn handle(&mut self, event: Event) -> Flow {
        let Some(action) = action_for(&self.settings.keymap, self.mode(), &event) else {
            return Flow::Continue;
        };
        if matches!(event, Event::Key(_) | Event::Paste(_)) {
            self.message = None;
        }
        let mut effects: VecDeque<Effect> = update(self, action).into();
        while let Some(effect) = effects.pop_front() {
            match perform(effect) {
                None => return Flow::Exit,
                Some(result) => effects.extend(update(self, result)),
            }
        }
        Flow::Continue
    }

    fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        frame.render_widget(self, area);
        if let Some(pos) = view::cursor(self, area) {
            frame.set_cursor_position(pos);
        }
    }
}

/// Carries out an effect: `None` means quit, otherwise the action that
/// reports how it went.
pub fn perform(effect: Effect) -> Option<Action> {
    match effect {
        Effect::Quit => None,
        Effect::Export(job) => Some(Action::Exported(job.run())),
        Effect::Save {
            path,
            text,
            state,
            then_quit,
        } => {
            let error = write_atomic(&path, text.as_bytes())
                .err()
                .map(|e| e.to_string());
            Some(Action::Saved(SaveResult {
                path,
                state,
                error,
                then_quit,
            }))
        }
    }
}

impl Screen for Picker {
    fn handle(&mut self, event: Event) -> Flow {
        let Some(action) = action_for(&self.settings.keymap, self.mode(), &event) else {
            return Flow::Continue;
        };
        if matches!(event, Event::Key(_)) {
            self.message = None;
        }
        self.update(action);
        if self.done.is_some() {
            Flow::Exit
        } else {
            Flow::Continue
        }
    }

    fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        frame.render_widget(self, area);
        if let Some(form) = &self.form
            && let Some(pos) = view::form::cursor(form, area, self.settings.ascii)
        {
            frame.set_cursor_position(pos);
        }
    }
}

/// Terminal events, read until the terminal fails or the process is told
/// to stop (SIGHUP when an SSH connection drops, SIGTERM); either is kept.
#[derive(Debug)]
pub struct TerminalEvents {
    pub error: Option<io::Error>,
    stop: Arc<AtomicBool>,
}

impl TerminalEvents {
    /// Reads the real terminal, watching for SIGHUP and SIGTERM. Where the
    /// signals cannot be watched, they keep their default effect.
    pub fn new() -> TerminalEvents {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
            let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
        }
        TerminalEvents { error: None, stop }
    }

    /// Whether the input ended because of a signal or a terminal failure,
    /// not because the user quit.
    pub fn interrupted(&self) -> bool {
        self.error.is_some() || self.stop.load(Ordering::Relaxed)
    }
}

impl Default for TerminalEvents {
    fn default() -> TerminalEvents {
        TerminalEvents::new()
    }
}

impl Iterator for TerminalEvents {
    type Item = Event;

    /// At least one more event when input is waiting right now, so that
    /// `run` can skip frames that would be overdrawn at once.
    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.stop.load(Ordering::Relaxed) {
            return (0, Some(0));
        }
        let waiting = match terminal::wait_input(0) {
            terminal::Input::Ready => true,
            // `next` reports the hang-up; crossterm must not read now.
            terminal::Input::HungUp => false,
            // No bytes, but crossterm may hold events it already parsed.
            terminal::Input::Idle => crossterm::event::poll(Duration::ZERO).unwrap_or(false),
        };
        (usize::from(waiting), None)
    }

    fn next(&mut self) -> Option<Event> {
        let hung_up = |this: &mut TerminalEvents| {
            this.error = Some(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the terminal hung up",
            ));
            None
        };
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return None;
            }
            // Ask the OS before crossterm reads: on a hung-up terminal its
            // reader loops for ever. Events crossterm already parsed come
            // first, without waiting.
            if terminal::wait_input(0) == terminal::Input::HungUp {
                return hung_up(self);
            }
            match crossterm::event::poll(Duration::ZERO) {
                Ok(true) => {
                    return match crossterm::event::read() {
                        Ok(event) => Some(event),
                        Err(e) => {
                            self.error = Some(e);
                            None
                        }
                    };
                }
                Ok(false) => {}
                Err(e) => {
                    self.error = Some(e);
                    return None;
                }
            }
            // Wait in slices, so a signal is noticed while no key comes.
            if terminal::wait_input(200) == terminal::Input::HungUp {
                return hung_up(self);
            }
        }
    }
}

/// Where unsaved work goes when the editor is cut off: beside the map, as
/// `NAME.recovered.ron`, so the map itself is never overwritten unasked.
pub fn recovery_path(path: &std::path::Path) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "map".into());
    path.with_file_name(format!("{stem}.recovered.ron"))
}

/// Runs the editor in the real terminal: on `app`, or when there is none,
/// first the picker. Restores the terminal however it ends.
pub fn start(app: Option<App>, settings: Settings) -> io::Result<()> {
    let (mut terminal, _guard) = terminal::setup()?;
    let mut events = TerminalEvents::new();
    let mut app = match app {
        Some(app) => app,
        None => match pick(&mut terminal, &mut events, settings)? {
            Some(app) => app,
            None => return events.error.map_or(Ok(()), Err),
        },
    };
    if app.doc.path.exists()
        && let Some(list) = recent::list_file()
        && let Err(e) = recent::remember(&list, &app.doc.path)
    {
        app.error(format!("could not update the recent-files list: {e}"));
    }
    let result = run(&mut terminal, &mut events, &mut app);
    if (result.is_err() || events.interrupted()) && app.doc.is_dirty() {
        // The connection dropped or the terminal failed with changes that
        // are not on disk: keep them, so a dropped SSH session costs nothing.
        let recovery = recovery_path(&app.doc.path);
        if write_atomic(&recovery, to_string(app.doc.map()).as_bytes()).is_ok() {
            eprintln!(
                "journey: unsaved changes were written to {}",
                crate::core::text::printable(&recovery.display().to_string())
            );
        }
    }
    result?;
    events.error.map_or(Ok(()), Err)
}

/// Runs the picker until a map opens (or is created) or the user quits.
fn pick(
    terminal: &mut terminal::Tty,
    events: &mut TerminalEvents,
    settings: Settings,
) -> io::Result<Option<App>> {
    let (recent, warning) = match recent::list_file() {
        Some(list) => recent::load(&list),
        None => (Vec::new(), None),
    };
    let here = std::env::current_dir()?;
    let entries = picker::discover(&here, &recent);
    let mut picker = Picker::new(entries, warning, settings.clone());
    loop {
        run(terminal, events, &mut picker)?;
        let Some(Some(choice)) = picker.done.take() else {
            return Ok(None);
        };
        match choice {
            Choice::Open(path) => match load(&path) {
                Ok(loaded) => return Ok(Some(App::open(loaded.map, path, settings))),
                Err(e) => picker.error(e.to_string()),
            },
            Choice::Create(path, template) => {
                let map = template.instantiate(None);
                match create_new(&path, &to_string(&map)) {
                    Ok(()) => return Ok(Some(App::open(map, path, settings))),
                    Err(e) => picker.error(format!("cannot create {}: {e}", path.display())),
                }
            }
        }
    }
}

/// Writes a new file; never overwrites one.
fn create_new(path: &std::path::Path, text: &str) -> io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}
