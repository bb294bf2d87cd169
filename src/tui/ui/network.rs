//! The network diagram: neurons with their values, edges coloured by the weight's sign and
//! shaded by its size, and what the current phase reads and writes highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Line as Segment};
use ratatui::widgets::{Block, Borders};

use crate::nn::{Phase, Stepper};
use crate::text::notation::{Numbers, indexed, matrix_name, value_name};
use crate::tui::app::{App, Selection};

/// Matrices with at most this many weights get a + or − on each edge.
const SIGNED_EDGES: usize = 16;

/// The width of a neuron's label: sign, digit, point and `precision` decimals, narrowed so
/// that `columns` labels fit side by side in `width` cells.
fn label_width(precision: usize, width: u16, columns: usize) -> u16 {
    let room = (width / columns.max(1) as u16).saturating_sub(1);
    (precision as u16 + 3).min(room).max(4)
}

/// The neurons of a layer of `n` that fit in `rows` rows: all, or the first few, a gap
/// (`None`) and the last; a `focus` neuron that would fall in the gap is shown between two
/// gaps, so the selection is always on screen.
pub fn visible(n: usize, rows: usize, focus: Option<usize>) -> Vec<Option<usize>> {
    let rows = rows.max(5);
    if n <= rows {
        return (0..n).map(Some).collect();
    }
    match focus {
        Some(f) if f >= rows - 2 && f < n - 1 => (0..rows - 4)
            .map(Some)
            .chain([None, Some(f), None, Some(n - 1)])
            .collect(),
        _ => (0..rows - 2).map(Some).chain([None, Some(n - 1)]).collect(),
    }
}

/// The neuron of layer `l` the selection points at, if any.
fn focus(selection: Option<Selection>, l: usize) -> Option<usize> {
    match selection {
        Some(Selection::Neuron { layer, index }) if layer == l => Some(index),
        Some(Selection::Weight { layer, row, .. }) if layer == l => Some(row),
        Some(Selection::Weight { layer, col, .. }) if layer == l + 1 => Some(col),
        _ => None,
    }
}

/// The cell where the label of neuron slot `k` of `m` in layer `l` (of `depth`) starts.
fn cell(inner: Rect, depth: usize, l: usize, k: usize, m: usize, width: u16) -> (u16, u16) {
    let free = inner.width.saturating_sub(width) as f64;
    let x = inner.x + (free * l as f64 / depth.max(1) as f64).round() as u16;
    let y = inner.y + ((k as f64 + 0.5) * inner.height as f64 / m as f64 - 0.5).round() as u16;
    (x, y)
}

fn inner(area: Rect) -> Rect {
    Block::default().borders(Borders::ALL).inner(area)
}

/// Where a diagram's labels and edges go: drawing and mouse clicks read the same layout.
struct Geometry {
    inner: Rect,
    depth: usize,
    /// The width of a neuron's label.
    width: u16,
    /// Per layer, the neurons drawn (`None` for the ellipsis).
    slots: Vec<Vec<Option<usize>>>,
}

/// One drawn edge: weight `row`, `col` of layer `layer`, from the end of the source label to
/// the cell before the target label.
struct Edge {
    layer: usize,
    row: usize,
    col: usize,
    from: (u16, u16),
    to: (u16, u16),
}

impl Geometry {
    fn new(
        area: Rect,
        sizes: &[usize],
        selection: Option<Selection>,
        precision: usize,
    ) -> Geometry {
        let inner = inner(area);
        Geometry {
            inner,
            depth: sizes.len() - 1,
            width: label_width(precision, inner.width, sizes.len()),
            slots: sizes
                .iter()
                .enumerate()
                .map(|(l, &n)| visible(n, inner.height as usize, focus(selection, l)))
                .collect(),
        }
    }

    /// The cell where the label of slot `k` of layer `l` starts.
    fn label(&self, l: usize, k: usize) -> (u16, u16) {
        cell(
            self.inner,
            self.depth,
            l,
            k,
            self.slots[l].len(),
            self.width,
        )
    }

