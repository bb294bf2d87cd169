//! Drawing, one file per panel. The screen:
//!
//! ```text
//! ┌ status: scenario · epoch · iteration k/n · phase · mode · η · run state ───────────┐
//! ┌ network (V, W, values, highlights) ──┐┌ phase: what happens, formula, numbers ──────┐
//! │                                      ││                                             │
//! └──────────────────────────────────────┘└─────────────────────────────────────────────┘
//! ┌ values: matrices, δ, gradients, ─────┐┌ MSE ─────────────┐┌ cross-entropy ─────────┐
//! │ old → new                            ││                  ││                        │
//! │                                      │└──────────────────┘└────────────────────────┘
//! │                                      │┌ classification error ──────────────────────┐
//! └──────────────────────────────────────┘└────────────────────────────────────────────┘
//!  keys: Space next · ← back · n iteration · e epoch · r run · ? help · q quit
//! ```

pub mod classes;
pub mod compare;
pub mod health;
pub mod help;
pub mod image;
pub mod network;
pub mod phase;
pub mod picker;
pub mod plots;
pub mod status;
pub mod values;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Popup};

/// The smallest terminal the app draws in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Where each panel goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Regions {
    /// The top line.
    pub status: Rect,
    /// The diagram.
    pub network: Rect,
    /// The current input drawn as an image, when the scenario's inputs are images.
    pub image: Option<Rect>,
    /// The phase's explanation.
    pub phase: Rect,
    /// Matrices and vectors.
    pub values: Rect,
    /// The MSE chart.
    pub mse: Rect,
    /// The cross-entropy chart.
    pub cross_entropy: Rect,
    /// Classification error.
    pub error: Rect,
    /// The bottom line.
    pub keys: Rect,
}

/// Splits the screen into the panels; `image` (rows, columns) makes room for the input
/// image beside the diagram.
pub fn layout(area: Rect, image: Option<(usize, usize)>) -> Regions {
    let [status, middle, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(middle);
    let [network, values] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(left);
    let [phase, charts, error] = Layout::vertical([
        Constraint::Percentage(45),
        Constraint::Min(6),
        Constraint::Length(4),
    ])
    .areas(right);
    let [mse, cross_entropy] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts);
    let (image, network) = match image {
        Some((_, cols)) => {
            let [image, network] =
                Layout::horizontal([Constraint::Length(cols as u16 * 2 + 2), Constraint::Min(0)])
                    .areas(network);
            (Some(image), network)
        }
        None => (None, network),
    };
    Regions {
        status,
        image,
        network,
        phase,
        values,
        mse,
        cross_entropy,
        error,
        keys,
    }
}

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        render_too_small(frame, area);
        return;
    }
    if let Some(comparison) = &app.comparison {
        compare::render_compare(frame, area, app, comparison);
        render_popup(frame, area, app);
        return;
    }
    let regions = layout(area, app.scenario.image);
    status::render_status(frame, regions.status, app);
    phase::render_phase(frame, regions.phase, app);
    if app.show_health {
        health::render_health(frame, regions.network.union(regions.values), app);
    } else {
        network::render_network(frame, regions.network, app);
        if let (Some(area), Some(shape)) = (regions.image, app.scenario.image) {
            image::render_image(frame, area, app, shape);
        }
        values::render_values(frame, regions.values, app);
    }
    if app.show_classes {
        classes::render_classes(frame, regions.mse.union(regions.cross_entropy), app);
        plots::render_error(frame, regions.error, app);
    } else {
        plots::render_plots(frame, &regions, app);
    }
    status::render_keys(frame, regions.keys, app);
    render_popup(frame, area, app);
}

fn render_popup(frame: &mut Frame, area: Rect, app: &App) {
    match &app.popup {
        Some(Popup::Help) => help::render_help(frame, area, app),
        Some(Popup::Picker { entries, cursor }) => {
            picker::render_picker(frame, area, app, entries, *cursor);
        }
        None => {}
    }
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("terminal too small"),
        Line::from(format!(
            "need {}×{}, have {}×{}",
            MIN_SIZE.0, MIN_SIZE.1, area.width, area.height
        )),
        Line::from("enlarge the window, or press q to quit"),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A rectangle of at most `width` × `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
