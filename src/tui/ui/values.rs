//! The values panel: the matrices, the δ vectors, the gradients, and in update phases
//! old → new with the change, aligned, at the chosen precision.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::network::signed;
use super::rows::{Piece, Row, together};
use crate::nn::{BiasMode, Phase, Stepper};
use crate::selection::Selection;
use crate::text::notation::superscript;
use crate::text::notation::{Numbers, bias_name, matrix_name, value_name};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::words;

/// The panel's text for a panel `width` cells wide, at least its first `wanted` lines (all
/// there are when fewer): rows that do not fit wrapped onto indented continuation lines.
/// Only what can be shown is written out, so a frame of a network of a million weights
/// formats a screenful of them, not all.
pub fn lines(app: &App, width: usize, wanted: usize) -> Vec<Line<'static>> {
    rows(app, width, wanted)
        .into_iter()
        .flat_map(|row| row.wrap(width))
        .collect()
}

/// The panel's first `wanted` rows (or all): the sample, then each layer's matrix (the
/// focus first), then its vectors; `width` decides which groups of numbers stay together on
/// a line.
fn rows(app: &App, width: usize, wanted: usize) -> Vec<Row> {
    let panel = Panel {
        s: &app.run.stepper,
        theme: app.theme,
        numbers: Numbers {
            precision: app.views.precision,
        },
        selected: app.selection(),
        column: app.views.values_column,
        sample: app.sample(),
    };
    let s = panel.s;
    let mut rows = Vec::new();
    if s.reached(Phase::Forward(1)) {
        rows.push(panel.sample(width));
    }
    let order = focus_order(s.phase(), s.network().depth(), panel.selected);
    for &l in &order {
        if rows.len() < wanted {
            panel.matrix(l, width, wanted - rows.len(), &mut rows);
        }
    }
    for &l in &order {
        if rows.len() < wanted {
            panel.vectors(l, &mut rows);
        }
    }
    rows
}

/// What every part of the panel reads.
struct Panel<'a> {
    s: &'a Stepper,
    theme: Theme,
    numbers: Numbers,
    selected: Option<Selection>,
    /// The first column asked for of matrices wider than [`WIDE`].
    column: usize,
    /// The position in the batch of the sample whose vectors are shown.
    sample: usize,
}

/// `values` as pieces: `open` before the first, `close` after the last.
fn numbers(open: Span<'static>, values: Vec<String>, close: &str) -> Vec<Piece> {
    let n = values.len();
    let mut pieces: Vec<Piece> = values
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let v = if i + 1 == n { format!("{v}{close}") } else { v };
            Piece::new(vec![Span::raw(v)])
        })
        .collect();
    match pieces.first_mut() {
        Some(first) => first.prepend(open),
        None => pieces.push(Piece::new(vec![open, Span::raw(close.to_string())])),
    }
    pieces
}

