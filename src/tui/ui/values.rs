//! The values panel: the matrices, the δ vectors, the gradients, and in update phases
//! old → new with the change, aligned, at the chosen precision.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::network::signed;
use crate::nn::{BiasMode, Phase, Stepper};
use crate::text::notation::superscript;
use crate::text::notation::{Numbers, bias_name, matrix_name, value_name};
use crate::tui::app::App;
use crate::tui::selection::Selection;
use crate::tui::theme::Theme;

/// The lines of the panel, for a panel of `height` lines and `width` cells: no more rows
/// and columns of a matrix are written out than can show.
pub fn lines(app: &App, height: usize, width: usize) -> Vec<Line<'static>> {
    let panel = Panel {
        s: &app.run.stepper,
        theme: app.theme,
        numbers: Numbers {
            precision: app.views.precision,
        },
        selected: app.selection(),
    };
    let s = panel.s;
    let mut lines = Vec::new();
    if s.reached(Phase::Forward(1)) {
        lines.push(panel.sample());
    }
    let order = focus_order(s.phase(), s.network().depth(), panel.selected);
    for &l in &order {
        panel.matrix(l, height, width, &mut lines);
    }
    for &l in &order {
        panel.vectors(l, &mut lines);
    }
    lines
}

/// What every part of the panel reads.
struct Panel<'a> {
    s: &'a Stepper,
    theme: Theme,
    numbers: Numbers,
    selected: Option<Selection>,
}

