//! The built-in scenarios: the lesson's cost table, the phase machine's undo, the fast path,
//! divergence, and the trace format.

use backstep::cli::{self, Command, Format};
use backstep::nn::{Cost, Phase, Quantity, Stepper};
use backstep::scenario::{BUILTINS, Scenario};
use backstep::text::divergence::describe;
use serde_json::Value;

fn stepper(name: &str) -> Stepper {
    Scenario::load(name).unwrap().setup().unwrap().stepper()
}

#[test]
fn every_file_in_scenarios_is_a_valid_builtin() {
    let mut files: Vec<String> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut names: Vec<String> = BUILTINS.iter().map(|b| b.name.to_string()).collect();
    names.sort();
    assert_eq!(files, names, "scenarios/ and the built-in list differ");
    for b in BUILTINS {
        Scenario::load(b.name).unwrap().setup().unwrap();
    }
}

#[test]
fn the_lessons_cost_table() {
    // From the lesson's table, by the formulas of docs/design.md (independent of the program).
    let left_mse = ((0.09 + 0.09 + 0.36) + (0.09 + 0.36 + 0.09) + (0.81 + 0.04 + 0.49)) / 3.0;
    let right_mse = ((0.01 + 0.04 + 0.09) + (0.01 + 0.09 + 0.04) + (0.49 + 0.16 + 0.09)) / 3.0;
    let left_ce = -(0.4f64.ln() + 0.4f64.ln() + 0.1f64.ln()) / 3.0;
    let right_ce = -(0.7f64.ln() + 0.7f64.ln() + 0.3f64.ln()) / 3.0;
    let left = stepper("cost-table-left").costs();
    let right = stepper("cost-table-right").costs();
    assert!((left.mse - left_mse).abs() < 1e-12, "{}", left.mse);
    assert!((right.mse - right_mse).abs() < 1e-12, "{}", right.mse);
    assert!((left.cross_entropy - left_ce).abs() < 1e-12);
    assert!((right.cross_entropy - right_ce).abs() < 1e-12);
    // As the lesson rounds them.
    assert_eq!(format!("{:.2}", left.mse), "0.81");
    assert_eq!(format!("{:.2}", right.mse), "0.34");
    assert_eq!(format!("{:.2}", left.cross_entropy), "1.38");
    assert_eq!(format!("{:.2}", right.cross_entropy), "0.64");
    assert_eq!(left.classification_error, 1.0 / 3.0);
    assert_eq!(right.classification_error, 1.0 / 3.0);
}

/// Everything a student sees at one position of the stepper.
fn view(s: &Stepper) -> String {
    let ws = s.workspace();
    let mut seen = format!(
        "{:?} e{} i{} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        s.phase(),
        s.epoch(),
        s.iteration(),
        s.samples(),
        s.network(),
        s.weights_before(),
        s.loss().map(f64::to_bits),
        s.costs(),
        s.costs_before(),
        s.validation_costs()
    );
    for l in 0..s.network().depth() {
        let phase = if l + 1 == s.network().depth() {
            Phase::OutputDelta
        } else {
            Phase::HiddenDelta(l + 1)
        };
        if s.reached(phase) {
            seen.push_str(&format!("{:?}", ws.used(&ws.delta[l])));
        }
    }
    if s.reached(Phase::Gradients) {
        seen.push_str(&format!("{:?}{:?}", ws.grad_weights, ws.grad_biases));
    }
    if s.phase() != Phase::Start {
        for l in 0..s.network().depth() {
            if s.reached(Phase::Forward(l + 1)) {
                seen.push_str(&format!("{:?}", ws.used(&ws.out[l])));
            }
        }
    }
    seen
}

#[test]
fn stepping_back_undoes_exactly_across_iterations_and_epochs() {
    for name in ["xor", "two-two-two", "vanishing", "gd-modes"] {
        let mut s = stepper(name);
        let phases = s.phases().len();
        // xor: 4 iterations per epoch, so this crosses two epoch boundaries.
        let steps = phases * 9 + 3;
        let mut seen = vec![view(&s)];
        for _ in 0..steps {
            s.step().unwrap();
            seen.push(view(&s));
        }
        for expected in seen.iter().rev().skip(1) {
            assert!(s.back(), "{name}: could not step back");
            assert_eq!(&view(&s), expected, "{name}: back did not restore");
        }
        assert_eq!(s.phase(), Phase::Start);
        assert!(!s.back());
        for expected in seen.iter().skip(1) {
            s.step().unwrap();
            assert_eq!(&view(&s), expected, "{name}: forward again differs");
        }
    }
}

