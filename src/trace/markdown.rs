//! A readable worked iteration, a handout a teacher could give out: every phase with its
//! formula and this iteration's numbers. The words come from the catalog (`crate::text`).

use std::io::{Result, Write};

use nalgebra::DMatrix;

use crate::nn::{BiasMode, Cost, Stepper};
use crate::scenario::Scenario;
use crate::text::explain::Explain;
use crate::text::notation::{
    Numbers, bias_mode_name, bias_name, compact, cost_name, indexed, matrix_name, mode_name,
    superscript,
};
use crate::text::{formula, phase};
use crate::words;

/// Decimal places in the handout.
pub const PRECISION: usize = 6;

/// At most this many neurons (or weights per matrix) are worked out one by one.
const SHOWN: usize = 8;

const NUMBERS: Numbers = Numbers {
    precision: PRECISION,
};

/// Writes the title and the set-up of the scenario.
pub fn write_header(out: &mut impl Write, scenario: &Scenario, stepper: &Stepper) -> Result<()> {
    let network = stepper.network();
    let training = stepper.training();
    writeln!(out, "# {}\n", scenario.name)?;
    if !scenario.description.is_empty() {
        writeln!(out, "{}\n", scenario.description.trim())?;
    }
    let row =
        |out: &mut dyn Write, key: String, value: String| writeln!(out, "| {key} | {value} |");
    writeln!(
        out,
        "| {} | {} |\n|---|---|",
        words!("handout-setting"),
        words!("handout-value")
    )?;
    row(
        out,
        words!("handout-layers"),
        crate::text::notation::shape(&network.sizes()),
    )?;
    for (l, layer) in network.layers.iter().enumerate() {
        let value = words!(
            "handout-layer-value",
            matrix = matrix_name(network.depth(), l + 1),
            rows = layer.weights.nrows(),
            cols = layer.weights.ncols(),
            activation = layer.activation.name()
        );
        row(out, words!("handout-layer", layer = l + 1), value)?;
    }
    row(out, words!("handout-biases"), bias_mode_name(network.bias))?;
    row(
        out,
        words!("handout-loss"),
        loss_with_formula(training.loss),
    )?;
    row(
        out,
        words!("handout-learning-rate"),
        compact(training.learning_rate),
    )?;
    let mode = words!(
        "handout-mode-value",
        mode = mode_name(training.mode),
        batch = training.batch_size,
        per_epoch = stepper.iterations_per_epoch()
    );
    row(out, words!("handout-mode"), mode)?;
    row(
        out,
        words!("handout-training-samples"),
        stepper.train_set().len().to_string(),
    )?;
    writeln!(out)?;
    writeln!(out, "{}\n", words!("handout-notation", places = PRECISION))
}

/// Writes the worked iteration the stepper has just finished (it must be at Done).
pub fn write(out: &mut impl Write, stepper: &Stepper) -> Result<()> {
    writeln!(
        out,
        "## {}\n",
        words!(
            "handout-iteration",
            epoch = stepper.epoch(),
            iteration = stepper.iteration(),
            per_epoch = stepper.iterations_per_epoch()
        )
    )?;
    write_samples(out, stepper)?;
    let explain = Explain::new(stepper, PRECISION);
    write_forward(out, stepper, &explain)?;
    write_loss(out, stepper, &explain)?;
    write_deltas(out, stepper, &explain)?;
    write_gradients(out, stepper, &explain)?;
    write_updates(out, stepper, &explain)?;
    write_health(out, stepper)?;
    write_costs(out, stepper)
}

fn write_samples(out: &mut impl Write, stepper: &Stepper) -> Result<()> {
    let ws = stepper.workspace();
    let samples = stepper.samples();
    let list = |column: nalgebra::DVectorView<f64>| {
        column
            .iter()
            .map(|x| NUMBERS.show(*x))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "| {} | x | d |\n|---|---|---|",
        words!("handout-sample")
    )?;
    for (s, index) in samples.iter().enumerate().take(SHOWN) {
        let (x, d) = (ws.input.column(s), ws.target.column(s));
        writeln!(out, "| {} | ({}) | ({}) |", index + 1, list(x), list(d))?;
    }
    if samples.len() > SHOWN {
        let more = words!("handout-more-samples", count = samples.len() - SHOWN);
        writeln!(out, "| … | {more} | |")?;
    }
    if samples.len() > 1 {
        let note = words!(
            "handout-same-for-each-sample",
            sample = samples[0] + 1,
            batch = samples.len()
        );
        writeln!(out, "\n{note}")?;
    }
    Ok(())
}

