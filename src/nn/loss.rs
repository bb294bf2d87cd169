//! The training losses and the five costs of docs/design.md, per sample and over a set.

use serde::{Deserialize, Serialize};

use super::activation::Activation;
use crate::data::class_of;

/// Outputs are clamped to [CLAMP, 1 − CLAMP] before a logarithm.
pub const CLAMP: f64 = 1e-12;

/// A loss that drives training.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Loss {
    /// Σ_k (d_k − O_k)², the lesson's convention.
    Mse,
    /// ½ Σ_k (d_k − O_k)², the textbook convention.
    HalfMse,
    /// −Σ_k d_k ln O_k (categorical).
    CrossEntropy,
    /// −Σ_k [d_k ln O_k + (1 − d_k) ln(1 − O_k)].
    BinaryCrossEntropy,
}

impl Loss {
    /// The name used in scenario files.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The per-sample value of this loss for outputs `o` and targets `d`.
    pub fn value(self, o: &[f64], d: &[f64]) -> f64 {
        match self {
            Loss::Mse => sum_squares(o, d),
            Loss::HalfMse => 0.5 * sum_squares(o, d),
            Loss::CrossEntropy => cross_entropy(o, d),
            Loss::BinaryCrossEntropy => binary_cross_entropy(o, d),
        }
    }

    /// dC/dO for one output value `o` with target `d`.
    pub fn derivative(self, o: f64, d: f64) -> f64 {
        match self {
            Loss::Mse => 2.0 * (o - d),
            Loss::HalfMse => o - d,
            Loss::CrossEntropy => -d / clamp(o),
            Loss::BinaryCrossEntropy => {
                let c = clamp(o);
                (c - d) / (c * (1.0 - c))
            }
        }
    }
}

/// The five costs of one set (or one sample), each a mean over samples.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Costs {
    /// Σ_k (d_k − O_k)², mean over samples
    pub mse: f64,
    /// ½ Σ_k (d_k − O_k)², mean over samples
    pub half_mse: f64,
    /// −Σ_k d_k ln O_k, mean over samples
    pub cross_entropy: f64,
    /// −Σ_k [d_k ln O_k + (1 − d_k) ln(1 − O_k)], mean over samples
    pub binary_cross_entropy: f64,
    /// the fraction of samples whose predicted class is wrong
    pub classification_error: f64,
}

impl Costs {
    /// Every cost NaN: what a network whose net overflowed is worth.
    pub fn not_finite() -> Costs {
        Costs {
            mse: f64::NAN,
            half_mse: f64::NAN,
            cross_entropy: f64::NAN,
            binary_cross_entropy: f64::NAN,
            classification_error: f64::NAN,
        }
    }

    /// The five costs of samples whose outputs and targets are stored one sample after another,
    /// `width` values each.
    pub fn of(outputs: &[f64], targets: &[f64], width: usize) -> Costs {
        let (sum, count) = Costs::totals(outputs, targets, width);
        sum.mean(count)
    }

    /// The five costs summed (not averaged) over the samples, and the number of samples.
    pub fn totals(outputs: &[f64], targets: &[f64], width: usize) -> (Costs, usize) {
        let mut sum = Costs::default();
        let mut count = 0usize;
        for (o, d) in outputs.chunks_exact(width).zip(targets.chunks_exact(width)) {
            let squares = sum_squares(o, d);
            sum.mse += squares;
            sum.half_mse += 0.5 * squares;
            sum.cross_entropy += cross_entropy(o, d);
            sum.binary_cross_entropy += binary_cross_entropy(o, d);
            sum.classification_error += f64::from(u8::from(misclassified(o, d)));
            count += 1;
        }
        (sum, count)
    }

    /// The sum of two sets of totals.
    pub fn plus(self, other: Costs) -> Costs {
        Costs {
            mse: self.mse + other.mse,
            half_mse: self.half_mse + other.half_mse,
            cross_entropy: self.cross_entropy + other.cross_entropy,
            binary_cross_entropy: self.binary_cross_entropy + other.binary_cross_entropy,
            classification_error: self.classification_error + other.classification_error,
        }
    }

    /// One of the five.
    pub fn get(&self, cost: Cost) -> f64 {
        match cost {
            Cost::Mse => self.mse,
            Cost::HalfMse => self.half_mse,
            Cost::CrossEntropy => self.cross_entropy,
            Cost::BinaryCrossEntropy => self.binary_cross_entropy,
            Cost::ClassificationError => self.classification_error,
        }
    }

    /// The five with their costs, in the order of docs/design.md.
    pub fn named(&self) -> [(Cost, f64); 5] {
        Cost::ALL.map(|cost| (cost, self.get(cost)))
    }

    /// Totals over `count` samples turned into means (zeros for no samples).
    pub fn mean(self, count: usize) -> Costs {
        if count == 0 {
            return Costs::default();
        }
        let n = count as f64;
        Costs {
            mse: self.mse / n,
            half_mse: self.half_mse / n,
            cross_entropy: self.cross_entropy / n,
            binary_cross_entropy: self.binary_cross_entropy / n,
            classification_error: self.classification_error / n,
        }
    }
}

