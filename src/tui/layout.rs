//! Where things are on the screen: which area holds which panel, on the main screen and on
//! the compare screen, and where the diagram's labels and edges go, so that drawing and
//! mouse clicks read the same geometry. Nothing here draws.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders};

use crate::selection::Selection;

/// Where each panel of the main screen goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Regions {
    /// The top line.
    pub status: Rect,
    /// The diagram.
    pub network: Rect,
    /// The current input drawn as an image, when the scenario's inputs are images.
    pub image: Option<Rect>,
    /// The phase's explanation.
    pub phase: Rect,
    /// Matrices and vectors.
    pub values: Rect,
    /// The MSE chart.
    pub mse: Rect,
    /// The cross-entropy chart.
    pub cross_entropy: Rect,
    /// Classification error.
    pub error: Rect,
    /// The bottom line.
    pub keys: Rect,
}

/// Splits the screen into the panels; `image` (rows, columns) makes room for the input
/// image beside the diagram.
pub fn regions(area: Rect, image: Option<(usize, usize)>) -> Regions {
    let [status, middle, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(middle);
    let [network, values] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(left);
    let [phase, charts, error] = Layout::vertical([
        Constraint::Percentage(45),
        Constraint::Min(6),
        Constraint::Length(4),
    ])
    .areas(right);
    let [mse, cross_entropy] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts);
    let (image, network) = match image {
        Some((_, cols)) => {
            let [image, network] =
                Layout::horizontal([Constraint::Length(cols as u16 * 2 + 2), Constraint::Min(0)])
                    .areas(network);
            (Some(image), network)
        }
        None => (None, network),
    };
    Regions {
        status,
        image,
        network,
        phase,
        values,
        mse,
        cross_entropy,
        error,
        keys,
    }
}

/// The fewest rows a cost chart is drawn in as a plot: its border, five rows of curve and
/// its axis; a shorter one is a one-line summary instead.
pub const CHART_ROWS: u16 = 9;

/// The rows of the classification error as a one-line summary, border included; the two
/// charts' summaries share one box of a row more, a line each.
const SUMMARY_ROWS: u16 = 3;

impl Regions {
    /// The regions with charts too short to plot (below [`CHART_ROWS`]) made one-line
    /// summaries (`mse` and `cross_entropy` the two lines inside one box, see
    /// [`Regions::summary_box`]), the classification error one line too, and the phase panel
    /// taking the rows they free; unchanged where the charts fit.
    pub fn compacted(self) -> Regions {
        if self.mse.height >= CHART_ROWS {
            return self;
        }
        let right = self.phase.union(self.error);
        let [phase, charts, error] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(SUMMARY_ROWS + 1),
            Constraint::Length(SUMMARY_ROWS),
        ])
        .areas(right);
        let inside = Block::default().borders(Borders::ALL).inner(charts);
        let [mse, cross_entropy] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inside);
        Regions {
            phase,
            mse,
            cross_entropy,
            error,
            ..self
        }
    }

    /// The box around the charts' one-line summaries, when [`Regions::compacted`] made them.
    pub fn summary_box(&self) -> Option<Rect> {
        (self.mse.height == 1).then(|| {
            let lines = self.mse.union(self.cross_entropy);
            Rect::new(lines.x - 1, lines.y - 1, lines.width + 2, lines.height + 2)
        })
    }

    /// The band below the diagram and the phase panel, the whole width of the screen: where
    /// the values panel and the charts are.
    pub fn below_top(&self) -> Rect {
        let top = self.values.y.max(self.mse.y);
        let bottom = self.values.bottom().max(self.error.bottom());
        Rect::new(
            self.values.x,
            top,
            self.error.right() - self.values.x,
            bottom - top,
        )
    }
}

/// Where each panel of the compare screen goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRegions {
    /// The top line.
    pub status: Rect,
    /// One column per run, side by side.
    pub runs: Vec<Rect>,
    /// The MSE chart.
    pub mse: Rect,
    /// The cross-entropy chart.
    pub cross_entropy: Rect,
    /// The summary table.
    pub summary: Rect,
    /// The bottom line.
    pub keys: Rect,
}

