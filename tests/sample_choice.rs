//! Every sample of a batch: `,` and `.` choose which sample of the current batch the
//! per-sample numbers show (the values panel's x, d and vectors, the diagram, the worked
//! formula, the cost table's marked row). The expected numbers come from the data: a CSV
//! written here, or the stepper's training set at the index the batch names.

mod common;

use backstep::tui::app::App;
use backstep::tui::{Message, ui};
use common::view::{app, panel, screen, step_to};

/// Seven rows, two inputs and one 0/1 target: in batches of three, unshuffled, the batches
/// are rows 1–3, 4–6 and 7 alone. Row i (from 0) is x = (i + 0.25, 2i + 0.5), d = i mod 2.
const ROWS: usize = 7;

fn row(i: usize) -> ([f64; 2], f64) {
    let i_f = i as f64;
    ([i_f + 0.25, 2.0 * i_f + 0.5], (i % 2) as f64)
}

/// The CSV scenario in `dir`, opened in the view.
fn csv_app(dir: &tempfile::TempDir) -> App {
    let mut csv = String::from("a,b,y\n");
    for i in 0..ROWS {
        let ([a, b], y) = row(i);
        csv.push_str(&format!("{a},{b},{y}\n"));
    }
    std::fs::write(dir.path().join("rows.csv"), csv).unwrap();
    let scenario = "name = \"seven rows\"\nseed = 1\n\n[network]\nlayers = [2, 2, 1]\n\n\
                    [training]\nmode = \"mini-batch\"\nbatch_size = 3\nshuffle = false\n\n\
                    [data]\nfile = \"rows.csv\"\n";
    let path = dir.path().join("rows.toml");
    std::fs::write(&path, scenario).unwrap();
    app(path.to_str().unwrap())
}

/// The values panel alone, 60×20, the Unicode minus read as `-`.
fn values(app: &App) -> String {
    panel(app, 60, 20, ui::values::render_values).replace('−', "-")
}

fn press(app: &mut App, message: Message, times: usize) {
    for _ in 0..times {
        app.update(message);
    }
}

#[test]
fn the_choice_moves_stops_at_both_ends_and_persists_across_iterations() {
    let mut app = app("gd-modes");
    app.update(Message::NextPhase);
    assert_eq!(app.run.stepper.samples().len(), 10);
    assert_eq!(app.sample(), 0);
    press(&mut app, Message::NextSample, 3);
    assert_eq!(app.sample(), 3);
    press(&mut app, Message::PreviousSample, 1);
    assert_eq!(app.sample(), 2);
    press(&mut app, Message::PreviousSample, 5);
    assert_eq!(app.sample(), 0, "stops at the first");
    press(&mut app, Message::NextSample, 20);
    assert_eq!(app.sample(), 9, "stops at the last");
    app.update(Message::FinishIteration);
    app.update(Message::NextPhase);
    assert_eq!(app.run.stepper.iteration(), 2);
    assert_eq!(
        app.sample(),
        9,
        "the choice is kept into the next iteration"
    );
}

#[test]
fn a_smaller_last_batch_shows_its_last_sample_and_the_choice_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = csv_app(&dir);
    app.update(Message::NextPhase);
    assert_eq!(app.run.stepper.samples(), [0, 1, 2]);
    press(&mut app, Message::NextSample, 2);
    assert_eq!(app.sample(), 2);
    press(&mut app, Message::FinishIteration, 2);
    app.update(Message::NextPhase);
    assert_eq!(
        app.run.stepper.samples(),
        [6],
        "the last batch holds one sample"
    );
    assert_eq!(app.sample(), 0, "clamped to the batch");
    assert_eq!(app.views.sample, 2, "the choice itself is kept");
    app.update(Message::FinishIteration);
    app.update(Message::NextPhase);
    assert_eq!(app.run.stepper.samples(), [0, 1, 2], "the next epoch");
    assert_eq!(app.sample(), 2, "the third sample again");
    // On the short batch, `.` and `,` move from what is shown.
    press(&mut app, Message::FinishIteration, 2);
    app.update(Message::NextPhase);
    app.update(Message::PreviousSample);
    assert_eq!(app.views.sample, 0);
}

