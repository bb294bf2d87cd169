//! The stepping view's update logic, driven by messages without a terminal.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use backstep::nn::Phase;
use backstep::scenario::{BUILTINS, Scenario, ScenarioError, Setup};
use backstep::selection::Selection;
use backstep::tui::Message;
use backstep::tui::app::App;
use backstep::tui::pace::SPEEDS;
use backstep::tui::scenarios::{PickerEntry, Scenarios};
use backstep::tui::views::Popup;

fn app(scenario: &str) -> App {
    backstep::tui::load(scenario).unwrap()
}

/// One frame's tick, on a real clock (full speed measures its time budget on it).
fn tick(app: &mut App) {
    let origin = Instant::now();
    app.tick(&|| origin.elapsed());
}

/// What the student sees: the whole screen (drawn without a terminal), and the state
/// behind it.
fn state(app: &App) -> String {
    use backstep::tui::ui;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ui::render(f, app)).unwrap();
    format!(
        "{:?}\n{:?} {} {} {:?} {:?} {:?} {}",
        terminal.backend().buffer(),
        app.run.stepper.phase(),
        app.run.stepper.epoch(),
        app.run.stepper.iteration(),
        app.run.stepper.network(),
        app.run.stepper.costs(),
        app.selection(),
        app.run.curves.len()
    )
}

/// xor with a linear output and η = 1e300, written into `dir`: it diverges at once.
fn diverging_xor(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("huge.toml");
    let text = std::fs::read_to_string("scenarios/xor.toml")
        .unwrap()
        .replace("learning_rate = 1.0", "learning_rate = 1e300")
        .replace(
            "output_activation = \"sigmoid\"",
            "output_activation = \"linear\"",
        );
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn stepping_back_then_forward_gives_the_same_screens() {
    let mut app = app("xor");
    let mut seen = vec![state(&app)];
    // Four iterations and a bit: across iteration boundaries and the epoch boundary.
    for _ in 0..(4 * app.run.stepper.phases().len() + 2) {
        app.update(Message::NextPhase);
        seen.push(state(&app));
    }
    for expected in seen.iter().rev().skip(1) {
        app.update(Message::PreviousPhase);
        assert_eq!(&state(&app), expected);
    }
    app.update(Message::PreviousPhase);
    assert!(app.notice.as_deref().unwrap().contains("start"));
    for expected in seen.iter().skip(1) {
        app.update(Message::NextPhase);
        assert_eq!(&state(&app), expected);
    }
    assert_eq!(app.run.stepper.epoch(), 2);
}

#[test]
fn finishing_an_epoch_lands_on_its_last_iteration_and_the_next_begins_a_new_one() {
    let mut app = app("xor");
    app.update(Message::FinishEpoch);
    assert_eq!(app.run.stepper.phase(), Phase::Done);
    assert_eq!(
        (app.run.stepper.epoch(), app.run.stepper.iteration()),
        (1, 4)
    );
    assert_eq!(app.run.curves.len(), 5, "the start and four iterations");
    app.update(Message::NextPhase);
    assert_eq!(
        (app.run.stepper.epoch(), app.run.stepper.iteration()),
        (2, 1)
    );
    assert_eq!(app.run.stepper.phase(), Phase::Forward(1));
    app.update(Message::PreviousPhase);
    assert_eq!(
        (app.run.stepper.epoch(), app.run.stepper.iteration()),
        (1, 4)
    );
    app.update(Message::PreviousPhase);
    assert_eq!(
        app.run.curves.len(),
        4,
        "stepping back before Done drops its point"
    );
}

#[test]
fn auto_run_moves_at_its_pace_and_pauses_on_a_phase_boundary() {
    let mut app = app("two-two-two");
    assert_eq!(SPEEDS[app.auto_run.speed].label(), "10 phases/s");
    app.update(Message::ToggleRun);
    for _ in 0..9 {
        tick(&mut app);
    }
    assert_eq!(app.run.stepper.phase(), app.run.stepper.phases()[2]);
    app.update(Message::ToggleRun);
    tick(&mut app);
    tick(&mut app);
    tick(&mut app);
    assert_eq!(
        app.run.stepper.phase(),
        app.run.stepper.phases()[2],
        "paused"
    );
    app.update(Message::NextPhase);
    assert_eq!(app.run.stepper.phase(), app.run.stepper.phases()[3]);
}

#[test]
fn full_speed_runs_many_iterations_and_lands_on_done() {
    let mut app = app("xor");
    app.auto_run.speed = SPEEDS.len() - 1;
    app.update(Message::ToggleRun);
    tick(&mut app);
    assert!(
        app.run.stepper.completed() > 1000,
        "{}",
        app.run.stepper.completed()
    );
    assert_eq!(app.run.stepper.phase(), Phase::Done);
    // From there the student can step on.
    app.update(Message::ToggleRun);
    app.update(Message::NextPhase);
    assert_eq!(app.run.stepper.phase(), Phase::Forward(1));
}

#[test]
fn a_diverging_run_pauses_and_explains() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&diverging_xor(&dir));
    app.auto_run.speed = 5;
    assert_eq!(SPEEDS[5].label(), "100 iterations/s");
    app.update(Message::ToggleRun);
    for _ in 0..20 {
        tick(&mut app);
    }
    assert!(!app.auto_run.running, "still running after a divergence");
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.contains("diverged") && notice.contains("smaller learning rate"),
        "{notice}"
    );
    assert!(
        app.run
            .stepper
            .network()
            .layers
            .iter()
            .all(|l| l.weights.iter().all(|w| w.is_finite()))
    );
}

