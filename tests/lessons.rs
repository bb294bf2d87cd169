//! Lessons: loading the fixtures in tests/fixtures/lessons (one valid, each invalid one with
//! its located error), bringing a stepper to a stop, and saving progress.

use std::path::{Path, PathBuf};

use backstep::lesson::progress::{LessonProgress, Progress, ProgressError};
use backstep::lesson::{Lesson, Question, Show, Zoom, advance, phase_named};
use backstep::nn::Phase;
use backstep::practice::{Attempt, Quantity};
use backstep::scenario::Scenario;
use backstep::selection::Selection;
use backstep::text::catalog::{Language, set_language};

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
    assert_eq!(first.select, Some(Selection::Neuron { layer: 2, index: 0 }));
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
        Some(Selection::Weight {
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

/// The file errors of a lesson say "lesson file" where a scenario's say "scenario file".
#[test]
fn a_lesson_file_that_cannot_be_read_is_called_a_lesson_file() {
    let folder = tempfile::tempdir().unwrap();
    let shown = folder.path().display().to_string();
    let e = Lesson::from_file(folder.path()).unwrap_err().to_string();
    assert_eq!(
        e,
        format!("{shown}: expected a lesson file, found a folder")
    );
    let big = folder.path().join("big.toml");
    let limit = backstep::scenario::MAX_FILE_BYTES;
    std::fs::File::create(&big)
        .unwrap()
        .set_len(limit + 1)
        .unwrap();
    let e = Lesson::from_file(&big).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "{}: expected a lesson file of at most 524288 bytes, found 524289 bytes",
            big.display()
        )
    );
    let none = folder.path().join("none.toml");
    let e = Lesson::from_file(&none).unwrap_err().to_string();
    assert!(
        e.starts_with(&format!(
            "{}: cannot read the lesson file: ",
            none.display()
        )),
        "{e}"
    );
    let e = Lesson::load("no-such-lesson").unwrap_err().to_string();
    assert_eq!(
        e,
        "no lesson file or built-in lesson named `no-such-lesson`; built-ins: backprop"
    );
    assert_eq!(
        Lesson::load("backprop").unwrap().origin,
        "built-in backprop"
    );
}

// ---- in Korean ----

/// `backstep --lang ko check FILE` on a fixture: what it writes on stderr.
fn check_ko(name: &str) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_backstep"))
        .env("LC_ALL", "C")
        .args(["--lang", "ko", "check"])
        .arg(fixture(name))
        .output()
        .unwrap();
    assert!(!output.status.success(), "{name} was accepted");
    String::from_utf8(output.stderr).unwrap()
}

/// Every kind of lesson error, in Korean, with the words each must read as (written from
/// locales/ko/errors.ftl); `folder` holds the files they need.
fn korean_errors(folder: &Path) -> Vec<(String, String)> {
    let mut cases = korean_fixture_errors();
    set_language(Language::Korean);
    cases.extend(korean_stop_errors());
    cases.extend(korean_file_errors(folder));
    cases
}

/// The fixtures' errors through `backstep --lang ko check`.
fn korean_fixture_errors() -> Vec<(String, String)> {
    [
        (
            "unknown-key.toml",
            "unknown-key.toml:31:1: `stop[2].speed`: `speed`은(는) 알 수 없는 키입니다. 여기에 쓸 수 있는 키는 `title`, `scenario`, `iteration`, `phase`, `show`, `zoom`, `select`, `text`, `question` 중 하나입니다",
        ),
        (
            "bad-phase.toml",
            "bad-phase.toml:31:9: `stop[2].phase`: 2층 신경망의 단계(start, forward-1, forward-2, loss, output-delta, hidden-delta-1, gradients, update-2, update-1, done) 중 하나가 필요하지만 `hidden-delta-2`이(가) 있습니다",
        ),
        (
            "neuron-out-of-range.toml",
            "neuron-out-of-range.toml:24:10: `stop[1].question.neuron`: 1에서 2까지의 뉴런 번호이(가) 필요하지만 3이(가) 있습니다",
        ),
        (
            "answer-out-of-range.toml",
            "answer-out-of-range.toml:43:10: `stop[2].question.answer`: 1에서 2까지의 보기 번호이(가) 필요하지만 3이(가) 있습니다",
        ),
        (
            "missing-en.toml",
            "missing-en.toml:14:1: `stop[1].title`: 꼭 필요한 키 `en`이(가) 없습니다",
        ),
    ]
    .into_iter()
    .map(|(name, words)| (check_ko(name), format!("오류: {}", fixture("").display()) + words))
    .collect()
}

