//! Issue 13's `--set KEY=VALUE`: a run with `--set` is a run of the edited file, byte for
//! byte; a refused value names `--set`, the key, what was expected and what was found.

mod common;

use backstep::tui::Message;
use common::{backstep, text};

/// `scenarios/NAME.toml` with `from` replaced by `to`, written into a fresh folder (data
/// paths made absolute so the copy reads the same data).
fn edited(name: &str, from: &str, to: &str) -> (tempfile::TempDir, String) {
    let original = std::fs::read_to_string(format!("scenarios/{name}.toml")).unwrap();
    assert!(original.contains(from), "{name} has no {from}");
    let assets = std::fs::canonicalize("assets").unwrap();
    let text = original
        .replace(from, to)
        .replace("../assets", assets.to_str().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{name}.toml"));
    std::fs::write(&file, text).unwrap();
    (dir, file.to_str().unwrap().to_string())
}

/// The output of `args` then SCENARIO (and more), which must succeed.
fn output(args: &[&str]) -> String {
    let run = backstep(args);
    assert!(run.status.success(), "{args:?}: {}", text(&run.stderr));
    text(&run.stdout)
}

#[test]
fn a_run_with_set_is_a_run_of_the_edited_file() {
    let cases = [
        (
            "xor",
            "learning_rate = 1.0",
            "learning_rate = 0.3",
            "training.learning_rate=0.3",
        ),
        (
            "xor",
            "layers = [2, 2, 1]",
            "layers = [2, 5, 1]",
            "network.layers=[2, 5, 1]",
        ),
        (
            "iris",
            "normalize = \"standardize\"",
            "normalize = \"none\"",
            "data.normalize=none",
        ),
    ];
    for (name, from, to, set) in cases {
        let (_dir, file) = edited(name, from, to);
        for format in ["json", "csv", "markdown"] {
            let traced = |scenario: &str, extra: &[&str]| {
                let mut args = vec!["trace", scenario, "--steps", "3", "--format", format];
                args.extend(extra);
                output(&args)
            };
            assert_eq!(
                traced(name, &["--set", set]),
                traced(&file, &[]),
                "{set} {format}"
            );
        }
        let trained = |scenario: &str, extra: &[&str]| {
            let mut args = vec!["train", scenario, "--epochs", "20"];
            args.extend(extra);
            let out = output(&args);
            out.lines()
                .filter(|l| !l.starts_with("trained "))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(trained(name, &["--set", set]), trained(&file, &[]), "{set}");
    }
}

#[test]
fn the_train_header_names_the_networks_shape() {
    let out = output(&[
        "train",
        "xor",
        "--epochs",
        "1",
        "--set",
        "network.layers=[2, 5, 1]",
    ]);
    assert!(
        out.starts_with("XOR, the classic (2-5-1): 1 epoch, 4 iterations"),
        "{out}"
    );
}

#[test]
fn settings_apply_in_order_and_reach_compare() {
    let out = output(&[
        "compare",
        "xor",
        "--vary",
        "loss=mse,cross-entropy",
        "--epochs",
        "1",
        "--set",
        "training.learning_rate=5",
        "--set",
        "training.learning_rate=0.25",
    ]);
    let (_dir, file) = edited("xor", "learning_rate = 1.0", "learning_rate = 0.25");
    let from_file = output(&[
        "compare",
        &file,
        "--vary",
        "loss=mse,cross-entropy",
        "--epochs",
        "1",
    ]);
    assert_eq!(out, from_file);
}

/// Each refusal names `--set` as given, the key, and what was expected and found; nothing is
/// pointed at in a file the user did not write.
#[test]
fn refused_settings_say_why() {
    let cases = [
        (
            "training.learning_rate=abc",
            "error: --set training.learning_rate=abc: `training.learning_rate`: expected a \
             number, found string \"abc\"",
        ),
        (
            "training.foo=1",
            "error: --set training.foo=1: `training.foo`: unknown key `foo`; expected one of",
        ),
        (
            "training.learning_rate.x=1",
            "error: --set training.learning_rate.x=1: `training.learning_rate` is a value, not \
             a table",
        ),
        (
            "oops",
            "error: --set oops: expected KEY=VALUE, e.g. training.learning_rate=0.1",
        ),
        (
            "network.layers=[2, 0, 1]",
            "error: --set network.layers=[2, 0, 1]: `network.layers[1]`: expected a layer size",
        ),
    ];
    for (set, says) in cases {
        let run = backstep(&["train", "xor", "--set", set]);
        assert_eq!(run.status.code(), Some(1), "{set}");
        let err = text(&run.stderr);
        assert!(err.starts_with(says), "{set}:\n{err}");
        assert!(!err.contains("xor.toml") && !err.contains('^'), "{err}");
    }
    let korean = backstep(&[
        "train",
        "xor",
        "--set",
        "training.learning_rate=abc",
        "--lang",
        "ko",
    ]);
    let err = text(&korean.stderr);
    assert!(
        err.starts_with("오류: --set training.learning_rate=abc: `training.learning_rate`: "),
        "{err}"
    );
}

/// A file's own error is still shown where it is in the file when a setting has nothing to
/// do with it.
#[test]
fn a_files_own_error_stays_in_the_file() {
    let (_dir, file) = edited("xor", "epochs = 1000", "epochs = 0");
    let run = backstep(&["train", &file, "--set", "training.learning_rate=0.5"]);
    let err = text(&run.stderr);
    assert!(err.contains("xor.toml:24:10: `training.epochs`"), "{err}");
}

/// The view opened with `--set` keeps the setting when the scenario is started again (`R`).
#[test]
fn the_view_keeps_the_setting_when_started_again() {
    let set = backstep::scenario::set::Override::parse("training.learning_rate=0.3").unwrap();
    let mut app = backstep::tui::load_with("xor", vec![set]).unwrap();
    assert_eq!(app.run.stepper.training().learning_rate, 0.3);
    app.update(Message::NextPhase);
    app.update(Message::Reset);
    assert_eq!(app.run.stepper.training().learning_rate, 0.3);
}

/// A lesson opened with `--set` writes the setting into every scenario it opens.
#[test]
fn a_lesson_writes_the_setting_into_its_scenarios() {
    use backstep::lesson::Lesson;
    use backstep::tui::disk::Overridden;
    use backstep::tui::lesson::{Keeper, LessonView};
    struct Nowhere;
    impl Keeper for Nowhere {
        fn keep(
            &self,
            _: &str,
            _: &backstep::lesson::progress::LessonProgress,
        ) -> Result<(), String> {
            Ok(())
        }
    }
    let set = backstep::scenario::set::Override::parse("training.learning_rate=0.125").unwrap();
    let scenarios = Overridden {
        source: None,
        overrides: vec![set],
    };
    let lesson = Lesson::load("backprop").unwrap();
    let view = LessonView::new(
        std::rc::Rc::new(scenarios),
        std::rc::Rc::new(Nowhere),
        lesson,
        Default::default(),
    )
    .unwrap();
    assert_eq!(view.app.run.stepper.training().learning_rate, 0.125);
}

/// A control character given on the command line is written out, not sent to the terminal,
/// in the value and in the key.
#[test]
fn control_characters_in_a_setting_are_escaped() {
    for set in ["training.loss=\u{1b}[2Jx", "training.lo\u{1b}[2Jss=1"] {
        let err = text(&backstep(&["train", "xor", "--set", set]).stderr);
        assert!(!err.contains('\u{1b}'), "{err:?}");
        assert!(err.matches("\\u{1b}").count() >= 2, "{err}");
    }
}
