//! The first 100 iterations of every built-in stay within 1e-12 relative (or 1e-15
//! absolute) of the numbers the code before the allocation-free products computed
//! (tests/fixtures/trace-100.json, written once by the base commit 654af82: each
//! iteration's batch loss and the weights and biases after the last iteration, layer by
//! layer). The products now sum in one order at every size, where matrixmultiply summed the
//! larger ones in its own.

use backstep::scenario::{BUILTINS, Scenario};
use serde_json::Value;

fn close(now: f64, then: f64) -> bool {
    (now - then).abs() <= 1e-15 || (now - then).abs() <= 1e-12 * then.abs()
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

#[test]
fn every_builtin_trains_as_before_for_100_iterations() {
    let text = std::fs::read_to_string("tests/fixtures/trace-100.json").unwrap();
    let fixture: Value = serde_json::from_str(&text).unwrap();
    for b in BUILTINS {
        let then = &fixture[b.name];
        let (losses, parameters) = (numbers(&then["losses"]), numbers(&then["parameters"]));
        let mut stepper = Scenario::load(b.name).unwrap().setup().unwrap().stepper();
        for (i, want) in losses.iter().enumerate() {
            stepper.finish_iteration().unwrap();
            let got = stepper.loss().unwrap();
            assert!(close(got, *want), "{}: loss {i}: {got} vs {want}", b.name);
        }
        let mut got = Vec::new();
        for layer in &stepper.network().layers {
            got.extend_from_slice(layer.weights.as_slice());
            got.extend_from_slice(layer.biases.as_slice());
        }
        assert_eq!(got.len(), parameters.len(), "{}", b.name);
        for (k, (g, w)) in got.iter().zip(&parameters).enumerate() {
            assert!(close(*g, *w), "{}: parameter {k}: {g} vs {w}", b.name);
        }
    }
    assert_eq!(fixture.as_object().unwrap().len(), BUILTINS.len());
}
