//! Practice mode in the stepping view (`p`), driven by messages as a student drives it with
//! keys. Every expected number is tests/two_two_two_by_hand.py's, not the program's.

use backstep::nn::Phase;
use backstep::practice::Stage;
use backstep::text::catalog::{Language, set_language};
use backstep::tui::Message;
use backstep::tui::app::App;
mod common;

use common::view::{app, screen};

/// δ²₁ of the first iteration (tests/two_two_two_by_hand.py: delta2[0]).
const DELTA_2_1: f64 = 0.13849856162855695;

/// two-two-two with practice on, stepped to the Loss phase: the next step asks for δ²₁.
fn at_loss() -> App {
    let mut app = app("two-two-two");
    app.update(Message::TogglePractice);
    // Forward(1), Forward(2) and Loss each ask about the selection: skipped with Esc.
    while app.run.stepper.phase() != Phase::Loss {
        app.update(Message::NextPhase);
        if app.question().is_some() {
            app.update(Message::Close);
        }
    }
    app
}

fn typed(app: &mut App, text: &str) {
    text.chars().for_each(|c| app.update(Message::Type(c)));
}

fn stage(app: &App) -> Stage {
    app.question().unwrap().answer.attempt.stage
}

#[test]
fn stepping_to_the_output_delta_asks_for_it_and_waits() {
    let mut app = at_loss();
    app.update(Message::NextPhase);
    let q = app.question().expect("a question");
    assert_eq!(q.phase, Phase::OutputDelta);
    assert_eq!(q.answer.reveal.symbol, "δ²₁");
    assert!((q.answer.reveal.value - DELTA_2_1).abs() < 1e-12);
    assert_eq!(app.run.stepper.phase(), Phase::Loss, "the step waits");
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("Next: output delta"), "{text}");
    assert!(text.contains("What is δ²₁?"), "{text}");
    assert!(
        text.contains("δ = dC/dO · f′(net)"),
        "the formula in symbols: {text}"
    );
    assert!(text.contains("practice 0/0"), "{text}");
    assert!(text.contains("Enter check"), "the key bar: {text}");
}

#[test]
fn a_right_answer_scores_and_shows_the_worked_formula() {
    let mut app = at_loss();
    app.update(Message::NextPhase);
    // 0.1385 is δ²₁ at the 4 decimals shown.
    typed(&mut app, "0.1385");
    app.update(Message::Confirm);
    assert_eq!(stage(&app), Stage::Right);
    let score = app.practice.as_ref().unwrap().score;
    assert_eq!((score.right, score.asked), (1, 1));
    let text = screen(&mut app, 120, 40);
    // (O − d) · O(1 − O) = 0.7414 · 0.7514 · 0.2486 (by hand: 0.74137 · 0.18681).
    assert!(text.contains("Right: δ²₁"), "{text}");
    assert!(text.contains("= 0.1385"), "{text}");
    assert!(text.contains("practice 1/1"), "{text}");
    assert!(text.contains("Enter go on"), "{text}");
    assert_eq!(app.run.stepper.phase(), Phase::Loss, "waits for Enter");
    app.update(Message::Confirm);
    assert_eq!(app.run.stepper.phase(), Phase::OutputDelta);
    assert!(app.question().is_none());
}

#[test]
fn a_wrong_answer_gets_the_hint_then_the_reveal() {
    let mut app = at_loss();
    app.update(Message::NextPhase);
    typed(&mut app, "0.5");
    app.update(Message::Confirm);
    assert_eq!(stage(&app), Stage::Retry);
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("Not yet. Hint: δ²₁"), "{text}");
    assert!(
        !shows(&text, DELTA_2_1, 4),
        "the hint keeps the answer: {text}"
    );
    typed(&mut app, "9");
    app.update(Message::Confirm);
    assert_eq!(stage(&app), Stage::Revealed);
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("The answer: δ²₁"), "{text}");
    assert!(shows(&text, DELTA_2_1, 4), "{text}");
    assert!(text.contains("practice 0/1"), "{text}");
    // Space moves on too, once the question is over.
    app.update(Message::NextPhase);
    assert_eq!(app.run.stepper.phase(), Phase::OutputDelta);
}

#[test]
fn an_empty_answer_reveals_and_text_that_is_no_number_is_not_wrong() {
    let mut app = at_loss();
    app.update(Message::NextPhase);
    typed(&mut app, "1e");
    app.update(Message::Confirm);
    assert_eq!(stage(&app), Stage::Asking, "not counted as wrong");
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("is not a number"), "{text}");
    app.update(Message::Erase);
    app.update(Message::Erase);
    app.update(Message::Confirm);
    assert_eq!(stage(&app), Stage::Revealed);
    assert_eq!(app.practice.as_ref().unwrap().score.asked, 1);
}