    /// Every drawn edge, layer by layer.
    fn edges(&self) -> impl Iterator<Item = Edge> + '_ {
        (1..=self.depth).flat_map(move |l| {
            self.slots[l].iter().enumerate().flat_map(move |(k, to)| {
                self.slots[l - 1]
                    .iter()
                    .enumerate()
                    .filter_map(move |(i, from)| {
                        let (row, col) = ((*to)?, (*from)?);
                        let (x0, y0) = self.label(l - 1, i);
                        let (x1, y1) = self.label(l, k);
                        Some(Edge {
                            layer: l,
                            row,
                            col,
                            from: (x0 + self.width, y0),
                            to: (x1.saturating_sub(1), y1),
                        })
                    })
            })
        })
    }
}

/// The neuron (layer, index) whose label covers the cell (`column`, `row`) of the diagram
/// drawn in `area` for layer `sizes`.
pub fn neuron_at(
    area: Rect,
    sizes: &[usize],
    selection: Option<Selection>,
    precision: usize,
    column: u16,
    row: u16,
) -> Option<(usize, usize)> {
    let g = Geometry::new(area, sizes, selection, precision);
    for (l, slots) in g.slots.iter().enumerate() {
        for (k, slot) in slots.iter().enumerate() {
            let (x, y) = g.label(l, k);
            if let Some(j) = slot
                && row == y
                && (x..x + g.width).contains(&column)
            {
                return Some((l, *j));
            }
        }
    }
    None
}

/// The weight (layer, row, column) whose edge passes nearest the cell (`column`, `row`) of
/// the diagram, within about a cell.
pub fn edge_at(
    area: Rect,
    sizes: &[usize],
    selection: Option<Selection>,
    precision: usize,
    column: u16,
    row: u16,
) -> Option<(usize, usize, usize)> {
    let g = Geometry::new(area, sizes, selection, precision);
    let (px, py) = (column as f64, row as f64);
    let mut best: Option<(f64, (usize, usize, usize))> = None;
    for e in g.edges() {
        let (ax, ay, bx, by) = (
            e.from.0 as f64,
            e.from.1 as f64,
            e.to.0 as f64,
            e.to.1 as f64,
        );
        if px < ax || px > bx {
            continue;
        }
        let t = (px - ax) / (bx - ax).max(1.0);
        let distance = (ay + t * (by - ay) - py).abs();
        if distance <= 1.0 && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, (e.layer, e.row, e.col)));
        }
    }
    best.map(|(_, weight)| weight)
}

/// The value a neuron shows: δ once the backward pass has reached its layer, else its
/// activation (the input for layer 0); `None` before the value exists.
fn shown_value(s: &Stepper, l: usize, j: usize) -> Option<(f64, bool)> {
    let ws = s.workspace();
    let depth = s.network().depth();
    if l >= 1 {
        let delta_phase = if l == depth {
            Phase::OutputDelta
        } else {
            Phase::HiddenDelta(l)
        };
        if s.reached(delta_phase) {
            return Some((ws.delta[l - 1][(j, 0)], true));
        }
    }
    if !s.reached(Phase::Forward(l.max(1))) {
        return None;
    }
    if l == 0 {
        Some((ws.input[(j, 0)], false))
    } else {
        Some((ws.out[l - 1][(j, 0)], false))
    }
}

/// Which layers' neurons the phase reads or writes, and which matrix's edges.
fn active(phase: Phase, depth: usize) -> (Vec<usize>, Vec<usize>) {
    match phase {
        Phase::Start => (vec![], vec![]),
        Phase::Forward(l) => (vec![l - 1, l], vec![l]),
        Phase::Loss | Phase::OutputDelta | Phase::Done => (vec![depth], vec![]),
        Phase::HiddenDelta(l) => (vec![l, l + 1], vec![l + 1]),
        Phase::Gradients => ((0..=depth).collect(), (1..=depth).collect()),
        Phase::Update(l) => (vec![], vec![l]),
    }
}

