//! What the handout says, in what order: the title, the set-up, and every phase of a worked
//! iteration with its formula and this iteration's numbers, as a list of [`Block`]s. The
//! markdown and LaTeX writers only format these blocks. The words come from the catalog
//! (`crate::text`).

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

/// Marks the start of a formula inside a catalog message (a private-use character).
const OPEN: char = '\u{E000}';
/// Marks the end of a formula inside a catalog message.
const CLOSE: char = '\u{E001}';

/// A piece of a line: words, or a formula (or number) in the lesson's Unicode symbols.
#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    /// Words, from the catalog or from a file (a scenario's name and description).
    Text(String),
    /// A formula or a number, e.g. `net¹ = V·x + b¹` or `−0.038098`.
    Math(String),
}

/// A line of text: words and formulas in turn.
pub type Line = Vec<Span>;

/// An item of a list.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A formula worked out with this iteration's numbers.
    Formula(String),
    /// A line of words.
    Words(Line),
}

/// A part of the handout.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading: 1 is the title, 2 an iteration, 3 a phase.
    Heading(usize, Line),
    /// A paragraph.
    Paragraph(Line),
    /// A table; `numeric` tables align every column but the first to the right.
    Table {
        /// The column headings.
        columns: Vec<String>,
        /// Whether the columns after the first hold numbers.
        numeric: bool,
        /// The rows, one line per cell.
        rows: Vec<Vec<Line>>,
    },
    /// A bulleted list.
    List(Vec<Item>),
}

/// `text` with the formula arguments of a catalog message (passed through [`math`]) split
/// out as [`Span::Math`].
pub fn spans(text: &str) -> Line {
    let mut line = Vec::new();
    for (i, piece) in text.split(OPEN).enumerate() {
        let (formula, words) = match piece.split_once(CLOSE) {
            Some((formula, words)) if i > 0 => (formula, words),
            _ => ("", piece),
        };
        if !formula.is_empty() {
            line.push(Span::Math(formula.to_string()));
        }
        if !words.is_empty() {
            line.push(Span::Text(words.to_string()));
        }
    }
    line
}

/// A formula as an argument of a catalog message, for [`spans`] to find again.
fn math(formula: impl AsRef<str>) -> String {
    format!("{OPEN}{}{CLOSE}", formula.as_ref())
}

fn text(words: impl Into<String>) -> Line {
    vec![Span::Text(words.into())]
}

fn number(x: f64) -> Line {
    vec![Span::Math(NUMBERS.show(x))]
}

/// The title and the set-up of the scenario.
pub fn header(scenario: &Scenario, stepper: &Stepper) -> Vec<Block> {
    let network = stepper.network();
    let training = stepper.training();
    let mut blocks = vec![Block::Heading(1, text(scenario.name.clone()))];
    if !scenario.description.is_empty() {
        blocks.push(Block::Paragraph(text(scenario.description.trim())));
    }
    let mut rows = vec![vec![
        text(words!("handout-layers")),
        text(crate::text::notation::shape(&network.sizes())),
    ]];
    for (l, layer) in network.layers.iter().enumerate() {
        let value = words!(
            "handout-layer-value",
            matrix = math(matrix_name(network.depth(), l + 1)),
            rows = layer.weights.nrows(),
            cols = layer.weights.ncols(),
            activation = layer.activation.name()
        );
        rows.push(vec![
            text(words!("handout-layer", layer = l + 1)),
            spans(&value),
        ]);
    }
    let mode = words!(
        "handout-mode-value",
        mode = mode_name(training.mode),
        batch = training.batch_size,
        per_epoch = stepper.iterations_per_epoch()
    );
    rows.extend([
        vec![
            text(words!("handout-biases")),
            text(bias_mode_name(network.bias)),
        ],
        vec![
            text(words!("handout-loss")),
            loss_with_formula(training.loss),
        ],
        vec![
            text(words!("handout-learning-rate")),
            vec![Span::Math(compact(training.learning_rate))],
        ],
        vec![text(words!("handout-mode")), text(mode)],
        vec![
            text(words!("handout-training-samples")),
            text(stepper.train_set().len().to_string()),
        ],
    ]);
    blocks.push(Block::Table {
        columns: vec![words!("handout-setting"), words!("handout-value")],
        numeric: false,
        rows,
    });
    let notation = words!("handout-notation", places = PRECISION);
    blocks.push(Block::Paragraph(text(notation)));
    blocks
}

