//! A guided lesson in the terminal: the stepping view brought to each stop of a lesson (its
//! scenario, position, view, zoom and selection), the stop's question being answered, and
//! the student's progress, kept through the front end's [`Keeper`] after every move and
//! answer. Like the [`App`] it drives, nothing here reads a file or draws.

use std::cell::Cell;
use std::rc::Rc;

use super::key::{KeyCode, KeyEvent, KeyModifiers};

use super::answer::{Answer, AnswerInput};
use super::app::App;
use super::compare::Comparison;
use super::focus::{Enlarged, Focus};
use super::message::Message;
use super::panel::Panel;
use super::run::Run;
use super::scenarios::Scenarios;
use crate::lesson::progress::LessonProgress;
use crate::lesson::{Lesson, Question, Show, Stop, Walk, Zoom, advance};
use crate::nn::{Divergence, Phase, Stepper};
use crate::practice::{Attempt, Quantity, Stage};
use crate::text::divergence::describe;
use crate::words;

/// Where a lesson's progress is kept: the front end provides it (the terminal writes the
/// user's data folder).
pub trait Keeper {
    /// Keeps `progress` of lesson `lesson`; what went wrong, in words, if it could not.
    fn keep(&self, lesson: &str, progress: &LessonProgress) -> Result<(), String>;
}

/// A keeper that keeps progress nowhere: for a front end with no place for it (the web page,
/// where it lasts while the page is open).
#[derive(Clone, Copy, Debug, Default)]
pub struct Unkept;

impl Keeper for Unkept {
    fn keep(&self, _lesson: &str, _progress: &LessonProgress) -> Result<(), String> {
        Ok(())
    }
}

/// What a key asks of a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The next stop (once the question is finished), or the end of the lesson.
    Next,
    /// The stop before.
    Previous,
    /// Show or hide the lesson's keys.
    Help,
    /// Leave (progress is kept).
    Quit,
    /// Close the help or the notice.
    Close,
    /// Choice `n` (0-based).
    Choose(usize),
    /// The highlighted choice up.
    Up,
    /// The highlighted choice down.
    Down,
    /// Check the typed number, or take the highlighted choice.
    Confirm,
    /// A character typed into the answer.
    Type(char),
    /// The answer's last character erased.
    Erase,
    /// The narration a page up.
    ScrollUp,
    /// The narration a page down.
    ScrollDown,
    /// Save the session (the lesson's place and answers, the view).
    SaveSession,
    /// A key of the stepping view that only changes what is shown.
    View(Message),
}

/// The stepping view's messages a lesson lets through: they change what is shown, never the
/// position (a question's answer must not be stepped to).
fn shows_only(message: Message) -> bool {
    matches!(
        message,
        Message::MorePrecision
            | Message::LessPrecision
            | Message::ToggleXAxis
            | Message::ToggleLogY
            | Message::Toggle(_)
            | Message::Zoom
            | Message::BigDigits
            | Message::FocusNext
            | Message::ScrollLeft
            | Message::ScrollRight
            | Message::ToggleTheme
            | Message::Click { .. }
    )
}

/// What `key` asks of the lesson; `typing` while a number question waits for its answer
/// (digits, `.`, `-`, `e` and Backspace then edit the answer).
pub fn step_for(key: KeyEvent, typing: bool) -> Option<Step> {
    let plain = key.modifiers == KeyModifiers::NONE || key.modifiers == KeyModifiers::SHIFT;
    match key.code {
        KeyCode::Char(c) if typing && plain && (c.is_ascii_digit() || ".-e".contains(c)) => {
            Some(Step::Type(c))
        }
        KeyCode::Backspace if typing => Some(Step::Erase),
        KeyCode::Char(c @ '1'..='6') if plain => Some(Step::Choose(c as usize - '1' as usize)),
        KeyCode::Char('c') if key.modifiers == KeyModifiers::CONTROL => Some(Step::Quit),
        KeyCode::Char(' ') | KeyCode::Right => Some(Step::Next),
        KeyCode::Left | KeyCode::Char('h') => Some(Step::Previous),
        KeyCode::Char('?') => Some(Step::Help),
        KeyCode::Char('q') => Some(Step::Quit),
        KeyCode::Char('S') => Some(Step::SaveSession),
        KeyCode::Esc => Some(Step::Close),
        KeyCode::Up => Some(Step::Up),
        KeyCode::Down => Some(Step::Down),
        KeyCode::Enter => Some(Step::Confirm),
        KeyCode::PageUp => Some(Step::ScrollUp),
        KeyCode::PageDown => Some(Step::ScrollDown),
        _ => super::keymap::message_for(key, false)
            .filter(|m| shows_only(*m))
            .map(Step::View),
    }
}

