//! A number a student can be asked to predict, and what revealing it shows: its value, its
//! name in the view's notation, the phase that shows it, the formula with every number, and
//! the hint (the same formula with the answer left as `?`).
//!
//! Layers are 1-based (as in [`Phase`]); neurons, rows and columns are 0-based here and
//! numbered from 1 only where a name is written.

use crate::nn::{Cost, Divergence, Phase, Stepper};
use crate::text::explain::Explain;
use crate::text::notation::{Numbers, cost_name, delta_name, indexed, matrix_name, value_name};
use crate::words;

/// A number of one iteration that a student can predict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// The output (h, O or aˡ) of neuron `neuron` of layer `layer` (1..=L), for the batch's
    /// first sample (as the phase panel shows it).
    Output {
        /// 1..=L
        layer: usize,
        /// 0-based
        neuron: usize,
    },
    /// δ of neuron `neuron` of layer `layer` (1..=L), for the batch's first sample.
    Delta {
        /// 1..=L
        layer: usize,
        /// 0-based
        neuron: usize,
    },
    /// ∂C/∂W of the weight in row `row`, column `col` of layer `layer`'s matrix.
    Gradient {
        /// 1..=L
        layer: usize,
        /// 0-based: the neuron it feeds
        row: usize,
        /// 0-based: the neuron it comes from
        col: usize,
    },
    /// The weight in row `row`, column `col` of layer `layer`'s matrix after this
    /// iteration's update.
    Weight {
        /// 1..=L
        layer: usize,
        /// 0-based
        row: usize,
        /// 0-based
        col: usize,
    },
    /// The scenario's loss C on the current batch (the Loss phase).
    Loss,
    /// A cost over the whole training set at the stepper's position: the network at the
    /// start of the iteration, or after it once it is done.
    Cost(Cost),
}

/// What revealing a quantity shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Reveal {
    /// The exact value.
    pub value: f64,
    /// The value as the view writes it at the chosen precision.
    pub shown: String,
    /// Its name as the view writes it: `δ²₁`, `W₁₁`, `∂C/∂W₁₁`, `C`.
    pub symbol: String,
    /// The formula with every number, ending in the value.
    pub formula: String,
    /// The formula with every number but the answer, which is `?`.
    pub hint: String,
}

impl Quantity {
    /// The quantity that `phase` reveals for neuron `index` of layer `layer` (0 = inputs) of a
    /// network of `depth` layers: its output at Forward(layer), its δ at OutputDelta (output
    /// layer) or HiddenDelta(layer); the batch's loss at Loss; nothing otherwise.
    pub fn for_neuron(phase: Phase, depth: usize, layer: usize, index: usize) -> Option<Quantity> {
        match phase {
            Phase::Forward(l) if l == layer => Some(Quantity::Output {
                layer,
                neuron: index,
            }),
            Phase::OutputDelta if layer == depth => Some(Quantity::Delta {
                layer,
                neuron: index,
            }),
            Phase::HiddenDelta(l) if l == layer => Some(Quantity::Delta {
                layer,
                neuron: index,
            }),
            Phase::Loss => Some(Quantity::Loss),
            _ => None,
        }
    }

    /// The quantity that `phase` reveals for the weight in row `row`, column `col` of layer
    /// `layer`'s matrix: its gradient at Gradients, its new value at Update(layer); the
    /// batch's loss at Loss; nothing otherwise.
    pub fn for_weight(phase: Phase, layer: usize, row: usize, col: usize) -> Option<Quantity> {
        match phase {
            Phase::Gradients => Some(Quantity::Gradient { layer, row, col }),
            Phase::Update(l) if l == layer => Some(Quantity::Weight { layer, row, col }),
            Phase::Loss => Some(Quantity::Loss),
            _ => None,
        }
    }

    /// The phase whose panel reveals the quantity in a network of `depth` layers; `None`
    /// for a cost over the training set, which the charts show at every phase.
    pub fn phase(self, depth: usize) -> Option<Phase> {
        match self {
            Quantity::Output { layer, .. } => Some(Phase::Forward(layer)),
            Quantity::Delta { layer, .. } if layer == depth => Some(Phase::OutputDelta),
            Quantity::Delta { layer, .. } => Some(Phase::HiddenDelta(layer)),
            Quantity::Gradient { .. } => Some(Phase::Gradients),
            Quantity::Weight { layer, .. } => Some(Phase::Update(layer)),
            Quantity::Loss => Some(Phase::Loss),
            Quantity::Cost(_) => None,
        }
    }

