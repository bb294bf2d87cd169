//! The buffers of one iteration and the kernels that fill them, phase by phase.
//!
//! The stepper and the fast path call the same kernels in the same order, so they end on
//! bit-identical weights. Matrices hold one sample per column; every buffer is sized for the
//! largest batch once, and a smaller batch uses its first columns, so an iteration allocates
//! nothing.

use nalgebra::{DMatrix, DVector};

use super::activation::Activation;
use super::loss::Loss;
use super::network::{BiasMode, Network};
use super::product::{Columns, mul, mul_by_transpose, mul_transposed};
use super::vmath;
use crate::data::Dataset;

/// The values of one iteration: inputs, targets, and per layer net, out, δ and gradients.
#[derive(Clone, Debug)]
pub struct Workspace {
    batch: usize,
    /// n_0 × capacity: the batch's inputs, one sample per column.
    pub input: DMatrix<f64>,
    /// n_L × capacity: the batch's targets d.
    pub target: DMatrix<f64>,
    /// Per layer, n_l × capacity: net_l = W_l a_{l−1} + b_l.
    pub net: Vec<DMatrix<f64>>,
    /// Per layer, n_l × capacity: a_l = f_l(net_l) (the last is O).
    pub out: Vec<DMatrix<f64>>,
    /// Per layer, n_l × capacity: δ_l = ∂C/∂net_l.
    pub delta: Vec<DMatrix<f64>>,
    /// Per layer, n_l × n_{l−1}: ∂C/∂W_l, the batch mean of δ_l a_{l−1}ᵀ.
    pub grad_weights: Vec<DMatrix<f64>>,
    /// Per layer, n_l: ∂C/∂b_l, the batch mean of δ_l.
    pub grad_biases: Vec<DVector<f64>>,
    /// Room for the largest W_lᵀ above the first layer, which the hidden deltas' product
    /// reads column by column.
    transposed: Vec<f64>,
}

impl Workspace {
    /// Buffers for `network` and batches of up to `capacity` samples.
    pub fn new(network: &Network, capacity: usize) -> Workspace {
        let sizes = network.sizes();
        let capacity = capacity.max(1);
        let per_layer = |n: usize| DMatrix::zeros(n, capacity);
        Workspace {
            batch: 0,
            input: per_layer(sizes[0]),
            target: per_layer(sizes[sizes.len() - 1]),
            net: sizes[1..].iter().map(|&n| per_layer(n)).collect(),
            out: sizes[1..].iter().map(|&n| per_layer(n)).collect(),
            delta: sizes[1..].iter().map(|&n| per_layer(n)).collect(),
            grad_weights: network
                .layers
                .iter()
                .map(|l| DMatrix::zeros(l.weights.nrows(), l.weights.ncols()))
                .collect(),
            grad_biases: sizes[1..].iter().map(|&n| DVector::zeros(n)).collect(),
            transposed: vec![
                0.0;
                network
                    .layers
                    .iter()
                    .skip(1)
                    .map(|l| l.weights.len())
                    .max()
                    .unwrap_or(0)
            ],
        }
    }

    /// The number of samples in the current batch.
    pub fn batch(&self) -> usize {
        self.batch
    }

    /// The largest batch the buffers hold.
    pub fn capacity(&self) -> usize {
        self.input.ncols()
    }

    /// Copies the samples `indices` of `data` into the input and target columns.
    pub fn load(&mut self, data: &Dataset, indices: &[usize]) {
        self.batch = indices.len();
        let (n_in, n_out) = (self.input.nrows(), self.target.nrows());
        let (xs, ds) = (data.inputs.as_slice(), data.targets.as_slice());
        let (input, target) = (self.input.as_mut_slice(), self.target.as_mut_slice());
        for (c, &s) in indices.iter().enumerate() {
            input[c * n_in..(c + 1) * n_in].copy_from_slice(&xs[s * n_in..(s + 1) * n_in]);
            target[c * n_out..(c + 1) * n_out].copy_from_slice(&ds[s * n_out..(s + 1) * n_out]);
        }
    }

