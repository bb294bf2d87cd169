//! The current input drawn as an image (e.g. an 8×8 digit), with the predicted and the true
//! class: half-block characters in grey levels, or shade characters without colour.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::classes::class_names;
use crate::data::class_of;
use crate::nn::Phase;
use crate::tui::app::App;
use crate::words;

/// A shade for a brightness in [0, 1], for terminals without colour.
fn shade(v: f64) -> char {
    const SHADES: [char; 5] = [' ', '░', '▒', '▓', '█'];
    SHADES[((v * 4.0).round() as usize).min(4)]
}

fn grey(v: f64) -> Color {
    let level = (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color::Rgb(level, level, level)
}

/// The lines of the image: pixels scaled to the sample's own range, each two cells wide.
pub fn pixels(values: &[f64], rows: usize, cols: usize, color: bool) -> Vec<Line<'static>> {
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    let scale = |v: f64| if hi > lo { (v - lo) / (hi - lo) } else { 0.0 };
    let at = |r: usize, c: usize| scale(values[r * cols + c]);
    if color {
        (0..rows.div_ceil(2))
            .map(|pair| {
                Line::from(
                    (0..cols)
                        .map(|c| {
                            let top = at(2 * pair, c);
                            let bottom = if 2 * pair + 1 < rows {
                                at(2 * pair + 1, c)
                            } else {
                                0.0
                            };
                            Span::styled("▀▀", Style::new().fg(grey(top)).bg(grey(bottom)))
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .collect()
    } else {
        (0..rows)
            .map(|r| {
                Line::from(
                    (0..cols)
                        .map(|c| shade(at(r, c)).to_string().repeat(2))
                        .collect::<String>(),
                )
            })
            .collect()
    }
}

/// Draws the chosen sample's input as an image, with its predicted and true class.
pub fn render_image(frame: &mut Frame, area: Rect, app: &App, (rows, cols): (usize, usize)) {
    let s = &app.run.stepper;
    let block = Block::default().borders(Borders::ALL).title(Line::styled(
        format!(" {} ", words!("view-image-title")),
        app.theme.title(),
    ));
    if !s.reached(Phase::Forward(1)) {
        frame.render_widget(
            Paragraph::new(words!("view-image-empty")).block(block),
            area,
        );
        return;
    }
    let ws = s.workspace();
    let b = app.sample();
    let input: Vec<f64> = ws.input.column(b).iter().copied().collect();
    let mut lines = pixels(&input, rows, cols, app.theme.color);
    let names = class_names(&app.run.stepper);
    let name = |k: usize| names.get(k).cloned().unwrap_or_else(|| k.to_string());
    let truth = class_of(ws.target.column(b).as_slice());
    lines.push(Line::from(words!("view-image-true", class = name(truth))));
    let depth = s.network().depth();
    if s.reached(Phase::Forward(depth)) {
        let predicted = class_of(ws.out[depth - 1].column(b).as_slice());
        let mark = if predicted == truth { "✓" } else { "✗" };
        lines.push(Line::styled(
            words!("view-image-predicted", class = name(predicted), mark = mark),
            app.theme.active(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_are_shaded_by_brightness_without_colour() {
        let lines = pixels(&[0.0, 16.0, 8.0, 4.0], 2, 2, false);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["  ██", "▒▒░░"]);
        assert_eq!(pixels(&[0.0; 64], 8, 8, true).len(), 4);
    }
}
