//! CSV in long form, one number per row, for spreadsheets:
//! `epoch,iteration,layer,quantity,row,column,value`.
//!
//! Per-sample quantities (net, out, delta) use the row for the sample's training-set index
//! and the column for the neuron; matrices use row and column as in W (row = neuron of
//! layer l); vectors leave the column empty. The loss and the costs have no layer.

use std::io::Write;

use super::IterationTrace;

/// The header row.
pub const HEADER: &str = "epoch,iteration,layer,quantity,row,column,value";

/// Writes the header row.
pub fn write_header(out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{HEADER}")
}

/// Writes every number of one iteration.
pub fn write(out: &mut impl Write, trace: &IterationTrace) -> std::io::Result<()> {
    let (e, it) = (trace.epoch, trace.iteration);
    writeln!(out, "{e},{it},,loss,,,{}", trace.loss)?;
    for layer in &trace.layers {
        let l = layer.layer;
        for (name, per_sample) in [
            ("net", &layer.net),
            ("out", &layer.out),
            ("delta", &layer.delta),
        ] {
            for (s, row) in per_sample.iter().enumerate() {
                for (j, v) in row.iter().enumerate() {
                    writeln!(out, "{e},{it},{l},{name},{},{j},{v}", trace.samples[s])?;
                }
            }
        }
        for (name, matrix) in [
            ("weights", &layer.weights),
            ("grad_weights", &layer.grad_weights),
            ("new_weights", &layer.new_weights),
        ] {
            for (j, row) in matrix.iter().enumerate() {
                for (i, v) in row.iter().enumerate() {
                    writeln!(out, "{e},{it},{l},{name},{j},{i},{v}")?;
                }
            }
        }
        for (name, v) in [
            ("mean_abs_delta", layer.health.mean_abs_delta),
            ("mean_derivative", layer.health.mean_derivative),
            ("grad_norm", layer.health.grad_norm),
        ] {
            writeln!(out, "{e},{it},{l},{name},,,{v}")?;
        }
        for (name, vector) in [
            ("biases", &layer.biases),
            ("grad_biases", &layer.grad_biases),
            ("new_biases", &layer.new_biases),
        ] {
            for (j, v) in vector.iter().enumerate() {
                writeln!(out, "{e},{it},{l},{name},{j},,{v}")?;
            }
        }
    }
    let mut sets = vec![
        ("costs_before", Some(trace.costs_before)),
        ("costs", Some(trace.costs)),
    ];
    sets.push(("validation", trace.validation));
    for (prefix, costs) in sets {
        if let Some(costs) = costs {
            for (name, v) in costs.named() {
                writeln!(out, "{e},{it},,{prefix}.{name},,,{v}")?;
            }
        }
    }
    Ok(())
}
