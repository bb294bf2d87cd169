//! Issue 12's undo: any of the last 10 000 iterations can be stepped back to after any kind
//! of run, with exactly the numbers the first run had, within a stated memory bound.

mod common;

use backstep::nn::stepper::HISTORY_BYTES;
use backstep::nn::{Phase, Stepper};
use backstep::scenario::Scenario;
use backstep::trace::IterationTrace;
use common::{backstep, text};

fn stepper(name: &str) -> Stepper {
    Scenario::load(name).unwrap().setup().unwrap().stepper()
}

/// Every number of the iterations `targets` (counts of completed iterations, ascending) of a
/// run stepped one iteration at a time.
fn stepped(name: &str, targets: &[u64]) -> Vec<IterationTrace> {
    let mut s = stepper(name);
    let mut traces = Vec::new();
    for &target in targets {
        while s.completed() < target {
            s.finish_iteration().unwrap();
        }
        traces.push(IterationTrace::capture(&s));
    }
    traces
}

/// After `total` iterations at full speed, `N` (back a whole iteration) to each of `targets`
/// (descending) gives the stepped run's numbers at that iteration: weights before and after,
/// every net, output, δ and gradient, the batch, the loss and the costs.
fn undo_matches_stepping(name: &str, total: u64, targets: &[u64]) {
    let mut s = stepper(name);
    s.fast_forward(total).unwrap();
    assert_eq!((s.completed(), s.phase()), (total, Phase::Done));
    let mut ascending = targets.to_vec();
    ascending.sort_unstable();
    let expected = stepped(name, &ascending);
    for &target in targets {
        while s.completed() > target {
            assert!(s.back_iteration(), "{name}: back from {}", s.completed());
        }
        assert_eq!(s.phase(), Phase::Done);
        let i = ascending.iter().position(|t| *t == target).unwrap();
        assert!(
            IterationTrace::capture(&s) == expected[i],
            "{name}: iteration {target} differs after undo"
        );
    }
}

#[test]
fn undo_after_full_speed_on_xor_reaches_9999_iterations_back() {
    // SGD on 4 shuffled samples: a new order every 4 iterations.
    undo_matches_stepping("xor", 10_000, &[9_999, 9_900, 1]);
}

#[test]
fn undo_after_full_speed_on_digits_and_gd_modes_replays_from_checkpoints() {
    // digits keeps a checkpoint every 18 iterations, 40 to an epoch; gd-modes every 6, 100
    // to an epoch: these targets sit between checkpoints and across epochs.
    undo_matches_stepping("digits", 130, &[129, 77, 1]);
    undo_matches_stepping("gd-modes", 250, &[249, 150, 1]);
}

/// The numbers after undo are those `backstep trace` writes for that iteration.
#[test]
fn undo_gives_the_numbers_of_the_trace() {
    let trace = backstep(&["trace", "xor", "--steps", "150"]);
    assert!(trace.status.success());
    let lines: Vec<serde_json::Value> = text(&trace.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut s = stepper("xor");
    s.fast_forward(400).unwrap();
    for target in [150, 100, 1] {
        while s.completed() > target {
            assert!(s.back_iteration());
        }
        let undone = serde_json::to_value(IterationTrace::capture(&s)).unwrap();
        assert_eq!(undone, lines[target as usize - 1], "iteration {target}");
    }
}

/// `E` steps back to the end of the previous epoch, and from the start of an epoch to the end
/// of the one before; `N` from the start of an iteration to the end of the one before.
#[test]
fn whole_iterations_and_epochs_back() {
    let mut s = stepper("digits");
    assert_eq!(s.iterations_per_epoch(), 40);
    s.fast_forward(130).unwrap();
    s.step().unwrap();
    assert_eq!((s.epoch(), s.iteration()), (4, 11));
    assert!(s.back_epoch());
    assert_eq!((s.completed(), s.phase()), (120, Phase::Done));
    assert_eq!((s.epoch(), s.iteration()), (3, 40));
    assert!(s.back_epoch());
    assert_eq!((s.completed(), s.epoch(), s.iteration()), (80, 2, 40));
    assert!(s.back());
    assert!(s.back_iteration());
    assert_eq!((s.completed(), s.phase()), (79, Phase::Done));
    s.step().unwrap();
    assert_eq!(s.phase(), Phase::Forward(1));
    let mut start = stepper("digits");
    start.fast_forward(79).unwrap();
    start.step().unwrap();
    assert_eq!(s.network(), start.network());
    while s.back_epoch() {}
    assert_eq!((s.completed(), s.phase()), (0, Phase::Start));
    assert!(!s.back_iteration());
}

/// The checkpoints' bytes. two-two-two after 20 000 iterations: 12 weights and biases (96
/// bytes) and 300 make 396 bytes, one sample in a fixed order (8 bytes, shared): ⌈10 000 ·
/// 396 / 16 MiB⌉ = 1, a checkpoint every iteration, those at 10 000 to 20 000: 10 001 times
/// 396 bytes and 8 for the order, 3 960 404 bytes. digits after 10 400 iterations (the end of epoch 260, 40 iterations
/// an epoch): 2 410 weights and biases and 1 259 shuffled samples make 19 580 + 10 072 =
/// 29 652 bytes, one every ⌈17.67⌉ = 18 iterations, within 16 MiB plus two checkpoints; the
/// oldest kept is at 396 (18 · 22, the last at or before 10 400 − 10 000), so the end of
/// epoch 10 (400 done, 250 epochs back) is in reach and the end of epoch 9 (360) is not.
#[test]
fn the_checkpoints_stay_within_the_stated_bound() {
    let mut s = stepper("two-two-two");
    assert_eq!(s.history_interval(), 1);
    s.fast_forward(20_000).unwrap();
    assert_eq!(s.history_len(), 10_001);
    assert_eq!(s.history_bytes(), 3_960_404);
    let mut s = stepper("digits");
    assert_eq!(s.history_interval(), 18);
    s.fast_forward(10_400).unwrap();
    let bytes = s.history_bytes();
    assert!(bytes <= HISTORY_BYTES + 2 * 29_652, "{bytes}");
    for _ in 0..250 {
        assert!(s.back_epoch(), "at {}", s.completed());
    }
    assert_eq!(s.completed(), 400);
    assert!(!s.back_epoch());
    assert_eq!(s.completed(), 400);
}