impl Panel<'_> {
    /// Signed numbers side by side.
    fn vector(&self, v: Vec<f64>) -> String {
        v.iter()
            .map(|x| signed(self.numbers, *x))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The batch's first sample: its input x and target d.
    fn sample(&self) -> Line<'static> {
        let (s, ws) = (self.s, self.s.workspace());
        let n_in = ws.input.nrows();
        let n_out = ws.target.nrows();
        Line::from(vec![
            Span::styled(format!("sample {}  ", s.samples()[0] + 1), self.theme.dim()),
            Span::raw(format!(
                "x = ({})   d = ({})",
                self.vector((0..n_in).map(|i| ws.input[(i, 0)]).collect()),
                self.vector((0..n_out).map(|i| ws.target[(i, 0)]).collect())
            )),
        ])
    }

    /// Layer `l`'s weight matrix, with its biases and gradients, or old → new (change) once
    /// it is updated; at most `height` rows and as many columns as fit in `width` cells.
    fn matrix(&self, l: usize, height: usize, width: usize, lines: &mut Vec<Line<'static>>) {
        let s = self.s;
        let name = matrix_name(s.network().depth(), l);
        let updated = s.reached(Phase::Update(l));
        let (rows, cols) = s.weights_before().layers[l - 1].weights.shape();
        let header = if updated {
            format!("{name}: old → new (change)")
        } else {
            format!("{name} ({rows}×{cols})")
        };
        lines.push(Line::styled(header, self.theme.title()));
        // A cell is a signed number, or old→new (change) in update phases.
        let cell_width = self.numbers.precision + 3;
        let cell_width = if updated {
            3 * cell_width + 5
        } else {
            cell_width
        };
        let fit = (width.saturating_sub(16) / (cell_width + 1)).max(1);
        let (shown_rows, shown_cols) = (rows.min(height), cols.min(fit));
        let widths: Vec<usize> = (0..shown_cols)
            .map(|i| {
                (0..shown_rows)
                    .map(|j| self.cell(l, j, i).chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for j in 0..shown_rows {
            lines.push(self.row(l, j, &widths, cols - shown_cols));
        }
        self.bias_lines(l, lines);
    }

    /// Weight `j`, `i` of layer `l`: its value, or old→new (change) once updated.
    fn cell(&self, l: usize, j: usize, i: usize) -> String {
        let (old, new) = (
            &self.s.weights_before().layers[l - 1],
            &self.s.network().layers[l - 1],
        );
        let numbers = self.numbers;
        if self.s.reached(Phase::Update(l)) {
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
    }

    /// Row `j` of layer `l`'s matrix in columns of `widths`, saying how many columns are left
    /// out, with the row's bias and gradients before the update.
    fn row(&self, l: usize, j: usize, widths: &[usize], left_out: usize) -> Line<'static> {
        let (s, theme) = (self.s, self.theme);
        let updated = s.reached(Phase::Update(l));
        let mut spans = vec![Span::raw("  ")];
        for (i, w) in widths.iter().enumerate() {
            let here = Selection::Weight {
                layer: l,
                row: j,
                col: i,
            };
            let style = if self.selected == Some(here) {
                theme.selected()
            } else {
                Style::new()
            };
            spans.push(Span::styled(format!("{:<w$}", self.cell(l, j, i)), style));
            spans.push(Span::raw(" "));
        }
        if left_out > 0 {
            spans.push(Span::styled(format!("… {left_out} more "), theme.dim()));
        }
        if s.network().bias != BiasMode::None && !updated {
            spans.push(Span::styled(format!("│ {} ", bias_name(l, j)), theme.dim()));
            let bias = s.weights_before().layers[l - 1].biases[j];
            spans.push(Span::raw(signed(self.numbers, bias)));
        }
        if s.reached(Phase::Gradients) && !updated {
            spans.push(Span::styled("  ∂C/∂: ", theme.dim()));
            let g = &s.workspace().grad_weights[l - 1];
            spans.push(Span::raw(
                self.vector((0..g.ncols()).map(|i| g[(j, i)]).collect()),
            ));
        }
        Line::from(spans)
    }

    /// Layer `l`'s bias gradient before the update, or its learned biases' old → new
    /// (change) after it.
    fn bias_lines(&self, l: usize, lines: &mut Vec<Line<'static>>) {
        let (s, theme, numbers) = (self.s, self.theme, self.numbers);
        let updated = s.reached(Phase::Update(l));
        let bias = s.network().bias;
        if s.reached(Phase::Gradients) && !updated && bias != BiasMode::None {
            lines.push(Line::from(vec![
                Span::styled(format!("  ∂C/∂b{}: ", superscript(l)), theme.dim()),
                Span::raw(self.vector(s.workspace().grad_biases[l - 1].iter().copied().collect())),
            ]));
        }
        if updated && bias == BiasMode::Learned {
            let (old, new) = (
                &s.weights_before().layers[l - 1].biases,
                &s.network().layers[l - 1].biases,
            );
            let mut spans = vec![Span::styled(
                format!("  b{}: ", superscript(l)),
                theme.dim(),
            )];
            for (a, b) in old.iter().zip(new.iter()) {
                spans.push(Span::raw(format!(
                    "{}→{} ({}) ",
                    signed(numbers, *a),
                    signed(numbers, *b),
                    signed(numbers, b - a)
                )));
            }
            lines.push(Line::from(spans));
        }
    }

    /// Layer `l`'s outputs once computed, and its δ once the backward pass reached it.
    fn vectors(&self, l: usize, lines: &mut Vec<Line<'static>>) {
        let (s, ws) = (self.s, self.s.workspace());
        let depth = s.network().depth();
        let delta_phase = if l == depth {
            Phase::OutputDelta
        } else {
            Phase::HiddenDelta(l)
        };
        let n = s.network().layers[l - 1].weights.nrows();
        if s.reached(Phase::Forward(l)) {
            lines.push(Line::from(format!(
                "{} = ({})",
                value_name(depth, l),
                self.vector((0..n).map(|j| ws.out[l - 1][(j, 0)]).collect())
            )));
        }
        if s.reached(delta_phase) {
            lines.push(Line::from(format!(
                "δ{} = ({})",
                superscript(l),
                self.vector((0..n).map(|j| ws.delta[l - 1][(j, 0)]).collect())
            )));
        }
    }
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
        format!(" values ({} decimals) ", app.views.precision),
        app.theme.title(),
    ));
    let inner = block.inner(area);
    let wanted = inner.height as usize + app.views.values_scroll as usize;
    let lines = lines(app, wanted, inner.width as usize);
    let scroll = app
        .views
        .values_scroll
        .min(lines.len().saturating_sub(1) as u16);
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
