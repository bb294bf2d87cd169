//! Finite-difference gradient checks (central differences, f64) of every activation × loss ×
//! bias mode, shallow and deep, through the stepper's public API: the gradients the
//! Gradients phase shows must agree with (C(w + h) − C(w − h)) / 2h to 1e-6 relative.

mod common;

use backstep::data::Dataset;
use backstep::nn::{Activation, BiasMode, Init, Loss, Mode, Network, Phase, Stepper, Training};
use common::{bias_modes, hidden_activations, output_activations};

const H: f64 = 1e-5;
const RELATIVE: f64 = 1e-6;

fn training(loss: Loss, batch: usize) -> Training {
    Training {
        loss,
        learning_rate: 0.1,
        mode: Mode::Batch,
        batch_size: batch,
        shuffle: false,
        epochs: 1,
        inputs_standardized: false,
        stop: Default::default(),
    }
}

/// Three samples with 3 inputs and 3 targets strictly inside (0, 1).
fn data() -> Dataset {
    Dataset::from_rows(
        &[
            vec![0.5, -1.0, 0.25],
            vec![-0.3, 0.8, 1.2],
            vec![1.5, 0.2, -0.7],
        ],
        &[
            vec![0.1, 0.7, 0.2],
            vec![0.8, 0.15, 0.25],
            vec![0.3, 0.3, 0.4],
        ],
    )
}

fn network(sizes: &[usize], hidden: Activation, output: Activation, bias: BiasMode) -> Network {
    let mut n = Network::initialized(sizes, hidden, output, bias, Init::Uniform, 0.9, 17);
    if bias != BiasMode::None {
        for (l, layer) in n.layers.iter_mut().enumerate() {
            for (j, b) in layer.biases.iter_mut().enumerate() {
                *b = 0.1 * (j as f64 + 1.0) - 0.05 * l as f64;
            }
        }
    }
    n
}

fn stepper(network: Network, loss: Loss) -> Stepper {
    let d = data();
    let batch = d.len();
    Stepper::new(
        network,
        training(loss, batch),
        d,
        Dataset::from_rows(&[], &[]),
        0,
    )
}

fn loss_of(network: Network, loss: Loss) -> f64 {
    let mut s = stepper(network, loss);
    while s.phase() != Phase::Loss {
        s.step().unwrap();
    }
    s.loss().unwrap()
}

fn agree(what: &str, analytic: f64, numeric: f64) {
    let scale = analytic.abs().max(numeric.abs()).max(1e-3);
    assert!(
        (analytic - numeric).abs() <= RELATIVE * scale,
        "{what}: back-propagation says {analytic:e}, finite differences say {numeric:e}"
    );
}

fn check(sizes: &[usize], hidden: Activation, output: Activation, bias: BiasMode, loss: Loss) {
    let net = network(sizes, hidden, output, bias);
    let mut s = stepper(net.clone(), loss);
    while s.phase() != Phase::Gradients {
        s.step().unwrap();
    }
    let label = format!("{sizes:?} {hidden:?}/{output:?} {bias:?} {loss:?}");
    for l in 0..net.depth() {
        let (rows, cols) = net.layers[l].weights.shape();
        for j in 0..rows {
            for i in 0..cols {
                let mut plus = net.clone();
                plus.layers[l].weights[(j, i)] += H;
                let mut minus = net.clone();
                minus.layers[l].weights[(j, i)] -= H;
                let numeric = (loss_of(plus, loss) - loss_of(minus, loss)) / (2.0 * H);
                let analytic = s.workspace().grad_weights[l][(j, i)];
                agree(
                    &format!("{label} ∂C/∂W{}[{j},{i}]", l + 1),
                    analytic,
                    numeric,
                );
            }
            if bias != BiasMode::None {
                let mut plus = net.clone();
                plus.layers[l].biases[j] += H;
                let mut minus = net.clone();
                minus.layers[l].biases[j] -= H;
                let numeric = (loss_of(plus, loss) - loss_of(minus, loss)) / (2.0 * H);
                let analytic = s.workspace().grad_biases[l][j];
                agree(&format!("{label} ∂C/∂b{}[{j}]", l + 1), analytic, numeric);
            }
        }
    }
}

/// Losses that take a logarithm of O need outputs in (0, 1).
fn losses_for(output: Activation) -> Vec<Loss> {
    match output {
        Activation::Sigmoid | Activation::Softmax => vec![
            Loss::Mse,
            Loss::HalfMse,
            Loss::CrossEntropy,
            Loss::BinaryCrossEntropy,
        ],
        _ => vec![Loss::Mse, Loss::HalfMse],
    }
}

fn check_all(sizes: &[usize]) {
    for hidden in hidden_activations() {
        for output in output_activations() {
            for bias in bias_modes() {
                for loss in losses_for(output) {
                    check(sizes, hidden, output, bias, loss);
                }
            }
        }
    }
}

#[test]
fn no_hidden_layer() {
    check_all(&[3, 3]);
}

#[test]
fn one_hidden_layer() {
    check_all(&[3, 4, 3]);
}

#[test]
fn three_hidden_layers() {
    check_all(&[3, 4, 5, 4, 3]);
}

#[test]
fn one_sample_sgd_with_a_single_sigmoid_output() {
    for loss in losses_for(Activation::Sigmoid) {
        let d = Dataset::from_rows(&[vec![0.4, -0.6]], &[vec![0.9]]);
        let net = network(
            &[2, 3, 1],
            Activation::Tanh,
            Activation::Sigmoid,
            BiasMode::Learned,
        );
        let run = |n: Network| {
            let mut s = Stepper::new(
                n,
                training(loss, 1),
                d.clone(),
                Dataset::from_rows(&[], &[]),
                0,
            );
            while s.phase() != Phase::Gradients {
                s.step().unwrap();
            }
            s
        };
        let s = run(net.clone());
        let value = |n: Network| {
            let mut s = Stepper::new(
                n,
                training(loss, 1),
                d.clone(),
                Dataset::from_rows(&[], &[]),
                0,
            );
            while s.phase() != Phase::Loss {
                s.step().unwrap();
            }
            s.loss().unwrap()
        };
        let mut plus = net.clone();
        plus.layers[0].weights[(1, 0)] += H;
        let mut minus = net.clone();
        minus.layers[0].weights[(1, 0)] -= H;
        let numeric = (value(plus) - value(minus)) / (2.0 * H);
        agree(
            &format!("{loss:?} ∂C/∂V[1,0]"),
            s.workspace().grad_weights[0][(1, 0)],
            numeric,
        );
    }
}
