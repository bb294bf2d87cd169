//! What a student reads when training diverges: where, which value, and what to try.

use super::notation::{bias_name, compact, cost_name, indexed, matrix_name};
use crate::nn::{Divergence, Quantity};
use crate::words;

/// The whole message, e.g. `training diverged in epoch 3, iteration 2 (update (layer 2)):
/// W₁₂ became inf. Try a smaller learning rate (it is 50).`
pub fn describe(d: &Divergence) -> String {
    words!(
        "divergence",
        epoch = d.epoch,
        iteration = d.iteration,
        phase = super::phase::name(d.phase),
        quantity = quantity(d.quantity, d.depth),
        value = d.value.to_string(),
        advice = advice(d)
    )
}

/// What to try: a smaller learning rate, or, when nothing was learned yet (η = 0 or the
/// first forward pass), smaller inputs (unless they are standardized already) or initial
/// weights.
pub fn advice(d: &Divergence) -> String {
    if d.before_any_update() && d.inputs_standardized {
        words!("divergence-advice-weights")
    } else if d.before_any_update() {
        words!("divergence-advice-inputs")
    } else {
        words!("divergence-advice-rate", eta = compact(d.learning_rate))
    }
}

/// The name of the value, e.g. `δ of layer 2, neuron 1, sample 4` or `∂C/∂W₁₂`, in a network
/// of `depth` layers (neurons and samples counted from 1).
pub fn quantity(q: Quantity, depth: usize) -> String {
    match q {
        Quantity::Net {
            layer,
            neuron,
            sample,
        } => words!(
            "quantity-net",
            layer = layer,
            neuron = neuron + 1,
            sample = sample + 1
        ),
        Quantity::Output {
            layer,
            neuron,
            sample,
        } => words!(
            "quantity-output",
            layer = layer,
            neuron = neuron + 1,
            sample = sample + 1
        ),
        Quantity::Delta {
            layer,
            neuron,
            sample,
        } => words!(
            "quantity-delta",
            layer = layer,
            neuron = neuron + 1,
            sample = sample + 1
        ),
        Quantity::Loss(loss) => words!("quantity-loss", loss = cost_name(loss.into())),
        Quantity::Gradient { layer, row, col } => {
            format!("∂C/∂{}", indexed(&matrix_name(depth, layer), &[row, col]))
        }
        Quantity::Weight { layer, row, col } => indexed(&matrix_name(depth, layer), &[row, col]),
        Quantity::Bias { layer, row } => bias_name(layer, row),
        Quantity::Cost {
            cost,
            validation: false,
        } => {
            words!("quantity-cost-training", cost = cost_name(cost))
        }
        Quantity::Cost {
            cost,
            validation: true,
        } => {
            words!("quantity-cost-validation", cost = cost_name(cost))
        }
        Quantity::TestCost { cost } => words!("quantity-cost-test", cost = cost_name(cost)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Cost, Phase};

    fn diverged(quantity: Quantity, phase: Phase, learning_rate: f64) -> Divergence {
        Divergence {
            epoch: 3,
            iteration: 2,
            phase,
            quantity,
            value: f64::INFINITY,
            learning_rate,
            depth: 2,
            inputs_standardized: false,
        }
    }

    #[test]
    fn a_divergence_names_the_value_and_what_to_try() {
        let weight = Quantity::Weight {
            layer: 2,
            row: 0,
            col: 1,
        };
        assert_eq!(
            describe(&diverged(weight, Phase::Update(2), 50.0)),
            "training diverged in epoch 3, iteration 2 (update (layer 2)): W₁₂ became inf. \
             Try a smaller learning rate (it is 50)."
        );
        let delta = Quantity::Delta {
            layer: 1,
            neuron: 0,
            sample: 3,
        };
        assert_eq!(quantity(delta, 2), "δ of layer 1, neuron 1, sample 4");
        let cost = Quantity::Cost {
            cost: Cost::HalfMse,
            validation: true,
        };
        assert_eq!(quantity(cost, 3), "the half-MSE over the validation set");
        let first = Divergence {
            epoch: 1,
            iteration: 1,
            ..diverged(Quantity::Loss(crate::nn::Loss::Mse), Phase::Loss, 0.5)
        };
        assert!(advice(&first).contains("normalize = \"standardize\""));
    }
}
