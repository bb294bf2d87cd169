//! The phase panel: what happens and why, the formula in symbols, and the same formula with
//! this iteration's numbers for the selected neuron or weight.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::nn::explain::{Explain, Numbers, indexed, value_name};
use crate::nn::network::superscript;
use crate::nn::{BiasMode, Phase, Stepper};
use crate::tui::app::App;
use crate::tui::selection::Selection;

/// One or two sentences on what the phase does and why.
pub fn explanation(s: &Stepper, phase: Phase) -> String {
    let network = s.network();
    let depth = network.depth();
    match phase {
        Phase::Start if s.completed() == 0 => "The network before training. Press Space for \
             the first phase: the forward pass feeds a batch of samples through the network."
            .into(),
        Phase::Start => format!(
            "The network as {} earlier iterations left it. Press Space for the first phase of \
             the next one.",
            s.completed()
        ),
        Phase::Forward(l) => format!(
            "Forward pass, layer {l}: each neuron adds up its inputs {} weighted by its row of \
             {}, adds its bias, and applies f ({}).",
            value_name(depth, l - 1),
            network.matrix_name(l),
            network.layers[l - 1].activation.name()
        ),
        Phase::Loss => format!(
            "The loss compares the outputs O with the targets d: {}. Training makes it smaller.",
            s.training().loss.formula()
        ),
        Phase::OutputDelta => "Output delta: how much the cost changes with each output \
             neuron's net input, δ = ∂C/∂net = dC/dO · f′(net). A large error changes the \
             weights a lot, a small one a little."
            .into(),
        Phase::HiddenDelta(l) => format!(
            "Hidden delta, layer {l}: the error flows back through {} (as it was before its \
             update), weighted by the same weights, times f′(net) of this layer.",
            network.matrix_name(l + 1)
        ),
        Phase::Gradients => "Gradients: each weight's share of the error, ∂C/∂W = δ·aᵀ \
             averaged over the batch (and ∂C/∂b = δ)."
            .into(),
        Phase::Update(l) => format!(
            "Update {}: step in the opposite direction of the gradient, scaled by the \
             learning rate η. {} is updated first, then the layers before it.",
            network.matrix_name(l),
            network.matrix_name(depth)
        ),
        Phase::Done => "The iteration is complete: the costs over the whole training (and \
             validation) set are recomputed and added to the plots. Space starts the next one."
            .into(),
    }
}

/// The phase's formula in symbols.
pub fn formula(s: &Stepper, phase: Phase) -> String {
    let network = s.network();
    let depth = network.depth();
    match phase {
        Phase::Start => String::new(),
        Phase::Forward(l) => {
            let sup = superscript(l);
            let bias = if network.bias == BiasMode::None {
                String::new()
            } else {
                format!(" + b{sup}")
            };
            format!(
                "net{sup} = {}·{}{bias},  {} = {}",
                network.matrix_name(l),
                value_name(depth, l - 1),
                value_name(depth, l),
                network.layers[l - 1].activation.formula(),
            )
        }
        Phase::Loss => s.training().loss.formula().into(),
        Phase::OutputDelta => format!(
            "δ = dC/dO · f′(net);  {};  {}",
            s.training().loss.derivative_formula(),
            network.layers[depth - 1].activation.derivative_formula()
        ),
        Phase::HiddenDelta(l) => format!(
            "δ{sup} = ({}ᵀ δ{}) ⊙ f′(net{sup})",
            network.matrix_name(l + 1),
            superscript(l + 1),
            sup = superscript(l)
        ),
        Phase::Gradients => "∂C/∂W = mean over the batch of δ·aᵀ".into(),
        Phase::Update(l) => format!("{m} ← {m} − η·∂C/∂{m}", m = network.matrix_name(l)),
        Phase::Done => "costs over the whole sets".into(),
    }
}

/// The formula with this iteration's numbers for the selection.
pub fn worked(app: &App) -> Option<String> {
    worked_with(&app.run.stepper, app.selection(), app.views.precision)
}

/// The formula with `s`'s numbers for `selection`, at `precision` decimals.
pub fn worked_with(s: &Stepper, selection: Option<Selection>, precision: usize) -> Option<String> {
    let explain = Explain::new(s, precision);
    let phase = s.phase();
    let depth = s.network().depth();
    let numbers = Numbers { precision };
    match (phase, selection?) {
        (Phase::Forward(l), Selection::Neuron { layer, index }) if layer == l => {
            Some(explain.forward(l, index, 0))
        }
        (Phase::Loss, _) => Some(explain.loss(0)),
        (Phase::OutputDelta, Selection::Neuron { layer, index }) if layer == depth => {
            Some(explain.output_delta(index, 0))
        }
        (Phase::HiddenDelta(l), Selection::Neuron { layer, index }) if layer == l => {
            Some(explain.hidden_delta(l, index, 0))
        }
        (Phase::Gradients, Selection::Weight { layer, row, col }) => {
            Some(explain.gradient(layer, row, col))
        }
        (Phase::Update(_), Selection::Weight { layer, row, col }) => {
            Some(explain.update(layer, row, col))
        }
        (Phase::Done, _) => {
            let (b, a) = (s.costs_before(), s.costs());
            let loss = s.training().loss;
            Some(format!(
                "{} over the training set: {} → {}",
                loss.name(),
                numbers.show(b.of_loss(loss)),
                numbers.show(a.of_loss(loss))
            ))
        }
        (_, Selection::Neuron { layer, index }) if s.reached(Phase::Forward(layer.max(1))) => {
            let ws = s.workspace();
            let v = if layer == 0 {
                ws.input[(index, 0)]
            } else {
                ws.out[layer - 1][(index, 0)]
            };
            Some(format!(
                "{} = {}",
                indexed(&value_name(depth, layer), &[index]),
                numbers.show(v)
            ))
        }
        (_, Selection::Weight { layer, row, col }) => {
            let name = indexed(&s.network().matrix_name(layer), &[row, col]);
            let (old, new) = (
                s.weights_before().layers[layer - 1].weights[(row, col)],
                s.network().layers[layer - 1].weights[(row, col)],
            );
            Some(if old == new {
                format!("{name} = {}", numbers.show(old))
            } else {
                format!("{name} = {} → {}", numbers.show(old), numbers.show(new))
            })
        }
        _ => None,
    }
}

/// Draws the panel.
pub fn render_phase(frame: &mut Frame, area: Rect, app: &App) {
    let s = &app.run.stepper;
    let phase = s.phase();
    let theme = app.theme;
    let mut lines = Vec::new();
    if let Some(notice) = &app.notice {
        lines.push(Line::styled(notice.clone(), theme.notice()));
        lines.push(Line::from(""));
    }
    // The numbers first: on a small screen they are what must stay visible.
    if let Some(w) = worked(app) {
        lines.push(Line::from(vec![
            Span::styled("numbers  ", theme.dim()),
            Span::styled(w, theme.active()),
        ]));
    }
    let f = formula(s, phase);
    if !f.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("formula  ", theme.dim()),
            Span::raw(f),
        ]));
    }
    if lines.len() > usize::from(app.notice.is_some()) * 2 {
        lines.push(Line::from(""));
    }
    lines.push(Line::from(explanation(s, phase)));
    let batch = s.samples().len();
    if phase != Phase::Start && batch > 1 {
        lines.push(Line::styled(
            format!(
                "(for sample {}, the first of this batch of {batch}; the gradients average all {batch})",
                s.samples()[0] + 1
            ),
            theme.dim(),
        ));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(format!(" {phase} "), theme.title()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
