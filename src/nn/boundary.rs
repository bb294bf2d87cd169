//! The decision boundary: a network with two inputs evaluated over a grid of the input
//! plane, giving each cell's predicted class and how sure the network is, and the activations
//! of one hidden layer's neurons.

use nalgebra::DMatrix;

use super::evaluate::forward_in_chunks;
use super::network::Network;
use super::workspace::Workspace;
use crate::data::{Dataset, class_of};

/// The most hidden neurons whose activations a boundary keeps.
pub const MOST_NEURONS: usize = 8;

/// The share of each input's range added on both sides of the data.
const MARGIN: f64 = 0.1;

/// A rectangle of the input plane cut into `columns` × `rows` cells; row 0 is the top (the
/// largest x₂).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plane {
    /// The range of x₁, left to right.
    pub x: (f64, f64),
    /// The range of x₂, bottom to top.
    pub y: (f64, f64),
    /// Cells across.
    pub columns: usize,
    /// Cells down.
    pub rows: usize,
}

impl Plane {
    /// The range of each of `data`'s two inputs with a margin of a tenth of it on both sides
    /// (half a unit when an input does not vary), cut into `columns` × `rows` cells.
    pub fn around(data: &Dataset, columns: usize, rows: usize) -> Plane {
        let range = |r: usize| {
            let values = data.inputs.row(r);
            let (low, high) = (values.min(), values.max());
            let margin = if high > low {
                (high - low) * MARGIN
            } else {
                0.5
            };
            (low - margin, high + margin)
        };
        Plane {
            x: range(0),
            y: range(1),
            columns,
            rows,
        }
    }

    /// The centre (x₁, x₂) of the cell in `column` and `row`.
    pub fn centre(&self, column: usize, row: usize) -> (f64, f64) {
        let step = |(low, high): (f64, f64), n: usize| (high - low) / n.max(1) as f64;
        (
            self.x.0 + (column as f64 + 0.5) * step(self.x, self.columns),
            self.y.1 - (row as f64 + 0.5) * step(self.y, self.rows),
        )
    }

    /// The cell (column, row) that holds the point (`x`, `y`), if it lies in the plane.
    pub fn cell_of(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let part = |v: f64, (low, high): (f64, f64), n: usize| {
            let t = (v - low) / (high - low);
            ((0.0..=1.0).contains(&t)).then(|| ((t * n as f64) as usize).min(n - 1))
        };
        let column = part(x, self.x, self.columns)?;
        let row = self.rows - 1 - part(y, self.y, self.rows)?;
        Some((column, row))
    }

    /// The number of cells.
    pub fn cells(&self) -> usize {
        self.columns * self.rows
    }
}

/// The network's answer at every cell of a plane, row by row from the top.
#[derive(Clone, Debug, PartialEq)]
pub struct Boundary {
    /// The plane evaluated.
    pub plane: Plane,
    /// Per cell, the predicted class (as in [`class_of`]).
    pub class: Vec<usize>,
    /// Per cell, how sure the prediction is, from 0 (a tie) to 1: for one output O,
    /// |O − 0.5|·2; for k outputs, the largest p rescaled as (p − 1/k) / (1 − 1/k).
    pub confidence: Vec<f64>,
    /// Per neuron of the hidden layer asked for (at most [`MOST_NEURONS`]), its activation
    /// at every cell.
    pub hidden: Vec<Vec<f64>>,
}

/// How sure an output `o` is of its class, from 0 to 1 (see [`Boundary::confidence`]).
fn confidence(o: &[f64]) -> f64 {
    if o.len() == 1 {
        (o[0] - 0.5).abs() * 2.0
    } else {
        let k = o.len() as f64;
        let p = o[class_of(o)];
        ((p - 1.0 / k) / (1.0 - 1.0 / k)).clamp(0.0, 1.0)
    }
}

