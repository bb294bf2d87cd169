//! What `z` and `Z` draw between the status line and the key bar: the focused panel over the
//! whole screen, or the phase's result in large digits.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{classes, costs, digits, health, phase, plots, values};
use crate::nn::{Cost, Phase};
use crate::tui::app::App;
use crate::tui::focus::{Enlarged, Focus};
use crate::tui::layout::Zoomed;
use crate::tui::panel::Panel;
use crate::tui::theme::Theme;
use crate::words;

/// Draws `enlarged` into the zoomed `areas`.
pub fn render_enlarged(frame: &mut Frame, areas: &Zoomed, app: &App, enlarged: Enlarged) {
    let area = areas.area;
    match (enlarged, app.focus()) {
        (Enlarged::Digits, _) => digits::render_digits(frame, area, app),
        (Enlarged::Panel, Focus::Diagram) if app.views.shows(Panel::Health) => {
            health::render_health(frame, area, app, &app.run, None);
        }
        (Enlarged::Panel, Focus::Diagram) => {
            super::render_diagram(frame, areas.network, areas.image, app);
        }
        (Enlarged::Panel, Focus::Phase) => phase::render_phase(frame, area, app),
        (Enlarged::Panel, Focus::Values) if app.run.stepper.phase() == Phase::Loss => {
            costs::render_cost_table(frame, area, app, &app.run.stepper, None);
        }
        (Enlarged::Panel, Focus::Values) if app.views.shows(Panel::Health) => {
            health::render_health(frame, area, app, &app.run, None);
        }
        (Enlarged::Panel, Focus::Values) => values::render_values(frame, area, app),
        (Enlarged::Panel, Focus::Charts) => render_charts(frame, areas, app),
    }
    if enlarged == Enlarged::Panel {
        render_back(frame, areas, app.theme);
    }
}

/// The charts (or the classes view) above the classification error chart.
fn render_charts(frame: &mut Frame, areas: &Zoomed, app: &App) {
    let [mse, cross_entropy] = areas.charts;
    if app.views.shows(Panel::Classes) {
        classes::render_classes(frame, mse.union(cross_entropy), app, &app.run, None);
    } else {
        plots::render_chart(frame, mse, app, Cost::Mse);
        plots::render_chart(frame, cross_entropy, app, plots::cross_entropy_cost(app));
    }
    plots::render_error(frame, areas.error, app);
}

/// How to go back, on the bottom border's left, where no panel writes.
fn render_back(frame: &mut Frame, areas: &Zoomed, theme: Theme) {
    let hint = format!(" {} ", words!("zoom-back"));
    let width = (hint.width() as u16).min(areas.area.width.saturating_sub(2));
    let bottom = areas.area.bottom().saturating_sub(1);
    let area = Rect::new(areas.area.x + 1, bottom, width, 1);
    frame.render_widget(Paragraph::new(Line::styled(hint, theme.dim())), area);
}
