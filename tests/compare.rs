//! Comparisons: copies of one scenario that differ in exactly one setting.

use backstep::cli::{self, Command, CompareFormat};
use backstep::scenario::Scenario;
use backstep::scenario::compare::run;
use backstep::tui::Message;

#[test]
fn copies_start_bit_identical_and_differ_only_in_the_varied_setting() {
    let base = Scenario::load("mse-vs-ce").unwrap();
    let c = base
        .comparison
        .clone()
        .expect("mse-vs-ce declares a comparison");
    assert_eq!(c.setting, "loss");
    let setups: Vec<_> = c.copies.iter().map(|c| c.setup().unwrap()).collect();
    assert_eq!(setups[0].network, setups[1].network);
    assert_eq!(setups[0].splits, setups[1].splits);
    let (mut a, mut b) = (setups[0].stepper(), setups[1].stepper());
    a.step().unwrap();
    b.step().unwrap();
    assert_eq!(a.samples(), b.samples(), "the same data order");
    assert_ne!(setups[0].training.loss, setups[1].training.loss);
    let mut same = setups[0].training.clone();
    same.loss = setups[1].training.loss;
    assert_eq!(same, setups[1].training, "only the loss differs");
}

#[test]
fn from_saturated_outputs_cross_entropy_learns_faster_than_mse() {
    let base = Scenario::load("mse-vs-ce").unwrap();
    let c = base.comparison.clone().unwrap();
    let runs = run(&c.copies, &c.labels, 60).unwrap();
    let mse = runs[0].epochs_to(c.target_cost, c.target);
    let ce = runs[1]
        .epochs_to(c.target_cost, c.target)
        .expect("cross-entropy gets there");
    assert!(
        mse.is_none_or(|m| ce < m),
        "cross-entropy {ce}, mse {mse:?}"
    );
}

#[test]
fn the_cost_table_comparison_shows_the_lessons_numbers() {
    let mut out = Vec::new();
    // No --epochs: the scenario's `[compare] epochs = 0` evaluates the given weights.
    cli::run(
        Command::Compare {
            scenario: "cost-table".into(),
            vary: None,
            epochs: None,
            target: None,
            format: CompareFormat::Markdown,
            output: None,
            set: Vec::new(),
        },
        &mut out,
        &mut Vec::new(),
    )
    .unwrap();
    let table = String::from_utf8(out).unwrap();
    // MSE (0.54 + 0.54 + 1.34)/3 and (0.14 + 0.14 + 0.74)/3; CE −(2 ln 0.4 + ln 0.1)/3 and
    // −(2 ln 0.7 + ln 0.3)/3; classification error 1/3 for both.
    assert!(table.contains("| left | 0.8067 | 1.3784 |"), "{table}");
    assert!(table.contains("| right | 0.3400 | 0.6391 |"), "{table}");
    assert_eq!(table.matches("| 0.3333 |").count(), 2, "{table}");
    assert!(
        table.contains(
            "2 copies that differ only in their weights (left, right); the same data and data \
             order; costs of the given weights (0 epochs)."
        ),
        "{table}"
    );
}

/// `--epochs` overrides `[compare] epochs`: one epoch of batch GD changes the costs, and the
/// summary says the copies trained.
#[test]
fn the_epochs_flag_overrides_the_scenarios_compare_epochs() {
    let mut out = Vec::new();
    cli::run(
        Command::Compare {
            scenario: "cost-table".into(),
            vary: None,
            epochs: Some(1),
            target: None,
            format: CompareFormat::Csv,
            output: None,
            set: Vec::new(),
        },
        &mut out,
        &mut Vec::new(),
    )
    .unwrap();
    let csv = String::from_utf8(out).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    // Two copies, epochs 0 and 1 each, named by `[compare] labels`.
    assert_eq!(rows.len(), 1 + 2 * 2, "{csv}");
    assert!(rows[1].starts_with("1,left,0,0,"), "{csv}");
    assert!(rows[4].starts_with("2,right,1,1,"), "{csv}");
}

#[test]
fn a_comparison_from_the_command_line_writes_every_copys_curve() {
    let mut out = Vec::new();
    cli::run(
        Command::Compare {
            scenario: "xor".into(),
            vary: Some("learning_rate=0.1,1.0,3".into()),
            epochs: Some(5),
            target: Some("mse=0.2".into()),
            format: CompareFormat::Csv,
            output: None,
            set: Vec::new(),
        },
        &mut out,
        &mut Vec::new(),
    )
    .unwrap();
    let csv = String::from_utf8(out).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("copy,label,epoch,iteration,train_mse"));
    // Three copies, epochs 0..=5 each.
    assert_eq!(rows.len(), 1 + 3 * 6);
    assert!(rows[1].starts_with("1,η = 0.1,0,0,"));
    assert!(rows[18].starts_with("3,η = 3,5,20,"));
    // Epoch 0 is the same network for every copy.
    let costs = |row: &str| row.split(',').skip(4).collect::<Vec<_>>().join(",");
    assert_eq!(costs(rows[1]), costs(rows[7]));
}