impl Panel<'_> {
    /// Signed numbers at the panel's precision.
    fn signed(&self, v: impl IntoIterator<Item = f64>) -> Vec<String> {
        v.into_iter().map(|x| signed(self.numbers, x)).collect()
    }

    /// old→new and (change), the two halves of an updated value.
    fn change(&self, old: f64, new: f64) -> [String; 2] {
        let n = self.numbers;
        [
            format!("{}→{}", signed(n, old), signed(n, new)),
            format!("({})", signed(n, new - old)),
        ]
    }

    /// The chosen sample of the batch: its input x and target d.
    fn sample(&self, width: usize) -> Row {
        let (s, ws, b) = (self.s, self.s.workspace(), self.sample);
        let (n_in, n_out) = (ws.input.nrows(), ws.target.nrows());
        let sample = words!("values-sample", number = s.samples()[b] + 1);
        let mut pieces = vec![Piece::new(vec![Span::styled(sample, self.theme.dim())])];
        let room = width.saturating_sub(SAMPLE_HANG);
        let mut input = numbers(
            Span::raw("x = ("),
            self.signed((0..n_in).map(|i| ws.input[(i, b)])),
            ")",
        );
        input[0].set_gap(2);
        pieces.extend(together(input, room));
        let mut target = numbers(
            Span::raw("d = ("),
            self.signed((0..n_out).map(|i| ws.target[(i, b)])),
            ")",
        );
        target[0].set_gap(3);
        pieces.extend(together(target, room));
        Row {
            indent: 0,
            hang: SAMPLE_HANG,
            pieces,
        }
    }

    /// Layer `l`'s weight matrix, with its biases and gradients, or old → new (change) once
    /// it is updated: its first `budget` rows (and the title), wrapped where they do not fit
    /// in `width` cells. Only the columns that can be on screen are written out.
    fn matrix(&self, l: usize, width: usize, budget: usize, rows: &mut Vec<Row>) {
        let s = self.s;
        let name = matrix_name(s.network().depth(), l);
        let (n_rows, n_cols) = s.weights_before().layers[l - 1].weights.shape();
        let header = if s.reached(Phase::Update(l)) {
            words!("values-updated", matrix = name)
        } else {
            format!("{name} ({n_rows}×{n_cols})")
        };
        let room = width.saturating_sub(2);
        let candidates = if n_cols > WIDE {
            // A number takes at least two cells and one space: no more than room / 3 fit.
            let first = self.column.min(n_cols - 1);
            let reach = room / 3 + 1;
            first.saturating_sub(reach)..(first + reach + 1).min(n_cols)
        } else {
            0..n_cols
        };
        let cells: Vec<Vec<Vec<String>>> = (0..n_rows.min(budget.saturating_sub(1)))
            .map(|j| candidates.clone().map(|i| self.cell(l, j, i)).collect())
            .collect();
        let widths: Vec<usize> = (0..candidates.len())
            .map(|i| cells.iter().map(|r| cell_width(&r[i])).max().unwrap_or(0))
            .collect();
        let shown = if n_cols > WIDE {
            let first = self.column.min(n_cols - 1) - candidates.start;
            let window = window(&widths, first, room);
            window.start + candidates.start..window.end + candidates.start
        } else {
            0..n_cols
        };
        let mut title = vec![Span::styled(header, self.theme.title())];
        if shown != (0..n_cols) {
            let columns = words!(
                "values-columns",
                first = shown.start + 1,
                last = shown.end,
                count = n_cols
            );
            title.push(Span::styled(format!("  {columns}"), self.theme.dim()));
        }
        rows.push(Row::line(title));
        let local = shown.start - candidates.start..shown.end - candidates.start;
        for (j, row) in cells.into_iter().enumerate() {
            let row: Vec<Vec<String>> = row
                .into_iter()
                .skip(local.start)
                .take(local.len())
                .collect();
            rows.push(self.row(l, j, row, &widths[local.clone()], width, shown.clone()));
        }
        if n_rows < budget {
            self.bias_rows(l, rows);
        }
    }

    /// Weight `j`, `i` of layer `l`: its value, or old→new and (change) once updated.
    fn cell(&self, l: usize, j: usize, i: usize) -> Vec<String> {
        let old = self.s.weights_before().layers[l - 1].weights[(j, i)];
        if self.s.reached(Phase::Update(l)) {
            let new = self.s.network().layers[l - 1].weights[(j, i)];
            self.change(old, new).into()
        } else {
            vec![signed(self.numbers, old)]
        }
    }

    /// Row `j` of layer `l`'s matrix, its cells padded to `widths`, with the row's bias and
    /// gradients before the update; a cell wider than a continuation line of a panel `width`
    /// cells wide is split before its change.
    fn row(
        &self,
        l: usize,
        j: usize,
        cells: Vec<Vec<String>>,
        widths: &[usize],
        width: usize,
        shown: std::ops::Range<usize>,
    ) -> Row {
        let (s, theme) = (self.s, self.theme);
        let updated = s.reached(Phase::Update(l));
        let mut pieces = Vec::new();
        for (i, (cell, w)) in shown.clone().zip(cells.into_iter().zip(widths)) {
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
            if cell_width(&cell) + HANG > width {
                pieces.extend(
                    cell.into_iter()
                        .map(|p| Piece::new(vec![Span::styled(p, style)])),
                );
            } else {
                let text = format!("{:<w$}", cell.join(" "));
                pieces.push(Piece::new(vec![Span::styled(text, style)]));
            }
        }
        if s.network().bias != BiasMode::None && !updated {
            let bias = s.weights_before().layers[l - 1].biases[j];
            pieces.push(Piece::new(vec![
                Span::styled(format!("│ {} ", bias_name(l, j)), theme.dim()),
                Span::raw(signed(self.numbers, bias)),
            ]));
        }
        if s.reached(Phase::Gradients) && !updated {
            let g = &s.workspace().grad_weights[l - 1];
            let mut gradients = numbers(
                Span::styled("∂C/∂: ", theme.dim()),
                self.signed(shown.clone().map(|i| g[(j, i)])),
                "",
            );
            gradients[0].set_gap(2);
            pieces.extend(together(gradients, width.saturating_sub(HANG)));
        }
        Row {
            indent: 2,
            hang: HANG,
            pieces,
        }
    }

    /// Layer `l`'s bias gradient before the update, or its learned biases' old → new
    /// (change) after it.
    fn bias_rows(&self, l: usize, rows: &mut Vec<Row>) {
        let (s, theme) = (self.s, self.theme);
        let updated = s.reached(Phase::Update(l));
        let bias = s.network().bias;
        if s.reached(Phase::Gradients) && !updated && bias != BiasMode::None {
            rows.push(Row {
                indent: 2,
                hang: HANG,
                pieces: numbers(
                    Span::styled(format!("∂C/∂b{}: ", superscript(l)), theme.dim()),
                    self.signed(s.workspace().grad_biases[l - 1].iter().copied()),
                    "",
                ),
            });
        }
        if updated && bias == BiasMode::Learned {
            let (old, new) = (
                &s.weights_before().layers[l - 1].biases,
                &s.network().layers[l - 1].biases,
            );
            let mut pieces = vec![Piece::new(vec![Span::styled(
                format!("b{}:", superscript(l)),
                theme.dim(),
            )])];
            for (a, b) in old.iter().zip(new.iter()) {
                pieces.push(Piece::new(vec![Span::raw(self.change(*a, *b).join(" "))]));
            }
            rows.push(Row {
                indent: 2,
                hang: HANG,
                pieces,
            });
        }
    }

    /// Layer `l`'s outputs for the chosen sample once computed, and its δ once the backward
    /// pass reached it.
    fn vectors(&self, l: usize, rows: &mut Vec<Row>) {
        let (s, ws) = (self.s, self.s.workspace());
        let depth = s.network().depth();
        let delta_phase = if l == depth {
            Phase::OutputDelta
        } else {
            Phase::HiddenDelta(l)
        };
        let n = s.network().layers[l - 1].weights.nrows();
        let vector = |name: String, values: Vec<String>| {
            let open = format!("{name} = (");
            Row {
                indent: 0,
                hang: Span::raw(open.as_str()).width(),
                pieces: numbers(Span::raw(open), values, ")"),
            }
        };
        if s.reached(Phase::Forward(l)) {
            let out = self.signed((0..n).map(|j| ws.out[l - 1][(j, self.sample)]));
            rows.push(vector(value_name(depth, l), out));
        }
        if s.reached(delta_phase) {
            let delta = self.signed((0..n).map(|j| ws.delta[l - 1][(j, self.sample)]));
            rows.push(vector(format!("δ{}", superscript(l)), delta));
        }
    }
}

