//! Traces of iterations: what every phase computed, written as JSON Lines, CSV, or a handout
//! in markdown or LaTeX.

pub mod csv;
pub mod handout;
pub mod json;
pub mod latex;
pub mod markdown;

use nalgebra::DMatrix;
use serde::{Deserialize, Serialize};

use crate::nn::health::{LayerHealth, layer_health};
use crate::nn::{BiasMode, Costs, Phase, Stepper};

/// Everything one iteration computed, in the shape of docs/design.md's trace format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IterationTrace {
    /// 1-based epoch.
    pub epoch: usize,
    /// 1-based iteration within the epoch.
    pub iteration: usize,
    /// The batch's training-set indices (0-based).
    pub samples: Vec<usize>,
    /// The scenario's loss on this batch, before the update.
    pub loss: f64,
    /// Layers 1..=L.
    pub layers: Vec<LayerTrace>,
    /// The five costs over the training set before the update.
    pub costs_before: Costs,
    /// The five costs over the training set after the update.
    pub costs: Costs,
    /// The five costs over the validation set after the update, if one is held out.
    pub validation: Option<Costs>,
}

/// One layer's values in one iteration. Per-sample values have one row per sample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerTrace {
    /// l, 1-based.
    pub layer: usize,
    /// net_l, batch × n_l.
    pub net: Vec<Vec<f64>>,
    /// a_l = f(net_l), batch × n_l.
    pub out: Vec<Vec<f64>>,
    /// δ_l, batch × n_l.
    pub delta: Vec<Vec<f64>>,
    /// W_l before the update, n_l × n_{l−1}.
    pub weights: Vec<Vec<f64>>,
    /// b_l before the update (empty without biases).
    pub biases: Vec<f64>,
    /// ∂C/∂W_l.
    pub grad_weights: Vec<Vec<f64>>,
    /// ∂C/∂b_l (empty without biases).
    pub grad_biases: Vec<f64>,
    /// W_l after the update.
    pub new_weights: Vec<Vec<f64>>,
    /// b_l after the update (empty without biases).
    pub new_biases: Vec<f64>,
    /// Mean |δ|, mean f′(net) and ‖∂C/∂W‖ of the layer.
    #[serde(flatten)]
    pub health: LayerHealth,
}

impl IterationTrace {
    /// The trace of the stepper's current iteration, which must be at [`Phase::Done`].
    pub fn capture(stepper: &Stepper) -> IterationTrace {
        debug_assert_eq!(stepper.phase(), Phase::Done);
        let ws = stepper.workspace();
        let b = ws.batch();
        let before = stepper.weights_before();
        let after = stepper.network();
        let with_bias = before.bias != BiasMode::None;
        let per_sample = |m: &DMatrix<f64>| -> Vec<Vec<f64>> {
            (0..b)
                .map(|s| m.column(s).iter().copied().collect())
                .collect()
        };
        let rows = |m: &DMatrix<f64>| -> Vec<Vec<f64>> {
            m.row_iter().map(|r| r.iter().copied().collect()).collect()
        };
        let vector = |v: &[f64]| if with_bias { v.to_vec() } else { Vec::new() };
        let health = layer_health(after, ws);
        let layers = (0..before.depth())
            .map(|i| LayerTrace {
                health: health[i],
                layer: i + 1,
                net: per_sample(&ws.net[i]),
                out: per_sample(&ws.out[i]),
                delta: per_sample(&ws.delta[i]),
                weights: rows(&before.layers[i].weights),
                biases: vector(before.layers[i].biases.as_slice()),
                grad_weights: rows(&ws.grad_weights[i]),
                grad_biases: vector(ws.grad_biases[i].as_slice()),
                new_weights: rows(&after.layers[i].weights),
                new_biases: vector(after.layers[i].biases.as_slice()),
            })
            .collect();
        IterationTrace {
            epoch: stepper.epoch(),
            iteration: stepper.iteration(),
            samples: stepper.samples().to_vec(),
            loss: stepper.loss().unwrap_or(f64::NAN),
            layers,
            costs_before: stepper.costs_before(),
            costs: stepper.costs(),
            validation: stepper.validation_costs(),
        }
    }
}
