//! A readable worked iteration, a handout a teacher could give out: every phase with its
//! formula and this iteration's numbers.

use std::io::Write;

use crate::nn::{BiasMode, Stepper};
use crate::scenario::Scenario;
use crate::text::explain::Explain;
use crate::text::notation::{Numbers, indexed, matrix_name, value_name};

/// Decimal places in the handout.
pub const PRECISION: usize = 6;

/// At most this many neurons (or weights per matrix) are worked out one by one.
const SHOWN: usize = 8;

/// Writes the title and the set-up of the scenario.
pub fn write_header(
    out: &mut impl Write,
    scenario: &Scenario,
    stepper: &Stepper,
) -> std::io::Result<()> {
    let network = stepper.network();
    let training = stepper.training();
    writeln!(out, "# {}\n", scenario.name)?;
    if !scenario.description.is_empty() {
        writeln!(out, "{}\n", scenario.description.trim())?;
    }
    let sizes: Vec<String> = network.sizes().iter().map(ToString::to_string).collect();
    writeln!(out, "| setting | value |\n|---|---|")?;
    writeln!(out, "| layers | {} |", sizes.join("-"))?;
    for (l, layer) in network.layers.iter().enumerate() {
        writeln!(
            out,
            "| layer {} | {} ({} × {}), activation {} |",
            l + 1,
            matrix_name(network.depth(), l + 1),
            layer.weights.nrows(),
            layer.weights.ncols(),
            layer.activation.name()
        )?;
    }
    writeln!(out, "| biases | {} |", network.bias.name())?;
    writeln!(
        out,
        "| loss | {} ({}) |",
        training.loss.name(),
        training.loss.formula()
    )?;
    writeln!(
        out,
        "| learning rate η | {} |",
        crate::text::notation::compact(training.learning_rate)
    )?;
    writeln!(
        out,
        "| mode | {} (batch size {}, iterations per epoch: {}) |",
        training.mode.name(),
        training.batch_size,
        stepper.iterations_per_epoch()
    )?;
    writeln!(
        out,
        "| training samples | {} |\n",
        stepper.train_set().len()
    )?;
    writeln!(
        out,
        "Notation: row j of a weight matrix holds the weights into neuron j; neurons are \
         numbered from 1. Numbers are rounded to {PRECISION} places (the JSON trace has them in full).\n"
    )
}

