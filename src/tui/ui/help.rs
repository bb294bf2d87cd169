//! The help popup, written from the same keymap table that dispatches the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::nn::stepper::{HISTORY_BYTES, HISTORY_ITERATIONS};
use crate::tui::app::App;
use crate::tui::keymap::keymap;
use crate::tui::layout::centered;

/// Draws the keys and what they do.
pub fn render_help(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let mut lines: Vec<Line> = keymap()
        .into_iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("  {:<10}", b.label), theme.active()),
                Span::raw(b.description),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(
            "  Stepping back reaches the last {HISTORY_ITERATIONS} iterations (at most {} MiB of snapshots); after a run at full speed, the last iteration.",
            HISTORY_BYTES / (1024 * 1024)
        ),
        theme.dim(),
    ));
    lines.push(Line::styled(
        "  Click a neuron in the diagram to select it.",
        theme.dim(),
    ));
    // Room for the two notes to wrap.
    let height = lines.len() as u16 + 4;
    let popup = centered(area, 76, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(Line::styled(" keys (Esc closes) ", theme.title())),
        ),
        popup,
    );
}