/// Stops that do not fit their scenario, and lessons of the wrong shape, in-process.
fn korean_stop_errors() -> Vec<(String, String)> {
    let stop = |rest: &str, words: &str| (stop_error("two-two-two", rest), words.to_string());
    let lesson = |text: &str, words: &str| {
        let e = Lesson::parse(text, "l", "l.toml", None).unwrap_err();
        (e.to_string(), words.to_string())
    };
    let builtins: Vec<&str> = backstep::scenario::BUILTINS
        .iter()
        .map(|b| b.name)
        .collect();
    let question = |body: &str| format!("[stop.question]\n{body}");
    let choice = "prompt = \"p\"\nchoices = [\"a\", \"b\"]\n";
    vec![
        stop(
            "show = \"compare\"\n",
            "l.toml:8:8: `stop[0].show`: show = \"compare\"에는 [compare] 테이블이 있는 시나리오가 필요하지만 `two-two-two`에는 그 테이블이 없습니다",
        ),
        (
            stop_error("no-such", ""),
            format!(
                "l.toml:7:12: `stop[0].scenario`: 내장 시나리오({})나 수업 파일과 같은 폴더에 있는 시나리오 파일이(가) 필요하지만 `no-such`이(가) 있습니다",
                builtins.join(", ")
            ),
        ),
        stop(
            "select = { layer = 3, neuron = 1 }\n",
            "l.toml:8:20: `stop[0].select.layer`: 0에서 2까지의 층 번호이(가) 필요하지만 3이(가) 있습니다",
        ),
        stop(
            "select = { layer = 0, row = 1, col = 1 }\n",
            "`stop[0].select.layer`: 1에서 2까지의 층 번호이(가) 필요하지만 0이(가) 있습니다",
        ),
        stop(
            "select = { layer = 1, row = 1 }\n",
            "`stop[0].select`: { layer, neuron } 또는 { layer, row, col } 형태가 필요합니다",
        ),
        stop(
            "iteration = 0\n",
            "l.toml:8:13: `stop[0].iteration`: 1에서 1000000까지의 이터레이션이(가) 필요하지만 0이(가) 있습니다",
        ),
        stop(
            "iteration = \"x\"\n",
            "`stop[0].iteration`: 0 이상의 정수이(가) 필요하지만 문자열 \"x\"이(가) 있습니다",
        ),
        stop(
            &question("ask = \"weight\"\nlayer = 1\nrow = 3\ncol = 1\n"),
            "`stop[0].question.row`: 1에서 2까지의 행 번호이(가) 필요하지만 3이(가) 있습니다",
        ),
        stop(
            &question("ask = \"weight\"\nlayer = 1\nrow = 1\ncol = 3\n"),
            "`stop[0].question.col`: 1에서 2까지의 열 번호이(가) 필요하지만 3이(가) 있습니다",
        ),
        stop(
            &question("ask = \"output\"\n"),
            "`stop[0].question.layer`: 꼭 필요한 키 `layer`이(가) 없습니다",
        ),
        stop(
            &question("ask = \"output\"\nlayer = 1\n"),
            "`stop[0].question.neuron`: 꼭 필요한 키 `neuron`이(가) 없습니다",
        ),
        stop(
            &question("ask = \"cost\"\n"),
            "`stop[0].question`: 꼭 필요한 키 `cost`이(가) 없습니다",
        ),
        stop(
            &question("ask = \"foo\"\n"),
            "`stop[0].question.ask`: `output`, `delta`, `gradient`, `weight`, `cost` 중 하나가 필요하지만 `foo`이(가) 있습니다",
        ),
        stop(
            &question("ask = \"delta\"\nlayer = 1\nneuron = 1\nrow = 1\n"),
            "l.toml:12:7: `stop[0].question.row`: `row`은(는) 여기에 쓸 수 없는 키입니다. 이 `ask`에는 layer, neuron, tolerance만 쓸 수 있습니다",
        ),
        stop(
            &question(&format!(
                "{choice}answer = 1\nexplanation = \"e\"\nlayer = 1\n"
            )),
            "l.toml:13:9: `stop[0].question.layer`: `layer`은(는) 여기에 쓸 수 없는 키입니다. 객관식 문제에는 answer, explanation만 쓸 수 있습니다",
        ),
        stop(
            &question("ask = \"delta\"\nlayer = 1\nneuron = 1\ntolerance = 2\n"),
            "`stop[0].question.tolerance`: 0에서 1 사이의 허용 오차(0.01은 1 %)이(가) 필요하지만 2이(가) 있습니다",
        ),
        stop(
            &question(
                "prompt = \"p\"\nchoices = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"]\nanswer = 1\nexplanation = \"e\"\n",
            ),
            "`stop[0].question.choices`: 보기가 2개에서 6개까지 필요하지만 7개가 있습니다",
        ),
        stop(
            &question(&format!("{choice}answer = 1\n")),
            "`stop[0].question`: 꼭 필요한 키 `explanation`이(가) 없습니다",
        ),
        stop(
            &question("choices = [\"a\", \"b\"]\nanswer = 1\nexplanation = \"e\"\n"),
            "`stop[0].question`: 꼭 필요한 키 `prompt`이(가) 없습니다",
        ),
        stop(
            &question(choice),
            "`stop[0].question.answer`: 꼭 필요한 키 `answer`이(가) 없습니다",
        ),
        stop(
            &question("prompt = \"p\"\n"),
            "`stop[0].question`: 예측할 수(`ask`)나 객관식 보기(`choices`) 중 정확히 하나가 필요합니다. 둘 다 쓰거나 둘 다 빼면 안 됩니다",
        ),
        lesson(
            "[lesson]\ntitle = \"t\"\n",
            "l.toml:1:1: `lesson`: [[stop]]이 적어도 하나 필요하지만 하나도 없습니다",
        ),
        lesson(
            "[lesson]\ntitle = 3\n",
            "l.toml:2:9: `lesson.title`: 텍스트나 { en = \"…\", ko = \"…\" } 같은 언어별 테이블이(가) 필요하지만 정수 `3`이(가) 있습니다",
        ),
        lesson(
            "[lesson]\ntitle.en = \"t\"\ntitle.fr = \"x\"\n",
            "l.toml:3:12: `lesson.title`: `fr`은(는) 알 수 없는 키입니다. 여기에 쓸 수 있는 키는 `en` 또는 `ko`입니다",
        ),
        lesson("", "l.toml:1:1: 꼭 필요한 키 `lesson`이(가) 없습니다"),
        lesson("[lesson\n", "l.toml:1:8: TOML 문법 오류: "),
    ]
}

