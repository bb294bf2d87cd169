//! Writes what the export menu asked for: each file whole (staged, then renamed) through the
//! front end, into the export folder; the app's notice names the file, or says why not.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::App;
use super::curves::XAxis;
use super::export_menu::Export;
use super::run::Run;
use crate::nn::{Cost, Phase};
use crate::plot::{Figure, Sample, Series};
use crate::words;

/// Writes the export the app asked for, if any, and says where (or why not).
pub fn write_asked(app: &mut App) {
    let Some(export) = app.export.take() else {
        return;
    };
    let path = app.export_path(export);
    let shown = crate::text::untrusted::printable(&path);
    let bytes = match export {
        Export::Markdown | Export::Latex => handout(app, export),
        Export::Svg => crate::plot::svg(&figure(app))
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        Export::Png => crate::plot::png(&figure(app)).map_err(|e| e.to_string()),
        Export::Csv => curves_csv(app),
        Export::Screen => Ok(screen_text(app).into_bytes()),
        Export::Scenario => Ok(Vec::new()),
    };
    let written = match export {
        Export::Scenario => app.save_scenario_to(&path),
        _ => bytes.and_then(|bytes| app.write_file(&path, &bytes).map(|()| vec![shown])),
    };
    app.notice = Some(match written {
        Ok(files) => {
            app.written = files.last().cloned();
            words!("export-written", files = files.join(", "))
        }
        Err(why) => why,
    });
}

/// The iteration under way, finished on a copy of the stepper (without its undo history),
/// as a handout.
fn handout(app: &App, export: Export) -> Result<Vec<u8>, String> {
    let mut stepper = app.run.stepper.lookahead();
    if stepper.phase() != Phase::Done {
        stepper
            .finish_iteration()
            .map_err(|d| crate::text::divergence::describe(&d))?;
    }
    let mut out = Vec::new();
    let written = match export {
        Export::Latex => crate::trace::latex::write_header(&mut out, &app.scenario, &stepper)
            .and_then(|()| crate::trace::latex::write(&mut out, &stepper))
            .and_then(|()| crate::trace::latex::write_footer(&mut out)),
        _ => crate::trace::markdown::write_header(&mut out, &app.scenario, &stepper)
            .and_then(|()| crate::trace::markdown::write(&mut out, &stepper)),
    };
    written.map_err(|e| e.to_string())?;
    Ok(out)
}

/// The runs on screen: compare mode's copies, else the one run.
fn runs(app: &App) -> Vec<&Run> {
    match &app.comparison {
        Some(c) => c.runs.iter().collect(),
        None => vec![&app.run],
    }
}

/// The charts as a figure: every run's curves against the view's x axis.
fn figure(app: &App) -> Figure {
    let epochs = app.views.x_axis == XAxis::Epochs;
    let series = runs(app)
        .into_iter()
        .map(|run| Series {
            label: run.label.clone(),
            samples: run
                .curves
                .points()
                .iter()
                .map(|p| Sample {
                    x: if epochs { p.epoch } else { p.iteration as f64 },
                    train: p.train,
                    validation: p.validation,
                })
                .collect(),
        })
        .collect();
    let s = &app.run.stepper;
    let outputs = s.network().sizes().last().copied().unwrap_or(1);
    Figure {
        title: words!(
            "export-chart-title",
            name = app.scenario.name.clone(),
            shape = crate::text::notation::shape(&s.network().sizes()),
            iterations = s.completed()
        ),
        series,
        x_label: match epochs {
            true => words!("plot-epochs"),
            false => words!("plot-iterations"),
        },
        cross_entropy: Cost::cross_entropy_for(outputs, app.scenario.output_activation),
        size: crate::plot::SIZE,
    }
}

/// Every point of every run's curves: the run, the iteration, the epoch, and the five costs
/// over the training and the validation set (empty without one).
fn curves_csv(app: &App) -> Result<Vec<u8>, String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let costs: Vec<&str> = Cost::ALL.iter().map(|c| c.name()).collect();
    let header: Vec<String> = ["run", "iteration", "epoch"]
        .iter()
        .map(|s| s.to_string())
        .chain(costs.iter().map(|c| format!("train_{c}")))
        .chain(costs.iter().map(|c| format!("validation_{c}")))
        .collect();
    out.write_record(&header).map_err(|e| e.to_string())?;
    for run in runs(app) {
        for p in run.curves.points() {
            let mut row = vec![
                run.label.clone(),
                p.iteration.to_string(),
                p.epoch.to_string(),
            ];
            row.extend(Cost::ALL.iter().map(|c| p.train.get(*c).to_string()));
            row.extend(Cost::ALL.iter().map(|c| {
                p.validation
                    .map_or(String::new(), |v| v.get(*c).to_string())
            }));
            out.write_record(&row).map_err(|e| e.to_string())?;
        }
    }
    out.into_inner().map_err(|e| e.to_string())
}

/// The screen as it is drawn, one line per row, without trailing spaces; a wide character
/// once.
pub fn screen_text(app: &App) -> String {
    let (width, height) = app.size;
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let _ = terminal.draw(|frame| super::ui::render(frame, app));
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| super::ui::wrap::row_text(buffer, y) + "\n")
        .collect()
}
