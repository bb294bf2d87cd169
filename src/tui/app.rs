//! The app's state and how each message changes it. Nothing here draws, reads a file or
//! reads a clock: the front end hands in its scenarios ([`Scenarios`]) and, on each tick,
//! its clock ([`Clock`]).

use std::rc::Rc;

use super::answer::AnswerInput;
use super::compare::Comparison;
use super::export_menu::Export;
use super::focus::Focus;
use super::help::{help_last_scroll, help_page};
use super::layout::{Geometry, LayerTable, by_layer, regions};
use super::message::Message;
use super::pace::{AutoRun, Clock};
use super::panel::Panel;
use super::practice::{Practice, Question};
use super::run::{Lockstep, Run};
use super::scenarios::Scenarios;
use super::settings::{Outcome, Settings};
use super::theme::Theme;
use super::views::{Popup, Views};
use crate::data::Dataset;
use crate::nn::Phase;
use crate::scenario::set::Override;
use crate::scenario::{Scenario, ScenarioError};
use crate::selection::{Selection, default_selection, kept};
use crate::words;

/// Where the help is scrolled to after `message` on a screen of `size`: a line at a time
/// with ↓/↑, a page with PgDn/PgUp, never past its last line.
fn help_scrolled(scroll: u16, message: Message, size: (u16, u16)) -> u16 {
    let screen = ratatui::layout::Rect::new(0, 0, size.0, size.1);
    let scroll = match message {
        Message::SelectNext => scroll.saturating_add(1),
        Message::SelectPrevious => scroll.saturating_sub(1),
        Message::ScrollDown => scroll.saturating_add(help_page(screen)),
        Message::ScrollUp => scroll.saturating_sub(help_page(screen)),
        _ => scroll,
    };
    scroll.min(help_last_scroll(screen))
}

/// An evaluation of the test set: when, what it gave, and whether the set had been used
/// before (then it is no longer an unbiased estimate).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tested {
    /// Iterations done when it was evaluated.
    pub completed: u64,
    /// The epoch of the last of them (0 before any).
    pub epoch: u64,
    /// The five costs over the test set.
    pub costs: crate::nn::Costs,
    /// Whether the test set had been evaluated before.
    pub reused: bool,
}

/// The whole state of the stepping view.
pub struct App {
    /// The scenario being stepped.
    pub scenario: Scenario,
    /// Where the scenario was loaded from (a built-in name or a path).
    pub source: String,
    /// The run normal mode steps.
    pub run: Run,
    /// Compare mode: the scenario's variants, moved in lockstep.
    pub comparison: Option<Comparison>,
    /// The held-out test set, evaluated only when asked.
    pub test_set: Dataset,
    /// The popup, the views that replace panels, and the display settings.
    pub views: Views,
    /// Auto-run.
    pub auto_run: AutoRun,
    /// A message for the user (a divergence, the end of the history, a load error).
    pub notice: Option<String>,
    /// Colours, or none with `NO_COLOR`.
    pub theme: Theme,
    /// The terminal's size at the last frame, for mouse clicks.
    pub size: (u16, u16),
    /// Set when the user asked to leave.
    pub quit: bool,
    /// Practice mode, while it is on (`p`); it asks nothing in compare mode.
    pub practice: Option<Practice>,
    /// The test set's last evaluation, if `t` asked for one.
    pub tested: Option<Tested>,
    /// The settings panel, while it is open (`o`).
    pub settings: Option<Settings>,
    /// The file last written (an export, a session, a saved scenario), named in the status
    /// line until the next move or Esc.
    pub written: Option<String>,
    /// The export menu's highlighted entry, while it is open (`w`).
    pub export_menu: Option<usize>,
    /// The export chosen, for the front end to write (and then to say where).
    pub export: Option<Export>,
    /// The folder exports are written to (none: the current folder).
    pub export_dir: Option<String>,
    /// The `--set` settings the view was opened with.
    pub set: Vec<Override>,
    /// The changes the settings panel applied, kept when the scenario starts again (`R`).
    pub applied: Vec<Override>,
    /// Whether `t` asked to evaluate the test set again and waits for Enter or Esc.
    confirming_test: bool,
    chosen: Option<Selection>,
    scenarios: Rc<dyn Scenarios>,
}