/// The worked iteration the stepper has just finished (it must be at Done).
pub fn iteration(stepper: &Stepper) -> Vec<Block> {
    let title = words!(
        "handout-iteration",
        epoch = stepper.epoch(),
        iteration = stepper.iteration(),
        per_epoch = stepper.iterations_per_epoch()
    );
    let mut blocks = vec![Block::Heading(2, text(title))];
    let explain = Explain::new(stepper, PRECISION);
    samples(&mut blocks, stepper);
    forward(&mut blocks, stepper, &explain);
    loss(&mut blocks, stepper, &explain);
    deltas(&mut blocks, stepper, &explain);
    gradients(&mut blocks, stepper, &explain);
    updates(&mut blocks, stepper, &explain);
    health(&mut blocks, stepper);
    costs(&mut blocks, stepper);
    blocks
}

fn samples(blocks: &mut Vec<Block>, stepper: &Stepper) {
    let ws = stepper.workspace();
    let samples = stepper.samples();
    let list = |column: nalgebra::DVectorView<f64>| {
        let numbers: Vec<String> = column.iter().map(|x| NUMBERS.show(*x)).collect();
        vec![Span::Math(format!("({})", numbers.join(", ")))]
    };
    let mut rows: Vec<Vec<Line>> = samples
        .iter()
        .enumerate()
        .take(SHOWN)
        .map(|(s, index)| {
            let (x, d) = (ws.input.column(s), ws.target.column(s));
            vec![text((index + 1).to_string()), list(x), list(d)]
        })
        .collect();
    if samples.len() > SHOWN {
        let more = words!("handout-more-samples", count = samples.len() - SHOWN);
        rows.push(vec![text("…"), text(more), Vec::new()]);
    }
    blocks.push(Block::Table {
        columns: vec![words!("handout-sample"), "x".into(), "d".into()],
        numeric: false,
        rows,
    });
    if samples.len() > 1 {
        let note = words!(
            "handout-same-for-each-sample",
            sample = samples[0] + 1,
            batch = samples.len()
        );
        blocks.push(Block::Paragraph(text(note)));
    }
}

fn forward(blocks: &mut Vec<Block>, stepper: &Stepper, explain: &Explain) {
    let network = stepper.network();
    blocks.push(Block::Heading(3, text(words!("handout-forward-title"))));
    for l in 1..=network.depth() {
        let formula = math(phase::forward(stepper, l));
        let intro = words!("handout-forward-layer", layer = l, formula = formula);
        blocks.push(Block::Paragraph(spans(&intro)));
        let items = shown(network.layers[l - 1].weights.nrows())
            .into_iter()
            .map(|j| Item::Formula(explain.forward(l, j, 0)));
        blocks.push(Block::List(items.collect()));
    }
}

fn loss(blocks: &mut Vec<Block>, stepper: &Stepper, explain: &Explain) {
    let loss = stepper.training().loss;
    blocks.push(Block::Heading(3, text(words!("handout-loss-title"))));
    let mut intro = loss_with_formula(loss);
    intro.push(Span::Text(":".into()));
    blocks.push(Block::Paragraph(intro));
    let mut items = vec![Item::Formula(explain.loss(0))];
    if stepper.samples().len() > 1 {
        let mean = math(NUMBERS.show(stepper.loss().unwrap_or(f64::NAN)));
        items.push(Item::Words(spans(&words!(
            "handout-batch-mean",
            value = mean
        ))));
    }
    blocks.push(Block::List(items));
}