#[test]
fn selection_follows_the_phase_and_moves_with_the_keys() {
    let mut app = app("two-two-two");
    assert_eq!(app.selection(), None);
    app.update(Message::NextPhase);
    assert_eq!(
        app.selection(),
        Some(Selection::Neuron { layer: 1, index: 0 })
    );
    app.update(Message::SelectNext);
    assert_eq!(
        app.selection(),
        Some(Selection::Neuron { layer: 1, index: 1 })
    );
    app.update(Message::SelectNext);
    assert_eq!(
        app.selection(),
        Some(Selection::Neuron { layer: 1, index: 0 })
    );
    while app.run.stepper.phase() != Phase::Gradients {
        app.update(Message::NextPhase);
    }
    assert_eq!(
        app.selection(),
        Some(Selection::Weight {
            layer: 2,
            row: 0,
            col: 0
        })
    );
    app.update(Message::SelectPrevious);
    assert_eq!(
        app.selection(),
        Some(Selection::Weight {
            layer: 2,
            row: 1,
            col: 1
        })
    );
    app.update(Message::SelectNextLayer);
    assert_eq!(
        app.selection(),
        Some(Selection::Weight {
            layer: 1,
            row: 0,
            col: 0
        })
    );
}

#[test]
fn the_picker_opens_another_scenario_and_escape_closes_popups_first() {
    let mut app = app("two-two-two");
    app.update(Message::ShowHelp);
    app.update(Message::Close);
    assert!(app.views.popup.is_none() && !app.quit);
    app.update(Message::OpenPicker);
    app.update(Message::SelectPrevious);
    app.update(Message::Confirm);
    assert!(app.views.popup.is_none());
    assert_eq!(app.scenario.name, "Handwritten digits");
}

#[test]
fn precision_and_plot_toggles() {
    let mut app = app("xor");
    app.update(Message::MorePrecision);
    assert_eq!(app.views.precision, 5);
    for _ in 0..20 {
        app.update(Message::LessPrecision);
    }
    assert_eq!(app.views.precision, 1);
    app.update(Message::ToggleLogY);
    assert!(app.views.log_y);
    app.update(Message::Quit);
    assert!(app.quit);
}

#[test]
fn a_run_at_full_speed_that_diverges_stops_on_the_failing_iteration() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&diverging_xor(&dir));
    app.auto_run.speed = SPEEDS.len() - 1;
    app.update(Message::ToggleRun);
    tick(&mut app);
    assert!(!app.auto_run.running);
    let notice = app.notice.clone().unwrap();
    let here = format!(
        "epoch {}, iteration {} ",
        app.run.stepper.epoch(),
        app.run.stepper.iteration()
    );
    assert!(notice.contains(&here), "{notice} is not about {here}");
    // The screen stands on the last phase before the non-finite value.
    assert!(app.run.stepper.phase() != Phase::Done);
}

