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

pub mod boundary;
pub mod classes;
pub mod compare;
pub mod costs;
pub mod digits;
pub mod export;
pub mod focus;
pub mod health;
pub mod help;
pub mod image;
pub mod layers;
pub mod lesson;
pub mod network;
pub mod phase;
pub mod picker;
pub mod plots;
pub mod question;
pub mod rows;
pub mod settings;
pub mod status;
pub mod values;
pub mod wrap;
pub mod zoom;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::App;
use super::focus::Focus;
use super::layout::{Regions, by_layer, popup_area, regions, zoomed};
use super::panel::Panel;
use super::views::Popup;
use crate::nn::Phase;
use crate::words;

/// The smallest terminal the app draws in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        render_too_small(frame, area);
        return;
    }
    render_screen(frame, area, app);
    render_popup(frame, area, app);
    if let Some(s) = &app.settings {
        settings::render_settings(frame, area, app, s);
    }
    if let Some(cursor) = app.export_menu {
        export::render_export(frame, area, app, cursor);
    }
    render_base(frame, app);
}

/// The compare screen or the main screen in `area`, without the popup.
pub fn render_screen(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(comparison) = &app.comparison {
        compare::render_compare(frame, area, app, comparison);
    } else {
        render_main(frame, area, app);
    }
}

/// Where the main screen's panels go in `area`: charts too short to read become one-line
/// summaries and the phase panel takes their rows, except in the Loss phase and beside the
/// classes view.
pub fn main_regions(area: Rect, app: &App) -> Regions {
    let regions = regions(area, app.scenario.image);
    let loss = app.run.stepper.phase() == Phase::Loss;
    if loss || app.views.shows(Panel::Classes) {
        regions
    } else {
        regions.compacted()
    }
}

/// The main screen: the status line, the panels (or what `z` and `Z` put over them), the
/// key bar.
fn render_main(frame: &mut Frame, area: Rect, app: &App) {
    let regions = regions(area, app.scenario.image);
    status::render_status(frame, regions.status, app);
    if let Some(enlarged) = app.views.enlarged {
        zoom::render_enlarged(frame, &zoomed(area, app.scenario.image), app, enlarged);
    } else {
        let loss = app.run.stepper.phase() == Phase::Loss;
        let regions = main_regions(area, app);
        phase::render_phase(frame, regions.phase, app);
        if loss {
            render_loss(frame, &regions, app);
        } else {
            render_panels(frame, &regions, app);
        }
        if app.views.focus.is_some() {
            focus::render_focus(frame, &focused(&regions, app), app.theme);
        }
    }
    status::render_keys(frame, regions.keys, app);
}

/// The areas of the panel that has the focus (the views drawn in a panel's place count as
/// that panel).
fn focused(regions: &Regions, app: &App) -> Vec<Rect> {
    let loss = app.run.stepper.phase() == Phase::Loss;
    let health = app.views.shows(Panel::Health) || app.views.shows(Panel::Boundary);
    let with_image = |area: Rect| regions.image.map_or(area, |image| image.union(area));
    match app.focus() {
        Focus::Diagram | Focus::Values if health && !loss => {
            vec![with_image(regions.network).union(regions.values)]
        }
        Focus::Diagram => vec![with_image(regions.network)],
        Focus::Phase => vec![regions.phase],
        Focus::Values if loss => vec![regions.below_top()],
        Focus::Values => vec![regions.values],
        Focus::Charts if app.views.shows(Panel::Classes) => {
            vec![regions.mse.union(regions.cross_entropy), regions.error]
        }
        Focus::Charts => vec![regions.mse, regions.cross_entropy, regions.error],
    }
}

/// The light theme's dark text and light background wherever a panel left the terminal's
/// own; nothing otherwise.
fn render_base(frame: &mut Frame, app: &App) {
    let base = app.theme.base();
    let (Some(fg), Some(bg)) = (base.fg, base.bg) else {
        return;
    };
    for cell in frame.buffer_mut().content.iter_mut() {
        if cell.fg == Color::Reset {
            cell.fg = fg;
        }
        if cell.bg == Color::Reset {
            cell.bg = bg;
        }
    }
}

/// The Loss phase: the diagram (or the health view) above the cost table, which takes the
/// values panel's and the charts' place.
fn render_loss(frame: &mut Frame, regions: &Regions, app: &App) {
    if app.views.shows(Panel::Boundary) {
        boundary::render_boundary(frame, regions.network, app, &app.run);
    } else if app.views.shows(Panel::Health) {
        health::render_health(frame, regions.network, app, &app.run, None);
    } else {
        render_diagram(frame, regions.network, regions.image, app);
    }
    costs::render_cost_table(frame, regions.below_top(), app, &app.run.stepper, None);
}

/// The network in `network`, neuron by neuron or a layer a line, with the input image in
/// `image` when the inputs are images.
pub fn render_diagram(frame: &mut Frame, network: Rect, image: Option<Rect>, app: &App) {
    if by_layer(&app.run.stepper.network().sizes()) {
        layers::render_layers(frame, network, app);
    } else {
        network::render_network(frame, network, app);
    }
    if let (Some(area), Some(shape)) = (image, app.scenario.image) {
        image::render_image(frame, area, app, shape);
    }
}

/// Every other phase: the diagram and values (or the boundary or health view), and the
/// charts (or the classes view).
fn render_panels(frame: &mut Frame, regions: &Regions, app: &App) {
    if app.views.shows(Panel::Boundary) {
        let area = regions.network.union(regions.values);
        boundary::render_boundary(frame, area, app, &app.run);
    } else if app.views.shows(Panel::Health) {
        health::render_health(
            frame,
            regions.network.union(regions.values),
            app,
            &app.run,
            None,
        );
    } else {
        render_diagram(frame, regions.network, regions.image, app);
        values::render_values(frame, regions.values, app);
    }
    if app.views.shows(Panel::Classes) {
        classes::render_classes(
            frame,
            regions.mse.union(regions.cross_entropy),
            app,
            &app.run,
            None,
        );
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
        Line::from(words!("view-too-small")),
        Line::from(words!(
            "view-too-small-sizes",
            need = format!("{}×{}", MIN_SIZE.0, MIN_SIZE.1),
            have = format!("{}×{}", area.width, area.height)
        )),
        Line::from(words!("view-too-small-hint")),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
