//! A reference network to read: one training iteration written the way the lecture writes
//! it, one sample at a time, with nalgebra vectors and matrices.
//!
//! It is slow on purpose and shares no code with the kernels (`activation.rs`, `loss.rs`,
//! `workspace.rs`, `product.rs`): f, f′, the costs and dC/dO are written out again here, so
//! that `tests/reference.rs` can check the fast kernels against it. The conventions are those
//! of docs/design.md: a batch's cost and gradients are means over its samples, a softmax output's
//! delta goes through its full Jacobian, ReLU′(0) = 0, logarithms (and the divisions of their
//! derivatives) clamp O to [10⁻¹², 1 − 10⁻¹²], and fixed biases are added but never updated.
//!
//! Where that clamp is active (O within 10⁻¹² of 0 or 1) this literal chain rule and the
//! kernels' simplified deltas for a sigmoid or softmax output with a cross-entropy loss
//! (δ = O − d and the like, which do not clamp) give different numbers; everywhere else
//! they agree to rounding.

use nalgebra::{DMatrix, DVector};

use super::activation::Activation;
use super::loss::Loss;
use super::network::{BiasMode, Network};

/// Outputs are clamped to [CLAMP, 1 − CLAMP] before a logarithm or a division by O or 1 − O.
const CLAMP: f64 = 1e-12;

/// Everything one iteration computes. Per-sample values have one column per sample of the
/// batch, in the order of the batch.
#[derive(Clone, Debug)]
pub struct Step {
    /// Per layer l = 1..L, n_l × B: net_l = W_l a_{l−1} + b_l.
    pub net: Vec<DMatrix<f64>>,
    /// Per layer, n_l × B: a_l = f_l(net_l); the last one is the output O.
    pub out: Vec<DMatrix<f64>>,
    /// The mean of the per-sample cost over the batch, before the update.
    pub loss: f64,
    /// Per layer, n_l × B: δ_l = ∂C/∂net_l.
    pub delta: Vec<DMatrix<f64>>,
    /// Per layer, n_l × n_{l−1}: ∂C/∂W_l = mean over the batch of δ_l a_{l−1}ᵀ.
    pub grad_weights: Vec<DMatrix<f64>>,
    /// Per layer, n_l: ∂C/∂b_l = mean over the batch of δ_l (computed in every bias mode;
    /// only `learned` biases are moved by it).
    pub grad_biases: Vec<DVector<f64>>,
    /// The network after the update W_l ← W_l − η ∂C/∂W_l (W first, then V).
    pub updated: Network,
}

/// σ(z) = 1 / (1 + e^−z).
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// f(net) of a whole layer. Softmax is e^net_i / Σ_j e^net_j, written with every net_j
/// shifted by the largest one (the same fraction, but e^net cannot overflow).
pub fn f(activation: Activation, net: &DVector<f64>) -> DVector<f64> {
    match activation {
        Activation::Sigmoid => net.map(sigmoid),
        Activation::Tanh => net.map(f64::tanh),
        Activation::Relu => net.map(|z| if z > 0.0 { z } else { 0.0 }),
        Activation::Linear => net.clone(),
        Activation::Softmax => {
            let largest = net.max();
            let e = net.map(|z| (z - largest).exp());
            &e / e.sum()
        }
    }
}

/// f′(net) of an element-wise activation, from net itself. Softmax has no element-wise
/// derivative: see [`softmax_jacobian`].
pub fn f_prime(activation: Activation, net: &DVector<f64>) -> DVector<f64> {
    match activation {
        Activation::Sigmoid => net.map(|z| sigmoid(z) * (1.0 - sigmoid(z))),
        Activation::Tanh => net.map(|z| 1.0 - z.tanh() * z.tanh()),
        Activation::Relu => net.map(|z| if z > 0.0 { 1.0 } else { 0.0 }),
        Activation::Linear => net.map(|_| 1.0),
        Activation::Softmax => panic!("softmax has a Jacobian, not an element-wise f′"),
    }
}

/// The softmax Jacobian ∂O_i/∂net_j = O_i (δ_ij − O_j), i.e. diag(O) − O Oᵀ.
pub fn softmax_jacobian(o: &DVector<f64>) -> DMatrix<f64> {
    DMatrix::from_diagonal(o) - o * o.transpose()
}

/// O clamped to [10⁻¹², 1 − 10⁻¹²].
fn clamp(o: f64) -> f64 {
    o.clamp(CLAMP, 1.0 - CLAMP)
}

/// The cost C of one sample with output `o` and target `d`.
pub fn cost(loss: Loss, o: &DVector<f64>, d: &DVector<f64>) -> f64 {
    let terms = o.zip_map(d, |o, d| match loss {
        Loss::Mse => (d - o) * (d - o),
        Loss::HalfMse => 0.5 * (d - o) * (d - o),
        Loss::CrossEntropy => -d * clamp(o).ln(),
        Loss::BinaryCrossEntropy => -(d * clamp(o).ln() + (1.0 - d) * (1.0 - clamp(o)).ln()),
    });
    terms.sum()
}