/// Draws the diagram.
pub fn render_network(frame: &mut Frame, area: Rect, app: &App) {
    let selection = app.selection();
    let s = &app.stepper;
    let network = s.network();
    let sizes = network.sizes();
    let depth = network.depth();
    let theme = app.theme;
    let title = (1..=depth)
        .map(|l| matrix_name(network.depth(), l))
        .collect::<Vec<_>>()
        .join(", ");
    let delta_shown = (1..=depth).any(|l| {
        s.reached(if l == depth {
            Phase::OutputDelta
        } else {
            Phase::HiddenDelta(l)
        })
    });
    let legend = if delta_shown { "· δ underlined " } else { "" };
    let block = Block::default().borders(Borders::ALL).title(Line::styled(
        format!(" network {} ({title}) {legend}", sizes_label(&sizes)),
        theme.title(),
    ));
    let g = Geometry::new(area, &sizes, selection, app.precision);
    let (inner, width, slots) = (g.inner, g.width, &g.slots);
    let gap = (inner.width.saturating_sub(width) / depth.max(1) as u16).saturating_sub(width);
    let selected_weight = match selection {
        Some(Selection::Weight { layer, row, col }) => Some((layer, row, col)),
        _ => None,
    };
    let (active_layers, active_matrices) = active(s.phase(), depth);
    let h = inner.height as f64;
    let to_canvas = |x: u16, y: u16| ((x - inner.x) as f64 + 0.5, h - ((y - inner.y) as f64 + 0.5));
    let mut segments = Vec::new();
    let mut marks = Vec::new();
    let medians: Vec<f64> = network
        .layers
        .iter()
        .map(|layer| {
            let mut magnitudes: Vec<f64> = layer.weights.iter().map(|w| w.abs()).collect();
            magnitudes.sort_by(f64::total_cmp);
            magnitudes.get(magnitudes.len() / 2).copied().unwrap_or(0.0)
        })
        .collect();
    for e in g.edges() {
        let weights = &network.layers[e.layer - 1].weights;
        let w = weights[(e.row, e.col)];
        let (a, b) = (to_canvas(e.from.0, e.from.1), to_canvas(e.to.0, e.to.1));
        let is_selected = selected_weight == Some((e.layer, e.row, e.col));
        let is_active = active_matrices.contains(&e.layer);
        let strong = w.abs() >= medians[e.layer - 1];
        let color = if is_selected {
            theme.selected_edge()
        } else if !active_matrices.is_empty() && !is_active {
            theme.quiet_edge()
        } else if w >= 0.0 {
            theme.positive(strong)
        } else {
            theme.negative(strong)
        };
        segments.push((a, b, color, is_selected || is_active));
        if weights.len() <= SIGNED_EDGES && gap >= 6 {
            let at =
                |from: u16, to: u16| (from as f64 + (to as f64 - from as f64) * 0.3).round() as u16;
            let sign = if w >= 0.0 { "+" } else { "−" };
            marks.push((
                at(e.from.0, e.to.0 + 1),
                at(e.from.1, e.to.1),
                sign,
                is_selected,
            ));
        }
    }
    let canvas = Canvas::default()
        .block(block)
        .marker(Marker::Braille)
        .x_bounds([0.0, inner.width as f64])
        .y_bounds([0.0, h])
        .paint(|ctx| {
            for pass in [false, true] {
                for ((x1, y1), (x2, y2), color, is_active) in &segments {
                    if *is_active == pass {
                        ctx.draw(&Segment::new(*x1, *y1, *x2, *y2, *color));
                    }
                }
                ctx.layer();
            }
        });
    frame.render_widget(canvas, area);

    let numbers = Numbers {
        precision: app.precision,
    };
    let selected = match app.selection() {
        Some(Selection::Neuron { layer, index }) => Some((layer, index)),
        _ => None,
    };
    let buf = frame.buffer_mut();
    for (l, layer_slots) in slots.iter().enumerate() {
        let name = value_name(depth, l);
        for (k, slot) in layer_slots.iter().enumerate() {
            let (x, y) = g.label(l, k);
            let (text, style) = match slot {
                None => ("⋮".to_string(), theme.dim()),
                Some(j) => {
                    let (text, is_delta) = match shown_value(s, l, *j) {
                        Some((v, is_delta)) => (numbers.fit(v, width as usize), is_delta),
                        None => (indexed(&name, &[*j]), false),
                    };
                    let mut style = if selected == Some((l, *j)) {
                        theme.selected()
                    } else if active_layers.contains(&l) {
                        theme.active()
                    } else {
                        Style::new()
                    };
                    if is_delta {
                        style = style.add_modifier(Modifier::UNDERLINED);
                    }
                    (text, style)
                }
            };
            buf.set_stringn(
                x,
                y,
                format!("{text:<w$}", w = width as usize),
                width as usize,
                style,
            );
        }
    }
    // Each edge's sign, a third of the way along, so meaning does not ride on colour.
    for (x, y, sign, is_selected) in marks {
        let style = if is_selected {
            theme.selected()
        } else {
            theme.dim()
        };
        buf.set_string(x, y, sign, style);
    }
    // The matrix names, above the middle of their edges.
    for l in 1..=depth {
        let (x0, _) = cell(inner, depth, l - 1, 0, 1, width);
        let (x1, _) = cell(inner, depth, l, 0, 1, width);
        let x = (x0 + width + x1) / 2;
        let style = if active_matrices.contains(&l) {
            theme.active()
        } else {
            theme.dim()
        };
        let label = matrix_name(network.depth(), l);
        if inner.height > 0 && gap as usize >= label.chars().count() + 2 {
            buf.set_string(x, inner.y, label, style);
        }
    }
}

