//! What the phase panel explains and the diagram marks: a neuron or a weight, the phase's
//! own default, and how the keys move it.

use crate::nn::Phase;

/// A neuron or a weight of the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Neuron `index` of layer `layer` (0 = the inputs, L = the outputs).
    Neuron {
        /// 0..=L
        layer: usize,
        /// 0-based
        index: usize,
    },
    /// The weight in row `row`, column `col` of layer `layer`'s matrix (1..=L).
    Weight {
        /// 1..=L
        layer: usize,
        /// the neuron it feeds
        row: usize,
        /// the neuron it comes from
        col: usize,
    },
}

impl Selection {
    /// Whether both are neurons of the same layer, or both weights of the same matrix.
    pub fn same_layer(self, other: Selection) -> bool {
        match (self, other) {
            (Selection::Neuron { layer: a, .. }, Selection::Neuron { layer: b, .. })
            | (Selection::Weight { layer: a, .. }, Selection::Weight { layer: b, .. }) => a == b,
            _ => false,
        }
    }

    /// `by` neurons (or weights, row by row) further in the same layer, wrapping around;
    /// `sizes` are the layers' widths.
    pub fn moved(self, by: isize, sizes: &[usize]) -> Selection {
        match self {
            Selection::Neuron { layer, index } => Selection::Neuron {
                layer,
                index: wrap(index, by, sizes[layer]),
            },
            Selection::Weight { layer, row, col } => {
                let cols = sizes[layer - 1];
                let flat = wrap(row * cols + col, by, sizes[layer] * cols);
                Selection::Weight {
                    layer,
                    row: flat / cols,
                    col: flat % cols,
                }
            }
        }
    }

    /// The first neuron (or weight) of the next layer of a network of `depth` layers,
    /// wrapping around.
    pub fn next_layer(self, depth: usize) -> Selection {
        match self {
            Selection::Neuron { layer, .. } => Selection::Neuron {
                layer: (layer + 1) % (depth + 1),
                index: 0,
            },
            Selection::Weight { layer, .. } => Selection::Weight {
                layer: layer % depth + 1,
                row: 0,
                col: 0,
            },
        }
    }
}

fn wrap(index: usize, by: isize, len: usize) -> usize {
    let len = len.max(1) as isize;
    ((index as isize + by).rem_euclid(len)) as usize
}

/// The selection a phase starts with.
pub fn default_selection(phase: Phase, depth: usize) -> Option<Selection> {
    let neuron = |layer| Some(Selection::Neuron { layer, index: 0 });
    let weight = |layer| {
        Some(Selection::Weight {
            layer,
            row: 0,
            col: 0,
        })
    };
    match phase {
        Phase::Start => None,
        Phase::Forward(l) | Phase::HiddenDelta(l) => neuron(l),
        Phase::Loss | Phase::OutputDelta | Phase::Done => neuron(depth),
        Phase::Gradients => weight(depth),
        Phase::Update(l) => weight(l),
    }
}

/// The selection in `phase` when the user's choice was `chosen`: the choice where it is
/// about the same layer as the phase's own default, else that default.
pub fn selection_in(chosen: Option<Selection>, phase: Phase, depth: usize) -> Option<Selection> {
    let default = default_selection(phase, depth)?;
    Some(kept(chosen, phase, depth).unwrap_or(default))
}

/// The user's choice `chosen` as it carries into `phase`: kept only where it is about the
/// same layer as the phase's own default.
pub fn kept(chosen: Option<Selection>, phase: Phase, depth: usize) -> Option<Selection> {
    let default = default_selection(phase, depth)?;
    chosen.filter(|c| c.same_layer(default))
}