/// A scenario beside the lesson that is itself wrong, and the lesson file itself: not UTF-8,
/// not a file, too large, unreadable; and no such lesson.
fn korean_file_errors(folder: &Path) -> Vec<(String, String)> {
    let mut cases = Vec::new();
    let scenario = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/two-two-two.toml"),
    )
    .unwrap()
    .replace("layers = [2, 2, 2]", "layers = [2, 0, 2]");
    std::fs::write(folder.join("bad.toml"), scenario).unwrap();
    let file = folder.join("lesson.toml");
    let text =
        "[lesson]\ntitle = \"t\"\n[[stop]]\ntitle = \"s\"\ntext = \"x\"\nscenario = \"bad.toml\"\n";
    std::fs::write(&file, text).unwrap();
    let shown = |path: &Path| path.display().to_string();
    let e = Lesson::from_file(&file).unwrap_err().to_string();
    cases.push((e, format!("{}:6:12: `stop[0].scenario`: 올바른 시나리오가 필요하지만 이 시나리오에는 오류가 있습니다:\n{}:14:14: `network.layers[1]`: 1에서 4096까지의 층 크기가 필요하지만 0이(가) 있습니다", shown(&file), shown(&folder.join("bad.toml")))));
    std::fs::write(&file, b"[lesson]\ntitle = \"\xff\"\n").unwrap();
    let e = Lesson::from_file(&file).unwrap_err().to_string();
    cases.push((e, format!("{}:2:10: UTF-8 텍스트가 필요하지만 바이트 0xff이(가) 있습니다. 파일을 UTF-8로 저장하세요", shown(&file))));
    let e = Lesson::from_file(folder).unwrap_err().to_string();
    cases.push((
        e,
        format!("{}: 수업 파일이 필요하지만 폴더가 있습니다", shown(folder)),
    ));
    let big = folder.join("big.toml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(backstep::scenario::MAX_FILE_BYTES + 1)
        .unwrap();
    let e = Lesson::from_file(&big).unwrap_err().to_string();
    cases.push((
        e,
        format!(
            "{}: 수업 파일은 524288바이트 이하여야 하지만 524289바이트입니다",
            shown(&big)
        ),
    ));
    let none = folder.join("none.toml");
    let e = Lesson::from_file(&none).unwrap_err().to_string();
    cases.push((
        e,
        format!("{}: 수업 파일을 읽을 수 없습니다: ", shown(&none)),
    ));
    let e = Lesson::load("no-such-lesson").unwrap_err().to_string();
    cases.push((
        e,
        "`no-such-lesson`(이)라는 수업 파일도, 내장 수업도 없습니다. 내장 수업: backprop".into(),
    ));
    cases
}