/// Splits the screen into the compare screen's panels for `runs` runs.
pub fn compare_regions(area: Rect, runs: usize) -> CompareRegions {
    let [status, columns, charts, summary, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(35),
        Constraint::Min(8),
        Constraint::Length(runs as u16 + 4),
        Constraint::Length(1),
    ])
    .areas(area);
    let [mse, cross_entropy] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts);
    CompareRegions {
        status,
        runs: side_by_side(columns, runs),
        mse,
        cross_entropy,
        summary,
        keys,
    }
}

/// `area` split into `copies` columns of equal width, one per copy in compare mode.
pub fn side_by_side(area: Rect, copies: usize) -> Vec<Rect> {
    Layout::horizontal(vec![Constraint::Ratio(1, copies as u32); copies])
        .split(area)
        .to_vec()
}

/// Where a zoomed panel goes: the whole screen between the status line and the key bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zoomed {
    /// The whole area.
    pub area: Rect,
    /// The diagram zoomed, beside the input image when the inputs are images.
    pub network: Rect,
    /// The input image.
    pub image: Option<Rect>,
    /// The MSE and cross-entropy charts zoomed, side by side.
    pub charts: [Rect; 2],
    /// The classification error chart below them.
    pub error: Rect,
}

/// The zoomed panels' areas on a screen `area`, with room for an input `image` (rows,
/// columns) beside the diagram.
pub fn zoomed(area: Rect, image: Option<(usize, usize)>) -> Zoomed {
    let screen = regions(area, image);
    let top = screen.status.bottom();
    let middle = Rect::new(area.x, top, area.width, screen.keys.y.saturating_sub(top));
    let (image, network) = match screen.image {
        Some(beside) => {
            let [image, network] =
                Layout::horizontal([Constraint::Length(beside.width), Constraint::Min(0)])
                    .areas(middle);
            (Some(image), network)
        }
        None => (None, middle),
    };
    let [charts, error] =
        Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(middle);
    Zoomed {
        area: middle,
        network,
        image,
        charts: Layout::horizontal([Constraint::Percentage(50); 2]).areas(charts),
        error,
    }
}

/// Where popups go on a `screen`: between the status line and the key bar, which stay in
/// view.
pub fn popup_area(screen: Rect) -> Rect {
    Rect {
        y: screen.y + 1,
        height: screen.height.saturating_sub(2),
        ..screen
    }
}

/// A rectangle of at most `width` × `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

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

/// The widest layer drawn neuron by neuron; wider layers, or more than [`DRAWN_DEPTH`]
/// layers of weights, are drawn a layer a line.
pub const DRAWN_WIDTH: usize = 4;

/// The most layers of weights drawn neuron by neuron.
pub const DRAWN_DEPTH: usize = 3;

/// Whether a network of layers `sizes` is drawn a layer a line instead of neuron by neuron.
pub fn by_layer(sizes: &[usize]) -> bool {
    sizes.len() > DRAWN_DEPTH + 1 || sizes.iter().any(|&n| n > DRAWN_WIDTH)
}

/// Where the lines of the layer table go: an optional header, then one line per layer from
/// `first`, as many as fit, keeping a chosen layer in view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerTable {
    /// The table inside its border.
    pub inner: Rect,
    /// Whether there is room for the header line.
    pub header: bool,
    /// The first layer shown.
    pub first: usize,
    /// How many layers are shown.
    pub shown: usize,
}

