//! The view as a session (`S`) and back (`backstep resume`): what [`crate::session`] keeps,
//! taken from an [`App`] and given back to a new one, which replays every run to the same
//! place.

use std::rc::Rc;

use super::app::App;
use super::panel::Panel;
use super::practice::Practice;
use super::run::Run;
use super::scenarios::Scenarios;
use crate::nn::Divergence;
use crate::practice::Score;
use crate::selection::Selection;
use crate::session::{Position, Session, VERSION, ViewState};
use crate::text::catalog::{Language, language};

/// A panel's name in a session.
fn panel_name(panel: Panel) -> &'static str {
    match panel {
        Panel::Classes => "classes",
        Panel::Health => "health",
        Panel::Boundary => "boundary",
    }
}

/// Where `run` stands.
fn position(run: &Run) -> Position {
    let s = &run.stepper;
    Position {
        completed: s.completed(),
        phase: s.phases().iter().position(|p| *p == s.phase()),
        beyond: run.beyond,
        points: run.curves.iterations(),
    }
}

impl App {
    /// The session of the view as it is now.
    pub fn session(&self) -> Session {
        let runs = match &self.comparison {
            Some(c) => c.runs.iter().collect::<Vec<_>>(),
            None => vec![&self.run],
        };
        Session {
            version: VERSION,
            source: self.source.clone(),
            settings: self.set.iter().chain(&self.applied).cloned().collect(),
            text: self.scenario.text.to_string(),
            data: self.data_fingerprint(),
            language: match language() {
                Language::Korean => "ko".into(),
                _ => "en".into(),
            },
            positions: runs.into_iter().map(position).collect(),
            view: self.view_state(),
            lesson: None,
        }
    }

    /// The fingerprints of the training, validation and test data, in hexadecimal.
    pub fn data_fingerprint(&self) -> String {
        let s = &self.run.stepper;
        [s.train_set(), s.validation_set(), &self.test_set]
            .map(|d| format!("{:016x}", d.fingerprint()))
            .join(" ")
    }

    fn view_state(&self) -> ViewState {
        let v = &self.views;
        ViewState {
            panels: v.shown.iter().map(|p| panel_name(*p).to_string()).collect(),
            epochs_axis: v.x_axis == super::curves::XAxis::Epochs,
            log_y: v.log_y,
            precision: v.precision,
            sample: v.sample,
            light: self.theme.light,
            compare: self.comparison.is_some(),
            selection: self.chosen().map(|s| match s {
                Selection::Neuron { layer, index } => vec![layer, index],
                Selection::Weight { layer, row, col } => vec![layer, row, col],
            }),
            practice: self
                .practice
                .as_ref()
                .map(|p| [p.score.right, p.score.asked]),
        }
    }

    /// The view of `session`, read through `scenarios`: the scenario read again with its
    /// settings (refused, naming what changed, when that is no longer the text it ran), every
    /// run replayed to its place, the toggles as they were. `file` names the session.
    pub fn resumed(
        scenarios: Rc<dyn Scenarios>,
        session: &Session,
        file: &std::path::Path,
    ) -> Result<App, String> {
        let scenario = scenarios
            .load(&session.source)
            .and_then(|s| s.with(&session.settings))
            .map_err(|e| e.to_string())?;
        session
            .check(file, &scenario.text)
            .map_err(|e| e.to_string())?;
        let mut app =
            App::new_on(scenarios, &session.source, scenario).map_err(|e| e.to_string())?;
        session
            .check_data(file, &app.data_fingerprint())
            .map_err(|e| e.to_string())?;
        app.applied = session.settings.clone();
        app.restore_view(&session.view);
        let runs = match &mut app.comparison {
            Some(c) => &mut c.runs[..],
            None => std::slice::from_mut(&mut app.run),
        };
        for (run, place) in runs.iter_mut().zip(&session.positions) {
            replay(run, place).map_err(|d| crate::text::divergence::describe(&d))?;
        }
        let selection = session.view.selection.as_deref().and_then(|s| match *s {
            [layer, index] => Some(Selection::Neuron { layer, index }),
            [layer, row, col] => Some(Selection::Weight { layer, row, col }),
            _ => None,
        });
        app.choose(selection);
        Ok(app)
    }

    /// The toggles of `view`.
    pub fn restore_view(&mut self, view: &ViewState) {
        let v = &mut self.views;
        v.shown = Panel::ALL
            .into_iter()
            .filter(|p| view.panels.iter().any(|n| n == panel_name(*p)))
            .collect();
        v.x_axis = match view.epochs_axis {
            true => super::curves::XAxis::Epochs,
            false => super::curves::XAxis::Iterations,
        };
        v.log_y = view.log_y;
        v.precision = view
            .precision
            .clamp(super::views::PRECISION.0, super::views::PRECISION.1);
        v.sample = view.sample;
        self.theme.light = view.light;
        if view.compare {
            self.update(super::Message::ToggleCompare);
        }
        self.practice = view.practice.map(|[right, asked]| Practice {
            score: Score { right, asked },
            question: None,
        });
    }
}

/// Takes `run` from its start to `place`: through the points its curves took, then phase
/// by phase.
fn replay(run: &mut Run, place: &Position) -> Result<(), Divergence> {
    run.replay(&place.points)?;
    if let Some(i) = place.phase {
        let phase = run.stepper.phases().get(i).copied();
        while phase.is_some_and(|p| p != run.stepper.phase())
            && run.stepper.completed() <= place.completed
        {
            run.step()?;
        }
    }
    run.beyond = place.beyond;
    Ok(())
}