fn deltas(blocks: &mut Vec<Block>, stepper: &Stepper, explain: &Explain) {
    let network = stepper.network();
    let depth = network.depth();
    blocks.push(Block::Heading(
        3,
        text(words!("handout-output-delta-title")),
    ));
    let intro = words!(
        "handout-output-delta",
        sup = superscript(depth),
        loss = math(formula::loss_derivative(stepper.training().loss)),
        activation = math(formula::activation_derivative(
            network.layers[depth - 1].activation
        ))
    );
    blocks.push(Block::Paragraph(spans(&intro)));
    let outputs = shown(network.layers[depth - 1].weights.nrows());
    let items = outputs
        .into_iter()
        .map(|k| Item::Formula(explain.output_delta(k, 0)));
    blocks.push(Block::List(items.collect()));
    if depth > 1 {
        blocks.push(Block::Heading(3, text(words!("handout-hidden-title"))));
        blocks.push(Block::Paragraph(text(words!("handout-hidden"))));
        let items = (1..depth).rev().flat_map(|l| {
            shown(network.layers[l - 1].weights.nrows())
                .into_iter()
                .map(move |j| Item::Formula(explain.hidden_delta(l, j, 0)))
        });
        blocks.push(Block::List(items.collect()));
    }
}

/// The number of the section after the deltas (there is no hidden-delta section without a
/// hidden layer).
fn section(stepper: &Stepper, after_deltas: usize) -> usize {
    after_deltas + usize::from(stepper.network().depth() > 1)
}

fn gradients(blocks: &mut Vec<Block>, stepper: &Stepper, explain: &Explain) {
    let network = stepper.network();
    let number = section(stepper, 4);
    let title = words!("handout-gradients-title", number = number);
    blocks.push(Block::Heading(3, text(title)));
    let bias = match network.bias {
        BiasMode::Learned => words!("handout-gradients-learned"),
        BiasMode::Fixed => words!("handout-gradients-fixed"),
        BiasMode::None => String::new(),
    };
    let intro = words!("handout-gradients", bias = bias);
    blocks.push(Block::Paragraph(text(intro)));
    let mut items = Vec::new();
    for l in (1..=network.depth()).rev() {
        for (j, i) in shown_entries(&network.layers[l - 1].weights) {
            items.push(Item::Formula(explain.gradient(l, j, i)));
        }
        if network.bias == BiasMode::Learned {
            for j in shown(network.layers[l - 1].biases.len()) {
                items.push(Item::Formula(explain.bias_gradient(l, j)));
            }
        }
    }
    blocks.push(Block::List(items));
}

fn updates(blocks: &mut Vec<Block>, stepper: &Stepper, explain: &Explain) {
    let network = stepper.network();
    let title = words!(
        "handout-updates-title",
        number = section(stepper, 5),
        eta = math(compact(stepper.training().learning_rate))
    );
    blocks.push(Block::Heading(3, spans(&title)));
    for l in (1..=network.depth()).rev() {
        let name = Span::Math(matrix_name(network.depth(), l));
        blocks.push(Block::Paragraph(vec![name, Span::Text(":".into())]));
        let mut items = Vec::new();
        for (j, i) in shown_entries(&network.layers[l - 1].weights) {
            items.push(Item::Formula(explain.update(l, j, i)));
        }
        if network.bias == BiasMode::Learned {
            for j in shown(network.layers[l - 1].biases.len()) {
                items.push(Item::Formula(explain.bias_update(l, j)));
            }
        }
        blocks.push(Block::List(items));
        blocks.push(changes(stepper, l));
    }
}