impl LayerTable {
    /// The table of layers 0..=`depth` drawn in `area` (border included), with the layer of
    /// `selection` (else the output layer) in view.
    pub fn new(area: Rect, depth: usize, selection: Option<Selection>) -> LayerTable {
        let keep = match selection {
            Some(Selection::Neuron { layer, .. } | Selection::Weight { layer, .. }) => layer,
            None => depth,
        };
        let inner = Block::default().borders(Borders::ALL).inner(area);
        let layers = depth + 1;
        let rows = inner.height as usize;
        let header = rows > layers;
        let room = rows - usize::from(header);
        let shown = layers.min(room);
        let first = keep
            .min(depth)
            .saturating_sub(shown / 2)
            .min(layers - shown);
        LayerTable {
            inner,
            header,
            first,
            shown,
        }
    }

    /// The screen row of layer `l`'s line, if it is shown.
    pub fn row(&self, l: usize) -> Option<u16> {
        (self.first..self.first + self.shown)
            .contains(&l)
            .then(|| self.inner.y + u16::from(self.header) + (l - self.first) as u16)
    }

    /// The layer whose line is at screen row `row`.
    pub fn layer_at(&self, row: u16) -> Option<usize> {
        (self.first..self.first + self.shown).find(|&l| self.row(l) == Some(row))
    }
}

/// The cell where the label of neuron slot `k` of `m` in layer `l` (of `depth`) starts.
fn cell(inner: Rect, depth: usize, l: usize, k: usize, m: usize, width: u16) -> (u16, u16) {
    let free = inner.width.saturating_sub(width) as f64;
    let x = inner.x + (free * l as f64 / depth.max(1) as f64).round() as u16;
    let y = inner.y + ((k as f64 + 0.5) * inner.height as f64 / m as f64 - 0.5).round() as u16;
    (x, y)
}

/// Where a diagram's labels and edges go.
pub struct Geometry {
    /// The diagram inside its border.
    pub inner: Rect,
    /// The number of layers of weights.
    pub depth: usize,
    /// The width of a neuron's label.
    pub width: u16,
    /// Per layer, the neurons drawn (`None` for the ellipsis).
    pub slots: Vec<Vec<Option<usize>>>,
}

/// One drawn edge: weight `row`, `col` of layer `layer`, from the end of the source label to
/// the cell before the target label.
pub struct Edge {
    /// 1..=L
    pub layer: usize,
    /// The neuron it feeds.
    pub row: usize,
    /// The neuron it comes from.
    pub col: usize,
    /// Its first cell.
    pub from: (u16, u16),
    /// Its last cell.
    pub to: (u16, u16),
}

