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

use crate::nn::{Phase, Stepper};
use crate::text::notation::{Numbers, indexed, matrix_name, value_name};
use crate::tui::app::App;
use crate::tui::layout::Geometry;
use crate::tui::selection::Selection;

/// Matrices with at most this many weights get a + or − on each edge.
const SIGNED_EDGES: usize = 16;

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

/// Draws the diagram: the edges on a canvas, then over them the neurons' labels, the edges'
/// signs and the matrices' names.
pub fn render_network(frame: &mut Frame, area: Rect, app: &App) {
    let sizes = app.run.stepper.network().sizes();
    let g = Geometry::new(area, &sizes, app.selection(), app.views.precision);
    let (strokes, signs) = edges(app, &g);
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
    // Each edge's sign, a third of the way along, so meaning does not ride on colour.
    for sign in signs {
        let style = if sign.selected {
            app.theme.selected()
        } else {
            app.theme.dim()
        };
        buf.set_string(sign.x, sign.y, sign.text, style);
    }
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
    let legend = if delta_shown { "· δ underlined " } else { "" };
    Line::styled(
        format!(
            " network {} ({matrices}) {legend}",
            sizes_label(&network.sizes())
        ),
        app.theme.title(),
    )
}

/// An edge on the canvas: its ends in canvas coordinates, its colour, and whether it is drawn
/// over the others (selected or active).
struct Stroke {
    from: (f64, f64),
    to: (f64, f64),
    color: Color,
    on_top: bool,
}

/// An edge's sign, written in the cell (`x`, `y`).
struct Sign {
    x: u16,
    y: u16,
    text: &'static str,
    selected: bool,
}

/// The room between two columns of labels.
fn gap(g: &Geometry) -> u16 {
    (g.inner.width.saturating_sub(g.width) / g.depth.max(1) as u16).saturating_sub(g.width)
}

/// Every drawn edge, coloured by its weight's sign and shaded by its size (against the
/// median of its matrix), and the signs of small matrices' edges when there is room.
fn edges(app: &App, g: &Geometry) -> (Vec<Stroke>, Vec<Sign>) {
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
    let (mut strokes, mut signs) = (Vec::new(), Vec::new());
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
        if weights.len() <= SIGNED_EDGES && gap(g) >= 6 {
            let at =
                |from: u16, to: u16| (from as f64 + (to as f64 - from as f64) * 0.3).round() as u16;
            signs.push(Sign {
                x: at(e.from.0, e.to.0 + 1),
                y: at(e.from.1, e.to.1),
                text: if w >= 0.0 { "+" } else { "−" },
                selected: is_selected,
            });
        }
    }
    (strokes, signs)
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
                    let (text, is_delta) = match shown_value(s, l, *j) {
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
        if g.inner.height > 0 && gap(g) as usize >= label.chars().count() + 2 {
            buf.set_string(x, g.inner.y, label, style);
        }
    }
}

/// A value with an explicit sign, so meaning does not ride on colour.
pub fn signed(numbers: Numbers, v: f64) -> String {
    numbers.signed(v)
}

fn sizes_label(sizes: &[usize]) -> String {
    sizes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("-")
}
