//! The view's auto-run stops where the scenario says (issue 12), through App messages and
//! ticks: at its `epochs` at every speed, at a `[training.stop]` rule with the rule's words,
//! per copy in compare mode; `r` then runs beyond, and `n` still steps by hand.

use std::time::Instant;

use backstep::nn::Phase;
use backstep::tui::Message;
use backstep::tui::app::App;
use backstep::tui::pace::SPEEDS;

fn app(scenario: &str) -> App {
    backstep::tui::load(scenario).unwrap()
}

fn tick(app: &mut App) {
    let origin = Instant::now();
    app.tick(&|| origin.elapsed());
}

/// The screen at 120×40, row by row.
fn screen(app: &App) -> Vec<String> {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| backstep::tui::ui::render(f, app))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..40)
        .map(|y| (0..120).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// Starts auto-run and ticks until it pauses (at most `ticks` ticks).
fn run_until_paused(app: &mut App, ticks: usize) {
    app.update(Message::ToggleRun);
    for _ in 0..ticks {
        if !app.auto_run.running {
            return;
        }
        tick(app);
    }
    panic!("still running after {ticks} ticks");
}

/// One sample, batch mode: an epoch is one iteration; 40 epochs are 40 iterations.
#[test]
fn auto_run_stops_at_the_scenarios_epochs_at_every_speed() {
    for (speed, label) in SPEEDS.iter().map(|s| s.label()).enumerate() {
        let mut app = app("tests/fixtures/stop/forty.toml");
        app.auto_run.speed = speed;
        // 1 phase a second: 40 iterations of at most 8 phases, 30 ticks each.
        run_until_paused(&mut app, 40 * 8 * 30 + 30);
        let s = &app.run.stepper;
        assert_eq!(s.completed(), 40, "speed {label}");
        assert_eq!(s.phase(), Phase::Done);
        assert_eq!(app.notice.as_deref(), Some("finished: 40 epochs"));
    }
}

#[test]
fn r_after_the_end_runs_beyond_the_scenario_and_n_still_steps() {
    let mut app = app("tests/fixtures/stop/forty.toml");
    app.auto_run.speed = SPEEDS.len() - 1;
    run_until_paused(&mut app, 100);
    app.update(Message::NextPhase);
    assert_eq!(
        app.run.stepper.phase(),
        Phase::Forward(1),
        "n steps by hand"
    );
    assert!(app.notice.is_none());
    app.update(Message::ToggleRun);
    assert_eq!(
        app.notice.as_deref(),
        Some("running beyond the scenario's 40 epochs")
    );
    tick(&mut app);
    assert!(app.auto_run.running);
    assert!(app.run.stepper.completed() > 41, "went on at full speed");
    let status = &screen(&app)[0];
    assert!(
        status.contains("▶ full speed, beyond 40 epochs │"),
        "{status}"
    );
}

/// η = 0.5: MSE 0.25^k, first below 0.001 at the end of epoch 5.
#[test]
fn auto_run_stops_at_a_rule_with_its_words_at_full_speed_and_step_by_step() {
    for speed in [SPEEDS.len() - 1, 4] {
        let mut app = app("tests/fixtures/stop/below.toml");
        app.auto_run.speed = speed;
        run_until_paused(&mut app, 1000);
        assert_eq!(app.run.stepper.completed(), 5);
        let notice = app.notice.clone().unwrap();
        assert_eq!(
            notice,
            "stopped: at the end of epoch 5 the training MSE was 9.766e−4, below 0.001 \
             (stop rule `cost`, `below`)"
        );
    }
}

/// η = 0.5 stops at epoch 5, η = 0.1 at epoch 33 (0.81^k < 0.001 first at k = 33): the first
/// copy waits while the second goes on; auto-run stops when both have.
#[test]
fn compare_mode_applies_the_rules_per_copy_in_lockstep() {
    for speed in [SPEEDS.len() - 1, 5] {
        let mut app = app("tests/fixtures/stop/compare.toml");
        app.update(Message::ToggleCompare);
        app.auto_run.speed = speed;
        run_until_paused(&mut app, 1000);
        let c = app.comparison.as_ref().unwrap();
        let completed: Vec<u64> = c.runs.iter().map(|r| r.stepper.completed()).collect();
        assert_eq!(completed, [5, 33], "speed {}", SPEEDS[speed].label());
        assert!(c.runs.iter().all(|r| r.halted().is_some()));
        let notice = app.notice.clone().unwrap();
        let lines: Vec<&str> = notice.lines().collect();
        assert!(
            lines[0].starts_with("η = 0.5: stopped: at the end of epoch 5 "),
            "{notice}"
        );
        assert!(
            lines[1].starts_with("η = 0.1: stopped: at the end of epoch 33 "),
            "{notice}"
        );
    }
}

/// While η = 0.1 goes on, the η = 0.5 copy's panel says why it waits.
#[test]
fn a_stopped_copy_says_why_in_its_panel_while_the_others_go_on() {
    let mut app = app("tests/fixtures/stop/compare.toml");
    app.update(Message::ToggleCompare);
    app.auto_run.speed = 4; // 10 iterations a second: one every third tick.
    app.update(Message::ToggleRun);
    for _ in 0..(3 * 10) {
        tick(&mut app);
    }
    let c = app.comparison.as_ref().unwrap();
    let completed: Vec<u64> = c.runs.iter().map(|r| r.stepper.completed()).collect();
    assert_eq!(completed, [5, 10]);
    assert!(app.auto_run.running);
    let rows = screen(&app);
    let panel: String = rows[2..6]
        .iter()
        .map(|r| r.chars().take(60).collect::<String>())
        .collect();
    assert!(
        panel.contains("stopped: at the end of epoch 5 the training MSE"),
        "{}",
        rows.join("\n")
    );
    // The status line counts the epochs of the copy that goes on (an epoch an iteration).
    assert!(rows[0].contains("│ epoch 10 │"), "{}", rows[0]);
}

/// With practice on, auto-run also stops at the scenario's epochs: from the end of epoch 39
/// it steps (the 1-1 network's questions are closed as they come) and pauses at the end of
/// epoch 40 with the same words instead of stepping on.
#[test]
fn practice_mode_auto_run_stops_at_the_scenarios_epochs() {
    let mut app = app("tests/fixtures/stop/forty.toml");
    app.update(Message::TogglePractice);
    for _ in 0..39 {
        app.update(Message::FinishIteration);
    }
    app.auto_run.speed = 2;
    app.update(Message::ToggleRun);
    for _ in 0..2000 {
        if app.question().is_some() {
            app.update(Message::Close);
            app.update(Message::ToggleRun);
        }
        if !app.auto_run.running {
            break;
        }
        tick(&mut app);
    }
    assert!(!app.auto_run.running);
    assert_eq!(app.notice.as_deref(), Some("finished: 40 epochs"));
    assert_eq!(
        (app.run.stepper.completed(), app.run.stepper.phase()),
        (40, Phase::Done)
    );
}
