//! The decision boundary view: the network's class over the plane of its two inputs as a
//! colour map (two grid rows a terminal cell, ▀ with the upper row as foreground and the lower
//! as background), brighter where the network is surer; the training points (●) and the
//! validation points (○) over it; the ranges of x₁ and x₂ on the axes; and beside it small
//! maps of the selected hidden layer's neurons. Without colours each cell is a character per
//! class and confidence band.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::plots::fitted;
use crate::data::{Dataset, class_of};
use crate::nn::Phase;
use crate::nn::boundary::{Boundary, MOST_NEURONS, Plane};
use crate::text::notation::{indexed, value_name};
use crate::tui::app::App;
use crate::tui::run::Run;
use crate::tui::theme::Theme;
use crate::words;

/// The colour of each class at full confidence (blue and orange first, as two classes are
/// most common); further classes take the colours in turn.
const CLASS_RGB: [(u8, u8, u8); 8] = [
    (60, 130, 240),
    (250, 150, 30),
    (80, 200, 90),
    (220, 70, 70),
    (180, 100, 220),
    (60, 200, 200),
    (230, 220, 60),
    (200, 200, 200),
];

/// Without colours: the characters of each class by confidence band (low to high); classes
/// past the second write their number at high confidence.
const BANDS: [[char; 4]; 2] = [[' ', '.', ':', '-'], [' ', '+', '*', '#']];

/// The widest the column of hidden neurons' maps gets.
const SIDE_WIDTH: u16 = 16;

/// The hidden layer whose neurons are mapped: the layer of the phase when it is a hidden
/// layer, else the first.
fn selected_layer(phase: Phase, depth: usize) -> usize {
    match phase {
        Phase::Forward(l) | Phase::HiddenDelta(l) | Phase::Update(l) if l < depth => l,
        _ => 1,
    }
}

/// The colour of `class` at `confidence` (0 to 1): blended toward the background, so that
/// uncertain cells fade; the map stays darker than the points drawn over it.
fn shade(theme: Theme, class: usize, confidence: f64) -> Color {
    let (r, g, b) = CLASS_RGB[class % CLASS_RGB.len()];
    let t = 0.12 + 0.6 * confidence.clamp(0.0, 1.0);
    let back = if theme.light { 255.0 } else { 0.0 };
    let mix = |c: u8| (back + (f64::from(c) - back) * t).round() as u8;
    Color::Rgb(mix(r), mix(g), mix(b))
}

/// The full colour of `class`, for the points.
fn full(class: usize) -> Color {
    let (r, g, b) = CLASS_RGB[class % CLASS_RGB.len()];
    Color::Rgb(r, g, b)
}

/// The character of `class` at `confidence` without colours.
fn band(class: usize, confidence: f64) -> char {
    let level = ((confidence * 4.0) as usize).min(3);
    match BANDS.get(class) {
        Some(chars) => chars[level],
        None if level >= 2 => char::from_digit(class as u32 % 10, 10).unwrap_or('?'),
        None => ' ',
    }
}

/// Grid rows a terminal row holds: two with colours (half blocks), one without.
fn rows_per_line(theme: Theme) -> usize {
    if theme.color { 2 } else { 1 }
}

/// Paints `area` with a `columns` × `rows` grid whose cell (column, row) is `at`'s class and
/// confidence.
fn paint(
    buf: &mut Buffer,
    area: Rect,
    theme: Theme,
    (columns, rows): (usize, usize),
    at: impl Fn(usize, usize) -> (usize, f64),
) {
    let per = rows_per_line(theme);
    for y in 0..area.height {
        for x in 0..area.width {
            let (column, row) = (usize::from(x), usize::from(y) * per);
            if column >= columns || row >= rows {
                continue;
            }
            let cell = &mut buf[(area.x + x, area.y + y)];
            let (class, confidence) = at(column, row);
            if theme.color {
                let (below, sure) = at(column, (row + 1).min(rows - 1));
                cell.set_char('▀')
                    .set_fg(shade(theme, class, confidence))
                    .set_bg(shade(theme, below, sure));
            } else {
                cell.set_char(band(class, confidence));
            }
        }
    }
}

/// Draws `data`'s points over the map in `area` of `plane`: `symbol` in the class colour
/// (without colours, the class number for training points).
fn points(buf: &mut Buffer, area: Rect, theme: Theme, plane: &Plane, data: &Dataset, symbol: char) {
    let per = rows_per_line(theme);
    let inputs = data.inputs.as_slice();
    let outputs = data.targets.nrows();
    for (i, d) in data.targets.as_slice().chunks_exact(outputs).enumerate() {
        let Some((column, row)) = plane.cell_of(inputs[2 * i], inputs[2 * i + 1]) else {
            continue;
        };
        let (x, y) = (column as u16, (row / per) as u16);
        if x >= area.width || y >= area.height {
            continue;
        }
        let class = class_of(d);
        let cell = &mut buf[(area.x + x, area.y + y)];
        if theme.color {
            cell.set_char(symbol)
                .set_fg(full(class))
                .set_style(Style::new().add_modifier(Modifier::BOLD));
        } else if symbol == '●' {
            cell.set_char(char::from_digit(class as u32 % 10, 10).unwrap_or('?'))
                .set_style(Style::new().add_modifier(Modifier::BOLD));
        } else {
            cell.set_char(symbol);
        }
    }
}

