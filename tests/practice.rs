//! Predict-then-reveal on two-two-two, against tests/two_two_two_by_hand.py's numbers, and
//! how answers are judged and attempts move.

use backstep::nn::{Cost, Phase, Stepper};
use backstep::practice::{Attempt, Quantity, Score, Stage, is_right, parse};
use backstep::scenario::Scenario;

fn two_two_two() -> Stepper {
    Scenario::load("two-two-two")
        .unwrap()
        .setup()
        .unwrap()
        .stepper()
}

fn step_to(s: &mut Stepper, phase: Phase) {
    while s.phase() != phase {
        s.step().unwrap();
    }
}

#[test]
fn delta_two_one_is_known_before_the_phase_that_shows_it() {
    let mut s = two_two_two();
    step_to(&mut s, Phase::Loss);
    let q = Quantity::for_neuron(Phase::OutputDelta, 2, 2, 0).unwrap();
    assert_eq!(
        q,
        Quantity::Delta {
            layer: 2,
            neuron: 0
        }
    );
    assert_eq!(q.phase(2), Some(Phase::OutputDelta));
    let r = q.reveal(&s, 4).unwrap();
    // By hand: δ²₁ = (O₁ − d₁)·O₁(1 − O₁) = 0.13849856162855695.
    assert!(
        (r.value - 0.138_498_561_628_556_95).abs() < 1e-12,
        "{}",
        r.value
    );
    assert_eq!(r.symbol, "δ²₁");
    assert_eq!(r.shown, "0.1385");
    // O₁ = 0.75136507 → 0.7514 at four decimals, d₁ = 0.01.
    assert_eq!(
        r.hint,
        "δ²₁ = (O₁ − d₁)·O₁(1 − O₁) = (0.7514 − 0.0100)·0.7514·(1 − 0.7514) = ?"
    );
    assert_eq!(r.formula, r.hint.replace('?', "0.1385"));
    // The stepper itself did not move.
    assert_eq!(s.phase(), Phase::Loss);
}

#[test]
fn each_phase_reveals_its_quantity() {
    use Quantity::*;
    assert_eq!(
        Quantity::for_neuron(Phase::Forward(1), 2, 1, 1),
        Some(Output {
            layer: 1,
            neuron: 1
        })
    );
    assert_eq!(Quantity::for_neuron(Phase::Forward(2), 2, 1, 1), None);
    assert_eq!(
        Quantity::for_neuron(Phase::HiddenDelta(1), 2, 1, 0),
        Some(Delta {
            layer: 1,
            neuron: 0
        })
    );
    assert_eq!(Quantity::for_neuron(Phase::OutputDelta, 2, 1, 0), None);
    assert_eq!(Quantity::for_neuron(Phase::Loss, 2, 0, 0), Some(Loss));
    assert_eq!(
        Quantity::for_weight(Phase::Gradients, 1, 0, 1),
        Some(Gradient {
            layer: 1,
            row: 0,
            col: 1
        })
    );
    assert_eq!(
        Quantity::for_weight(Phase::Update(2), 2, 1, 1),
        Some(Weight {
            layer: 2,
            row: 1,
            col: 1
        })
    );
    assert_eq!(Quantity::for_weight(Phase::Update(1), 2, 1, 1), None);
    assert_eq!(Quantity::for_weight(Phase::Done, 2, 1, 1), None);
}

#[test]
fn the_other_quantities_match_the_hand_computation() {
    let s = two_two_two();
    let value = |q: Quantity| q.reveal(&s, 4).unwrap().value;
    let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
    assert!(close(
        value(Quantity::Output {
            layer: 1,
            neuron: 0
        }),
        0.593_269_992_107_187_2
    ));
    assert!(close(
        value(Quantity::Delta {
            layer: 1,
            neuron: 1
        }),
        0.009_954_254_705_217_196
    ));
    assert!(close(
        value(Quantity::Gradient {
            layer: 1,
            row: 0,
            col: 0
        }),
        0.000_438_567_734_474_346_5
    ));
    assert!(close(
        value(Quantity::Weight {
            layer: 2,
            row: 0,
            col: 0
        }),
        0.358_916_479_717_884_65
    ));
    assert!(close(value(Quantity::Loss), 0.298_371_108_760_002_7));
    // Half-MSE over the one training sample before training is the batch's loss.
    assert!(close(
        value(Quantity::Cost(Cost::HalfMse)),
        0.298_371_108_760_002_7
    ));
    let w = Quantity::Weight {
        layer: 2,
        row: 0,
        col: 0,
    }
    .reveal(&s, 4)
    .unwrap();
    assert_eq!(w.symbol, "W₁₁");
    // 0.4 − 0.5·0.08216704 = 0.35891648.
    assert_eq!(w.hint, "W₁₁ ← W₁₁ − η·∂C/∂W₁₁ = 0.4000 − 0.5000·0.0822 = ?");
}

