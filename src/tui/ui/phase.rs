//! The phase panel: what happens and why, the formula in symbols, and the same formula with
//! this iteration's numbers for the selected neuron or weight.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use unicode_width::UnicodeWidthStr;

use super::wrap::pad;
use crate::nn::{Phase, Stepper};
use crate::selection::Selection;
use crate::text::explain::Explain;
use crate::text::notation::{Numbers, cost_name, indexed, matrix_name, value_name};
use crate::text::phase::{explanation, formula};
use crate::tui::app::App;
use crate::tui::focus::Focus;
use crate::tui::practice::Question;
use crate::words;

/// The formula with this iteration's numbers for the selection.
pub fn worked(app: &App) -> Option<String> {
    worked_with(
        &app.run.stepper,
        app.selection(),
        app.sample(),
        app.views.precision,
    )
}

/// The formula with `s`'s numbers for `selection` and the batch's sample at position
/// `sample`, at `precision` decimals.
pub fn worked_with(
    s: &Stepper,
    selection: Option<Selection>,
    sample: usize,
    precision: usize,
) -> Option<String> {
    let explain = Explain::new(s, precision);
    let phase = s.phase();
    let depth = s.network().depth();
    let numbers = Numbers { precision };
    match (phase, selection?) {
        (Phase::Forward(l), Selection::Neuron { layer, index }) if layer == l => {
            Some(explain.forward(l, index, sample))
        }
        (Phase::Loss, _) => Some(explain.loss(sample)),
        (Phase::OutputDelta, Selection::Neuron { layer, index }) if layer == depth => {
            Some(explain.output_delta(index, sample))
        }
        (Phase::HiddenDelta(l), Selection::Neuron { layer, index }) if layer == l => {
            Some(explain.hidden_delta(l, index, sample))
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
            Some(words!(
                "worked-loss-over-training",
                loss = cost_name(loss.into()),
                before = numbers.show(b.get(loss.into())),
                after = numbers.show(a.get(loss.into()))
            ))
        }
        (_, Selection::Neuron { layer, index }) if s.reached(Phase::Forward(layer.max(1))) => {
            let ws = s.workspace();
            let v = if layer == 0 {
                ws.input[(index, sample)]
            } else {
                ws.out[layer - 1][(index, sample)]
            };
            Some(format!(
                "{} = {}",
                indexed(&value_name(depth, layer), &[index]),
                numbers.show(v)
            ))
        }
        (_, Selection::Weight { layer, row, col }) => {
            let name = indexed(&matrix_name(s.network().depth(), layer), &[row, col]);
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

/// The numbers and formula labels, padded to one width measured in columns.
fn labels() -> [String; 2] {
    let labels = [words!("view-phase-numbers"), words!("view-phase-formula")];
    let width = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 2;
    labels.map(|l| pad(&l, width))
}

/// The notice, if there is one, and a blank line after it.
fn notice(app: &App) -> Vec<Line<'static>> {
    match &app.notice {
        Some(notice) => vec![
            Line::styled(notice.clone(), app.theme.notice()),
            Line::from(""),
        ],
        None => Vec::new(),
    }
}

/// The panel's text while a practice question waits: the notice, the question (first: on a
/// small screen it must stay visible), the coming phase's formula in symbols and its
/// explanation. No number of that phase.
fn question_lines(app: &App, question: &Question) -> Vec<Line<'static>> {
    let s = &app.run.stepper;
    let mut lines = notice(app);
    let prompt = question.prompt(s.network().depth());
    lines.extend(super::question::question_lines(
        &question.answer,
        app.theme,
        &prompt,
    ));
    lines.push(Line::from(""));
    let [_, formula_label] = labels();
    let f = formula(s, question.phase);
    if !f.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(formula_label, app.theme.dim()),
            Span::raw(f),
        ]));
        lines.push(Line::from(""));
    }
    lines.push(Line::from(explanation(s, question.phase)));
    lines
}

/// The panel's text: the notice, the numbers, the formula, the scenario's description before
/// the first step, the explanation.
fn lines(app: &App) -> Vec<Line<'static>> {
    let s = &app.run.stepper;
    let phase = s.phase();
    let theme = app.theme;
    let mut lines = notice(app);
    // The numbers first: on a small screen they are what must stay visible.
    let [numbers_label, formula_label] = labels();
    if let Some(w) = worked(app) {
        lines.push(Line::from(vec![
            Span::styled(numbers_label, theme.dim()),
            Span::styled(w, theme.active()),
        ]));
    }
    let f = formula(s, phase);
    if !f.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(formula_label, theme.dim()),
            Span::raw(f),
        ]));
    }
    if lines.len() > usize::from(app.notice.is_some()) * 2 {
        lines.push(Line::from(""));
    }
    // Before the first step, what the scenario is for: the words that tie it to the lesson.
    let description = app.scenario.description.trim();
    if phase == Phase::Start && s.completed() == 0 && !description.is_empty() {
        lines.extend(description.lines().map(|l| Line::from(l.to_string())));
        lines.push(Line::from(""));
    }
    lines.push(Line::from(explanation(s, phase)));
    let batch = s.samples().len();
    if phase != Phase::Start && batch > 1 {
        let chosen = app.sample();
        lines.push(Line::styled(
            words!(
                "explain-chosen-of-batch",
                sample = s.samples()[chosen] + 1,
                position = chosen + 1,
                batch = batch
            ),
            theme.dim(),
        ));
    }
    lines
}

/// Draws the panel, scrolled by PgUp/PgDn while it has the focus, no further than its last
/// line, with a marker on the border wherever there is more to scroll to. While a practice
/// question waits, the panel is about the phase to come: "Next: …" and the question.
pub fn render_phase(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let (title, text) = match app.question() {
        Some(q) => (
            words!("practice-next", phase = crate::text::phase::name(q.phase)),
            question_lines(app, q),
        ),
        None => (
            crate::text::phase::name(app.run.stepper.phase()),
            lines(app),
        ),
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    let wrapped = super::wrap::wrap(text, inner.width as usize);
    let total = wrapped.len();
    let paragraph = Paragraph::new(wrapped);
    let height = inner.height as usize;
    let end = total.saturating_sub(height);
    app.views
        .phase_end
        .set(u16::try_from(end).unwrap_or(u16::MAX));
    let scroll = (app.views.phase_scroll as usize).min(end);
    let marker = |text: String| Line::styled(format!(" {text} "), theme.dim());
    if scroll > 0 {
        block = block.title(marker(words!("phase-more-above")).right_aligned());
    }
    if scroll + height < total {
        let more = if app.focus() == Focus::Phase {
            words!("phase-more-below")
        } else {
            words!("phase-more-below-unfocused")
        };
        block = block.title_bottom(marker(more).right_aligned());
    }
    frame.render_widget(paragraph.block(block).scroll((scroll as u16, 0)), area);
}
