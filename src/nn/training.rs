//! How a network is trained.

use super::loss::Loss;
use super::schedule::Mode;
use super::stop::StopRules;

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
    /// The rules that stop training before its epochs (`[training.stop]`).
    pub stop: StopRules,
    /// Whether the inputs were standardized (a divergence's advice does not suggest it again).
    pub inputs_standardized: bool,
}
