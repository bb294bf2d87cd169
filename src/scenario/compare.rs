//! Comparisons: two to four copies of a scenario that differ in exactly one setting, any key
//! `--set` accepts. Each copy is the scenario's text with that key written in, validated like
//! the file.

use strum::{IntoEnumIterator, VariantNames};

use super::check::Checker;
use super::error::{ScenarioError, expected_one_of};
use super::evaluation::{EpochCosts, Evaluation};
use super::raw::RawCompare;
use super::set::{self, Override};
use super::{MAX_EPOCHS, Scenario};
use crate::nn::{Cost, Costs, Stop, StopWatch};
use crate::text::untrusted::printable;
use crate::words;

/// The fewest and most copies in a comparison.
pub const COPIES: (usize, usize) = (2, 4);

/// The longest label written for a value of a key without a short name, in characters.
const LABEL_WIDTH: usize = 24;

/// A setting a comparison may vary by a short name (the name `[compare] vary` had before any
/// key could be varied); its full key is equivalent.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::VariantNames, strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum Setting {
    /// `training.loss`
    Loss,
    /// `training.learning_rate`
    LearningRate,
    /// `training.mode`
    Mode,
    /// `training.batch_size` (mini-batch)
    BatchSize,
    /// `network.hidden_activation`
    HiddenActivation,
    /// `network.init` (the given weights removed)
    Init,
    /// `network.weights`, one matrix per layer
    Weights,
}

/// The short names, e.g. `loss`.
pub const SETTINGS: &[&str] = <Setting as VariantNames>::VARIANTS;

impl Setting {
    /// The scenario file's key it names, e.g. `training.loss`.
    pub fn key(self) -> &'static str {
        match self {
            Setting::Loss => "training.loss",
            Setting::LearningRate => "training.learning_rate",
            Setting::Mode => "training.mode",
            Setting::BatchSize => "training.batch_size",
            Setting::HiddenActivation => "network.hidden_activation",
            Setting::Init => "network.init",
            Setting::Weights => "network.weights",
        }
    }

    /// The setting `key` names, by its short name or its full key, if it has a short name.
    pub fn of(key: &str) -> Option<Setting> {
        let key = key.trim();
        key.parse()
            .ok()
            .or_else(|| Setting::iter().find(|s| s.key() == key))
    }
}

/// The full key `key` stands for: `training.loss` for `loss`, any other key as it is.
pub fn full_key(key: &str) -> &str {
    match Setting::of(key) {
        Some(setting) => setting.key(),
        None => key.trim(),
    }
}

/// A comparison: the varied key and one copy of the scenario per value, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The varied key as written: a short name of [`SETTINGS`] or any key, e.g.
    /// `data.normalize`.
    pub setting: String,
    /// One copy per value: the scenario with the key set to it, without `[compare]`.
    pub copies: Vec<Scenario>,
    /// One name per copy: `labels` as written, or each value as [`label`] writes it.
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

/// What makes a copy with `key` set to `value` (TOML, else a string): `[compare]` removed,
/// the key set, and what goes with it (mini-batch for a batch size; for an init no given
/// weights, and no `init_range` unless it is `uniform`).
fn overrides(key: &str, value: &str) -> Vec<Override> {
    let mut overrides = vec![
        Override::removal("compare"),
        Override::new(full_key(key), value),
    ];
    match Setting::of(key) {
        Some(Setting::BatchSize) => {
            overrides.push(Override::new("training.mode", "\"mini-batch\""))
        }
        Some(Setting::Init) => {
            overrides.push(Override::removal("network.weights"));
            if value.trim().trim_matches('"') != "uniform" {
                overrides.push(Override::removal("network.init_range"));
            }
        }
        _ => {}
    }
    overrides
}

/// `base` with `key` set to `value`, validated like the file; a refusal names the key it is
/// about and says what was expected and found.
fn copy(base: &Scenario, key: &str, value: &str) -> Result<Scenario, Refusal> {
    let overrides = overrides(key, value);
    let edited = set::apply(&base.text, &overrides).map_err(|e| refusal(e, &overrides))?;
    Scenario::parse(&edited, &base.origin, base.folder.as_deref())
        .map_err(|e| refusal(e, &overrides))
}

/// The words of a copy's error: the setting's own words when it is about the varied key,
/// else the key it is about (e.g. given weights that no longer fit the layers).
fn refusal(error: ScenarioError, overrides: &[Override]) -> Refusal {
    match error {
        ScenarioError::Invalid(d) => match set::blame(&d, overrides) {
            Some(ScenarioError::Set { message, .. }) => message,
            _ => printable(&format!("`{}`: {}", d.key, d.message)),
        },
        ScenarioError::Set { message, .. } => message,
        other => other.to_string(),
    }
}

/// The copies of `base` with `key` set to each of `values` (TOML, else strings), each named
/// by [`label`]; a refused value gives its position (0-based) and why.
pub fn copies(
    base: &Scenario,
    key: &str,
    values: &[String],
) -> Result<(Vec<Scenario>, Vec<String>), (usize, Refusal)> {
    let mut copies = Vec::new();
    let mut labels = Vec::new();
    for (i, value) in values.iter().enumerate() {
        let mut c = copy(base, key, value).map_err(|e| (i, e))?;
        let name = label(key, i, value, &c);
        c.name = format!("{} [{name}]", base.name);
        copies.push(c);
        labels.push(name);
    }
    Ok((copies, labels))
}

