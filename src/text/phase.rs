//! What each phase does and why, and its formula in symbols: what the phase panel shows and
//! the handout repeats.

use super::formula;
use super::notation::{matrix_name, superscript, value_name};
use crate::nn::{BiasMode, Phase, Stepper};
use crate::words;

/// The phase's name, e.g. `hidden delta (layer 1)`.
pub fn name(phase: Phase) -> String {
    match phase {
        Phase::Start => words!("phase-start"),
        Phase::Forward(l) => words!("phase-forward", layer = l),
        Phase::Loss => words!("phase-loss"),
        Phase::OutputDelta => words!("phase-output-delta"),
        Phase::HiddenDelta(l) => words!("phase-hidden-delta", layer = l),
        Phase::Gradients => words!("phase-gradients"),
        Phase::Update(l) => words!("phase-update", layer = l),
        Phase::Done => words!("phase-done"),
    }
}

/// One or two sentences on what the phase does and why.
pub fn explanation(s: &Stepper, phase: Phase) -> String {
    let network = s.network();
    let depth = network.depth();
    match phase {
        Phase::Start if s.completed() == 0 => words!("explain-start-fresh"),
        Phase::Start => words!("explain-start", completed = s.completed().to_string()),
        Phase::Forward(l) => words!(
            "explain-forward",
            layer = l,
            inputs = value_name(depth, l - 1),
            matrix = matrix_name(depth, l),
            activation = network.layers[l - 1].activation.name()
        ),
        Phase::Loss => words!("explain-loss", formula = formula::loss(s.training().loss)),
        Phase::OutputDelta => words!("explain-output-delta"),
        Phase::HiddenDelta(l) => words!(
            "explain-hidden-delta",
            layer = l,
            matrix = matrix_name(depth, l + 1)
        ),
        Phase::Gradients => words!("explain-gradients"),
        Phase::Update(l) if depth == 1 => {
            words!("explain-update-only-layer", matrix = matrix_name(depth, l))
        }
        Phase::Update(l) => words!(
            "explain-update",
            matrix = matrix_name(depth, l),
            last = matrix_name(depth, depth)
        ),
        Phase::Done => words!("explain-done"),
    }
}

/// The phase's formula in symbols (empty at the start).
pub fn formula(s: &Stepper, phase: Phase) -> String {
    let network = s.network();
    let depth = network.depth();
    match phase {
        Phase::Start => String::new(),
        Phase::Forward(l) => forward(s, l),
        Phase::Loss => formula::loss(s.training().loss),
        Phase::OutputDelta => words!(
            "formula-output-delta",
            loss = formula::loss_derivative(s.training().loss),
            activation = formula::activation_derivative(network.layers[depth - 1].activation)
        ),
        Phase::HiddenDelta(l) => words!(
            "formula-hidden-delta",
            sup = superscript(l),
            matrix = matrix_name(depth, l + 1),
            next = superscript(l + 1)
        ),
        Phase::Gradients => gradients(depth),
        Phase::Update(l) => words!("formula-update", matrix = matrix_name(depth, l)),
        Phase::Done => words!("formula-done"),
    }
}

/// The gradients of every matrix in the lesson's names: `∂C/∂W = mean over the batch of
/// δ²·hᵀ;  ∂C/∂V = … δ¹·xᵀ` with one hidden layer, numbered layers beyond.
pub fn gradients(depth: usize) -> String {
    let matrix = |l: usize| {
        words!(
            "formula-gradient",
            matrix = matrix_name(depth, l),
            delta = format!("δ{}", superscript(l)),
            inputs = value_name(depth, l - 1)
        )
    };
    if depth <= 2 {
        (1..=depth)
            .rev()
            .map(matrix)
            .collect::<Vec<_>>()
            .join(";  ")
    } else {
        words!("formula-gradients")
    }
}

/// The forward pass of layer l: `net¹ = V·x + b¹,  h = σ(net) = 1/(1 + e^−net)`.
pub fn forward(s: &Stepper, l: usize) -> String {
    let network = s.network();
    let depth = network.depth();
    let sup = superscript(l);
    let bias = if network.bias == BiasMode::None {
        String::new()
    } else {
        format!(" + b{sup}")
    };
    words!(
        "formula-forward",
        sup = sup,
        matrix = matrix_name(depth, l),
        inputs = value_name(depth, l - 1),
        bias = bias,
        outputs = value_name(depth, l),
        activation = formula::activation(network.layers[l - 1].activation)
    )
}
