//! The terminal editor: a board of stage columns over one map.
//!
//! Input flows one way: a terminal event becomes an [`Action`] through the
//! [`keymap`], [`update`] changes the state and returns [`Effect`]s, the
//! loop carries those out, and the views draw the state without changing
//! it. Time takes the same road: the idle tick and the end of each event
//! are [`Action::Time`], and what they look at or hand to the recovery
//! writer are effects ([`effects::Watch`]). [`run`] takes the backend and
//! the event source as parameters, so tests drive it with a `TestBackend`
//! and a list of keys, and [`effects_for`] shows what an event would do.

pub mod action;
pub mod action_names;
pub mod app;
pub mod choice;
pub mod conditions;
pub mod current;
pub mod derived;
pub mod document;
pub mod drawing;
pub mod effects;
pub mod export_job;
pub mod first_frame;
pub mod form;
pub mod insight;
pub mod item_words;
pub mod keymap;
pub mod keymap_user;
pub mod keyname;
pub mod keys;
pub mod launch;
pub mod layout;
pub mod picker;
pub mod reader;
pub mod recent;
pub mod recovery;
pub mod search;
pub mod settings;
pub mod template_text;
pub mod terminal;
pub mod text;
pub mod textfield;
pub mod theme;
pub mod update;
pub mod view;

use crate::core::format::{load, to_string};
use action::{Action, Time};
use app::{App, Settings};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use keymap::{Key, Keymap, Mode};
use picker::{Choice, Picker};
use ratatui::backend::Backend;
use ratatui::{Frame, Terminal};
use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};
use update::{Effect, update};

/// Whether the loop goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Exit,
}

/// What the loop reads: a terminal event, or a tick while none comes, so
/// that a screen can notice the world change (a file on disk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Event(Event),
    Tick,
}

impl From<Event> for Input {
    fn from(event: Event) -> Input {
        Input::Event(event)
    }
}

/// What the loop needs from a screen: take an event, draw itself.
pub trait Screen {
    /// Handles one terminal event.
    fn handle(&mut self, event: Event) -> Flow;
    /// Draws the current state. Must not change it.
    fn draw(&self, frame: &mut Frame);
    /// Looks at the world while no input comes; true when a redraw is due.
    fn tick(&mut self) -> bool {
        false
    }
    /// Whether the screen, as it is now, reads `key` as it stands: true for
    /// bound keys and for anything typed into a form. See [`split_alt`].
    fn reads(&self, _key: Key) -> bool {
        true
    }
}

/// Over a slow link, an Esc and the key after it can arrive in one read,
/// and the terminal parser then reports them as Alt plus that key. Where
/// the screen does not read that Alt key, the event is taken for the two
/// keys it most likely was: Esc, then the key without Alt.
pub fn split_alt(event: Event, reads: impl Fn(Key) -> bool) -> [Option<Event>; 2] {
    if let Event::Key(k) = &event
        && k.modifiers.contains(KeyModifiers::ALT)
        && !reads(Key::from_event(k))
    {
        let mut plain = *k;
        plain.modifiers.remove(KeyModifiers::ALT);
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        return [Some(Event::Key(esc)), Some(Event::Key(plain))];
    }
    [Some(event), None]
}

