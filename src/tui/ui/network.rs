//! The network diagram: neurons with their values, edges coloured by the weight's sign and
//! shaded by its size, and what the current phase reads and writes highlighted.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Line as Segment};
use ratatui::widgets::{Block, Borders};
use unicode_width::UnicodeWidthStr;

use crate::nn::{Phase, Stepper};
use crate::selection::Selection;
use crate::text::notation::{Numbers, indexed, matrix_name, value_name};
use crate::tui::app::App;
use crate::tui::layout::Geometry;
use crate::words;

/// Decimal places of the weights written on the edges.
const EDGE_PRECISION: usize = 2;

/// The most characters of a weight written on an edge.
const EDGE_LABEL: usize = 6;

/// Where along an edge (0 at its source, 1 at its target) its weight may be written, in the
/// order tried.
const EDGE_SPOTS: [f64; 7] = [0.5, 0.35, 0.65, 0.25, 0.75, 0.2, 0.8];

/// The value a neuron shows for the batch's sample at position `b`: δ once the backward
/// pass has reached its layer, else its activation (the input for layer 0); `None` before
/// the value exists.
pub fn shown_value(s: &Stepper, l: usize, j: usize, b: usize) -> Option<(f64, bool)> {
    let ws = s.workspace();
    let depth = s.network().depth();
    if l >= 1 {
        let delta_phase = if l == depth {
            Phase::OutputDelta
        } else {
            Phase::HiddenDelta(l)
        };
        if s.reached(delta_phase) {
            return Some((ws.delta[l - 1][(j, b)], true));
        }
    }
    if !s.reached(Phase::Forward(l.max(1))) {
        return None;
    }
    if l == 0 {
        Some((ws.input[(j, b)], false))
    } else {
        Some((ws.out[l - 1][(j, b)], false))
    }
}

/// Which layers' neurons the phase reads or writes, and which matrix's edges.
pub fn active(phase: Phase, depth: usize) -> (Vec<usize>, Vec<usize>) {
    match phase {
        Phase::Start => (vec![], vec![]),
        Phase::Forward(l) => (vec![l - 1, l], vec![l]),
        Phase::Loss | Phase::OutputDelta | Phase::Done => (vec![depth], vec![]),
        Phase::HiddenDelta(l) => (vec![l, l + 1], vec![l + 1]),
        Phase::Gradients => ((0..=depth).collect(), (1..=depth).collect()),
        Phase::Update(l) => (vec![], vec![l]),
    }
}

/// Draws the diagram: the edges on a canvas, then over them the neurons' labels, the edges'
/// signs and the matrices' names.
pub fn render_network(frame: &mut Frame, area: Rect, app: &App) {
    let sizes = app.run.stepper.network().sizes();
    let g = Geometry::new(area, &sizes, app.selection(), app.views.precision);
    let (strokes, weights) = edges(app, &g);
    let canvas = Canvas::default()
        .block(Block::default().borders(Borders::ALL).title(title(app)))
        .marker(Marker::Braille)
        .x_bounds([0.0, g.inner.width as f64])
        .y_bounds([0.0, g.inner.height as f64])
        .paint(|ctx| {
            for on_top in [false, true] {
                for s in strokes.iter().filter(|s| s.on_top == on_top) {
                    ctx.draw(&Segment::new(s.from.0, s.from.1, s.to.0, s.to.1, s.color));
                }
                ctx.layer();
            }
        });
    frame.render_widget(canvas, area);
    let buf = frame.buffer_mut();
    draw_labels(buf, app, &g);
    draw_weights(buf, app, &g, weights);
    draw_matrix_names(buf, app, &g);
}

/// The diagram's title: the layer sizes, the matrices, and the legend once δ is shown.
fn title(app: &App) -> Line<'static> {
    let s = &app.run.stepper;
    let network = s.network();
    let depth = network.depth();
    let matrices = (1..=depth)
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
    let legend = if delta_shown {
        format!("· {} ", words!("view-network-delta"))
    } else {
        String::new()
    };
    let title = words!(
        "layers-title",
        sizes = crate::text::notation::shape(&network.sizes()),
        matrices = matrices
    );
    Line::styled(format!(" {title} {legend}"), app.theme.title())
}

/// An edge on the canvas: its ends in canvas coordinates, its colour, and whether it is drawn
/// over the others (selected or active).
struct Stroke {
    from: (f64, f64),
    to: (f64, f64),
    color: Color,
    on_top: bool,
}

/// An edge's weight, to be written along it where it does not collide with another label.
struct EdgeWeight {
    /// The edge's first and last cells.
    from: (u16, u16),
    to: (u16, u16),
    /// The weight, signed, so that meaning does not ride on colour.
    text: String,
    selected: bool,
    active: bool,
}

/// The room between two columns of labels.
fn gap(g: &Geometry) -> u16 {
    (g.inner.width.saturating_sub(g.width) / g.depth.max(1) as u16).saturating_sub(g.width)
}

