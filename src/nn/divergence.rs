//! The facts of a divergence: which value became NaN or infinite, and where. The words a
//! student reads about it (and what to try) are written by the caller, see
//! `crate::text::divergence`.

use super::loss::{Cost, Costs, Loss};
use super::network::Network;
use super::phase::Phase;

/// Which value became non-finite. Layers are 1-based, rows, columns, neurons and samples
/// 0-based (samples are training-set positions).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Quantity {
    /// net, the weighted sum of one neuron for one sample.
    Net {
        /// The layer.
        layer: usize,
        /// The neuron.
        neuron: usize,
        /// The training-set sample.
        sample: usize,
    },
    /// f(net) of one neuron for one sample.
    Output {
        /// The layer.
        layer: usize,
        /// The neuron.
        neuron: usize,
        /// The training-set sample.
        sample: usize,
    },
    /// δ of one neuron for one sample.
    Delta {
        /// The layer.
        layer: usize,
        /// The neuron.
        neuron: usize,
        /// The training-set sample.
        sample: usize,
    },
    /// The scenario's loss on the batch.
    Loss(Loss),
    /// ∂C/∂W of one weight.
    Gradient {
        /// The layer of the matrix.
        layer: usize,
        /// Its row (the neuron the weight feeds).
        row: usize,
        /// Its column (the input the weight reads).
        col: usize,
    },
    /// One weight after its update.
    Weight {
        /// The layer of the matrix.
        layer: usize,
        /// Its row.
        row: usize,
        /// Its column.
        col: usize,
    },
    /// One bias after its update.
    Bias {
        /// The layer.
        layer: usize,
        /// The neuron.
        row: usize,
    },
    /// One of the five costs over a whole set.
    Cost {
        /// Which cost.
        cost: Cost,
        /// Over the validation set (else the training set).
        validation: bool,
    },
    /// One of the five costs over the held-out test set.
    TestCost {
        /// Which cost.
        cost: Cost,
    },
}

/// A value became NaN or infinite: the run has diverged.
///
/// The stepper checks every phase's values and names the first non-finite one; the fast path
/// checks every net as it is computed and the weights and biases after each update (and `train` the costs after each
/// epoch), so it may name a later value of the same iteration.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// 1-based epoch.
    pub epoch: usize,
    /// 1-based iteration within the epoch.
    pub iteration: usize,
    /// The phase that produced the value.
    pub phase: Phase,
    /// Which value.
    pub quantity: Quantity,
    /// The non-finite value.
    pub value: f64,
    /// η at the time.
    pub learning_rate: f64,
    /// The number of layers L of the network (the names of its matrices depend on it).
    pub depth: usize,
    /// Whether the inputs were standardized already.
    pub inputs_standardized: bool,
}

impl Divergence {
    /// Whether nothing had been learned yet when the value appeared: η = 0, or the first
    /// iteration before its first update.
    pub fn before_any_update(&self) -> bool {
        let first_pass = self.epoch == 1
            && self.iteration == 1
            && matches!(
                self.phase,
                Phase::Start | Phase::Forward(_) | Phase::Loss | Phase::OutputDelta
            );
        self.learning_rate == 0.0 || first_pass
    }
}

/// The position and value of the first non-finite number of a column-major matrix
/// with `rows` rows.
pub fn first_non_finite(values: &[f64], rows: usize) -> Option<(usize, usize, f64)> {
    values
        .iter()
        .position(|v| !v.is_finite())
        .map(|p| (p % rows, p / rows, values[p]))
}

/// Layer l's first non-finite weight or bias (1-based l) and its value.
pub fn non_finite_parameter(network: &Network, l: usize) -> Option<(Quantity, f64)> {
    let layer = &network.layers[l - 1];
    first_non_finite(layer.weights.as_slice(), layer.weights.nrows())
        .map(|(row, col, v)| (Quantity::Weight { layer: l, row, col }, v))
        .or_else(|| {
            first_non_finite(layer.biases.as_slice(), layer.biases.len().max(1))
                .map(|(row, _, v)| (Quantity::Bias { layer: l, row }, v))
        })
}

/// The first non-finite cost of a set and its value.
pub fn non_finite_cost(costs: &Costs, validation: bool) -> Option<(Quantity, f64)> {
    costs
        .named()
        .into_iter()
        .find(|(_, v)| !v.is_finite())
        .map(|(cost, v)| (Quantity::Cost { cost, validation }, v))
}