/// Writes the worked iteration the stepper has just finished (it must be at Done).
pub fn write(out: &mut impl Write, stepper: &Stepper) -> std::io::Result<()> {
    let explain = Explain::new(stepper, PRECISION);
    let num = Numbers {
        precision: PRECISION,
    };
    let network = stepper.network();
    let before = stepper.weights_before();
    let depth = network.depth();
    let ws = stepper.workspace();
    let samples = stepper.samples();
    let training = stepper.training();
    writeln!(
        out,
        "## Epoch {}, iteration {} of {}\n",
        stepper.epoch(),
        stepper.iteration(),
        stepper.iterations_per_epoch()
    )?;
    let list = |v: Vec<f64>| {
        v.iter()
            .map(|x| num.show(*x))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "| sample | x | d |\n|---|---|---|")?;
    for (s, index) in samples.iter().enumerate().take(SHOWN) {
        writeln!(
            out,
            "| {} | ({}) | ({}) |",
            index + 1,
            list(ws.input.column(s).iter().copied().collect()),
            list(ws.target.column(s).iter().copied().collect())
        )?;
    }
    if samples.len() > SHOWN {
        writeln!(out, "| … | {} more samples | |", samples.len() - SHOWN)?;
    }
    let s = 0;
    if samples.len() > 1 {
        writeln!(
            out,
            "\nEach sample is worked out the same way; the formulas below are for sample {}. \
             The gradients average over all {} samples of the batch.",
            samples[0] + 1,
            samples.len()
        )?;
    }

    writeln!(out, "\n### 1. Forward pass\n")?;
    for l in 1..=depth {
        let layer = &network.layers[l - 1];
        writeln!(
            out,
            "Layer {l}: net{sup} = {}·{}{}, {} = {}\n",
            matrix_name(network.depth(), l),
            value_name(depth, l - 1),
            if network.bias == BiasMode::None {
                String::new()
            } else {
                format!(" + b{}", crate::text::notation::superscript(l))
            },
            value_name(depth, l),
            layer.activation.formula(),
            sup = crate::text::notation::superscript(l),
        )?;
        for j in shown(layer.weights.nrows()) {
            writeln!(out, "- `{}`", explain.forward(l, j, s))?;
        }
        writeln!(out)?;
    }

    writeln!(out, "### 2. Loss\n")?;
    writeln!(
        out,
        "{} ({}):\n",
        training.loss.name(),
        training.loss.formula()
    )?;
    writeln!(out, "- `{}`", explain.loss(s))?;
    if samples.len() > 1 {
        writeln!(
            out,
            "- mean over the batch: {}",
            num.show(stepper.loss().unwrap_or(f64::NAN))
        )?;
    }

    writeln!(out, "\n### 3. Output delta\n")?;
    writeln!(
        out,
        "δ{sup} = ∂C/∂net{sup}: how much the cost changes with each output neuron's net input \
         ({}; {}).\n",
        training.loss.derivative_formula(),
        network.layers[depth - 1].activation.derivative_formula(),
        sup = crate::text::notation::superscript(depth)
    )?;
    for k in shown(network.layers[depth - 1].weights.nrows()) {
        writeln!(out, "- `{}`", explain.output_delta(k, s))?;
    }

    if depth > 1 {
        writeln!(out, "\n### 4. Hidden deltas\n")?;
        writeln!(
            out,
            "The error flows back through the weights of the layer above, as they were \
             **before** the update: δˡ = (Wˡ⁺¹ᵀ δˡ⁺¹) ⊙ f′(netˡ).\n"
        )?;
        for l in (1..depth).rev() {
            for j in shown(network.layers[l - 1].weights.nrows()) {
                writeln!(out, "- `{}`", explain.hidden_delta(l, j, s))?;
            }
        }
    }

    writeln!(out, "\n### {}. Gradients\n", if depth > 1 { 5 } else { 4 })?;
    writeln!(
        out,
        "∂C/∂Wˡ = mean over the batch of δˡ (aˡ⁻¹)ᵀ{}.\n",
        match network.bias {
            BiasMode::Learned => ", ∂C/∂bˡ = mean of δˡ",
            BiasMode::Fixed => " (the biases are fixed: they take part but are not updated)",
            BiasMode::None => "",
        }
    )?;
    for l in (1..=depth).rev() {
        for (j, i) in shown_entries(&network.layers[l - 1].weights) {
            writeln!(out, "- `{}`", explain.gradient(l, j, i))?;
        }
        if network.bias == BiasMode::Learned {
            for j in shown(network.layers[l - 1].biases.len()) {
                writeln!(out, "- `{}`", explain.bias_gradient(l, j))?;
            }
        }
    }

    writeln!(
        out,
        "\n### {}. Updates, in the opposite direction of the gradient (η = {})\n",
        if depth > 1 { 6 } else { 5 },
        crate::text::notation::compact(training.learning_rate)
    )?;
    for l in (1..=depth).rev() {
        let name = matrix_name(network.depth(), l);
        writeln!(out, "{name}:\n")?;
        for (j, i) in shown_entries(&network.layers[l - 1].weights) {
            writeln!(out, "- `{}`", explain.update(l, j, i))?;
        }
        if network.bias == BiasMode::Learned {
            for j in shown(network.layers[l - 1].biases.len()) {
                writeln!(out, "- `{}`", explain.bias_update(l, j))?;
            }
        }
        writeln!(
            out,
            "\n| weight | old | new | change |\n|---|---:|---:|---:|"
        )?;
        for (j, i) in shown_entries(&network.layers[l - 1].weights) {
            let (old, new) = (
                before.layers[l - 1].weights[(j, i)],
                network.layers[l - 1].weights[(j, i)],
            );
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                indexed(&name, &[j, i]),
                num.show(old),
                num.show(new),
                num.show(new - old)
            )?;
        }
        if network.bias == BiasMode::Learned {
            for j in shown(network.layers[l - 1].biases.len()) {
                let (old, new) = (
                    before.layers[l - 1].biases[j],
                    network.layers[l - 1].biases[j],
                );
                writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    indexed(&format!("b{}", crate::text::notation::superscript(l)), &[j]),
                    num.show(old),
                    num.show(new),
                    num.show(new - old)
                )?;
            }
        }
        writeln!(out)?;
    }

    writeln!(out, "### Gradient health\n")?;
    writeln!(
        out,
        "How large the error signal is in each layer on its way back (for this batch); a ratio \
         far below 1 means the gradient shrinks from layer to layer.\n"
    )?;
    writeln!(
        out,
        "| layer | mean abs(δ) | mean f′(net) | ‖∂C/∂W‖ | mean abs(δ) / next layer's |\n|---|---:|---:|---:|---:|"
    )?;
    let health = crate::nn::health::layer_health(network, ws);
    for (i, h) in health.iter().enumerate() {
        let ratio = health.get(i + 1).map_or("".to_string(), |next| {
            num.show(h.mean_abs_delta / next.mean_abs_delta)
        });
        writeln!(
            out,
            "| {} ({}) | {} | {} | {} | {ratio} |",
            i + 1,
            matrix_name(network.depth(), i + 1),
            num.show(h.mean_abs_delta),
            num.show(h.mean_derivative),
            num.show(h.grad_norm)
        )?;
    }
    writeln!(out)?;

    writeln!(out, "### Costs over the whole training set\n")?;
    let (b, a) = (stepper.costs_before(), stepper.costs());
    writeln!(out, "| cost | before | after |\n|---|---:|---:|")?;
    for ((name, x), (_, y)) in b.named().iter().zip(a.named()) {
        writeln!(out, "| {name} | {} | {} |", num.show(*x), num.show(y))?;
    }
    if let Some(v) = stepper.validation_costs() {
        writeln!(
            out,
            "\nValidation set after the update: {}",
            v.named()
                .iter()
                .map(|(n, x)| format!("{n} {}", num.show(*x)))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    writeln!(out)
}

fn shown(n: usize) -> Vec<usize> {
    if n <= SHOWN {
        (0..n).collect()
    } else {
        (0..SHOWN - 1).chain([n - 1]).collect()
    }
}

fn shown_entries(m: &nalgebra::DMatrix<f64>) -> Vec<(usize, usize)> {
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
