//! The fast kernels against `backstep::nn::reference`, a plain per-sample MLP that shares no
//! code with them. Seeded random networks cover every hidden activation, every output
//! activation with every loss that scenario validation accepts for it, every bias mode, batch
//! sizes 1, 3 and 32 (with a smaller last batch), 0, 1 and 2 hidden layers, and layers wide
//! enough for the register-blocked products of `src/nn/product.rs`. Each case runs a few
//! iterations, the reference going on from its own updated network, and the stepper (phase by
//! phase) and the fast trainer must agree with it to 1e-9 relative.

use std::collections::BTreeSet;

use nalgebra::DMatrix;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

mod common;

use backstep::data::Dataset;
use backstep::nn::reference::{Step, train_step};
use backstep::nn::{
    Activation, BiasMode, Init, Loss, Mode, Network, Phase, Stepper, Trainer, Training,
};
use backstep::random::{below, unit};
use common::{bias_modes, hidden_activations, losses, output_activations};

/// |engine − reference| ≤ RELATIVE · max(|engine|, |reference|, FLOOR).
const RELATIVE: f64 = 1e-9;
/// Below this magnitude the tolerance stays at RELATIVE · FLOOR = 1e-12 absolute.
const FLOOR: f64 = 1e-3;
/// `src/nn/product.rs` (its private `TINY`) hands products of more than this many
/// multiply-adds to its register-blocked kernels.
const LARGE_PRODUCT: usize = 64;
/// Iterations per case: the third and fourth cross an epoch boundary for every batch size.
const ITERATIONS: usize = 4;
/// Random networks checked.
const CASES: usize = 160;

const BATCHES: [usize; 3] = [1, 3, 32];

/// One random network with its data and training settings.
struct Case {
    label: String,
    sizes: Vec<usize>,
    network: Network,
    training: Training,
    data: Dataset,
}

/// Case i: the activations and loss cycle through every combination every 80 cases; bias
/// mode, batch size and depth cycle with periods 3, 9 and 27; a quarter of the cases are wide.
/// Wide cases take smaller steps (their gradients sum over more inputs), so that no case
/// diverges and amplifies the rounding differences of the two summation orders.
fn case(i: usize) -> Case {
    let mut rng = ChaCha8Rng::seed_from_u64(i as u64);
    let (hiddens, outputs, losses) = (hidden_activations(), output_activations(), losses());
    let hidden = hiddens[i % hiddens.len()];
    let output = outputs[(i / hiddens.len()) % outputs.len()];
    let loss = losses[(i / (hiddens.len() * outputs.len())) % losses.len()];
    let bias_modes = bias_modes();
    let bias = bias_modes[i % bias_modes.len()];
    let batch = BATCHES[(i / 3) % 3];
    let hidden_layers = (i / 9) % 3;
    let wide = below(&mut rng, 4) == 0;
    let mut width = |least: usize| {
        let (low, high) = if wide { (40, 90) } else { (1, 6) };
        low.max(least) + below(&mut rng, high - low + 1)
    };
    let mut sizes: Vec<usize> = (0..=hidden_layers).map(|_| width(1)).collect();
    let outputs = width(if output == Activation::Softmax { 2 } else { 1 });
    sizes.push(if wide { outputs / 4 + 1 } else { outputs });
    let network = random_network(&sizes, hidden, output, bias, inside(output, loss), &mut rng);
    let samples = 2 * batch + (batch / 5).max(1);
    let (n_in, n_out) = (sizes[0], sizes[sizes.len() - 1]);
    let low = if inside(output, loss) { 0.0 } else { -1.0 };
    let data = Dataset {
        inputs: DMatrix::from_fn(n_in, samples, |_, _| low + (1.0 - low) * unit(&mut rng)),
        targets: DMatrix::from_fn(n_out, samples, |_, _| unit(&mut rng)),
        classes: Vec::new(),
    };
    let eta = match (inside(output, loss), wide) {
        (false, false) => 0.05 + 0.45 * unit(&mut rng),
        (true, false) => 0.01 + 0.04 * unit(&mut rng),
        (_, true) => 0.002 + 0.008 * unit(&mut rng),
    };
    let training = Training {
        loss,
        learning_rate: eta,
        mode: Mode::MiniBatch,
        batch_size: batch,
        shuffle: false,
        epochs: 1,
        inputs_standardized: false,
        stop: Default::default(),
    };
    let label =
        format!("case {i}: {sizes:?} {hidden:?}/{output:?} {loss:?} bias {bias:?} batch {batch}");
    Case {
        label,
        sizes,
        network,
        training,
        data,
    }
}

/// Whether a case pairs a log loss with an output that can leave (0, 1). Outside it the
/// clamped dC/dO is of order 10¹², and a few iterations overflow; such cases start inside:
/// inputs in [0, 1), positive weights below 0.8 / fan-in and biases below 0.1 keep every
/// activation in (0, 0.9), and a small learning rate keeps it there for a few iterations.
fn inside(output: Activation, loss: Loss) -> bool {
    let logarithmic = matches!(loss, Loss::CrossEntropy | Loss::BinaryCrossEntropy);
    let bounded = matches!(output, Activation::Sigmoid | Activation::Softmax);
    logarithmic && !bounded
}

