//! A validated lesson and its stops: positions, what the screen shows, narration and
//! questions; and how a stepper is brought to a stop.

use crate::nn::{Divergence, Phase, Stepper};
use crate::practice::Quantity;
use crate::scenario::{Scenario, ScenarioError};

use crate::scenario::localized::Localized;
use crate::selection::Selection;

/// A validated lesson.
#[derive(Clone, Debug)]
pub struct Lesson {
    /// The name to ask for: a built-in's name, or the file's stem.
    pub name: String,
    /// Where it came from: a path, or `built-in NAME`.
    pub origin: String,
    /// How to load it again: the built-in's name or the path it was loaded from.
    pub source: String,
    /// The lesson's title.
    pub title: Localized,
    /// What it teaches, if the file says.
    pub description: Option<Localized>,
    /// The stops, in order (at least one).
    pub stops: Vec<Stop>,
}

/// One stop of a lesson: a position, what the screen shows, the narration, a question.
#[derive(Clone, Debug)]
pub struct Stop {
    /// The stop's title.
    pub title: Localized,
    /// What `Scenario::load` opens: a built-in's name, or the path resolved against the
    /// lesson's folder.
    pub scenario_source: String,
    /// The scenario, loaded and checked.
    pub scenario: Scenario,
    /// The iteration the stop is in, 1-based (iteration − 1 iterations are complete).
    pub iteration: u64,
    /// The phase of that iteration.
    pub phase: Phase,
    /// Which panels the screen shows.
    pub show: Show,
    /// The panel that fills the screen, if any.
    pub zoom: Option<Zoom>,
    /// The neuron or weight selected, if any.
    pub select: Option<Selection>,
    /// The narration.
    pub text: Localized,
    /// A question to answer before going on, if any.
    pub question: Option<Question>,
}

/// Which panels a stop shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Show {
    /// The diagram, phase, values and charts.
    #[default]
    Dashboard,
    /// The gradient health per layer (`g`).
    Health,
    /// Accuracy and the confusion matrix (`v`).
    Classes,
    /// The scenario's comparison (its `[compare]` table).
    Compare,
}

/// The panel that fills the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Zoom {
    /// The network diagram.
    Diagram,
    /// The phase panel.
    Phase,
    /// The values panel.
    Values,
    /// The cost charts.
    Charts,
}

/// A question of a stop.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    /// A number to predict, in the stop's iteration.
    Number {
        /// Which number.
        quantity: Quantity,
        /// The relative tolerance (besides half a unit of the last decimal shown).
        tolerance: f64,
        /// The file's prompt, if it gives one.
        prompt: Option<Localized>,
    },
    /// A multiple choice.
    Choice {
        /// The question.
        prompt: Localized,
        /// Two to six choices.
        choices: Vec<Localized>,
        /// The right choice, 0-based.
        answer: usize,
        /// Shown once answered.
        explanation: Localized,
    },
}

impl Question {
    /// The question's words: the file's prompt, else the catalog's ("What is δ²₁?") for a
    /// network of `depth` layers.
    pub fn prompt(&self, depth: usize) -> String {
        match self {
            Question::Number {
                prompt: Some(p), ..
            }
            | Question::Choice { prompt: p, .. } => p.text(),
            Question::Number { quantity, .. } => quantity.prompt(depth),
        }
    }
}

/// Why a stop's position could not be reached.
#[derive(Debug, thiserror::Error)]
pub enum PositionError {
    /// The scenario's data could not be read or set up.
    #[error("{0}")]
    Scenario(#[from] ScenarioError),
    /// Training diverged on the way (said in the catalog's words, where and what to try).
    #[error("{}", crate::text::divergence::describe(.0))]
    Diverged(Divergence),
}

impl Stop {
    /// A stepper of the stop's scenario at the stop's iteration and phase.
    pub fn stepper(&self) -> Result<Stepper, PositionError> {
        let mut stepper = self.scenario.setup()?.stepper();
        advance(&mut stepper, self.iteration, self.phase).map_err(PositionError::Diverged)?;
        Ok(stepper)
    }
}

/// What [`advance`] moves: a stepper, or a view's run that keeps one with its curves.
pub trait Walk {
    /// The stepper being moved.
    fn walker(&self) -> &Stepper;
    /// Whole iterations through the fast path.
    fn walk_fast(&mut self, iterations: u64) -> Result<(), Divergence>;
    /// The next phase.
    fn walk_step(&mut self) -> Result<(), Divergence>;
}

impl Walk for Stepper {
    fn walker(&self) -> &Stepper {
        self
    }

    fn walk_fast(&mut self, iterations: u64) -> Result<(), Divergence> {
        self.fast_forward(iterations)
    }

    fn walk_step(&mut self) -> Result<(), Divergence> {
        self.step()
    }
}

/// Steps `walker` forward to `phase` of iteration `iteration` (1-based, counted from the
/// start of training): whole iterations through the fast path, then phase by phase. The
/// start of an iteration after the first is the end (Done) of the one before, as the
/// stepper shows it. A stepper already past that position is left where it is.
pub fn advance(walker: &mut impl Walk, iteration: u64, phase: Phase) -> Result<(), Divergence> {
    let (iteration, phase) = if phase == Phase::Start && iteration > 1 {
        (iteration - 1, Phase::Done)
    } else {
        (iteration, phase)
    };
    // The iteration in progress (at Done it is complete but still the one shown).
    let current = |s: &Stepper| s.completed() + u64::from(s.phase() != Phase::Done);
    if current(walker.walker()) < iteration {
        walker.walk_fast(iteration - 1 - walker.walker().completed())?;
        walker.walk_step()?;
    }
    if current(walker.walker()) == iteration {
        while !walker.walker().reached(phase) {
            walker.walk_step()?;
        }
    }
    Ok(())
}
