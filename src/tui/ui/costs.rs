//! The cost table of the Loss phase, as the lesson draws it: one row per sample of the batch
//! (its O, its d, whether its largest output is the right class, and its MSE, cross-entropy
//! and classification error), then the mean row. Long batches scroll (PgUp/PgDn) under a
//! header and a mean row that stay. In compare mode one per copy, side by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Borders, Cell, Row, Table};
use unicode_width::UnicodeWidthStr;

use super::wrap::cut;
use crate::nn::{Cost, Costs, Stepper};
use crate::text::notation::{Numbers, compact, cost_name, cost_short_name};
use crate::tui::app::App;
use crate::words;

/// The columns after O and d; their headers wrap onto two lines.
const HEADER_LINES: u16 = 2;

/// One sample's line of the table, or the mean row.
struct Entry {
    sample: String,
    outputs: String,
    targets: String,
    right: String,
    costs: [String; 3],
}

/// The costs the table shows: MSE, the cross-entropy that fits the output layer, and
/// classification error.
fn shown(s: &Stepper) -> [Cost; 3] {
    let last = &s.network().layers[s.network().depth() - 1];
    let cross_entropy = Cost::cross_entropy_for(last.weights.nrows(), last.activation);
    [Cost::Mse, cross_entropy, Cost::ClassificationError]
}

/// Marks the chosen sample's row where the batch has more than one.
const CHOSEN: &str = "▶";

/// Every sample of the batch, then the mean, at `numbers`' precision; the `hidden` cost is
/// written `?` (a lesson asks for it); the sample at position `chosen` is marked when the
/// batch has more than one.
fn entries(s: &Stepper, numbers: Numbers, hidden: Option<Cost>, chosen: usize) -> Vec<Entry> {
    let ws = s.workspace();
    let batch = s.samples().len();
    let width = ws.target.nrows();
    let outputs = &ws.out[s.network().depth() - 1].as_slice()[..width * batch];
    let targets = &ws.target.as_slice()[..width * batch];
    let costs = shown(s);
    let mut entries: Vec<Entry> = outputs
        .chunks_exact(width)
        .zip(targets.chunks_exact(width))
        .zip(s.samples())
        .enumerate()
        .map(|(b, ((o, d), sample))| {
            let c = Costs::of(o, d, width);
            let wrong = c.get(Cost::ClassificationError);
            let marker = match batch {
                1 => "",
                _ if b == chosen => CHOSEN,
                _ => " ",
            };
            Entry {
                sample: format!("{marker}{}", sample + 1),
                outputs: join(o, |x| numbers.show(x)),
                targets: join(d, compact),
                right: if wrong > 0.0 { "✗" } else { "✓" }.into(),
                costs: costs.map(|cost| match cost {
                    _ if Some(cost) == hidden => "?".into(),
                    Cost::ClassificationError => compact(wrong),
                    _ => numbers.show(c.get(cost)),
                }),
            }
        })
        .collect();
    let (sum, count) = Costs::totals(outputs, targets, width);
    let mean = sum.mean(count);
    entries.push(Entry {
        sample: words!("cost-table-mean"),
        outputs: String::new(),
        targets: String::new(),
        right: String::new(),
        costs: costs.map(|cost| match cost {
            _ if Some(cost) == hidden => "?".into(),
            Cost::ClassificationError => format!("{}/{count}", sum.get(cost)),
            _ => numbers.show(mean.get(cost)),
        }),
    });
    entries
}

/// The columns' headers, the costs named by `name`.
fn headers(s: &Stepper, name: fn(Cost) -> String) -> Vec<String> {
    [
        words!("cost-table-sample"),
        "O".to_string(),
        "d".to_string(),
        words!("cost-table-right"),
    ]
    .into_iter()
    .chain(shown(s).map(name))
    .collect()
}

