//! Every CSV backstep writes, through [`csv::Writer`] (fields quoted only where needed),
//! numbers as the shortest text that reads back to the same f64, in exponent form (`1.5e160`,
//! `2e-7`) below 1e−4 and from 1e16 up, so that no number takes hundreds of digits
//! ([`number`]):
//!
//! - the trace in long form, one number per row, for spreadsheets:
//!   `epoch,iteration,layer,quantity,row,column,value` ([`write_header`], [`write()`]);
//! - learning curves, one row per epoch (epoch 0 is the start) with the five costs of the
//!   training and validation sets: `train --curve`, with each layer's gradient health
//!   ([`Curve`]), and `compare --format csv`, one curve per copy ([`write_comparison`]).
//!
//! In the trace, per-sample quantities (net, out, delta) use the row for the sample's
//! training-set index and the column for the neuron; matrices use row and column as in W
//! (row = neuron of layer l); vectors leave the column empty. The loss and the costs have no
//! layer.

use std::fmt::Display;
use std::io::{self, Write};

use super::IterationTrace;
use crate::nn::health::LayerHealth;
use crate::nn::{Cost, Costs};
use crate::scenario::compare::Run;
use crate::scenario::evaluation::EpochCosts;

/// The header row of the trace.
pub const HEADER: [&str; 7] = [
    "epoch",
    "iteration",
    "layer",
    "quantity",
    "row",
    "column",
    "value",
];

/// The gradient-health columns of each layer in `train --curve`, `layer{l}_{name}`.
const HEALTH: [&str; 3] = ["mean_abs_delta", "mean_derivative", "grad_norm"];

/// Writes the header row of the trace.
pub fn write_header(out: &mut impl Write) -> io::Result<()> {
    let mut csv = Records::new(out);
    csv.record(HEADER)?;
    csv.finish()
}

/// Writes every number of one iteration of the trace.
pub fn write(out: &mut impl Write, trace: &IterationTrace) -> io::Result<()> {
    let mut csv = Records::new(out);
    let (e, it) = (trace.epoch, trace.iteration);
    let mut row = |layer: Option<usize>, quantity: &str, at: [Option<usize>; 2], value: f64| {
        csv.record([
            e.to_string(),
            it.to_string(),
            field(layer),
            quantity.to_string(),
            field(at[0]),
            field(at[1]),
            number(value),
        ])
    };
    row(None, "loss", [None; 2], trace.loss)?;
    for layer in &trace.layers {
        let l = Some(layer.layer);
        for (name, per_sample) in [
            ("net", &layer.net),
            ("out", &layer.out),
            ("delta", &layer.delta),
        ] {
            for (s, values) in per_sample.iter().enumerate() {
                for (j, &v) in values.iter().enumerate() {
                    row(l, name, [Some(trace.samples[s]), Some(j)], v)?;
                }
            }
        }
        for (name, matrix) in [
            ("weights", &layer.weights),
            ("grad_weights", &layer.grad_weights),
            ("new_weights", &layer.new_weights),
        ] {
            for (j, values) in matrix.iter().enumerate() {
                for (i, &v) in values.iter().enumerate() {
                    row(l, name, [Some(j), Some(i)], v)?;
                }
            }
        }
        for (name, v) in [
            ("mean_abs_delta", layer.health.mean_abs_delta),
            ("mean_derivative", layer.health.mean_derivative),
            ("grad_norm", layer.health.grad_norm),
        ] {
            row(l, name, [None; 2], v)?;
        }
        for (name, vector) in [
            ("biases", &layer.biases),
            ("grad_biases", &layer.grad_biases),
            ("new_biases", &layer.new_biases),
        ] {
            for (j, &v) in vector.iter().enumerate() {
                row(l, name, [Some(j), None], v)?;
            }
        }
    }
    for (prefix, costs) in [
        ("costs_before", Some(trace.costs_before)),
        ("costs", Some(trace.costs)),
        ("validation", trace.validation),
    ] {
        for (name, v) in costs.iter().flat_map(Costs::named) {
            row(None, &format!("{prefix}.{}", name.name()), [None; 2], v)?;
        }
    }
    csv.finish()
}

/// A `train --curve` file being written: `epoch,iteration`, the costs, then each layer's
/// `layer{l}_mean_abs_delta`, `layer{l}_mean_derivative` and `layer{l}_grad_norm` (of the
/// epoch's last batch).
pub struct Curve<W: Write> {
    /// Where the rows go.
    csv: Records<W>,
    /// Layers of the network.
    depth: usize,
}

