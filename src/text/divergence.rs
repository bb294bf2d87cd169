//! What a student reads when training diverges: where, which value, and what to try.

use super::notation::{compact, indexed, matrix_name, superscript};
use crate::nn::{Divergence, Quantity};

/// The whole message, e.g. `training diverged in epoch 3, iteration 2 (update (layer 2)):
/// W₁₂ became inf. Try a smaller learning rate (it is 50).`
pub fn describe(d: &Divergence) -> String {
    format!(
        "training diverged in epoch {}, iteration {} ({}): {} became {}. {}",
        d.epoch,
        d.iteration,
        super::phase::name(d.phase),
        quantity(d.quantity, d.depth),
        d.value,
        advice(d)
    )
}

/// What to try: a smaller learning rate, or, when nothing was learned yet (η = 0 or the
/// first forward pass), smaller inputs or initial weights.
pub fn advice(d: &Divergence) -> String {
    if d.before_any_update() {
        "The inputs or the initial weights are too large for the network: try \
         normalize = \"standardize\" in [data], or smaller initial weights."
            .to_string()
    } else {
        format!(
            "Try a smaller learning rate (it is {}).",
            compact(d.learning_rate)
        )
    }
}

/// The name of the value, e.g. `δ of layer 2, neuron 1, sample 4` or `∂C/∂W₁₂`, in a network
/// of `depth` layers (neurons and samples counted from 1).
pub fn quantity(q: Quantity, depth: usize) -> String {
    match q {
        Quantity::Output {
            layer,
            neuron,
            sample,
        } => per_sample("f(net)", layer, neuron, sample),
        Quantity::Delta {
            layer,
            neuron,
            sample,
        } => per_sample("δ", layer, neuron, sample),
        Quantity::Loss(loss) => format!("the {} loss", loss.name()),
        Quantity::Gradient { layer, row, col } => {
            format!("∂C/∂{}", indexed(&matrix_name(depth, layer), &[row, col]))
        }
        Quantity::Weight { layer, row, col } => indexed(&matrix_name(depth, layer), &[row, col]),
        Quantity::Bias { layer, row } => indexed(&format!("b{}", superscript(layer)), &[row]),
        Quantity::Cost { cost, validation } => {
            let set = if validation { "validation" } else { "training" };
            format!("the {} over the {set} set", cost.name())
        }
    }
}

fn per_sample(what: &str, layer: usize, neuron: usize, sample: usize) -> String {
    format!(
        "{what} of layer {layer}, neuron {}, sample {}",
        neuron + 1,
        sample + 1
    )
}
