//! Issue 13's "compare any key": `compare --vary` and `[compare] vary` take any key `--set`
//! accepts; each copy of a comparison is a run of the scenario with that key set, so its
//! curve is `train --set KEY=VALUE`'s, number for number.

mod common;

use common::{backstep, text};

/// The output of `args`, which must succeed.
fn output(args: &[&str]) -> String {
    let run = backstep(args);
    assert!(run.status.success(), "{args:?}: {}", text(&run.stderr));
    text(&run.stdout)
}

/// The refusal `args` meets (in `lang`), which must fail.
fn refusal(lang: &str, args: &[&str]) -> String {
    let run = backstep(&[&["--lang", lang], args].concat());
    assert!(!run.status.success(), "{args:?} ran");
    text(&run.stderr)
}

/// Copy `copy`'s curve of `compare --format csv`: each row from `epoch` on (the label and
/// the copy's number dropped).
fn copy_curve(csv: &str, copy: usize) -> Vec<String> {
    csv.lines()
        .skip(1)
        .filter(|row| row.starts_with(&format!("{copy},")))
        .map(|row| {
            // The label may be quoted and hold commas: the epoch starts after its last field.
            let rest = row.split_once(',').unwrap().1;
            let rest = match rest.strip_prefix('"') {
                Some(quoted) => quoted.split_once("\",").unwrap().1,
                None => rest.split_once(',').unwrap().1,
            };
            rest.to_string()
        })
        .collect()
}

/// `train SCENARIO --set …`'s curve: epoch, iteration and the ten costs of every row (the
/// gradient-health columns, which compare does not write, dropped).
fn train_curve(scenario: &str, set: &[&str], epochs: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("curve.csv");
    let mut args = vec!["train", scenario, "--epochs", epochs, "--curve"];
    args.push(file.to_str().unwrap());
    for s in set {
        args.extend(["--set", s]);
    }
    output(&args);
    let csv = std::fs::read_to_string(&file).unwrap();
    csv.lines()
        .skip(1)
        .map(|row| row.split(',').take(12).collect::<Vec<_>>().join(","))
        .collect()
}

#[test]
fn a_copy_of_a_normalize_comparison_is_the_run_with_that_normalize() {
    let csv = output(&[
        "compare",
        "xor",
        "--vary",
        "data.normalize=none,standardize",
        "--epochs",
        "4",
        "--format",
        "csv",
    ]);
    assert!(csv.contains("\n1,normalize = none,0,0,"), "{csv}");
    assert!(csv.contains("\n2,normalize = standardize,0,0,"), "{csv}");
    let none = train_curve("xor", &["data.normalize=none"], "4");
    let standardize = train_curve("xor", &["data.normalize=standardize"], "4");
    assert_eq!(none.len(), 5, "epochs 0 to 4");
    assert_ne!(
        none, standardize,
        "standardizing xor's inputs changes its costs"
    );
    assert_eq!(copy_curve(&csv, 1), none);
    assert_eq!(copy_curve(&csv, 2), standardize);
}

#[test]
fn layers_are_varied_with_a_toml_array_of_values() {
    let csv = output(&[
        "compare",
        "xor",
        "--vary",
        "network.layers=[[2, 2, 1], [2, 4, 1]]",
        "--epochs",
        "3",
        "--format",
        "csv",
    ]);
    assert!(csv.contains("\n2,2-4-1,0,0,"), "{csv}");
    assert_eq!(
        copy_curve(&csv, 1),
        train_curve("xor", &["network.layers=[2, 2, 1]"], "3")
    );
    assert_eq!(
        copy_curve(&csv, 2),
        train_curve("xor", &["network.layers=[2, 4, 1]"], "3")
    );
    let table = output(&[
        "compare",
        "xor",
        "--vary",
        "network.layers=[[2, 2, 1], [2, 4, 1]]",
    ]);
    assert!(
        table.starts_with(
            "# XOR, the classic: `network.layers` compared\n\n2 copies that differ only in \
             their `network.layers` (2-2-1, 2-4-1); the same data \
             and data order;"
        ),
        "{table}"
    );
}

