//! The network: weight matrices, biases and activations, and how they start.

use nalgebra::{DMatrix, DVector};
use serde::{Deserialize, Serialize};

use super::activation::Activation;
use crate::random::{Stream, generator, unit};

/// How biases take part.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum BiasMode {
    /// No bias terms at all (the lesson leaves them out "for convenience").
    None,
    /// Biases are added but never updated.
    Fixed,
    /// Biases are added and learned like weights.
    Learned,
}

impl BiasMode {
    /// The name used in scenario files.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// How weights start when the scenario gives none.
#[derive(
    Clone, Copy, Debug, PartialEq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Init {
    /// U(−r, r) with the scenario's `init_range`.
    Uniform,
    /// Glorot: U(±√(6/(fan_in + fan_out))).
    Xavier,
    /// He (uniform form): U(±√(6/fan_in)).
    He,
    /// All zeros: every hidden neuron stays identical (the lesson's warning).
    Zeros,
}

impl Init {
    /// The name used in scenario files.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// One layer l: `net_l = W_l · a_{l−1} + b_l`, `a_l = f_l(net_l)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// n_l rows × n_{l−1} columns; row j holds the weights into neuron j.
    pub weights: DMatrix<f64>,
    /// n_l biases (zeros, and unused, when the bias mode is `none`).
    pub biases: DVector<f64>,
    /// f_l.
    pub activation: Activation,
}

/// A multilayer perceptron.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    /// Layers 1..=L (index 0 is layer 1).
    pub layers: Vec<Layer>,
    /// How biases take part.
    pub bias: BiasMode,
}

impl Network {
    /// Copies the weights and biases of `from`, a network of the same sizes, into this one's
    /// buffers (allocating nothing).
    pub fn copy_from(&mut self, from: &Network) {
        for (kept, layer) in self.layers.iter_mut().zip(&from.layers) {
            kept.weights.copy_from(&layer.weights);
            kept.biases.copy_from(&layer.biases);
        }
    }

    /// A network with `sizes` = [inputs, hidden…, outputs], weights drawn by `init`
    /// from a generator seeded with `seed`, and zero biases.
    pub fn initialized(
        sizes: &[usize],
        hidden: Activation,
        output: Activation,
        bias: BiasMode,
        init: Init,
        init_range: f64,
        seed: u64,
    ) -> Network {
        let mut rng = generator(seed, Stream::Init);
        let last = sizes.len() - 1;
        let layers = (1..sizes.len())
            .map(|l| {
                let (fan_in, fan_out) = (sizes[l - 1], sizes[l]);
                let range = match init {
                    Init::Uniform => init_range,
                    Init::Xavier => (6.0 / (fan_in + fan_out) as f64).sqrt(),
                    Init::He => (6.0 / fan_in as f64).sqrt(),
                    Init::Zeros => 0.0,
                };
                // Row-major draw order, so a scenario reads the same whichever storage is used.
                let mut weights = DMatrix::zeros(fan_out, fan_in);
                for j in 0..fan_out {
                    for i in 0..fan_in {
                        weights[(j, i)] = range * (2.0 * unit(&mut rng) - 1.0);
                    }
                }
                Layer {
                    weights,
                    biases: DVector::zeros(fan_out),
                    activation: if l == last { output } else { hidden },
                }
            })
            .collect();
        Network { layers, bias }
    }

    /// The number of layers L (weight matrices).
    pub fn depth(&self) -> usize {
        self.layers.len()
    }

    /// The sizes [n_0, n_1, …, n_L].
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![self.layers[0].weights.ncols()];
        sizes.extend(self.layers.iter().map(|l| l.weights.nrows()));
        sizes
    }

    /// The number of trainable numbers (weights, and biases when learned).
    pub fn parameter_count(&self) -> usize {
        self.layers
            .iter()
            .map(|l| {
                l.weights.len()
                    + if self.bias == BiasMode::Learned {
                        l.biases.len()
                    } else {
                        0
                    }
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xavier_weights_stay_in_range_and_repeat_with_the_seed() {
        let make = || {
            Network::initialized(
                &[3, 5, 2],
                Activation::Tanh,
                Activation::Sigmoid,
                BiasMode::Learned,
                Init::Xavier,
                0.0,
                9,
            )
        };
        let a = make();
        assert_eq!(a, make());
        let limit = (6.0f64 / 8.0).sqrt();
        assert!(a.layers[0].weights.iter().all(|w| w.abs() <= limit));
        assert!(a.layers[0].weights.iter().any(|w| w.abs() > 0.1));
        assert_eq!(a.sizes(), vec![3, 5, 2]);
        assert_eq!(a.parameter_count(), 3 * 5 + 5 + 5 * 2 + 2);
    }
}
