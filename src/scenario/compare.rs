//! Comparisons: two to four copies of a scenario that differ in exactly one setting.

use std::fmt;

use nalgebra::DMatrix;
use serde::Deserialize;
use strum::{IntoEnumIterator, VariantNames};

use super::check::Checker;
use super::error::ScenarioError;
use super::error::{alternatives, expected_count, expected_found, expected_one_of};
use super::evaluation::{EpochCosts, Evaluation};
use super::network::{hidden_activations, softmax_hidden};
use super::raw::RawCompare;
use super::{MAX_EPOCHS, Scenario};
use crate::nn::{Activation, Cost, Costs, Init, Loss, Mode, Stop, StopWatch};
use crate::text::untrusted::printable;
use crate::words;

/// The settings a comparison may vary, named as the scenario file's keys.
pub const SETTINGS: &[&str] = <Setting as VariantNames>::VARIANTS;

/// The fewest and most copies in a comparison.
pub const COPIES: (usize, usize) = (2, 4);

/// One value of the varied setting.
#[derive(Clone, Debug, PartialEq, strum::EnumDiscriminants)]
#[strum_discriminants(
    name(Setting),
    doc = "A setting a comparison may vary.",
    derive(strum::EnumString, strum::VariantNames),
    strum(serialize_all = "snake_case")
)]
pub enum Variation {
    /// `loss`
    Loss(Loss),
    /// `learning_rate`
    LearningRate(f64),
    /// `mode`
    Mode(Mode),
    /// `batch_size` (mini-batch)
    BatchSize(usize),
    /// `hidden_activation`
    HiddenActivation(Activation),
    /// `init`
    Init(Init),
    /// `weights`, one matrix per layer, with their position in the list
    Weights(usize, Vec<DMatrix<f64>>),
}

impl fmt::Display for Variation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::notation::{compact, cost_name, mode_short_name};
        let label = match self {
            Variation::Loss(l) => cost_name((*l).into()),
            Variation::LearningRate(eta) => format!("η = {}", compact(*eta)),
            Variation::Mode(m) => mode_short_name(*m),
            Variation::BatchSize(b) => crate::words!("compare-label-batch-size", size = *b),
            Variation::HiddenActivation(a) => {
                crate::words!("compare-label-hidden", activation = a.name())
            }
            Variation::Init(i) => crate::words!("compare-label-init", init = i.name()),
            Variation::Weights(i, _) => crate::words!("compare-label-weights", number = i + 1),
        };
        f.write_str(&label)
    }
}

/// A comparison: the varied setting's values, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The setting's name, one of [`SETTINGS`].
    pub setting: String,
    /// One value per copy.
    pub values: Vec<Variation>,
    /// One name per copy: `labels` as written, or each value as [`labels`] writes it.
    pub labels: Vec<String>,
    /// The epochs `compare` trains each copy when not told (`epochs`; the scenario's training
    /// epochs when the table does not say).
    pub epochs: Option<usize>,
    /// The cost whose target the summary counts epochs to, e.g. `mse`.
    pub target_cost: Cost,
    /// The target value of that cost.
    pub target: f64,
}

/// Why a value cannot be used; the caller adds the file and the key.
pub type Refusal = String;

/// Reads one TOML value as the typed value of `setting`, checking it against the base
/// scenario (layer shapes, finite numbers, softmax only at the output).
pub fn variation(
    setting: &str,
    index: usize,
    value: &toml::Value,
    base: &Scenario,
) -> Result<Variation, Refusal> {
    let Ok(kind) = setting.parse::<Setting>() else {
        return Err(one_of(SETTINGS, format!("`{setting}`")));
    };
    Ok(match kind {
        Setting::Loss => Variation::Loss(typed(value, &words!("error-what-loss"))?),
        Setting::LearningRate => {
            let eta: f64 = typed(value, &words!("error-what-learning-rate"))?;
            if !eta.is_finite() || eta < 0.0 {
                return Err(words!(
                    "error-compare-learning-rate",
                    value = eta.to_string()
                ));
            }
            Variation::LearningRate(eta)
        }
        Setting::Mode => {
            let modes = alternatives(Mode::iter().map(Mode::name));
            Variation::Mode(typed(value, &modes)?)
        }
        Setting::BatchSize => {
            let b: u64 = typed(value, &words!("error-what-batch-size"))?;
            if b == 0 {
                return Err(words!("error-batch-size-zero"));
            }
            Variation::BatchSize(b as usize)
        }
        Setting::HiddenActivation => {
            let a: Activation = typed(value, &hidden_activations())?;
            if a == Activation::Softmax {
                return Err(softmax_hidden());
            }
            Variation::HiddenActivation(a)
        }
        Setting::Init => {
            let inits = alternatives(Init::iter().map(Init::name));
            Variation::Init(typed(value, &inits)?)
        }
        Setting::Weights => Variation::Weights(index, weights(value, &base.layers)?),
    })
}

