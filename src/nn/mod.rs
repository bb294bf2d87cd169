//! The math: activations, losses, the network, the phase machine and the fast path.

pub mod activation;
pub mod explain;
pub mod fast;
pub mod health;
pub mod history;
pub mod loss;
pub mod network;
pub mod phase;
pub mod product;
pub mod reference;
pub mod schedule;
pub mod stepper;
pub mod workspace;

pub use activation::Activation;
pub use fast::Trainer;
pub use loss::{Costs, Loss};
pub use network::{BiasMode, Init, Layer, Network};
pub use phase::Phase;
pub use schedule::{Mode, Schedule};
pub use stepper::Stepper;
pub use workspace::Workspace;

/// How a network is trained.
#[derive(Clone, Debug, PartialEq)]
pub struct Training {
    /// The loss whose gradient drives the updates.
    pub loss: Loss,
    /// η ≥ 0.
    pub learning_rate: f64,
    /// Batch, SGD or mini-batch.
    pub mode: Mode,
    /// Samples per update after resolving the mode (N for batch, 1 for SGD).
    pub batch_size: usize,
    /// Whether each epoch's order is a fresh seeded shuffle.
    pub shuffle: bool,
    /// The default length of `train` and of auto-run.
    pub epochs: usize,
}

/// A value became NaN or infinite: the run has diverged.
///
/// The stepper checks every phase's values and names the first non-finite one; the fast path
/// checks the weights and biases after each update (and `train` the costs after each
/// epoch), so it may name a later value of the same iteration.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct Divergence {
    /// 1-based epoch.
    pub epoch: usize,
    /// 1-based iteration within the epoch.
    pub iteration: usize,
    /// The phase that produced the value.
    pub phase: Phase,
    /// Which value, e.g. `W₁₂`.
    pub quantity: String,
    /// The non-finite value.
    pub value: f64,
    /// η at the time.
    pub learning_rate: f64,
}

impl Divergence {
    /// What to try: a smaller learning rate, or, when nothing was learned yet (η = 0 or the
    /// first forward pass), smaller inputs or initial weights.
    pub fn advice(&self) -> String {
        let before_any_update = self.epoch == 1
            && self.iteration == 1
            && matches!(
                self.phase,
                Phase::Start | Phase::Forward(_) | Phase::Loss | Phase::OutputDelta
            );
        if self.learning_rate == 0.0 || before_any_update {
            "The inputs or the initial weights are too large for the network: try \
             normalize = \"standardize\" in [data], or smaller initial weights."
                .to_string()
        } else {
            format!(
                "Try a smaller learning rate (it is {}).",
                compact(self.learning_rate)
            )
        }
    }
}

impl std::fmt::Display for Divergence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "training diverged in epoch {}, iteration {} ({}): {} became {}. {}",
            self.epoch,
            self.iteration,
            self.phase,
            self.quantity,
            self.value,
            self.advice()
        )
    }
}

/// A number written briefly: scientific notation when very large or very small.
pub fn compact(x: f64) -> String {
    if x != 0.0 && !(1e-4..1e6).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// The position and value of the first non-finite number of a column-major matrix
/// with `rows` rows.
pub(crate) fn first_non_finite(values: &[f64], rows: usize) -> Option<(usize, usize, f64)> {
    values
        .iter()
        .position(|v| !v.is_finite())
        .map(|p| (p % rows, p / rows, values[p]))
}