/// Every drawn edge, coloured by its weight's sign and shaded by its size (against the
/// median of its matrix), and the weights to write along them.
fn edges(app: &App, g: &Geometry) -> (Vec<Stroke>, Vec<EdgeWeight>) {
    let network = app.run.stepper.network();
    let theme = app.theme;
    let selected_weight = match app.selection() {
        Some(Selection::Weight { layer, row, col }) => Some((layer, row, col)),
        _ => None,
    };
    let (_, active_matrices) = active(app.run.stepper.phase(), g.depth);
    let (inner, h) = (g.inner, g.inner.height as f64);
    let to_canvas =
        |(x, y): (u16, u16)| ((x - inner.x) as f64 + 0.5, h - ((y - inner.y) as f64 + 0.5));
    let medians: Vec<f64> = network
        .layers
        .iter()
        .map(|layer| {
            let mut magnitudes: Vec<f64> = layer.weights.iter().map(|w| w.abs()).collect();
            magnitudes.sort_by(f64::total_cmp);
            magnitudes.get(magnitudes.len() / 2).copied().unwrap_or(0.0)
        })
        .collect();
    let (mut strokes, mut labels) = (Vec::new(), Vec::new());
    let numbers = Numbers {
        precision: EDGE_PRECISION,
    };
    for e in g.edges() {
        let weights = &network.layers[e.layer - 1].weights;
        let w = weights[(e.row, e.col)];
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
        strokes.push(Stroke {
            from: to_canvas(e.from),
            to: to_canvas(e.to),
            color,
            on_top: is_selected || is_active,
        });
        labels.push(EdgeWeight {
            from: e.from,
            to: e.to,
            text: numbers.fit(w, EDGE_LABEL),
            selected: is_selected,
            active: is_active,
        });
    }
    (strokes, labels)
}

/// Writes each edge's weight at the first spot along it that leaves a blank cell between it
/// and every neuron label, matrix name and weight already written; a weight with no such
/// spot is left out (the values panel has every weight). The selected weight goes first.
fn draw_weights(buf: &mut Buffer, app: &App, g: &Geometry, mut weights: Vec<EdgeWeight>) {
    if (gap(g) as usize) < EDGE_LABEL + 2 {
        return;
    }
    weights.sort_by_key(|w| !w.selected);
    let mut taken: Vec<(u16, u16, u16)> = (0..g.slots.len())
        .flat_map(|l| (0..g.slots[l].len()).map(move |k| (l, k)))
        .map(|(l, k)| {
            let (x, y) = g.label(l, k);
            (y, x, x + g.width)
        })
        .chain([(g.inner.y, g.inner.x, g.inner.right())])
        .collect();
    for w in weights {
        let width = w.text.width() as u16;
        let spot = EDGE_SPOTS.iter().find_map(|t| {
            let along = |a: u16, b: u16| (a as f64 + (b as f64 - a as f64) * t).round() as u16;
            let (x, y) = (
                along(w.from.0, w.to.0).saturating_sub(width / 2),
                along(w.from.1, w.to.1),
            );
            let clear = taken
                .iter()
                .all(|&(ty, x0, x1)| ty != y || x + width < x0 || x > x1);
            clear.then_some((x, y))
        });
        if let Some((x, y)) = spot {
            taken.push((y, x, x + width));
            let style = if w.selected {
                app.theme.selected()
            } else if w.active {
                app.theme.text()
            } else {
                app.theme.dim()
            };
            buf.set_string(x, y, &w.text, style);
        }
    }
}

/// Each neuron's label: its value (δ underlined) once it exists, else its name; `⋮` for the
/// neurons left out.
fn draw_labels(buf: &mut Buffer, app: &App, g: &Geometry) {
    let s = &app.run.stepper;
    let theme = app.theme;
    let width = g.width as usize;
    let numbers = Numbers {
        precision: app.views.precision,
    };
    let selected = match app.selection() {
        Some(Selection::Neuron { layer, index }) => Some((layer, index)),
        _ => None,
    };
    let (active_layers, _) = active(s.phase(), g.depth);
    for (l, layer_slots) in g.slots.iter().enumerate() {
        let name = value_name(g.depth, l);
        for (k, slot) in layer_slots.iter().enumerate() {
            let (x, y) = g.label(l, k);
            let (text, style) = match slot {
                None => ("⋮".to_string(), theme.dim()),
                Some(j) => {
                    let (text, is_delta) = match shown_value(s, l, *j, app.sample()) {
                        Some((v, is_delta)) => (numbers.fit(v, width), is_delta),
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
            buf.set_stringn(x, y, format!("{text:<width$}"), width, style);
        }
    }
}

/// The matrices' names, above the middle of their edges, where there is room.
fn draw_matrix_names(buf: &mut Buffer, app: &App, g: &Geometry) {
    let network = app.run.stepper.network();
    let (_, active_matrices) = active(app.run.stepper.phase(), g.depth);
    for l in 1..=g.depth {
        let (x0, _) = g.label(l - 1, 0);
        let (x1, _) = g.label(l, 0);
        let x = (x0 + g.width + x1) / 2;
        let style = if active_matrices.contains(&l) {
            app.theme.active()
        } else {
            app.theme.dim()
        };
        let label = matrix_name(network.depth(), l);
        if g.inner.height > 0 && gap(g) as usize >= label.width() + 2 {
            buf.set_string(x, g.inner.y, label, style);
        }
    }
}

/// A value with an explicit sign, so meaning does not ride on colour.
pub fn signed(numbers: Numbers, v: f64) -> String {
    numbers.signed(v)
}
