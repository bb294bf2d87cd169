//! The network drawn a layer a line, for networks too deep or too wide to draw neuron by
//! neuron: each layer's size and activation, the mean size of its values and of its δ on
//! this batch, and the selected neuron or weight.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

use super::network::{active, shown_value};
use crate::nn::{Phase, Stepper};
use crate::selection::Selection;
use crate::text::notation::{Numbers, indexed, matrix_name, superscript, value_name};
use crate::tui::app::App;
use crate::tui::layout::LayerTable;
use crate::words;

/// Draws the layer table: a header when there is room, then one line per layer in view.
pub fn render_layers(frame: &mut Frame, area: Rect, app: &App) {
    let s = &app.run.stepper;
    let depth = s.network().depth();
    let table = LayerTable::new(area, depth, app.selection());
    let numbers = Numbers {
        precision: app.views.precision,
    };
    let (active_layers, _) = active(s.phase(), depth);
    let kept = columns(table.inner.width);
    let pick = |cells: Vec<Cell<'static>>| -> Vec<Cell<'static>> {
        cells
            .into_iter()
            .enumerate()
            .filter(|(i, _)| kept.contains(i))
            .map(|(_, c)| c)
            .collect()
    };
    let rows = (table.first..table.first + table.shown).map(|l| {
        let style = if active_layers.contains(&l) {
            app.theme.active()
        } else {
            Style::new()
        };
        Row::new(pick(cells(s, l, numbers))).style(style)
    });
    let header = Row::new(pick(
        [
            words!("layers-layer"),
            words!("layers-neurons"),
            words!("layers-activation"),
            words!("layers-mean-value"),
            words!("layers-mean-delta"),
        ]
        .map(Cell::from)
        .into(),
    ))
    .style(app.theme.dim());
    let matrices = if depth <= 2 {
        (1..=depth)
            .map(|l| matrix_name(depth, l))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        format!("{} … {}", matrix_name(depth, 1), matrix_name(depth, depth))
    };
    let title = words!(
        "layers-title",
        sizes = crate::text::notation::shape(&s.network().sizes()),
        matrices = matrices
    );
    let widths = kept.iter().map(|&i| Constraint::Length(WIDTHS[i]));
    let mut widget = Table::new(rows, widths).column_spacing(1).block(
        Block::default()
            .borders(Borders::ALL)
            .title(Line::styled(format!(" {title} "), app.theme.title())),
    );
    if table.header {
        widget = widget.header(header);
    }
    frame.render_widget(widget, area);
    let used = table.shown as u16 + u16::from(table.header);
    if used < table.inner.height {
        let line = Rect {
            y: table.inner.bottom() - 1,
            height: 1,
            ..table.inner
        };
        let text = selected(s, app.selection(), app.sample(), numbers);
        frame.render_widget(Line::styled(text, app.theme.selected()), line);
    }
}

/// The widths of the columns: layer, size, f, mean |a|, mean |δ|.
const WIDTHS: [u16; 5] = [5, 4, 7, 8, 8];

/// The columns to keep, most needed first: the layer, its size, mean |δ|, mean |a|, then f.
const PRIORITY: [usize; 5] = [0, 1, 4, 3, 2];

/// The columns that fit in `width` cells (one between columns), in their order on screen.
fn columns(width: u16) -> Vec<usize> {
    let mut kept = Vec::new();
    let mut used = 0;
    for i in PRIORITY {
        let need = WIDTHS[i] + u16::from(!kept.is_empty());
        if used + need <= width {
            used += need;
            kept.push(i);
        }
    }
    kept.sort_unstable();
    kept
}

/// The cells of layer l's line.
fn cells(s: &Stepper, l: usize, numbers: Numbers) -> Vec<Cell<'static>> {
    let network = s.network();
    let depth = network.depth();
    let activation = if l == 0 {
        words!("layers-inputs")
    } else {
        network.layers[l - 1].activation.name().to_string()
    };
    let mean = |v: Option<f64>| v.map_or(String::new(), |x| numbers.show(x));
    let (delta, values) = (mean_abs_delta(s, l), mean_abs_value(s, l));
    let mut delta_cell = Cell::from(mean(delta));
    if delta.is_some() {
        delta_cell = delta_cell.style(Style::new().add_modifier(Modifier::UNDERLINED));
    }
    vec![
        Cell::from(value_name(depth, l)),
        Cell::from(network.sizes()[l].to_string()),
        Cell::from(activation),
        Cell::from(mean(values)),
        delta_cell,
    ]
}

/// The mean |value| of layer l over the batch (the inputs for l = 0), once computed.
fn mean_abs_value(s: &Stepper, l: usize) -> Option<f64> {
    s.reached(Phase::Forward(l.max(1))).then(|| {
        let ws = s.workspace();
        mean_abs(ws.used(if l == 0 { &ws.input } else { &ws.out[l - 1] }))
    })
}

/// The mean |δ| of layer l over the batch, once the backward pass has reached it.
fn mean_abs_delta(s: &Stepper, l: usize) -> Option<f64> {
    let depth = s.network().depth();
    let phase = match l {
        0 => return None,
        l if l == depth => Phase::OutputDelta,
        l => Phase::HiddenDelta(l),
    };
    s.reached(phase)
        .then(|| mean_abs(s.workspace().used(&s.workspace().delta[l - 1])))
}

fn mean_abs(values: &[f64]) -> f64 {
    values.iter().map(|v| v.abs()).sum::<f64>() / values.len().max(1) as f64
}

/// The selected neuron with its value for the batch's sample at position `sample` (δ once
/// the backward pass has reached it), or the selected weight, e.g. `▶ h₃ = 0.5123`.
fn selected(s: &Stepper, selection: Option<Selection>, sample: usize, numbers: Numbers) -> String {
    let depth = s.network().depth();
    match selection {
        Some(Selection::Neuron { layer: l, index }) => {
            let name = indexed(&value_name(depth, l), &[index]);
            match shown_value(s, l, index, sample) {
                Some((v, true)) => {
                    let delta = indexed(&format!("δ{}", superscript(l)), &[index]);
                    format!("▶ {delta} = {}", numbers.show(v))
                }
                Some((v, false)) => format!("▶ {name} = {}", numbers.show(v)),
                None => format!("▶ {name}"),
            }
        }
        Some(Selection::Weight { layer: l, row, col }) => {
            let name = indexed(&matrix_name(depth, l), &[row, col]);
            let w = s.network().layers[l - 1].weights[(row, col)];
            format!("▶ {name} = {}", numbers.show(w))
        }
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_tables_keep_the_layer_its_size_and_its_delta_first() {
        assert_eq!(columns(38), vec![0, 1, 2, 3, 4]);
        assert_eq!(columns(30), vec![0, 1, 3, 4]);
        assert_eq!(columns(20), vec![0, 1, 4]);
        assert_eq!(columns(9), vec![0]);
    }
}
