//! The first 100 iterations of every built-in scenario against numbers recorded by the code
//! before the vectorized math (src/nn/vmath.rs) replaced libm's `exp` in sigmoid and softmax
//! layers (tanh layers still call libm): the loss
//! of every iteration, the five training costs after the last one and every final weight and
//! bias stay within 1e-12 relative (or 1e-15 absolute) of them.
//!
//! The fixture tests/fixtures/builtin_traces.json was written ONCE, by this test's
//! recording code run on commit 654af82 (before src/nn/vmath.rs existed); the test has no
//! way to rewrite it.

use std::collections::BTreeMap;

use backstep::nn::{Network, Trainer};
use backstep::scenario::{BUILTINS, Scenario};
use serde::{Deserialize, Serialize};

const ITERATIONS: usize = 100;
const FIXTURE: &str = "tests/fixtures/builtin_traces.json";

/// What one built-in's first iterations produce.
#[derive(Debug, Serialize, Deserialize)]
struct Trace {
    /// The batch loss of every iteration, in order (fewer when the run diverged).
    loss: Vec<f64>,
    /// The five costs over the training set after the last iteration.
    costs: Vec<f64>,
    /// Every weight then every bias, layer by layer, after the last iteration.
    parameters: Vec<f64>,
}

fn parameters(network: &Network) -> Vec<f64> {
    let mut all = Vec::new();
    for layer in &network.layers {
        all.extend_from_slice(layer.weights.as_slice());
        all.extend_from_slice(layer.biases.as_slice());
    }
    all
}

/// Steps `name` phase by phase for [`ITERATIONS`] iterations, and checks that the fast path
/// ends on the very same bits.
fn trace(name: &str) -> Trace {
    let setup = Scenario::load(name).unwrap().setup().unwrap();
    let mut stepper = setup.stepper();
    let mut loss = Vec::new();
    for _ in 0..ITERATIONS {
        if stepper.finish_iteration().is_err() {
            break;
        }
        loss.push(stepper.loss().unwrap());
    }
    let mut trainer: Trainer = setup.trainer();
    let _ = trainer.run(&setup.splits.train, loss.len() as u64);
    let parameters = parameters(stepper.network());
    let fast = self::parameters(&trainer.network);
    assert!(
        parameters
            .iter()
            .zip(&fast)
            .all(|(a, b)| a.to_bits() == b.to_bits()),
        "{name}: the stepper and the fast path differ"
    );
    let c = stepper.costs();
    let costs = vec![
        c.mse,
        c.half_mse,
        c.cross_entropy,
        c.binary_cross_entropy,
        c.classification_error,
    ];
    Trace {
        loss,
        costs,
        parameters,
    }
}

fn close(what: &str, got: f64, expected: f64) {
    let diff = (got - expected).abs();
    assert!(
        diff <= 1e-15 || diff <= 1e-12 * expected.abs() || got.to_bits() == expected.to_bits(),
        "{what}: got {got:e}, expected {expected:e} (off by {diff:e})"
    );
}

fn all_close(what: &str, got: &[f64], expected: &[f64]) {
    assert_eq!(got.len(), expected.len(), "{what}: how many");
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        close(&format!("{what}[{i}]"), *g, *e);
    }
}

#[test]
fn first_hundred_iterations_of_every_builtin_match_the_libm_code() {
    let traces: BTreeMap<String, Trace> = BUILTINS
        .iter()
        .map(|b| (b.name.to_string(), trace(b.name)))
        .collect();
    let expected: BTreeMap<String, Trace> =
        serde_json::from_str(&std::fs::read_to_string(FIXTURE).unwrap()).unwrap();
    assert_eq!(
        traces.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (name, got) in &traces {
        let want = &expected[name];
        all_close(&format!("{name} loss"), &got.loss, &want.loss);
        all_close(&format!("{name} costs"), &got.costs, &want.costs);
        all_close(
            &format!("{name} parameters"),
            &got.parameters,
            &want.parameters,
        );
    }
}
