//! The compare screen: per copy the current phase's numbers side by side (or its gradient
//! health, `g`), each cost chart with every copy's curve overlaid and a legend in its title
//! (or per copy its cost table at the Loss phase, its confusion matrix with `v`), and a
//! summary table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Chart, Dataset, GraphType, Paragraph, Row, Table};
use unicode_width::UnicodeWidthStr;

use super::classes::render_classes;
use super::costs::render_cost_table;
use super::health::render_health;

use super::phase::worked_with;
use super::plots::{cross_entropy_cost, fitted, x_axis, y_axis};
use crate::nn::health::layer_health;
use crate::nn::{Cost, Phase};
use crate::scenario::compare::first_to_last;
use crate::selection::default_selection;
use crate::text::compare::setting_name;
use crate::text::notation::{
    Numbers, compact, cost_name, cost_short_name, mode_short_name, scientific,
};
use crate::tui::app::App;
use crate::tui::compare::Comparison;
use crate::tui::curves::{bounds, scaled, y_exponent};
use crate::tui::layout::{compare_regions, side_by_side};
use crate::tui::panel::Panel;
use crate::tui::run::Run;
use crate::words;

/// Each copy's colour and marker (the marker tells them apart without colour), with the
/// marker's symbol for the legend.
fn look(app: &App, i: usize) -> (Style, Marker, &'static str) {
    const COLORS: [Color; 4] = [
        Color::LightBlue,
        Color::LightRed,
        Color::LightGreen,
        Color::Yellow,
    ];
    const MARKERS: [(Marker, &str); 4] = [
        (Marker::Braille, "⠶"),
        (Marker::Dot, "•"),
        (Marker::Block, "█"),
        (Marker::Bar, "▄"),
    ];
    let style = if app.theme.color {
        Style::new().fg(COLORS[i % 4])
    } else {
        Style::new()
    };
    let (marker, symbol) = MARKERS[i % 4];
    (style, marker, symbol)
}

/// Draws the whole compare screen between the status line and the key bar.
pub fn render_compare(frame: &mut Frame, area: Rect, app: &App, cmp: &Comparison) {
    let regions = compare_regions(area, cmp.runs.len());
    render_status(frame, regions.status, app, cmp);
    let top = regions.runs[0].union(regions.runs[regions.runs.len() - 1]);
    let charts = regions.mse.union(regions.cross_entropy);
    let loss = cmp.lead().phase() == Phase::Loss;
    let classes = app.views.shows(Panel::Classes) && !loss;
    if app.views.shows(Panel::Health) {
        // The health view takes the charts' place too when nothing else needs it.
        let area = if loss || classes {
            top
        } else {
            top.union(charts)
        };
        per_copy(frame, area, cmp, |frame, column, run| {
            render_health(frame, column, app, run, Some(&run.label));
        });
    } else {
        render_runs(frame, &regions.runs, app, cmp);
    }
    if loss {
        per_copy(frame, charts, cmp, |frame, column, run| {
            render_cost_table(frame, column, app, &run.stepper, Some(&run.label));
        });
    } else if classes {
        per_copy(frame, charts, cmp, |frame, column, run| {
            render_classes(frame, column, app, run, Some(&run.label));
        });
    } else if !app.views.shows(Panel::Health) {
        render_overlay(frame, regions.mse, app, cmp, Cost::Mse);
        let cost = cross_entropy_cost(app);
        render_overlay(frame, regions.cross_entropy, app, cmp, cost);
    }
    render_summary(frame, regions.summary, app, cmp);
    super::status::render_keys(frame, regions.keys, app);
}

/// Draws a panel per copy with `draw`, side by side in `area`.
fn per_copy(
    frame: &mut Frame,
    area: Rect,
    cmp: &Comparison,
    draw: impl Fn(&mut Frame, Rect, &Run),
) {
    for (run, column) in cmp.runs.iter().zip(side_by_side(area, cmp.runs.len())) {
        draw(frame, column, run);
    }
}

