//! One iteration of `two-two-two` against numbers worked out independently of the program,
//! by `tests/two_two_two_by_hand.py` (pure Python, every neuron written out by hand; its
//! forward pass and W-gradients agree with Matt Mazur's published worked example).

use backstep::nn::{Phase, Stepper};
use backstep::scenario::Scenario;

const TOLERANCE: f64 = 1e-9;

fn close(what: &str, got: f64, expected: f64) {
    assert!(
        (got - expected).abs() <= TOLERANCE,
        "{what}: got {got}, expected {expected}"
    );
}

fn stepper() -> Stepper {
    Scenario::load("two-two-two")
        .unwrap()
        .setup()
        .unwrap()
        .stepper()
}

fn step_to(stepper: &mut Stepper, phase: Phase) {
    while stepper.phase() != phase {
        stepper.step().unwrap();
    }
}

#[test]
fn forward_pass() {
    let mut s = stepper();
    step_to(&mut s, Phase::Forward(2));
    let ws = s.workspace();
    close("net1[0]", ws.net[0][(0, 0)], 0.3775);
    close("net1[1]", ws.net[0][(1, 0)], 0.39249999999999996);
    close("h[0]", ws.out[0][(0, 0)], 0.5932699921071872);
    close("h[1]", ws.out[0][(1, 0)], 0.596884378259767);
    close("net2[0]", ws.net[1][(0, 0)], 1.10590596705977);
    close("net2[1]", ws.net[1][(1, 0)], 1.2249214040964653);
    close("O[0]", ws.out[1][(0, 0)], 0.7513650695523157);
    close("O[1]", ws.out[1][(1, 0)], 0.7729284653214625);
    step_to(&mut s, Phase::Loss);
    close("loss", s.loss().unwrap(), 0.2983711087600027);
}

#[test]
fn deltas_use_w_before_its_update() {
    let mut s = stepper();
    step_to(&mut s, Phase::OutputDelta);
    close(
        "delta2[0]",
        s.workspace().delta[1][(0, 0)],
        0.13849856162855695,
    );
    close(
        "delta2[1]",
        s.workspace().delta[1][(1, 0)],
        -0.038098236516556236,
    );
    step_to(&mut s, Phase::HiddenDelta(1));
    close(
        "delta1[0]",
        s.workspace().delta[0][(0, 0)],
        0.00877135468948693,
    );
    close(
        "delta1[1]",
        s.workspace().delta[0][(1, 0)],
        0.009954254705217196,
    );
    // By the end of the iteration W has changed, but the hidden deltas have not.
    step_to(&mut s, Phase::Done);
    assert_ne!(
        s.network().layers[1].weights,
        s.weights_before().layers[1].weights
    );
    close(
        "delta1[0] at done",
        s.workspace().delta[0][(0, 0)],
        0.00877135468948693,
    );
}

#[test]
fn gradients() {
    let mut s = stepper();
    step_to(&mut s, Phase::Gradients);
    let ws = s.workspace();
    let w = &ws.grad_weights[1];
    close("grad_W[0][0]", w[(0, 0)], 0.08216704056423077);
    close("grad_W[0][1]", w[(0, 1)], 0.08266762784753325);
    close("grad_W[1][0]", w[(1, 0)], -0.02260254047747507);
    close("grad_W[1][1]", w[(1, 1)], -0.022740242215978222);
    close("grad_b2[0]", ws.grad_biases[1][0], 0.13849856162855695);
    close("grad_b2[1]", ws.grad_biases[1][1], -0.038098236516556236);
    let v = &ws.grad_weights[0];
    close("grad_V[0][0]", v[(0, 0)], 0.0004385677344743465);
    close("grad_V[0][1]", v[(0, 1)], 0.000877135468948693);
    close("grad_V[1][0]", v[(1, 0)], 0.0004977127352608599);
    close("grad_V[1][1]", v[(1, 1)], 0.0009954254705217198);
    close("grad_b1[0]", ws.grad_biases[0][0], 0.00877135468948693);
    close("grad_b1[1]", ws.grad_biases[0][1], 0.009954254705217196);
}

