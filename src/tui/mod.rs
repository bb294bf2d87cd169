//! The stepping view: an app on top of the core, drawn with ratatui.
//!
//! The state and how messages change it ([`app`], with [`run`](mod@run), [`compare`], [`pace`],
//! [`views`] and [`crate::selection`]) read no clock and no file, so any front end can drive them:
//! a front end hands a [`Screen`] its keys ([`key`]), clicks and clock, and draws it with
//! [`ui`], which draws the state into the areas [`layout`] gives each panel. The terminal's
//! front end ([`terminal`](mod@terminal), with the `terminal` feature) runs the event loop
//! and reads scenarios from disk ([`disk`]).

pub mod answer;
pub mod app;
pub mod compare;
pub mod curves;
pub mod disk;
pub mod export;
pub mod export_menu;
pub mod focus;
pub mod help;
pub mod key;
pub mod keymap;
pub mod layout;
pub mod lesson;
pub mod link;
pub mod message;
pub mod pace;
pub mod panel;
pub mod practice;
pub mod resume;
pub mod run;
pub mod scenarios;
pub mod settings;
#[cfg(feature = "terminal")]
pub mod signals;
#[cfg(feature = "terminal")]
pub mod terminal;
pub mod theme;
pub mod touch;
pub mod ui;
pub mod views;

use std::rc::Rc;
use std::time::Duration;

pub use app::App;
pub use message::Message;

use crate::lesson::progress::ProgressError;
use crate::scenario::ScenarioError;
use crate::scenario::set::Override;
use disk::Disk;
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
    fn key(&mut self, key: key::KeyEvent);
    /// A message from the mouse.
    fn click(&mut self, message: Message);
    /// Time passed.
    fn tick(&mut self, clock: &dyn pace::Clock);
    /// Whether the user asked to leave.
    fn quitting(&self) -> bool;
    /// The process is about to end on a signal: keep what must be kept.
    fn leave(&mut self) {}
    /// Shows a front end's word in the screen's notice (the web page: that it stays open).
    fn say(&mut self, notice: String);
}

impl Screen for App {
    fn draw(&mut self, frame: &mut ratatui::Frame) {
        self.size = (frame.area().width, frame.area().height);
        ui::render(frame, self);
    }

    fn key(&mut self, key: key::KeyEvent) {
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

    fn say(&mut self, notice: String) {
        self.notice = Some(notice);
    }
}

impl Screen for lesson::LessonView {
    fn draw(&mut self, frame: &mut ratatui::Frame) {
        self.app.size = (frame.area().width, frame.area().height);
        ui::lesson::render_lesson(frame, self);
    }

    fn key(&mut self, key: key::KeyEvent) {
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

    fn say(&mut self, notice: String) {
        self.notice = Some(notice);
    }

    fn leave(&mut self) {
        lesson::LessonView::leave(self);
    }
}