/// `network` evaluated at the centre of every cell of `plane` in one batched pass, with the
/// activations of hidden layer `layer` (1-based: 1 is the first hidden layer; none when it is
/// not a hidden layer). None unless the network has exactly two inputs.
pub fn boundary(network: &Network, plane: Plane, layer: usize) -> Option<Boundary> {
    if network.sizes()[0] != 2 {
        return None;
    }
    let cells = plane.cells();
    let outputs = network.sizes()[network.depth()];
    let grid = Dataset {
        inputs: DMatrix::from_fn(2, cells, |r, c| {
            let (x, y) = plane.centre(c % plane.columns, c / plane.columns);
            if r == 0 { x } else { y }
        }),
        targets: DMatrix::zeros(outputs, cells),
        classes: Vec::new(),
    };
    let hidden_layer = (1..network.depth()).contains(&layer).then(|| layer - 1);
    let neurons = hidden_layer.map_or(0, |i| network.sizes()[i + 1].min(MOST_NEURONS));
    let mut answer = Boundary {
        plane,
        class: Vec::with_capacity(cells),
        confidence: Vec::with_capacity(cells),
        hidden: vec![Vec::with_capacity(cells); neurons],
    };
    let mut workspace = Workspace::for_evaluation(network, cells);
    forward_in_chunks(network, &grid, &mut workspace, |ws| {
        for o in ws.used(&ws.out[network.depth() - 1]).chunks_exact(outputs) {
            answer.class.push(class_of(o));
            answer.confidence.push(confidence(o));
        }
        if let Some(i) = hidden_layer {
            let n = network.sizes()[i + 1];
            for a in ws.used(&ws.out[i]).chunks_exact(n) {
                for (values, v) in answer.hidden.iter_mut().zip(a) {
                    values.push(*v);
                }
            }
        }
    });
    Some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    /// A scenario with two inputs and hand-set weights, no biases.
    fn network(layers: &str, hidden: &str, weights: &str) -> Network {
        with_data(layers, hidden, weights, "[[0.0, 0.0], [4.0, 4.0]]")
    }

    /// The same with the inputs `inputs` (targets 0 and 1).
    fn with_data(layers: &str, hidden: &str, weights: &str, inputs: &str) -> Network {
        let text = format!(
            "name.en = \"t\"\nname.ko = \"t\"\ndescription.en = \"t\"\ndescription.ko = \"t\"\n\
             [network]\nlayers = {layers}\nhidden_activation = \"{hidden}\"\n\
             output_activation = \"sigmoid\"\nbias = \"none\"\nweights = {weights}\n\
             [training]\nloss = \"mse\"\nlearning_rate = 0.5\nepochs = 1\n\
             [data]\ninputs = {inputs}\ntargets = [[0.0], [1.0]]\n"
        );
        let scenario = Scenario::parse(&text, "t.toml", None).unwrap();
        scenario.setup().unwrap().stepper().network().clone()
    }

    /// x₁ and x₂ from 0 to 4 in 4 × 4 cells: centres 0.5, 1.5, 2.5, 3.5; row 0 is x₂ = 3.5.
    const PLANE: Plane = Plane {
        x: (0.0, 4.0),
        y: (0.0, 4.0),
        columns: 4,
        rows: 4,
    };

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn one_sigmoid_of_the_difference_by_hand() {
        // O = σ(x₁ − x₂).
        let b = boundary(&network("[2, 1]", "sigmoid", "[[[1.0, -1.0]]]"), PLANE, 1).unwrap();
        let at = |column: usize, row: usize| row * 4 + column;
        // (0.5, 3.5): σ(−3) = 1/(1+e³) = 0.0474259 → class 0, confidence 2·(0.5 − 0.0474259)
        // = 0.9051483.
        assert_eq!(b.class[at(0, 0)], 0);
        assert!(
            close(b.confidence[at(0, 0)], 0.9051483),
            "{}",
            b.confidence[0]
        );
        // (3.5, 3.5): σ(0) = 0.5 → class 1 (O ≥ 0.5), confidence 0.
        assert_eq!(b.class[at(3, 0)], 1);
        assert!(close(b.confidence[at(3, 0)], 0.0));
        // (2.5, 0.5): σ(2) = 0.8807971 → class 1, confidence 0.7615942.
        assert_eq!(b.class[at(2, 3)], 1);
        assert!(close(b.confidence[at(2, 3)], 0.7615942));
        // (0.5, 1.5): σ(−1) = 0.2689414 → class 0, confidence 0.4621172.
        assert_eq!(b.class[at(0, 2)], 0);
        assert!(close(b.confidence[at(0, 2)], 0.4621172));
        assert!(b.hidden.is_empty(), "a 2-1 network has no hidden layer");
    }

    #[test]
    fn hidden_activations_by_hand() {
        // h₁ = tanh(x₁), h₂ = tanh(x₂), O = σ(h₁ − h₂).
        let weights = "[[[1.0, 0.0], [0.0, 1.0]], [[1.0, -1.0]]]";
        let b = boundary(&network("[2, 2, 1]", "tanh", weights), PLANE, 1).unwrap();
        // Cell (column 0, row 0) = (0.5, 3.5): h₁ = tanh 0.5 = 0.4621172,
        // h₂ = tanh 3.5 = 0.9981779, O = σ(−0.5360607) = 0.3691044 → class 0,
        // confidence 0.2617911.
        assert!(close(b.hidden[0][0], 0.4621172));
        assert!(close(b.hidden[1][0], 0.9981779));
        assert_eq!(b.class[0], 0);
        assert!(close(b.confidence[0], 0.2617911), "{}", b.confidence[0]);
        // Cell (column 3, row 2) = (3.5, 1.5): h₁ = 0.9981779, h₂ = tanh 1.5 = 0.9051483.
        assert!(close(b.hidden[0][2 * 4 + 3], 0.9981779));
        assert!(close(b.hidden[1][2 * 4 + 3], 0.9051483));
        assert_eq!(b.class[2 * 4 + 3], 1);
    }

    #[test]
    fn the_plane_around_the_data_and_its_cells() {
        let data = Dataset::from_rows(&[vec![0.0, 0.0], vec![1.0, 2.0]], &[vec![0.0], vec![1.0]]);
        let plane = Plane::around(&data, 10, 4);
        // x₁ from 0 to 1 with 0.1 each side, x₂ from 0 to 2 with 0.2 each side.
        assert!(close(plane.x.0, -0.1) && close(plane.x.1, 1.1));
        assert!(close(plane.y.0, -0.2) && close(plane.y.1, 2.2));
        assert_eq!(plane.cell_of(0.0, 0.0), Some((0, 3)));
        assert_eq!(plane.cell_of(1.0, 2.0), Some((9, 0)));
        assert_eq!(plane.cell_of(2.0, 0.0), None);
    }

    #[test]
    fn three_inputs_have_no_boundary() {
        let inputs = "[[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]";
        let n = with_data("[3, 1]", "sigmoid", "[[[1.0, 1.0, 1.0]]]", inputs);
        assert_eq!(boundary(&n, PLANE, 1), None);
    }
}
