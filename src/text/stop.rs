//! Why training stopped, in words: the scenario's epochs or a rule of `[training.stop]`.

use super::notation::{compact, cost_name, scientific};
use crate::nn::Stop;
use crate::words;

/// Why training stopped, e.g. `finished: 1000 epochs`, or `stopped: ` and the rule's
/// [`reason`].
pub fn describe(stop: &Stop) -> String {
    match stop {
        Stop::Epochs(epochs) => words!("stop-epochs", epochs = epochs.to_string()),
        _ => words!("stop-stopped", reason = reason(stop)),
    }
}

/// Which rule stopped training and where, e.g. `at the end of epoch 3 the training MSE was
/// 0.008, below 0.01 (…)`; for the epochs, `finished: 1000 epochs`.
pub fn reason(stop: &Stop) -> String {
    match *stop {
        Stop::Epochs(_) => describe(stop),
        Stop::Below {
            epoch,
            cost,
            value,
            below,
        } => words!(
            "stop-below",
            epoch = epoch.to_string(),
            cost = cost_name(cost),
            value = scientific(value, 3),
            below = compact(below)
        ),
        Stop::Settled {
            epoch,
            change,
            min_change,
            over_epochs,
        } => words!(
            "stop-settled",
            epoch = epoch.to_string(),
            change = scientific(change, 3),
            over = over_epochs.to_string(),
            min_change = compact(min_change)
        ),
    }
}

/// What `r` says when it runs on after `stop`: beyond the scenario's `epochs`.
pub fn beyond(stop: &Stop, epochs: usize) -> String {
    match stop {
        Stop::Epochs(_) => words!("stop-beyond-epochs", epochs = epochs.to_string()),
        _ => words!("stop-beyond-rule", epochs = epochs.to_string()),
    }
}