#[test]
fn tab_and_clicks_select_neurons_in_any_layer() {
    use backstep::tui::ui;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = app("two-two-two");
    app.update(Message::NextPhase);
    app.update(Message::SelectNextLayer);
    assert_eq!(
        app.selection(),
        Some(Selection::Neuron { layer: 2, index: 0 })
    );
    // Click on h₂ = +0.5969 where the screen shows it (after the forward pass of layer 2).
    app.update(Message::NextPhase);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ui::render(f, &app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let (column, row) = (0..40u16)
        .flat_map(|y| (0..60u16).map(move |x| (x, y)))
        .find(|&(x, y)| {
            (0..7u16)
                .map(|i| buffer[(x + i, y)].symbol().to_string())
                .collect::<String>()
                == "+0.5969"
        })
        .expect("h₂ is on screen");
    app.update(Message::Click {
        column: column + 2,
        row,
    });
    assert_eq!(
        app.selection(),
        Some(Selection::Neuron { layer: 1, index: 1 })
    );
    // Half-way along the straight edge from h₂ to O₂ is the weight W₂₂.
    let find = |text: &str| {
        (0..40u16)
            .flat_map(|y| (0..60u16).map(move |x| (x, y)))
            .find(|&(x, y)| {
                (0..7u16)
                    .map(|i| buffer[(x + i, y)].symbol().to_string())
                    .collect::<String>()
                    == text
            })
            .unwrap()
    };
    let (h2, o2) = (find("+0.5969"), find("+0.7729"));
    assert_eq!(h2.1, o2.1);
    app.update(Message::Click {
        column: (h2.0 + 7 + o2.0) / 2,
        row: h2.1,
    });
    assert_eq!(
        app.selection(),
        Some(Selection::Weight {
            layer: 2,
            row: 1,
            col: 1
        })
    );
    // The next phase has its own default again.
    app.update(Message::NextPhase);
    assert_eq!(
        app.selection(),
        Some(Selection::Neuron { layer: 2, index: 0 })
    );
}

#[test]
fn compare_mode_steps_every_copy_in_lockstep_and_undoes_them_together() {
    let mut app = app("gd-modes");
    app.update(Message::ToggleCompare);
    let labels: Vec<String> = {
        let c = app
            .comparison
            .as_ref()
            .expect("gd-modes declares a comparison");
        c.runs.iter().map(|c| c.label.clone()).collect()
    };
    assert_eq!(labels, ["batch", "SGD", "mini-batch"]);
    for _ in 0..4 {
        app.update(Message::NextPhase);
    }
    let c = app.comparison.as_ref().unwrap();
    assert!(
        c.runs
            .iter()
            .all(|c| c.stepper.phase() == Phase::OutputDelta)
    );
    // The same first samples in the same order, whatever the batch size.
    let first = c.runs[0].stepper.samples()[0];
    assert!(c.runs.iter().all(|c| c.stepper.samples()[0] == first));
    assert_eq!(c.runs[0].stepper.samples().len(), 1000);
    assert_eq!(c.runs[1].stepper.samples().len(), 1);
    assert_eq!(c.runs[2].stepper.samples().len(), 10);
    app.update(Message::FinishIteration);
    app.update(Message::PreviousPhase);
    let c = app.comparison.as_ref().unwrap();
    assert!(c.runs.iter().all(|c| c.stepper.phase() == Phase::Update(1)));
    assert!(c.runs.iter().all(|c| c.curves.len() == 1));
    app.update(Message::ToggleCompare);
    assert!(app.comparison.is_none());
}

#[test]
fn compare_mode_needs_a_declared_comparison() {
    let mut app = app("xor");
    app.update(Message::ToggleCompare);
    assert!(app.comparison.is_none());
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("declares no [compare]")
    );
}