/// Runs a screen until it exits or the events end. The screen first learns
/// the terminal's size, then is drawn after every event.
pub fn run<B: Backend, S: Screen, I: Into<Input>>(
    terminal: &mut Terminal<B>,
    events: &mut impl Iterator<Item = I>,
    screen: &mut S,
) -> Result<Flow, B::Error> {
    let size = terminal.size()?;
    screen.handle(Event::Resize(size.width, size.height));
    terminal.draw(|f| screen.draw(f))?;
    while let Some(input) = events.next() {
        match input.into() {
            Input::Event(event) => {
                for event in split_alt(event, |key| screen.reads(key))
                    .into_iter()
                    .flatten()
                {
                    if screen.handle(event) == Flow::Exit {
                        return Ok(Flow::Exit);
                    }
                }
            }
            Input::Tick => {
                if !screen.tick() {
                    continue;
                }
            }
        }
        // While more input is already waiting (fast typing, key repeat over
        // a slow link), skip the frame: only the last state is worth
        // sending. The lower bound of `size_hint` says what is waiting.
        if events.size_hint().0 == 0 {
            if terminal::take_redraw() {
                terminal.clear()?;
            }
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

/// Runs `update` for one terminal event as the editor does, and returns the
/// effects it asks for without carrying them out: the loop carries them
/// out, tests look at them.
pub fn effects_for(app: &mut App, event: &Event) -> Vec<Effect> {
    let Some(action) = action_for(&app.settings.keymap, app.mode(), event) else {
        return Vec::new();
    };
    if matches!(event, Event::Key(_) | Event::Paste(_)) {
        app.message = None;
    }
    update(app, action)
}

impl App {
    /// Carries out effects, each result going back through `update` and
    /// its effects after the rest; `true` with the flow when any effect
    /// reported something (a redraw is due).
    fn carry_out(&mut self, effects: Vec<Effect>) -> (Flow, bool) {
        let mut effects: VecDeque<Effect> = effects.into();
        let mut reported = false;
        while let Some(effect) = effects.pop_front() {
            match effects::perform(effect, self) {
                effects::Done::Quit => {
                    // No drawing outlives the editor.
                    if let Some(drawing) = &self.session.drawing {
                        drawing.stop(Duration::from_secs(2));
                    }
                    return (Flow::Exit, true);
                }
                effects::Done::Report(result) => {
                    reported = true;
                    effects.extend(update(self, result));
                }
                effects::Done::Quiet => {}
            }
        }
        (Flow::Continue, reported)
    }
}

impl Screen for App {
    fn handle(&mut self, event: Event) -> Flow {
        let effects = effects_for(self, &event);
        if self.carry_out(effects).0 == Flow::Exit {
            return Flow::Exit;
        }
        // After every event, the recovery copy follows the work.
        let effects = update(self, Action::Time(Time::Settled));
        self.carry_out(effects).0
    }

    fn tick(&mut self) -> bool {
        let effects = update(self, Action::Time(Time::Tick(Instant::now())));
        self.carry_out(effects).1
    }

    fn reads(&self, key: Key) -> bool {
        let mode = self.mode();
        mode == Mode::Form || self.settings.keymap.lookup(mode, key).is_some()
    }

    fn draw(&self, frame: &mut Frame) {
        if let Some(pos) = self.paint(frame.buffer_mut()) {
            frame.set_cursor_position(pos);
        }
    }
}

impl App {
    /// Draws the editor over the whole of `buf`, and gives where the
    /// cursor shows, if anywhere.
    fn paint(&self, buf: &mut ratatui::buffer::Buffer) -> Option<ratatui::layout::Position> {
        let area = buf.area;
        ratatui::widgets::Widget::render(self, area, buf);
        view::cursor(self, area)
    }
}

impl Screen for Picker {
    fn reads(&self, key: Key) -> bool {
        let mode = self.mode();
        mode == Mode::Form || self.settings.keymap.lookup(mode, key).is_some()
    }

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

/// Terminal events, read until the terminal fails or hangs up; the error is
/// kept. Signals (SIGHUP, SIGTERM) are handled apart, on a thread of their
/// own (see [`crate::recovery`]), since this one may be stuck in a read.
#[derive(Debug, Default)]
pub struct TerminalEvents {
    pub error: Option<io::Error>,
}

impl TerminalEvents {
    /// Reads the real terminal.
    pub fn new() -> TerminalEvents {
        TerminalEvents::default()
    }

    /// Whether the input ended because the terminal failed or hung up, not
    /// because the user quit.
    pub fn interrupted(&self) -> bool {
        self.error.is_some()
    }
}

impl Iterator for TerminalEvents {
    type Item = Input;

    /// At least one more event when input is waiting right now, so that
    /// `run` can skip frames that would be overdrawn at once.
    fn size_hint(&self) -> (usize, Option<usize>) {
        let waiting = match terminal::wait_input(0) {
            terminal::Input::Ready => true,
            // `next` reports the hang-up; crossterm must not read now.
            terminal::Input::HungUp => false,
            // No bytes, but crossterm may hold events it already parsed.
            terminal::Input::Idle => crossterm::event::poll(Duration::ZERO).unwrap_or(false),
        };
        (usize::from(waiting), None)
    }

    fn next(&mut self) -> Option<Input> {
        let hung_up = |this: &mut TerminalEvents| {
            this.error = Some(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the terminal hung up",
            ));
            None
        };
        loop {
            // Ask the OS before crossterm reads: on a hung-up terminal its
            // reader loops for ever. Events crossterm already parsed come
            // first, without waiting.
            if terminal::wait_input(0) == terminal::Input::HungUp {
                return hung_up(self);
            }
            match crossterm::event::poll(Duration::ZERO) {
                Ok(true) => {
                    return match crossterm::event::read() {
                        Ok(event) => Some(Input::Event(event)),
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
            // Wait in slices, so a signal is noticed while no key comes, and
            // tick when nothing came, so the screen can look at the world.
            match terminal::wait_input(250) {
                terminal::Input::HungUp => return hung_up(self),
                terminal::Input::Idle => return Some(Input::Tick),
                terminal::Input::Ready => {}
            }
        }
    }
}

/// Runs the editor in the real terminal: on `app`, or when there is none,
/// first the picker. Restores the terminal however it ends.
pub fn start(app: Option<App>, settings: Settings) -> io::Result<()> {
    let mut events = TerminalEvents::new();
    // The first frame first: the recent-files list and the lock are
    // written (with their fsyncs) and the recovery threads started right
    // after it. No key is read before they are done, so the lock is taken
    // before any edit, and a second editor is warned as before, one frame
    // later.
    let (mut terminal, _guard, mut app) = match app {
        Some(mut app) => {
            let (terminal, guard) = terminal::setup_drawn(|buf| {
                app.handle(Event::Resize(buf.area.width, buf.area.height));
                app.paint(buf)
            })?;
            (terminal, guard, app)
        }
        None => {
            let (mut terminal, guard) = terminal::setup()?;
            let mut app = match pick(&mut terminal, &mut events, settings) {
                Ok(Some(app)) => app,
                // Nothing was open, so nothing is lost.
                _ if events.interrupted() => std::process::exit(crate::recovery::EXIT_HUNG_UP),
                Err(e) if terminal::is_gone(&e) => {
                    std::process::exit(crate::recovery::EXIT_HUNG_UP)
                }
                Err(e) => return Err(e),
                Ok(None) => return Ok(()),
            };
            let size = terminal.size()?;
            app.handle(Event::Resize(size.width, size.height));
            terminal.draw(|f| app.draw(f))?;
            (terminal, guard, app)
        }
    };
    if app.doc.path.exists()
        && let Some(list) = recent::list_file()
        && let Err(e) = recent::remember(&list, &app.doc.path)
    {
        app.error(format!("could not update the recent-files list: {e}"));
    }
    if let Some(notice) = app.settings.notice.clone() {
        show_config_notice(&mut app, &notice);
    }
    recovery::attach(&mut app);
    let result = run(&mut terminal, &mut events, &mut app);
    if events.interrupted() || result.as_ref().is_err_and(terminal::is_gone) {
        recovery::hang_up(&app);
    }
    let cut_off = result.is_err();
    recovery::detach(&app, cut_off);
    // The shell sees this line only once the editor's screen is gone.
    drop(terminal);
    drop(_guard);
    if let Some(parting) = app.session.parting.take() {
        crate::cli::eprint_clean(&parting);
    }
    result?;
    events.error.map_or(Ok(()), Err)
}

/// Says once, at start, what was wrong with the config file, after any
/// message the map's opening left.
fn show_config_notice(app: &mut App, notice: &str) {
    let text = match &app.message {
        Some(m) => format!("{} · config: {notice}", m.text),
        None => format!("config: {notice}"),
    };
    app.error(text);
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
    if let Some(notice) = &settings.notice
        && picker.message.is_none()
    {
        picker.error(format!("config: {notice}"));
    }
    loop {
        run(terminal, events, &mut picker)?;
        let Some(Some(choice)) = picker.done.take() else {
            return Ok(None);
        };
        match choice {
            Choice::Open(path) => match load(&path) {
                Ok(loaded) => return Ok(Some(App::open_loaded(loaded, path, settings))),
                Err(e) => picker.error(e.to_string()),
            },
            Choice::Create(path, template, language, title) => {
                let map = template.instantiate_in(language, title.as_deref());
                match crate::core::format::create_new(&path, to_string(&map).as_bytes()) {
                    Ok(()) => return Ok(Some(App::open(map, path, settings))),
                    Err(e) => picker.error(format!("cannot create {}: {e}", path.display())),
                }
            }
        }
    }
}