/// A lesson under way: the stepping view at the current stop and the question's state.
pub struct LessonView {
    /// The stepping view, at the stop.
    pub app: App,
    /// The lesson.
    pub lesson: Lesson,
    /// The current stop, 0-based.
    pub stop: usize,
    /// The `--set` settings written into every scenario the lesson opens.
    pub set: Vec<crate::scenario::set::Override>,
    /// Where the student is and what was answered (kept after every move and answer).
    pub progress: LessonProgress,
    /// The attempt at the stop's multiple-choice question.
    pub attempt: Attempt,
    /// The answer box of the stop's number question.
    pub answer: Option<Answer>,
    /// The highlighted choice.
    pub cursor: usize,
    /// The choices taken, in order.
    pub chosen: Vec<usize>,
    /// A message for the student (answer first, the end of the lesson, a failed save).
    pub notice: Option<String>,
    /// Whether the lesson's keys are shown.
    pub help: bool,
    /// Set once Space was pressed at the last stop with its question finished.
    pub finished: bool,
    /// How far the narration is scrolled down.
    pub scroll: u16,
    /// The furthest the narration scrolled when last drawn (the drawing knows its length).
    pub scroll_end: Cell<u16>,
    /// The narration's lines on screen when last drawn: a page of PgDn/PgUp.
    pub scroll_page: Cell<u16>,
    /// Set when the student asked to leave.
    pub quit: bool,
    scenarios: Rc<dyn Scenarios>,
    keeper: Rc<dyn Keeper>,
}

impl LessonView {
    /// `lesson` at the stop `progress` saved (the first if it is past the end), its
    /// scenarios read through `scenarios` and its progress kept by `keeper`.
    pub fn new(
        scenarios: Rc<dyn Scenarios>,
        keeper: Rc<dyn Keeper>,
        lesson: Lesson,
        progress: LessonProgress,
    ) -> Result<LessonView, String> {
        let stop = if progress.stop < lesson.stops.len() {
            progress.stop
        } else {
            0
        };
        let app = stop_app(
            &scenarios,
            &lesson.stops[stop],
            progress.answers.contains_key(&stop),
        )?;
        let mut view = LessonView {
            app,
            lesson,
            stop,
            set: Vec::new(),
            progress,
            attempt: Attempt::new(),
            answer: None,
            cursor: 0,
            chosen: Vec::new(),
            notice: None,
            help: false,
            finished: false,
            scroll: 0,
            scroll_end: Cell::new(u16::MAX),
            scroll_page: Cell::new(1),
            quit: false,
            scenarios,
            keeper,
        };
        view.arrived(stop);
        Ok(view)
    }

    /// The current stop.
    pub fn current(&self) -> &Stop {
        &self.lesson.stops[self.stop]
    }

    /// Whether a number question waits for its answer (keys then type into it).
    pub fn typing(&self) -> bool {
        self.answer.as_ref().is_some_and(|a| !a.finished())
    }

    /// Whether the stop lets the student move on: no question, or it is finished.
    pub fn done(&self) -> bool {
        match &self.current().question {
            None => true,
            Some(Question::Number { .. }) => self.answer.as_ref().is_none_or(Answer::finished),
            Some(Question::Choice { .. }) => self.attempt.finished(),
        }
    }

    /// The answer box of the stop's number question, at the view's precision, finished
    /// as `attempt` says (a stop answered before); none for a choice, no question, or
    /// training that diverged on the way.
    fn number_answer(&self, attempt: Attempt) -> Option<Answer> {
        let Some(Question::Number {
            quantity,
            tolerance,
            ..
        }) = &self.current().question
        else {
            return None;
        };
        let precision = self.app.views.precision;
        let reveal = quantity.reveal(self.app_stepper(), precision).ok()?;
        Some(Answer {
            attempt,
            ..Answer::new(reveal, *tolerance, precision)
        })
    }

    fn app_stepper(&self) -> &Stepper {
        match &self.app.comparison {
            Some(c) => c.lead(),
            None => &self.app.run.stepper,
        }
    }

