//! Validating `[network]`: the layer sizes, the activations, how the weights start, and any
//! weights and biases written out.

use nalgebra::{DMatrix, DVector};
use strum::IntoEnumIterator;

use super::check::Checker;
use super::error::{alternatives, expected_count};
use super::raw::RawNetwork;
use super::{MAX_LAYERS, MAX_PARAMETERS, MAX_WIDTH, ScenarioError};
use crate::nn::{Activation, BiasMode, Init};
use crate::words;

/// `[network]` validated, with its defaults applied.
pub(super) struct NetworkTable {
    /// [inputs, hidden…, outputs].
    pub(super) layers: Vec<usize>,
    /// f of the hidden layers.
    pub(super) hidden_activation: Activation,
    /// f of the output layer.
    pub(super) output_activation: Activation,
    /// How biases take part.
    pub(super) bias: BiasMode,
    /// How weights start when not given.
    pub(super) init: Init,
    /// U(−r, r) for `init = "uniform"`.
    pub(super) init_range: f64,
    /// Explicit weights, per layer.
    pub(super) weights: Option<Vec<DMatrix<f64>>>,
    /// Explicit biases, per layer.
    pub(super) biases: Option<Vec<DVector<f64>>>,
}

/// The activations a hidden layer may have, as words: every one but softmax.
pub(super) fn hidden_activations() -> String {
    alternatives(
        Activation::iter()
            .filter(|a| *a != Activation::Softmax)
            .map(Activation::name),
    )
}

/// Why softmax cannot be a hidden layer's activation.
pub(super) fn softmax_hidden() -> String {
    words!("error-softmax-hidden", allowed = hidden_activations())
}