/// Matrices with more columns than this show the columns that fit on one line, from the
/// column `<` and `>` choose; narrower ones show every column, wrapping if they must.
const WIDE: usize = 4;

/// The columns of a matrix with columns `widths` wide that fit on a line of `room` cells
/// (one space between), starting at `first` or earlier so that the last column is reached
/// with the line full.
fn window(widths: &[usize], first: usize, room: usize) -> std::ops::Range<usize> {
    let fits = |range: std::ops::Range<usize>| {
        widths[range.clone()].iter().sum::<usize>() + range.len().saturating_sub(1) <= room
    };
    let first = first.min(widths.len().saturating_sub(1));
    let mut end = first + 1;
    while end < widths.len() && fits(first..end + 1) {
        end += 1;
    }
    let mut start = first;
    while start > 0 && end == widths.len() && fits(start - 1..end) {
        start -= 1;
    }
    start..end
}

/// Where a matrix row's continuation lines start.
const HANG: usize = 4;

/// Where the sample's continuation lines start.
const SAMPLE_HANG: usize = 2;

/// The width of a cell written whole: its parts one space apart.
fn cell_width(parts: &[String]) -> usize {
    parts.iter().map(|p| p.chars().count()).sum::<usize>() + parts.len().saturating_sub(1)
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

/// Draws the panel, scrolled by PgUp/PgDn no further than its last line, with a marker on
/// the border wherever there is more to scroll to.
pub fn render_values(frame: &mut Frame, area: Rect, app: &App) {
    let title = words!("values-title", decimals = app.views.precision);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(format!(" {title} "), app.theme.title()));
    let inner = block.inner(area);
    let height = inner.height as usize;
    let wanted = usize::from(app.views.values_scroll) + 2 * height;
    let lines = lines(app, inner.width as usize, wanted);
    let end = lines.len().saturating_sub(height);
    app.views
        .values_end
        .set(u16::try_from(end).unwrap_or(u16::MAX));
    let scroll = (app.views.values_scroll as usize).min(end);
    let marker = |text: String| Line::styled(format!(" {text} "), app.theme.dim());
    let mut block = block;
    if scroll > 0 {
        block = block.title(marker(words!("values-more-above")).right_aligned());
    }
    if scroll + height < lines.len() {
        block = block.title_bottom(marker(words!("values-more-below")).right_aligned());
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_matrix_shows_the_columns_that_fit_from_the_chosen_one() {
        let widths = [7; 10];
        // 7 + 1 + 7 + 1 + 7 = 23 cells: three columns fit in 25.
        assert_eq!(window(&widths, 0, 25), 0..3);
        assert_eq!(window(&widths, 4, 25), 4..7);
        // Near the end the window stays full instead of shrinking.
        assert_eq!(window(&widths, 9, 25), 7..10);
        assert_eq!(window(&widths, 20, 25), 7..10);
        // A column wider than the room is still shown, alone.
        assert_eq!(window(&[30, 7], 0, 25), 0..1);
    }
}