fn join(values: &[f64], show: impl Fn(f64) -> String) -> String {
    values
        .iter()
        .map(|x| show(*x))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` broken at spaces into lines of at most `width` characters (a longer word keeps
/// its own line).
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.width() + 1 + word.width() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The widest word of `text`, so that a header wraps but never breaks a word.
fn longest_word(text: &str) -> usize {
    text.split(' ').map(|w| w.width()).max().unwrap_or(0)
}

/// The columns' widths in `room` cells with `spacing` between them: when they do not fit,
/// O and d (columns 1 and 2) give up what is missing, d keeping at most a third of theirs.
fn narrowed(mut widths: Vec<usize>, room: usize, spacing: usize) -> Vec<usize> {
    let others: usize = widths.iter().sum::<usize>() - widths[1] - widths[2];
    let left = room.saturating_sub(others + spacing * (widths.len() - 1));
    if widths[1] + widths[2] > left {
        widths[2] = widths[2].min(left / 3);
        widths[1] = left - widths[2];
    }
    widths
}

/// `text` in at most `width` cells, ending in … when cut.
fn clipped(text: &str, width: usize) -> String {
    if text.width() <= width {
        text.to_string()
    } else {
        format!("{}…", cut(text, width.saturating_sub(1)))
    }
}

/// Draws the table of `s`'s batch into `area`, scrolled by the values panel's scroll, the
/// chosen sample's row marked; in compare mode titled with the copy's label, `copy`.
pub fn render_cost_table(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &Stepper,
    copy: Option<&str>,
) {
    let numbers = Numbers {
        precision: app.views.precision,
    };
    let chosen = app.sample_of(s);
    let mut entries = entries(s, numbers, app.views.hidden, chosen);
    let mean = entries.pop().expect("the mean row");
    let cells = |e: &Entry| -> Vec<String> {
        let mut cells = vec![
            e.sample.clone(),
            e.outputs.clone(),
            e.targets.clone(),
            e.right.clone(),
        ];
        cells.extend(e.costs.iter().cloned());
        cells
    };
    let block = Block::default().borders(Borders::ALL);
    let inner = block.inner(area);
    let widths_under = |headers: &[String]| -> Vec<usize> {
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                entries
                    .iter()
                    .chain([&mean])
                    .map(|e| cells(e)[i].width())
                    .max()
                    .unwrap_or(0)
                    .max(longest_word(h))
            })
            .collect()
    };
    // The costs' short names where the full ones leave O and d no room (side by side in
    // compare mode).
    let mut headers = headers(s, cost_name);
    let mut widths = widths_under(&headers);
    if widths.iter().sum::<usize>() + widths.len() - 1 > usize::from(inner.width) {
        headers = self::headers(s, cost_short_name);
        widths = widths_under(&headers);
    }
    let spacing = if widths.iter().sum::<usize>() + 2 * widths.len() <= usize::from(inner.width) {
        2
    } else {
        1
    };
    let widths = narrowed(widths, usize::from(inner.width), usize::from(spacing));
    let header = Row::new(headers.iter().zip(&widths).map(|(h, w)| {
        Cell::from(Text::from(
            wrapped(h, *w)
                .into_iter()
                .map(Line::from)
                .collect::<Vec<_>>(),
        ))
    }))
    .height(HEADER_LINES)
    .style(app.theme.title());
    let room = usize::from(inner.height.saturating_sub(HEADER_LINES + 1)).max(1);
    let end = entries.len().saturating_sub(room);
    app.views
        .values_end
        .set(u16::try_from(end).unwrap_or(u16::MAX));
    app.views
        .cost_rows
        .set(u16::try_from(room).unwrap_or(u16::MAX));
    let first = usize::from(app.views.values_scroll).min(end);
    let shown_rows = &entries[first..entries.len().min(first + room)];
    let title = words!("cost-table-title", batch = entries.len());
    let title = match copy {
        Some(label) => format!(" {label} · {title} "),
        None => format!(" {title} "),
    };
    let block = block.title(Line::styled(title, app.theme.title()));
    let block = if shown_rows.len() < entries.len() {
        block.title_bottom(Line::styled(
            format!(
                " {} ",
                words!(
                    "cost-table-scrolled",
                    first = first + 1,
                    last = first + shown_rows.len(),
                    count = entries.len()
                )
            ),
            app.theme.dim(),
        ))
    } else {
        block
    };
    let row = |e: &Entry| Row::new(cells(e).iter().zip(&widths).map(|(c, w)| clipped(c, *w)));
    let rows = shown_rows
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if first + i == chosen && entries.len() > 1 {
                row(e).style(app.theme.selected())
            } else {
                row(e)
            }
        })
        .chain([row(&mean).style(app.theme.active())]);
    let constraints = widths.iter().map(|w| Constraint::Length(*w as u16));
    let table = Table::new(rows, constraints)
        .header(header)
        .column_spacing(spacing)
        .block(block);
    frame.render_widget(table, area);
}