#[test]
fn answers_are_read_as_numbers_or_refused_with_a_reason() {
    assert_eq!(parse("-1.5e-3"), Ok(-0.0015));
    assert_eq!(parse(" 0.1385 "), Ok(0.1385));
    assert_eq!(parse("−0.5"), Ok(-0.5));
    for bad in ["abc", "1,5", "--1", "e", ".", "inf", "NaN"] {
        let e = parse(bad).unwrap_err();
        assert!(
            e.message().contains("is not a number"),
            "{bad}: {}",
            e.message()
        );
    }
}

#[test]
fn an_answer_is_right_within_one_percent_or_half_a_unit_shown() {
    // 1 % of 0.1385 is 0.001385.
    assert!(is_right(0.1398, 0.138_498_56, 0.01, 4));
    assert!(!is_right(0.1400, 0.138_498_56, 0.01, 4));
    // Half a unit of the fourth decimal: 0.00005.
    assert!(is_right(0.0004, 0.000_438_57, 0.01, 4));
    assert!(!is_right(0.0, 0.0004, 0.01, 4));
    assert!(is_right(0.0, 0.00004, 0.01, 4));
    assert!(!is_right(0.0, 0.00004, 0.01, 5));
}

#[test]
fn a_number_attempt_hints_then_reveals() {
    let s = two_two_two();
    let r = Quantity::Delta {
        layer: 2,
        neuron: 0,
    }
    .reveal(&s, 4)
    .unwrap();
    let mut a = Attempt::new();
    assert_eq!(a.number_feedback(&r), None);
    assert!(a.submit("x", &r, 0.01, 4).is_err());
    assert_eq!(a.stage, Stage::Asking);
    assert_eq!(a.submit("0.2", &r, 0.01, 4), Ok(Stage::Retry));
    assert_eq!(
        a.number_feedback(&r),
        Some(format!("Not yet. Hint: {}", r.hint))
    );
    assert_eq!(a.submit("0.3", &r, 0.01, 4), Ok(Stage::Revealed));
    assert!(a.number_feedback(&r).unwrap().ends_with("= 0.1385"));
    let mut score = Score::default();
    score.count(&a);
    let mut b = Attempt::new();
    assert_eq!(b.submit("0.1385", &r, 0.01, 4), Ok(Stage::Right));
    score.count(&b);
    let mut c = Attempt::new();
    assert_eq!(c.submit("  ", &r, 0.01, 4), Ok(Stage::Revealed));
    score.count(&c);
    score.count(&Attempt::new());
    assert_eq!((score.right, score.asked), (1, 3));
    assert_eq!(score.text(), "1 of 3 right at the first try");
}

#[test]
fn a_choice_gets_one_more_try_then_the_explanation() {
    let mut a = Attempt::new();
    assert_eq!(a.choose(1, 0), Stage::Retry);
    assert_eq!(
        a.choice_feedback("train", "why"),
        Some("Not this one. Try again.".into())
    );
    assert_eq!(a.choose(1, 0), Stage::Revealed);
    assert_eq!(
        a.choice_feedback("train", "why"),
        Some("The answer is “train”. why".into())
    );
    // Finished: more answers change nothing.
    assert_eq!(a.choose(0, 0), Stage::Revealed);
    assert_eq!(a.first_try, Some(false));
    let mut b = Attempt::new();
    assert_eq!(b.choose(0, 0), Stage::Right);
    assert_eq!(b.choice_feedback("train", "why"), Some("Right. why".into()));
}

/// A look ahead takes the same steps as the stepper itself, to the bit, and carries none
/// of its undo history.
#[test]
fn a_lookahead_steps_like_the_stepper_without_its_history() {
    let mut stepper = backstep::scenario::Scenario::load("xor")
        .unwrap()
        .setup()
        .unwrap()
        .stepper();
    for _ in 0..50 {
        stepper.finish_iteration().unwrap();
    }
    stepper.step().unwrap();
    assert!(stepper.history_len() > 1, "{}", stepper.history_len());
    let mut ahead = stepper.lookahead();
    assert!(ahead.history_len() <= 1);
    for _ in 0..20 {
        stepper.step().unwrap();
        ahead.step().unwrap();
        assert_eq!(ahead.phase(), stepper.phase());
        assert_eq!(ahead.network(), stepper.network());
        assert_eq!(
            ahead.loss().map(f64::to_bits),
            stepper.loss().map(f64::to_bits)
        );
    }
}
