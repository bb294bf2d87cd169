//! Issue 14's sessions: a view saved as a session and resumed shows the same numbers at the
//! same place (every number of the iteration under way, the costs, the whole screen), with
//! its views, settings and comparison; a session whose scenario changed is refused, naming
//! what changed.

mod common;

use backstep::session::Session;
use backstep::tui::Message;
use backstep::tui::app::App;
use backstep::tui::panel::Panel;
use backstep::tui::settings::SettingsInput;
use common::view::{app, screen};

/// Saves `app` as a session file in a fresh folder and resumes it.
fn saved_and_resumed(app: &App) -> App {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.session.toml");
    std::fs::write(&file, app.session().to_toml()).unwrap();
    let session = Session::load(&file).unwrap();
    assert_eq!(session, app.session(), "the file keeps everything");
    let mut resumed = backstep::tui::resume(&file, &session).unwrap();
    resumed.theme = app.theme;
    resumed
}

/// Every number the runs hold (in compare mode, every copy's), and the screen at 120×40.
fn numbers_and_screen(app: &mut App) -> (Vec<String>, String) {
    let runs: Vec<&backstep::tui::run::Run> = match &app.comparison {
        Some(c) => c.runs.iter().collect(),
        None => vec![&app.run],
    };
    let numbers = runs
        .iter()
        .map(|r| {
            let s = &r.stepper;
            format!(
                "{:?} {} {:?} {:?} {:?} {:?} {:?}",
                s.phase(),
                s.completed(),
                s.workspace(),
                s.costs(),
                s.validation_costs(),
                s.network(),
                s.weights_before()
            )
        })
        .collect();
    app.notice = None;
    (numbers, screen(app, 120, 40))
}

fn same_after_resuming(mut app: App, what: &str) {
    let mut resumed = saved_and_resumed(&app);
    let (numbers, picture) = numbers_and_screen(&mut app);
    let (again, resumed_picture) = numbers_and_screen(&mut resumed);
    assert_eq!(numbers, again, "{what}");
    assert_eq!(picture, resumed_picture, "{what}");
}

fn press(app: &mut App, message: Message, times: usize) {
    for _ in 0..times {
        app.update(message);
    }
}

#[test]
fn a_resumed_session_has_the_same_numbers_at_the_same_phase() {
    let mut two = app("two-two-two");
    press(&mut two, Message::NextPhase, 4);
    same_after_resuming(two, "two-two-two at its output delta");

    let mut xor = app("xor");
    press(&mut xor, Message::FinishEpoch, 9);
    press(&mut xor, Message::NextPhase, 6);
    xor.update(Message::Toggle(Panel::Boundary));
    xor.update(Message::ToggleXAxis);
    same_after_resuming(xor, "xor in epoch 10 with the boundary");

    let mut digits = app("digits");
    press(&mut digits, Message::FinishIteration, 30);
    press(&mut digits, Message::NextPhase, 3);
    press(&mut digits, Message::NextSample, 2);
    press(&mut digits, Message::MorePrecision, 2);
    digits.update(Message::Toggle(Panel::Classes));
    same_after_resuming(digits, "digits mid-batch, sample 3, 6 decimals");

    let mut start = app("iris");
    start.update(Message::Toggle(Panel::Health));
    same_after_resuming(start, "iris at its start");
}

#[test]
fn settings_compare_mode_and_practice_come_back() {
    let mut xor = app("xor");
    xor.update(Message::OpenSettings);
    xor.update(Message::Settings(SettingsInput::Previous));
    xor.update(Message::Settings(SettingsInput::Confirm));
    press(&mut xor, Message::FinishIteration, 7);
    xor.update(Message::TogglePractice);
    let resumed = saved_and_resumed(&xor);
    assert_eq!(resumed.scenario.training.learning_rate, 0.5);
    assert!(resumed.practice.is_some());
    same_after_resuming(xor, "xor with η = 0.5 from the panel");

    let mut compare = app("mse-vs-ce");
    compare.update(Message::ToggleCompare);
    press(&mut compare, Message::FinishIteration, 5);
    press(&mut compare, Message::NextPhase, 2);
    let resumed = saved_and_resumed(&compare);
    assert!(resumed.comparison.is_some());
    same_after_resuming(compare, "mse-vs-ce in compare mode");
}