/// "expected one of `names`, found `found`".
fn one_of(names: &[&str], found: String) -> Refusal {
    expected_one_of(names.join(", "), found)
}

/// `value` read as a `T`. An unknown name already reads "expected one of …, found …"; a wrong
/// type is refused in the setting's own words, `what`.
fn typed<'de, T: Deserialize<'de>>(value: &toml::Value, what: &str) -> Result<T, Refusal> {
    T::deserialize(value.clone()).map_err(|e| {
        let message = e.message().trim();
        if message.starts_with("unknown variant") {
            super::error::plain(message)
        } else {
            expected_found(what.to_string(), value.to_string())
        }
    })
}

/// `value` read as one finite weight matrix per layer of a network of `layers`.
fn weights(value: &toml::Value, layers: &[usize]) -> Result<Vec<DMatrix<f64>>, Refusal> {
    let w: Vec<Vec<Vec<f64>>> = typed(value, &words!("error-what-weights"))?;
    if w.len() != layers.len() - 1 {
        return Err(expected_count(
            words!("error-count-matrices", n = layers.len() - 1),
            w.len(),
        ));
    }
    let mut matrices = Vec::new();
    for (l, m) in w.iter().enumerate() {
        let (rows, cols) = (layers[l + 1], layers[l]);
        if m.len() != rows || m.iter().any(|r| r.len() != cols) {
            return Err(words!(
                "error-compare-matrix-shape",
                matrix = (l + 1).to_string(),
                rows = rows.to_string(),
                cols = cols.to_string()
            ));
        }
        if m.iter().flatten().any(|x| !x.is_finite()) {
            return Err(words!(
                "error-compare-matrix-finite",
                matrix = (l + 1).to_string()
            ));
        }
        matrices.push(DMatrix::from_fn(rows, cols, |r, c| m[r][c]));
    }
    Ok(matrices)
}

impl Scenario {
    /// A copy of this scenario with one setting changed.
    pub fn varied(&self, variation: &Variation) -> Scenario {
        let mut s = self.clone();
        match variation {
            Variation::Loss(l) => s.training.loss = *l,
            Variation::LearningRate(eta) => s.training.learning_rate = *eta,
            Variation::Mode(m) => s.training.mode = *m,
            Variation::BatchSize(b) => {
                s.training.mode = Mode::MiniBatch;
                s.training.batch_size = *b;
            }
            Variation::HiddenActivation(a) => s.hidden_activation = *a,
            Variation::Init(i) => {
                s.init = *i;
                s.weights = None;
            }
            Variation::Weights(_, w) => s.weights = Some(w.clone()),
        }
        s.name = format!("{} [{variation}]", self.name);
        s
    }
}