/// The scenario's name, what is compared, the progress and how to leave; the name gives
/// way last.
fn render_status(frame: &mut Frame, area: Rect, app: &App, cmp: &Comparison) {
    let (mut parts, mut order) = super::status::progress(cmp.lead(), app);
    let compared = words!(
        "view-compare-status",
        setting = setting_name(&cmp.setting),
        copies = cmp.runs.len().to_string()
    );
    let copies = words!(
        "view-compare-status-short",
        copies = cmp.runs.len().to_string()
    );
    parts.insert(0, vec![compared, copies, String::new()]);
    order.iter_mut().for_each(|part| *part += 1);
    parts.push(vec![words!("view-compare-leave"), String::new()]);
    order.splice(0..0, [5]);
    order.extend([0, 0]);
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
                cost_name(t.loss.into()),
                compact(t.learning_rate),
                mode_short_name(t.mode)
            ),
            app.theme.dim(),
        )];
        // The notice's lines about this copy (each starts with its label).
        let own = format!("{}: ", run.label);
        let notice: Vec<&str> = app
            .notice
            .iter()
            .flat_map(|n| n.lines())
            .filter(|line| line.starts_with(&own))
            .collect();
        if !notice.is_empty() {
            for line in notice {
                lines.push(Line::styled(line.to_string(), app.theme.notice()));
            }
        } else if let Some(stop) = run.halted() {
            // A copy a stop rule halted waits while the others go on: it says why.
            let why = crate::text::stop::describe(&stop);
            lines.push(Line::styled(why, app.theme.notice()));
        }
        match worked_with(s, selection, app.sample_of(s), app.views.precision) {
            Some(w) => lines.push(Line::styled(w, app.theme.active())),
            None => lines.push(Line::from(crate::text::phase::explanation(s, s.phase()))),
        }
        // At the Loss phase the cost tables below show it, sample by sample.
        if let Some(loss) = s.loss().filter(|_| s.phase() != Phase::Loss) {
            let numbers = Numbers {
                precision: app.views.precision,
            };
            lines.push(Line::from(words!(
                "view-compare-batch-loss",
                loss = cost_name(t.loss.into()),
                value = numbers.show(loss)
            )));
        }
        let (style, _, _) = look(app, i);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Line::styled(format!(" {} ", run.label), style));
        let width = block.inner(*column).width as usize;
        frame.render_widget(
            Paragraph::new(super::wrap::wrap(lines, width)).block(block),
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
    let exponent = y_exponent(&refs);
    let series: Vec<Vec<(f64, f64)>> = series.into_iter().map(|s| scaled(s, exponent)).collect();
    let refs: Vec<&[(f64, f64)]> = series.iter().map(Vec::as_slice).collect();
    let (x, y) = bounds(&refs);
    let datasets: Vec<Dataset> = series
        .iter()
        .enumerate()
        .map(|(i, data)| {
            let (style, marker, _) = look(app, i);
            Dataset::default()
                .marker(marker)
                .graph_type(GraphType::Line)
                .style(style)
                .data(data)
        })
        .collect();
    let chart = Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(legend_title(app, cmp, cost, area.width)),
        )
        .legend_position(None)
        .x_axis(x_axis(app, x))
        .y_axis(y_axis(app, y, exponent, false));
    frame.render_widget(chart, area);
}

/// A chart's title: the cost's name, then the legend, each copy's marker and label in its
/// colour, on the border rather than over the curves.
fn legend_title(app: &App, cmp: &Comparison, cost: Cost, width: u16) -> Line<'static> {
    let legend: Vec<Span<'static>> = cmp
        .runs
        .iter()
        .enumerate()
        .map(|(i, run)| {
            let (style, _, symbol) = look(app, i);
            Span::styled(format!("{symbol} {} ", run.label), style)
        })
        .collect();
    let legend_width: usize = legend.iter().map(|s| s.content.width()).sum();
    let name = fitted(
        &[
            format!(
                " {}: ",
                words!("view-compare-every-copy", cost = cost_name(cost))
            ),
            format!(" {}: ", cost_name(cost)),
            format!(" {}: ", cost_short_name(cost)),
        ],
        width.saturating_sub(legend_width as u16),
    );
    let mut spans = vec![Span::styled(name, app.theme.title())];
    spans.extend(legend);
    Line::from(spans)
}

/// The summary table under the charts: per copy its last costs, accuracy, epochs to the
/// target and |δ¹|/|δᴸ|. Each column is as wide as its widest line, so no number is cut.
fn render_summary(frame: &mut Frame, area: Rect, app: &App, cmp: &Comparison) {
    let cross = cross_entropy_cost(app);
    let names = [
        words!("compare-copy"),
        cost_name(Cost::Mse),
        cost_name(cross),
        cost_name(Cost::ClassificationError),
        words!("compare-accuracy"),
        words!("compare-epochs-to-target"),
        "|δ¹|/|δᴸ|".to_string(),
    ];
    // Two lines a header, broken at the last space, so no word is cut.
    let header = names.map(|n| match n.rsplit_once(' ') {
        Some((first, last)) => format!("{first}\n{last}"),
        None => n,
    });
    let rows: Vec<[String; 7]> = cmp
        .runs
        .iter()
        .map(|c| summary_row(app, c, cross))
        .collect();
    let widest = |cell: &String| cell.lines().map(|l| l.width()).max().unwrap_or(0);
    let needed: Vec<usize> = (0..header.len())
        .map(|k| {
            rows.iter()
                .map(|r| widest(&r[k]))
                .fold(widest(&header[k]), usize::max)
        })
        .collect();
    let (kept, label) = summary_columns(&needed, usize::from(area.width.saturating_sub(2)));
    let widths = kept.iter().map(|&k| match k {
        0 => Constraint::Min(label as u16),
        k => Constraint::Min(needed[k] as u16),
    });
    let pick = |cells: [String; 7]| kept.iter().map(|&k| cells[k].clone()).collect::<Vec<_>>();
    let styled = rows.into_iter().enumerate().map(|(i, cells)| {
        let mut cells: Vec<Cell> = pick(cells).into_iter().map(Cell::from).collect();
        cells[0] = cells[0].clone().style(look(app, i).0);
        Row::new(cells)
    });
    let header = pick(header);
    let title = words!(
        "view-compare-summary",
        cost = cost_name(cmp.target_cost),
        target = cmp.target.to_string()
    );
    let table = Table::new(styled, widths)
        .header(Row::new(header).height(2).style(app.theme.title()))
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Line::styled(format!(" {title} "), app.theme.title())),
        );
    frame.render_widget(table, area);
}