/// Xavier weights and biases in [−0.5, 0.5) (given even when the bias mode is `none`, which
/// must ignore them), or with `inside` the positive ones described there.
fn random_network(
    sizes: &[usize],
    hidden: Activation,
    output: Activation,
    bias: BiasMode,
    inside: bool,
    rng: &mut ChaCha8Rng,
) -> Network {
    let seed = rng.next_u64();
    let mut network = Network::initialized(sizes, hidden, output, bias, Init::Xavier, 0.0, seed);
    for layer in &mut network.layers {
        if inside {
            let fan_in = layer.weights.ncols() as f64;
            layer.weights = layer.weights.map(|_| (0.2 + 0.6 * unit(rng)) / fan_in);
            layer.biases = layer.biases.map(|_| 0.1 * unit(rng));
        } else {
            layer.biases = layer.biases.map(|_| unit(rng) - 0.5);
        }
    }
    network
}

/// The training-set indices of iterations 0, 1, …: consecutive batches of `batch` samples,
/// the last of an epoch smaller, starting again at 0 after each epoch (no shuffling).
fn batches(samples: usize, batch: usize) -> Vec<Vec<usize>> {
    let mut start = 0;
    (0..ITERATIONS)
        .map(|_| {
            let indices: Vec<usize> = (start..(start + batch).min(samples)).collect();
            start = if start + batch >= samples {
                0
            } else {
                start + batch
            };
            indices
        })
        .collect()
}

/// The reference's iterations, each starting from the network the previous one left, with
/// the network each one started from.
fn reference_run(case: &Case) -> Vec<(Network, Step)> {
    let mut network = case.network.clone();
    batches(case.data.len(), case.training.batch_size)
        .into_iter()
        .map(|indices| {
            let batch = case.data.select(&indices);
            let (loss, eta) = (case.training.loss, case.training.learning_rate);
            let step = train_step(&network, loss, eta, &batch.inputs, &batch.targets);
            let before = std::mem::replace(&mut network, step.updated.clone());
            (before, step)
        })
        .collect()
}

/// Every engine value within RELATIVE of the reference's (see [`FLOOR`]).
fn agree(what: &str, engine: &[f64], reference: &[f64]) {
    assert_eq!(engine.len(), reference.len(), "{what}: sizes differ");
    for (k, (e, r)) in engine.iter().zip(reference).enumerate() {
        let scale = e.abs().max(r.abs()).max(FLOOR);
        assert!(
            (e - r).abs() <= RELATIVE * scale,
            "{what}[{k}] (column-major): engine {e:e}, reference {r:e}"
        );
    }
}

/// The first `columns` columns of a workspace buffer.
fn used(m: &DMatrix<f64>, columns: usize) -> DMatrix<f64> {
    m.columns(0, columns).into_owned()
}

/// Weights and biases of `layers` (0-based) agree.
fn agree_layers(what: &str, engine: &Network, reference: &Network, layers: std::ops::Range<usize>) {
    for l in layers {
        let (e, r) = (&engine.layers[l], &reference.layers[l]);
        agree(
            &format!("{what} W{}", l + 1),
            e.weights.as_slice(),
            r.weights.as_slice(),
        );
        agree(
            &format!("{what} b{}", l + 1),
            e.biases.as_slice(),
            r.biases.as_slice(),
        );
    }
}

/// The values of the phase the stepper has just performed, against the reference's.
fn check_phase(s: &Stepper, before: &Network, step: &Step, label: &str) {
    let ws = s.workspace();
    let b = step.net[0].ncols();
    assert_eq!(ws.batch(), b, "{label}: batch size");
    let depth = before.depth();
    let at = format!(
        "{label}, epoch {}, iteration {}, {:?}",
        s.epoch(),
        s.iteration(),
        s.phase()
    );
    match s.phase() {
        Phase::Start => panic!("{at}: a step never ends at start"),
        Phase::Forward(l) => {
            agree(
                &format!("{at} net"),
                used(&ws.net[l - 1], b).as_slice(),
                step.net[l - 1].as_slice(),
            );
            agree(
                &format!("{at} out"),
                used(&ws.out[l - 1], b).as_slice(),
                step.out[l - 1].as_slice(),
            );
        }
        Phase::Loss => agree(&format!("{at} loss"), &[s.loss().unwrap()], &[step.loss]),
        Phase::OutputDelta | Phase::HiddenDelta(_) => {
            let l = if let Phase::HiddenDelta(l) = s.phase() {
                l
            } else {
                depth
            };
            let delta = used(&ws.delta[l - 1], b);
            agree(
                &format!("{at} δ{l}"),
                delta.as_slice(),
                step.delta[l - 1].as_slice(),
            );
        }
        Phase::Gradients => {
            for l in 0..depth {
                let (gw, gb) = (&ws.grad_weights[l], &ws.grad_biases[l]);
                agree(
                    &format!("{at} ∂C/∂W{}", l + 1),
                    gw.as_slice(),
                    step.grad_weights[l].as_slice(),
                );
                if before.bias != BiasMode::None {
                    agree(
                        &format!("{at} ∂C/∂b{}", l + 1),
                        gb.as_slice(),
                        step.grad_biases[l].as_slice(),
                    );
                }
            }
        }
        Phase::Update(l) => {
            agree_layers(
                &format!("{at} updated"),
                s.network(),
                &step.updated,
                l - 1..depth,
            );
            agree_layers(
                &format!("{at} not yet updated"),
                s.network(),
                before,
                0..l - 1,
            );
        }
        Phase::Done => agree_layers(&at, s.network(), &step.updated, 0..depth),
    }
}