    /// The first `batch` columns of a per-layer buffer, as a slice.
    pub fn used<'a>(&self, m: &'a DMatrix<f64>) -> &'a [f64] {
        &m.as_slice()[..m.nrows() * self.batch]
    }

    /// Forward(l), 0-based `i` = l − 1: net_l = W_l a_{l−1} + b_l, a_l = f_l(net_l).
    /// Returns whether every net_l was finite (a non-finite net is a divergence even when
    /// f hides it).
    pub fn forward(&mut self, network: &Network, i: usize) -> bool {
        let b = self.batch;
        let layer = &network.layers[i];
        let n = layer.weights.nrows();
        let (before, rest) = self.out.split_at_mut(i);
        let prev = if i == 0 {
            self.input.as_slice()
        } else {
            before[i - 1].as_slice()
        };
        let m = layer.weights.ncols();
        let net = &mut self.net[i].as_mut_slice()[..n * b];
        let bias = (network.bias != BiasMode::None).then_some(layer.biases.as_slice());
        mul(
            net,
            Columns::new(layer.weights.as_slice(), n, m),
            Columns::new(prev, m, b),
            bias,
        );
        let net = &self.net[i].as_slice()[..n * b];
        layer
            .activation
            .apply(net, &mut rest[0].as_mut_slice()[..n * b], n)
    }

    /// The mean of `loss` over the batch, from O and d.
    pub fn loss(&self, loss: Loss) -> f64 {
        let n = self.target.nrows();
        let out = self.used(&self.out[self.out.len() - 1]);
        let target = self.used(&self.target);
        let sum: f64 = out
            .chunks_exact(n)
            .zip(target.chunks_exact(n))
            .map(|(o, d)| loss.value(o, d))
            .sum();
        sum / self.batch as f64
    }

    /// OutputDelta: δ_L = ∂C/∂net_L per sample, from dC/dO and f′ (softmax: its full Jacobian).
    pub fn output_delta(&mut self, network: &Network, loss: Loss) {
        let last = network.depth() - 1;
        let activation = network.layers[last].activation;
        let n = self.target.nrows();
        let len = n * self.batch;
        let out = &self.out[last].as_slice()[..len];
        let net = &self.net[last].as_slice()[..len];
        let target = &self.target.as_slice()[..len];
        let delta = &mut self.delta[last].as_mut_slice()[..len];
        match (activation, loss) {
            (Activation::Softmax, Loss::CrossEntropy) => {
                for ((dl, o), d) in delta
                    .chunks_exact_mut(n)
                    .zip(out.chunks_exact(n))
                    .zip(target.chunks_exact(n))
                {
                    let total: f64 = d.iter().sum();
                    for k in 0..n {
                        dl[k] = o[k] * total - d[k];
                    }
                }
            }
            (Activation::Softmax, _) => {
                for ((dl, o), d) in delta
                    .chunks_exact_mut(n)
                    .zip(out.chunks_exact(n))
                    .zip(target.chunks_exact(n))
                {
                    let mut dot = 0.0;
                    for k in 0..n {
                        dl[k] = loss.derivative(o[k], d[k]);
                        dot += o[k] * dl[k];
                    }
                    for k in 0..n {
                        dl[k] = o[k] * (dl[k] - dot);
                    }
                }
            }
            (Activation::Sigmoid, Loss::BinaryCrossEntropy) => {
                for ((dl, o), d) in delta.iter_mut().zip(out).zip(target) {
                    *dl = o - d;
                }
            }
            (Activation::Sigmoid, Loss::CrossEntropy) => {
                for ((dl, o), d) in delta.iter_mut().zip(out).zip(target) {
                    *dl = -d * (1.0 - o);
                }
            }
            _ => {
                for (((dl, o), d), z) in delta.iter_mut().zip(out).zip(target).zip(net) {
                    *dl = loss.derivative(*o, *d) * activation.derivative(*z, *o);
                }
            }
        }
    }

    /// HiddenDelta(l), 0-based `i` = l − 1: δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ f′_l(net_l),
    /// with W_{l+1} as it is before its update.
    pub fn hidden_delta(&mut self, network: &Network, i: usize) {
        let b = self.batch;
        let n = network.layers[i].weights.nrows();
        let activation = network.layers[i].activation;
        let (lower, upper) = self.delta.split_at_mut(i + 1);
        let next = &network.layers[i + 1].weights;
        mul_transposed(
            lower[i].as_mut_slice(),
            Columns::new(next.as_slice(), next.nrows(), n),
            Columns::new(upper[0].as_slice(), next.nrows(), b),
            &mut self.transposed,
        );
        let net = &self.net[i].as_slice()[..n * b];
        let out = &self.out[i].as_slice()[..n * b];
        for ((dl, z), o) in lower[i].as_mut_slice()[..n * b]
            .iter_mut()
            .zip(net)
            .zip(out)
        {
            *dl *= activation.derivative(*z, *o);
        }
    }

    /// Gradients: ∂C/∂W_l = mean over the batch of δ_l a_{l−1}ᵀ, ∂C/∂b_l = mean of δ_l.
    pub fn gradients(&mut self, network: &Network) {
        let b = self.batch;
        let scale = 1.0 / b as f64;
        for i in 0..network.depth() {
            let prev = if i == 0 {
                &self.input
            } else {
                &self.out[i - 1]
            };
            let m = prev.nrows();
            let n = self.delta[i].nrows();
            mul_by_transpose(
                self.grad_weights[i].as_mut_slice(),
                scale,
                Columns::new(self.delta[i].as_slice(), n, b),
                Columns::new(prev.as_slice(), m, b),
            );
            let sums = self.grad_biases[i].as_mut_slice();
            let mut columns = self.delta[i].as_slice()[..n * b].chunks_exact(n);
            if let Some(first) = columns.next() {
                for (sum, d) in sums.iter_mut().zip(first) {
                    *sum = 0.0 + d;
                }
            }
            for column in columns {
                for (sum, d) in sums.iter_mut().zip(column) {
                    *sum += d;
                }
            }
            sums.iter_mut().for_each(|sum| *sum *= scale);
        }
    }

    /// Update(l), 0-based `i`: W_l ← W_l − η ∂C/∂W_l, and b_l likewise when biases are learned.
    /// Returns whether every new weight and bias is finite.
    pub fn update(&self, network: &mut Network, i: usize, learning_rate: f64) -> bool {
        let learned = network.bias == BiasMode::Learned;
        let layer = &mut network.layers[i];
        let weights = vmath::descend(
            layer.weights.as_mut_slice(),
            self.grad_weights[i].as_slice(),
            learning_rate,
        );
        let biases = !learned
            || vmath::descend(
                layer.biases.as_mut_slice(),
                self.grad_biases[i].as_slice(),
                learning_rate,
            );
        weights && biases
    }
}

