//! The cost plots: the squared error (MSE, or half-MSE when that is the loss) and the
//! cross-entropy (binary for one sigmoid output) side by side, training and validation, and
//! the classification error as a number and a small trend line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Sparkline};
use unicode_width::UnicodeWidthStr;

use crate::nn::{Cost, Loss};
use crate::practice::Quantity;
use crate::text::notation::{Numbers, cost_name, cost_short_name, cost_symbol};
use crate::tui::app::App;
use crate::tui::curves::{XAxis, bounds, scaled, y_exponent};
use crate::tui::layout::{CHART_ROWS, Regions};
use crate::words;

/// Which cross-entropy suits the network (see [`Cost::cross_entropy_for`]), the same one
/// the cost table shows.
pub fn cross_entropy_cost(app: &App) -> Cost {
    let network = app.run.stepper.network();
    let last = &network.layers[network.depth() - 1];
    Cost::cross_entropy_for(last.weights.nrows(), last.activation)
}

/// The squared error the first chart shows: half-MSE when that is the loss being trained (so
/// that the chart and the loss panel show the same number under the same name), else MSE.
pub fn squared_error_cost(app: &App) -> Cost {
    match app.run.stepper.training().loss {
        Loss::HalfMse => Cost::HalfMse,
        _ => Cost::Mse,
    }
}

/// Draws both charts (or their one-line summaries in one box) and the classification error.
pub fn render_plots(frame: &mut Frame, regions: &Regions, app: &App) {
    if let Some(area) = regions.summary_box() {
        frame.render_widget(Block::default().borders(Borders::ALL), area);
    }
    render_chart(frame, regions.mse, app, squared_error_cost(app));
    render_chart(frame, regions.cross_entropy, app, cross_entropy_cost(app));
    render_error(frame, regions.error, app);
}

/// Whether the chart of `cost` would give away the number a question waits for: a practice
/// question's batch loss, when the chart plots that loss (over the whole training set, which
/// may be the batch), or the cost a lesson asks for. Its numbers are then written `?`.
fn asked(app: &App, cost: Cost) -> bool {
    let loss: Cost = app.run.stepper.training().loss.into();
    app.views.hidden == Some(cost)
        || app
            .question()
            .is_some_and(|q| q.quantity == Quantity::Loss && cost == loss)
}

/// The first of `titles` (longest first) that fits on the top border of a block `width`
/// cells wide, else the last.
pub fn fitted(titles: &[String], width: u16) -> String {
    let room = usize::from(width.saturating_sub(2));
    titles
        .iter()
        .find(|t| t.width() <= room)
        .or(titles.last())
        .cloned()
        .unwrap_or_default()
}

/// The chart's titles, longest first: the cost's name in full with its last values, then
/// without them; the short name only where the full one does not fit.
fn titles(app: &App, cost: Cost) -> Vec<String> {
    let numbers = Numbers {
        precision: app.views.precision,
    };
    let hidden = asked(app, cost);
    let shown = |v: f64| if hidden { "?".into() } else { numbers.show(v) };
    let mut titles = Vec::new();
    for name in [cost_name(cost), cost_short_name(cost)] {
        if let Some(p) = app.run.curves.last() {
            let value = format!("{name} {}", shown(p.train.get(cost)));
            if let Some(v) = p.validation {
                let validation = words!("view-plots-validation-value", value = shown(v.get(cost)));
                titles.push(format!(" {value} {validation} "));
            }
            titles.push(format!(" {value} "));
            titles.push(value);
        }
        titles.push(format!(" {name} "));
    }
    titles
}