    /// Handles one step.
    pub fn update(&mut self, step: Step) {
        if self.help {
            match step {
                Step::Quit => self.leave(),
                Step::Help | Step::Close => self.help = false,
                _ => {}
            }
            return;
        }
        match step {
            Step::Next => self.next(),
            Step::Previous => self.go(self.stop.checked_sub(1)),
            Step::Help => self.help = true,
            Step::Quit => self.leave(),
            Step::Close => {
                if self.notice.take().is_none() {
                    self.app.update(Message::Close);
                }
            }
            Step::Choose(n) => self.choose(n),
            Step::Up | Step::Down => self.move_cursor(step == Step::Down),
            Step::Confirm if self.typing() => self.type_in(AnswerInput::Check),
            Step::Confirm => self.choose(self.cursor),
            Step::Type(c) => self.type_in(AnswerInput::Type(c)),
            Step::Erase => self.type_in(AnswerInput::Erase),
            Step::ScrollUp => {
                self.scroll = (self.scroll.min(self.scroll_end.get()))
                    .saturating_sub(self.scroll_page.get().max(1));
            }
            Step::ScrollDown => {
                self.scroll = (self.scroll.saturating_add(self.scroll_page.get().max(1)))
                    .min(self.scroll_end.get());
            }
            Step::View(message) => self.app.update(message),
            Step::SaveSession => self.save_session(),
        }
    }

    /// Space: the next stop, the end of the lesson at the last, or why not yet.
    fn next(&mut self) {
        if !self.done() {
            self.notice = Some(match &self.current().question {
                Some(Question::Choice { choices, .. }) => {
                    words!("lesson-view-choose-first", last = choices.len())
                }
                _ => words!("lesson-view-answer-first"),
            });
        } else if self.stop + 1 < self.lesson.stops.len() {
            self.go(Some(self.stop + 1));
        } else {
            self.finished = true;
            self.notice = Some(words!(
                "lesson-view-finished",
                score = self.progress.score().text()
            ));
        }
    }

    /// Goes to stop `to` if there is one; a stop that cannot be reached leaves the student
    /// where they are, with the reason.
    fn go(&mut self, to: Option<usize>) {
        let Some(to) = to.filter(|t| *t < self.lesson.stops.len()) else {
            return;
        };
        let answered = self.progress.answers.contains_key(&to);
        match stop_app(&self.scenarios, &self.lesson.stops[to], answered) {
            Ok(mut app) => {
                app.theme = self.app.theme;
                app.views.precision = self.app.views.precision;
                app.size = self.app.size;
                self.app = app;
                self.arrived(to);
            }
            Err(reason) => self.notice = Some(reason),
        }
    }

    /// Resets the question's state for stop `stop`, now on screen, and keeps the progress.
    fn arrived(&mut self, stop: usize) {
        self.stop = stop;
        self.attempt = match self.progress.answers.get(&stop) {
            Some(&right) => Attempt {
                stage: if right { Stage::Right } else { Stage::Revealed },
                first_try: Some(right),
            },
            None => Attempt::new(),
        };
        self.answer = self.number_answer(self.attempt);
        self.chosen.clear();
        self.cursor = 0;
        self.notice = None;
        self.finished = false;
        self.scroll = 0;
        self.scroll_end.set(u16::MAX);
        self.progress.stop = stop;
        self.keep();
    }

    fn move_cursor(&mut self, down: bool) {
        if let Some(Question::Choice { choices, .. }) = &self.current().question {
            let n = choices.len();
            self.cursor = if down {
                (self.cursor + 1) % n
            } else {
                (self.cursor + n - 1) % n
            };
        }
    }

    /// Takes choice `n` of a choice question that is not finished.
    fn choose(&mut self, n: usize) {
        let Some(Question::Choice {
            choices, answer, ..
        }) = &self.current().question
        else {
            return;
        };
        if n >= choices.len() || self.attempt.finished() || self.chosen.contains(&n) {
            return;
        }
        let answer = *answer;
        self.cursor = n;
        self.chosen.push(n);
        self.attempt.choose(n, answer);
        self.answered();
    }

    /// A key for the answer box; a finished question is recorded.
    fn type_in(&mut self, input: AnswerInput) {
        let Some(answer) = &mut self.answer else {
            return;
        };
        if answer.update(input).is_some() {
            self.answered();
        }
    }

