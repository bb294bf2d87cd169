//! Issue 13's settings panel (`o`): values change with ←/→ or typing, a value the scenario
//! refuses is refused in place in the file error's words, applying starts the run again (from
//! the same initial weights when the shape did not change), and the saved file is a scenario
//! that `check` accepts and that traces exactly like the run.

mod common;

use backstep::scenario::Scenario;
use backstep::tui::Message;
use backstep::tui::app::App;
use backstep::tui::settings::SettingsInput as Input;
use common::view::{app, screen};
use common::{backstep, text};

fn press(app: &mut App, input: Input) {
    app.update(Message::Settings(input));
}

fn type_in(app: &mut App, typed: &str) {
    for c in typed.chars() {
        press(app, Input::Type(c));
    }
}

/// Moves the highlight to the setting of `key`.
fn highlight(app: &mut App, key: &str) {
    let settings = app.settings.as_ref().expect("the panel is open");
    let at = settings.fields().iter().position(|f| f.key == key).unwrap();
    while app.settings.as_ref().unwrap().cursor > at {
        press(app, Input::Up);
    }
    while app.settings.as_ref().unwrap().cursor < at {
        press(app, Input::Down);
    }
}

/// The value shown for `key`.
fn value(app: &App, key: &str) -> String {
    let settings = app.settings.as_ref().unwrap();
    let at = settings.fields().iter().position(|f| f.key == key).unwrap();
    settings.values[at].clone()
}

fn notice(app: &App) -> String {
    app.notice.clone().unwrap_or_default()
}

/// Saves the scenario as it runs to `path` through the panel's prompt.
fn save_as(app: &mut App, path: &str) {
    app.update(Message::OpenSettings);
    press(app, Input::Save);
    let offered = app.settings.as_ref().unwrap().saving.clone().unwrap().path;
    for _ in offered.chars() {
        press(app, Input::Erase);
    }
    type_in(app, path);
    press(app, Input::Confirm);
}

/// The output of a command that must succeed.
fn output(args: &[&str]) -> String {
    let run = backstep(args);
    assert!(run.status.success(), "{args:?}: {}", text(&run.stderr));
    text(&run.stdout)
}

#[test]
fn arrows_step_through_values_and_a_typed_value_is_checked_like_a_file() {
    let mut app = app("xor");
    app.update(Message::OpenSettings);
    assert_eq!(value(&app, "training.learning_rate"), "1");
    press(&mut app, Input::Next);
    assert_eq!(value(&app, "training.learning_rate"), "2");
    press(&mut app, Input::Previous);
    press(&mut app, Input::Previous);
    assert_eq!(value(&app, "training.learning_rate"), "0.5");
    highlight(&mut app, "training.loss");
    press(&mut app, Input::Next);
    assert_eq!(value(&app, "training.loss"), "half-mse");
    highlight(&mut app, "training.shuffle");
    press(&mut app, Input::Next);
    assert_eq!(value(&app, "training.shuffle"), "false");

    highlight(&mut app, "training.learning_rate");
    type_in(&mut app, "-1");
    press(&mut app, Input::Confirm);
    let settings = app.settings.as_ref().unwrap();
    let refusal = settings.refusal.clone().unwrap();
    assert_eq!(settings.editing.as_deref(), Some("-1"), "still typing");
    assert_eq!(value(&app, "training.learning_rate"), "0.5", "kept");
    // The words `check` uses for the same value in a file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.toml");
    let xor = std::fs::read_to_string("scenarios/xor.toml").unwrap();
    std::fs::write(
        &file,
        xor.replace("learning_rate = 1.0", "learning_rate = -1"),
    )
    .unwrap();
    let checked = backstep(&["check", file.to_str().unwrap()]);
    assert!(!checked.status.success());
    let words =
        "expected a learning rate ≥ 0 (the update already subtracts the gradient), found -1";
    assert!(text(&checked.stderr).contains(words));
    assert_eq!(
        refusal,
        format!("`training.learning_rate`: {words}"),
        "{refusal}"
    );

    press(&mut app, Input::Close);
    assert_eq!(app.settings.as_ref().unwrap().editing, None);
    press(&mut app, Input::Close);
    assert!(app.settings.is_none(), "Esc closes the panel");
    assert_eq!(app.scenario.training.learning_rate, 1.0, "nothing applied");
}

#[test]
fn a_value_refused_with_the_others_is_shown_and_not_applied() {
    let mut app = app("xor");
    app.update(Message::OpenSettings);
    highlight(&mut app, "data.validation");
    type_in(&mut app, "0.6");
    press(&mut app, Input::Confirm);
    highlight(&mut app, "data.test");
    type_in(&mut app, "0.6");
    press(&mut app, Input::Confirm);
    let refusal = app.settings.as_ref().unwrap().refusal.clone().unwrap();
    assert!(refusal.contains("data.test"), "{refusal}");
    assert_eq!(
        value(&app, "data.test"),
        "0",
        "0.6 + 0.6 leaves nothing to train on"
    );
}