impl Workspace {
    /// Copies `len` samples of `data` from `start` on (at most the capacity) into the input
    /// and target columns.
    pub fn load_range(&mut self, data: &Dataset, start: usize, len: usize) {
        let (n_in, n_out) = (self.input.nrows(), self.target.nrows());
        self.batch = len;
        self.input.as_mut_slice()[..n_in * len]
            .copy_from_slice(&data.inputs.as_slice()[start * n_in..(start + len) * n_in]);
        self.target.as_mut_slice()[..n_out * len]
            .copy_from_slice(&data.targets.as_slice()[start * n_out..(start + len) * n_out]);
    }

    /// Buffers for evaluating `network` on sets of up to `samples` samples, a chunk at a
    /// time: at most [`EVALUATION_CHUNK`] samples and at most [`EVALUATION_NUMBERS`] numbers
    /// per buffer.
    pub fn for_evaluation(network: &Network, samples: usize) -> Workspace {
        let neurons: usize = network.sizes().iter().sum();
        let chunk = (EVALUATION_NUMBERS / neurons.max(1)).clamp(1, EVALUATION_CHUNK);
        Workspace::new(network, samples.min(chunk))
    }
}

/// Whole sets are evaluated at most this many samples at a time.
pub const EVALUATION_CHUNK: usize = 1024;
/// A chunk of evaluation holds at most this many numbers per buffer (samples × neurons).
pub const EVALUATION_NUMBERS: usize = 1 << 20;