impl App {
    /// The app on `source` (a built-in name or a file path), read through `scenarios`, in
    /// colour (the front end sets [`App::theme`]).
    pub fn new(scenarios: Rc<dyn Scenarios>, source: &str) -> Result<App, ScenarioError> {
        let scenario = scenarios.load(source)?;
        App::on(scenarios, source, scenario)
    }

    /// The app on `scenario`, read from `source` (with settings written in, maybe).
    pub fn new_on(
        scenarios: Rc<dyn Scenarios>,
        source: &str,
        scenario: Scenario,
    ) -> Result<App, ScenarioError> {
        App::on(scenarios, source, scenario)
    }

    /// The app on `scenario`, read from `source` (and changed since, maybe).
    fn on(
        scenarios: Rc<dyn Scenarios>,
        source: &str,
        scenario: Scenario,
    ) -> Result<App, ScenarioError> {
        let setup = scenarios.setup(&scenario)?;
        Ok(App {
            run: Run::new(scenario.name.clone(), setup.stepper()),
            scenario,
            source: source.to_string(),
            comparison: None,
            test_set: setup.splits.test,
            views: Views::default(),
            auto_run: AutoRun::default(),
            notice: None,
            theme: Theme::default(),
            size: (120, 40),
            quit: false,
            practice: None,
            tested: None,
            settings: None,
            written: None,
            export_menu: None,
            export: None,
            export_dir: None,
            set: Vec::new(),
            applied: Vec::new(),
            confirming_test: false,
            chosen: None,
            scenarios,
        })
    }

    /// What the user chose for the panels to explain, if anything.
    pub fn chosen(&self) -> Option<Selection> {
        self.chosen
    }

    /// Sets what the panels explain (none: the phase's own default), as a lesson's stop asks.
    pub fn choose(&mut self, selection: Option<Selection>) {
        self.chosen = selection;
    }

    /// What the panels explain now: the user's choice (reset when the phase moves on to
    /// another layer), else the phase's own default.
    pub fn selection(&self) -> Option<Selection> {
        let default = default_selection(self.run.stepper.phase(), self.depth())?;
        Some(self.chosen.unwrap_or(default))
    }

    /// The panel that has the focus on screen (see [`Focus::shown`]); in compare mode the
    /// values (its cost tables scroll).
    pub fn focus(&self) -> Focus {
        if self.comparison.is_some() {
            return Focus::Values;
        }
        let loss = self.run.stepper.phase() == Phase::Loss;
        self.views.focus.unwrap_or_default().shown(loss)
    }

    /// The practice question waiting for an answer, if one is.
    pub fn question(&self) -> Option<&Question> {
        self.practice.as_ref()?.question.as_ref()
    }

    fn depth(&self) -> usize {
        self.run.stepper.network().depth()
    }

    /// Handles one message.
    pub fn update(&mut self, message: Message) {
        if self.settings.is_some() {
            self.handle_settings(message);
        } else if self.export_menu.is_some() {
            self.handle_export_menu(message);
        } else if self.views.popup.is_some() {
            self.handle_popup(message);
        } else if self.question().is_some() && self.handle_question(message) {
            // The question took the key.
        } else if !self.views.update(message) {
            self.handle(message);
        }
        self.refresh_confusion();
    }

    /// Time passed (about a frame): auto-run takes the step that is due, if one is, with
    /// full-speed work measured on `clock`. Nothing moves while a popup is open. With
    /// practice on, auto-run takes one phase at a time and stops at each question.
    pub fn tick(&mut self, clock: &dyn Clock) {
        if self.views.popup.is_none()
            && self.settings.is_none()
            && self.export_menu.is_none()
            && let Some(pace) = self.auto_run.due()
        {
            if self.practising() {
                match self.runs().finished() {
                    Ok(()) => self.step_or_ask(),
                    Err(stopped) => {
                        self.auto_run.pause();
                        self.notice = Some(stopped);
                    }
                }
            } else {
                self.move_runs(|runs| runs.advance(pace, clock));
            }
        }
        self.refresh_confusion();
    }

    /// Recomputes the confusion matrices shown (normal mode's run's, or every copy's) when
    /// iterations were completed (or undone) since.
    fn refresh_confusion(&mut self) {
        if self.views.shows(Panel::Classes) {
            match &mut self.comparison {
                Some(c) => c.runs.iter_mut().for_each(Run::refresh_confusion),
                None => self.run.refresh_confusion(),
            }
        }
    }