#[test]
fn the_values_panel_and_the_worked_formula_show_the_chosen_rows_x_and_d() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = csv_app(&dir);
    app.update(Message::FinishIteration);
    step_to(&mut app, "forward (layer 1)");
    assert_eq!(app.run.stepper.samples(), [3, 4, 5], "the second batch");
    press(&mut app, Message::NextSample, 2);
    let ([a, b], y) = row(5);
    let text = values(&app);
    assert!(text.contains("sample 6 "), "{text}");
    assert!(
        text.contains(&format!("x = ({a:+.4} {b:+.4})")),
        "row 6's x not in\n{text}"
    );
    assert!(text.contains(&format!("d = ({y:+.4})")), "{text}");
    let worked = ui::phase::worked(&app).unwrap();
    assert!(
        worked.contains(&format!("·{a:.4}")) && worked.contains(&format!("·{b:.4}")),
        "{worked}"
    );
    let phase = panel(&app, 100, 20, ui::phase::render_phase);
    assert!(
        phase.contains("sample 6 — 3 of 3 in this batch (, . choose); the gradients average all 3"),
        "{phase}"
    );
}

#[test]
fn on_gd_modes_the_chosen_samples_x_and_d_are_the_training_sets() {
    let mut app = app("gd-modes");
    step_to(&mut app, "forward (layer 1)");
    press(&mut app, Message::NextSample, 3);
    let s = &app.run.stepper;
    let index = s.samples()[3];
    let data = s.train_set();
    let (x, d) = (data.inputs.column(index), data.targets.column(index));
    let text = values(&app);
    let expected = format!("x = ({:+.4} {:+.4})", x[0], x[1]);
    assert!(text.contains(&expected), "{expected} not in\n{text}");
    assert!(text.contains(&format!("d = ({:+.4})", d[0])), "{text}");
    assert!(text.contains(&format!("sample {} ", index + 1)), "{text}");
}

/// The Loss phase's cost table marks the chosen row with ▶ and keeps it in sight.
#[test]
fn the_cost_table_marks_the_chosen_row_and_scrolls_to_it() {
    let mut app = app("gd-modes");
    step_to(&mut app, "loss");
    let samples = app.run.stepper.samples().to_vec();
    let table = |app: &App| {
        panel(app, 78, 8, |frame, area, app| {
            ui::costs::render_cost_table(frame, area, app, &app.run.stepper, None)
        })
    };
    let marked = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.trim_matches('│').strip_prefix('▶'))
            .map(|l| l.split_whitespace().next().unwrap().to_string())
            .collect()
    };
    let text = table(&app);
    assert_eq!(marked(&text), [(samples[0] + 1).to_string()], "{text}");
    // Room for three samples (borders 2, header 2, mean 1): the seventh scrolls into sight.
    press(&mut app, Message::NextSample, 6);
    let text = table(&app);
    assert_eq!(marked(&text), [(samples[6] + 1).to_string()], "{text}");
    assert!(text.contains("samples 5–7 of 10"), "{text}");
    press(&mut app, Message::PreviousSample, 6);
    let text = table(&app);
    assert_eq!(marked(&text), [(samples[0] + 1).to_string()], "{text}");
    assert!(text.contains("samples 1–3 of 10"), "{text}");
}

#[test]
fn practice_keeps_the_first_sample_and_compare_mode_clamps_per_copy() {
    let mut app = app("gd-modes");
    app.update(Message::NextPhase);
    press(&mut app, Message::NextSample, 4);
    app.update(Message::TogglePractice);
    assert_eq!(app.sample(), 0, "practice asks about the first sample");
    app.update(Message::NextSample);
    assert_eq!(app.views.sample, 4, "refused while practising");
    assert!(app.notice.as_deref().unwrap_or("").contains("first sample"));
    app.update(Message::TogglePractice);
    assert_eq!(app.sample(), 4);
    app.update(Message::ToggleCompare);
    let comparison = app.comparison.as_ref().expect("compare mode");
    let shown: Vec<usize> = comparison
        .runs
        .iter()
        .map(|r| app.sample_of(&r.stepper))
        .collect();
    // batch (all 1000), sgd (one), mini-batch (ten)
    assert_eq!(shown, [4, 0, 4]);
}

/// A sample chosen before the Loss phase is in sight when the table appears on a small
/// screen, and the table's scroll does not carry over into the values panel after it.
#[test]
fn entering_the_loss_phase_scrolls_the_table_to_the_chosen_row() {
    let mut app = app("gd-modes");
    app.size = (80, 24);
    step_to(&mut app, "forward (layer 1)");
    press(&mut app, Message::NextSample, 8);
    let chosen = app.run.stepper.samples()[8] + 1;
    step_to(&mut app, "loss");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains(&format!("│▶{chosen} ")), "{text}");
    assert!(
        text.contains("of 10 (PgUp/PgDn)"),
        "the table is scrolled\n{text}"
    );
    app.update(Message::NextPhase);
    assert_eq!(app.views.values_scroll, 0);
}