/// A range's end as the axes write it.
fn label(v: f64) -> String {
    format!("{v:.2}")
}

/// The ranges of the axes around the map in `map`: x₂'s maximum and minimum left of its top
/// and bottom rows, x₁'s below its left and right ends.
fn axes(buf: &mut Buffer, map: Rect, plane: &Plane, theme: Theme) {
    let style = theme.dim();
    let (top, bottom) = (label(plane.y.1), label(plane.y.0));
    let at_left = |s: &str| map.x.saturating_sub(s.chars().count() as u16 + 1);
    buf.set_string(at_left(&top), map.y, &top, style);
    buf.set_string(at_left("x₂"), map.y + map.height / 2, "x₂", style);
    buf.set_string(at_left(&bottom), map.bottom() - 1, &bottom, style);
    let (left, right) = (label(plane.x.0), label(plane.x.1));
    let below = map.bottom();
    buf.set_string(map.x, below, &left, style);
    buf.set_string(map.x + map.width / 2, below, "x₁", style);
    let end = map.right().saturating_sub(right.chars().count() as u16);
    buf.set_string(end, below, &right, style);
}

/// Small maps of the hidden neurons' activations (each rescaled to its own range over the
/// plane, low in the first class's colour, high in the second's) stacked in `area`, each
/// under its name as the diagram writes it (h₁, a²₃), layer `layer` of a network of `depth`
/// layers; as many as fit, with a blank row between them where there is room.
fn neurons(
    buf: &mut Buffer,
    area: Rect,
    theme: Theme,
    b: &Boundary,
    (layer, depth): (usize, usize),
) {
    // At least two rows each: the name and a map row.
    let count = b
        .hidden
        .len()
        .min(MOST_NEURONS)
        .min(usize::from(area.height / 2));
    let height = (area.height / count.max(1) as u16).min(area.width / 2 + 1);
    if count == 0 || height < 2 {
        return;
    }
    let gap = u16::from(height >= 3);
    let per = rows_per_line(theme);
    for (k, values) in b.hidden.iter().take(count).enumerate() {
        let top = area.y + k as u16 * height;
        let name = indexed(&value_name(depth, layer), &[k]);
        buf.set_string(
            area.x,
            top,
            super::wrap::cut(&name, area.width.into()),
            theme.dim(),
        );
        let map = Rect::new(area.x, top + 1, area.width, height - 1 - gap);
        let (low, high) = values
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
        let span = if high > low { high - low } else { 1.0 };
        let (w, h) = (usize::from(map.width), usize::from(map.height) * per);
        let (columns, rows) = (b.plane.columns, b.plane.rows);
        paint(buf, map, theme, (w, h), |c, r| {
            let v = values[(r * rows / h) * columns + c * columns / w];
            let t = (v - low) / span;
            (usize::from(t >= 0.5), (t - 0.5).abs() * 2.0)
        });
    }
}

/// Draws the decision boundary of `run` after its completed iterations in `area`, or says
/// why there is none when the network does not have two inputs.
pub fn render_boundary(frame: &mut Frame, area: Rect, app: &App, run: &Run) {
    let s = &run.stepper;
    let iterations = s.completed().to_string();
    let titles = [
        format!(
            " {} ",
            words!("view-boundary-title", iterations = iterations)
        ),
        format!(" {} ", words!("view-boundary-title-short")),
    ];
    let title = fitted(&titles, area.width);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(title, app.theme.title()))
        .title_bottom(Line::styled(
            format!(" {} ", words!("view-boundary-legend")),
            app.theme.dim(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inputs = s.network().sizes()[0];
    if inputs != 2 {
        let why = words!("view-boundary-two-inputs", inputs = inputs.to_string());
        frame.render_widget(Paragraph::new(why).wrap(Wrap { trim: true }), inner);
        return;
    }
    let layer = selected_layer(s.phase(), s.network().depth());
    let hidden = s.network().depth() > 1;
    let side = if hidden && inner.width >= 36 {
        SIDE_WIDTH.min(inner.width / 4)
    } else {
        0
    };
    let range = Plane::around(s.train_set(), 1, 1).y;
    let gutter = [range.0, range.1]
        .map(|v| label(v).chars().count())
        .into_iter()
        .max();
    let gutter = gutter.unwrap_or(0).max(2) as u16 + 1;
    let map = Rect::new(
        inner.x + gutter,
        inner.y,
        inner.width.saturating_sub(gutter + side + 1),
        inner.height.saturating_sub(1),
    );
    if map.width < 4 || map.height < 2 {
        return;
    }
    let per = rows_per_line(app.theme);
    let grid = (usize::from(map.width), usize::from(map.height) * per);
    let Some(b) = run.boundary(grid.0, grid.1, layer) else {
        return;
    };
    let buf = frame.buffer_mut();
    paint(buf, map, app.theme, grid, |c, r| {
        let i = r * grid.0 + c;
        (b.class[i], b.confidence[i])
    });
    points(buf, map, app.theme, &b.plane, s.train_set(), '●');
    points(buf, map, app.theme, &b.plane, s.validation_set(), '○');
    axes(buf, map, &b.plane, app.theme);
    let column = Rect::new(map.right() + 1, inner.y, side, inner.height);
    neurons(buf, column, app.theme, &b, (layer, s.network().depth()));
}