#[test]
fn after_a_fast_forward_back_reaches_every_earlier_phase() {
    let mut s = stepper("xor");
    s.fast_forward(5).unwrap();
    let mut backs = 0;
    while s.back() {
        backs += 1;
    }
    // Checkpoints were kept on the fast path: back through all five iterations' phases.
    assert_eq!(backs, 5 * s.phases().len());
    assert_eq!((s.phase(), s.completed()), (Phase::Start, 0));
    // Stepping on repeats the first iteration exactly.
    let mut again = stepper("xor");
    again.finish_iteration().unwrap();
    s.finish_iteration().unwrap();
    assert_eq!(s.network(), again.network());
}

#[test]
fn checkpoints_count_every_epochs_own_sample_order() {
    // Batch mode with shuffling: every iteration is an epoch with its own order of 1000
    // samples (8000 bytes), besides 2·6 + 6 + 6·1 + 1 = 25 numbers (200 bytes) and 300 bytes:
    // 8500 bytes a checkpoint. To reach 100 iterations in 10 checkpoints' bytes: one every
    // ⌈100 · 8500 / 85000⌉ = 10 iterations; after 25, those at 0, 10 and 20.
    let text = std::fs::read_to_string("scenarios/gd-modes.toml")
        .unwrap()
        .replace("mode = \"mini-batch\"", "mode = \"batch\"");
    let mut s = Scenario::parse(&text, "gd-batch", None)
        .unwrap()
        .setup()
        .unwrap()
        .stepper();
    let per_checkpoint = 8000 + 200 + 300;
    s.set_history_limits(100, 10 * per_checkpoint);
    assert_eq!(s.history_interval(), 10);
    for _ in 0..25 {
        s.finish_iteration().unwrap();
    }
    assert_eq!(s.history_len(), 3);
    assert_eq!(s.history_bytes(), 3 * per_checkpoint);
}

#[test]
fn a_shared_sample_order_is_paid_for_once() {
    // Mini-batches of 10 from 1000 shuffled samples, 100 iterations an epoch: 8500 bytes a
    // checkpoint (as above) give one every ⌈10 000 · 8500 / 16 MiB⌉ = ⌈5.07⌉ = 6 iterations.
    // The starts of 30 iterations hold those at 0, 6, 12, 18 and 24, all in epoch 1: five
    // times 500 bytes and one order of 8000.
    let mut s = stepper("gd-modes");
    assert_eq!(s.history_interval(), 6);
    for _ in 0..30 {
        s.finish_iteration().unwrap();
    }
    assert_eq!(s.history_len(), 5);
    assert_eq!(s.history_bytes(), 5 * (200 + 300) + 8000);
}

#[test]
fn stepping_back_stops_where_the_history_ends() {
    let mut s = stepper("two-two-two");
    s.set_history_limits(3, usize::MAX);
    for _ in 0..6 {
        s.finish_iteration().unwrap();
    }
    // A checkpoint every iteration, reaching 3 back from the start of the sixth (5 done):
    // the starts of iterations 3 to 6.
    assert_eq!(s.history_len(), 4);
    let mut backs = 0;
    while s.back() {
        backs += 1;
    }
    // The last and three earlier iterations can be stepped through, down to the start of
    // iteration 3.
    assert_eq!(backs, 4 * s.phases().len());
    assert_eq!((s.phase(), s.completed()), (Phase::Start, 2));
}

#[test]
fn epochs_and_iterations_are_counted_as_in_the_lesson() {
    let mut s = stepper("gd-modes");
    // The lesson's 1000 training samples in batches of 10.
    assert_eq!(s.train_set().len(), 1000);
    assert_eq!(s.iterations_per_epoch(), 100);
    s.finish_epoch().unwrap();
    assert_eq!((s.epoch(), s.iteration(), s.completed()), (1, 100, 100));
    s.finish_iteration().unwrap();
    assert_eq!((s.epoch(), s.iteration()), (2, 1));
    assert_eq!(s.samples().len(), 10);
}