#[test]
fn every_neuron_of_a_wide_layer_can_be_selected_and_is_drawn() {
    use backstep::tui::ui;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = app("digits");
    app.update(Message::NextPhase);
    // 32 hidden neurons: walk the selection to the 21st, far past what the diagram shows.
    for _ in 0..20 {
        app.update(Message::SelectNext);
    }
    assert_eq!(
        app.selection(),
        Some(Selection::Neuron {
            layer: 1,
            index: 20
        })
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ui::render(f, &app)).unwrap();
    // The phase panel works out neuron 21 of the hidden layer.
    let h21 = app.run.stepper.workspace().out[0][(20, 0)];
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol().to_string())
        .collect();
    assert!(text.contains("net¹₂₁"), "the formula names neuron 21");
    let shown = backstep::text::notation::Numbers { precision: 4 }.fit(h21, 7);
    assert!(
        text.contains(&shown),
        "h₂₁ = {shown} is drawn in the diagram"
    );
    // The values panel scrolls, and scrolls back.
    app.update(Message::ScrollDown);
    assert_eq!(app.views.values_scroll, 10);
    app.update(Message::ScrollUp);
    assert_eq!(app.views.values_scroll, 0);
}

/// A front end without a file system: the built-ins xor and iris, parsed from the text
/// compiled into the binary, and a note of every scenario asked for.
struct BuiltinsOnly {
    asked: std::cell::RefCell<Vec<String>>,
}

impl Scenarios for BuiltinsOnly {
    fn entries(&self) -> Vec<PickerEntry> {
        ["xor", "iris"]
            .map(|name| PickerEntry::new(name, None))
            .to_vec()
    }

    fn load(&self, source: &str) -> Result<Scenario, ScenarioError> {
        self.asked.borrow_mut().push(source.to_string());
        let builtin = BUILTINS.iter().find(|b| b.name == source).unwrap();
        Scenario::parse(builtin.source, source, None)
    }

    fn setup(&self, scenario: &Scenario) -> Result<Setup, ScenarioError> {
        scenario.setup()
    }
}

#[test]
fn the_picker_lists_and_opens_what_the_front_end_offers() {
    let scenarios = Rc::new(BuiltinsOnly {
        asked: Default::default(),
    });
    let mut app = App::new(scenarios.clone(), "xor").unwrap();
    app.update(Message::OpenPicker);
    match &app.views.popup {
        Some(Popup::Picker { entries, .. }) => {
            let sources: Vec<&str> = entries.iter().map(|e| e.source.as_str()).collect();
            assert_eq!(sources, ["xor", "iris"]);
        }
        other => panic!("no picker: {other:?}"),
    }
    app.update(Message::SelectNext);
    app.update(Message::Confirm);
    assert_eq!(app.scenario.name, "Iris flowers");
    app.update(Message::Reset);
    assert_eq!(*scenarios.asked.borrow(), ["xor", "iris", "iris"]);
}

#[test]
fn full_speed_measures_its_budget_on_the_front_ends_clock() {
    let mut app = app("xor");
    app.auto_run.speed = SPEEDS.len() - 1;
    app.update(Message::ToggleRun);
    // A clock that moves 10 ms each time it is read: the tick starts at 10 ms, sees 10 ms
    // spent (under the 25 ms budget), runs one chunk of 256 iterations between reads at 30
    // and 40 ms, then sees 40 ms spent and stops.
    let time = Cell::new(Duration::ZERO);
    app.tick(&|| {
        time.set(time.get() + Duration::from_millis(10));
        time.get()
    });
    assert_eq!(app.run.stepper.completed(), 256);
    // xor has 4 samples, one per iteration: 256 iterations are 64 epochs.
    assert_eq!(
        (app.run.stepper.epoch(), app.run.stepper.iteration()),
        (64, 4)
    );
    assert_eq!(app.run.stepper.phase(), Phase::Done);
    assert_eq!(app.run.curves.last().unwrap().iteration, 256);
}

#[test]
fn compare_mode_at_full_speed_moves_every_run_together() {
    let mut app = app("mse-vs-ce");
    app.update(Message::ToggleCompare);
    app.auto_run.speed = SPEEDS.len() - 1;
    app.update(Message::ToggleRun);
    tick(&mut app);
    let c = app.comparison.as_ref().unwrap();
    let completed = c.runs[0].stepper.completed();
    assert!(completed > 0);
    for run in &c.runs {
        // Both runs have the same batches, so they finish the same iterations.
        assert_eq!(run.stepper.completed(), completed, "{}", run.label);
        assert_eq!(run.stepper.phase(), Phase::Done, "{}", run.label);
        assert_eq!(run.curves.last().unwrap().iteration, completed);
    }
    assert_eq!(
        app.run.stepper.completed(),
        0,
        "normal mode's run stays put"
    );
}

