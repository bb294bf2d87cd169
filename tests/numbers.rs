//! Issue 11's numbers: a value that is not finite is always divergence, never a bare inf,
//! NaN or null. Expected numbers are worked out by hand in the comments.

mod common;

use std::process::Command;

use common::{backstep, text};

use backstep::nn::{Phase, Quantity};
use backstep::scenario::Scenario;

// relu-overflow.toml, by hand: x = (1, 1), V = (0.5, 0.5), W = 1, d = 0, half-MSE, η = 1e308.
// Iteration 1: net = 1, h = 1, O = 1, δ_O = O − d = 1, ∂C/∂W = δ_O h = 1, δ_h = W δ_O ·1 = 1,
// ∂C/∂V = (1, 1); W ← 1 − 1e308 = −1e308, V ← 0.5 − 1e308 = −1e308 (both finite).
// Then net = −1e308 − 1e308 = −inf, and ReLU(−inf) = 0 would hide it: costs 0.
const OVERFLOW: &str = "tests/fixtures/numbers/relu-overflow.toml";
// relu-overflowed.toml: the weights after that update, V = (−1e308, −1e308), W = −1e308.
const OVERFLOWED: &str = "tests/fixtures/numbers/relu-overflowed.toml";

#[test]
fn a_relu_net_that_overflows_is_divergence_in_the_stepper() {
    let mut stepper = Scenario::load(OVERFLOWED)
        .unwrap()
        .setup()
        .unwrap()
        .stepper();
    let e = stepper.step().unwrap_err();
    assert_eq!(e.phase, Phase::Forward(1));
    assert_eq!(
        e.quantity,
        Quantity::Net {
            layer: 1,
            neuron: 0,
            sample: 0
        }
    );
    assert_eq!(e.value, f64::NEG_INFINITY);
    assert_eq!(stepper.phase(), Phase::Start);
}

#[test]
fn a_relu_net_that_overflows_is_divergence_in_the_fast_path() {
    let setup = Scenario::load(OVERFLOWED).unwrap().setup().unwrap();
    let e = setup.trainer().run(&setup.splits.train, 1).unwrap_err();
    assert_eq!(e.phase, Phase::Forward(1));
    assert!(matches!(e.quantity, Quantity::Net { layer: 1, .. }));
    assert_eq!(e.value, f64::NEG_INFINITY);
}

#[test]
fn the_costs_of_a_network_whose_net_overflows_are_not_finite() {
    // Evaluating the overflowed network: ReLU(−inf) would give O = 0 and every cost 0.
    let costs = Scenario::load(OVERFLOWED)
        .unwrap()
        .setup()
        .unwrap()
        .stepper()
        .costs();
    assert!(costs.mse.is_nan(), "{costs:?}");
}

#[test]
fn train_stops_with_the_divergence_words() {
    let out = backstep(&["train", OVERFLOW]);
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    // The update of epoch 1 leaves finite weights; the net of epoch 2 is −inf.
    assert!(
        err.contains(
            "training diverged in epoch 2, iteration 1 (forward (layer 1)): \
             net of layer 1, neuron 1, sample 1 became -inf."
        ),
        "{err}"
    );
    assert!(
        err.contains("Try a smaller learning rate (it is 1e308)"),
        "{err}"
    );
}

#[test]
fn a_json_trace_of_a_divergence_refuses_and_never_writes_null() {
    let out = backstep(&["trace", "--format", "json", "--steps", "3", OVERFLOW]);
    let (stdout, err) = (text(&out.stdout), text(&out.stderr));
    assert!(!out.status.success(), "{stdout}");
    assert!(err.contains("training diverged"), "{err}");
    for bare in ["null", "NaN", "inf"] {
        assert!(!stdout.contains(bare), "{stdout}");
    }
}