#[test]
fn every_kind_of_lesson_error_reads_in_korean() {
    let folder = tempfile::tempdir().unwrap();
    for (error, words) in korean_errors(folder.path()) {
        assert!(error.contains(&words), "expected\n{words}\nin\n{error}");
    }
    // A built-in lesson is named the way a built-in scenario is.
    assert_eq!(
        Lesson::load("backprop").unwrap().origin,
        "내장 수업 backprop"
    );
}

/// Whether `line` is part of a snippet (the file's own text, under a `|`), not a message.
fn is_snippet(line: &str) -> bool {
    line.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
        .starts_with('|')
}

/// No English sentence is left in a Korean lesson error: only the file's own text (its
/// snippet) and TOML's own detail of a syntax error are not translated.
#[test]
fn no_korean_lesson_error_says_expected_or_found() {
    let folder = tempfile::tempdir().unwrap();
    for (error, _) in korean_errors(folder.path()) {
        for line in error.lines().filter(|l| !is_snippet(l)) {
            let message = line.split("TOML 문법 오류: ").next().unwrap();
            let lower = message.to_lowercase();
            assert!(
                !lower.contains("expected") && !lower.contains("found"),
                "{line}\nin\n{error}"
            );
        }
        assert!(
            error.chars().any(|c| ('가'..='힣').contains(&c)),
            "not Korean:\n{error}"
        );
    }
}

/// A lesson's name resolves as a scenario's does: a built-in name wins over a file or folder
/// of that name here, `./NAME` names the file; `check` reads a file named like a built-in
/// scenario as that scenario, and a lesson file by its `[lesson]` table whatever its name.
#[test]
fn built_in_names_win_over_files_here_for_lessons_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("backprop"), "not a lesson").unwrap();
    std::fs::create_dir(dir.path().join("xor")).unwrap();
    std::fs::copy(fixture("three-stops.toml"), dir.path().join("my-lesson")).unwrap();
    let check = |name: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_backstep"))
            .args(["check", name])
            .current_dir(dir.path())
            .env("LC_ALL", "C")
            .output()
            .unwrap()
    };
    for (name, ok) in [
        ("backprop", "ok: built-in backprop (a lesson of 13 stops)"),
        ("xor", "ok: built-in xor ("),
        ("my-lesson", "ok: my-lesson (a lesson of 3 stops)"),
    ] {
        let out = check(name);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{name}: {out:?}");
        assert!(stdout.starts_with(ok), "{name}: {stdout}");
    }
    let out = check("./backprop");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("./backprop"));
    let lesson = Lesson::load(dir.path().join("backprop").to_str().unwrap());
    assert!(
        lesson.is_err(),
        "a path names the file, which is not a lesson"
    );
}