#[test]
fn bad_comparisons_are_refused_with_what_was_expected() {
    let refuse = |vary: &str| {
        cli::run(
            Command::Compare {
                scenario: "xor".into(),
                vary: Some(vary.into()),
                epochs: Some(1),
                target: None,
                format: CompareFormat::Markdown,
                output: None,
                set: Vec::new(),
            },
            &mut Vec::new(),
            &mut Vec::new(),
        )
        .unwrap_err()
        .to_string()
    };
    assert!(refuse("loss=mse").contains("expected 2 to 4 values"));
    assert!(refuse("loss=mse,mae").contains("found `mae`"));
    assert!(
        refuse("colour=red,blue")
            .contains("`colour`: unknown key `colour`; expected one of `name`"),
        "{}",
        refuse("colour=red,blue")
    );
    assert!(refuse("learning_rate=0.1,-1").contains("≥ 0"));
    assert!(refuse("hidden_activation=relu,softmax").contains("output layer only"));
    assert!(refuse("mse").contains("KEY=VALUE"));
    let text = "name = \"x\"\n[network]\nlayers = [2, 1]\n[data]\ninputs = [[0.0, 1.0]]\ntargets = [[1.0]]\n[compare]\nvary = \"loss\"\nvalues = [\"mse\", \"half-mse\", \"mse\", \"mse\", \"mse\"]\n";
    let e = Scenario::parse(text, "five.toml", None)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("five.toml:9:"), "{e}");
    assert!(
        e.contains("`compare.values`: expected 2 to 4 values (one per copy), found 5"),
        "{e}"
    );
    let modes = Scenario::load("gd-modes").unwrap().comparison.unwrap();
    assert_eq!(modes.labels, ["batch", "SGD", "mini-batch"]);
}

#[test]
fn on_vanishing_relu_and_tanh_keep_the_error_signal_that_sigmoid_loses() {
    use backstep::scenario::compare::first_to_last;
    let base = Scenario::load("vanishing").unwrap();
    let c = base.comparison.clone().unwrap();
    assert_eq!(c.setting, "hidden_activation");
    let runs = run(&c.copies, &c.labels, 1).unwrap();
    let ratio: Vec<f64> = runs
        .iter()
        .map(|r| first_to_last(&r.health).unwrap())
        .collect();
    // sigmoid, tanh, relu
    assert!(
        ratio[0] < 1e-2,
        "sigmoid keeps {:e} of the output's |δ|",
        ratio[0]
    );
    assert!(
        ratio[1] > 100.0 * ratio[0],
        "tanh {:e} vs sigmoid {:e}",
        ratio[1],
        ratio[0]
    );
    assert!(
        ratio[2] > 100.0 * ratio[0],
        "relu {:e} vs sigmoid {:e}",
        ratio[2],
        ratio[0]
    );
}

/// "Epochs to the target" is one number whichever way the copies are trained: `compare`'s
/// epoch-by-epoch run, the view stepped an epoch at a time (`e`), and the view at full speed
/// (whole chunks through the fast path, which has no per-epoch points of its own).
#[test]
fn the_view_and_compare_count_the_same_epochs_to_the_target() {
    const EPOCHS: usize = 60;
    let base = Scenario::load("mse-vs-ce").unwrap();
    let c = base.comparison.clone().unwrap();
    let expected: Vec<Option<usize>> = run(&c.copies, &c.labels, EPOCHS)
        .unwrap()
        .iter()
        .map(|r| r.epochs_to(c.target_cost, c.target))
        .collect();
    assert!(
        expected.iter().all(|e| e.is_some_and(|e| e > 0)),
        "both copies reach the target after some training: {expected:?}"
    );
    let reached = |app: &backstep::tui::App| -> Vec<Option<usize>> {
        let runs = &app.comparison.as_ref().unwrap().runs;
        runs.iter().map(|r| r.target.unwrap().reached()).collect()
    };

    let mut stepped = backstep::tui::load("mse-vs-ce").unwrap();
    stepped.update(Message::ToggleCompare);
    for _ in 0..EPOCHS {
        stepped.update(Message::FinishEpoch);
    }
    assert_eq!(reached(&stepped), expected, "stepped epoch by epoch");

    let mut fast = backstep::tui::load("mse-vs-ce").unwrap();
    fast.update(Message::ToggleCompare);
    for run in &mut fast.comparison.as_mut().unwrap().runs {
        let iterations = (EPOCHS * run.stepper.iterations_per_epoch()) as u64;
        run.fast_forward(iterations).unwrap();
        assert_eq!(run.stepper.epoch(), EPOCHS, "{}", run.label);
    }
    assert_eq!(reached(&fast), expected, "at full speed");
}