fn write_forward(out: &mut impl Write, stepper: &Stepper, explain: &Explain) -> Result<()> {
    let network = stepper.network();
    writeln!(out, "\n### {}\n", words!("handout-forward-title"))?;
    for l in 1..=network.depth() {
        let formula = phase::forward(stepper, l);
        writeln!(
            out,
            "{}\n",
            words!("handout-forward-layer", layer = l, formula = formula)
        )?;
        for j in shown(network.layers[l - 1].weights.nrows()) {
            writeln!(out, "- `{}`", explain.forward(l, j, 0))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_loss(out: &mut impl Write, stepper: &Stepper, explain: &Explain) -> Result<()> {
    let loss = stepper.training().loss;
    writeln!(out, "### {}\n", words!("handout-loss-title"))?;
    writeln!(out, "{}:\n", loss_with_formula(loss))?;
    writeln!(out, "- `{}`", explain.loss(0))?;
    if stepper.samples().len() > 1 {
        let mean = NUMBERS.show(stepper.loss().unwrap_or(f64::NAN));
        writeln!(out, "- {}", words!("handout-batch-mean", value = mean))?;
    }
    Ok(())
}

fn write_deltas(out: &mut impl Write, stepper: &Stepper, explain: &Explain) -> Result<()> {
    let network = stepper.network();
    let depth = network.depth();
    writeln!(out, "\n### {}\n", words!("handout-output-delta-title"))?;
    let intro = words!(
        "handout-output-delta",
        sup = superscript(depth),
        loss = formula::loss_derivative(stepper.training().loss),
        activation = formula::activation_derivative(network.layers[depth - 1].activation)
    );
    writeln!(out, "{intro}\n")?;
    for k in shown(network.layers[depth - 1].weights.nrows()) {
        writeln!(out, "- `{}`", explain.output_delta(k, 0))?;
    }
    if depth > 1 {
        writeln!(out, "\n### {}\n", words!("handout-hidden-title"))?;
        writeln!(out, "{}\n", words!("handout-hidden"))?;
        for l in (1..depth).rev() {
            for j in shown(network.layers[l - 1].weights.nrows()) {
                writeln!(out, "- `{}`", explain.hidden_delta(l, j, 0))?;
            }
        }
    }
    Ok(())
}

/// The number of the section after the deltas (there is no hidden-delta section without a
/// hidden layer).
fn section(stepper: &Stepper, after_deltas: usize) -> usize {
    after_deltas + usize::from(stepper.network().depth() > 1)
}

fn write_gradients(out: &mut impl Write, stepper: &Stepper, explain: &Explain) -> Result<()> {
    let network = stepper.network();
    let number = section(stepper, 4);
    writeln!(
        out,
        "\n### {}\n",
        words!("handout-gradients-title", number = number)
    )?;
    let bias = match network.bias {
        BiasMode::Learned => words!("handout-gradients-learned"),
        BiasMode::Fixed => words!("handout-gradients-fixed"),
        BiasMode::None => String::new(),
    };
    writeln!(out, "{}\n", words!("handout-gradients", bias = bias))?;
    for l in (1..=network.depth()).rev() {
        for (j, i) in shown_entries(&network.layers[l - 1].weights) {
            writeln!(out, "- `{}`", explain.gradient(l, j, i))?;
        }
        if network.bias == BiasMode::Learned {
            for j in shown(network.layers[l - 1].biases.len()) {
                writeln!(out, "- `{}`", explain.bias_gradient(l, j))?;
            }
        }
    }
    Ok(())
}

fn write_updates(out: &mut impl Write, stepper: &Stepper, explain: &Explain) -> Result<()> {
    let network = stepper.network();
    let title = words!(
        "handout-updates-title",
        number = section(stepper, 5),
        eta = compact(stepper.training().learning_rate)
    );
    writeln!(out, "\n### {title}\n")?;
    for l in (1..=network.depth()).rev() {
        writeln!(out, "{}:\n", matrix_name(network.depth(), l))?;
        for (j, i) in shown_entries(&network.layers[l - 1].weights) {
            writeln!(out, "- `{}`", explain.update(l, j, i))?;
        }
        if network.bias == BiasMode::Learned {
            for j in shown(network.layers[l - 1].biases.len()) {
                writeln!(out, "- `{}`", explain.bias_update(l, j))?;
            }
        }
        write_changes(out, stepper, l)?;
    }
    Ok(())
}

/// The table of layer l's weights (and learned biases): old, new and the change.
fn write_changes(out: &mut impl Write, stepper: &Stepper, l: usize) -> Result<()> {
    let (before, after) = (
        &stepper.weights_before().layers[l - 1],
        &stepper.network().layers[l - 1],
    );
    let name = matrix_name(stepper.network().depth(), l);
    writeln!(
        out,
        "\n| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        words!("handout-weight"),
        words!("handout-old"),
        words!("handout-new"),
        words!("handout-change")
    )?;
    let row = |out: &mut dyn Write, label: String, old: f64, new: f64| {
        let (o, n, c) = (
            NUMBERS.show(old),
            NUMBERS.show(new),
            NUMBERS.show(new - old),
        );
        writeln!(out, "| {label} | {o} | {n} | {c} |")
    };
    for (j, i) in shown_entries(&after.weights) {
        row(
            out,
            indexed(&name, &[j, i]),
            before.weights[(j, i)],
            after.weights[(j, i)],
        )?;
    }
    if stepper.network().bias == BiasMode::Learned {
        for j in shown(after.biases.len()) {
            let label = bias_name(l, j);
            row(out, label, before.biases[j], after.biases[j])?;
        }
    }
    writeln!(out)
}

fn write_health(out: &mut impl Write, stepper: &Stepper) -> Result<()> {
    let network = stepper.network();
    writeln!(out, "### {}\n", words!("handout-health-title"))?;
    writeln!(out, "{}\n", words!("handout-health"))?;
    writeln!(
        out,
        "{}\n|---|---:|---:|---:|---:|",
        words!("handout-health-columns")
    )?;
    let health = crate::nn::health::layer_health(network, stepper.workspace());
    for (i, h) in health.iter().enumerate() {
        let ratio = health.get(i + 1).map_or(String::new(), |next| {
            let ratio = h.mean_abs_delta / next.mean_abs_delta;
            match ratio.is_finite() {
                true => NUMBERS.show(ratio),
                false => words!("handout-health-no-ratio"),
            }
        });
        writeln!(
            out,
            "| {} ({}) | {} | {} | {} | {ratio} |",
            i + 1,
            matrix_name(network.depth(), i + 1),
            NUMBERS.show(h.mean_abs_delta),
            NUMBERS.show(h.mean_derivative),
            NUMBERS.show(h.grad_norm)
        )?;
    }
    writeln!(out)
}

fn write_costs(out: &mut impl Write, stepper: &Stepper) -> Result<()> {
    writeln!(out, "### {}\n", words!("handout-costs-title"))?;
    let (b, a) = (stepper.costs_before(), stepper.costs());
    writeln!(
        out,
        "| {} | {} | {} |\n|---|---:|---:|",
        words!("handout-cost"),
        words!("handout-before"),
        words!("handout-after")
    )?;
    for ((cost, x), (_, y)) in b.named().iter().zip(a.named()) {
        writeln!(
            out,
            "| {} | {} | {} |",
            cost_name(*cost),
            NUMBERS.show(*x),
            NUMBERS.show(y)
        )?;
    }
    if let Some(v) = stepper.validation_costs() {
        let costs = v
            .named()
            .iter()
            .map(|(cost, x)| format!("{} {}", cost_name(*cost), NUMBERS.show(*x)))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(out, "\n{}", words!("handout-validation", costs = costs))?;
    }
    writeln!(out)
}

/// A loss in words with its formula: `½ MSE (C = ½ Σ_k (d_k − O_k)²)`.
fn loss_with_formula(loss: crate::nn::Loss) -> String {
    format!("{} ({})", cost_name(Cost::from(loss)), formula::loss(loss))
}

fn shown(n: usize) -> Vec<usize> {
    if n <= SHOWN {
        (0..n).collect()
    } else {
        (0..SHOWN - 1).chain([n - 1]).collect()
    }
}

fn shown_entries(m: &DMatrix<f64>) -> Vec<(usize, usize)> {
    let all: Vec<(usize, usize)> = (0..m.nrows())
        .flat_map(|j| (0..m.ncols()).map(move |i| (j, i)))
        .collect();
    if all.len() <= 2 * SHOWN {
        all
    } else {
        all[..SHOWN]
            .iter()
            .chain(&all[all.len() - 1..])
            .copied()
            .collect()
    }
}