/// A copy's name when the scenario gives none: for a short name the value in the lesson's
/// words (`mse`, `η = 0.5`, `hidden tanh`, `weights #1`), for any other key `name = value`
/// with the key's last name and the value as written, cut short (`normalize = standardize`).
pub fn label(key: &str, index: usize, value: &str, copy: &Scenario) -> String {
    use crate::text::notation::{compact, cost_name, mode_short_name};
    match Setting::of(key) {
        Some(Setting::Loss) => cost_name(copy.training.loss.into()),
        Some(Setting::LearningRate) => format!("η = {}", compact(copy.training.learning_rate)),
        Some(Setting::Mode) => mode_short_name(copy.training.mode),
        Some(Setting::BatchSize) => {
            words!("compare-label-batch-size", size = copy.training.batch_size)
        }
        Some(Setting::HiddenActivation) => {
            words!(
                "compare-label-hidden",
                activation = copy.hidden_activation.name()
            )
        }
        Some(Setting::Init) => words!("compare-label-init", init = copy.init.name()),
        Some(Setting::Weights) => words!("compare-label-weights", number = index + 1),
        None if full_key(key) == "network.layers" => crate::text::notation::shape(&copy.layers),
        None => {
            let name = key.rsplit('.').next().unwrap_or(key).trim();
            let value = match value.parse::<toml_edit::Value>() {
                Ok(toml_edit::Value::String(s)) => s.value().clone(),
                _ => value.split_whitespace().collect::<Vec<_>>().join(" "),
            };
            let label = printable(&format!("{name} = {value}"));
            if label.chars().count() > LABEL_WIDTH {
                let cut: String = label.chars().take(LABEL_WIDTH - 1).collect();
                format!("{cut}…")
            } else {
                label
            }
        }
    }
}

/// Parses a command line's `--vary KEY=V1,V2` or `--vary 'KEY=[V1, V2]'`: a TOML array after
/// the `=` gives the values (so a value may hold commas, e.g. `network.layers`), else the
/// text is split on commas; each value is read as TOML, else as a string. Gives the key and
/// the copies with their labels.
pub fn parse_vary(
    spec: &str,
    base: &Scenario,
) -> Result<(String, Vec<Scenario>, Vec<String>), Refusal> {
    let (key, values) = spec
        .split_once('=')
        .ok_or_else(|| words!("error-vary-form", spec = printable(spec)))?;
    let key = key.trim();
    if !super::set::valid_key(key) {
        return Err(words!("error-vary-form", spec = printable(spec)));
    }
    let values: Vec<String> = match values.trim().parse::<toml_edit::Value>() {
        Ok(toml_edit::Value::Array(array)) => array
            .iter()
            .map(|v| v.to_string().trim().to_string())
            .collect(),
        _ => values.split(',').map(|v| v.trim().to_string()).collect(),
    };
    check_count(values.len())?;
    let (copies, labels) = copies(base, key, &values).map_err(|(i, reason)| {
        words!(
            "error-vary-value",
            n = (i + 1).to_string(),
            key = printable(key),
            reason = reason
        )
    })?;
    Ok((key.to_string(), copies, labels))
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
    /// Checks `[compare]` against the scenario whose copies it compares: each value makes a
    /// copy validated like the file.
    pub(super) fn comparison(
        &self,
        raw: RawCompare,
        base: &Scenario,
    ) -> Result<Comparison, ScenarioError> {
        let key = raw.vary.trim();
        if !super::set::valid_key(key) {
            return Err(self.error(
                "compare.vary",
                words!(
                    "error-compare-key",
                    names = SETTINGS.join(", "),
                    found = printable(&raw.vary)
                ),
            ));
        }
        check_count(raw.values.len()).map_err(|e| self.error("compare.values", e))?;
        let values: Vec<String> = raw.values.iter().map(toml::Value::to_string).collect();
        let (copies, default_labels) = copies(base, key, &values)
            .map_err(|(i, e)| self.error(&format!("compare.values[{i}]"), e))?;
        let labels = match raw.labels {
            Some(given) => self.copy_labels(given, copies.len())?,
            None => default_labels,
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
                expected_one_of(Cost::VARIANTS.join(", "), format!("\"{name}\"")),
            ));
        };
        let target = self.finite("compare.target", raw.target.unwrap_or(0.1))?;
        Ok(Comparison {
            setting: key.to_string(),
            copies,
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

/// Trains every copy for `epochs` epochs, recording the costs after each epoch; copy i is
/// named `labels[i]`. Copies start from the same initial weights and data order unless the
/// varied key changes them (the weights, the layers, the seed …).
pub fn run(
    copies: &[Scenario],
    labels: &[String],
    epochs: usize,
) -> Result<Vec<Run>, ScenarioError> {
    copies
        .iter()
        .zip(labels)
        .map(|(copy, label)| {
            let setup = copy.setup()?;
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
    fn short_names_stand_for_their_keys() {
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
        assert_eq!(full_key("loss"), "training.loss");
        assert_eq!(full_key("hidden_activation"), "network.hidden_activation");
        assert_eq!(Setting::of("network.weights"), Some(Setting::Weights));
        assert_eq!(full_key("data.normalize"), "data.normalize");
        assert_eq!(Setting::of("data.normalize"), None);
    }
}