    /// After an answer: a finished question is recorded and kept, and a number's phase is
    /// stepped to, its result and the cost now shown.
    fn answered(&mut self) {
        let attempt = self.answer.as_ref().map_or(self.attempt, |a| a.attempt);
        if !attempt.finished() {
            return;
        }
        self.progress.answered(self.stop, &attempt);
        self.notice = None;
        if asked_a_phase_before(self.current()) {
            self.app.views.hidden = None;
            if let Err(d) = runs(&mut self.app).iter_mut().try_for_each(|r| r.step()) {
                self.notice = Some(describe(&d));
            }
        }
        self.keep();
    }

    fn keep(&mut self) {
        if let Err(reason) = self.keeper.keep(&self.lesson.name, &self.progress) {
            self.notice = Some(words!("lesson-view-not-saved", reason = reason));
        }
    }

    /// The lesson's session: its place and answers, its settings, the view.
    pub fn session(&self) -> crate::session::Session {
        let mut session = self.app.session();
        session.settings = self.set.clone();
        session.lesson = Some(crate::session::LessonPlace {
            name: self.lesson.source.clone(),
            progress: self.progress.clone(),
        });
        session
    }

    /// `S`: the session (the lesson's place and answers, its `--set` settings, the view)
    /// written to `NAME.session.toml` here, NAME the lesson's built-in name or file stem.
    fn save_session(&mut self) {
        let session = self.session();
        let file = format!(
            "{}.session.toml",
            crate::text::untrusted::printable(&self.lesson.name)
        );
        self.notice = Some(
            match self.app.write_file(&file, session.to_toml().as_bytes()) {
                Ok(()) => words!("session-saved", file = file),
                Err(e) => e,
            },
        );
    }

    /// Keeps the progress and quits (the q key, or a signal ending the process).
    pub fn leave(&mut self) {
        self.keep();
        self.quit = true;
    }
}

impl Walk for Run {
    fn walker(&self) -> &Stepper {
        &self.stepper
    }

    fn walk_fast(&mut self, iterations: u64) -> Result<(), Divergence> {
        self.fast_forward(iterations)
    }

    fn walk_step(&mut self) -> Result<(), Divergence> {
        self.step()
    }
}

/// The runs on screen: compare mode's, else the one run.
fn runs(app: &mut App) -> &mut [Run] {
    match &mut app.comparison {
        Some(c) => &mut c.runs,
        None => std::slice::from_mut(&mut app.run),
    }
}

/// Whether `stop`'s question is asked a phase before the stop's phase, so that the phase's
/// result (which may answer it) shows only once it is answered: a number always, a choice
/// in the middle of an iteration.
fn asked_a_phase_before(stop: &Stop) -> bool {
    match stop.question {
        Some(Question::Number { .. }) => true,
        Some(Question::Choice { .. }) => !matches!(stop.phase, Phase::Start | Phase::Done),
        None => false,
    }
}

/// The stepping view at `stop`: its scenario at its position (a phase before it while its
/// number question is not `answered`, that number's cost written `?`), its view, zoom and
/// selection.
fn stop_app(scenarios: &Rc<dyn Scenarios>, stop: &Stop, answered: bool) -> Result<App, String> {
    let cannot = |reason: String| words!("lesson-view-unreachable", reason = reason);
    let mut app =
        App::new(Rc::clone(scenarios), &stop.scenario_source).map_err(|e| cannot(e.to_string()))?;
    if stop.show == Show::Compare {
        app.comparison = Some(Comparison::new(&app.scenario, &**scenarios).map_err(cannot)?);
    }
    for run in runs(&mut app) {
        advance(run, stop.iteration, stop.phase).map_err(|d| cannot(describe(&d)))?;
    }
    if asked_a_phase_before(stop) && !answered {
        runs(&mut app).iter_mut().for_each(|r| {
            r.back();
        });
        if let Some(Question::Number {
            quantity: Quantity::Cost(cost),
            ..
        }) = &stop.question
        {
            app.views.hidden = Some(*cost);
        }
    }
    match stop.show {
        Show::Health => app.update(Message::Toggle(Panel::Health)),
        Show::Classes => app.update(Message::Toggle(Panel::Classes)),
        Show::Dashboard | Show::Compare => {}
    }
    if let Some(zoom) = stop.zoom {
        app.views.focus = Some(match zoom {
            Zoom::Diagram => Focus::Diagram,
            Zoom::Phase => Focus::Phase,
            Zoom::Values => Focus::Values,
            Zoom::Charts => Focus::Charts,
        });
        app.views.enlarged = Some(Enlarged::Panel);
    }
    app.choose(stop.select);
    Ok(app)
}