#[test]
fn the_fast_path_ends_on_the_steppers_weights_bit_for_bit() {
    for name in [
        "xor",
        "gd-modes",
        "vanishing",
        "two-two-two",
        "cost-table-left",
    ] {
        let setup = Scenario::load(name).unwrap().setup().unwrap();
        // Past the first epoch boundary of every one of them (gd-modes has 100 per epoch).
        let iterations = 105;
        let mut stepped = setup.stepper();
        for _ in 0..iterations {
            stepped.finish_iteration().unwrap();
        }
        let mut fast = setup.trainer();
        fast.run(&setup.splits.train, iterations).unwrap();
        assert_eq!(&fast.network, stepped.network(), "{name}");
        let mut forwarded = setup.stepper();
        forwarded.fast_forward(iterations).unwrap();
        assert_eq!(forwarded.network(), stepped.network(), "{name}");
        assert_eq!(forwarded.costs(), stepped.costs(), "{name}");
    }
}

#[test]
fn a_smaller_last_batch_still_matches() {
    let text = std::fs::read_to_string("scenarios/gd-modes.toml")
        .unwrap()
        .replace("samples = 1250", "samples = 31")
        .replace("validation = 0.2", "validation = 0.0");
    let setup = Scenario::parse(&text, "gd-31", None)
        .unwrap()
        .setup()
        .unwrap();
    let mut s = setup.stepper();
    assert_eq!(s.iterations_per_epoch(), 4);
    for _ in 0..4 {
        s.finish_iteration().unwrap();
    }
    assert_eq!(s.samples().len(), 1);
    let mut fast = setup.trainer();
    fast.run(&setup.splits.train, 4).unwrap();
    assert_eq!(&fast.network, s.network());
}

#[test]
fn a_huge_learning_rate_stops_with_an_explanation() {
    let text = std::fs::read_to_string("scenarios/xor.toml")
        .unwrap()
        .replace("learning_rate = 1.0", "learning_rate = 1e308")
        .replace(
            "output_activation = \"sigmoid\"",
            "output_activation = \"linear\"",
        );
    let setup = Scenario::parse(&text, "xor-huge", None)
        .unwrap()
        .setup()
        .unwrap();
    let mut s = setup.stepper();
    let mut result = Ok(());
    for _ in 0..50 {
        result = s.finish_iteration();
        if result.is_err() {
            break;
        }
    }
    let e = result.expect_err("a learning rate of 1e308 must diverge");
    assert!(!e.value.is_finite());
    let message = describe(&e);
    assert!(message.contains("smaller learning rate"), "{message}");
    assert!(
        message.contains(&format!("iteration {}", e.iteration)),
        "{message}"
    );
    // The stepper stays on the last good phase, with finite numbers.
    assert!(
        s.network()
            .layers
            .iter()
            .all(|l| l.weights.iter().all(|w| w.is_finite()))
    );
    let mut fast = setup.trainer();
    assert!(fast.run(&setup.splits.train, 50).is_err());
}

fn trace(name: &str, steps: u64, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    cli::run(
        Command::Trace {
            scenario: name.into(),
            steps,
            format,
            output: None,
            set: Vec::new(),
        },
        &mut out,
        &mut Vec::new(),
    )
    .unwrap();
    out
}

fn matrix(v: &Value, rows: usize, cols: usize, what: &str) {
    let m = v
        .as_array()
        .unwrap_or_else(|| panic!("{what} is not an array"));
    assert_eq!(m.len(), rows, "{what} rows");
    for r in m {
        let r = r.as_array().unwrap();
        assert_eq!(r.len(), cols, "{what} columns");
        assert!(r.iter().all(Value::is_f64), "{what} holds a non-number");
    }
}