    /// Its name in the view's notation for a network of `depth` layers.
    pub fn symbol(self, depth: usize) -> String {
        match self {
            Quantity::Output { layer, neuron } => indexed(&value_name(depth, layer), &[neuron]),
            Quantity::Delta { layer, neuron } => delta_name(layer, neuron),
            Quantity::Gradient { layer, row, col } => {
                format!("∂C/∂{}", indexed(&matrix_name(depth, layer), &[row, col]))
            }
            Quantity::Weight { layer, row, col } => {
                indexed(&matrix_name(depth, layer), &[row, col])
            }
            Quantity::Loss => "C".into(),
            Quantity::Cost(cost) => cost_name(cost),
        }
    }

    /// The question that asks for it, in the catalog's words: "What is δ²₁?".
    pub fn prompt(self, depth: usize) -> String {
        let symbol = self.symbol(depth);
        match self {
            Quantity::Weight { .. } => words!("practice-prompt-weight", symbol = symbol),
            Quantity::Cost(_) => words!("practice-prompt-cost", symbol = symbol),
            _ => words!("practice-prompt", symbol = symbol),
        }
    }

    /// What revealing the quantity in `stepper`'s current iteration shows, at `precision`
    /// decimals. A stepper that has not reached the revealing phase yet is copied and stepped
    /// there (the copy only), so the answer can be known before it is shown.
    pub fn reveal(self, stepper: &Stepper, precision: usize) -> Result<Reveal, Divergence> {
        let depth = stepper.network().depth();
        match self.phase(depth) {
            Some(phase) if !stepper.reached(phase) => {
                let mut ahead = stepper.lookahead();
                while !ahead.reached(phase) {
                    ahead.step()?;
                }
                Ok(self.revealed(&ahead, precision))
            }
            _ => Ok(self.revealed(stepper, precision)),
        }
    }

    /// The reveal, from a stepper that has reached the revealing phase.
    fn revealed(self, s: &Stepper, precision: usize) -> Reveal {
        let explain = Explain::new(s, precision);
        let numbers = Numbers { precision };
        let ws = s.workspace();
        let (value, formula) = match self {
            Quantity::Output { layer, neuron } => (
                ws.out[layer - 1][(neuron, 0)],
                explain.forward(layer, neuron, 0),
            ),
            Quantity::Delta { layer, neuron } if layer == s.network().depth() => (
                ws.delta[layer - 1][(neuron, 0)],
                explain.output_delta(neuron, 0),
            ),
            Quantity::Delta { layer, neuron } => (
                ws.delta[layer - 1][(neuron, 0)],
                explain.hidden_delta(layer, neuron, 0),
            ),
            Quantity::Gradient { layer, row, col } => (
                ws.grad_weights[layer - 1][(row, col)],
                explain.gradient(layer, row, col),
            ),
            Quantity::Weight { layer, row, col } => {
                let before = s.weights_before().layers[layer - 1].weights[(row, col)];
                let eta = s.training().learning_rate;
                let grad = ws.grad_weights[layer - 1][(row, col)];
                (before - eta * grad, explain.update(layer, row, col))
            }
            Quantity::Loss => {
                let value = s.loss().unwrap_or(f64::NAN);
                let formula = if ws.batch() == 1 {
                    explain.loss(0)
                } else {
                    words!(
                        "practice-formula-batch-loss",
                        loss = cost_name(s.training().loss.into()),
                        samples = ws.batch(),
                        value = numbers.show(value)
                    )
                };
                (value, formula)
            }
            Quantity::Cost(cost) => {
                let costs = if s.phase() == Phase::Done {
                    s.costs()
                } else {
                    s.costs_before()
                };
                let value = costs.get(cost);
                let formula = words!(
                    "practice-formula-cost",
                    cost = cost_name(cost),
                    samples = s.train_set().len(),
                    value = numbers.show(value)
                );
                (value, formula)
            }
        };
        let shown = numbers.show(value);
        let hint = match formula.strip_suffix(&shown) {
            Some(start) => format!("{start}?"),
            None => format!("{formula} = ?"),
        };
        Reveal {
            value,
            shown,
            symbol: self.symbol(s.network().depth()),
            formula,
            hint,
        }
    }
}
