//! The status line at the top and the key bar at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::nn::Mode;
use crate::text::notation::compact;
use crate::tui::app::App;
use crate::tui::keymap::binding;
use crate::tui::message::Message;

/// Scenario, epoch, iteration k of n, phase, mode and batch size, η, run state.
pub fn render_status(frame: &mut Frame, area: Rect, app: &App) {
    let s = &app.run.stepper;
    let t = s.training();
    let run = if app.auto_run.running {
        format!("▶ {}", app.auto_run.current().label)
    } else {
        format!("⏸ {}", app.auto_run.current().label)
    };
    let mode = match t.mode {
        Mode::Sgd => "SGD".to_string(),
        Mode::Batch => format!("batch GD ({} samples)", t.batch_size),
        Mode::MiniBatch => format!("mini-batches of {}", t.batch_size),
    };
    // Most important first; what does not fit is left out from the end, the name last.
    let mut parts = vec![
        format!("epoch {}", s.epoch()),
        format!("iteration {}/{}", s.iteration(), s.iterations_per_epoch()),
        crate::text::phase::name(s.phase()),
        run,
        format!("η = {}", compact(t.learning_rate)),
        mode,
    ];
    let width = |parts: &[String]| parts.iter().map(|p| p.chars().count() + 3).sum::<usize>();
    while parts.len() > 3 && width(&parts) > area.width as usize {
        parts.pop();
    }
    let room = (area.width as usize).saturating_sub(width(&parts) + 2);
    let name: String = app.scenario.name.chars().take(room).collect();
    let line = Line::from(vec![
        Span::styled(format!(" {name} "), app.theme.title()),
        Span::raw(format!("│ {}", parts.join(" │ "))),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The most used keys.
pub fn render_keys(frame: &mut Frame, area: Rect, app: &App) {
    let shown: [(Message, &'static str); 9] = [
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
    // Help and quit always; the others while they fit.
    let (rest, always) = shown.split_at(shown.len() - 2);
    fn entry(&(message, what): &(Message, &'static str)) -> (&'static str, &'static str) {
        binding(message).map_or(("", ""), |b| (b.label, what))
    }
    let cost = |(label, what): (&str, &str)| label.chars().count() + what.chars().count() + 4;
    let mut budget =
        (area.width as usize).saturating_sub(always.iter().map(|e| cost(entry(e))).sum());
    let mut chosen: Vec<(&str, &str)> = Vec::new();
    for e in rest {
        let c = cost(entry(e));
        if c > budget {
            break;
        }
        budget -= c;
        chosen.push(entry(e));
    }
    chosen.extend(always.iter().map(entry));
    let mut spans = vec![Span::raw(" ")];
    for (i, (label, what)) in chosen.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", app.theme.dim()));
        }
        spans.push(Span::styled(*label, app.theme.active()));
        spans.push(Span::raw(format!(" {what}")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
