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
                mean_abs_delta: delta.iter().map(|d| d.abs()).sum::<f64>() / count,
                mean_derivative: net
                    .iter()
                    .zip(out)
                    .map(|(z, o)| layer.activation.derivative(*z, *o))
                    .sum::<f64>()
                    / count,
                grad_norm: workspace.grad_weights[i]
                    .iter()
                    .map(|g| g * g)
                    .sum::<f64>()
                    .sqrt(),
            }
        })
        .collect()
}