#[test]
fn updates_w_first_then_v() {
    let mut s = stepper();
    step_to(&mut s, Phase::Update(2));
    // W is updated, V not yet.
    assert_eq!(s.network().layers[0], s.weights_before().layers[0]);
    let w = &s.network().layers[1];
    close("new_W[0][0]", w.weights[(0, 0)], 0.35891647971788465);
    close("new_W[0][1]", w.weights[(0, 1)], 0.4086661860762334);
    close("new_W[1][0]", w.weights[(1, 0)], 0.5113012702387375);
    close("new_W[1][1]", w.weights[(1, 1)], 0.5613701211079891);
    close("new_b2[0]", w.biases[0], 0.5307507191857215);
    close("new_b2[1]", w.biases[1], 0.6190491182582781);
    step_to(&mut s, Phase::Update(1));
    let v = &s.network().layers[0];
    close("new_V[0][0]", v.weights[(0, 0)], 0.1497807161327628);
    close("new_V[0][1]", v.weights[(0, 1)], 0.19956143226552567);
    close("new_V[1][0]", v.weights[(1, 0)], 0.24975114363236958);
    close("new_V[1][1]", v.weights[(1, 1)], 0.29950228726473915);
    close("new_b1[0]", v.biases[0], 0.3456143226552565);
    close("new_b1[1]", v.biases[1], 0.3450228726473914);
}

#[test]
fn costs_before_and_after() {
    let mut s = stepper();
    step_to(&mut s, Phase::Done);
    let (b, a) = (s.costs_before(), s.costs());
    close("before mse", b.mse, 0.5967422175200054);
    close("before half_mse", b.half_mse, 0.2983711087600027);
    close("before ce", b.cross_entropy, 0.25785172488279645);
    close("before bce", b.binary_cross_entropy, 1.6505285318122682);
    close("before error", b.classification_error, 0.0);
    close("after mse", a.mse, 0.5609428935828603);
    close("after half_mse", a.half_mse, 0.28047144679143016);
    close("after ce", a.cross_entropy, 0.25120743072692914);
    close("after bce", a.binary_cross_entropy, 1.5568180747986593);
    close("after error", a.classification_error, 0.0);
}

#[test]
fn the_markdown_handout_shows_the_worked_numbers() {
    let mut out = Vec::new();
    let mut err = Vec::new();
    backstep::cli::run(
        backstep::cli::Command::Trace {
            scenario: "two-two-two".into(),
            steps: 1,
            format: backstep::cli::Format::Markdown,
            output: None,
            set: Vec::new(),
        },
        &mut out,
        &mut err,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    for expected in [
        "δ²₁ = (O₁ − d₁)·O₁(1 − O₁) = (0.751365 − 0.010000)·0.751365·(1 − 0.751365) = 0.138499",
        "δ¹₁ = (W₁₁·δ²₁ + W₂₁·δ²₂)·h₁(1 − h₁)",
        // δ²₂ = (O₂ − d₂)·O₂(1 − O₂) < 0, with the minus people read.
        "0.500000·(−0.038098)",
        "W₁₁ ← W₁₁ − η·∂C/∂W₁₁ = 0.400000 − 0.500000·0.082167 = 0.358916",
        "0.298371",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

/// The lecture's left network has linear outputs: O₁ = net¹₁ = 0.3 (column 1 of W for the
/// one-hot first sample), said once, not `O₁ = 0.300000 = 0.300000`.
#[test]
fn the_handout_says_a_linear_output_once() {
    let mut out = Vec::new();
    backstep::cli::run(
        backstep::cli::Command::Trace {
            scenario: "cost-table-left".into(),
            steps: 1,
            format: backstep::cli::Format::Markdown,
            output: None,
            set: Vec::new(),
        },
        &mut out,
        &mut Vec::new(),
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("O₁ = 0.300000"), "{text}");
    assert!(!text.contains("0.300000 = 0.300000"), "{text}");
}

#[test]
fn gradient_health_of_the_worked_iteration() {
    use backstep::nn::health::layer_health;
    let mut s = stepper();
    step_to(&mut s, Phase::Gradients);
    let health = layer_health(s.network(), s.workspace());
    // From the hand-worked numbers above.
    let (o1, o2) = (0.7513650695523157, 0.7729284653214625);
    let (h1, h2) = (0.5932699921071872, 0.596884378259767);
    close(
        "mean |δ²|",
        health[1].mean_abs_delta,
        (0.13849856162855695 + 0.038098236516556236) / 2.0,
    );
    close(
        "mean |δ¹|",
        health[0].mean_abs_delta,
        (0.00877135468948693 + 0.009954254705217196) / 2.0,
    );
    close(
        "mean f′(net²)",
        health[1].mean_derivative,
        (o1 * (1.0 - o1) + o2 * (1.0 - o2)) / 2.0,
    );
    close(
        "mean f′(net¹)",
        health[0].mean_derivative,
        (h1 * (1.0 - h1) + h2 * (1.0 - h2)) / 2.0,
    );
    let grad_w: [f64; 4] = [
        0.08216704056423077,
        0.08266762784753325,
        -0.02260254047747507,
        -0.022740242215978222,
    ];
    close(
        "‖∂C/∂W‖",
        health[1].grad_norm,
        grad_w.iter().map(|g| g * g).sum::<f64>().sqrt(),
    );
}