    fn handle_popup(&mut self, message: Message) {
        let Some(popup) = &mut self.views.popup else {
            return;
        };
        match (popup, message) {
            (_, Message::Quit) => self.quit = true,
            (_, Message::Close) | (Popup::Help { .. }, Message::ShowHelp) => {
                self.views.popup = None;
            }
            (Popup::Help { scroll }, message) => {
                *scroll = help_scrolled(*scroll, message, self.size)
            }
            (Popup::Picker { entries, cursor }, Message::SelectNext) => {
                *cursor = (*cursor + 1) % entries.len().max(1);
            }
            (Popup::Picker { entries, cursor }, Message::SelectPrevious) => {
                *cursor = (*cursor + entries.len().max(1) - 1) % entries.len().max(1);
            }
            (Popup::Picker { entries, cursor }, Message::Confirm) => {
                if let Some(entry) = entries.get(*cursor).cloned() {
                    self.views.popup = None;
                    self.open(&entry.source);
                }
            }
            _ => {}
        }
    }

    fn handle(&mut self, message: Message) {
        let confirming = std::mem::take(&mut self.confirming_test);
        match message {
            Message::Confirm if confirming => self.test_now(true),
            Message::Close if confirming => self.notice = None,
            Message::NextPhase if self.practising() => {
                self.auto_run.pause();
                self.step_or_ask();
            }
            Message::NextPhase => self.move_by_hand(|runs| runs.step()),
            Message::TogglePractice => self.toggle_practice(),
            Message::PreviousPhase => self.move_by_hand(|runs| runs.back()),
            Message::FinishIteration => self.move_by_hand(|runs| runs.finish_iteration()),
            Message::FinishEpoch => self.move_by_hand(|runs| runs.finish_epoch()),
            Message::BackIteration => self.move_by_hand(|runs| runs.back_iteration()),
            Message::BackEpoch => self.move_by_hand(|runs| runs.back_epoch()),
            Message::ToggleCompare => self.toggle_compare(),
            Message::ToggleRun => self.toggle_run(),
            Message::FocusNext => {
                let loss = self.run.stepper.phase() == Phase::Loss;
                self.views.focus = Some(self.views.focus.unwrap_or_default().next(loss));
            }
            Message::ScrollRight | Message::ScrollLeft => {
                let widest = self
                    .run
                    .stepper
                    .network()
                    .sizes()
                    .into_iter()
                    .max()
                    .unwrap_or(1);
                let column = &mut self.views.values_column;
                *column = if message == Message::ScrollRight {
                    (*column + 1).min(widest - 1)
                } else {
                    column.saturating_sub(1)
                };
            }
            Message::ScrollDown | Message::ScrollUp => {
                let focus = self.focus();
                self.views.scroll(focus, message == Message::ScrollDown);
            }
            Message::ToggleTheme => self.theme.light = !self.theme.light,
            Message::Faster => self.auto_run.faster(),
            Message::Slower => self.auto_run.slower(),
            Message::SelectNext => self.move_selection(1),
            Message::SelectPrevious => self.move_selection(-1),
            Message::NextSample | Message::PreviousSample => {
                self.choose_sample(message == Message::NextSample);
            }
            Message::SelectNextLayer => {
                if let Some(selection) = self.selection() {
                    self.chosen = Some(selection.next_layer(self.depth()));
                }
            }
            Message::EvaluateTest => self.evaluate_test(),
            Message::Reset => self.reset(),
            Message::SaveSession => self.save_session(),
            Message::OpenExport => {
                self.auto_run.pause();
                self.export_menu = Some(0);
            }
            Message::OpenSettings => {
                self.auto_run.pause();
                self.settings = Some(Settings::new(&self.scenario, self.save_path()));
            }
            Message::OpenPicker => {
                self.auto_run.pause();
                self.views.popup = Some(Popup::Picker {
                    entries: self.scenarios.entries(),
                    cursor: 0,
                });
            }
            Message::Close => {
                self.notice = None;
                self.written = None;
            }
            Message::Quit => self.quit = true,
            Message::Click { column, row } => self.click(column, row),
            _ => {}
        }
    }