/// xor's file with a `[compare]` table added, in a fresh folder.
fn with_compare(table: &str) -> (tempfile::TempDir, String) {
    let text = std::fs::read_to_string("scenarios/xor.toml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("xor-compare.toml");
    std::fs::write(&file, format!("{text}\n[compare]\n{table}")).unwrap();
    (dir, file.to_str().unwrap().to_string())
}

#[test]
fn a_scenario_file_varies_any_key_and_points_at_a_refused_value() {
    let (_dir, file) =
        with_compare("vary = \"data.normalize\"\nvalues = [\"none\", \"standardize\"]\n");
    let args = ["--epochs", "2", "--format", "csv"];
    let declared = output(&[&["compare", file.as_str()], &args[..]].concat());
    let asked = output(
        &[
            &[
                "compare",
                "xor",
                "--vary",
                "data.normalize=none,standardize",
            ],
            &args[..],
        ]
        .concat(),
    );
    assert_eq!(declared, asked);

    let (_dir, file) =
        with_compare("vary = \"data.normalize\"\nvalues = [\"none\", \"z-score\"]\n");
    let e = refusal("en", &["compare", &file]);
    assert!(e.contains("xor-compare.toml:"), "{e}");
    assert!(
        e.contains(
            "`compare.values[1]`: `data.normalize`: expected `none` or `standardize`, found \
             `z-score`"
        ),
        "{e}"
    );
    let (_dir, blank) =
        with_compare("vary = \"training..loss\"\nvalues = [\"mse\", \"half-mse\"]\n");
    let e = refusal("en", &["check", &blank]);
    assert!(
        e.contains("`compare.vary`: expected a scenario key (e.g. data.normalize) or one of loss,"),
        "{e}"
    );
    let e = refusal("ko", &["compare", &file]);
    assert!(
        e.contains(
            "`compare.values[1]`: `data.normalize`: `none` 또는 `standardize`이(가) 필요하지만 \
             `z-score`이(가) 있습니다"
        ),
        "{e}"
    );
}

#[test]
fn short_names_and_their_keys_make_the_same_comparison() {
    let compare = |vary: &str| output(&["compare", "xor", "--vary", vary, "--epochs", "3"]);
    assert_eq!(
        compare("learning_rate=0.5,2"),
        compare("training.learning_rate=[0.5, 2]")
    );
    assert_eq!(
        compare("init=xavier,uniform"),
        compare("network.init=xavier,uniform")
    );
}

#[test]
fn refusals_name_the_value_and_say_why_in_both_languages() {
    let vary = |spec: &'static str| ["compare", "xor", "--vary", spec];
    let cases = [
        (
            "training.colour=red,blue",
            "error: --vary: value 1 of `training.colour`: `training.colour`: unknown key \
             `colour`; expected one of `loss`,",
            "오류: --vary: `training.colour`의 1번째 값: `training.colour`: `colour`은(는) 알 수 없는 키입니다",
        ),
        (
            "training.learning_rate=0.5,-1",
            "error: --vary: value 2 of `training.learning_rate`: `training.learning_rate`: \
             expected a learning rate ≥ 0",
            "오류: --vary: `training.learning_rate`의 2번째 값:",
        ),
        (
            "seed=1",
            "error: --vary: expected 2 to 4 values (one per copy), found 1",
            "오류: --vary: 값이 2개에서 4개까지(복사본마다 하나) 필요하지만 1개가 있습니다",
        ),
        (
            "seed=[1, 2, 3, 4, 5]",
            "error: --vary: expected 2 to 4 values (one per copy), found 5",
            "오류: --vary: 값이 2개에서 4개까지(복사본마다 하나) 필요하지만 5개가 있습니다",
        ),
    ];
    for (spec, en, ko) in cases {
        let e = refusal("en", &vary(spec));
        assert!(e.starts_with(en), "{spec}: {e}");
        let e = refusal("ko", &vary(spec));
        assert!(e.starts_with(ko), "{spec}: {e}");
    }
}

/// The lesson's left network (cost-table's own weights) given on the command line as the
/// first of two values: its row has the lesson's numbers, as the `[compare]` table's `left`.
#[test]
fn weights_are_varied_on_the_command_line_as_a_toml_array() {
    let table = output(&[
        "compare",
        "cost-table",
        "--vary",
        "weights=[[[[0.3, 0.3, 0.1], [0.3, 0.4, 0.2], [0.4, 0.3, 0.7]]], \
         [[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]]",
    ]);
    let row = |label: &str| {
        let line = table
            .lines()
            .find(|l| l.starts_with(&format!("| {label} |")));
        line.unwrap_or_else(|| panic!("{table}"))
            .split_once(" |")
            .unwrap()
            .1
            .to_string()
    };
    assert!(table.contains("(weights #1, weights #2)"), "{table}");
    let declared = output(&["compare", "cost-table"]);
    let left = declared
        .lines()
        .find(|l| l.starts_with("| left |"))
        .unwrap();
    assert_eq!(row("weights #1"), left.split_once(" |").unwrap().1);
    assert!(
        row("weights #1").starts_with(" 0.8067 |"),
        "the lesson's MSE 0.8067"
    );
    let e = refusal(
        "en",
        &[
            "compare",
            "cost-table",
            "--vary",
            "weights=[[[[1, 2]]], [[[3]]]]",
        ],
    );
    assert!(
        e.starts_with("error: --vary: value 1 of `weights`: `network.weights[0]`"),
        "{e}"
    );
}

/// Compare mode keeps copies of different depths together by the kind of phase: the deeper
/// copy's third forward pass happens while the other waits before its loss, and both reach
/// the loss, the deltas and the end of the iteration together; back undoes the same way.
#[test]
fn copies_of_different_depths_step_together_by_phase() {
    use backstep::nn::Phase;
    use backstep::tui::Message;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("depths.toml");
    let xor = std::fs::read_to_string("scenarios/xor.toml").unwrap();
    let text = format!(
        "{xor}\n[compare]\nvary = \"network.layers\"\nvalues = [[2, 2, 1], [2, 3, 3, 1]]\n"
    );
    std::fs::write(&file, text).unwrap();
    let mut app = backstep::tui::load(file.to_str().unwrap()).unwrap();
    app.update(Message::ToggleCompare);
    let phases = |app: &backstep::tui::app::App| -> Vec<Phase> {
        let c = app.comparison.as_ref().unwrap();
        c.runs.iter().map(|r| r.stepper.phase()).collect()
    };
    let mut seen = Vec::new();
    for _ in 0..12 {
        app.update(Message::NextPhase);
        seen.push(phases(&app));
    }
    assert_eq!(seen[0], [Phase::Forward(1), Phase::Forward(1)]);
    assert_eq!(seen[1], [Phase::Forward(2), Phase::Forward(2)]);
    assert_eq!(
        seen[2],
        [Phase::Forward(2), Phase::Forward(3)],
        "the deeper copy's third layer"
    );
    assert_eq!(seen[3], [Phase::Loss, Phase::Loss]);
    assert_eq!(seen[4], [Phase::OutputDelta, Phase::OutputDelta]);
    assert_eq!(seen[5], [Phase::HiddenDelta(1), Phase::HiddenDelta(2)]);
    assert_eq!(seen[6], [Phase::HiddenDelta(1), Phase::HiddenDelta(1)]);
    assert_eq!(seen[7], [Phase::Gradients, Phase::Gradients]);
    assert_eq!(seen[8], [Phase::Update(2), Phase::Update(3)]);
    assert_eq!(seen[9], [Phase::Update(1), Phase::Update(2)]);
    assert_eq!(seen[10], [Phase::Update(1), Phase::Update(1)]);
    assert_eq!(seen[11], [Phase::Done, Phase::Done]);
    app.update(Message::NextPhase);
    assert_eq!(phases(&app), [Phase::Forward(1), Phase::Forward(1)]);
    for expected in seen.iter().rev() {
        app.update(Message::PreviousPhase);
        assert_eq!(&phases(&app), expected);
    }
}

/// A `[compare]` table the TOML parser reads but the editor cannot (an integer past
/// 2⁶³ − 1, found by the mutation property test): each copy is refused with the editor's
/// reason, where it once kept `[compare]` and compared itself until the stack overflowed.
#[test]
fn a_comparison_the_editor_cannot_read_is_refused_not_recursed() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("scenarios/gd-modes.toml")
        .unwrap()
        .replace("target = 0.05", "target = 18446744073709551615");
    assert!(text.contains("18446744073709551615"));
    let file = dir.path().join("big.toml");
    std::fs::write(&file, text).unwrap();
    let out = backstep(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`compare.values[0]`: the file cannot be edited: integer number overflowed"),
        "{err}"
    );
}

/// `--set` on a file the editor cannot read (a seed past 2⁶³ − 1, which the parser reads)
/// is refused, where the setting was once dropped without a word.
#[test]
fn a_setting_for_a_file_the_editor_cannot_read_is_refused_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("scenarios/two-two-two.toml")
        .unwrap()
        .replace("seed = 0", "seed = 18446744073709551615");
    assert!(text.contains("18446744073709551615"));
    let file = dir.path().join("big.toml");
    std::fs::write(&file, text).unwrap();
    let file = file.to_str().unwrap();
    assert!(backstep(&["check", file]).status.success());
    let out = backstep(&["trace", file, "--set", "training.learning_rate=0.3"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "--set training.learning_rate=0.3: the file cannot be edited: integer number overflowed"
        ),
        "{err}"
    );
}
