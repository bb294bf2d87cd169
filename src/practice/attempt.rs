//! One question being answered, as a small state machine, and the score over questions.
//!
//! A number: asking → (wrong) hinted → (wrong again, or an empty answer at any time)
//! revealed with the worked formula; right → right. A choice: asking → (wrong) try again →
//! (wrong again) revealed with the explanation; right → right, with the explanation too.

use super::judge::{NotANumber, is_right, parse};
use super::quantity::Reveal;
use crate::words;

/// Where an attempt is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for the first answer.
    Asking,
    /// One wrong answer: the hint is shown (a number) or "not this one" (a choice).
    Retry,
    /// Two wrong answers or given up: the answer and its explanation are shown.
    Revealed,
    /// Answered right (the explanation is shown).
    Right,
}

/// One question being answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// Where it is.
    pub stage: Stage,
    /// Whether the first answer was right (known after the first answer).
    pub first_try: Option<bool>,
}

impl Default for Attempt {
    fn default() -> Attempt {
        Attempt::new()
    }
}

impl Attempt {
    /// A question just asked.
    pub fn new() -> Attempt {
        Attempt {
            stage: Stage::Asking,
            first_try: None,
        }
    }

    /// Whether it is over (right or revealed).
    pub fn finished(&self) -> bool {
        matches!(self.stage, Stage::Revealed | Stage::Right)
    }

    /// Records an answer that was right or wrong; a finished attempt stays as it is.
    pub fn answer(&mut self, right: bool) -> Stage {
        if self.finished() {
            return self.stage;
        }
        self.first_try.get_or_insert(right);
        self.stage = match (right, self.stage) {
            (true, _) => Stage::Right,
            (false, Stage::Asking) => Stage::Retry,
            (false, _) => Stage::Revealed,
        };
        self.stage
    }

    /// Gives up: the answer is revealed (counted as wrong at the first try if none was given).
    pub fn give_up(&mut self) -> Stage {
        if !self.finished() {
            self.first_try.get_or_insert(false);
            self.stage = Stage::Revealed;
        }
        self.stage
    }

    /// Records a typed answer to a number whose reveal is `reveal`: an empty answer gives up,
    /// text that is not a number changes nothing and says why.
    pub fn submit(
        &mut self,
        text: &str,
        reveal: &Reveal,
        tolerance: f64,
        precision: usize,
    ) -> Result<Stage, NotANumber> {
        if text.trim().is_empty() {
            return Ok(self.give_up());
        }
        let answer = parse(text)?;
        Ok(self.answer(is_right(answer, reveal.value, tolerance, precision)))
    }

    /// Records the choice `chosen` (0-based) of a question whose right choice is `answer`.
    pub fn choose(&mut self, chosen: usize, answer: usize) -> Stage {
        self.answer(chosen == answer)
    }

    /// What to show for a number at this stage: the hint after one wrong answer, the worked
    /// formula once revealed or right; nothing while asking.
    pub fn number_feedback(&self, reveal: &Reveal) -> Option<String> {
        match self.stage {
            Stage::Asking => None,
            Stage::Retry => Some(words!("practice-hint", hint = reveal.hint.clone())),
            Stage::Revealed => Some(words!(
                "practice-revealed",
                formula = reveal.formula.clone()
            )),
            Stage::Right => Some(words!("practice-right", formula = reveal.formula.clone())),
        }
    }

    /// What to show for a choice at this stage: "not this one" after one wrong choice, the
    /// right choice and the explanation once revealed or right.
    pub fn choice_feedback(&self, right_choice: &str, explanation: &str) -> Option<String> {
        match self.stage {
            Stage::Asking => None,
            Stage::Retry => Some(words!("practice-choice-retry")),
            Stage::Revealed => Some(words!(
                "practice-choice-revealed",
                choice = right_choice.to_string(),
                explanation = explanation.to_string()
            )),
            Stage::Right => Some(words!(
                "practice-choice-right",
                explanation = explanation.to_string()
            )),
        }
    }
}

/// Questions answered right at the first try, out of those asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Score {
    /// Right at the first try.
    pub right: u32,
    /// Asked (and finished).
    pub asked: u32,
}

impl Score {
    /// Counts a finished attempt; an unfinished one is not counted.
    pub fn count(&mut self, attempt: &Attempt) {
        if attempt.finished() {
            self.asked += 1;
            if attempt.first_try == Some(true) {
                self.right += 1;
            }
        }
    }

    /// "3 of 4 right at the first try", in the catalog's words.
    pub fn text(&self) -> String {
        words!("practice-score", right = self.right, asked = self.asked)
    }
}
