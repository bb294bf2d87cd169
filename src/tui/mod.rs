//! The stepping view: a terminal app on top of the core (ratatui + crossterm).
//!
//! The state and how messages change it ([`app`], with [`run`](mod@run), [`compare`], [`pace`],
//! [`views`] and [`crate::selection`]) read no clock and no file, so any front end can drive them.
//! This module is the terminal's front end: its event loop turns keys and clicks into
//! messages, passes its clock to [`App::tick`], and reads scenarios from disk ([`disk`]);
//! [`ui`] draws the state into the areas [`layout`] gives each panel.

pub mod answer;
pub mod app;
pub mod compare;
pub mod curves;
pub mod disk;
pub mod export;
pub mod export_menu;
pub mod focus;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod lesson;
pub mod message;
pub mod pace;
pub mod panel;
pub mod practice;
pub mod resume;
pub mod run;
pub mod scenarios;
pub mod settings;
pub mod signals;
pub mod theme;
pub mod ui;
pub mod views;

use std::rc::Rc;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture, KeyCode, KeyModifiers};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

pub use app::App;
pub use message::Message;

use crate::lesson::progress::ProgressError;
use crate::scenario::ScenarioError;
use crate::scenario::set::Override;
use disk::Disk;
use signals::{Signal, Watch};
use theme::Theme;

/// About 30 frames a second.
pub const FRAME: Duration = Duration::from_millis(33);

/// A lesson read from disk, its scenarios too, at the place saved in the user's data
/// folder (at its first stop with `restart`, or when the saved progress cannot be read,
/// which the lesson's notice then says); its progress kept there after every move and
/// answer.
pub fn load_lesson(
    lesson: crate::lesson::Lesson,
    restart: bool,
    overrides: Vec<Override>,
) -> Result<lesson::LessonView, String> {
    let (saved, problem) = crate::lesson::progress::Progress::load();
    let progress = match restart {
        true => Default::default(),
        false => saved.lessons.get(&lesson.name).cloned().unwrap_or_default(),
    };
    let scenarios: Rc<dyn scenarios::Scenarios> = if overrides.is_empty() {
        Rc::new(Disk)
    } else {
        Rc::new(disk::Overridden {
            source: None,
            overrides: overrides.clone(),
        })
    };
    let mut view = lesson::LessonView::new(scenarios, Rc::new(disk::DataFolder), lesson, progress)?;
    view.app.theme = Theme::from_env();
    view.set = overrides;
    // The file's name only: the reasons are the system's words, not the catalog's.
    view.notice = problem.map(|p| {
        let file = match p {
            ProgressError::Corrupt { file, .. } | ProgressError::Io { file, .. } => file,
            ProgressError::NoFolder => "XDG_DATA_HOME".to_string(),
        };
        crate::words!("lesson-view-progress-ignored", file = file)
    });
    Ok(view)
}

/// The app on a scenario read from disk (a file path or a built-in name), in colour unless
/// `NO_COLOR` is set.
pub fn load(source: &str) -> Result<App, ScenarioError> {
    load_with(source, Vec::new())
}

/// The app on `source` with `overrides` (`--set`) written into it, also when it is opened
/// again (`R`); other scenarios the picker opens are read as they are.
pub fn load_with(source: &str, overrides: Vec<Override>) -> Result<App, ScenarioError> {
    let scenarios: Rc<dyn scenarios::Scenarios> = if overrides.is_empty() {
        Rc::new(Disk)
    } else {
        Rc::new(disk::Overridden {
            source: Some(source.to_string()),
            overrides: overrides.clone(),
        })
    };
    let mut app = App::new(scenarios, source)?;
    app.theme = Theme::from_env();
    app.set = overrides;
    Ok(app)
}

/// The lesson of the session saved in `file` at its stop, with its answers and settings, its
/// progress kept in the user's data folder from then on; refused when the stop's scenario no
/// longer reads as it did.
pub fn resume_lesson(
    file: &std::path::Path,
    session: &crate::session::Session,
    place: &crate::session::LessonPlace,
) -> Result<lesson::LessonView, String> {
    let lesson = crate::lesson::Lesson::load(&place.name).map_err(|e| e.to_string())?;
    let scenarios = Rc::new(disk::Overridden {
        source: None,
        overrides: session.settings.clone(),
    });
    let keeper = Rc::new(disk::DataFolder);
    let mut view = lesson::LessonView::new(scenarios, keeper, lesson, place.progress.clone())?;
    session
        .check(file, &view.app.scenario.text)
        .and_then(|()| session.check_data(file, &view.app.data_fingerprint()))
        .map_err(|e| e.to_string())?;
    view.set = session.settings.clone();
    view.app.theme = Theme::from_env();
    view.app.restore_view(&session.view);
    Ok(view)
}

/// The view of the session saved in `file`, read from disk: see [`App::resumed`].
pub fn resume(file: &std::path::Path, session: &crate::session::Session) -> Result<App, String> {
    let mut app = App::resumed(Rc::new(Disk), session, file)?;
    let light = app.theme.light;
    app.theme = Theme::from_env();
    app.theme.light = light;
    Ok(app)
}

/// What the terminal's event loop drives: the stepping view, or a lesson over it.
pub trait Screen {
    /// Draws the screen (noting the terminal's size).
    fn draw(&mut self, frame: &mut ratatui::Frame);
    /// A key was pressed.
    fn key(&mut self, key: event::KeyEvent);
    /// A message from the mouse.
    fn click(&mut self, message: Message);
    /// Time passed.
    fn tick(&mut self, clock: &dyn pace::Clock);
    /// Whether the user asked to leave.
    fn quitting(&self) -> bool;
    /// The process is about to end on a signal: keep what must be kept.
    fn leave(&mut self) {}
}