#[test]
fn every_activation_reports_a_net_that_is_not_finite() {
    use backstep::nn::Activation;
    // tanh(+inf) = 1 and ReLU(NaN) = 0 look like numbers; the pass that computes them says no.
    let mut out = [0.0; 2];
    assert!(!Activation::Tanh.apply(&[f64::INFINITY, 0.0], &mut out, 2));
    assert_eq!(out, [1.0, 0.0]);
    assert!(!Activation::Relu.apply(&[0.5, f64::NAN], &mut out, 2));
    assert_eq!(out, [0.5, 0.0]);
    assert!(!Activation::Sigmoid.apply(&[f64::NEG_INFINITY, 0.0], &mut out, 2));
    assert!(!Activation::Linear.apply(&[1.0, f64::NAN], &mut out, 2));
    assert!(!Activation::Softmax.apply(&[1.0, f64::INFINITY], &mut out, 2));
    assert!(Activation::Tanh.apply(&[0.0, 1e300], &mut out, 2));
}

// test-overflow.toml, by hand: O = W x with W = 1 and η = 0. The split puts x = 2 in the
// training set (MSE (2 − 0)² = 4) and x = 1e200 in the test set: (1e200)² = inf.
#[test]
fn a_test_cost_that_is_not_finite_is_divergence() {
    let out = backstep(&[
        "train",
        "--test",
        "tests/fixtures/numbers/test-overflow.toml",
    ]);
    let (stdout, err) = (text(&out.stdout), text(&out.stderr));
    assert!(!out.status.success(), "{stdout}");
    assert!(
        err.contains("the MSE over the test set became inf"),
        "{err}"
    );
    assert!(!stdout.contains("inf"), "{stdout}");
}

