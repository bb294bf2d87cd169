//! The compare screen: per copy the current phase's numbers side by side, each cost chart
//! with every copy's curve overlaid and labelled, and a summary table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Borders, Cell, Chart, Dataset, GraphType, Paragraph, Row, Table, Wrap,
};

use super::phase::worked_with;
use super::plots::{cross_entropy_cost, fitted, x_axis, y_axis};
use crate::nn::Cost;
use crate::nn::health::layer_health;
use crate::scenario::compare::first_to_last;
use crate::text::notation::{Numbers, compact, cost_name, cost_short_name};
use crate::tui::app::App;
use crate::tui::compare::Comparison;
use crate::tui::curves::bounds;
use crate::tui::layout::compare_regions;
use crate::tui::selection::default_selection;

/// Each copy's colour and marker (the marker tells them apart without colour).
fn look(app: &App, i: usize) -> (Style, Marker) {
    const COLORS: [Color; 4] = [
        Color::LightBlue,
        Color::LightRed,
        Color::LightGreen,
        Color::Yellow,
    ];
    const MARKERS: [Marker; 4] = [Marker::Braille, Marker::Dot, Marker::Block, Marker::Bar];
    let style = if app.theme.color {
        Style::new().fg(COLORS[i % 4])
    } else {
        Style::new()
    };
    (style, MARKERS[i % 4])
}

/// Draws the whole compare screen between the status line and the key bar.
pub fn render_compare(frame: &mut Frame, area: Rect, app: &App, cmp: &Comparison) {
    let regions = compare_regions(area, cmp.runs.len());
    render_status(frame, regions.status, app, cmp);
    render_runs(frame, &regions.runs, app, cmp);
    render_overlay(frame, regions.mse, app, cmp, Cost::Mse);
    let cost = cross_entropy_cost(app);
    render_overlay(frame, regions.cross_entropy, app, cmp, cost);
    render_summary(frame, regions.summary, app, cmp);
    super::status::render_keys(frame, regions.keys, app);
}

/// The scenario's name, what is compared, the progress and how to leave; the name gives
/// way last.
fn render_status(frame: &mut Frame, area: Rect, app: &App, cmp: &Comparison) {
    let (mut parts, mut order) = super::status::progress(cmp.lead(), app);
    let compared = format!("compare {} ({} copies)", cmp.setting, cmp.runs.len());
    parts.insert(0, vec![compared, String::new()]);
    order.iter_mut().for_each(|part| *part += 1);
    parts.push(vec!["c: leave".to_string(), String::new()]);
    order.splice(0..0, [5]);
    order.push(0);
    super::status::render_line(frame, area, app, &app.scenario.name, &parts, &order);
}

fn render_runs(frame: &mut Frame, columns: &[Rect], app: &App, cmp: &Comparison) {
    for (i, (run, column)) in cmp.runs.iter().zip(columns).enumerate() {
        let s = &run.stepper;
        let t = s.training();
        let selection = default_selection(s.phase(), s.network().depth());
        let mut lines = vec![Line::styled(
            format!(
                "{} · η = {} · {}",
                t.loss.name(),
                compact(t.learning_rate),
                t.mode.name()
            ),
            app.theme.dim(),
        )];
        if let Some(notice) = &app.notice
            && notice.starts_with(&run.label)
        {
            lines.push(Line::styled(notice.clone(), app.theme.notice()));
        }
        match worked_with(s, selection, app.views.precision) {
            Some(w) => lines.push(Line::styled(w, app.theme.active())),
            None => lines.push(Line::from(crate::text::phase::explanation(s, s.phase()))),
        }
        if let Some(loss) = s.loss() {
            lines.push(Line::from(format!(
                "batch {}: {}",
                t.loss.name(),
                Numbers {
                    precision: app.views.precision
                }
                .show(loss)
            )));
        }
        let (style, _) = look(app, i);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Line::styled(format!(" {} ", run.label), style));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            *column,
        );
    }
}

fn render_overlay(frame: &mut Frame, area: Rect, app: &App, cmp: &Comparison, cost: Cost) {
    let series: Vec<Vec<(f64, f64)>> = cmp
        .runs
        .iter()
        .map(|r| {
            r.curves
                .series(cost, false, app.views.x_axis, app.views.log_y)
        })
        .collect();
    let refs: Vec<&[(f64, f64)]> = series.iter().map(Vec::as_slice).collect();
    let (x, y) = bounds(&refs);
    let datasets: Vec<Dataset> = cmp
        .runs
        .iter()
        .zip(&series)
        .enumerate()
        .map(|(i, (run, data))| {
            let (style, marker) = look(app, i);
            Dataset::default()
                .name(run.label.clone())
                .marker(marker)
                .graph_type(GraphType::Line)
                .style(style)
                .data(data)
        })
        .collect();
    let chart = Chart::new(datasets)
        .block(Block::default().borders(Borders::ALL).title(Line::styled(
            fitted(
                &[
                    format!(" {}, every copy ", cost_name(cost)),
                    format!(" {} ", cost_name(cost)),
                    format!(" {} ", cost_short_name(cost)),
                ],
                area.width,
            ),
            app.theme.title(),
        )))
        .hidden_legend_constraints((Constraint::Percentage(100), Constraint::Percentage(100)))
        .x_axis(x_axis(app, x))
        .y_axis(y_axis(app, y));
    frame.render_widget(chart, area);
}

fn render_summary(frame: &mut Frame, area: Rect, app: &App, cmp: &Comparison) {
    let numbers = Numbers {
        precision: app.views.precision,
    };
    let header = Row::new(vec![
        "copy".to_string(),
        "MSE".into(),
        "cross-entropy".into(),
        "binary CE".into(),
        "class. error".into(),
        "accuracy".into(),
        "epochs to target".into(),
        "|δ¹|/|δᴸ|".into(),
    ])
    .style(app.theme.title());
    let rows = cmp.runs.iter().enumerate().map(|(i, c)| {
        let last = c.curves.last().map(|p| p.train).unwrap_or_default();
        let reached = c
            .epochs_to(cmp.target_cost, cmp.target)
            .map_or("not yet".to_string(), |e| format!("{e:.2}"));
        let (style, _) = look(app, i);
        let ratio = if c.stepper.reached(crate::nn::Phase::Gradients) {
            first_to_last(&layer_health(c.stepper.network(), c.stepper.workspace()))
                .map_or("–".to_string(), |x| format!("{x:.1e}"))
        } else {
            "–".to_string()
        };
        Row::new(vec![
            Cell::from(c.label.clone()).style(style),
            Cell::from(numbers.show(last.mse)),
            Cell::from(numbers.show(last.cross_entropy)),
            Cell::from(numbers.show(last.binary_cross_entropy)),
            Cell::from(numbers.show(last.classification_error)),
            Cell::from(format!("{:.1}%", 100.0 * (1.0 - last.classification_error))),
            Cell::from(reached),
            Cell::from(ratio),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Fill(2),
            Constraint::Fill(1),
        ],
    )
    .header(header)
    .block(Block::default().borders(Borders::ALL).title(Line::styled(
        format!(
            " summary (training set; target: {} ≤ {}) ",
            cmp.target_cost.name(),
            cmp.target
        ),
        app.theme.title(),
    )));
    frame.render_widget(table, area);
}