#[test]
fn the_json_trace_follows_the_design_schema() {
    let text = String::from_utf8(trace("gd-modes", 2, Format::Json)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let cost_keys = [
        "mse",
        "half_mse",
        "cross_entropy",
        "binary_cross_entropy",
        "classification_error",
    ];
    for (n, line) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["epoch"], 1);
        assert_eq!(v["iteration"], n + 1);
        let samples = v["samples"].as_array().unwrap();
        assert_eq!(samples.len(), 10);
        assert!(v["loss"].is_f64());
        let sizes = [2, 6, 1];
        let layers = v["layers"].as_array().unwrap();
        assert_eq!(layers.len(), 2);
        for (i, layer) in layers.iter().enumerate() {
            let (rows, cols) = (sizes[i + 1], sizes[i]);
            assert_eq!(layer["layer"], i + 1);
            for key in ["net", "out", "delta"] {
                matrix(&layer[key], 10, rows, key);
            }
            for key in ["weights", "grad_weights", "new_weights"] {
                matrix(&layer[key], rows, cols, key);
            }
            for key in ["biases", "grad_biases", "new_biases"] {
                assert_eq!(layer[key].as_array().unwrap().len(), rows, "{key}");
            }
            for key in ["mean_abs_delta", "mean_derivative", "grad_norm"] {
                assert!(layer[key].as_f64().unwrap() >= 0.0, "{key}");
            }
        }
        for set in ["costs_before", "costs", "validation"] {
            for key in cost_keys {
                assert!(v[set][key].is_f64(), "{set}.{key}");
            }
        }
    }
    // The next iteration starts from the weights the previous one wrote.
    let first: Value = serde_json::from_str(lines[0]).unwrap();
    let second: Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(
        first["layers"][1]["new_weights"],
        second["layers"][1]["weights"]
    );
    assert_eq!(first["costs"], second["costs_before"]);
}

#[test]
fn without_biases_the_bias_arrays_are_empty_and_without_validation_it_is_null() {
    let text = String::from_utf8(trace("cost-table-left", 1, Format::Json)).unwrap();
    let v: Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(v["layers"][0]["biases"], Value::Array(vec![]));
    assert_eq!(v["layers"][0]["new_biases"], Value::Array(vec![]));
    assert!(v["validation"].is_null());
    // By hand: only sample 1 has x₁ = 1, so ∂C/∂W₁₁ = (1/3)·2(O₁ − d₁) = (2/3)(0.3 − 0) = 0.2
    // and W₁₁ ← 0.3 − 0.1·0.2 = 0.28.
    let g = v["layers"][0]["grad_weights"][0][0].as_f64().unwrap();
    let w = v["layers"][0]["new_weights"][0][0].as_f64().unwrap();
    assert!((g - 0.2).abs() < 1e-15, "{g}");
    assert!((w - 0.28).abs() < 1e-15, "{w}");
}

#[test]
fn costs_evaluated_in_chunks_match_one_pass() {
    use backstep::nn::Workspace;
    use backstep::nn::evaluate::evaluate;
    let setup = Scenario::load("gd-modes").unwrap().setup().unwrap();
    let train = &setup.splits.train;
    let whole = evaluate(
        &setup.network,
        train,
        &mut Workspace::new(&setup.network, train.len()),
    );
    let chunked = evaluate(
        &setup.network,
        train,
        &mut Workspace::new(&setup.network, 7),
    );
    for ((name, a), (_, b)) in whole.named().iter().zip(chunked.named()) {
        assert!(
            (a - b).abs() <= 1e-12 * a.abs().max(1.0),
            "{name:?}: {a} vs {b}"
        );
    }
    assert_eq!(whole.classification_error, chunked.classification_error);
}

#[test]
fn without_biases_any_bias_values_are_ignored_and_fixed_biases_never_move() {
    use backstep::nn::BiasMode;
    let setup = Scenario::load("two-two-two").unwrap().setup().unwrap();
    let run = |bias: BiasMode, biases: f64| {
        let mut network = setup.network.clone();
        network.bias = bias;
        for layer in &mut network.layers {
            layer.biases.fill(biases);
        }
        let mut s = Stepper::new(
            network,
            setup.training.clone(),
            setup.splits.train.clone(),
            setup.splits.validation.clone(),
            0,
        );
        s.finish_iteration().unwrap();
        s
    };
    let a = run(BiasMode::None, 0.0);
    let b = run(BiasMode::None, 5.0);
    assert_eq!(
        a.workspace().used(&a.workspace().out[1]),
        b.workspace().used(&b.workspace().out[1])
    );
    // By hand: with no biases net¹₁ = 0.15·0.05 + 0.20·0.10 = 0.0275.
    assert!((a.workspace().net[0][(0, 0)] - 0.0275).abs() < 1e-15);
    let fixed = run(BiasMode::Fixed, 0.35);
    assert_ne!(
        fixed.network().layers[0].weights,
        fixed.weights_before().layers[0].weights
    );
    for layer in &fixed.network().layers {
        assert!(layer.biases.iter().all(|b| *b == 0.35));
    }
}

