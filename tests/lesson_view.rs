//! The lesson view driven without a terminal: every question of the built-in `backprop`
//! answered through it with the values tests/lesson_backprop_by_hand.py worked out
//! (tests/fixtures/lessons/backprop-expected.toml), a wrong answer's hint and reveal, a
//! choice wrong then right, and what the view keeps after each move and answer.

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use backstep::lesson::progress::LessonProgress;
use backstep::lesson::{Lesson, Question, phase_name};
use backstep::nn::Phase;
use backstep::practice::Stage;
use backstep::tui::disk::Disk;
use backstep::tui::lesson::{Keeper, LessonView, Step};
use backstep::tui::theme::Theme;

/// Every progress the view asked to keep, in order.
#[derive(Default)]
struct Kept(RefCell<Vec<LessonProgress>>);

impl Keeper for Kept {
    fn keep(&self, lesson: &str, progress: &LessonProgress) -> Result<(), String> {
        assert_eq!(lesson, "backprop");
        self.0.borrow_mut().push(progress.clone());
        Ok(())
    }
}

fn open(progress: LessonProgress) -> (LessonView, Rc<Kept>) {
    let kept = Rc::new(Kept::default());
    let lesson = Lesson::load("backprop").unwrap();
    let mut view = LessonView::new(Rc::new(Disk), kept.clone(), lesson, progress).unwrap();
    view.app.theme = Theme {
        color: false,
        light: false,
    };
    (view, kept)
}

fn expected() -> toml::Table {
    let text = std::fs::read_to_string("tests/fixtures/lessons/backprop-expected.toml").unwrap();
    text.parse().unwrap()
}

fn type_in(view: &mut LessonView, text: &str) {
    text.chars().for_each(|c| view.update(Step::Type(c)));
    view.update(Step::Confirm);
}

/// The phase the view's stepper stands at, by name.
fn phase(view: &LessonView) -> String {
    let s = match &view.app.comparison {
        Some(c) => c.lead(),
        None => &view.app.run.stepper,
    };
    phase_name(s.phase())
}

#[test]
fn every_question_of_backprop_answered_right_gives_the_full_score() {
    let questions = expected()["question"].as_table().unwrap().clone();
    let (mut view, kept) = open(LessonProgress::default());
    let stops = view.lesson.stops.len();
    assert_eq!(stops, 13);
    for n in 1..=stops {
        assert_eq!(view.stop + 1, n);
        let stop = view.current().clone();
        let entry = questions.get(&n.to_string()).and_then(|q| q.as_table());
        assert_eq!(entry.is_some(), stop.question.is_some(), "stop {n}");
        match (&stop.question, entry) {
            (Some(Question::Number { .. }), Some(q)) => {
                let value = q["value"].as_float().unwrap();
                // Unanswered, the view stands a phase before the stop, its result unseen.
                assert_ne!(phase(&view), phase_name(stop.phase), "stop {n}");
                view.update(Step::Next);
                assert_eq!(view.stop + 1, n, "Space waits for the answer");
                type_in(&mut view, &format!("{value}"));
                assert_eq!(view.answer.as_ref().unwrap().attempt.stage, Stage::Right);
                assert_eq!(
                    view.notice, None,
                    "stop {n}: the 'answer first' notice goes"
                );
                assert_eq!(phase(&view), phase_name(stop.phase), "stop {n}");
                assert_eq!(view.app.views.hidden, None);
            }
            (Some(Question::Choice { .. }), Some(q)) => {
                let answer = q["answer"].as_integer().unwrap() as usize;
                let mid_iteration = !matches!(stop.phase, Phase::Start | Phase::Done);
                assert_eq!(phase(&view) != phase_name(stop.phase), mid_iteration);
                view.update(Step::Choose(answer - 1));
                assert_eq!(view.attempt.stage, Stage::Right, "stop {n}");
                // Answered, a choice stands at its stop's phase (stop 10 asked it a phase
                // before, while the two deltas were not yet on screen).
                assert_eq!(phase(&view), phase_name(stop.phase), "stop {n}");
            }
            (None, None) => assert_eq!(phase(&view), phase_name(stop.phase)),
            _ => unreachable!(),
        }
        view.update(Step::Next);
    }
    assert!(view.finished);
    let score = view.progress.score();
    assert_eq!((score.right, score.asked), (11, 11));
    assert!(view.notice.as_ref().unwrap().contains("11 of 11"));
    // Kept after every move and every answer: 13 arrivals and 11 answers.
    assert_eq!(kept.0.borrow().len(), 13 + 11);
    assert_eq!(kept.0.borrow().last().unwrap().stop, 12);
}

