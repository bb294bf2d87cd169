//! The cost plots: MSE and cross-entropy side by side (training and validation), and the
//! classification error as a number and a small trend line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Sparkline};

use super::Regions;
use crate::nn::Activation;
use crate::tui::app::App;
use crate::tui::curves::{Measure, XAxis, bounds};

/// Which cross-entropy (CE) suits the network: binary for sigmoid outputs, categorical
/// otherwise.
pub fn cross_entropy_measure(app: &App) -> (Measure, &'static str) {
    let network = app.stepper.network();
    match network.layers[network.depth() - 1].activation {
        Activation::Sigmoid => (Measure::BinaryCrossEntropy, "binary CE"),
        _ => (Measure::CrossEntropy, "categorical CE"),
    }
}

/// Draws both charts and the classification error.
pub fn render_plots(frame: &mut Frame, regions: &Regions, app: &App) {
    render_chart(frame, regions.mse, app, Measure::Mse, "MSE");
    let (measure, name) = cross_entropy_measure(app);
    render_chart(frame, regions.cross_entropy, app, measure, name);
    render_error(frame, regions.error, app);
}

fn render_chart(frame: &mut Frame, area: Rect, app: &App, measure: Measure, name: &str) {
    let theme = app.theme;
    let train = app.curves.series(measure, false, app.x_axis, app.log_y);
    let validation = app.curves.series(measure, true, app.x_axis, app.log_y);
    let (x, y) = bounds(&[&train, &validation]);
    let last = app.curves.last();
    let mut title = format!(" {name}");
    if let Some(p) = last {
        title.push_str(&format!(" {:.4}", measure.of(&p.train)));
        if let Some(v) = p.validation {
            title.push_str(&format!(" (val {:.4})", measure.of(&v)));
        }
    }
    title.push(' ');
    let mut datasets = vec![
        Dataset::default()
            .name("training")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.train())
            .data(&train),
    ];
    if !validation.is_empty() {
        datasets.push(
            Dataset::default()
                .name("validation")
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(theme.validation())
                .data(&validation),
        );
    }
    let y_label = |v: f64| {
        if app.log_y {
            format!("1e{v:.1}")
        } else {
            format!("{v:.3}")
        }
    };
    let x_name = match app.x_axis {
        XAxis::Iterations => "iterations",
        XAxis::Epochs => "epochs",
    };
    let chart = Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Line::styled(title, theme.title())),
        )
        .x_axis(
            Axis::default()
                .bounds(x)
                .labels([format!("{:.0}", x[0]), format!("{:.0} {x_name}", x[1])]),
        )
        .y_axis(
            Axis::default()
                .bounds(y)
                .labels([y_label(y[0]), y_label(y[1])]),
        );
    frame.render_widget(chart, area);
}

fn render_error(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(" classification error ", theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(last) = app.curves.last() else {
        return;
    };
    let mut text = vec![Span::raw(format!(
        "training {:.1}%",
        100.0 * last.train.classification_error
    ))];
    if let Some(v) = last.validation {
        text.push(Span::raw(format!(
            "  validation {:.1}%",
            100.0 * v.classification_error
        )));
    }
    let width = inner.width.saturating_sub(30);
    let trend: Vec<u64> = app
        .curves
        .series(Measure::ClassificationError, false, app.x_axis, false)
        .iter()
        .map(|(_, e)| (e * 1000.0).round() as u64)
        .collect();
    let shown = &trend[trend.len().saturating_sub(width as usize)..];
    let [label, spark] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Length(30),
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