/// Parses a command line's `--vary key=v1,v2`: each value is read as TOML (a number, a
/// boolean) or else as a string.
pub fn parse_vary(spec: &str, base: &Scenario) -> Result<(String, Vec<Variation>), Refusal> {
    let (key, values) = spec
        .split_once('=')
        .ok_or_else(|| words!("error-vary-form", spec = spec.to_string()))?;
    let key = key.trim();
    if key == "weights" {
        return Err(words!("error-vary-weights"));
    }
    let values: Vec<&str> = values.split(',').map(str::trim).collect();
    check_count(values.len())?;
    let parsed = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let value = toml::from_str::<toml::Table>(&format!("v = {v}"))
                .ok()
                .and_then(|mut t| t.remove("v"))
                .unwrap_or_else(|| toml::Value::String(v.to_string()));
            variation(key, i, &value, base).map_err(|e| {
                words!(
                    "error-vary-value",
                    n = (i + 1).to_string(),
                    key = key.to_string(),
                    reason = e
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((key.to_string(), parsed))
}

/// Refuses fewer than two or more than four copies.
pub fn check_count(n: usize) -> Result<(), Refusal> {
    if (COPIES.0..=COPIES.1).contains(&n) {
        Ok(())
    } else {
        Err(words!(
            "error-copies",
            min = COPIES.0.to_string(),
            max = COPIES.1.to_string(),
            found = n.to_string()
        ))
    }
}

impl Checker<'_> {
    /// Checks `[compare]` against the scenario whose copies it compares.
    pub(super) fn comparison(
        &self,
        raw: RawCompare,
        base: &Scenario,
    ) -> Result<Comparison, ScenarioError> {
        if raw.vary.parse::<Setting>().is_err() {
            return Err(self.error(
                "compare.vary",
                one_of(SETTINGS, format!("\"{}\"", raw.vary)),
            ));
        }
        check_count(raw.values.len()).map_err(|e| self.error("compare.values", e))?;
        let values = raw
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                variation(&raw.vary, i, v, base)
                    .map_err(|e| self.error(&format!("compare.values[{i}]"), e))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let labels = match raw.labels {
            Some(given) => self.copy_labels(given, values.len())?,
            None => labels(&values),
        };
        let epochs = match raw.epochs {
            Some(e) if e <= MAX_EPOCHS => Some(e as usize),
            Some(e) => {
                return Err(self.error(
                    "compare.epochs",
                    words!(
                        "error-epochs",
                        min = "0",
                        max = MAX_EPOCHS.to_string(),
                        found = e.to_string()
                    ),
                ));
            }
            None => None,
        };
        let name = raw.target_cost.unwrap_or_else(|| "mse".into());
        let Some(target_cost) = Cost::named(&name) else {
            return Err(self.error(
                "compare.target_cost",
                one_of(Cost::VARIANTS, format!("\"{name}\"")),
            ));
        };
        let target = self.finite("compare.target", raw.target.unwrap_or(0.1))?;
        Ok(Comparison {
            setting: raw.vary,
            values,
            labels,
            epochs,
            target_cost,
            target,
        })
    }
}

impl Checker<'_> {
    /// `[compare] labels`: one per copy, none empty, no two alike.
    fn copy_labels(&self, given: Vec<String>, copies: usize) -> Result<Vec<String>, ScenarioError> {
        let given: Vec<String> = given.iter().map(|l| printable(l)).collect();
        if given.len() != copies {
            return Err(self.error(
                "compare.labels",
                words!(
                    "error-label-count",
                    copies = copies.to_string(),
                    found = given.len().to_string()
                ),
            ));
        }
        for (i, label) in given.iter().enumerate() {
            let key = format!("compare.labels[{i}]");
            if label.trim().is_empty() {
                return Err(self.error(&key, words!("error-label-blank", label = label.clone())));
            }
            if given[..i].contains(label) {
                return Err(self.error(&key, words!("error-label-again", label = label.clone())));
            }
        }
        Ok(given)
    }
}

/// The copies' names when the scenario gives none: each value written out, e.g. `mse`,
/// `η = 0.5`, `weights #1`.
pub fn labels(values: &[Variation]) -> Vec<String> {
    values.iter().map(Variation::to_string).collect()
}

/// One copy's training run.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// What differs, e.g. `mse`.
    pub label: String,
    /// The costs at the start and after every epoch.
    pub curve: Vec<EpochCosts>,
    /// The divergence that stopped it early, if any.
    pub diverged: Option<crate::nn::Divergence>,
    /// Gradient health of the last batch trained (none before any training).
    pub health: Vec<crate::nn::health::LayerHealth>,
    /// The rule of `[training.stop]` that stopped it before the epochs asked for, if one did
    /// (not an error).
    pub stopped: Option<Stop>,
}

/// How much weaker the error signal is in the first layer than at the output: mean |δ¹| over
/// mean |δᴸ|.
pub fn first_to_last(health: &[crate::nn::health::LayerHealth]) -> Option<f64> {
    let (first, last) = (health.first()?, health.last()?);
    (last.mean_abs_delta > 0.0).then(|| first.mean_abs_delta / last.mean_abs_delta)
}

impl Run {
    /// The epochs to `target` of the training cost `cost` (see [`EpochsToTarget`]).
    pub fn epochs_to(&self, cost: Cost, target: f64) -> Option<usize> {
        let mut epochs = EpochsToTarget::new(cost, target);
        for point in &self.curve {
            epochs.note(point.epoch, &point.train);
        }
        epochs.reached()
    }
}