impl Checker<'_> {
    /// Checks `[network]` and applies its defaults.
    pub(super) fn network(&self, net: RawNetwork) -> Result<NetworkTable, ScenarioError> {
        let layers = self.layers(&net.layers)?;
        let outputs = layers[layers.len() - 1];
        let hidden_activation = net.hidden_activation.unwrap_or(Activation::Sigmoid);
        let output_activation = net.output_activation.unwrap_or(Activation::Sigmoid);
        if hidden_activation == Activation::Softmax {
            return Err(self.error("network.hidden_activation", softmax_hidden()));
        }
        if output_activation == Activation::Softmax && outputs < 2 {
            return Err(self.error(
                "network.output_activation",
                words!("error-softmax-one-output", outputs = outputs.to_string()),
            ));
        }
        let bias = net.bias.unwrap_or(BiasMode::Learned);
        let init = net.init.unwrap_or(Init::Xavier);
        let init_range = self.init_range(net.init_range, init)?;
        let weights = net.weights.map(|w| self.weights(&w, &layers)).transpose()?;
        let biases = net
            .biases
            .map(|b| self.biases(&b, &layers, bias))
            .transpose()?;
        Ok(NetworkTable {
            layers,
            hidden_activation,
            output_activation,
            bias,
            init,
            init_range,
            weights,
            biases,
        })
    }

    /// `layers`: 2 to [`MAX_LAYERS`] sizes of 1 to [`MAX_WIDTH`], at most [`MAX_PARAMETERS`]
    /// weights in all.
    fn layers(&self, sizes: &[toml::Value]) -> Result<Vec<usize>, ScenarioError> {
        if sizes.len() < 2 || sizes.len() > MAX_LAYERS {
            return Err(self.error(
                "network.layers",
                words!(
                    "error-layer-count",
                    max = MAX_LAYERS.to_string(),
                    found = sizes.len().to_string()
                ),
            ));
        }
        let mut layers = Vec::with_capacity(sizes.len());
        for (i, value) in sizes.iter().enumerate() {
            match value.as_integer() {
                Some(n) if (1..=MAX_WIDTH as i64).contains(&n) => layers.push(n as usize),
                _ => {
                    return Err(self.error(
                        &format!("network.layers[{i}]"),
                        words!(
                            "error-layer-size",
                            max = MAX_WIDTH.to_string(),
                            found = value.to_string()
                        ),
                    ));
                }
            }
        }
        let weights_count: usize = layers.windows(2).map(|w| w[0] * w[1]).sum();
        if weights_count > MAX_PARAMETERS {
            return Err(self.error(
                "network.layers",
                words!(
                    "error-too-many-weights",
                    max = MAX_PARAMETERS.to_string(),
                    found = weights_count.to_string()
                ),
            ));
        }
        Ok(layers)
    }

    /// `init_range`: a range ≥ 0, given only with `init = "uniform"` (default 0.5).
    fn init_range(&self, range: Option<f64>, init: Init) -> Result<f64, ScenarioError> {
        let Some(r) = range else {
            return Ok(0.5);
        };
        let r = self.finite("network.init_range", r)?;
        if init != Init::Uniform {
            return Err(self.error(
                "network.init_range",
                words!(
                    "error-init-range-uniform",
                    uniform = Init::Uniform.name(),
                    init = init.name()
                ),
            ));
        }
        if r < 0.0 {
            return Err(self.error(
                "network.init_range",
                words!("error-init-range-negative", value = r.to_string()),
            ));
        }
        Ok(r)
    }

    /// `weights`: one matrix per layer after the inputs, a row per neuron holding the weights
    /// into it.
    fn weights(
        &self,
        w: &[Vec<Vec<f64>>],
        layers: &[usize],
    ) -> Result<Vec<DMatrix<f64>>, ScenarioError> {
        let depth = layers.len() - 1;
        if w.len() != depth {
            return Err(self.error(
                "network.weights",
                expected_count(words!("error-count-matrices", n = depth), w.len()),
            ));
        }
        let mut matrices = Vec::with_capacity(depth);
        for (l, m) in w.iter().enumerate() {
            let key = format!("network.weights[{l}]");
            let (rows, cols) = (layers[l + 1], layers[l]);
            if m.len() != rows {
                return Err(self.error(
                    &key,
                    expected_count(
                        words!("error-count-rows", n = rows, layer = (l + 1).to_string()),
                        m.len(),
                    ),
                ));
            }
            let expected = if l == 0 {
                words!("error-count-weights-from-inputs", n = cols)
            } else {
                words!(
                    "error-count-weights-from-layer",
                    n = cols,
                    layer = l.to_string()
                )
            };
            self.rows(&key, m, cols, &expected)?;
            matrices.push(DMatrix::from_fn(rows, cols, |r, c| m[r][c]));
        }
        Ok(matrices)
    }

    /// `biases`: one vector per layer after the inputs, refused with `bias = "none"`.
    fn biases(
        &self,
        b: &[Vec<f64>],
        layers: &[usize],
        bias: BiasMode,
    ) -> Result<Vec<DVector<f64>>, ScenarioError> {
        if bias == BiasMode::None {
            let others = BiasMode::iter()
                .filter(|b| *b != BiasMode::None)
                .map(|b| format!("\"{}\"", b.name()));
            return Err(self.error(
                "network.biases",
                words!("error-biases-without-bias", others = alternatives(others)),
            ));
        }
        let depth = layers.len() - 1;
        if b.len() != depth {
            return Err(self.error(
                "network.biases",
                expected_count(words!("error-count-bias-vectors", n = depth), b.len()),
            ));
        }
        let mut vectors = Vec::with_capacity(depth);
        for (l, v) in b.iter().enumerate() {
            let key = format!("network.biases[{l}]");
            if v.len() != layers[l + 1] {
                return Err(self.error(
                    &key,
                    expected_count(
                        words!(
                            "error-count-biases",
                            n = layers[l + 1],
                            layer = (l + 1).to_string()
                        ),
                        v.len(),
                    ),
                ));
            }
            for (i, x) in v.iter().enumerate() {
                self.finite(&format!("{key}[{i}]"), *x)?;
            }
            vectors.push(DVector::from_column_slice(v));
        }
        Ok(vectors)
    }
}
