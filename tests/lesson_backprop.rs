//! The built-in lesson `backprop` and the scenarios written for it: the numbers its questions
//! expect, worked out independently by `tests/lesson_backprop_by_hand.py` (pure Python, from
//! the scenario files) into `tests/fixtures/lessons/backprop-expected.toml`, against the
//! program's; and the new scenarios behaving as the lesson narrates (by reasoning).

use backstep::nn::evaluate::evaluate;
use backstep::nn::{Costs, Network, Phase, Stepper, Workspace};
use backstep::scenario::{Scenario, Setup};

fn setup(name: &str) -> Setup {
    Scenario::load(name).unwrap().setup().unwrap()
}

/// A stepper of `name` at `phase` of iteration `iteration` (1-based).
fn at(name: &str, iteration: u64, phase: Phase) -> Stepper {
    let mut s = setup(name).stepper();
    for _ in 1..iteration {
        s.finish_iteration().unwrap();
    }
    s.step().unwrap();
    while s.phase() != phase {
        s.step().unwrap();
    }
    s
}

fn read_toml(path: &str) -> toml::Table {
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

/// The expected answer of a stop's number question, from the independent script.
fn expected(fixture: &toml::Table, stop: u32) -> f64 {
    fixture["question"][&stop.to_string()]["value"]
        .as_float()
        .unwrap()
}

fn close(what: &str, got: f64, expected: f64) {
    assert!(
        (got - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{what}: the program gives {got}, the script {expected}"
    );
}

/// The network's costs over the training set after `epochs` epochs of the fast trainer.
fn trained(name: &str, epochs: usize) -> (Network, Costs) {
    let setup = setup(name);
    let mut trainer = setup.trainer();
    trainer.run_epochs(&setup.splits.train, epochs).unwrap();
    let mut ws = Workspace::for_evaluation(&trainer.network, setup.splits.train.len());
    let costs = evaluate(&trainer.network, &setup.splits.train, &mut ws);
    (trainer.network, costs)
}

#[test]
fn the_program_computes_what_every_number_question_expects() {
    let f = read_toml("tests/fixtures/lessons/backprop-expected.toml");
    let s = at("two-two-two", 1, Phase::Forward(2));
    close("stop 2, O₁", s.workspace().out[1][(0, 0)], expected(&f, 2));
    let s = at("two-two-two", 1, Phase::Loss);
    close("stop 3, C", s.costs_before().half_mse, expected(&f, 3));
    let s = at("two-two-two", 1, Phase::OutputDelta);
    close(
        "stop 4, δ²₁",
        s.workspace().delta[1][(0, 0)],
        expected(&f, 4),
    );
    let s = at("two-two-two", 1, Phase::HiddenDelta(1));
    close(
        "stop 5, δ¹₁",
        s.workspace().delta[0][(0, 0)],
        expected(&f, 5),
    );
    let s = at("two-two-two", 1, Phase::Update(2));
    let w11 = s.network().layers[1].weights[(0, 0)];
    close("stop 6, W₁₁ after the update", w11, expected(&f, 6));
    let s = at("cost-table", 1, Phase::Loss);
    let ce = s.costs_before().cross_entropy;
    close("stop 8, cross-entropy (left)", ce, expected(&f, 8));
    let s = at("near-half", 1, Phase::Forward(1));
    close("stop 9, O₃", s.workspace().out[0][(2, 0)], expected(&f, 9));
    let s = at("zero-init", 2, Phase::Update(1));
    let v12 = s.network().layers[0].weights[(0, 1)];
    close("stop 13, V₁₂ after iteration 2", v12, expected(&f, 13));
}

#[test]
fn the_choices_the_lesson_calls_right_are_the_programs() {
    let lesson = read_toml("lessons/backprop.toml");
    let f = read_toml("tests/fixtures/lessons/backprop-expected.toml");
    let right = |stop: usize| {
        let q = &lesson["stop"][stop - 1]["question"];
        let answer = q["answer"].as_integer().unwrap();
        assert_eq!(
            answer,
            f["question"][&stop.to_string()]["answer"]
                .as_integer()
                .unwrap()
        );
        q["choices"][answer as usize - 1]["en"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // Stop 11: 1000 samples in batches of 10.
    let gd = setup("gd-modes").stepper();
    assert_eq!(gd.train_set().len(), 1000);
    assert_eq!(right(11), gd.iterations_per_epoch().to_string());
    // Stop 12 stands at iteration 90, which its narration calls the end of epoch 10.
    let iris = at("iris", 90, Phase::Done);
    assert_eq!((iris.iterations_per_epoch(), iris.epoch()), (9, 10));
    assert!(right(12).starts_with("Training: every iteration"));
}

#[test]
fn zero_initial_weights_keep_the_hidden_neurons_identical() {
    // Iteration 1: W is 0, so every hidden delta W·δ²·f′ is 0 and V does not move.
    let s = at("zero-init", 1, Phase::Done);
    assert!(s.network().layers[0].weights.iter().all(|&v| v == 0.0));
    // Identical neurons get identical deltas and updates, every iteration, exactly.
    let (network, costs) = trained("zero-init", 2000);
    let v = &network.layers[0].weights;
    let w = &network.layers[1].weights;
    for j in 1..v.nrows() {
        assert_eq!(v.row(j), v.row(0), "V's rows differ: {v}");
        assert_eq!(w[(0, j)], w[(0, 0)], "W's entries differ: {w}");
        assert_eq!(network.layers[0].biases[j], network.layers[0].biases[0]);
    }
    assert_ne!(v.row(0).sum(), 0.0, "V learned nothing at all");
    // One hidden neuron in effect: O is a monotone function of one line's side, and no such
    // function puts XOR's (0,0), (1,1) on one side of 0.5 and (0,1), (1,0) on the other.
    assert!(costs.classification_error >= 0.25, "{costs:?}");
    // Random initial values break the tie (the comparison's other copy).
    let scenario = Scenario::load("zero-init").unwrap();
    assert!(scenario.comparison.is_some());
}

#[test]
fn raw_and_standardized_inputs_differ_only_in_normalize() {
    let body = |name: &str| -> Vec<String> {
        let text = std::fs::read_to_string(format!("scenarios/{name}.toml")).unwrap();
        let from_seed = text.split_once("\nseed").unwrap().1.to_string();
        from_seed.lines().map(str::to_string).collect()
    };
    let (raw, standardized) = (body("raw-inputs"), body("standardized-inputs"));
    assert_eq!(raw.len(), standardized.len());
    let differ: Vec<_> = raw
        .iter()
        .zip(&standardized)
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        differ,
        [(
            &"normalize = \"none\"".to_string(),
            &"normalize = \"standardize\"".to_string()
        )]
    );
}

#[test]
fn raw_inputs_saturate_the_sigmoids_and_standardized_inputs_learn() {
    // Fruit 1 = (130 g, 0.15): the first hidden neuron's net is 0.5·130 − 0.5·0.15 ≈ 65, where
    // σ′ = σ(1 − σ) is below 1e-28: V cannot learn.
    let s = at("raw-inputs", 1, Phase::Forward(1));
    let net = s.workspace().net[0][(0, 0)];
    assert!((net - (0.5 * 130.0 - 0.5 * 0.15)).abs() < 1e-12, "{net}");
    // Saturated hidden neurons give every fruit the same h, so every fruit the same O: the
    // best W can do is O = the mean target 0.5, MSE mean (d − 0.5)² = 0.25, half the fruits
    // (six of each class) wrong.
    let (_, raw) = trained("raw-inputs", 500);
    assert!((raw.mse - 0.25).abs() < 1e-3, "{raw:?}");
    assert_eq!(raw.classification_error, 0.5);
    let (_, standardized) = trained("standardized-inputs", 500);
    assert_eq!(standardized.classification_error, 0.0, "{standardized:?}");
    assert!(standardized.mse < raw.mse / 5.0, "{standardized:?}");
}

#[test]
fn outputs_near_one_half_classify_right_and_cost_much() {
    // net = +0.1 at the right class and −0.1 at the two others, for each of the three samples.
    let sigma = |z: f64| 1.0 / (1.0 + (-z).exp());
    let costs = setup("near-half").stepper().costs_before();
    assert_eq!(costs.classification_error, 0.0);
    let mse = (1.0 - sigma(0.1)).powi(2) + 2.0 * sigma(-0.1).powi(2);
    close("MSE", costs.mse, mse);
    close("cross-entropy", costs.cross_entropy, -sigma(0.1).ln());
}

#[test]
fn the_fixture_is_what_the_script_computes_today() {
    // The script recomputes every number from the scenario files, checks that the lesson asks
    // and quotes them, and compares with the fixture the tests above read.
    let run = std::process::Command::new("python3")
        .args(["tests/lesson_backprop_by_hand.py", "--check"])
        .output();
    let Ok(out) = run else {
        eprintln!("python3 is not installed: the fixture is not rechecked");
        return;
    };
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The questions as the loader reads them from lessons/backprop.toml, revealed at their
/// stops' positions, expect the independent script's numbers: a stop that asked for the
/// wrong neuron, layer or phase would fail here.
#[test]
fn every_number_question_of_the_lesson_file_expects_the_scripts_value() {
    use backstep::lesson::{Lesson, Question};
    let f = read_toml("tests/fixtures/lessons/backprop-expected.toml");
    let lesson = Lesson::load("backprop").unwrap();
    let mut asked = Vec::new();
    for (i, stop) in lesson.stops.iter().enumerate() {
        let number = i as u32 + 1;
        let Some(Question::Number { quantity, .. }) = &stop.question else {
            continue;
        };
        let stepper = stop.stepper().unwrap();
        let reveal = quantity.reveal(&stepper, 4).unwrap();
        close(
            &format!("stop {number}"),
            reveal.value,
            expected(&f, number),
        );
        asked.push(number);
    }
    let in_fixture: Vec<u32> = f["question"]
        .as_table()
        .unwrap()
        .iter()
        .filter(|(_, q)| q.get("value").is_some())
        .map(|(n, _)| n.parse().unwrap())
        .collect();
    let mut in_fixture = in_fixture;
    in_fixture.sort();
    assert_eq!(asked, in_fixture, "the number questions and the script's");
}
