//! Practice mode in the stepping view (`p`): before a phase reveals a number about the
//! selection, the phase panel asks for it, and the step waits for the answer. The score
//! counts the questions answered right at the first try.

use super::answer::Answer;
use crate::nn::{Phase, Stepper};
use crate::practice::{Quantity, Score, TOLERANCE};
use crate::selection::{Selection, selection_in};

/// Practice mode, while it is on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Practice {
    /// Right at the first try, out of the questions finished.
    pub score: Score,
    /// The question waiting for an answer, if the next step reveals one.
    pub question: Option<Question>,
}

/// A question that waits: the step into `phase` is taken once it is answered or left.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The phase the next step performs, which reveals the quantity.
    pub phase: Phase,
    /// What is asked.
    pub quantity: Quantity,
    /// The answer box.
    pub answer: Answer,
}

impl Question {
    /// The question the next step of `stepper` asks when the user's choice is `chosen`,
    /// at `precision` decimals: none when that phase reveals nothing about the selection
    /// it will have, or when the step diverges (the real step then reports it).
    pub fn next(
        stepper: &Stepper,
        chosen: Option<Selection>,
        precision: usize,
    ) -> Option<Question> {
        let depth = stepper.network().depth();
        let mut ahead = stepper.lookahead();
        ahead.step().ok()?;
        let phase = ahead.phase();
        let quantity = match selection_in(chosen, phase, depth)? {
            Selection::Neuron { layer, index } => Quantity::for_neuron(phase, depth, layer, index),
            Selection::Weight { layer, row, col } => Quantity::for_weight(phase, layer, row, col),
        }?;
        // The copy has taken the step, so the reveal reads it where it stands.
        let reveal = quantity.reveal(&ahead, precision).ok()?;
        Some(Question {
            phase,
            quantity,
            answer: Answer::new(reveal, TOLERANCE, precision),
        })
    }

    /// "What is δ²₁?" for a network of `depth` layers.
    pub fn prompt(&self, depth: usize) -> String {
        self.quantity.prompt(depth)
    }
}