impl<W: Write> Curve<W> {
    /// Starts a curve of a network of `depth` layers: writes the header.
    pub fn new(out: W, depth: usize) -> io::Result<Curve<W>> {
        let mut csv = Records::new(out);
        let health = (1..=depth).flat_map(|l| HEALTH.map(|name| format!("layer{l}_{name}")));
        csv.record(point_columns().chain(health))?;
        Ok(Curve { csv, depth })
    }

    /// Writes one epoch's row; without `health` (at the start) its columns are empty.
    pub fn write(&mut self, point: &EpochCosts, health: Option<&[LayerHealth]>) -> io::Result<()> {
        let health = (0..self.depth).flat_map(|l| {
            let layer = health.and_then(|h| h.get(l));
            [
                optional(layer.map(|h| h.mean_abs_delta)),
                optional(layer.map(|h| h.mean_derivative)),
                optional(layer.map(|h| h.grad_norm)),
            ]
        });
        self.csv.record(point_fields(point).chain(health))
    }

    /// Writes out what is still buffered and gives the writer back.
    pub fn finish(self) -> io::Result<W> {
        self.csv.0.into_inner().map_err(|e| e.into_error())
    }
}

/// Writes every copy's curve of a comparison: `copy,label,epoch,iteration` and the costs,
/// one row per copy and epoch.
pub fn write_comparison(out: &mut impl Write, runs: &[Run]) -> io::Result<()> {
    let mut csv = Records::new(out);
    csv.record(
        ["copy", "label"]
            .map(String::from)
            .into_iter()
            .chain(point_columns()),
    )?;
    for (i, run) in runs.iter().enumerate() {
        for point in &run.curve {
            let copy = [(i + 1).to_string(), run.label.clone()];
            csv.record(copy.into_iter().chain(point_fields(point)))?;
        }
    }
    csv.finish()
}

/// The columns of a point of a curve: `epoch`, `iteration`, `train_mse` …
/// `train_classification_error`, `validation_mse` … `validation_classification_error`.
fn point_columns() -> impl Iterator<Item = String> {
    let costs = ["train", "validation"]
        .into_iter()
        .flat_map(|set| Cost::ALL.map(|cost| format!("{set}_{}", cost.name())));
    ["epoch", "iteration"]
        .map(String::from)
        .into_iter()
        .chain(costs)
}

/// The fields of a point of a curve; the validation costs are empty without a validation set.
fn point_fields(point: &EpochCosts) -> impl Iterator<Item = String> {
    let validation = point.validation.map(|c| c.named().map(|(_, v)| v));
    [point.epoch.to_string(), point.iteration.to_string()]
        .into_iter()
        .chain(point.train.named().map(|(_, v)| number(v)))
        .chain((0..Cost::ALL.len()).map(move |k| optional(validation.map(|v| v[k]))))
}

/// A value as a field: as `{}` prints it, or empty when there is none.
fn field(value: Option<impl Display>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// A number as a field, or empty when there is none.
fn optional(value: Option<f64>) -> String {
    value.map_or_else(String::new, number)
}

/// `x` as the shortest text that reads back to it: `{}` between 1e−4 and 1e16, exponent
/// form outside (`{}` would write 1e160 with 160 digits), as Rust's `{:?}` chooses.
fn number(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-4..1e16).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        x.to_string()
    }
}

/// A [`csv::Writer`] whose errors are the underlying I/O errors, so that a closed pipe is
/// still seen as one.
struct Records<W: Write>(csv::Writer<W>);

impl<W: Write> Records<W> {
    fn new(out: W) -> Records<W> {
        Records(csv::Writer::from_writer(out))
    }

    /// Writes one record.
    fn record<T: AsRef<[u8]>>(&mut self, fields: impl IntoIterator<Item = T>) -> io::Result<()> {
        self.0
            .write_record(fields)
            .map_err(|e| match e.into_kind() {
                csv::ErrorKind::Io(e) => e,
                other => io::Error::other(format!("{other:?}")),
            })
    }

    /// Writes out what is still buffered (dropping the writer would hide the error).
    fn finish(mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::number;

    /// Exponent form below 1e−4 and from 1e16 up, `{}` between; every text reads back to the
    /// same f64.
    #[test]
    fn numbers_are_short_and_exact() {
        let cases = [
            (0.5, "0.5"),
            (123.0, "123"),
            (-0.0001, "-0.0001"),
            (0.0, "0"),
            (9999999999999998.0, "9999999999999998"),
            (1e16, "1e16"),
            (-1.5e160, "-1.5e160"),
            (2e-7, "2e-7"),
            (5e-324, "5e-324"),
        ];
        for (x, text) in cases {
            assert_eq!(number(x), text);
            assert_eq!(text.parse::<f64>().unwrap(), x);
        }
    }
}