#[test]
fn while_asking_the_keys_type_and_nothing_steps() {
    use backstep::tui::key::{KeyCode, KeyEvent, KeyModifiers};
    use backstep::tui::keymap::message_for;
    let mut app = at_loss();
    app.update(Message::NextPhase);
    let precision = app.views.precision;
    for c in "-1.5e3".chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let message = message_for(key, app.question().is_some()).unwrap();
        app.update(message);
    }
    let backspace = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    app.update(message_for(backspace, app.question().is_some()).unwrap());
    for m in [
        Message::FinishEpoch,
        Message::FinishIteration,
        Message::PreviousPhase,
        Message::SelectNext,
        Message::MorePrecision,
        Message::ToggleRun,
        Message::Reset,
    ] {
        app.update(m);
    }
    assert_eq!(app.question().unwrap().answer.text, "-1.5e");
    assert_eq!(app.run.stepper.phase(), Phase::Loss);
    assert_eq!(app.views.precision, precision);
    assert!(!app.auto_run.running);
}

#[test]
fn esc_leaves_the_question_and_takes_the_step_unscored() {
    let mut app = at_loss();
    app.update(Message::NextPhase);
    app.update(Message::Close);
    assert_eq!(app.run.stepper.phase(), Phase::OutputDelta);
    let practice = app.practice.as_ref().expect("practice stays on");
    assert_eq!(practice.score.asked, 0);
    assert!(practice.question.is_none());
    // p while δ¹₁ waits turns practice off: the question goes, its step is not taken, and
    // the next steps ask nothing.
    app.update(Message::NextPhase);
    assert!(app.question().is_some());
    app.update(Message::TogglePractice);
    assert!(app.practice.is_none());
    assert_eq!(app.run.stepper.phase(), Phase::OutputDelta);
    app.update(Message::NextPhase);
    assert!(app.question().is_none());
    assert_eq!(app.run.stepper.phase(), Phase::HiddenDelta(1));
}

#[test]
fn auto_run_stops_at_a_question() {
    let mut app = at_loss();
    app.update(Message::ToggleRun);
    let origin = std::time::Instant::now();
    for _ in 0..200 {
        app.tick(&|| origin.elapsed() + std::time::Duration::from_secs(3600));
        if app.question().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(app.question().map(|q| q.phase), Some(Phase::OutputDelta));
    assert!(!app.auto_run.running);
    assert_eq!(app.run.stepper.phase(), Phase::Loss);
}

#[test]
fn practice_is_refused_in_compare_mode() {
    let mut app = app("mse-vs-ce");
    app.update(Message::ToggleCompare);
    assert!(app.comparison.is_some());
    app.update(Message::TogglePractice);
    assert!(app.practice.is_none());
    assert!(app.notice.as_deref().unwrap().contains("compare mode"));
}

/// The question box after a wrong answer, the whole screen, in `language`.
fn hinted_screens(language: Language) {
    set_language(language);
    let name = match language {
        Language::English => "en",
        Language::Korean => "ko",
    };
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = at_loss();
        app.update(Message::NextPhase);
        typed(&mut app, "0.5");
        app.update(Message::Confirm);
        insta::assert_snapshot!(
            format!("practice_hint_{name}_{w}x{h}"),
            screen(&mut app, w, h)
        );
    }
}

#[test]
fn the_question_box_in_english() {
    hinted_screens(Language::English);
}

#[test]
fn the_question_box_in_korean() {
    hinted_screens(Language::Korean);
}

/// Whether `value` appears on `text` at `precision` decimals, with the number's sign
/// or without (the diagram writes +0.1385, the formulas 0.1385).
fn shows(text: &str, value: f64, precision: usize) -> bool {
    let digits = format!("{:.precision$}", value.abs());
    text.contains(&digits)
}

/// Through a whole iteration of `scenario` with practice on, at every question: the asked
/// number is nowhere on the screen (at both sizes) while the question waits.
fn nothing_gives_the_answer_away(scenario: &str) -> usize {
    let mut app = app(scenario);
    app.update(Message::TogglePractice);
    let mut asked = 0;
    loop {
        app.update(Message::NextPhase);
        if let Some(q) = app.question() {
            let (value, precision) = (q.answer.reveal.value, q.answer.precision);
            let symbol = q.answer.reveal.symbol.clone();
            for (w, h) in [(120, 40), (80, 24)] {
                let text = screen(&mut app, w, h);
                assert!(
                    !shows(&text, value, precision),
                    "{scenario}: {symbol} = {value} shows at {w}×{h}:\n{text}"
                );
            }
            asked += 1;
            app.update(Message::Close);
        }
        if app.run.stepper.phase() == Phase::Done {
            return asked;
        }
    }
}

#[test]
fn while_a_question_waits_its_number_is_nowhere_on_screen() {
    // two-two-two: h₁, O₁, C, δ²₁, δ¹₁, ∂C/∂W₁₁, W₁₁, V₁₁.
    assert_eq!(nothing_gives_the_answer_away("two-two-two"), 8);
    // xor trains on its whole training set at once with MSE: the loss chart plots C itself.
    assert!(nothing_gives_the_answer_away("xor") > 0);
}