// test-huge.toml: the test sample is x = 1e100, MSE (1e100)² = 1e200, half-MSE 5e199.
#[test]
fn a_huge_test_cost_is_written_briefly() {
    let out = backstep(&["train", "--test", "tests/fixtures/numbers/test-huge.toml"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let training = stdout.lines().find(|l| l.starts_with("training")).unwrap();
    assert!(training.contains(" 4.000000 "), "{training}");
    let test = stdout.lines().find(|l| l.starts_with("test")).unwrap();
    assert!(test.contains(" 1.00000e200 "), "{test}");
    assert!(test.contains(" 5.00000e199 "), "{test}");
    assert!(test.len() < 200, "{test}");
}

// already-right.toml, by hand: x = 1, V = W = 1, linear: h = 1, O = 1 = d, so δ_O = 2(O − d) = 0
// and δ_h = W δ_O = 0. Layer 1's ratio mean|δ¹| / mean|δ²| is 0/0: no number.
#[test]
fn the_handouts_ratio_of_two_zero_deltas_is_a_dash_and_a_word() {
    let out = backstep(&[
        "trace",
        "--format",
        "markdown",
        "tests/fixtures/numbers/already-right.toml",
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let row = stdout.lines().find(|l| l.starts_with("| 1 (V) |")).unwrap();
    assert!(row.ends_with("| — (no δ in the next layer) |"), "{row}");
    assert!(
        !stdout.contains("NaN") && !stdout.contains("inf"),
        "{stdout}"
    );
}

// ce-target.toml: sample 2's targets are (−0.5, 1.5); the first outside [0, 1] is −0.5,
// target 1 of sample 2.
#[test]
fn check_refuses_cross_entropy_targets_outside_zero_and_one() {
    let out = backstep(&["check", "tests/fixtures/numbers/ce-target.toml"]);
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert!(err.contains("data.targets[1]"), "{err}");
    assert!(err.contains("sample 2 has −0.5"), "{err}");
    assert!(err.contains("between 0 and 1"), "{err}");
    let ko = Command::new(env!("CARGO_BIN_EXE_backstep"))
        .args([
            "--lang",
            "ko",
            "check",
            "tests/fixtures/numbers/ce-target.toml",
        ])
        .output()
        .unwrap();
    let err = text(&ko.stderr);
    assert!(err.contains("샘플 2의 값은 −0.5입니다"), "{err}");
}

// standardize-mean.toml: 1e308 + 1.5e308 = 2.5e308 > f64::MAX (≈1.8e308): the mean overflows.
// standardize-spread.toml: mean 2e200, (1e200 − 2e200)² = 1e400 overflows: the spread does.
#[test]
fn check_refuses_inputs_too_large_to_standardize() {
    for (file, reason, largest) in [
        ("mean", "mean overflows", "1.5e308"),
        ("spread", "spread overflows", "3e200"),
    ] {
        let path = format!("tests/fixtures/numbers/standardize-{file}.toml");
        let out = backstep(&["check", &path]);
        let err = text(&out.stderr);
        assert!(!out.status.success(), "{}", text(&out.stdout));
        assert!(err.contains("data.inputs[1]"), "{err}");
        assert!(err.contains(reason), "{err}");
        assert!(err.contains(&format!("up to {largest}")), "{err}");
    }
}

// standardized-big-weights.toml: standardized, the inputs are (−1, −1) and (1, 1) (mean 1,
// spread 1); the net 1e308·1 + 1e308·1 = 2e308 overflows before any update. The advice must
// not suggest standardizing: it is set already.
#[test]
fn the_advice_never_suggests_what_is_already_set() {
    let out = backstep(&[
        "train",
        "tests/fixtures/numbers/standardized-big-weights.toml",
    ]);
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert!(
        err.contains("training diverged in epoch 1, iteration 1"),
        "{err}"
    );
    assert!(!err.contains("normalize = \"standardize\""), "{err}");
    assert!(err.contains("try smaller initial weights"), "{err}");
}

/// The weight gradients of huge-gradients.toml are about 1e160 (their squares overflow):
/// ‖∂C/∂W‖ in the trace is their norm, worked out here from the traced gradients scaled by
/// 1e−160, in JSON, CSV and markdown alike; no number is null, inf or NaN (a `validation`
/// of null says there is no validation set, as docs/design.md's trace format has it).
#[test]
fn the_norm_of_gradients_whose_squares_overflow_is_written_as_a_number() {
    let fixture = "tests/fixtures/numbers/huge-gradients.toml";
    let json = backstep(&["trace", fixture, "--format", "json"]);
    assert!(json.status.success(), "{}", text(&json.stderr));
    let line: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for layer in line["layers"].as_array().unwrap() {
        let squares: f64 = layer["grad_weights"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| row.as_array().unwrap())
            .map(|g| (g.as_f64().unwrap() * 1e-160).powi(2))
            .sum();
        let expected = squares.sqrt() * 1e160;
        let norm = layer["grad_norm"].as_f64().expect("grad_norm is a number");
        assert!(
            expected > 1e150,
            "the fixture's gradients are huge: {expected}"
        );
        assert!(
            (norm / expected - 1.0).abs() < 1e-12,
            "{norm} vs {expected}"
        );
    }
    for format in ["json", "csv", "markdown"] {
        let out = text(&backstep(&["trace", fixture, "--format", format]).stdout)
            .replace("\"validation\":null", "");
        for bare in ["null", "inf", "NaN"] {
            assert!(!out.contains(bare), "{format} writes {bare}:\n{out}");
        }
    }
}

// linear-rate.toml, by hand: O = w·x with x = 1, d = 0, w = 1, half-MSE, one sample, batch
// mode (one iteration an epoch). δ = O − d = w and ∂C/∂w = w, so each update makes
// w ← w(1 − η). η = 0.5: w = 2^−k, MSE = 4^−k, at most 0.1 first after epoch 2.
// η = 3: w = (−2)^k, MSE = 4^k = 2^(2k), finite up to k = 511 (2^1022) and inf at k = 512.
// η = 4: w = (−3)^k, MSE = 9^k, inf once 9^k ≥ 2^1024, k ≥ 1024 / log₂ 9 = 323.04: k = 324.
const LINEAR_RATE: &str = "tests/fixtures/numbers/linear-rate.toml";

#[test]
fn a_copy_that_diverges_is_marked_in_the_table_and_the_others_complete() {
    let run = backstep(&["compare", LINEAR_RATE, "--vary", "learning_rate=0.5,3"]);
    let (out, err) = (text(&run.stdout), text(&run.stderr));
    assert!(run.status.success(), "one copy completed: {err}");
    assert!(out.contains("| η = 0.5 | 0.0000 |"), "{out}");
    assert!(out.contains("| 100.0% | 2 |"), "{out}");
    assert!(
        out.contains("| η = 3 | diverged in epoch 512 | – | – | – |"),
        "{out}"
    );
    assert!(out.contains(
        "η = 3 stopped early — training diverged in epoch 512, iteration 1 (done): the MSE \
         over the training set became inf. Try a smaller learning rate (it is 3)."
    ));
    let numbers = out.replace("became inf", "");
    assert!(
        !numbers.contains("inf") && !numbers.contains("NaN"),
        "{out}"
    );
}

#[test]
fn a_comparison_whose_every_copy_diverges_fails() {
    let run = backstep(&["compare", LINEAR_RATE, "--vary", "learning_rate=3,4"]);
    let (out, err) = (text(&run.stdout), text(&run.stderr));
    assert!(!run.status.success(), "{out}");
    assert!(out.contains("| η = 4 | diverged in epoch 324 |"), "{out}");
    assert!(err.contains("every copy diverged (2 of 2)"), "{err}");
    let korean = backstep(&[
        "compare",
        LINEAR_RATE,
        "--vary",
        "learning_rate=3,4",
        "--lang",
        "ko",
    ]);
    assert!(!korean.status.success());
    assert!(text(&korean.stdout).contains("| η = 3 | 에폭 512에서 발산 |"));
    assert!(text(&korean.stderr).contains("모든 사본(2개 중 2개)이 발산해서"));
}

/// The CSV has the diverged copy's rows up to its last finite epoch, MSE 2^1022 there,
/// written in exponent form; the divergence is told on standard error.
#[test]
fn the_csv_of_a_diverged_copy_ends_at_its_last_finite_epoch() {
    let run = backstep(&[
        "compare",
        LINEAR_RATE,
        "--vary",
        "learning_rate=0.5,3",
        "--format",
        "csv",
    ]);
    assert!(run.status.success());
    let out = text(&run.stdout);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let copy2: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "2").collect();
    assert_eq!(copy2.len(), 512, "epochs 0 to 511");
    let last = copy2.last().unwrap();
    assert_eq!(last[2], "511");
    assert_eq!(last[4].parse::<f64>().unwrap(), 2f64.powi(1022));
    assert!(last[4].len() < 30, "{}", last[4]);
    for field in rows.iter().flat_map(|r| &r[4..]).filter(|f| !f.is_empty()) {
        assert!(field.parse::<f64>().unwrap().is_finite(), "{field}");
    }
    assert!(text(&run.stderr).contains("diverged in epoch 512"));
}

/// With η = 3 the linear network's MSE is inf from epoch 512 while w stays finite until
/// epoch 1024 (by hand, above): the fast path evaluates no costs, so full speed notices only
/// where it steps again (the scenario's last epoch, 600), and stepping back an epoch lands
/// where the MSE was already inf. The view says training diverged there instead
/// of showing inf as a number.
#[test]
fn stepping_back_into_costs_that_overflowed_says_so() {
    use backstep::scenario::set::Override;
    use backstep::tui::Message;
    let set = vec![Override::parse("training.learning_rate=3").unwrap()];
    let mut app = backstep::tui::load_with(LINEAR_RATE, set).unwrap();
    let diverged = app.run.fast_forward(2000);
    assert!(diverged.is_err(), "w becomes inf");
    let reached = app.run.stepper.completed();
    assert!(
        reached > 513,
        "past the MSE's overflow at epoch 512: {reached}"
    );
    app.update(Message::BackEpoch);
    assert_eq!(
        app.run.stepper.completed(),
        reached,
        "the end of the epoch before"
    );
    assert_eq!(app.run.stepper.phase(), backstep::nn::Phase::Done);
    let notice = app.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("training diverged in epoch 599") && notice.contains("became inf"),
        "{notice}"
    );
    app.update(Message::BackEpoch);
    app.update(Message::BackEpoch);
    assert!(app.notice.is_some(), "still inf two epochs before");
}
