//! The status line at the top and the key bar at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::nn::compact;
use crate::tui::app::{App, SPEEDS};
use crate::tui::keymap::binding;
use crate::tui::message::Message;

/// Scenario, epoch, iteration k of n, phase, mode and batch size, η, run state.
pub fn render_status(frame: &mut Frame, area: Rect, app: &App) {
    let s = &app.stepper;
    let t = s.training();
    let run = if app.running {
        format!("▶ {}", SPEEDS[app.speed].label)
    } else {
        format!("⏸ {}", SPEEDS[app.speed].label)
    };
    let parts = [
        app.scenario.name.clone(),
        format!("epoch {}", s.epoch()),
        format!("iteration {}/{}", s.iteration(), s.iterations_per_epoch()),
        s.phase().to_string(),
        format!("{}, batch {}", t.mode.name(), t.batch_size),
        format!("η = {}", compact(t.learning_rate)),
        run,
    ];
    let line = Line::from(vec![
        Span::styled(format!(" {} ", parts[0]), app.theme.title()),
        Span::raw(format!("│ {}", parts[1..].join(" │ "))),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The most used keys.
pub fn render_keys(frame: &mut Frame, area: Rect, app: &App) {
    let shown = [
        (Message::NextPhase, "next"),
        (Message::PreviousPhase, "back"),
        (Message::FinishIteration, "iteration"),
        (Message::FinishEpoch, "epoch"),
        (Message::ToggleRun, "run"),
        (Message::SelectNext, "select"),
        (Message::OpenPicker, "scenarios"),
        (Message::ShowHelp, "help"),
        (Message::Quit, "quit"),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (i, (message, what)) in shown.iter().enumerate() {
        if let Some(b) = binding(*message) {
            if i > 0 {
                spans.push(Span::styled(" · ", app.theme.dim()));
            }
            spans.push(Span::styled(b.label, app.theme.active()));
            spans.push(Span::raw(format!(" {what}")));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