#[test]
fn a_wrong_answer_gets_the_hint_and_a_second_the_worked_formula() {
    let (mut view, _) = open(LessonProgress::default());
    view.update(Step::Next);
    // Stop 2 asks for O₁ = σ(1.1059) = 0.7514 (backprop-expected.toml: 0.75136…).
    type_in(&mut view, "0.5");
    let answer = view.answer.clone().unwrap();
    assert_eq!(answer.attempt.stage, Stage::Retry);
    assert!(answer.feedback().unwrap().ends_with("= ?"));
    assert!(view.typing());
    type_in(&mut view, "");
    let answer = view.answer.clone().unwrap();
    assert_eq!(answer.attempt.stage, Stage::Revealed);
    assert!(answer.feedback().unwrap().ends_with("0.7514"));
    assert_eq!(phase(&view), "forward-2");
    let score = view.progress.score();
    assert_eq!((score.right, score.asked), (0, 1));
    // Text that is no number changes nothing but says why.
    let (mut view, _) = view_at(2);
    type_in(&mut view, "-");
    assert_eq!(view.answer.as_ref().unwrap().attempt.stage, Stage::Asking);
    assert!(view.answer.as_ref().unwrap().problem.is_some());
}

/// The view resumed at stop `n` (1-based).
fn view_at(n: usize) -> (LessonView, Rc<Kept>) {
    open(LessonProgress {
        stop: n - 1,
        ..LessonProgress::default()
    })
}

#[test]
fn a_choice_gets_one_more_try_then_the_explanation() {
    // Stop 11: 1000 samples in batches of 10 are 100 iterations an epoch (choice 2).
    let (mut view, _) = view_at(11);
    view.update(Step::Next);
    assert!(view.notice.as_ref().unwrap().contains("1–4"));
    view.update(Step::Choose(0));
    assert_eq!(view.attempt.stage, Stage::Retry);
    view.update(Step::Down);
    view.update(Step::Confirm);
    assert_eq!(view.attempt.stage, Stage::Right);
    assert_eq!(
        view.progress.answers.get(&10),
        Some(&false),
        "not at the first try"
    );
    // Stop 12, chosen wrong twice: revealed.
    view.update(Step::Next);
    view.update(Step::Choose(3));
    view.update(Step::Choose(2));
    assert_eq!(view.attempt.stage, Stage::Revealed);
    let score = view.progress.score();
    assert_eq!((score.right, score.asked), (0, 2));
}

#[test]
fn an_asked_cost_is_hidden_until_answered_and_a_resumed_stop_keeps_its_answer() {
    let (mut view, _) = view_at(3);
    assert_eq!(view.app.views.hidden, Some(backstep::nn::Cost::HalfMse));
    assert_eq!(phase(&view), "forward-2");
    type_in(&mut view, "0.2984");
    assert_eq!(view.app.views.hidden, None);
    assert_eq!(phase(&view), "loss");
    view.update(Step::Previous);
    assert_eq!(view.stop, 1);
    view.update(Step::Next);
    // Stop 2 is unanswered: Space waits.
    assert_eq!(view.stop, 1);
    view.update(Step::Quit);
    assert!(view.quit);
    let (view, _) = open(view.progress.clone());
    assert_eq!(view.stop, 1);
    let (mut again, _) = open(LessonProgress {
        stop: 2,
        ..view.progress.clone()
    });
    // Stop 3 was answered: it opens at its own phase, the answer shown, and Space moves on.
    assert_eq!(phase(&again), "loss");
    assert!(again.done());
    again.update(Step::Next);
    assert_eq!(again.stop, 3);
}