/// The columns of the summary table that fit in `room` cells, each as wide as it `needed`
/// (numbers are never cut), and the copy column's width. Where not all fit, |δ¹|/|δᴸ|, the
/// epochs to the target and the accuracy are left out, in that order, before a copy's
/// name is shortened below 8 cells; the costs are always shown.
fn summary_columns(needed: &[usize], room: usize) -> (Vec<usize>, usize) {
    let label = needed[0].min(8);
    let mut kept: Vec<usize> = (0..needed.len()).collect();
    let width = |kept: &[usize]| {
        let rest: usize = kept.iter().skip(1).map(|&k| needed[k] + 1).sum();
        rest + label
    };
    for drop in [6, 5, 4] {
        if width(&kept) <= room {
            break;
        }
        kept.retain(|&k| k != drop);
    }
    let rest = width(&kept) - label;
    (kept, needed[0].min(room.saturating_sub(rest)).max(1))
}

/// One copy's cells of the summary table; a copy that diverged says so instead of its costs,
/// which were growing without bound (its panel above says where and what to try).
fn summary_row(app: &App, c: &Run, cross: Cost) -> [String; 7] {
    let numbers = Numbers {
        precision: app.views.precision,
    };
    let reached = c
        .target
        .and_then(|t| t.reached())
        .map_or_else(|| words!("view-compare-not-yet"), |e| e.to_string());
    let dash = || "–".to_string();
    if let Some(d) = &c.diverged {
        let cell = words!("view-compare-diverged", epoch = d.epoch);
        return [
            c.label.clone(),
            cell,
            dash(),
            dash(),
            dash(),
            reached,
            dash(),
        ];
    }
    let last = c.curves.last().map(|p| p.train).unwrap_or_default();
    let ratio = if c.stepper.reached(Phase::Gradients) {
        first_to_last(&layer_health(c.stepper.network(), c.stepper.workspace()))
            .map_or_else(dash, |x| scientific(x, 1))
    } else {
        dash()
    };
    [
        c.label.clone(),
        numbers.show(last.mse),
        numbers.show(last.get(cross)),
        numbers.show(last.classification_error),
        format!("{:.1}%", 100.0 * (1.0 - last.classification_error)),
        reached,
        ratio,
    ]
}

#[cfg(test)]
mod tests {
    use super::summary_columns;

    /// Needed widths 18 (a long copy name), 6, 6, 6, 5, 8, 9. Every column after the first
    /// takes its width and a space: 7 + 7 + 7 + 6 + 9 + 10 = 46, so 64 cells hold all with the
    /// name whole; 55 hold all with the name at 55 − 46 = 9; 45 do not hold all with the
    /// name at 8 (54), so |δ¹|/|δᴸ| goes and the name gets 45 − 36 = 9; 40 lose the epochs
    /// too (27 + 8 = 35), the name gets 40 − 27 = 13; 30 lose the accuracy (21 + 8 = 29),
    /// the name gets 9.
    #[test]
    fn columns_that_do_not_fit_are_left_out_before_numbers_are_cut() {
        let needed = [18, 6, 6, 6, 5, 8, 9];
        assert_eq!(
            summary_columns(&needed, 64),
            (vec![0, 1, 2, 3, 4, 5, 6], 18)
        );
        assert_eq!(summary_columns(&needed, 55), (vec![0, 1, 2, 3, 4, 5, 6], 9));
        assert_eq!(summary_columns(&needed, 45), (vec![0, 1, 2, 3, 4, 5], 9));
        assert_eq!(summary_columns(&needed, 40), (vec![0, 1, 2, 3, 4], 13));
        assert_eq!(summary_columns(&needed, 30), (vec![0, 1, 2, 3], 9));
    }
}
