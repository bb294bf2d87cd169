//! The phase's result in large digits (`Z`), for the back of a room: the number the phase is
//! about for the selected neuron or weight, its name in normal text above.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::nn::{Phase, Stepper};
use crate::selection::Selection;
use crate::text::notation::{Numbers, cost_name, delta_name, indexed, matrix_name, value_name};
use crate::tui::app::App;
use crate::words;

/// The number the phase is about for `selection`, with its name: an output in a forward
/// phase, the batch's loss, a δ, a gradient, a new weight, the loss over the training set
/// once the iteration is done (for the batch's sample at position `b` where it matters, as
/// in the phase panel).
pub fn result(s: &Stepper, selection: Option<Selection>, b: usize) -> Option<(String, f64)> {
    let ws = s.workspace();
    let depth = s.network().depth();
    let loss = s.training().loss;
    match (s.phase(), selection) {
        (Phase::Loss, _) => Some((
            words!("digits-loss", loss = cost_name(loss.into())),
            s.loss()?,
        )),
        (Phase::Done, _) => Some((
            words!("digits-loss-over-training", loss = cost_name(loss.into())),
            s.costs().get(loss.into()),
        )),
        (Phase::Forward(l), Some(Selection::Neuron { layer, index })) if layer == l => Some((
            indexed(&value_name(depth, l), &[index]),
            ws.out[l - 1][(index, b)],
        )),
        (Phase::OutputDelta, Some(Selection::Neuron { layer, index })) if layer == depth => {
            Some((delta_name(depth, index), ws.delta[depth - 1][(index, b)]))
        }
        (Phase::HiddenDelta(l), Some(Selection::Neuron { layer, index })) if layer == l => {
            Some((delta_name(l, index), ws.delta[l - 1][(index, b)]))
        }
        (Phase::Gradients, Some(Selection::Weight { layer, row, col })) => Some((
            format!("∂C/∂{}", indexed(&matrix_name(depth, layer), &[row, col])),
            ws.grad_weights[layer - 1][(row, col)],
        )),
        (Phase::Update(_), Some(Selection::Weight { layer, row, col })) => Some((
            words!(
                "digits-new-weight",
                weight = indexed(&matrix_name(depth, layer), &[row, col])
            ),
            s.network().layers[layer - 1].weights[(row, col)],
        )),
        _ => None,
    }
}

/// The largest glyphs of the crate's 8×8 font (halved where needed) that fit `chars`
/// characters in `area`, with their height in rows.
fn pixel_size(chars: usize, area: Rect) -> (PixelSize, u16) {
    let sizes = [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ];
    sizes
        .into_iter()
        .find(|&(_, width, height)| chars * width <= area.width as usize && height <= area.height)
        .map_or((PixelSize::Octant, 2), |(size, _, height)| (size, height))
}

/// Draws the result over `area`: its name, then the number in large digits (ASCII minus,
/// which the font has), centred.
pub fn render_digits(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(
            format!(" {} ", crate::text::phase::name(app.run.stepper.phase())),
            theme.title(),
        ))
        .title_bottom(
            Line::styled(format!(" {} ", words!("digits-back")), theme.dim()).right_aligned(),
        );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some((name, value)) = result(&app.run.stepper, app.selection(), app.sample()) else {
        let text = Paragraph::new(words!("digits-nothing-yet")).wrap(Wrap { trim: true });
        frame.render_widget(text.centered(), inner);
        return;
    };
    let number = Numbers {
        precision: app.views.precision,
    }
    .show(value)
    .replace('−', "-");
    let room = Rect {
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let (size, rows) = pixel_size(number.chars().count(), room);
    let [_, label, _, digits, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(rows),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::styled(name, theme.title())).centered(),
        label,
    );
    let big = BigText::builder()
        .pixel_size(size)
        .style(theme.active())
        .lines(vec![Line::from(number)])
        .centered()
        .build();
    frame.render_widget(big, digits);
}
