//! Lessons: loading the fixtures in tests/fixtures/lessons (one valid, each invalid one with
//! its located error), bringing a stepper to a stop, and saving progress.

use std::path::{Path, PathBuf};

use backstep::lesson::progress::{LessonProgress, Progress, ProgressError};
use backstep::lesson::{Lesson, Question, Select, Show, Zoom, advance, phase_named};
use backstep::nn::Phase;
use backstep::practice::{Attempt, Quantity};
use backstep::scenario::Scenario;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lessons")
        .join(name)
}

fn error_of(name: &str) -> String {
    Lesson::from_file(&fixture(name)).unwrap_err().to_string()
}

#[test]
fn the_three_stop_lesson_loads_with_its_defaults() {
    let lesson = Lesson::from_file(&fixture("three-stops.toml")).unwrap();
    assert_eq!(lesson.name, "three-stops");
    assert_eq!(lesson.stops.len(), 3);
    let [first, second, third] = &lesson.stops[..] else {
        panic!()
    };
    assert_eq!((first.iteration, first.phase), (1, Phase::Start));
    assert_eq!(first.show, Show::Dashboard);
    assert_eq!(first.zoom, None);
    // 1-based in the file, 0-based in the code.
    assert_eq!(first.select, Some(Select::Neuron { layer: 2, index: 0 }));
    assert_eq!(first.title.en, "The network");
    assert_eq!(first.title.ko.as_deref(), Some("신경망"));
    assert_eq!(second.title.ko, None);
    assert_eq!(second.phase, Phase::Loss);
    assert_eq!(
        second.question,
        Some(Question::Number {
            quantity: Quantity::Delta {
                layer: 2,
                neuron: 0
            },
            tolerance: 0.01,
            prompt: None,
        })
    );
    assert_eq!(second.question.as_ref().unwrap().prompt(2), "What is δ²₁?");
    assert_eq!((third.iteration, third.phase), (2, Phase::Update(1)));
    assert_eq!(third.zoom, Some(Zoom::Phase));
    assert_eq!(
        third.select,
        Some(Select::Weight {
            layer: 1,
            row: 0,
            col: 1
        })
    );
    match &third.question {
        Some(Question::Choice {
            choices, answer, ..
        }) => {
            assert_eq!(choices.len(), 2);
            assert_eq!(*answer, 0);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_unknown_key_is_refused_where_it_is() {
    let e = error_of("unknown-key.toml");
    assert!(e.contains("unknown-key.toml:31:1"), "{e}");
    assert!(e.contains("unknown key `speed`"), "{e}");
    assert!(e.contains("speed = 3"), "{e}");
}

#[test]
fn a_phase_the_network_does_not_have_is_refused() {
    let e = error_of("bad-phase.toml");
    assert!(e.contains("bad-phase.toml:31:9: `stop[2].phase`"), "{e}");
    // A 2-layer network has one hidden layer: hidden-delta-1 only.
    assert!(e.contains("hidden-delta-1, gradients"), "{e}");
    assert!(e.contains("found `hidden-delta-2`"), "{e}");
}

#[test]
fn a_neuron_out_of_range_is_refused() {
    let e = error_of("neuron-out-of-range.toml");
    assert!(
        e.contains("neuron-out-of-range.toml:24:10: `stop[1].question.neuron`: expected a neuron from 1 to 2, found 3"),
        "{e}"
    );
}

#[test]
fn an_answer_out_of_range_is_refused() {
    let e = error_of("answer-out-of-range.toml");
    assert!(
        e.contains("answer-out-of-range.toml:43:10: `stop[2].question.answer`: expected a choice from 1 to 2, found 3"),
        "{e}"
    );
}

#[test]
fn a_localized_table_without_english_is_refused() {
    let e = error_of("missing-en.toml");
    assert!(e.contains("missing-en.toml:14:"), "{e}");
    assert!(e.contains("`stop[1].title`"), "{e}");
    assert!(e.contains("missing required key `en`"), "{e}");
}

#[test]
fn a_stop_brings_a_stepper_to_its_iteration_and_phase() {
    let lesson = Lesson::from_file(&fixture("three-stops.toml")).unwrap();
    let s = lesson.stops[2].stepper().unwrap();
    assert_eq!((s.completed(), s.phase()), (1, Phase::Update(1)));
    // Iteration 2 starts from the weights after iteration 1: by hand, W₁₁ = 0.35891648.
    assert!(
        (s.weights_before().layers[1].weights[(0, 0)] - 0.358_916_479_717_884_65).abs() < 1e-12
    );
    // The start of iteration 2 is the end of iteration 1.
    let scenario = Scenario::load("two-two-two").unwrap();
    let mut s = scenario.setup().unwrap().stepper();
    advance(&mut s, 2, Phase::Start).unwrap();
    assert_eq!((s.completed(), s.phase()), (1, Phase::Done));
    advance(&mut s, 2, phase_named("output-delta", 2).unwrap()).unwrap();
    assert_eq!((s.completed(), s.phase()), (1, Phase::OutputDelta));
}

#[test]
fn progress_is_saved_loaded_and_a_corrupt_file_ignored() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("backstep").join("progress.json");
    let mut progress = Progress::default();
    let lesson = progress.lesson("three-stops");
    lesson.stop = 2;
    let mut right = Attempt::new();
    right.answer(true);
    lesson.answered(1, &right);
    let mut wrong = Attempt::new();
    wrong.answer(false);
    wrong.answer(true);
    lesson.answered(2, &wrong);
    progress.save_to(&file).unwrap();
    let (loaded, problem) = Progress::load_from(&file);
    assert!(problem.is_none());
    assert_eq!(loaded, progress);
    let score = loaded.lessons["three-stops"].score();
    assert_eq!((score.right, score.asked), (1, 2));
    // No file: nothing saved yet, no complaint.
    let (empty, problem) = Progress::load_from(&folder.path().join("none.json"));
    assert_eq!(empty, Progress::default());
    assert!(problem.is_none());
    std::fs::write(&file, "{ not json").unwrap();
    let (ignored, problem) = Progress::load_from(&file);
    assert_eq!(ignored, Progress::default());
    assert!(
        matches!(problem, Some(ProgressError::Corrupt { .. })),
        "{problem:?}"
    );
    assert_eq!(LessonProgress::default().score().asked, 0);
}

#[test]
fn the_readme_example_is_the_checked_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let fixture =
        std::fs::read_to_string(root.join("tests/fixtures/readme/first-lesson.toml")).unwrap();
    let start = readme
        .find("```toml\n[lesson]")
        .expect("the README's lesson example")
        + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    assert_eq!(&readme[start..end], fixture);
    let lesson = Lesson::from_file(&root.join("tests/fixtures/readme/first-lesson.toml")).unwrap();
    assert_eq!(lesson.stops.len(), 3);
}

/// The error of a one-stop lesson whose stop ends with `rest` (after `scenario = …`).
fn stop_error(scenario: &str, rest: &str) -> String {
    let text = format!(
        "[lesson]\ntitle = \"t\"\n\n[[stop]]\ntitle = \"s\"\ntext = \"x\"\nscenario = \"{scenario}\"\n{rest}"
    );
    Lesson::parse(&text, "l", "l.toml", None)
        .unwrap_err()
        .to_string()
}

#[test]
fn stops_are_checked_against_their_scenarios() {
    // Lines: 1 [lesson], 2 title, 3 blank, 4 [[stop]], 5 title, 6 text, 7 scenario, 8 on.
    let e = stop_error("two-two-two", "show = \"compare\"\n");
    assert!(
        e.starts_with("l.toml:8:8: `stop[0].show`: expected a scenario with a [compare] table"),
        "{e}"
    );
    let e = stop_error("no-such", "");
    assert!(
        e.starts_with("l.toml:7:12: `stop[0].scenario`: expected a built-in scenario"),
        "{e}"
    );
    let e = stop_error("two-two-two", "select = { layer = 3, neuron = 1 }\n");
    assert!(
        e.contains("`stop[0].select.layer`: expected a layer from 0 to 2, found 3"),
        "{e}"
    );
    let e = stop_error("two-two-two", "select = { layer = 0, row = 1, col = 1 }\n");
    assert!(
        e.contains("`stop[0].select.layer`: expected a layer from 1 to 2, found 0"),
        "{e}"
    );
    let e = stop_error("two-two-two", "iteration = 0\n");
    assert!(
        e.contains("`stop[0].iteration`: expected an iteration from 1"),
        "{e}"
    );
    let e = stop_error(
        "two-two-two",
        "[stop.question]\nask = \"weight\"\nlayer = 1\nrow = 1\ncol = 3\n",
    );
    assert!(
        e.contains("`stop[0].question.col`: expected a column from 1 to 2, found 3"),
        "{e}"
    );
    let e = stop_error(
        "two-two-two",
        "[stop.question]\nask = \"delta\"\nlayer = 1\nneuron = 1\nrow = 1\n",
    );
    assert!(e.contains("l.toml:12:7: `stop[0].question.row`: unexpected key `row`: this `ask` takes layer, neuron, tolerance"), "{e}");
    let seven = "choices = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"]\nanswer = 1\nexplanation = \"e\"\n";
    let e = stop_error(
        "two-two-two",
        &format!("[stop.question]\nprompt = \"p\"\n{seven}"),
    );
    assert!(
        e.contains("`stop[0].question.choices`: expected 2 to 6 choices, found 7"),
        "{e}"
    );
    let e = stop_error(
        "two-two-two",
        "[stop.question]\nprompt = \"p\"\nchoices = [\"a\", \"b\"]\nanswer = 1\n",
    );
    assert!(e.contains("missing required key `explanation`"), "{e}");
    let e = Lesson::parse(
        "[lesson]\ntitle.en = \"t\"\ntitle.fr = \"x\"\n",
        "l",
        "l.toml",
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("l.toml:3:12:"), "{e}");
    assert!(
        e.contains("`lesson.title`: unknown key `fr`; expected `en` or `ko`"),
        "{e}"
    );
}

#[test]
fn a_scenario_file_beside_the_lesson_is_found_and_bad_bytes_are_located() {
    let folder = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("scenarios/two-two-two.toml"),
        folder.path().join("mine.toml"),
    )
    .unwrap();
    let lesson = folder.path().join("lesson.toml");
    let text = "[lesson]\ntitle = \"t\"\n[[stop]]\ntitle = \"s\"\ntext = \"x\"\nscenario = \"mine.toml\"\n";
    std::fs::write(&lesson, text).unwrap();
    let loaded = Lesson::from_file(&lesson).unwrap();
    assert_eq!(
        loaded.stops[0].scenario_source,
        folder.path().join("mine.toml").display().to_string()
    );
    assert_eq!(loaded.stops[0].scenario.layers, vec![2, 2, 2]);
    std::fs::write(&lesson, b"[lesson]\ntitle = \"\xff\"\n").unwrap();
    let e = Lesson::from_file(&lesson).unwrap_err().to_string();
    assert!(
        e.ends_with(
            "lesson.toml:2:10: expected UTF-8 text, found the byte 0xff; save the file as UTF-8"
        ),
        "{e}"
    );
}