    /// `r`: starts or pauses auto-run; started after a stop, it runs beyond the scenario and
    /// says so.
    fn toggle_run(&mut self) {
        self.auto_run.toggle();
        if self.auto_run.running {
            self.notice = self.runs().go_beyond();
        }
    }

    /// Whether practice asks questions now: it is on, and not in compare mode.
    fn practising(&self) -> bool {
        self.practice.is_some() && self.comparison.is_none()
    }

    /// `p`: practice on with a fresh score, or off (a waiting question is dropped and its
    /// step not taken). Refused in compare mode, where several networks move at once.
    fn toggle_practice(&mut self) {
        if self.comparison.is_some() {
            self.notice = Some(words!("practice-refused-compare"));
        } else if self.practice.take().is_none() {
            self.practice = Some(Practice::default());
            self.notice = None;
        }
    }

    /// `,` and `.`: the previous or next sample of the batch (the largest batch in compare
    /// mode), stopping at the first and the last. Practice asks about the batch's first
    /// sample, so there the choice stays on it and a notice says why.
    fn choose_sample(&mut self, forward: bool) {
        if self.practising() {
            self.notice = Some(words!("sample-practice-first"));
            return;
        }
        let (batch, _) = self.batch();
        let shown = self.views.sample.min(batch.saturating_sub(1));
        self.views.choose_sample(shown, batch, forward);
        self.keep_sample_in_sight();
    }

    /// The largest batch of the runs the keys move, and whether their cost tables are on
    /// screen (the Loss phase).
    fn batch(&self) -> (usize, bool) {
        let runs = match &self.comparison {
            Some(c) => c.runs.as_slice(),
            None => std::slice::from_ref(&self.run),
        };
        let batch = runs.iter().map(|r| r.stepper.samples().len()).max();
        let table = runs.iter().any(|r| r.stepper.phase() == Phase::Loss);
        (batch.unwrap_or(1), table)
    }

    /// With the cost table on screen, scrolls it as little as brings the chosen sample's row
    /// into sight: into as many rows as it had when last drawn, or before its first
    /// drawing as many as the band below the diagram leaves it.
    fn keep_sample_in_sight(&mut self) {
        let (batch, table) = self.batch();
        if !table || self.practising() {
            return;
        }
        let rows = match self.views.cost_rows.get() {
            u16::MAX => {
                let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                let band = regions(screen, self.scenario.image).below_top().height;
                // Its borders, the header's two lines and the mean row.
                band.saturating_sub(5)
            }
            rows => rows,
        };
        let shown = self.views.sample.min(batch.saturating_sub(1));
        self.views.keep_in_sight(shown, usize::from(rows));
    }

    /// The position in the batch of the sample the panels show (see [`Views::sample_in`]);
    /// the first while practice asks (its questions are about the first).
    pub fn sample(&self) -> usize {
        self.sample_of(&self.run.stepper)
    }

    /// The same for `s`, the stepper of the run or of a copy in compare mode.
    pub fn sample_of(&self, s: &crate::nn::Stepper) -> usize {
        if self.practising() {
            0
        } else {
            self.views.sample_in(s)
        }
    }

    /// The next step, unless it reveals a number about the selection: then that number is
    /// asked first (auto-run pauses) and the step waits for the answer.
    fn step_or_ask(&mut self) {
        let question = Question::next(&self.run.stepper, self.chosen, self.views.precision);
        match (question, &mut self.practice) {
            (Some(question), Some(practice)) => {
                self.auto_run.pause();
                self.views.phase_scroll = 0;
                practice.question = Some(question);
            }
            _ => self.move_runs(|runs| runs.step()),
        }
    }