impl Geometry {
    /// The geometry of the diagram drawn in `area` (border included) for layers of `sizes`
    /// neurons, keeping `selection` on screen, with labels of `precision` decimals.
    pub fn new(
        area: Rect,
        sizes: &[usize],
        selection: Option<Selection>,
        precision: usize,
    ) -> Geometry {
        let inner = Block::default().borders(Borders::ALL).inner(area);
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
    pub fn label(&self, l: usize, k: usize) -> (u16, u16) {
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
    pub fn edges(&self) -> impl Iterator<Item = Edge> + '_ {
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

    /// The neuron (layer, index) whose label covers the cell (`column`, `row`).
    pub fn neuron_at(&self, column: u16, row: u16) -> Option<(usize, usize)> {
        for (l, slots) in self.slots.iter().enumerate() {
            for (k, slot) in slots.iter().enumerate() {
                let (x, y) = self.label(l, k);
                if let Some(j) = slot
                    && row == y
                    && (x..x + self.width).contains(&column)
                {
                    return Some((l, *j));
                }
            }
        }
        None
    }

    /// The weight (layer, row, column) whose edge passes nearest the cell (`column`, `row`),
    /// within about a cell.
    pub fn edge_at(&self, column: u16, row: u16) -> Option<(usize, usize, usize)> {
        let (px, py) = (column as f64, row as f64);
        let mut best: Option<(f64, (usize, usize, usize))> = None;
        for e in self.edges() {
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

    /// The neuron, or else the weight, under a click at (`column`, `row`).
    pub fn clicked(&self, column: u16, row: u16) -> Option<Selection> {
        if let Some((layer, index)) = self.neuron_at(column, row) {
            Some(Selection::Neuron { layer, index })
        } else {
            let (layer, row, col) = self.edge_at(column, row)?;
            Some(Selection::Weight { layer, row, col })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_too_short_to_plot_become_summaries_and_the_phase_grows() {
        // 80×24: 22 rows between the status line and the keys; the phase takes 45 % (10
        // rows), the classification error 4 and the charts the 8 left, fewer than 9.
        let small = regions(Rect::new(0, 0, 80, 24), None);
        assert_eq!((small.phase.height, small.mse.height), (10, 8));
        let compact = small.compacted();
        assert_eq!((compact.mse.height, compact.error.height), (1, 3));
        assert_eq!((compact.mse.width, compact.cross_entropy.y), (38, 18));
        assert_eq!(compact.summary_box(), Some(Rect::new(40, 16, 40, 4)));
        assert_eq!(compact.phase.height, 22 - 4 - 3);
        assert_eq!(compact.phase.y, 1);
        assert_eq!(compact.error.bottom(), 23);
        assert_eq!(
            (compact.network, compact.values),
            (small.network, small.values)
        );
        // 120×40: 38 rows, the phase 17 (45 %), the error 4, the charts 17: plotted.
        let large = regions(Rect::new(0, 0, 120, 40), None);
        assert_eq!(large.mse.height, 17);
        assert_eq!(large.compacted(), large);
        assert_eq!(large.summary_box(), None);
    }

    #[test]
    fn deep_or_wide_networks_are_drawn_a_layer_a_line() {
        assert!(!by_layer(&[2, 2, 2]));
        assert!(!by_layer(&[2, 4, 4, 1]));
        assert!(by_layer(&[4, 8, 3]));
        assert!(by_layer(&[2, 2, 2, 2, 2]));
    }

    #[test]
    fn the_layer_table_keeps_the_chosen_layer_in_view() {
        let area = Rect::new(0, 0, 40, 8);
        let neuron = |layer| Some(Selection::Neuron { layer, index: 0 });
        let table = LayerTable::new(area, 7, neuron(0));
        assert!(!table.header);
        assert_eq!((table.first, table.shown), (0, 6));
        assert_eq!(table.row(0), Some(1));
        assert_eq!(table.row(6), None);
        let table = LayerTable::new(area, 7, None);
        assert_eq!((table.first, table.shown), (2, 6));
        assert_eq!(table.row(7), Some(6));
        assert_eq!(table.layer_at(6), Some(7));
        assert_eq!(table.layer_at(0), None);
        let roomy = LayerTable::new(Rect::new(0, 0, 40, 20), 2, neuron(2));
        assert!(roomy.header);
        assert_eq!(roomy.row(0), Some(2));
    }

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
        let g = Geometry::new(area, &[2, 2, 2], None, 4);
        let inner = Rect::new(1, 2, 58, 15);
        let (x, y) = cell(inner, 2, 1, 1, 2, label_width(4, inner.width, 3));
        assert_eq!(g.neuron_at(x + 2, y), Some((1, 1)));
        assert_eq!(g.neuron_at(0, 0), None);
    }

    #[test]
    fn a_click_on_an_edge_finds_its_weight() {
        let area = Rect::new(0, 1, 60, 17);
        let g = Geometry::new(area, &[2, 2, 2], None, 4);
        let inner = Rect::new(1, 2, 58, 15);
        let width = label_width(4, inner.width, 3);
        // The straight edge from h₁ to O₁ (row 0 of W, column 0), half-way along.
        let (x0, y0) = cell(inner, 2, 1, 0, 2, width);
        let (x1, _) = cell(inner, 2, 2, 0, 2, width);
        let x = (x0 + width + x1) / 2;
        assert_eq!(g.edge_at(x, y0), Some((2, 0, 0)));
        assert_eq!(g.edge_at(x, y0 + 6), None);
        assert_eq!(
            g.clicked(x, y0),
            Some(Selection::Weight {
                layer: 2,
                row: 0,
                col: 0
            })
        );
    }
}