/// A value with an explicit sign, so meaning does not ride on colour.
pub fn signed(numbers: Numbers, v: f64) -> String {
    let text = numbers.show(v);
    if v >= 0.0 { format!("+{text}") } else { text }
}

fn sizes_label(sizes: &[usize]) -> String {
    sizes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_layers_show_the_first_a_gap_and_the_last() {
        assert_eq!(visible(3, 10, None), vec![Some(0), Some(1), Some(2)]);
        let first_and_last = vec![Some(0), Some(1), Some(2), None, Some(63)];
        assert_eq!(visible(64, 5, None), first_and_last);
        assert_eq!(visible(64, 5, Some(1)), first_and_last);
        assert_eq!(
            visible(64, 7, Some(40)),
            vec![Some(0), Some(1), Some(2), None, Some(40), None, Some(63)]
        );
    }

    #[test]
    fn a_click_on_a_label_finds_its_neuron() {
        let area = Rect::new(0, 1, 60, 17);
        let sizes = [2, 2, 2];
        let inner = inner(area);
        let (x, y) = cell(inner, 2, 1, 1, 2, label_width(4, inner.width, 3));
        assert_eq!(neuron_at(area, &sizes, None, 4, x + 2, y), Some((1, 1)));
        assert_eq!(neuron_at(area, &sizes, None, 4, 0, 0), None);
    }

    #[test]
    fn a_click_on_an_edge_finds_its_weight() {
        let area = Rect::new(0, 1, 60, 17);
        let sizes = [2, 2, 2];
        let inner = inner(area);
        let width = label_width(4, inner.width, 3);
        // The straight edge from h₁ to O₁ (row 0 of W, column 0), half-way along.
        let (x0, y0) = cell(inner, 2, 1, 0, 2, width);
        let (x1, _) = cell(inner, 2, 2, 0, 2, width);
        let x = (x0 + width + x1) / 2;
        assert_eq!(edge_at(area, &sizes, None, 4, x, y0), Some((2, 0, 0)));
        assert_eq!(edge_at(area, &sizes, None, 4, x, y0 + 6), None);
    }
}
