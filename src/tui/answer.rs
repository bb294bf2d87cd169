//! The answer box's state: one number question being answered by typing. Practice mode in
//! the stepping view and the lesson view's number questions both use it, and
//! [`crate::tui::ui::question::render_question`] draws it.
//!
//! ```text
//! let mut answer = Answer::new(reveal, TOLERANCE, precision);
//! answer.update(AnswerInput::Type('0'));   // None: the text is "0"
//! answer.update(AnswerInput::Check);       // Some(Stage::Retry) when wrong
//! ```

use crate::practice::{Attempt, Reveal, Stage};

/// What a key does to the answer box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerInput {
    /// Type one character: a digit, `.`, `-` or `e`; any other character is ignored.
    Type(char),
    /// Erase the last character.
    Erase,
    /// Check the text typed (Enter): an empty text gives up and reveals the answer.
    Check,
}

/// One number question being answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// What has been typed for this try: emptied by a wrong answer, for the next try; kept
    /// once the question is over, to be read beside the answer.
    pub text: String,
    /// Where the attempt is: asking, hinted, revealed or right.
    pub attempt: Attempt,
    /// The expected value, its symbol, the worked formula and the hint.
    pub reveal: Reveal,
    /// The relative tolerance of a right answer ([`crate::practice::TOLERANCE`] unless
    /// the question gives its own).
    pub tolerance: f64,
    /// The decimals shown: half a unit of the last one is also right.
    pub precision: usize,
    /// Why the last checked text was not read as a number, in the catalog's words; cleared
    /// by the next key.
    pub problem: Option<String>,
}

impl Answer {
    /// A question just asked, whose answer is `reveal`, judged within `tolerance` relative
    /// or half a unit of the last of `precision` decimals.
    pub fn new(reveal: Reveal, tolerance: f64, precision: usize) -> Answer {
        Answer {
            text: String::new(),
            attempt: Attempt::new(),
            reveal,
            tolerance,
            precision,
            problem: None,
        }
    }

    /// Whether the question is over (answered right or revealed): the next Enter or Space
    /// moves on, and typing changes nothing.
    pub fn finished(&self) -> bool {
        self.attempt.finished()
    }

    /// Applies one key. Returns the new stage when the key checked an answer (a right or
    /// wrong number, or an empty one); `None` when it only edited the text, when the text
    /// was not a number ([`Answer::problem`] says why) or when the question was over.
    pub fn update(&mut self, input: AnswerInput) -> Option<Stage> {
        if self.finished() {
            return None;
        }
        self.problem = None;
        match input {
            AnswerInput::Type(c) if c.is_ascii_digit() || matches!(c, '.' | '-' | 'e') => {
                self.text.push(c);
                None
            }
            AnswerInput::Type(_) => None,
            AnswerInput::Erase => {
                self.text.pop();
                None
            }
            AnswerInput::Check => {
                let judged =
                    self.attempt
                        .submit(&self.text, &self.reveal, self.tolerance, self.precision);
                match judged {
                    Ok(Stage::Retry) => {
                        self.text.clear();
                        Some(Stage::Retry)
                    }
                    Ok(stage) => Some(stage),
                    Err(not_a_number) => {
                        self.problem = Some(not_a_number.message());
                        None
                    }
                }
            }
        }
    }

    /// What to show under the input: why the text is not a number, else the hint after a
    /// wrong answer, or the worked formula once revealed or right; nothing while asking.
    pub fn feedback(&self) -> Option<String> {
        self.problem
            .clone()
            .or_else(|| self.attempt.number_feedback(&self.reveal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> Answer {
        let reveal = Reveal {
            value: 0.25,
            shown: "0.2500".into(),
            symbol: "δ²₁".into(),
            formula: "δ²₁ = 0.5 · 0.5 = 0.2500".into(),
            hint: "δ²₁ = 0.5 · 0.5 = ?".into(),
        };
        Answer::new(reveal, 0.01, 4)
    }

    fn typed(answer: &mut Answer, text: &str) {
        text.chars()
            .for_each(|c| assert_eq!(answer.update(AnswerInput::Type(c)), None));
    }

    #[test]
    fn typing_edits_only_with_the_characters_of_a_number() {
        let mut a = answer();
        typed(&mut a, "-1.5e3x q");
        assert_eq!(a.text, "-1.5e3");
        a.update(AnswerInput::Erase);
        assert_eq!(a.text, "-1.5e");
        assert_eq!(a.attempt.stage, Stage::Asking);
    }

    #[test]
    fn wrong_then_wrong_reveals_and_right_is_right() {
        let mut a = answer();
        typed(&mut a, "0.3");
        assert_eq!(a.update(AnswerInput::Check), Some(Stage::Retry));
        assert!(a.feedback().unwrap().contains("0.5 · 0.5 = ?"));
        assert_eq!(a.text, "", "emptied for the next try");
        typed(&mut a, "0.3");
        assert_eq!(a.update(AnswerInput::Check), Some(Stage::Revealed));
        assert_eq!(a.text, "0.3", "kept beside the answer");
        assert!(a.feedback().unwrap().contains("= 0.2500"));
        assert_eq!(a.update(AnswerInput::Check), None, "over");
        let mut b = answer();
        // 0.2524 is within 1 % of 0.25.
        typed(&mut b, "0.2524");
        assert_eq!(b.update(AnswerInput::Check), Some(Stage::Right));
        assert_eq!(b.attempt.first_try, Some(true));
    }

    #[test]
    fn an_empty_answer_reveals_and_text_that_is_no_number_says_so() {
        let mut a = answer();
        typed(&mut a, "-");
        assert_eq!(a.update(AnswerInput::Check), None);
        assert!(a.problem.is_some());
        assert_eq!(a.attempt.stage, Stage::Asking, "not a wrong answer");
        a.update(AnswerInput::Erase);
        assert_eq!(a.problem, None);
        assert_eq!(a.update(AnswerInput::Check), Some(Stage::Revealed));
        assert_eq!(a.attempt.first_try, Some(false));
    }
}
