//! Whole screens of the stepping view, drawn into ratatui's TestBackend after driving the app
//! through its messages, the way a student drives it with keys. Reviewed snapshots live in
//! `tests/snapshots/`.

use backstep::tui::app::App;
use backstep::tui::theme::Theme;
use backstep::tui::{Message, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(scenario: &str) -> App {
    let mut app = backstep::tui::load(scenario).unwrap();
    app.theme = Theme { color: false };
    app
}

/// The screen as text, one line per row.
fn screen(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            app.size = (frame.area().width, frame.area().height);
            ui::render(frame, app);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_first_frame() {
    insta::assert_snapshot!(screen(&mut app("two-two-two"), 120, 40));
}

#[test]
fn every_phase_of_one_two_two_two_iteration() {
    let mut app = app("two-two-two");
    for _ in 0..app.run.stepper.phases().len() {
        app.update(Message::NextPhase);
        let name = format!(
            "phase_{}",
            backstep::text::phase::name(app.run.stepper.phase())
        )
        .replace([' ', '(', ')'], "_");
        insta::assert_snapshot!(name, screen(&mut app, 120, 40));
    }
}

#[test]
fn the_help_popup() {
    let mut app = app("two-two-two");
    app.update(Message::ShowHelp);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn the_scenario_picker() {
    let mut app = app("two-two-two");
    app.update(Message::OpenPicker);
    app.update(Message::SelectNext);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn a_terminal_too_small() {
    insta::assert_snapshot!(screen(&mut app("xor"), 60, 20));
}

#[test]
fn the_smallest_usable_terminal() {
    let mut app = app("xor");
    for _ in 0..4 {
        app.update(Message::NextPhase);
    }
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn the_gradient_health_view_on_vanishing() {
    let mut app = app("vanishing");
    app.update(Message::FinishIteration);
    app.update(Message::ToggleHealth);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn the_compare_screen_on_mse_vs_ce() {
    let mut app = app("mse-vs-ce");
    app.update(Message::ToggleCompare);
    for _ in 0..4 {
        app.update(Message::NextPhase);
    }
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn the_digit_view_and_the_confusion_matrix() {
    let mut app = app("digits");
    app.update(Message::FinishEpoch);
    app.update(Message::NextPhase);
    app.update(Message::NextPhase);
    app.update(Message::ToggleClasses);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn the_confusion_matrix_of_iris_names_the_species() {
    let mut app = app("iris");
    app.update(Message::FinishEpoch);
    app.update(Message::ToggleClasses);
    let text = screen(&mut app, 120, 40);
    for species in ["setosa", "versico", "virgini"] {
        assert!(text.contains(species), "{text}");
    }
}
