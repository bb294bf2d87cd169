//! Validating `[training]`: the loss, the learning rate, the mode with its batch size, and
//! the number of epochs.

use super::check::Checker;
use super::raw::RawTraining;
use super::{MAX_EPOCHS, ScenarioError};
use crate::nn::{Loss, Mode, Training};
use crate::words;

impl Checker<'_> {
    /// Checks `[training]` and applies its defaults; `batch_size` stays the scenario's (the
    /// setup resolves it against the training set).
    pub(super) fn training(&self, training: RawTraining) -> Result<Training, ScenarioError> {
        let learning_rate = self.learning_rate(training.learning_rate)?;
        let mode = training.mode.unwrap_or(Mode::Sgd);
        let batch_size = self.batch_size(mode, training.batch_size)?;
        let epochs = self.epochs(training.epochs)?;
        Ok(Training {
            loss: training.loss.unwrap_or(Loss::Mse),
            learning_rate,
            mode,
            batch_size,
            shuffle: training.shuffle.unwrap_or(true),
            epochs,
            inputs_standardized: false,
        })
    }

    /// `learning_rate`: finite and ≥ 0 (default 0.5).
    fn learning_rate(&self, eta: Option<f64>) -> Result<f64, ScenarioError> {
        let Some(eta) = eta else {
            return Ok(0.5);
        };
        let eta = self.finite("training.learning_rate", eta)?;
        if eta < 0.0 {
            return Err(self.error(
                "training.learning_rate",
                words!("error-learning-rate-negative", value = eta.to_string()),
            ));
        }
        Ok(eta)
    }

    /// `batch_size`: at least 1, and required by mini-batch (default 1).
    fn batch_size(&self, mode: Mode, batch_size: Option<u64>) -> Result<usize, ScenarioError> {
        match (mode, batch_size) {
            (_, Some(0)) => Err(self.error("training.batch_size", words!("error-batch-size-zero"))),
            (_, Some(b)) => Ok(usize::try_from(b).unwrap_or(usize::MAX)),
            (Mode::MiniBatch, None) => Err(self.error(
                "training",
                words!("error-batch-size-missing", mode = Mode::MiniBatch.name()),
            )),
            (_, None) => Ok(1),
        }
    }

    /// `epochs`: 1 to [`MAX_EPOCHS`] (default 1000).
    fn epochs(&self, epochs: Option<u64>) -> Result<usize, ScenarioError> {
        match epochs {
            Some(e) if (1..=MAX_EPOCHS).contains(&e) => Ok(e as usize),
            Some(e) => Err(self.error(
                "training.epochs",
                words!(
                    "error-epochs",
                    min = "1",
                    max = MAX_EPOCHS.to_string(),
                    found = e.to_string()
                ),
            )),
            None => Ok(1000),
        }
    }
}
