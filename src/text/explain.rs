//! Formulas with this iteration's numbers substituted, for one neuron or one weight:
//! what the phase panel and the markdown trace show.
//!
//! Neurons and weights are numbered from 1 in what a student reads, as in the lesson;
//! the arguments of these functions are 0-based.

use super::formula;
use super::notation::{
    Numbers, bias_name, delta_name, indexed, matrix_name, superscript, value_name,
};
use crate::nn::{Activation, BiasMode, Loss, Stepper};
use crate::words;

/// The explanation of one neuron or weight in the stepper's current iteration.
pub struct Explain<'a> {
    stepper: &'a Stepper,
    numbers: Numbers,
}

impl<'a> Explain<'a> {
    /// Explanations of `stepper`'s values at `precision` decimal places.
    pub fn new(stepper: &'a Stepper, precision: usize) -> Explain<'a> {
        Explain {
            stepper,
            numbers: Numbers { precision },
        }
    }

    fn depth(&self) -> usize {
        self.stepper.network().depth()
    }

    fn n(&self, x: f64) -> String {
        self.numbers.show(x)
    }

    fn t(&self, x: f64) -> String {
        self.numbers.term(x)
    }

    /// The value of layer l (0 = inputs) at row `j` of batch column `s`.
    fn value(&self, l: usize, j: usize, s: usize) -> f64 {
        let ws = self.stepper.workspace();
        if l == 0 {
            ws.input[(j, s)]
        } else {
            ws.out[l - 1][(j, s)]
        }
    }

    fn net_name(&self, l: usize, j: usize) -> String {
        indexed(&format!("net{}", superscript(l)), &[j])
    }

    /// Forward(l) for neuron j of batch sample s:
    /// `net¹₁ = V₁₁·x₁ + V₁₂·x₂ + b¹₁ = … = 0.3775;  h₁ = σ(0.3775) = 0.5933`.
    pub fn forward(&self, l: usize, j: usize, s: usize) -> String {
        let before = self.stepper.weights_before();
        let layer = &before.layers[l - 1];
        let matrix = matrix_name(before.depth(), l);
        let prev = value_name(self.depth(), l - 1);
        let mut symbols: Vec<String> = (0..layer.weights.ncols())
            .map(|i| format!("{}·{}", indexed(&matrix, &[j, i]), indexed(&prev, &[i])))
            .collect();
        let mut numbers: Vec<String> = (0..layer.weights.ncols())
            .map(|i| {
                format!(
                    "{}·{}",
                    self.t(layer.weights[(j, i)]),
                    self.t(self.value(l - 1, i, s))
                )
            })
            .collect();
        if before.bias != BiasMode::None {
            symbols.push(bias_name(l, j));
            numbers.push(self.t(layer.biases[j]));
        }
        let ws = self.stepper.workspace();
        let net = ws.net[l - 1][(j, s)];
        let out = ws.out[l - 1][(j, s)];
        let name = indexed(&value_name(self.depth(), l), &[j]);
        let f =
            formula::activation_applied(layer.activation, self.n(net), self.t(net), superscript(l));
        // A linear f writes f(net) as the number itself: say it once.
        let applied = if f == self.n(out) {
            String::new()
        } else {
            format!(" = {f}")
        };
        format!(
            "{} = {} = {} = {};  {name}{applied} = {}",
            self.net_name(l, j),
            elide(&symbols),
            elide(&numbers),
            self.n(net),
            self.n(out)
        )
    }

    /// The scenario's loss on batch sample s:
    /// `C = ½[(d₁ − O₁)² + (d₂ − O₂)²] = ½[(0.0100 − 0.7514)² + …] = 0.2984`.
    pub fn loss(&self, s: usize) -> String {
        let ws = self.stepper.workspace();
        let loss = self.stepper.training().loss;
        let k_max = ws.target.nrows();
        let o = |k: usize| ws.out[self.depth() - 1][(k, s)];
        let d = |k: usize| ws.target[(k, s)];
        let (symbols, numbers): (Vec<String>, Vec<String>) = (0..k_max)
            .map(|k| {
                let (dk, ok) = (indexed("d", &[k]), indexed("O", &[k]));
                match loss {
                    Loss::Mse | Loss::HalfMse => (
                        format!("({dk} − {ok})²"),
                        format!("({} − {})²", self.n(d(k)), self.n(o(k))),
                    ),
                    Loss::CrossEntropy => (
                        format!("{dk}·ln {ok}"),
                        format!("{}·ln {}", self.n(d(k)), self.n(o(k))),
                    ),
                    Loss::BinaryCrossEntropy => (
                        format!("{dk}·ln {ok} + (1 − {dk})·ln(1 − {ok})"),
                        format!(
                            "{}·ln {} + {}·ln {}",
                            self.n(d(k)),
                            self.n(o(k)),
                            self.n(1.0 - d(k)),
                            self.n(1.0 - o(k))
                        ),
                    ),
                }
            })
            .unzip();
        let value = loss.value(
            &(0..k_max).map(o).collect::<Vec<_>>(),
            &(0..k_max).map(d).collect::<Vec<_>>(),
        );
        let (open, close) = match loss {
            Loss::Mse => ("", ""),
            Loss::HalfMse => ("½[", "]"),
            Loss::CrossEntropy | Loss::BinaryCrossEntropy => ("−[", "]"),
        };
        let sep = " + ";
        format!(
            "C = {open}{}{close} = {open}{}{close} = {}",
            elide_with(&symbols, sep),
            elide_with(&numbers, sep),
            self.n(value)
        )
    }

    /// OutputDelta for output k of batch sample s, e.g.
    /// `δ²₁ = (O₁ − d₁)·O₁(1 − O₁) = (0.7514 − 0.0100)·0.7514·(1 − 0.7514) = 0.1385`.
    pub fn output_delta(&self, k: usize, s: usize) -> String {
        let depth = self.depth();
        let ws = self.stepper.workspace();
        let o = ws.out[depth - 1][(k, s)];
        let d = ws.target[(k, s)];
        let z = ws.net[depth - 1][(k, s)];
        let delta = ws.delta[depth - 1][(k, s)];
        let activation = self.stepper.network().layers[depth - 1].activation;
        let loss = self.stepper.training().loss;
        let (ok, dk) = (indexed("O", &[k]), indexed("d", &[k]));
        let (on, dn) = (self.n(o), self.n(d));
        let (symbols, numbers) = match (activation, loss) {
            (Activation::Sigmoid, Loss::HalfMse) => (
                format!("({ok} − {dk})·{ok}(1 − {ok})"),
                format!("({on} − {dn})·{on}·(1 − {on})"),
            ),
            (Activation::Sigmoid, Loss::Mse) => (
                format!("2({ok} − {dk})·{ok}(1 − {ok})"),
                format!("2·({on} − {dn})·{on}·(1 − {on})"),
            ),
            (Activation::Sigmoid, Loss::BinaryCrossEntropy) => (
                words!("worked-output-delta-bce", ok = ok.clone(), dk = dk.clone()),
                format!("{on} − {dn}"),
            ),
            (Activation::Sigmoid, Loss::CrossEntropy) => (
                format!("−{dk}/{ok}·{ok}(1 − {ok}) = −{dk}(1 − {ok})"),
                format!("−{dn}·(1 − {on})"),
            ),
            (Activation::Softmax, Loss::CrossEntropy) => {
                let total: f64 = ws.target.column(s).iter().sum();
                (
                    words!(
                        "worked-output-delta-softmax-ce",
                        ok = ok.clone(),
                        dk = dk.clone()
                    ),
                    format!("{on}·{} − {dn}", self.n(total)),
                )
            }
            (Activation::Softmax, _) => {
                let n = ws.target.nrows();
                let g = |j: usize| loss.derivative(ws.out[depth - 1][(j, s)], ws.target[(j, s)]);
                let dot: f64 = (0..n).map(|j| ws.out[depth - 1][(j, s)] * g(j)).sum();
                (
                    words!("worked-output-delta-softmax", ok = ok.clone()),
                    format!("{on}·({} − {})", self.n(g(k)), self.t(dot)),
                )
            }
            _ => (
                format!(
                    "∂C/∂{ok}·f′({})  [{}; {}]",
                    self.net_name(depth, k),
                    formula::loss_derivative(loss),
                    formula::activation_derivative(activation)
                ),
                format!(
                    "{}·{}",
                    self.t(loss.derivative(o, d)),
                    self.t(activation.derivative(z, o))
                ),
            ),
        };
        format!(
            "{} = {symbols} = {numbers} = {}",
            delta_name(depth, k),
            self.n(delta)
        )
    }

    /// HiddenDelta(l) for neuron j of batch sample s, the sum over the next layer written
    /// out term by term: `δ¹₁ = (W₁₁·δ²₁ + W₂₁·δ²₂)·h₁(1 − h₁) = …`.
    pub fn hidden_delta(&self, l: usize, j: usize, s: usize) -> String {
        let before = self.stepper.weights_before();
        let next = &before.layers[l];
        let matrix = matrix_name(before.depth(), l + 1);
        let ws = self.stepper.workspace();
        let symbols: Vec<String> = (0..next.weights.nrows())
            .map(|k| format!("{}·{}", indexed(&matrix, &[k, j]), delta_name(l + 1, k)))
            .collect();
        let numbers: Vec<String> = (0..next.weights.nrows())
            .map(|k| {
                format!(
                    "{}·{}",
                    self.t(next.weights[(k, j)]),
                    self.t(ws.delta[l][(k, s)])
                )
            })
            .collect();
        let sum: f64 = (0..next.weights.nrows())
            .map(|k| next.weights[(k, j)] * ws.delta[l][(k, s)])
            .sum();
        let activation = before.layers[l - 1].activation;
        let a = ws.out[l - 1][(j, s)];
        let z = ws.net[l - 1][(j, s)];
        let name = indexed(&value_name(self.depth(), l), &[j]);
        let (fp_symbol, fp_number) = match activation {
            Activation::Sigmoid => (
                format!("{name}(1 − {name})"),
                format!("{}·(1 − {})", self.n(a), self.n(a)),
            ),
            Activation::Tanh => (format!("(1 − {name}²)"), format!("(1 − {}²)", self.n(a))),
            _ => (
                format!("f′({})", self.net_name(l, j)),
                self.n(activation.derivative(z, a)),
            ),
        };
        format!(
            "{} = ({})·{fp_symbol} = ({})·{fp_number} = {}·{} = {}",
            delta_name(l, j),
            elide_with(&symbols, " + "),
            elide_with(&numbers, " + "),
            self.t(sum),
            self.t(activation.derivative(z, a)),
            self.n(ws.delta[l - 1][(j, s)])
        )
    }

    /// Gradients: `∂C/∂W[j,i]` of layer l as the batch mean of δ·a.
    pub fn gradient(&self, l: usize, j: usize, i: usize) -> String {
        let ws = self.stepper.workspace();
        let b = ws.batch();
        let matrix = matrix_name(self.depth(), l);
        let prev = value_name(self.depth(), l - 1);
        let symbol = format!("{}·{}", delta_name(l, j), indexed(&prev, &[i]));
        let terms: Vec<String> = (0..b)
            .map(|s| {
                format!(
                    "{}·{}",
                    self.t(ws.delta[l - 1][(j, s)]),
                    self.t(self.value(l - 1, i, s))
                )
            })
            .collect();
        let grad = ws.grad_weights[l - 1][(j, i)];
        let name = format!("∂C/∂{}", indexed(&matrix, &[j, i]));
        if b == 1 {
            format!("{name} = {symbol} = {} = {}", terms[0], self.n(grad))
        } else {
            self.batch_mean(&name, symbol, &terms, grad)
        }
    }

    /// `name = (1/B) Σ_samples symbol = (1/B)(t₁ + t₂ + …) = value`.
    fn batch_mean(&self, name: &str, symbol: String, terms: &[String], value: f64) -> String {
        format!(
            "{name} = {} = (1/{b})({}) = {}",
            words!(
                "worked-mean-over-samples",
                batch = terms.len(),
                symbol = symbol
            ),
            elide_with(terms, " + "),
            self.n(value),
            b = terms.len()
        )
    }

    /// Gradients: `∂C/∂b[j]` of layer l as the batch mean of δ.
    pub fn bias_gradient(&self, l: usize, j: usize) -> String {
        let ws = self.stepper.workspace();
        let b = ws.batch();
        let name = format!("∂C/∂{}", bias_name(l, j));
        let delta = delta_name(l, j);
        let terms: Vec<String> = (0..b).map(|s| self.t(ws.delta[l - 1][(j, s)])).collect();
        let grad = ws.grad_biases[l - 1][j];
        if b == 1 {
            format!("{name} = {delta} = {}", self.n(grad))
        } else {
            self.batch_mean(&name, delta, &terms, grad)
        }
    }

    /// Update(l) of bias j: `b²₁ ← b²₁ − η·∂C/∂b²₁ = …`.
    pub fn bias_update(&self, l: usize, j: usize) -> String {
        let name = bias_name(l, j);
        let eta = self.stepper.training().learning_rate;
        let old = self.stepper.weights_before().layers[l - 1].biases[j];
        let grad = self.stepper.workspace().grad_biases[l - 1][j];
        format!(
            "{name} ← {name} − η·∂C/∂{name} = {} − {}·{} = {}",
            self.n(old),
            self.n(eta),
            self.t(grad),
            self.n(old - eta * grad)
        )
    }

    /// Update(l) of weight `[j,i]`: `W₁₁ ← W₁₁ − η·∂C/∂W₁₁ = 0.4000 − 0.5·0.0822 = 0.3589`.
    pub fn update(&self, l: usize, j: usize, i: usize) -> String {
        let before = self.stepper.weights_before();
        let matrix = matrix_name(before.depth(), l);
        let name = indexed(&matrix, &[j, i]);
        let eta = self.stepper.training().learning_rate;
        let old = before.layers[l - 1].weights[(j, i)];
        let grad = self.stepper.workspace().grad_weights[l - 1][(j, i)];
        let new = old - eta * grad;
        format!(
            "{name} ← {name} − η·∂C/∂{name} = {} − {}·{} = {}",
            self.n(old),
            self.n(eta),
            self.t(grad),
            self.n(new)
        )
    }
}

fn elide(items: &[String]) -> String {
    elide_with(items, " + ")
}

/// Joins `items`; more than six are shown as the first three, an ellipsis and the last two.
fn elide_with(items: &[String], sep: &str) -> String {
    if items.len() <= 6 {
        items.join(sep)
    } else {
        let mut shown: Vec<String> = items[..3].to_vec();
        shown.push("…".into());
        shown.extend_from_slice(&items[items.len() - 2..]);
        shown.join(sep)
    }
}