/// dC/dO of one sample, output by output.
pub fn cost_derivative(loss: Loss, o: &DVector<f64>, d: &DVector<f64>) -> DVector<f64> {
    o.zip_map(d, |o, d| match loss {
        Loss::Mse => 2.0 * (o - d),
        Loss::HalfMse => o - d,
        Loss::CrossEntropy => -d / clamp(o),
        Loss::BinaryCrossEntropy => (clamp(o) - d) / (clamp(o) * (1.0 - clamp(o))),
    })
}

/// The output delta δ_L = ∂C/∂net_L of one sample: dC/dO ⊙ f′(net_L), or for a softmax
/// output Jᵀ · dC/dO with J its Jacobian.
pub fn output_delta(
    activation: Activation,
    loss: Loss,
    net: &DVector<f64>,
    o: &DVector<f64>,
    d: &DVector<f64>,
) -> DVector<f64> {
    let dc_do = cost_derivative(loss, o, d);
    match activation {
        Activation::Softmax => softmax_jacobian(o).transpose() * dc_do,
        _ => dc_do.component_mul(&f_prime(activation, net)),
    }
}

/// The hidden delta of one sample: δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ f′_l(net_l), where
/// `w_next` is W_{l+1} as it was before its update.
pub fn hidden_delta(
    w_next: &DMatrix<f64>,
    delta_next: &DVector<f64>,
    activation: Activation,
    net: &DVector<f64>,
) -> DVector<f64> {
    (w_next.transpose() * delta_next).component_mul(&f_prime(activation, net))
}

/// The forward pass of one sample x: net_l and a_l for l = 1..L.
pub fn forward(network: &Network, x: &DVector<f64>) -> (Vec<DVector<f64>>, Vec<DVector<f64>>) {
    let (mut nets, mut outs) = (Vec::new(), Vec::new());
    let mut a = x.clone();
    for layer in &network.layers {
        let net = match network.bias {
            BiasMode::None => &layer.weights * &a,
            BiasMode::Fixed | BiasMode::Learned => &layer.weights * &a + &layer.biases,
        };
        a = f(layer.activation, &net);
        nets.push(net);
        outs.push(a.clone());
    }
    (nets, outs)
}

/// The backward pass of one sample: δ_l for l = 1..L, computed from the output down, every
/// W as it was before the update.
pub fn backward(
    network: &Network,
    loss: Loss,
    nets: &[DVector<f64>],
    outs: &[DVector<f64>],
    d: &DVector<f64>,
) -> Vec<DVector<f64>> {
    let last = network.layers.len() - 1;
    let mut deltas = vec![DVector::zeros(0); last + 1];
    let output = network.layers[last].activation;
    deltas[last] = output_delta(output, loss, &nets[last], &outs[last], d);
    for l in (0..last).rev() {
        let w_next = &network.layers[l + 1].weights;
        let activation = network.layers[l].activation;
        deltas[l] = hidden_delta(w_next, &deltas[l + 1], activation, &nets[l]);
    }
    deltas
}

/// One iteration on a batch (`inputs` n_0 × B, `targets` n_L × B, one sample per column):
/// forward, cost, deltas, gradients as batch means, and the update with learning rate `eta`.
pub fn train_step(
    network: &Network,
    loss: Loss,
    eta: f64,
    inputs: &DMatrix<f64>,
    targets: &DMatrix<f64>,
) -> Step {
    let b = inputs.ncols();
    let sizes: Vec<usize> = network.layers.iter().map(|l| l.weights.nrows()).collect();
    let mut step = Step {
        net: sizes.iter().map(|&n| DMatrix::zeros(n, b)).collect(),
        out: sizes.iter().map(|&n| DMatrix::zeros(n, b)).collect(),
        loss: 0.0,
        delta: sizes.iter().map(|&n| DMatrix::zeros(n, b)).collect(),
        grad_weights: (network.layers.iter())
            .map(|l| DMatrix::zeros(l.weights.nrows(), l.weights.ncols()))
            .collect(),
        grad_biases: sizes.iter().map(|&n| DVector::zeros(n)).collect(),
        updated: network.clone(),
    };
    for s in 0..b {
        let x = inputs.column(s).into_owned();
        let d = targets.column(s).into_owned();
        let (nets, outs) = forward(network, &x);
        let deltas = backward(network, loss, &nets, &outs, &d);
        step.loss += cost(loss, &outs[outs.len() - 1], &d) / b as f64;
        for l in 0..sizes.len() {
            let a_before = if l == 0 { &x } else { &outs[l - 1] };
            step.grad_weights[l] += &deltas[l] * a_before.transpose() / b as f64;
            step.grad_biases[l] += &deltas[l] / b as f64;
            step.net[l].set_column(s, &nets[l]);
            step.out[l].set_column(s, &outs[l]);
            step.delta[l].set_column(s, &deltas[l]);
        }
    }
    for l in (0..sizes.len()).rev() {
        let layer = &mut step.updated.layers[l];
        layer.weights -= eta * &step.grad_weights[l];
        if network.bias == BiasMode::Learned {
            layer.biases -= eta * &step.grad_biases[l];
        }
    }
    step
}