/// One of the five costs watched at every step, whatever the loss that drives training.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantNames,
    strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum Cost {
    /// Σ_k (d_k − O_k)² per sample.
    Mse,
    /// ½ Σ_k (d_k − O_k)² per sample.
    HalfMse,
    /// Categorical cross-entropy.
    CrossEntropy,
    /// Binary cross-entropy.
    BinaryCrossEntropy,
    /// The fraction misclassified.
    ClassificationError,
}

impl Cost {
    /// The five, in the order of docs/design.md.
    pub const ALL: [Cost; 5] = [
        Cost::Mse,
        Cost::HalfMse,
        Cost::CrossEntropy,
        Cost::BinaryCrossEntropy,
        Cost::ClassificationError,
    ];

    /// The name in traces, curves and `--target` (e.g. `half_mse`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The cost called `name`, if there is one.
    pub fn named(name: &str) -> Option<Cost> {
        name.parse().ok()
    }
}

impl Cost {
    /// The cross-entropy that fits an output layer of `outputs` neurons with `activation`:
    /// binary for one sigmoid output (where the categorical one counts only the samples whose
    /// target is 1), categorical otherwise.
    pub fn cross_entropy_for(outputs: usize, activation: Activation) -> Cost {
        if outputs == 1 && activation == Activation::Sigmoid {
            Cost::BinaryCrossEntropy
        } else {
            Cost::CrossEntropy
        }
    }
}

impl From<Loss> for Cost {
    /// The cost a training loss computes.
    fn from(loss: Loss) -> Cost {
        match loss {
            Loss::Mse => Cost::Mse,
            Loss::HalfMse => Cost::HalfMse,
            Loss::CrossEntropy => Cost::CrossEntropy,
            Loss::BinaryCrossEntropy => Cost::BinaryCrossEntropy,
        }
    }
}

/// O clamped to [1e-12, 1 − 1e-12].
pub fn clamp(o: f64) -> f64 {
    o.clamp(CLAMP, 1.0 - CLAMP)
}

/// Whether one sample's prediction is wrong: the class of O is not the class of d
/// (see [`class_of`]).
pub fn misclassified(o: &[f64], d: &[f64]) -> bool {
    class_of(o) != class_of(d)
}

fn sum_squares(o: &[f64], d: &[f64]) -> f64 {
    o.iter().zip(d).map(|(o, d)| (d - o) * (d - o)).sum()
}

fn cross_entropy(o: &[f64], d: &[f64]) -> f64 {
    -o.iter()
        .zip(d)
        .map(|(o, d)| d * clamp(*o).ln())
        .sum::<f64>()
}

fn binary_cross_entropy(o: &[f64], d: &[f64]) -> f64 {
    -o.iter()
        .zip(d)
        .map(|(o, d)| {
            let c = clamp(*o);
            d * c.ln() + (1.0 - d) * (1.0 - c).ln()
        })
        .sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_names_are_the_trace_keys_in_order() {
        let costs = Costs {
            mse: 1.0,
            half_mse: 2.0,
            cross_entropy: 3.0,
            binary_cross_entropy: 4.0,
            classification_error: 5.0,
        };
        let json = serde_json::to_value(costs).unwrap();
        for (i, (cost, value)) in costs.named().into_iter().enumerate() {
            assert_eq!(value, (i + 1) as f64);
            assert_eq!(json[cost.name()], value, "{cost:?}");
            assert_eq!(Cost::named(cost.name()), Some(cost));
        }
        assert_eq!(Cost::named("half-mse"), None);
        use strum::IntoEnumIterator;
        assert_eq!(Cost::iter().collect::<Vec<_>>(), Cost::ALL);
        assert_eq!(
            Cost::from(Loss::BinaryCrossEntropy),
            Cost::BinaryCrossEntropy
        );
    }

    #[test]
    fn first_sample_of_the_lesson() {
        let o = [0.3, 0.3, 0.4];
        let d = [0.0, 0.0, 1.0];
        assert!((Loss::Mse.value(&o, &d) - 0.54).abs() < 1e-12);
        assert!((Loss::CrossEntropy.value(&o, &d) - 0.916_290_731_874_155).abs() < 1e-12);
        assert!(!misclassified(&o, &d));
    }

    #[test]
    fn one_sigmoid_output_shows_binary_cross_entropy() {
        use super::Activation;
        assert_eq!(
            Cost::cross_entropy_for(1, Activation::Sigmoid),
            Cost::BinaryCrossEntropy
        );
        assert_eq!(
            Cost::cross_entropy_for(3, Activation::Sigmoid),
            Cost::CrossEntropy
        );
        assert_eq!(
            Cost::cross_entropy_for(1, Activation::Linear),
            Cost::CrossEntropy
        );
    }

    #[test]
    fn one_output_classifies_at_one_half() {
        assert!(!misclassified(&[0.5], &[1.0]));
        assert!(misclassified(&[0.49], &[1.0]));
        assert!(!misclassified(&[0.2], &[0.0]));
    }

    #[test]
    fn logs_are_clamped() {
        let ce = Loss::CrossEntropy.value(&[0.0, 1.0], &[1.0, 0.0]);
        assert!((ce - 12.0 * 10f64.ln()).abs() < 1e-9);
        assert!(Loss::BinaryCrossEntropy.value(&[1.0], &[0.0]).is_finite());
    }
}