    /// A message while a question waits; false for the messages it leaves to the views
    /// and the app (quit, help, the theme, the views, focus, zoom and scrolling). The keys
    /// that would step, select or change the decimals do nothing.
    fn handle_question(&mut self, message: Message) -> bool {
        let Some(practice) = &mut self.practice else {
            return false;
        };
        let Some(question) = &mut practice.question else {
            return false;
        };
        let answer = &mut question.answer;
        match message {
            Message::Type(c) => _ = answer.update(AnswerInput::Type(c)),
            Message::Erase => _ = answer.update(AnswerInput::Erase),
            Message::Confirm | Message::NextPhase if answer.finished() => self.leave_question(),
            Message::Confirm => {
                // Not finished before: finished now means this answer ended it.
                answer.update(AnswerInput::Check);
                if answer.finished() {
                    practice.score.count(&answer.attempt);
                }
            }
            Message::Close if self.views.enlarged.is_none() => self.leave_question(),
            Message::Quit
            | Message::ShowHelp
            | Message::Close
            | Message::ToggleTheme
            | Message::Toggle(_)
            | Message::FocusNext
            | Message::ScrollDown
            | Message::ScrollUp
            | Message::ScrollLeft
            | Message::ScrollRight
            | Message::Zoom
            | Message::BigDigits
            | Message::ToggleXAxis
            | Message::ToggleLogY
            | Message::TogglePractice => return false,
            _ => {}
        }
        true
    }

    /// Drops the question (scored already if it was finished) and takes its step.
    fn leave_question(&mut self) {
        if let Some(practice) = &mut self.practice {
            practice.question = None;
        }
        self.move_runs(|runs| runs.step());
    }