fn advance(s: &mut Stepper, label: &str) {
    s.step().unwrap_or_else(|e| panic!("{label}: {e:?}"));
}

fn check_stepper(case: &Case) {
    let empty = Dataset::from_rows(&[], &[]);
    let (network, training) = (case.network.clone(), case.training.clone());
    let mut s = Stepper::new(network, training, case.data.clone(), empty, 0);
    let expected = batches(case.data.len(), case.training.batch_size);
    for ((before, step), indices) in reference_run(case).iter().zip(&expected) {
        advance(&mut s, &case.label);
        assert_eq!(s.samples(), indices.as_slice(), "{}: batch", case.label);
        check_phase(&s, before, step, &case.label);
        while s.phase() != Phase::Done {
            advance(&mut s, &case.label);
            check_phase(&s, before, step, &case.label);
        }
    }
}

fn check_trainer(case: &Case) {
    let (network, training) = (case.network.clone(), case.training.clone());
    let mut t = Trainer::new(network, training, case.data.len(), 0);
    for (k, (_, step)) in reference_run(case).iter().enumerate() {
        let ran = t.run(&case.data, 1);
        ran.unwrap_or_else(|e| panic!("{}: {e:?}", case.label));
        let what = format!("{}, trainer after iteration {}", case.label, k + 1);
        agree_layers(&what, &t.network, &step.updated, 0..step.updated.depth());
    }
}

#[test]
fn the_stepper_agrees_with_the_reference_phase_by_phase() {
    (0..CASES).for_each(|i| check_stepper(&case(i)));
}

#[test]
fn the_fast_trainer_agrees_with_the_reference() {
    (0..CASES).for_each(|i| check_trainer(&case(i)));
}

/// The multiply-adds of each product of a full batch: forward W·A and gradients D·Aᵀ per
/// layer (both n_l · n_{l−1} · B), hidden deltas Wᵀ·D per layer below the output.
fn products(case: &Case) -> (Vec<usize>, Vec<usize>) {
    let (s, b) = (&case.sizes, case.training.batch_size);
    let forward = (1..s.len()).map(|l| s[l] * s[l - 1] * b).collect();
    let hidden = (1..s.len() - 1).map(|l| s[l + 1] * s[l] * b).collect();
    (forward, hidden)
}

#[test]
fn the_cases_cover_every_setting_and_the_large_products() {
    let cases: Vec<Case> = (0..CASES).map(case).collect();
    let seen = |key: &dyn Fn(&Case) -> String| cases.iter().map(key).collect::<BTreeSet<_>>().len();
    let combination = |c: &Case| {
        let output = c.network.layers[c.network.depth() - 1].activation;
        format!("{output:?} {:?}", c.training.loss)
    };
    assert_eq!(
        seen(&combination),
        output_activations().len() * losses().len()
    );
    let deep_hidden =
        |c: &Case| (c.network.depth() > 1).then(|| format!("{:?}", c.network.layers[0].activation));
    assert_eq!(
        cases
            .iter()
            .filter_map(deep_hidden)
            .collect::<BTreeSet<_>>()
            .len(),
        hidden_activations().len()
    );
    assert_eq!(
        seen(&|c| format!("{:?}", c.network.bias)),
        bias_modes().len()
    );
    assert_eq!(seen(&|c| c.training.batch_size.to_string()), BATCHES.len());
    assert_eq!(seen(&|c| c.network.depth().to_string()), 3);
    let large = |c: &&Case| {
        let (forward, hidden) = products(c);
        forward.iter().any(|&p| p > LARGE_PRODUCT) && hidden.iter().any(|&p| p > LARGE_PRODUCT)
    };
    let large: Vec<&Case> = cases.iter().filter(large).collect();
    assert!(
        large.len() >= 10,
        "only {} cases take the large-product path",
        large.len()
    );
    let sizes: BTreeSet<usize> = large.iter().map(|c| c.training.batch_size).collect();
    assert_eq!(
        sizes.len(),
        BATCHES.len(),
        "large products with batch sizes {sizes:?}"
    );
}