#[test]
fn compare_mode_cannot_undo_before_the_start_and_says_so() {
    let mut app = app("gd-modes");
    app.update(Message::ToggleCompare);
    app.update(Message::PreviousPhase);
    assert!(app.notice.as_deref().unwrap().contains("start"));
    let c = app.comparison.as_ref().unwrap();
    assert!(c.runs.iter().all(|r| r.stepper.phase() == Phase::Start));
}

/// A deep network is drawn a layer a line; a click on a layer's line selects that layer.
#[test]
fn a_click_on_a_layer_line_selects_the_layer() {
    use backstep::tui::ui;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = app("vanishing");
    app.size = (80, 24);
    app.update(Message::FinishIteration);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::render(f, &app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let line = |y: u16| {
        (0..40u16)
            .map(|x| buffer[(x, y)].symbol())
            .collect::<String>()
    };
    let row = (0..24u16)
        .find(|&y| line(y).starts_with("│a³ "))
        .expect("a³ has its line");
    app.update(Message::Click { column: 5, row });
    assert_eq!(
        app.selection(),
        Some(Selection::Neuron { layer: 3, index: 0 })
    );
}

/// `f` moves the focus diagram → phase → values → charts and round (past the charts in the
/// Loss phase, where the cost table has their place); PgDn scrolls the focused panel only.
#[test]
fn the_focus_moves_between_panels_and_scrolling_follows_it() {
    use backstep::tui::focus::Focus;
    let mut app = app("two-two-two");
    assert_eq!((app.views.focus, app.focus()), (None, Focus::Values));
    let mut seen = Vec::new();
    for _ in 0..4 {
        app.update(Message::FocusNext);
        seen.push(app.focus());
    }
    assert_eq!(
        seen,
        [Focus::Charts, Focus::Diagram, Focus::Phase, Focus::Values]
    );
    app.update(Message::FocusNext);
    app.update(Message::FocusNext);
    app.update(Message::FocusNext);
    assert_eq!(app.focus(), Focus::Phase);
    app.update(Message::ScrollDown);
    assert_eq!((app.views.phase_scroll, app.views.values_scroll), (10, 0));
    app.update(Message::NextPhase);
    assert_eq!(app.views.phase_scroll, 0, "a new phase starts at the top");
    // Tab still selects: it moves the selection, not the focus.
    app.update(Message::SelectNextLayer);
    assert_eq!(app.focus(), Focus::Phase);
    while app.run.stepper.phase() != Phase::Loss {
        app.update(Message::NextPhase);
    }
    app.update(Message::FocusNext);
    assert_eq!(app.focus(), Focus::Values);
    app.update(Message::FocusNext);
    assert_eq!(app.focus(), Focus::Diagram, "no charts in the Loss phase");
}

/// `z` zooms the focused panel and `Z` shows the result in large digits; each key, or Esc,
/// goes back, and Esc closes a zoom before it clears a notice.
#[test]
fn zoom_and_large_digits_open_and_close() {
    use backstep::tui::focus::Enlarged;
    let mut app = app("two-two-two");
    app.update(Message::Zoom);
    assert_eq!(app.views.enlarged, Some(Enlarged::Panel));
    app.update(Message::Zoom);
    assert_eq!(app.views.enlarged, None);
    app.update(Message::BigDigits);
    assert_eq!(app.views.enlarged, Some(Enlarged::Digits));
    app.update(Message::Zoom);
    assert_eq!(app.views.enlarged, Some(Enlarged::Panel), "z from Z zooms");
    app.notice = Some("a notice".into());
    app.update(Message::Close);
    assert_eq!(app.views.enlarged, None);
    assert!(app.notice.is_some());
    app.update(Message::Close);
    assert!(app.notice.is_none());
}

/// `T` switches the light theme on and off; it survives opening another scenario.
#[test]
fn the_theme_key_toggles_the_light_theme() {
    let mut app = app("two-two-two");
    assert!(!app.theme.light);
    app.update(Message::ToggleTheme);
    assert!(app.theme.light);
    app.update(Message::Reset);
    assert!(app.theme.light);
    app.update(Message::ToggleTheme);
    assert!(!app.theme.light);
}

/// After a full-speed run, `N`, `E` and `h` step back through iterations the fast path ran,
/// with the curves cut to match; in compare mode every copy goes back together.
#[test]
fn after_full_speed_n_and_e_step_back_whole_iterations_and_epochs() {
    let mut view = app("gd-modes");
    view.auto_run.speed = SPEEDS.len() - 1;
    view.update(Message::ToggleRun);
    while view.run.stepper.completed() <= 300 {
        tick(&mut view);
    }
    view.update(Message::ToggleRun);
    let done = view.run.stepper.completed();
    // gd-modes: 100 iterations an epoch.
    let epoch_end = (done - 1) / 100 * 100;
    view.update(Message::BackEpoch);
    assert_eq!(view.run.stepper.completed(), epoch_end);
    assert_eq!(view.run.stepper.iteration(), 100);
    assert_eq!(view.run.curves.last().unwrap().iteration, epoch_end);
    view.update(Message::BackIteration);
    view.update(Message::BackIteration);
    assert_eq!(view.run.stepper.completed(), epoch_end - 2);
    view.update(Message::PreviousPhase);
    assert_eq!(
        view.run.stepper.phase(),
        *view.run.stepper.phases().iter().rev().nth(1).unwrap()
    );
    assert!(view.notice.is_none());

    let mut cmp = app("mse-vs-ce");
    cmp.update(Message::ToggleCompare);
    cmp.auto_run.speed = SPEEDS.len() - 1;
    cmp.update(Message::ToggleRun);
    tick(&mut cmp);
    cmp.update(Message::ToggleRun);
    let c = cmp.comparison.as_ref().unwrap();
    let done = c.runs[0].stepper.completed();
    let per_epoch = c.runs[0].stepper.iterations_per_epoch() as u64;
    cmp.update(Message::BackEpoch);
    let c = cmp.comparison.as_ref().unwrap();
    for run in &c.runs {
        assert_eq!(
            run.stepper.completed(),
            (done - 1) / per_epoch * per_epoch,
            "{}",
            run.label
        );
        assert_eq!(run.stepper.phase(), Phase::Done);
    }
    while cmp.notice.is_none() {
        cmp.update(Message::BackEpoch);
    }
    let c = cmp.comparison.as_ref().unwrap();
    assert!(c.runs.iter().all(|r| r.stepper.completed() == 0));
    assert!(cmp.notice.as_deref().unwrap().contains("start"));
}

/// `t` evaluates the test set once and records when; pressed again it shows that result and
/// asks (Esc keeps it, another key forgets the question); Enter evaluates again, labelled as
/// a reuse. iris: 90 training samples in batches of 10, 9 iterations an epoch.
#[test]
fn the_test_set_is_evaluated_once_unless_confirmed() {
    let mut view = app("iris");
    assert_eq!(view.run.stepper.iterations_per_epoch(), 9);
    view.update(Message::FinishEpoch);
    view.update(Message::FinishEpoch);
    view.update(Message::EvaluateTest);
    let first = view.tested.expect("evaluated");
    assert_eq!((first.completed, first.epoch, first.reused), (18, 2, false));
    let notice = view.notice.clone().unwrap();
    assert!(
        notice.contains("used once, after iteration 18 (epoch 2)"),
        "{notice}"
    );
    view.update(Message::FinishEpoch);
    view.update(Message::EvaluateTest);
    assert_eq!(view.tested, Some(first), "shown, not evaluated again");
    let notice = view.notice.clone().unwrap();
    assert!(
        notice.contains("after iteration 18") && notice.contains("Enter evaluates"),
        "{notice}"
    );
    view.update(Message::Close);
    assert_eq!((view.tested, view.notice.as_ref()), (Some(first), None));
    view.update(Message::EvaluateTest);
    view.update(Message::FinishIteration);
    view.update(Message::Confirm);
    assert_eq!(view.tested, Some(first), "another key ended the question");
    view.update(Message::EvaluateTest);
    view.update(Message::Confirm);
    let again = view.tested.unwrap();
    assert_eq!((again.completed, again.epoch, again.reused), (28, 4, true));
    let notice = view.notice.clone().unwrap();
    assert!(
        notice.contains("Test set reused: no longer an unbiased estimate"),
        "{notice}"
    );
}