    /// The runs the keys move: compare mode's, else the one run.
    fn runs(&mut self) -> Lockstep<'_> {
        match &mut self.comparison {
            Some(c) => Lockstep(&mut c.runs),
            None => Lockstep(std::slice::from_mut(&mut self.run)),
        }
    }

    /// A move the user asked for: it pauses auto-run.
    fn move_by_hand(&mut self, movement: impl FnOnce(&mut Lockstep) -> Result<(), String>) {
        self.auto_run.pause();
        self.move_runs(movement);
    }

    /// Moves the runs; what went wrong becomes the notice and pauses auto-run.
    /// A new phase's text starts at the top of the phase panel.
    fn move_runs(&mut self, movement: impl FnOnce(&mut Lockstep) -> Result<(), String>) {
        let phase = self.run.stepper.phase();
        let result = movement(&mut self.runs());
        if self.run.stepper.phase() != phase {
            self.views.phase_scroll = 0;
            if phase == Phase::Loss {
                // The cost table's scroll is not the values panel's.
                self.views.values_scroll = 0;
            }
            self.keep_sample_in_sight();
        }
        if self.comparison.is_none() {
            self.keep_selection();
        }
        match result {
            Ok(()) => {
                self.notice = None;
                self.written = None;
            }
            Err(problem) => {
                self.auto_run.pause();
                self.notice = Some(problem);
            }
        }
    }

    /// Keeps the user's choice into the new phase only where it is about the same layer as
    /// the new phase's own default.
    fn keep_selection(&mut self) {
        self.chosen = kept(self.chosen, self.run.stepper.phase(), self.depth());
    }

    fn toggle_compare(&mut self) {
        self.auto_run.pause();
        if self.comparison.take().is_none() {
            match Comparison::new(&self.scenario, &*self.scenarios) {
                Ok(c) => {
                    self.comparison = Some(c);
                    self.notice = None;
                }
                Err(e) => self.notice = Some(e),
            }
        }
    }

    /// Loads another scenario, keeping the current one if it cannot be loaded. Everything
    /// starts afresh but the views (see [`Views::reopened`]), the speed, the theme and the
    /// terminal's size.
    fn open(&mut self, source: &str) {
        if let Err(e) =
            App::new(Rc::clone(&self.scenarios), source).map(|next| self.replace_with(next))
        {
            self.notice = Some(e.to_string());
        }
    }

    /// `R`: the scenario read again, with the settings panel's changes, from its start.
    fn reset(&mut self) {
        let scenarios = Rc::clone(&self.scenarios);
        let applied = self.applied.clone();
        let next = scenarios
            .load(&self.source)
            .and_then(|s| s.with(&applied))
            .and_then(|s| App::on(scenarios, &self.source, s));
        match next {
            Ok(next) => {
                self.replace_with(next);
                self.applied = applied;
            }
            Err(e) => self.notice = Some(e.to_string()),
        }
    }

    /// Everything from `next` but the views, the speed, the theme, the terminal's size and
    /// practice mode.
    fn replace_with(&mut self, next: App) {
        let set = match next.source == self.source {
            true => std::mem::take(&mut self.set),
            false => next.set.clone(),
        };
        *self = App {
            set,
            views: self.views.reopened(),
            auto_run: self.auto_run.reopened(),
            theme: self.theme,
            size: self.size,
            practice: self.practice.take().map(|p| Practice {
                question: None,
                ..p
            }),
            ..next
        }
    }

    /// A key press in the settings panel.
    fn handle_settings(&mut self, message: Message) {
        let Some(settings) = &mut self.settings else {
            return;
        };
        let input = match message {
            Message::Settings(input) => input,
            Message::Quit => {
                self.quit = true;
                return;
            }
            _ => return,
        };
        match settings.update(input) {
            Outcome::Stay => {}
            Outcome::Close => self.settings = None,
            Outcome::Apply(scenario, overrides, summary) => {
                self.apply_settings(*scenario, overrides, &summary);
            }
            Outcome::Save { path, replace } => self.save_scenario(&path, replace),
        }
    }

    /// Starts the run again on the scenario the panel changed (compare mode too, if it is
    /// on), and says what changed and whether the initial weights did.
    fn apply_settings(&mut self, scenario: Scenario, overrides: Vec<Override>, summary: &str) {
        let same_start = same_weights(&self.scenario.network(), &scenario.network());
        let comparing = self.comparison.is_some();
        match App::on(Rc::clone(&self.scenarios), &self.source, scenario) {
            Ok(next) => {
                let mut applied = std::mem::take(&mut self.applied);
                applied.extend(overrides);
                self.replace_with(next);
                self.applied = applied;
                if comparing {
                    self.toggle_compare();
                }
                let start = match same_start {
                    true => words!("settings-same-start"),
                    false => words!("settings-new-start"),
                };
                let applied = words!("settings-applied", changes = summary.to_string());
                self.notice = Some(format!("{applied} {start}"));
            }
            Err(e) => {
                if let Some(settings) = &mut self.settings {
                    settings.refusal = Some(e.to_string());
                }
            }
        }
    }

    /// Writes the scenario as it runs to `path` through the front end; a file already there
    /// is replaced only when the user said so.
    fn save_scenario(&mut self, path: &str, replace: bool) {
        let result = match !replace && self.scenarios.exists(path) {
            true => None,
            false => Some(self.save_scenario_to(path)),
        };
        let Some(settings) = &mut self.settings else {
            return;
        };
        match result {
            None => settings.confirm_replace(),
            Some(Ok(files)) => {
                self.settings = None;
                self.written = files.last().cloned();
                self.notice = Some(words!("settings-saved", files = files.join(", ")));
            }
            Some(Err(refusal)) => settings.refusal = Some(refusal),
        }
    }

    /// `S`: the session, written to `NAME.session.toml` in the current folder (NAME the
    /// built-in's name or the file's stem); the notice names the file.
    fn save_session(&mut self) {
        self.auto_run.pause();
        let path = format!("{}.session.toml", self.stem());
        let text = self.session().to_toml();
        self.notice = Some(match self.write_file(&path, text.as_bytes()) {
            Ok(()) => {
                self.written = Some(path.clone());
                words!("session-saved", file = path)
            }
            Err(e) => e,
        });
    }

    /// A key in the export menu: ↑/↓ move, Enter asks the front end for the export, Esc
    /// closes.
    fn handle_export_menu(&mut self, message: Message) {
        let Some(cursor) = self.export_menu else {
            return;
        };
        let last = Export::ALL.len() - 1;
        match message {
            Message::SelectNext => self.export_menu = Some((cursor + 1).min(last)),
            Message::SelectPrevious => self.export_menu = Some(cursor.saturating_sub(1)),
            Message::Confirm => {
                self.export_menu = None;
                self.export = Some(Export::ALL[cursor]);
            }
            Message::Close | Message::OpenExport => self.export_menu = None,
            Message::Quit => self.quit = true,
            _ => {}
        }
    }

    /// The file an export writes, in the export folder.
    pub fn export_path(&self, export: Export) -> String {
        let name = export.file_name(&self.stem(), self.exported_iteration());
        match &self.export_dir {
            Some(dir) => std::path::Path::new(dir).join(name).display().to_string(),
            None => name,
        }
    }

    /// The iteration a handout exports: the one under way (finished first), or the one just
    /// completed.
    pub fn exported_iteration(&self) -> u64 {
        let s = &self.run.stepper;
        match s.phase() {
            Phase::Done => s.completed(),
            _ => s.completed() + 1,
        }
    }

    /// Writes `bytes` to the file `path` through the front end (whole or not at all).
    pub fn write_file(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.scenarios.write(path, bytes)
    }

    /// The built-in's name or the file's stem the view was opened on, escaped.
    pub fn stem(&self) -> String {
        let stem = std::path::Path::new(&self.source)
            .file_stem()
            .map_or_else(|| "scenario".into(), |s| s.to_string_lossy());
        crate::text::untrusted::printable(&stem)
    }

    /// Saves the scenario as it runs to `path` through the front end (a built-in's data set
    /// beside it); the files written.
    pub fn save_scenario_to(&self, path: &str) -> Result<Vec<String>, String> {
        self.scenarios.save(&self.scenario, path)
    }

    /// Where `w` offers to save the scenario: `NAME-edited.toml` in the current folder, NAME
    /// the built-in's name or the file's stem.
    fn save_path(&self) -> String {
        format!("{}-edited.toml", self.stem())
    }

    /// `t`: evaluates the test set the first time; later shows that result and asks before
    /// evaluating again (Enter), which is then labelled as a reuse.
    fn evaluate_test(&mut self) {
        self.auto_run.pause();
        if self.test_set.is_empty() {
            self.notice = Some(words!("view-test-none"));
            return;
        }
        match self.tested {
            None => self.test_now(false),
            Some(tested) => {
                self.confirming_test = true;
                // The question first: on a small screen it must stay visible.
                let again = words!("view-test-again");
                self.notice = Some(format!("{again} {}", self.test_words(&tested)));
            }
        }
    }

    /// Evaluates the test set on the network as it is now and says what it gave.
    fn test_now(&mut self, reused: bool) {
        let s = &self.run.stepper;
        let network = s.network();
        let mut workspace = crate::nn::Workspace::for_evaluation(network, self.test_set.len());
        let completed = s.completed();
        let tested = Tested {
            completed,
            epoch: completed.div_ceil(s.iterations_per_epoch() as u64),
            costs: crate::nn::evaluate::evaluate(network, &self.test_set, &mut workspace),
            reused,
        };
        self.tested = Some(tested);
        self.notice = Some(self.test_words(&tested));
    }

    /// What an evaluation of the test set gave, when, and what that means.
    fn test_words(&self, tested: &Tested) -> String {
        let c = tested.costs;
        let result = words!(
            "view-test-result",
            samples = self.test_set.len().to_string(),
            mse = format!("{:.4}", c.mse),
            cross_entropy = format!("{:.4}", c.cross_entropy),
            accuracy = format!("{:.1}%", 100.0 * (1.0 - c.classification_error))
        );
        let note = if tested.reused {
            words!("test-set-reused")
        } else {
            words!(
                "test-set-note",
                iteration = tested.completed.to_string(),
                epoch = tested.epoch.to_string()
            )
        };
        format!("{result} {note}")
    }

    fn move_selection(&mut self, by: isize) {
        if let Some(selection) = self.selection() {
            let sizes = self.run.stepper.network().sizes();
            self.chosen = Some(selection.moved(by, &sizes));
        }
    }

    /// Selects the neuron, or else the weight, under a click on the diagram.
    fn click(&mut self, column: u16, row: u16) {
        let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let diagram = regions(screen, self.scenario.image).network;
        let sizes = self.run.stepper.network().sizes();
        let clicked = if by_layer(&sizes) {
            LayerTable::new(diagram, sizes.len() - 1, self.selection())
                .layer_at(row)
                .filter(|_| diagram.x < column && column + 1 < diagram.right())
                .map(|layer| Selection::Neuron { layer, index: 0 })
        } else {
            Geometry::new(diagram, &sizes, self.selection(), self.views.precision)
                .clicked(column, row)
        };
        if let Some(selection) = clicked {
            self.chosen = Some(selection);
        }
    }
}

/// Whether two networks start from the same weights and biases.
fn same_weights(a: &crate::nn::Network, b: &crate::nn::Network) -> bool {
    a.layers.len() == b.layers.len()
        && a.layers
            .iter()
            .zip(&b.layers)
            .all(|(x, y)| x.weights == y.weights && x.biases == y.biases)
}