impl Screen for App {
    fn draw(&mut self, frame: &mut ratatui::Frame) {
        self.size = (frame.area().width, frame.area().height);
        ui::render(frame, self);
    }

    fn key(&mut self, key: event::KeyEvent) {
        let message = match &self.settings {
            Some(s) => keymap::settings_message(key, s.editing.is_some() || s.saving.is_some()),
            None => keymap::message_for(key, self.question().is_some()),
        };
        if let Some(message) = message {
            self.update(message);
            export::write_asked(self);
        }
    }

    fn click(&mut self, message: Message) {
        self.update(message);
    }

    fn tick(&mut self, clock: &dyn pace::Clock) {
        App::tick(self, clock);
    }

    fn quitting(&self) -> bool {
        self.quit
    }
}

impl Screen for lesson::LessonView {
    fn draw(&mut self, frame: &mut ratatui::Frame) {
        self.app.size = (frame.area().width, frame.area().height);
        ui::lesson::render_lesson(frame, self);
    }

    fn key(&mut self, key: event::KeyEvent) {
        if let Some(step) = lesson::step_for(key, self.typing()) {
            self.update(step);
        }
    }

    fn click(&mut self, message: Message) {
        self.update(lesson::Step::View(message));
    }

    fn tick(&mut self, clock: &dyn pace::Clock) {
        self.app.tick(clock);
    }

    fn quitting(&self) -> bool {
        self.quit
    }

    fn leave(&mut self) {
        lesson::LessonView::leave(self);
    }
}

/// Runs the app (or a lesson) until the user quits. The caller has loaded the scenario, so
/// a bad one is reported before the terminal is touched. The terminal is restored on
/// return, on error, on panic (ratatui's panic hook) and on TERM, HUP and INT, after which
/// the process ends as the signal would have ended it (the lesson's progress kept first);
/// Ctrl-Z and TSTP suspend with the terminal restored, CONT takes it again.
pub fn run(mut app: impl Screen) -> std::io::Result<()> {
    let mut signals = Watch::new()?;
    signals::watchdog(|| {
        let _ = release();
    })?;
    // ratatui's hook (installed by try_init, around this one) restores raw mode and the
    // screen; this one also turns mouse reporting off.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    let result = execute!(std::io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, &mut app, &mut signals));
    let _ = release();
    match result? {
        Ending::Quit => Ok(()),
        Ending::Signal(signal) => {
            app.leave();
            signals::die(signal)
        }
    }
}

/// How the event loop ended.
enum Ending {
    /// The user quit.
    Quit,
    /// A signal (its number) asked the process to end.
    Signal(i32),
}

/// Gives the terminal back as it was: mouse reporting off, the normal screen, the cursor
/// shown, raw mode off. The escape codes go straight to file descriptor 1, not through
/// `Stdout`'s lock (held by the main thread for the whole run), so that the watchdog thread
/// can give the terminal back too.
fn release() -> std::io::Result<()> {
    use ratatui::crossterm::Command;
    use std::os::fd::AsFd;
    let mut codes = String::new();
    let _ = DisableMouseCapture.write_ansi(&mut codes);
    let _ = LeaveAlternateScreen.write_ansi(&mut codes);
    let _ = cursor::Show.write_ansi(&mut codes);
    let stdout = std::io::stdout();
    let mut bytes = codes.as_bytes();
    while !bytes.is_empty() {
        let written = rustix::io::write(stdout.as_fd(), bytes)?;
        bytes = &bytes[written..];
    }
    terminal::disable_raw_mode()
}

/// Takes the terminal again after a suspension (raw mode, the alternate screen, the mouse)
/// and clears it, so that the next frame redraws everything.
fn take(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()
}

/// Restores the terminal, stops until continued (`fg`), then takes the terminal again.
fn suspend(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    release()?;
    signals::stop();
    take(terminal)
}

/// Ctrl-Z: in raw mode the terminal sends it as a key, not as TSTP.
fn is_suspend(key: &event::KeyEvent) -> bool {
    key.code == KeyCode::Char('z') && key.modifiers == KeyModifiers::CONTROL
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut impl Screen,
    signals: &mut Watch,
) -> std::io::Result<Ending> {
    let start = Instant::now();
    let clock = || start.elapsed();
    let mut next_tick = start + FRAME;
    while !app.quitting() {
        match signals.caught() {
            Some(Signal::Leave(signal)) => return Ok(Ending::Signal(signal)),
            Some(Signal::Suspend) => suspend(terminal)?,
            Some(Signal::Resume) => take(terminal)?,
            None => {}
        }
        terminal.draw(|frame| {
            app.draw(frame);
            ui::wrap::clear_covered(frame.buffer_mut());
        })?;
        let timeout = next_tick.saturating_duration_since(Instant::now());
        if event::poll(timeout)? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press && is_suspend(&key) => {
                    suspend(terminal)?
                }
                Event::Key(key) if key.kind == KeyEventKind::Press => app.key(key),
                Event::Mouse(mouse) if mouse.kind == MouseEventKind::Down(MouseButton::Left) => {
                    app.click(Message::Click {
                        column: mouse.column,
                        row: mouse.row,
                    });
                }
                _ => {}
            }
        }
        let now = Instant::now();
        if now >= next_tick {
            app.tick(&clock);
            next_tick += FRAME;
            if next_tick < now {
                next_tick = now + FRAME;
            }
        }
    }
    Ok(Ending::Quit)
}
