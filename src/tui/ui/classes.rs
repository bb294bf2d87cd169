//! The classification view: accuracy per split and the confusion matrix with class names; in
//! compare mode one per copy, side by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

use super::plots::fitted;
use super::wrap::cut;
use crate::nn::Stepper;
use crate::tui::app::App;
use crate::tui::run::Run;
use crate::words;

/// The class names of `s`'s data: the data's own, or the class numbers.
pub fn class_names(s: &Stepper) -> Vec<String> {
    let data = s.train_set();
    if !data.classes.is_empty() {
        return data.classes.clone();
    }
    let outputs = data.targets.nrows();
    (0..outputs.max(2)).map(|k| k.to_string()).collect()
}

/// The panel's title, the longest that fits so that no word is cut: the copy's label (in
/// compare mode), the accuracy of each split, which set the matrix counts and the keys.
fn title(run: &Run, copy: Option<&str>, width: u16) -> String {
    let label = copy.map_or(String::new(), |label| format!("{label} · "));
    let mut accuracy = Vec::new();
    if let Some(p) = run.curves.last() {
        let percent = |error: f64| format!("{:.1}%", 100.0 * (1.0 - error));
        let training = percent(p.train.classification_error);
        accuracy.push(words!("view-split-training", value = training));
        if let Some(v) = p.validation {
            let validation = percent(v.classification_error);
            accuracy.push(words!("view-split-validation", value = validation));
        }
    }
    let accuracy_of = |splits: &str| words!("view-classes-accuracy", splits = splits.to_string());
    let every = format!(" {label}{}", accuracy_of(&accuracy.join(", ")));
    let which = if run.stepper.validation_set().is_empty() {
        words!("view-classes-matrix-training")
    } else {
        words!("view-classes-matrix-validation")
    };
    let matrix = format!("{every} · {which}");
    let hint = if copy.is_none() {
        format!(" {}", words!("view-classes-hint"))
    } else {
        String::new()
    };
    let training = accuracy.first().cloned().unwrap_or_default();
    fitted(
        &[
            format!("{matrix}{hint} "),
            format!("{matrix} "),
            format!("{every} "),
            format!(" {label}{} ", accuracy_of(&training)),
        ],
        width,
    )
}

/// Draws `run`'s accuracy per split (after the last completed iteration) and the confusion
/// matrix it keeps for the validation set (or the training set when none is held out); in
/// compare mode titled with the copy's label, `copy`.
pub fn render_classes(frame: &mut Frame, area: Rect, app: &App, run: &Run, copy: Option<&str>) {
    let names = class_names(&run.stepper);
    let Some((_, matrix)) = &run.confusion else {
        return;
    };
    let title = title(run, copy, area.width);
    let column = ((area.width.saturating_sub(14)) / names.len().max(1) as u16).clamp(3, 10);
    let short = |name: &str| cut(name, column as usize - 1).to_string();
    let header = Row::new(
        std::iter::once(Cell::from(words!("view-classes-corner")))
            .chain(names.iter().map(|n| Cell::from(short(n))))
            .collect::<Vec<_>>(),
    )
    .style(app.theme.title());
    let rows = matrix.iter().zip(&names).map(|(row, name)| {
        let total: usize = row.iter().sum();
        Row::new(
            std::iter::once(Cell::from(format!("{} ({total})", cut(name, 7))))
                .chain(row.iter().enumerate().map(|(p, count)| {
                    let cell = Cell::from(count.to_string());
                    if names.get(p) == Some(name) {
                        cell.style(app.theme.active())
                    } else {
                        cell
                    }
                }))
                .collect::<Vec<_>>(),
        )
    });
    let widths = std::iter::once(Constraint::Length(13))
        .chain(names.iter().map(|_| Constraint::Length(column)))
        .collect::<Vec<_>>();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(title, app.theme.title()));
    let room = usize::from(area.height.saturating_sub(3));
    if names.len() > room {
        let more = words!("classes-more", count = (names.len() - room).to_string());
        block =
            block.title_bottom(Line::styled(format!(" {more} "), app.theme.dim()).right_aligned());
    }
    let table = Table::new(rows, widths).header(header).block(block);
    frame.render_widget(table, area);
}
