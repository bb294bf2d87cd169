//! The gradient health view: per layer, mean |δ|, mean f′(net) and ‖∂C/∂W‖ as bars on a log
//! scale, with the ratio between neighbouring layers, so the gradient is seen shrinking on its
//! way back. It takes the whole left column (diagram and values); in compare mode one per
//! copy, side by side.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::nn::health::LayerHealth;
use crate::text::notation::{Numbers, matrix_name};
use crate::tui::app::App;
use crate::tui::run::Run;
use crate::tui::theme::Theme;
use crate::words;

/// Bars span this many powers of ten, ending at the largest value shown.
const DECADES: f64 = 8.0;

/// A bar of up to `width` cells for `value` on a log scale whose right end is `top`.
pub fn bar(value: f64, top: f64, width: usize) -> String {
    if value <= 0.0 || !value.is_finite() || top <= 0.0 {
        return String::new();
    }
    let fraction = 1.0 - ((top.log10() - value.log10()) / DECADES).clamp(0.0, 1.0);
    let cells = (fraction * width as f64).round() as usize;
    "█".repeat(cells.max(1))
}

/// The panel's lines for `run`.
pub fn lines(run: &Run, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let numbers = Numbers { precision: 2 };
    let Some((epoch, iteration, health)) = &run.health else {
        return vec![Line::from(words!("view-health-none"))];
    };
    let network = run.stepper.network();
    let bar_width = width.saturating_sub(32).max(4);
    let mut lines = vec![Line::styled(
        words!(
            "view-health-scale",
            epoch = epoch.to_string(),
            iteration = iteration.to_string(),
            decades = DECADES.to_string()
        ),
        theme.dim(),
    )];
    type Figure = fn(&LayerHealth) -> f64;
    let figures: [(String, Figure); 3] = [
        (words!("view-health-mean-delta"), |h| h.mean_abs_delta),
        (words!("view-health-mean-derivative"), |h| h.mean_derivative),
        ("‖∂C/∂W‖".to_string(), |h| h.grad_norm),
    ];
    for (name, figure) in figures {
        let top = health.iter().map(figure).fold(0.0, f64::max);
        lines.push(Line::styled(name, theme.title()));
        for (i, h) in health.iter().enumerate().rev() {
            let value = figure(h);
            let ratio = health
                .get(i + 1)
                .map(|next| format!(" ×{}", numbers.show(value / figure(next))))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(format!("  {:<4}", matrix_name(network.depth(), i + 1))),
                Span::styled(
                    format!("{:<w$}", bar(value, top, bar_width), w = bar_width),
                    theme.train(),
                ),
                Span::raw(format!(" {}", numbers.show(value))),
                Span::styled(ratio, theme.dim()),
            ]));
        }
    }
    lines.push(Line::styled(words!("view-health-ratio"), theme.dim()));
    lines
}

/// Draws `run`'s view in place of the values panel; in compare mode titled with the copy's
/// label, `copy`.
pub fn render_health(frame: &mut Frame, area: Rect, app: &App, run: &Run, copy: Option<&str>) {
    let title = match copy {
        Some(label) => format!(" {label} · {} ", words!("view-health-title")),
        None => format!(" {} ", words!("view-health-title-keys")),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(title, app.theme.title()));
    let inner = block.inner(area);
    frame.render_widget(
        Paragraph::new(super::wrap::wrap(
            lines(run, app.theme, inner.width as usize),
            inner.width as usize,
        ))
        .block(block),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_shrink_by_a_width_per_eight_decades() {
        assert_eq!(bar(1.0, 1.0, 16).chars().count(), 16);
        assert_eq!(bar(1e-4, 1.0, 16).chars().count(), 8);
        assert_eq!(bar(1e-12, 1.0, 16).chars().count(), 1);
        assert_eq!(bar(0.0, 1.0, 16), "");
    }
}
