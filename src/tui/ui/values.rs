//! The values panel: the matrices, the δ vectors, the gradients, and in update phases
//! old → new with the change, aligned, at the chosen precision.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::network::signed;
use crate::nn::{BiasMode, Phase};
use crate::text::notation::superscript;
use crate::text::notation::{Numbers, indexed, matrix_name, value_name};
use crate::tui::app::{App, Selection};

/// The lines of the panel, for a panel of `height` lines and `width` cells: no more rows
/// and columns of a matrix are written out than can show.
pub fn lines(app: &App, height: usize, width: usize) -> Vec<Line<'static>> {
    let s = &app.stepper;
    let theme = app.theme;
    let numbers = Numbers {
        precision: app.precision,
    };
    let network = s.network();
    let before = s.weights_before();
    let depth = network.depth();
    let ws = s.workspace();
    let selected = app.selection();
    let mut lines = Vec::new();
    let vector = |v: Vec<f64>| -> String {
        v.iter()
            .map(|x| signed(numbers, *x))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if s.reached(Phase::Forward(1)) {
        let n_in = ws.input.nrows();
        let n_out = ws.target.nrows();
        lines.push(Line::from(vec![
            Span::styled(format!("sample {}  ", s.samples()[0] + 1), theme.dim()),
            Span::raw(format!(
                "x = ({})   d = ({})",
                vector((0..n_in).map(|i| ws.input[(i, 0)]).collect()),
                vector((0..n_out).map(|i| ws.target[(i, 0)]).collect())
            )),
        ]));
    }
    let order = focus_order(s.phase(), depth, selected);
    for &l in &order {
        let name = matrix_name(network.depth(), l);
        let updated = s.reached(Phase::Update(l));
        let has_gradient = s.reached(Phase::Gradients);
        let old = &before.layers[l - 1];
        let new = &network.layers[l - 1];
        let (rows, cols) = old.weights.shape();
        let header = if updated {
            format!("{name}: old → new (change)")
        } else {
            format!("{name} ({rows}×{cols})")
        };
        lines.push(Line::styled(header, theme.title()));
        let cell = |j: usize, i: usize| {
            if updated {
                let (a, b) = (old.weights[(j, i)], new.weights[(j, i)]);
                format!(
                    "{}→{} ({})",
                    signed(numbers, a),
                    signed(numbers, b),
                    signed(numbers, b - a)
                )
            } else {
                signed(numbers, old.weights[(j, i)])
            }
        };
        let all_cols = cols;
        // A cell is a signed number, or old→new (change) in update phases.
        let cell_width = app.precision + 3;
        let cell_width = if updated {
            3 * cell_width + 5
        } else {
            cell_width
        };
        let fit = (width.saturating_sub(16) / (cell_width + 1)).max(1);
        let (rows, cols) = (rows.min(height), cols.min(fit));
        let widths: Vec<usize> = (0..cols)
            .map(|i| {
                (0..rows)
                    .map(|j| cell(j, i).chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for j in 0..rows {
            let mut spans = vec![Span::raw("  ")];
            for (i, w) in widths.iter().enumerate() {
                let style = if selected
                    == Some(Selection::Weight {
                        layer: l,
                        row: j,
                        col: i,
                    }) {
                    theme.selected()
                } else {
                    Style::new()
                };
                spans.push(Span::styled(format!("{:<w$}", cell(j, i)), style));
                spans.push(Span::raw(" "));
            }
            if cols < all_cols {
                spans.push(Span::styled(
                    format!("… {} more ", all_cols - cols),
                    theme.dim(),
                ));
            }
            if network.bias != BiasMode::None && !updated {
                spans.push(Span::styled(
                    format!("│ {} ", indexed(&format!("b{}", superscript(l)), &[j])),
                    theme.dim(),
                ));
                spans.push(Span::raw(signed(numbers, old.biases[j])));
            }
            if has_gradient && !updated {
                spans.push(Span::styled("  ∂C/∂: ", theme.dim()));
                let g = &ws.grad_weights[l - 1];
                spans.push(Span::raw(vector(
                    (0..g.ncols()).map(|i| g[(j, i)]).collect(),
                )));
            }
            lines.push(Line::from(spans));
        }
        if has_gradient && !updated && network.bias != BiasMode::None {
            lines.push(Line::from(vec![
                Span::styled(format!("  ∂C/∂b{}: ", superscript(l)), theme.dim()),
                Span::raw(vector(ws.grad_biases[l - 1].iter().copied().collect())),
            ]));
        }
        if updated && network.bias == BiasMode::Learned {
            let mut spans = vec![Span::styled(
                format!("  b{}: ", superscript(l)),
                theme.dim(),
            )];
            for j in 0..old.biases.len() {
                let (a, b) = (old.biases[j], new.biases[j]);
                spans.push(Span::raw(format!(
                    "{}→{} ({}) ",
                    signed(numbers, a),
                    signed(numbers, b),
                    signed(numbers, b - a)
                )));
            }
            lines.push(Line::from(spans));
        }
    }
    for &l in &order {
        let delta_phase = if l == depth {
            Phase::OutputDelta
        } else {
            Phase::HiddenDelta(l)
        };
        let n = network.layers[l - 1].weights.nrows();
        if s.reached(Phase::Forward(l)) {
            lines.push(Line::from(format!(
                "{} = ({})",
                value_name(depth, l),
                vector((0..n).map(|j| ws.out[l - 1][(j, 0)]).collect())
            )));
        }
        if s.reached(delta_phase) {
            lines.push(Line::from(format!(
                "δ{} = ({})",
                superscript(l),
                vector((0..n).map(|j| ws.delta[l - 1][(j, 0)]).collect())
            )));
        }
    }
    lines
}

/// The layers in the order the panel lists them: the one the phase works on (or the
/// selection's) first, then the rest from the output back.
fn focus_order(phase: Phase, depth: usize, selected: Option<Selection>) -> Vec<usize> {
    let focus = match (phase, selected) {
        (Phase::Gradients, Some(Selection::Weight { layer, .. })) => layer,
        (Phase::Forward(l) | Phase::Update(l), _) => l,
        (Phase::HiddenDelta(l), _) => l + 1,
        _ => depth,
    };
    std::iter::once(focus)
        .chain((1..=depth).rev().filter(|l| *l != focus))
        .collect()
}

/// Draws the panel.
pub fn render_values(frame: &mut Frame, area: Rect, app: &App) {
    let block = Block::default().borders(Borders::ALL).title(Line::styled(
        format!(" values ({} decimals) ", app.precision),
        app.theme.title(),
    ));
    let inner = block.inner(area);
    let wanted = inner.height as usize + app.values_scroll as usize;
    let lines = lines(app, wanted, inner.width as usize);
    let scroll = app.values_scroll.min(lines.len().saturating_sub(1) as u16);
    let block = if scroll > 0 {
        block.title_bottom(Line::styled(
            format!(" scrolled {scroll} lines (PgUp/PgDn) "),
            app.theme.dim(),
        ))
    } else {
        block
    };
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}
