//! The classification view: accuracy per split and the confusion matrix with class names.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

use crate::data::Dataset;
use crate::nn::Workspace;
use crate::nn::stepper::{confusion, evaluate};
use crate::tui::app::App;

/// The class names: the data's, or the class numbers.
pub fn class_names(app: &App) -> Vec<String> {
    let data = app.stepper.train_set();
    if !data.classes.is_empty() {
        return data.classes.clone();
    }
    let outputs = data.targets.nrows();
    (0..outputs.max(2)).map(|k| k.to_string()).collect()
}

/// Draws accuracy per split and the confusion matrix of the validation set (or of the
/// training set when none is held out).
pub fn render_classes(frame: &mut Frame, area: Rect, app: &App) {
    let network = app.stepper.network();
    let names = class_names(app);
    let train = app.stepper.train_set();
    let validation = app.stepper.validation_set();
    let mut workspace = Workspace::for_evaluation(network, train.len().max(validation.len()));
    let accuracy = |data: &Dataset, workspace: &mut Workspace| {
        100.0 * (1.0 - evaluate(network, data, workspace).classification_error)
    };
    let mut title = format!(
        " accuracy: training {:.1}%",
        accuracy(train, &mut workspace)
    );
    if !validation.is_empty() {
        title.push_str(&format!(
            ", validation {:.1}%",
            accuracy(validation, &mut workspace)
        ));
    }
    let (shown, which) = if validation.is_empty() {
        (train, "training")
    } else {
        (validation, "validation")
    };
    title.push_str(&format!(
        " · confusion matrix of the {which} set (rows: true, columns: predicted; v: charts) "
    ));
    let matrix = confusion(network, shown, names.len(), &mut workspace);
    let column = ((area.width.saturating_sub(14)) / names.len().max(1) as u16).clamp(3, 10);
    let short = |name: &str| name.chars().take(column as usize - 1).collect::<String>();
    let header = Row::new(
        std::iter::once(Cell::from("true\\predicted"))
            .chain(names.iter().map(|n| Cell::from(short(n))))
            .collect::<Vec<_>>(),
    )
    .style(app.theme.title());
    let rows = matrix.iter().zip(&names).map(|(row, name)| {
        let total: usize = row.iter().sum();
        Row::new(
            std::iter::once(Cell::from(format!(
                "{} ({total})",
                name.chars().take(7).collect::<String>()
            )))
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
    let table = Table::new(rows, widths).header(header).block(
        Block::default()
            .borders(Borders::ALL)
            .title(Line::styled(title, app.theme.title())),
    );
    frame.render_widget(table, area);
}