/// The table of layer l's weights (and learned biases): old, new and the change.
fn changes(stepper: &Stepper, l: usize) -> Block {
    let (before, after) = (
        &stepper.weights_before().layers[l - 1],
        &stepper.network().layers[l - 1],
    );
    let name = matrix_name(stepper.network().depth(), l);
    let row = |label: String, old: f64, new: f64| {
        vec![
            vec![Span::Math(label)],
            number(old),
            number(new),
            number(new - old),
        ]
    };
    let mut rows: Vec<Vec<Line>> = shown_entries(&after.weights)
        .into_iter()
        .map(|(j, i)| {
            let label = indexed(&name, &[j, i]);
            row(label, before.weights[(j, i)], after.weights[(j, i)])
        })
        .collect();
    if stepper.network().bias == BiasMode::Learned {
        for j in shown(after.biases.len()) {
            rows.push(row(bias_name(l, j), before.biases[j], after.biases[j]));
        }
    }
    Block::Table {
        columns: vec![
            words!("handout-weight"),
            words!("handout-old"),
            words!("handout-new"),
            words!("handout-change"),
        ],
        numeric: true,
        rows,
    }
}

fn health(blocks: &mut Vec<Block>, stepper: &Stepper) {
    let network = stepper.network();
    blocks.push(Block::Heading(3, text(words!("handout-health-title"))));
    blocks.push(Block::Paragraph(text(words!("handout-health"))));
    let columns = words!("handout-health-columns")
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect();
    let health = crate::nn::health::layer_health(network, stepper.workspace());
    let rows = health.iter().enumerate().map(|(i, h)| {
        let ratio = health.get(i + 1).map_or(Vec::new(), |next| {
            let ratio = h.mean_abs_delta / next.mean_abs_delta;
            match ratio.is_finite() {
                true => number(ratio),
                false => text(words!("handout-health-no-ratio")),
            }
        });
        let name = matrix_name(network.depth(), i + 1);
        vec![
            vec![
                Span::Text(format!("{} (", i + 1)),
                Span::Math(name),
                Span::Text(")".into()),
            ],
            number(h.mean_abs_delta),
            number(h.mean_derivative),
            number(h.grad_norm),
            ratio,
        ]
    });
    blocks.push(Block::Table {
        columns,
        numeric: true,
        rows: rows.collect(),
    });
}

fn costs(blocks: &mut Vec<Block>, stepper: &Stepper) {
    blocks.push(Block::Heading(3, text(words!("handout-costs-title"))));
    let (b, a) = (stepper.costs_before(), stepper.costs());
    let before = b.named();
    let rows = before
        .iter()
        .zip(a.named())
        .map(|((cost, x), (_, y))| vec![text(cost_name(*cost)), number(*x), number(y)]);
    blocks.push(Block::Table {
        columns: vec![
            words!("handout-cost"),
            words!("handout-before"),
            words!("handout-after"),
        ],
        numeric: true,
        rows: rows.collect(),
    });
    if let Some(v) = stepper.validation_costs() {
        let costs = v
            .named()
            .iter()
            .map(|(cost, x)| format!("{} {}", cost_name(*cost), math(NUMBERS.show(*x))))
            .collect::<Vec<_>>()
            .join(", ");
        let line = words!("handout-validation", costs = costs);
        blocks.push(Block::Paragraph(spans(&line)));
    }
}

/// A loss in words with its formula: `½ MSE (C = ½ Σ_k (d_k − O_k)²)`.
fn loss_with_formula(loss: crate::nn::Loss) -> Line {
    vec![
        Span::Text(format!("{} (", cost_name(Cost::from(loss)))),
        Span::Math(formula::loss(loss)),
        Span::Text(")".into()),
    ]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_arguments_split_out_of_a_message() {
        let message = format!("Layer 1: {} and {}.", math("net¹ = V·x"), math("−1"));
        assert_eq!(
            spans(&message),
            vec![
                Span::Text("Layer 1: ".into()),
                Span::Math("net¹ = V·x".into()),
                Span::Text(" and ".into()),
                Span::Math("−1".into()),
                Span::Text(".".into()),
            ]
        );
        assert_eq!(spans("plain"), vec![Span::Text("plain".into())]);
    }
}