/// The epochs a copy takes to bring a training cost down to a target: the first epoch at
/// whose end the training cost is at most the target, 0 when the initial weights already
/// meet it. Only epoch ends count. It is fed the costs at epoch ends in order, as training
/// goes (by `compare` and by the view, which may also step back).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EpochsToTarget {
    /// The cost watched, e.g. `classification_error`.
    pub cost: Cost,
    /// Its target.
    pub target: f64,
    reached: Option<usize>,
}

impl EpochsToTarget {
    /// Nothing reached yet.
    pub fn new(cost: Cost, target: f64) -> EpochsToTarget {
        EpochsToTarget {
            cost,
            target,
            reached: None,
        }
    }

    /// Notes the training costs `train` at the end of `epoch` (0: the initial weights); the
    /// first epoch that meets the target is kept.
    pub fn note(&mut self, epoch: usize, train: &Costs) {
        if self.reached.is_none() && train.get(self.cost) <= self.target {
            self.reached = Some(epoch);
        }
    }

    /// Forgets an epoch reached after `epochs` completed epochs (after stepping back).
    pub fn forget_after(&mut self, epochs: usize) {
        if self.reached.is_some_and(|e| e > epochs) {
            self.reached = None;
        }
    }

    /// The first epoch that met the target, if one has.
    pub fn reached(&self) -> Option<usize> {
        self.reached
    }
}

/// Trains every copy for `epochs` epochs from the same initial weights (except where the
/// varied setting is the initial weights) and the same data order, recording the costs
/// after each epoch; copy i is named `labels[i]`.
pub fn run(
    base: &Scenario,
    values: &[Variation],
    labels: &[String],
    epochs: usize,
) -> Result<Vec<Run>, ScenarioError> {
    values
        .iter()
        .zip(labels)
        .map(|(variation, label)| {
            let setup = base.varied(variation).setup()?;
            let mut evaluation = Evaluation::new(&setup);
            let mut trainer = setup.trainer();
            let mut curve = vec![evaluation.point(&trainer, 0)];
            let mut watch = StopWatch::new(setup.training.stop, epochs);
            let (mut diverged, mut stopped) = (None, None);
            for epoch in 1..=epochs {
                let point = trainer
                    .run_epochs(&setup.splits.train, 1)
                    .and_then(|()| evaluation.costs(&trainer, epoch));
                match point {
                    Ok(point) => {
                        stopped = watch.note(epoch, &point.train);
                        curve.push(point);
                        if stopped.is_some() {
                            break;
                        }
                    }
                    Err(divergence) => {
                        diverged = Some(divergence);
                        break;
                    }
                }
            }
            let health = if trainer.schedule.completed() > 0 {
                trainer.health()
            } else {
                Vec::new()
            };
            Ok(Run {
                label: label.clone(),
                curve,
                diverged,
                health,
                stopped: stopped.filter(|s| !matches!(s, Stop::Epochs(_))),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// MSE 0.5, 0.3, 0.2, 0.05 at the ends of epochs 0 to 3, target 0.25: epoch 2 (0.2 is
    /// the first at most 0.25); 0 when the start meets it; forgotten when stepped back before.
    #[test]
    fn epochs_to_target_counts_the_first_epoch_end_that_meets_it() {
        let costs = |mse| Costs {
            mse,
            ..Costs::default()
        };
        let mut epochs = EpochsToTarget::new(Cost::Mse, 0.25);
        for (epoch, mse) in [0.5, 0.3, 0.2, 0.05].into_iter().enumerate() {
            epochs.note(epoch, &costs(mse));
        }
        assert_eq!(epochs.reached(), Some(2));
        epochs.forget_after(2);
        assert_eq!(epochs.reached(), Some(2));
        epochs.forget_after(1);
        assert_eq!(epochs.reached(), None);
        epochs.note(0, &costs(0.25));
        assert_eq!(
            epochs.reached(),
            Some(0),
            "at most: the target itself meets it"
        );
    }

    #[test]
    fn settings_are_named_as_the_scenario_file_keys() {
        assert_eq!(
            SETTINGS,
            [
                "loss",
                "learning_rate",
                "mode",
                "batch_size",
                "hidden_activation",
                "init",
                "weights"
            ]
        );
    }
}
