//! Validating `[training]`: the loss, the learning rate, the mode with its batch size, and
//! the number of epochs.

use strum::VariantNames;

use super::check::Checker;
use super::error::expected_one_of;
use super::raw::{RawStop, RawTraining};
use super::{MAX_EPOCHS, ScenarioError};
use crate::nn::stop::MAX_OVER_EPOCHS;
use crate::nn::{Cost, Loss, Mode, StopRules, Training};
use crate::words;

impl Checker<'_> {
    /// Checks `[training]` and applies its defaults; `batch_size` stays the scenario's (the
    /// setup resolves it against the training set).
    pub(super) fn training(&self, training: RawTraining) -> Result<Training, ScenarioError> {
        let learning_rate = self.learning_rate(training.learning_rate)?;
        let mode = training.mode.unwrap_or(Mode::Sgd);
        let batch_size = self.batch_size(mode, training.batch_size)?;
        let epochs = self.epochs(training.epochs)?;
        let stop = self.stop(training.stop.unwrap_or_default())?;
        Ok(Training {
            loss: training.loss.unwrap_or(Loss::Mse),
            learning_rate,
            mode,
            batch_size,
            shuffle: training.shuffle.unwrap_or(true),
            epochs,
            stop,
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
        epochs.map_or(Ok(1000), |e| {
            self.epoch_count("training.epochs", e, MAX_EPOCHS)
        })
    }

    /// A count of epochs at `key`: 1 to `max`.
    fn epoch_count(&self, key: &str, found: u64, max: u64) -> Result<usize, ScenarioError> {
        if (1..=max).contains(&found) {
            return Ok(found as usize);
        }
        Err(self.error(
            key,
            words!(
                "error-epochs",
                min = "1",
                max = max.to_string(),
                found = found.to_string()
            ),
        ))
    }

    /// `[training.stop]`: `cost` with `below`, and `min_change` with `over_epochs`, each pair
    /// both or neither.
    fn stop(&self, raw: RawStop) -> Result<StopRules, ScenarioError> {
        let below = match (raw.cost, raw.below) {
            (None, None) => None,
            (Some(name), Some(below)) => {
                let Some(cost) = Cost::named(&name) else {
                    let costs = Cost::VARIANTS.join(", ");
                    let found = format!("\"{name}\"");
                    return Err(self.error("training.stop.cost", expected_one_of(costs, found)));
                };
                Some((cost, self.positive("training.stop.below", below)?))
            }
            (Some(_), None) => return Err(self.pair("cost", "below")),
            (None, Some(_)) => return Err(self.pair("below", "cost")),
        };
        let settled = match (raw.min_change, raw.over_epochs) {
            (None, None) => None,
            (Some(change), Some(over)) => {
                let change = self.positive("training.stop.min_change", change)?;
                Some((
                    change,
                    self.epoch_count("training.stop.over_epochs", over, MAX_OVER_EPOCHS as u64)?,
                ))
            }
            (Some(_), None) => return Err(self.pair("min_change", "over_epochs")),
            (None, Some(_)) => return Err(self.pair("over_epochs", "min_change")),
        };
        Ok(StopRules { below, settled })
    }

    /// "`given` needs `missing`", at `[training.stop]`.
    fn pair(&self, given: &str, missing: &str) -> ScenarioError {
        let message = words!(
            "error-stop-pair",
            given = given.to_string(),
            missing = missing.to_string()
        );
        self.error(&format!("training.stop.{given}"), message)
    }

    /// A bound of a stop rule: finite and above 0.
    fn positive(&self, key: &str, value: f64) -> Result<f64, ScenarioError> {
        let value = self.finite(key, value)?;
        if value <= 0.0 {
            return Err(self.error(
                key,
                words!("error-stop-positive", value = value.to_string()),
            ));
        }
        Ok(value)
    }
}