#[test]
fn a_non_finite_cost_over_the_set_is_a_divergence() {
    // O = w·x with x = 1, d = 0: after one update with η = 1e155, w ≈ −2e155 and O² overflows,
    // while every weight is still finite.
    let text = r#"
name = "overflowing cost"
[network]
layers = [1, 1]
output_activation = "linear"
bias = "none"
weights = [[[1.0]]]
[training]
learning_rate = 1e155
[data]
inputs = [[1.0]]
targets = [[0.0]]
"#;
    let setup = Scenario::parse(text, "overflow", None)
        .unwrap()
        .setup()
        .unwrap();
    let mut s = setup.stepper();
    let e = s.finish_iteration().expect_err("the mse overflows");
    assert_eq!(e.phase, Phase::Done);
    assert_eq!(
        e.quantity,
        Quantity::Cost {
            cost: Cost::Mse,
            validation: false
        },
        "{e:?}"
    );
    assert!(describe(&e).contains("the MSE over the training set"));
    assert_eq!(s.phase(), Phase::Update(1));
}

#[test]
fn too_large_inputs_get_advice_about_the_inputs() {
    let text = r#"
name = "huge inputs"
[network]
layers = [1, 1]
output_activation = "linear"
[training]
learning_rate = 0.0
[data]
inputs = [[1e300]]
targets = [[0.0]]
"#;
    let setup = Scenario::parse(text, "huge", None)
        .unwrap()
        .setup()
        .unwrap();
    let e = setup
        .stepper()
        .finish_iteration()
        .expect_err("the loss overflows");
    assert!(e.before_any_update());
    assert!(describe(&e).contains("normalize"), "{e:?}");
}

#[test]
fn in_the_vanishing_scenario_the_first_layer_barely_hears_the_error() {
    use backstep::nn::health::layer_health;
    let mut s = stepper("vanishing");
    while s.phase() != Phase::Gradients {
        s.step().unwrap();
    }
    let health = layer_health(s.network(), s.workspace());
    let (first, last) = (
        health[0].mean_abs_delta,
        health[health.len() - 1].mean_abs_delta,
    );
    assert!(first * 100.0 <= last, "first {first:e}, output {last:e}");
    // Every step back shrinks it: each sigmoid layer multiplies by f′ ≤ 0.25.
    for pair in health.windows(2) {
        assert!(pair[0].mean_abs_delta < pair[1].mean_abs_delta);
        assert!(pair[0].mean_derivative <= 0.25);
    }
}

#[test]
fn iris_is_split_by_species_and_reaches_ninety_percent_on_validation() {
    use backstep::data::class_of;
    let setup = Scenario::load("iris").unwrap().setup().unwrap();
    let count = |d: &backstep::data::Dataset, k: usize| {
        d.targets
            .column_iter()
            .filter(|c| class_of(c.as_slice()) == k)
            .count()
    };
    assert_eq!(
        setup.splits.train.classes,
        ["setosa", "versicolor", "virginica"]
    );
    // 150 flowers, 50 a species: 30 held out for validation and 30 for the test, 10 a species.
    for k in 0..3 {
        assert_eq!(count(&setup.splits.validation, k), 10);
        assert_eq!(count(&setup.splits.test, k), 10);
        assert_eq!(count(&setup.splits.train, k), 30);
    }
    // Standardized with the training part's statistics: mean 0 there, not exactly elsewhere.
    for row in setup.splits.train.inputs.row_iter() {
        assert!((row.sum() / row.len() as f64).abs() < 1e-12);
    }
    let mut trainer = setup.trainer();
    trainer
        .run_epochs(&setup.splits.train, setup.training.epochs)
        .unwrap();
    let mut ws = backstep::nn::Workspace::for_evaluation(&trainer.network, 30);
    let costs =
        backstep::nn::evaluate::evaluate(&trainer.network, &setup.splits.validation, &mut ws);
    assert!(costs.classification_error <= 0.1, "{costs:?}");
}

#[test]
fn digits_load_from_inside_the_binary() {
    let setup = Scenario::load("digits").unwrap().setup().unwrap();
    let all = setup.splits.train.len() + setup.splits.validation.len() + setup.splits.test.len();
    assert_eq!(all, 1797);
    assert_eq!(setup.splits.train.inputs.nrows(), 64);
    assert_eq!(setup.splits.train.classes.len(), 10);
    // ⌊1797·0.2⌋ = 359 and ⌊1797·0.1⌋ = 179.
    assert_eq!(
        (setup.splits.validation.len(), setup.splits.test.len()),
        (359, 179)
    );
}