/// One chart, titled with the cost's name in full and its last values as far as they fit;
/// too short to plot (below [`CHART_ROWS`]), a one-line summary of those numbers.
pub fn render_chart(frame: &mut Frame, area: Rect, app: &App, cost: Cost) {
    let theme = app.theme;
    let titles = titles(app, cost);
    if area.height < CHART_ROWS {
        // One line inside the box `render_plots` draws.
        // The numbers matter more than the name in full: the short name with its numbers
        // comes before the full name alone.
        let numbered = |t: &&String| t.chars().any(|c| c.is_ascii_digit());
        let ranked: Vec<String> = (titles.iter().filter(numbered))
            .chain(titles.iter().filter(|t| !numbered(t)))
            .cloned()
            .collect();
        let summary = fitted(&ranked, area.width + 2).trim().to_string();
        frame.render_widget(Paragraph::new(Line::styled(summary, theme.title())), area);
        return;
    }
    let series =
        |validation| (app.run.curves).series(cost, validation, app.views.x_axis, app.views.log_y);
    let (train, validation) = (series(false), series(true));
    let exponent = y_exponent(&[&train, &validation]);
    let (train, validation) = (scaled(train, exponent), scaled(validation, exponent));
    let (x, y) = bounds(&[&train, &validation]);
    let title = fitted(&titles, area.width);
    // The lesson's MSE is a sum over the outputs; the half-MSE some losses train on is half.
    let formula = cost_symbol(cost);
    let mut datasets = vec![
        Dataset::default()
            .name(words!("view-plots-training"))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.train())
            .data(&train),
    ];
    if !validation.is_empty() {
        datasets.push(
            Dataset::default()
                .name(words!("view-plots-validation"))
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(theme.validation())
                .data(&validation),
        );
    }
    let chart = Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Line::styled(title, theme.title())),
        )
        .x_axis(x_axis(app, x))
        .y_axis(
            y_axis(app, y, exponent, asked(app, cost)).title(Line::styled(formula, theme.dim())),
        );
    frame.render_widget(chart, area);
}

/// The x axis of a cost chart: its range, with the ends labelled in iterations or epochs.
pub fn x_axis(app: &App, x: [f64; 2]) -> Axis<'static> {
    let unit = match app.views.x_axis {
        XAxis::Iterations => words!("view-plots-unit-iterations"),
        XAxis::Epochs => words!("view-plots-unit-epochs"),
    };
    Axis::default()
        .bounds(x)
        .labels([short(x[0]), format!("{} {unit}", short(x[1]))])
}

/// The y axis of a cost chart whose values were divided by 10^`exponent` (see
/// [`y_exponent`]): its range, the ends labelled as the values (also on a log scale), or `?`
/// where they are `hidden`.
pub fn y_axis(app: &App, y: [f64; 2], exponent: i32, hidden: bool) -> Axis<'static> {
    let numbers = Numbers { precision: 3 };
    let label = |v: f64| {
        let value = v * 10f64.powi(exponent);
        if hidden {
            "?".to_string()
        } else if app.views.log_y {
            numbers.show(10f64.powf(v))
        } else if value.is_finite() {
            numbers.show(value)
        } else {
            format!("{}e{exponent}", numbers.show(v))
        }
    };
    Axis::default().bounds(y).labels([label(y[0]), label(y[1])])
}

/// A count in a few characters: 950, 12.5k, 8.8M (fractions for epochs below 10).
pub fn short(x: f64) -> String {
    let a = x.abs();
    if a >= 1e6 {
        format!("{:.1}M", x / 1e6)
    } else if a >= 1e4 {
        format!("{:.1}k", x / 1e3)
    } else if a >= 10.0 || x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

/// The classification error as numbers and a trend line.
pub fn render_error(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let name = cost_name(Cost::ClassificationError);
    let titles = [
        format!(" {name}: {} ", cost_symbol(Cost::ClassificationError)),
        format!(" {name} "),
    ];
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(fitted(&titles, area.width), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(last) = app.run.curves.last() else {
        return;
    };
    let percent = |error: f64| format!("{:.1}%", 100.0 * error);
    let training = percent(last.train.classification_error);
    let mut text = vec![Span::raw(words!("view-split-training", value = training))];
    if let Some(v) = last.validation {
        let validation = percent(v.classification_error);
        text.push(Span::raw(format!(
            "  {}",
            words!("view-split-validation", value = validation)
        )));
    }
    let label_width = text.iter().map(|s| s.content.width()).sum::<usize>() as u16 + 2;
    let width = inner.width.saturating_sub(label_width);
    let trend: Vec<u64> = app
        .run
        .curves
        .series(Cost::ClassificationError, false, app.views.x_axis, false)
        .iter()
        .map(|(_, e)| (e * 1000.0).round() as u64)
        .collect();
    let shown = &trend[trend.len().saturating_sub(width as usize)..];
    let [label, spark] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Length(label_width),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(Line::from(text)), label);
    frame.render_widget(
        Sparkline::default()
            .data(shown)
            .max(1000)
            .style(theme.train()),
        spark,
    );
}
