//! Gradient health: per layer, how large the deltas, the activation slopes and the weight
//! gradients are, so a student sees the gradient shrink on its way back.

use serde::{Deserialize, Serialize};

use super::network::Network;
use super::workspace::Workspace;

/// One layer's figures for the current batch (after the Gradients phase).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LayerHealth {
    /// The mean of |δ| over the layer's neurons and the batch's samples.
    pub mean_abs_delta: f64,
    /// The mean of f′(net) over the layer's neurons and the batch's samples (softmax: the
    /// diagonal s(1 − s)).
    pub mean_derivative: f64,
    /// ‖∂C/∂W‖, the Frobenius norm of the layer's weight gradient.
    pub grad_norm: f64,
}

/// The figures of every layer, 1..=L, from a workspace whose Gradients phase has run.
pub fn layer_health(network: &Network, workspace: &Workspace) -> Vec<LayerHealth> {
    let b = workspace.batch();
    network
        .layers
        .iter()
        .enumerate()
        .map(|(i, layer)| {
            let n = layer.weights.nrows();
            let count = (n * b).max(1) as f64;
            let delta = &workspace.delta[i].as_slice()[..n * b];
            let net = &workspace.net[i].as_slice()[..n * b];
            let out = &workspace.out[i].as_slice()[..n * b];
            LayerHealth {
                mean_abs_delta: delta.iter().map(|d| d.abs() / count).sum::<f64>(),
                mean_derivative: net
                    .iter()
                    .zip(out)
                    .map(|(z, o)| layer.activation.derivative(*z, *o))
                    .sum::<f64>()
                    / count,
                grad_norm: frobenius(workspace.grad_weights[i].as_slice()),
            }
        })
        .collect()
}

/// √(Σ g²) of finite values without overflow on the way: the squares are taken of the values
/// divided by the largest, so gradients of 1e200 have a norm (their squares overflow), and
/// only a norm beyond f64::MAX is infinite.
fn frobenius(values: &[f64]) -> f64 {
    let largest = values.iter().fold(0.0_f64, |m, g| m.max(g.abs()));
    if largest == 0.0 || !largest.is_finite() {
        return largest;
    }
    largest
        * values
            .iter()
            .map(|g| (g / largest).powi(2))
            .sum::<f64>()
            .sqrt()
}

#[cfg(test)]
mod tests {
    use super::frobenius;

    /// ‖(3, 4)‖ = 5 by hand, at 1e200 (whose squares overflow) as at 1, and at 1e−200 (whose
    /// squares underflow to 0).
    #[test]
    fn the_norm_of_huge_and_tiny_gradients_is_finite_and_exact() {
        for scale in [1.0, 1e200, 1e-200] {
            let norm = frobenius(&[3.0 * scale, -4.0 * scale, 0.0]);
            assert!(
                (norm / (5.0 * scale) - 1.0).abs() < 1e-15,
                "{scale}: {norm}"
            );
        }
        assert_eq!(frobenius(&[0.0, 0.0]), 0.0);
        assert_eq!(frobenius(&[]), 0.0);
    }
}