#[test]
fn past_the_stop_and_beyond_it() {
    // gd-modes stops at epoch 25 (its MSE changes by less than 0.0001 over 10 epochs).
    let mut app = common::view::app("gd-modes");
    press(&mut app, Message::FinishEpoch, 27);
    let per_epoch = app.run.stepper.iterations_per_epoch() as u64;
    assert_eq!(app.run.stepper.completed(), 27 * per_epoch);
    assert!(app.run.halted().is_some(), "past its stop");
    same_after_resuming(app, "by hand past the stop");

    let mut app = common::view::app("gd-modes");
    press(&mut app, Message::FinishEpoch, 26);
    press(&mut app, Message::ToggleRun, 2);
    assert!(app.run.beyond, "r went beyond the stop");
    press(&mut app, Message::FinishEpoch, 2);
    let resumed = saved_and_resumed(&app);
    assert!(resumed.run.beyond && resumed.run.halted().is_none());
    same_after_resuming(app, "beyond the stop");
}

#[test]
fn a_session_whose_scenario_changed_is_refused_naming_the_change() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("mine.toml");
    let xor = std::fs::read_to_string("scenarios/xor.toml").unwrap();
    std::fs::write(&scenario, &xor).unwrap();
    let mut app = app(scenario.to_str().unwrap());
    press(&mut app, Message::FinishIteration, 3);
    let file = dir.path().join("mine.session.toml");
    std::fs::write(&file, app.session().to_toml()).unwrap();
    std::fs::write(
        &scenario,
        xor.replace("learning_rate = 1.0", "learning_rate = 0.3"),
    )
    .unwrap();
    let session = Session::load(&file).unwrap();
    let refusal = backstep::tui::resume(&file, &session).err().unwrap();
    assert!(
        refusal.ends_with(
            "has changed since the session was saved, so its numbers would not be the same: \
             training.learning_rate: 1.0 → 0.3"
        ),
        "{refusal}"
    );

    std::fs::write(&file, "version = 7\n").unwrap();
    let e = Session::load(&file).unwrap_err().to_string();
    assert!(e.contains("is not a session backstep can resume"), "{e}");
}

#[test]
fn a_lesson_comes_back_at_its_stop_with_its_answers() {
    use backstep::lesson::Lesson;
    use backstep::lesson::progress::LessonProgress;
    use backstep::tui::lesson::{Keeper, LessonView};
    struct Nowhere;
    impl Keeper for Nowhere {
        fn keep(&self, _: &str, _: &LessonProgress) -> Result<(), String> {
            Ok(())
        }
    }
    let progress = LessonProgress {
        stop: 3,
        answers: [(0, true), (1, false), (2, true)].into(),
    };
    let lesson = Lesson::load("backprop").unwrap();
    let disk = std::rc::Rc::new(backstep::tui::disk::Disk);
    let mut view = LessonView::new(disk, std::rc::Rc::new(Nowhere), lesson, progress).unwrap();
    view.app.update(Message::MorePrecision);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backprop.session.toml");
    std::fs::write(&file, view.session().to_toml()).unwrap();
    let session = Session::load(&file).unwrap();
    let place = session.lesson.clone().unwrap();
    assert_eq!(place.name, "backprop");
    let resumed = backstep::tui::resume_lesson(&file, &session, &place).unwrap();
    assert_eq!(resumed.stop, 3);
    assert_eq!(resumed.progress, view.progress);
    assert_eq!(resumed.progress.score(), view.progress.score());
    assert_eq!(resumed.app.views.precision, 5);
    let drawn = |v: &LessonView| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|f| backstep::tui::ui::lesson::render_lesson(f, v))
            .unwrap();
        format!("{:?}", terminal.backend().buffer())
    };
    let mut resumed = resumed;
    resumed.app.theme = view.app.theme;
    assert_eq!(drawn(&resumed), drawn(&view));
}

#[test]
fn a_session_whose_data_file_changed_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("flowers.toml");
    let iris = std::fs::read_to_string("scenarios/iris.toml").unwrap();
    std::fs::write(&scenario, iris.replace("../assets/iris.csv", "iris.csv")).unwrap();
    let data = std::fs::read_to_string("assets/iris.csv").unwrap();
    std::fs::write(dir.path().join("iris.csv"), &data).unwrap();
    let app = app(scenario.to_str().unwrap());
    let file = dir.path().join("flowers.session.toml");
    std::fs::write(&file, app.session().to_toml()).unwrap();
    let session = Session::load(&file).unwrap();
    assert!(backstep::tui::resume(&file, &session).is_ok());
    std::fs::write(dir.path().join("iris.csv"), data.replacen("5.1", "5.2", 1)).unwrap();
    let again = backstep::tui::load(scenario.to_str().unwrap()).unwrap();
    assert_ne!(
        again.data_fingerprint(),
        session.data,
        "the data read again differ"
    );
    let refusal = backstep::tui::resume(&file, &session).err().unwrap();
    assert!(
        refusal.contains("the data of the scenario") && refusal.contains("has changed"),
        "{refusal}"
    );
}