#[test]
fn applying_starts_again_from_the_same_initial_weights() {
    let mut app = app("xor");
    let start = Scenario::load("xor").unwrap().network();
    app.update(Message::OpenSettings);
    press(&mut app, Input::Next);
    press(&mut app, Input::Confirm);
    assert!(app.settings.is_none());
    assert_eq!(app.scenario.training.learning_rate, 2.0);
    let network = app.run.stepper.network();
    for (now, then) in network.layers.iter().zip(&start.layers) {
        assert_eq!(now.weights, then.weights);
        assert_eq!(now.biases, then.biases);
    }
    assert!(
        notice(&app).contains("training.learning_rate 1 → 2"),
        "{}",
        notice(&app)
    );
    assert!(
        notice(&app).contains("same initial weights"),
        "{}",
        notice(&app)
    );
    app.update(Message::Reset);
    assert_eq!(
        app.scenario.training.learning_rate, 2.0,
        "R keeps the panel's changes"
    );
}

#[test]
fn a_new_shape_draws_new_weights_in_place_of_given_ones() {
    let mut app = app("two-two-two");
    app.update(Message::OpenSettings);
    press(&mut app, Input::Next);
    press(&mut app, Input::Confirm);
    let w = &app.run.stepper.network().layers[0].weights;
    assert_eq!(
        w[(0, 0)],
        0.15,
        "the given weights stay when only η changed"
    );

    app.update(Message::OpenSettings);
    highlight(&mut app, "network.layers");
    press(&mut app, Input::Next);
    assert_eq!(value(&app, "network.layers"), "3");
    press(&mut app, Input::Confirm);
    assert_eq!(app.scenario.layers, [2, 3, 2]);
    assert_eq!(app.scenario.weights, None);
    assert!(notice(&app).contains("network.layers 2-2-2 → 2-3-2"));
    assert!(notice(&app).contains("new initial weights"));
}

/// Saves `scenario` after `edit` in a fresh folder and checks the file: `check` accepts it
/// and it traces byte for byte as the scenario with `sets` does.
fn saved_traces_like_the_run(scenario: &str, edit: impl Fn(&mut App), sets: &[&str]) {
    let mut app = app(scenario);
    app.update(Message::OpenSettings);
    edit(&mut app);
    press(&mut app, Input::Confirm);
    assert!(app.settings.is_none(), "{scenario}: applied");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.toml");
    let file = file.to_str().unwrap();
    save_as(&mut app, file);
    assert!(app.settings.is_none(), "{scenario}: {}", notice(&app));
    assert!(notice(&app).contains(file), "{}", notice(&app));
    output(&["check", file]);
    let mut with_sets = vec!["trace", scenario, "--steps", "5", "--format", "json"];
    for set in sets {
        with_sets.extend(["--set", set]);
    }
    assert_eq!(
        output(&["trace", file, "--steps", "5", "--format", "json"]),
        output(&with_sets),
        "{scenario}"
    );
}

#[test]
fn a_saved_file_is_a_scenario_that_traces_like_the_run() {
    saved_traces_like_the_run(
        "xor",
        |app| {
            press(app, Input::Previous);
            highlight(app, "training.loss");
            press(app, Input::Next);
        },
        &["training.learning_rate=0.5", "training.loss=half-mse"],
    );
    saved_traces_like_the_run(
        "scenarios/iris.toml",
        |app| {
            highlight(app, "data.normalize");
            press(app, Input::Next);
        },
        &["data.normalize=none"],
    );
    saved_traces_like_the_run(
        "circles",
        |app| {
            highlight(app, "data.noise");
            press(app, Input::Next);
        },
        &["data.noise=0.15"],
    );
}

#[test]
fn a_built_in_data_set_is_written_beside_the_saved_file() {
    let mut app = app("digits");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("digits-mine.toml");
    save_as(&mut app, file.to_str().unwrap());
    let beside = std::fs::read(dir.path().join("digits.csv")).unwrap();
    assert_eq!(beside, std::fs::read("assets/digits.csv").unwrap());
    let file = file.to_str().unwrap();
    assert_eq!(
        output(&["trace", file, "--steps", "2", "--format", "csv"]),
        output(&["trace", "digits", "--steps", "2", "--format", "csv"])
    );
}

#[test]
fn a_file_is_replaced_only_when_asked_and_a_failed_write_keeps_the_panel() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kept.toml");
    std::fs::write(&file, "mine").unwrap();
    let mut app = app("xor");
    app.update(Message::OpenSettings);
    press(&mut app, Input::Next);
    press(&mut app, Input::Save);
    let refusal = app.settings.as_ref().unwrap().refusal.clone().unwrap();
    assert!(refusal.starts_with("Apply the changes first"), "{refusal}");
    press(&mut app, Input::Close);

    save_as(&mut app, file.to_str().unwrap());
    let prompt = app.settings.as_ref().unwrap().saving.clone().unwrap();
    assert!(prompt.replacing, "asked before replacing");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    press(&mut app, Input::Confirm);
    assert!(app.settings.is_none());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("[network]")
    );

    let nowhere = dir.path().join("no-such-folder").join("x.toml");
    save_as(&mut app, nowhere.to_str().unwrap());
    let refusal = app.settings.as_ref().unwrap().refusal.clone().unwrap();
    assert!(refusal.starts_with("could not write"), "{refusal}");
    assert!(!nowhere.exists());
}

#[test]
fn the_panel_at_80x24_and_120x40() {
    let mut app = app("circles");
    app.update(Message::OpenSettings);
    highlight(&mut app, "network.layers");
    press(&mut app, Input::Next);
    insta::assert_snapshot!("settings_80x24", screen(&mut app, 80, 24));
    highlight(&mut app, "training.learning_rate");
    type_in(&mut app, "-2");
    press(&mut app, Input::Confirm);
    insta::assert_snapshot!("settings_120x40", screen(&mut app, 120, 40));
}
