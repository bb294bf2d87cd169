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
pub mod costs;
pub mod health;
pub mod help;
pub mod image;
pub mod layers;
pub mod network;
pub mod phase;
pub mod picker;
pub mod plots;
pub mod rows;
pub mod status;
pub mod values;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::App;
use super::layout::{Regions, by_layer, popup_area, regions};
use super::panel::Panel;
use super::views::Popup;
use crate::nn::Phase;

/// The smallest terminal the app draws in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

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
    let regions = regions(area, app.scenario.image);
    status::render_status(frame, regions.status, app);
    if app.run.stepper.phase() == Phase::Loss {
        phase::render_phase(frame, regions.phase, app);
        render_loss(frame, &regions, app);
    } else if app.views.shows(Panel::Classes) {
        phase::render_phase(frame, regions.phase, app);
        render_panels(frame, &regions, app);
    } else {
        // Charts too short to read become one-line summaries; the phase panel takes the rows.
        let regions = regions.compacted();
        phase::render_phase(frame, regions.phase, app);
        render_panels(frame, &regions, app);
    }
    status::render_keys(frame, regions.keys, app);
    render_popup(frame, area, app);
}

/// The Loss phase: the diagram (or the health view) above the cost table, which takes the
/// values panel's and the charts' place.
fn render_loss(frame: &mut Frame, regions: &Regions, app: &App) {
    if app.views.shows(Panel::Health) {
        health::render_health(frame, regions.network, app);
    } else {
        render_diagram(frame, regions, app);
    }
    costs::render_cost_table(frame, regions.below_top(), app);
}

/// The network, neuron by neuron or a layer a line, with the input image beside it when the
/// inputs are images.
fn render_diagram(frame: &mut Frame, regions: &Regions, app: &App) {
    if by_layer(&app.run.stepper.network().sizes()) {
        layers::render_layers(frame, regions.network, app);
    } else {
        network::render_network(frame, regions.network, app);
    }
    if let (Some(area), Some(shape)) = (regions.image, app.scenario.image) {
        image::render_image(frame, area, app, shape);
    }
}

/// Every other phase: the diagram and values (or the health view), and the charts (or the
/// classes view).
fn render_panels(frame: &mut Frame, regions: &Regions, app: &App) {
    if app.views.shows(Panel::Health) {
        health::render_health(frame, regions.network.union(regions.values), app);
    } else {
        render_diagram(frame, regions, app);
        values::render_values(frame, regions.values, app);
    }
    if app.views.shows(Panel::Classes) {
        classes::render_classes(frame, regions.mse.union(regions.cross_entropy), app);
        plots::render_error(frame, regions.error, app);
    } else {
        plots::render_plots(frame, regions, app);
    }
}

fn render_popup(frame: &mut Frame, area: Rect, app: &App) {
    match &app.views.popup {
        Some(Popup::Help { scroll }) => help::render_help(frame, area, app, *scroll),
        Some(Popup::Picker { entries, cursor }) => {
            picker::render_picker(frame, popup_area(area), app, entries, *cursor);
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
