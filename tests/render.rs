//! Whole screens of the stepping view, drawn into ratatui's TestBackend after driving the app
//! through its messages, the way a student drives it with keys. Reviewed snapshots live in
//! `tests/snapshots/`.

use backstep::tui::app::App;
use backstep::tui::focus::Focus;
use backstep::tui::panel::Panel;
use backstep::tui::{Message, ui};
mod common;

use backstep::tui::theme::Theme;
use common::view::{app, panel, screen, step_to};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[test]
fn the_first_frame() {
    insta::assert_snapshot!(screen(&mut app("two-two-two"), 120, 40));
}

/// The panel's text with its lines joined, so that a number wrapped at the panel's edge can
/// still be found.
fn joined(text: &str) -> String {
    text.lines()
        .map(|l| l.trim_matches('│').trim_end())
        .collect::<Vec<_>>()
        .join("")
}

/// In each phase of the textbook iteration the phase panel shows the numbers worked out by
/// hand (Matt Mazur's example with learned biases, in tests/two_two_two_by_hand.py), rounded to the
/// panel's four places; each panel is also kept as a snapshot.
#[test]
fn the_phase_panel_in_every_phase_of_one_two_two_two_iteration() {
    let expected: [(&str, &[&str]); 9] = [
        ("forward (layer 1)", &["net¹₁", "0.3775", "h₁", "0.5933"]),
        ("forward (layer 2)", &["O₁", "0.7514"]),
        ("loss", &["0.2984"]),
        ("output delta", &["δ²₁", "0.1385"]),
        ("hidden delta (layer 1)", &["δ¹₁", "0.0088"]),
        ("gradients", &["∂C/∂W₁₁", "0.0822"]),
        ("update (layer 2)", &["W₁₁ ← W₁₁", "0.3589"]),
        ("update (layer 1)", &["V₁₁ ← V₁₁", "0.1498"]),
        ("done", &["half-MSE", "0.2984 → 0.2805"]),
    ];
    let mut app = app("two-two-two");
    for (name, numbers) in expected {
        app.update(Message::NextPhase);
        app.size = (120, 40);
        assert_eq!(backstep::text::phase::name(app.run.stepper.phase()), name);
        let text = panel(&app, 60, 14, ui::phase::render_phase);
        let flat = joined(&text);
        for number in numbers {
            assert!(flat.contains(number), "{name}: {number} not in\n{text}");
        }
        let snapshot = format!("phase_panel_{name}").replace([' ', '(', ')'], "_");
        insta::assert_snapshot!(snapshot, text);
    }
}

/// The values panel at the update of W shows old → new with the change for every weight.
#[test]
fn the_values_panel_shows_old_and_new_weights() {
    let mut app = app("two-two-two");
    for _ in 0..7 {
        app.update(Message::NextPhase);
    }
    assert_eq!(
        backstep::text::phase::name(app.run.stepper.phase()),
        "update (layer 2)"
    );
    let text = panel(&app, 60, 16, ui::values::render_values);
    for number in ["+0.4000", "+0.3589", "−0.0411"] {
        assert!(text.contains(number), "{number} not in\n{text}");
    }
    insta::assert_snapshot!(text);
}

/// One whole screen in the middle of an iteration: the panels together.
#[test]
fn a_whole_screen_mid_iteration() {
    let mut app = app("two-two-two");
    for _ in 0..5 {
        app.update(Message::NextPhase);
    }
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn the_help_popup() {
    let mut app = app("two-two-two");
    app.update(Message::ShowHelp);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

/// At 80×24 the help is taller than the screen: it opens at its first key with a marker
/// below, ↓ and PgDn scroll it no further than its last line (the last key and the notes),
/// ↑ scrolls back.
#[test]
fn the_help_scrolls_at_80x24() {
    let mut app = app("two-two-two");
    app.size = (80, 24);
    app.update(Message::ShowHelp);
    let top = screen(&mut app, 80, 24);
    assert!(top.contains("Space/→/l next phase"), "{top}");
    assert!(top.contains("↓ more") && !top.contains("↑ more"), "{top}");
    // More pages than there are: it stops at the last line.
    for _ in 0..10 {
        app.update(Message::ScrollDown);
    }
    let bottom = screen(&mut app, 80, 24);
    assert!(bottom.contains("  q         quit"), "{bottom}");
    assert!(bottom.contains("Click a neuron"), "{bottom}");
    assert!(bottom.contains("Practice (p)"), "{bottom}");
    assert!(
        bottom.contains("↑ more") && !bottom.contains("↓ more"),
        "{bottom}"
    );
    assert!(!bottom.contains("Space/→/l next phase"), "{bottom}");
    app.update(Message::SelectPrevious);
    let back = screen(&mut app, 80, 24);
    assert!(back.contains("↑ more") && back.contains("↓ more"), "{back}");
    // The help's last line (the end of the practice note) is gone again.
    assert!(bottom.contains("compare mode."), "{bottom}");
    assert!(!back.contains("compare mode."), "{back}");
    insta::assert_snapshot!(bottom);
}

/// The first line keeps every built-in's name whole at 80×24, on the start screen, in the
/// loss phase and in compare mode.
#[test]
fn the_title_keeps_the_scenarios_name_at_80x24() {
    for builtin in backstep::scenario::BUILTINS {
        let name = backstep::scenario::Scenario::load(builtin.name)
            .unwrap()
            .name;
        let mut app = app(builtin.name);
        let check = |app: &mut App| {
            let text = screen(app, 80, 24);
            let first = text.lines().next().unwrap();
            assert!(first.contains(&format!(" {name} ")), "{first}");
        };
        check(&mut app);
        app.update(Message::NextPhase);
        app.update(Message::NextPhase);
        check(&mut app);
        app.update(Message::ToggleCompare);
        check(&mut app);
    }
}

#[test]
fn the_scenario_picker() {
    let mut app = app("two-two-two");
    app.update(Message::OpenPicker);
    app.update(Message::SelectNext);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn a_terminal_too_small() {
    insta::assert_snapshot!(screen(&mut app("xor"), 60, 20));
}

#[test]
fn the_smallest_usable_terminal() {
    let mut app = app("xor");
    for _ in 0..4 {
        app.update(Message::NextPhase);
    }
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

/// The textbook network's eight weights (Mazur's example: V = (0.15 0.20; 0.25 0.30),
/// W = (0.40 0.45; 0.50 0.55)) are written on its edges at the diagram's size at 120×40 and
/// at 80×24.
#[test]
fn every_weight_of_a_small_network_is_written_on_its_edge() {
    let app = app("two-two-two");
    for (width, height) in [(60, 17), (40, 10)] {
        let text = panel(&app, width, height, ui::network::render_network);
        for w in [
            "0.15", "0.20", "0.25", "0.30", "0.40", "0.45", "0.50", "0.55",
        ] {
            assert!(
                text.contains(&format!("+{w}")),
                "{w} not at {width}×{height}:\n{text}"
            );
        }
    }
}

/// Seven sigmoid layers drawn a layer a line at the size the diagram has at 80×24: every
/// layer has its line, and after the backward pass mean |δ| shrinks from the output to the
/// first layer (each step multiplies by f′ ≤ ¼ and by W).
#[test]
fn a_deep_network_is_drawn_a_layer_a_line() {
    let mut app = app("vanishing");
    app.update(Message::FinishIteration);
    let text = panel(&app, 40, 10, ui::layers::render_layers);
    let names = ["x ", "a¹", "a²", "a³", "a⁴", "a⁵", "a⁶", "O "];
    let lines: Vec<&str> = names
        .iter()
        .map(|n| {
            text.lines()
                .find(|l| l.trim_start_matches('│').starts_with(n))
                .unwrap_or_else(|| panic!("{n} has no line in\n{text}"))
        })
        .collect();
    let delta = |line: &str| -> f64 {
        line.trim_matches('│')
            .split_whitespace()
            .filter_map(|w| w.replace('−', "-").parse::<f64>().ok())
            .nth(2)
            .unwrap_or_else(|| panic!("no mean |δ| in {line}"))
    };
    let deltas: Vec<f64> = lines[1..].iter().map(|l| delta(l)).collect();
    assert!(deltas.windows(2).all(|w| w[0] < w[1]), "{deltas:?}\n{text}");
    assert!(deltas[0] * 1000.0 < deltas[6], "{deltas:?}");
    insta::assert_snapshot!(text);
}

/// The figures of one section of the gradient health panel (`mean |δ|`, `mean f′(net)`),
/// from the output layer down: the first number on each of its lines (read back with an ASCII
/// minus for Rust's parser).
fn health_figures(text: &str, section: &str) -> Vec<f64> {
    text.replace('−', "-")
        .lines()
        .map(|l| l.trim_matches('│').trim())
        .skip_while(|l| !l.starts_with(section))
        .skip(1)
        .take_while(|l| l.starts_with('W'))
        .filter_map(|l| {
            l.split_whitespace()
                .find_map(|w| w.replace('−', "-").parse::<f64>().ok())
        })
        .collect()
}

/// Seven sigmoid layers: every f′(net) is at most ¼ (σ′ = σ(1 − σ) ≤ ¼), so mean |δ| shrinks
/// layer by layer, by orders of magnitude from the output to the first layer.
#[test]
fn the_gradient_health_panel_on_vanishing() {
    let mut app = app("vanishing");
    app.update(Message::FinishIteration);
    app.update(Message::Toggle(Panel::Health));
    let text = panel(&app, 60, 32, |f, a, app| {
        ui::health::render_health(f, a, app, &app.run, None)
    });
    let slopes = health_figures(&text, "mean f′(net)");
    assert_eq!(slopes.len(), 7, "{text}");
    assert!(slopes.iter().all(|s| *s <= 0.25), "{slopes:?}");
    let deltas = health_figures(&text, "mean |δ|");
    assert_eq!(deltas.len(), 7, "{text}");
    assert!(deltas.windows(2).all(|w| w[1] < w[0]), "{deltas:?}");
    assert!(deltas[6] * 1000.0 < deltas[0], "{deltas:?}");
    insta::assert_snapshot!(text);
}

/// The overlaid charts name every copy in their title line, by its marker and label, and
/// draw no legend box over the curves.
#[test]
fn the_compare_screen_on_mse_vs_ce() {
    let mut app = app("mse-vs-ce");
    app.update(Message::ToggleCompare);
    for _ in 0..4 {
        app.update(Message::NextPhase);
    }
    let text = screen(&mut app, 120, 40);
    let titles = text
        .lines()
        .find(|l| l.contains("┌ MSE, every copy"))
        .unwrap_or_else(|| panic!("no MSE chart in\n{text}"));
    assert!(
        titles.contains("MSE, every copy: ⠶ MSE • binary cross-entropy")
            && titles.contains("binary cross-entropy: ⠶ MSE • binary cross-entropy"),
        "{titles}"
    );
    let inside: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("┌ MSE, every copy"))
        .skip(1)
        .take_while(|l| !l.starts_with('└'))
        .collect();
    assert!(
        !inside.is_empty() && inside.iter().all(|l| !l.contains('┌')),
        "no legend box inside a chart:\n{text}"
    );
    insta::assert_snapshot!(text);
}

/// Columns `from..to` of the rows of `text` from the first that contains `start` on.
fn columns_from(text: &str, start: &str, from: usize, to: usize) -> String {
    text.lines()
        .skip_while(|l| !l.contains(start))
        .map(|l| l.chars().take(to).skip(from).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// In compare mode the Loss phase shows each copy's cost table side by side, labelled with
/// the copy's label; on cost-table, the lecture's two networks (the MSE column by hand, as in
/// `the_loss_phase_shows_the_lessons_cost_table`): left 0.54, 0.54, 1.34, mean 0.81; right
/// 0.14, 0.14, 0.74, mean 0.34.
#[test]
fn the_cost_tables_of_both_copies_side_by_side() {
    let mut app = app("cost-table");
    app.views.precision = 2;
    app.update(Message::ToggleCompare);
    app.update(Message::NextPhase);
    app.update(Message::NextPhase);
    let text = screen(&mut app, 120, 40);
    let cases = [
        (
            "left",
            0,
            ["0.54 0.92 0", "0.54 0.92 0", "1.34 2.30 1", "0.81 1.38 1/3"],
        ),
        (
            "right",
            60,
            ["0.14 0.36 0", "0.14 0.36 0", "0.74 1.20 1", "0.34 0.64 1/3"],
        ),
    ];
    for (label, from, costs) in cases {
        let table = columns_from(&text, &format!("{label} · cost table"), from, from + 60);
        assert!(
            table.starts_with(&format!("┌ {label} · cost table")),
            "{label}\n{text}"
        );
        for (first, expected) in ["1", "2", "3", "mean"].into_iter().zip(costs) {
            let row = table_row(&table, first);
            assert_eq!(row[row.len() - 3..].join(" "), expected, "{label}\n{table}");
        }
    }
    assert!(
        !text.contains("batch mse"),
        "the tables replace the batch losses\n{text}"
    );
}

/// `g` and `v` in compare mode: each copy's gradient health and confusion matrix, side by
/// side, titled with the copy's label.
#[test]
fn health_and_classes_per_copy_in_compare_mode() {
    let mut app = app("mse-vs-ce");
    app.update(Message::ToggleCompare);
    app.update(Message::FinishEpoch);
    app.update(Message::Toggle(Panel::Health));
    let health = screen(&mut app, 120, 40);
    for title in [
        "┌ MSE · gradient health",
        "┌ binary cross-entropy · gradient health",
    ] {
        assert!(health.contains(title), "{title} not in\n{health}");
    }
    assert_eq!(health.matches("mean f′(net)").count(), 2, "{health}");
    app.update(Message::Toggle(Panel::Classes));
    let both = screen(&mut app, 120, 40);
    for title in ["┌ MSE · gradient health", "┌ MSE · accuracy: training"] {
        assert!(both.contains(title), "{title} not in\n{both}");
    }
    assert!(
        both.contains("┌ binary cross-entropy · accuracy: training"),
        "{both}"
    );
    assert_eq!(both.matches("true\\predicte").count(), 2, "{both}");
    insta::assert_snapshot!(both);
}

#[test]
fn the_digit_view_and_the_confusion_matrix() {
    let mut app = app("digits");
    app.update(Message::FinishEpoch);
    app.update(Message::NextPhase);
    app.update(Message::NextPhase);
    app.update(Message::Toggle(Panel::Classes));
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn the_confusion_matrix_of_iris_names_the_species() {
    let mut app = app("iris");
    app.update(Message::FinishEpoch);
    app.update(Message::Toggle(Panel::Classes));
    let text = screen(&mut app, 120, 40);
    for species in ["setosa", "versico", "virgini"] {
        assert!(text.contains(species), "{text}");
    }
}

/// The words of the lecture's left network (a 3-3 linear network, tests/render.rs by hand:
/// column i of W is the output for the one-hot sample i): its description before the first
/// step, O₁ = 0.3 said once for a linear output, −1.2 with the minus people read in the
/// output delta 2(O − d) = 2·(0.4 − 1), and an update worded for a single layer.
#[test]
fn the_words_on_the_left_network_of_the_cost_table() {
    let mut app = app("cost-table-left");
    app.size = (120, 40);
    let start = joined(&panel(&app, 60, 14, ui::phase::render_phase));
    let description = start.find("The lesson's left network on its three samples");
    let press = start.find("Press Space");
    assert!(description.is_some() && description < press, "{start}");

    app.update(Message::NextPhase);
    let forward = joined(&panel(&app, 60, 14, ui::phase::render_phase));
    assert!(forward.contains("O₁ = 0.3000"), "{forward}");
    assert!(!forward.contains("0.3000 = 0.3000"), "{forward}");

    for _ in 0..2 {
        app.update(Message::NextPhase);
    }
    assert_eq!(
        backstep::text::phase::name(app.run.stepper.phase()),
        "output delta"
    );
    let values = panel(&app, 60, 16, ui::values::render_values);
    assert!(values.contains("+0.6000 +0.6000 −1.2000"), "{values}");
    assert!(!values.contains("-1"), "{values}");

    for _ in 0..2 {
        app.update(Message::NextPhase);
    }
    assert_eq!(
        backstep::text::phase::name(app.run.stepper.phase()),
        "update (layer 1)"
    );
    let update = joined(&panel(&app, 60, 14, ui::phase::render_phase));
    assert!(
        update.contains("W¹ is the only matrix to update"),
        "{update}"
    );
    assert!(!update.contains("the layers before it"), "{update}");
}

/// The picker names each scenario by its `name`, its source dim after it, and shows the
/// highlighted one's description; the charts name their cost in full.
#[test]
fn the_picker_and_the_charts_say_names_in_full() {
    let mut app = app("xor");
    for _ in 0..13 {
        app.update(Message::NextPhase);
    }
    let whole = screen(&mut app, 120, 40);
    assert!(whole.contains("binary cross-entropy 0."), "{whole}");
    assert!(!whole.contains(" CE "), "{whole}");
    app.update(Message::OpenPicker);
    for _ in 0..2 {
        app.update(Message::SelectNext);
    }
    let picker = screen(&mut app, 120, 40);
    assert!(
        picker.lines().any(
            |l| l.contains("▶ Cost table: the left network  ") && l.contains("cost-table-left")
        ),
        "{picker}"
    );
    assert!(
        joined(&picker).contains("Classification error 1/3, MSE 0.81"),
        "{picker}"
    );
}

/// The Loss phase of `scenario` (batch GD over its three samples), with `precision` decimals.
fn at_the_loss(scenario: &str, precision: usize) -> App {
    let mut app = app(scenario);
    app.views.precision = precision;
    app.update(Message::NextPhase);
    app.update(Message::NextPhase);
    assert_eq!(backstep::text::phase::name(app.run.stepper.phase()), "loss");
    assert_eq!(
        app.run.stepper.samples(),
        [0, 1, 2],
        "batch mode, all three"
    );
    app
}

/// Normal mode's cost table, drawn alone.
fn cost_table(frame: &mut ratatui::Frame, area: ratatui::layout::Rect, app: &App) {
    ui::costs::render_cost_table(frame, area, app, &app.run.stepper, None);
}

/// The row of the table that starts with `first` (after the chosen sample's marker),
/// split into words.
fn table_row(text: &str, first: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            l.trim_matches('│')
                .trim()
                .trim_start_matches('▶')
                .trim_start()
        })
        .find(|l| l.split_whitespace().next() == Some(first))
        .unwrap_or_else(|| panic!("no row {first} in\n{text}"))
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// The lesson's cost table, at the lesson's two decimals. Worked out by hand from its outputs
/// and one-hot targets. Left: MSE 0.3² + 0.3² + 0.6² = 0.54, 0.54, 0.9² + 0.2² + 0.7² = 1.34,
/// mean 2.42/3 = 0.81; cross-entropy −ln 0.4 = 0.92, 0.92, −ln 0.1 = 2.30, mean 1.38; the
/// third sample's largest output (0.7) is not its class: 1/3. Right: 0.1² + 0.2² + 0.3² = 0.14,
/// 0.14, 0.7² + 0.4² + 0.3² = 0.74, mean 0.34; −ln 0.7 = 0.36, 0.36, −ln 0.3 = 1.20, mean 0.64.
#[test]
fn the_loss_phase_shows_the_lessons_cost_table() {
    let cases: [(&str, [[&str; 5]; 4]); 2] = [
        (
            "cost-table-left",
            [
                ["1", "0.30 0.30 0.40", "0 0 1", "✓", "0.54 0.92 0"],
                ["2", "0.30 0.40 0.30", "0 1 0", "✓", "0.54 0.92 0"],
                ["3", "0.10 0.20 0.70", "1 0 0", "✗", "1.34 2.30 1"],
                ["mean", "", "", "", "0.81 1.38 1/3"],
            ],
        ),
        (
            "cost-table-right",
            [
                ["1", "0.10 0.20 0.70", "0 0 1", "✓", "0.14 0.36 0"],
                ["2", "0.10 0.70 0.20", "0 1 0", "✓", "0.14 0.36 0"],
                ["3", "0.30 0.40 0.30", "1 0 0", "✗", "0.74 1.20 1"],
                ["mean", "", "", "", "0.34 0.64 1/3"],
            ],
        ),
    ];
    for (scenario, rows) in cases {
        let app = at_the_loss(scenario, 2);
        let text = panel(&app, 78, 12, cost_table);
        for header in [
            "MSE",
            "cross-entropy",
            "classification",
            "error",
            "right",
            "class",
        ] {
            assert!(text.contains(header), "{scenario}: {header} not in\n{text}");
        }
        for row in rows {
            let expected: Vec<&str> = row
                .iter()
                .flat_map(|c| c.split(' '))
                .filter(|c| !c.is_empty())
                .collect();
            assert_eq!(table_row(&text, row[0]), expected, "{scenario}\n{text}");
        }
    }
}

/// The cost table in the whole screen of the Loss phase, at 80×24 and 120×40: every sample
/// and the mean are on screen at the default four decimals.
#[test]
fn the_cost_table_on_the_whole_screen() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = at_the_loss("cost-table-left", 4);
        let text = screen(&mut app, width, height);
        // −ln 0.4 = 0.91629…, −ln 0.1 = 2.30258…, (2·0.91629 + 2.30258)/3 = 1.37838…
        for number in [
            "0.5400", "1.3400", "0.8067", "0.9163", "2.3026", "1.3784", "1/3",
        ] {
            assert!(
                text.contains(number),
                "{width}×{height}: {number} not in\n{text}"
            );
        }
        insta::assert_snapshot!(format!("the_cost_table_at_{width}x{height}"), text);
    }
}

/// A batch longer than the panel scrolls under its header and its mean row, saying which
/// samples show.
#[test]
fn a_long_cost_table_scrolls() {
    let mut app = at_the_loss("cost-table-left", 2);
    // Borders 2, header 2, mean 1: room for two samples of three.
    let text = panel(&app, 78, 7, cost_table);
    assert_eq!(table_row(&text, "1")[0], "1", "{text}");
    assert!(!text.contains("│3 "), "{text}");
    assert!(text.contains("samples 1–2 of 3 (PgUp/PgDn)"), "{text}");
    assert!(
        table_row(&text, "mean").contains(&"1/3".to_string()),
        "{text}"
    );
    app.update(Message::ScrollDown);
    let text = panel(&app, 78, 7, cost_table);
    assert!(text.contains("samples 2–3 of 3 (PgUp/PgDn)"), "{text}");
    assert!(
        table_row(&text, "3").join(" ").contains("✗ 1.34 2.30 1"),
        "{text}"
    );
    assert!(
        table_row(&text, "mean").contains(&"0.81".to_string()),
        "{text}"
    );
}

/// Ten outputs do not fit at 80 columns: O and d are cut with …, and the costs still show.
#[test]
fn a_wide_output_layer_cuts_o_and_d_not_the_costs() {
    let mut app = app("digits");
    for _ in 0..3 {
        app.update(Message::NextPhase);
    }
    assert_eq!(backstep::text::phase::name(app.run.stepper.phase()), "loss");
    let text = panel(&app, 78, 12, cost_table);
    let mean = table_row(&text, "mean");
    assert!(mean.last().unwrap().ends_with("/32"), "{text}");
    assert!(mean[1].parse::<f64>().is_ok(), "{text}");
    assert!(
        table_row(&text, "939")[1..].join(" ").contains('…'),
        "{text}"
    );
}

/// A half-MSE scenario's first chart shows half-MSE, the number its loss panel shows under
/// the same name: Mazur's total error before training, 0.298371.
#[test]
fn the_chart_names_the_cost_the_loss_panel_shows() {
    let mut app = app("two-two-two");
    let whole = screen(&mut app, 120, 40);
    assert!(whole.contains("half-MSE 0.2984"), "{whole}");
    assert!(!whole.contains(" MSE 0.5967"), "{whole}");
}

/// At 80×24 the phase panel of "hidden delta (layer 1)" is longer than its panel: it says
/// there is more, PgDn (once `f` gave it the focus: from the values, past the charts
/// and the diagram) brings the explanation's last words into
/// view, and no number of PgDn scrolls past them.
#[test]
fn the_phase_panel_scrolls_to_its_end_and_no_further() {
    let mut app = app("two-two-two");
    step_to(&mut app, "hidden delta (layer 1)");
    let area = backstep::tui::layout::regions(ratatui::layout::Rect::new(0, 0, 80, 24), None).phase;
    let last_words = "of this layer.";
    let first = panel(&app, area.width, area.height, ui::phase::render_phase);
    assert!(first.contains("↓ more (f, then PgDn)"), "{first}");
    assert!(!joined(&first).contains(last_words), "{first}");
    for _ in 0..3 {
        app.update(Message::FocusNext);
    }
    assert_eq!(app.focus(), Focus::Phase);
    let mut seen = Vec::new();
    for _ in 0..5 {
        app.update(Message::ScrollDown);
        seen.push(panel(
            &app,
            area.width,
            area.height,
            ui::phase::render_phase,
        ));
    }
    let end = &seen[0];
    assert!(seen.iter().all(|s| s == end), "{seen:?}");
    assert!(end.contains("↑ more") && !end.contains("↓ more"), "{end}");
    let bottom = end.lines().nth_back(1).unwrap();
    assert!(bottom.contains(last_words), "{end}");
    for _ in 0..5 {
        app.update(Message::ScrollUp);
    }
    let back = panel(&app, area.width, area.height, ui::phase::render_phase);
    assert!(
        back.contains("↓ more (PgDn)") && !back.contains("↑ more"),
        "{back}"
    );
    assert_eq!(back.lines().nth(1), first.lines().nth(1));
}

/// `z` on the phase panel at 80×24: the whole explanation over the screen, the status line
/// and the key bar kept, and the way back written on the border.
#[test]
fn the_phase_panel_zoomed_at_80x24() {
    let mut app = app("two-two-two");
    step_to(&mut app, "hidden delta (layer 1)");
    for _ in 0..3 {
        app.update(Message::FocusNext);
    }
    app.update(Message::Zoom);
    let text = screen(&mut app, 80, 24);
    for words in [
        "hidden delta (layer 1)",
        "0.0088",
        "of this layer.",
        "z or Esc: back",
    ] {
        assert!(joined(&text).contains(words), "{words} not in\n{text}");
    }
    assert!(!text.contains("↓ more"), "{text}");
    assert!(text.lines().last().unwrap().contains("next"), "{text}");
    insta::assert_snapshot!(text);
}

/// `Z` at "hidden delta (layer 1)": δ¹₁ (0.008771, tests/two_two_two_by_hand.py) named in
/// normal text, its digits drawn large over several rows, at 80×24 and 120×40.
#[test]
fn the_result_in_large_digits() {
    let mut app = app("two-two-two");
    step_to(&mut app, "hidden delta (layer 1)");
    let (name, value) =
        ui::digits::result(&app.run.stepper, app.selection(), app.sample()).expect("a result");
    assert_eq!(name, "δ¹₁");
    assert!((value - 0.008_771_354_689_486_93).abs() < 1e-12, "{value}");
    app.update(Message::BigDigits);
    for (width, height) in [(80, 24), (120, 40)] {
        let text = screen(&mut app, width, height);
        assert!(text.contains("δ¹₁"), "{text}");
        let glyph_rows = text.lines().filter(|l| l.contains('█')).count();
        assert!(glyph_rows >= 6, "{glyph_rows} rows of glyphs in\n{text}");
        assert!(text.contains("Z or Esc: back"), "{text}");
        if width == 80 {
            insta::assert_snapshot!(text);
        }
    }
    app.update(Message::Close);
    assert!(!screen(&mut app, 80, 24).contains('█'));
}

/// The light theme paints dark text on a light background over the whole screen, popups
/// included; with colours off (NO_COLOR) the light theme draws no colour at all.
#[test]
fn the_light_theme_and_no_color() {
    use ratatui::style::Color;
    let colours = |app: &App| -> Vec<(Color, Color)> {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|frame| ui::render(frame, app)).unwrap();
        let buffer = terminal.backend().buffer();
        buffer.content.iter().map(|c| (c.fg, c.bg)).collect()
    };
    let mut app = app("two-two-two");
    app.update(Message::ShowHelp);
    app.theme = Theme {
        color: true,
        light: true,
    };
    let light = colours(&app);
    assert!(
        light.iter().all(|&(_, bg)| bg != Color::Reset),
        "every cell has a background"
    );
    assert!(light.iter().any(|&(fg, _)| fg == Color::Black));
    app.theme.color = false;
    assert!(
        colours(&app)
            .iter()
            .all(|&c| c == (Color::Reset, Color::Reset))
    );
}

/// Every phase of the textbook iteration on the whole screen at 80×24 and at 120×40: the
/// number the phase is about (Mazur's example, by hand in tests/two_two_two_by_hand.py) is on
/// screen at both sizes. One snapshot per size holds every phase.
#[test]
fn every_phase_of_two_two_two_at_80x24_and_120x40() {
    let numbers = [
        ("forward (layer 1)", "0.5933"),
        ("forward (layer 2)", "0.7514"),
        ("loss", "0.2984"),
        ("output delta", "0.1385"),
        ("hidden delta (layer 1)", "0.0088"),
        ("gradients", "0.0822"),
        ("update (layer 2)", "0.3589"),
        ("update (layer 1)", "0.1498"),
        ("done", "0.2805"),
    ];
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app("two-two-two");
        let mut all = String::new();
        for (name, number) in numbers {
            app.update(Message::NextPhase);
            assert_eq!(backstep::text::phase::name(app.run.stepper.phase()), name);
            let text = screen(&mut app, width, height);
            assert!(
                text.contains(number),
                "{name} at {width}×{height}: {number} not on screen\n{text}"
            );
            all.push_str(&format!("== {name}\n{text}\n"));
        }
        insta::assert_snapshot!(format!("two_two_two_every_phase_{width}x{height}"), all);
    }
}

/// The confusion matrix of ten digits does not fit the classes view at 80×24: the view says
/// how many classes are below and how to see them, instead of cutting them silently.
#[test]
fn a_confusion_matrix_too_tall_says_what_is_below() {
    let mut app = app("digits");
    app.update(Message::FinishEpoch);
    app.update(Message::Toggle(Panel::Classes));
    let draw = |f: &mut ratatui::Frame, a, app: &App| {
        ui::classes::render_classes(f, a, app, &app.run, None)
    };
    let small = panel(&app, 40, 8, draw);
    assert!(small.contains("↓ 5 more: f, then z"), "{small}");
    let tall = panel(&app, 60, 20, draw);
    assert!(!tall.contains("more:"), "{tall}");
}

/// A matrix too wide for the panel (digits' V is 32×64) shows the columns that fit, says
/// which, and `>` moves them right: one line a row instead of dozens.
#[test]
fn a_wide_matrix_scrolls_sideways() {
    let mut app = app("digits");
    for _ in 0..8 {
        app.update(Message::NextPhase);
    }
    assert_eq!(
        backstep::text::phase::name(app.run.stepper.phase()),
        "update (layer 1)"
    );
    let text = |app: &App| values_text(app, usize::MAX);
    let lines = text(&app);
    assert!(lines.len() < 150, "{} lines", lines.len());
    let header = |lines: &[String]| {
        lines
            .iter()
            .find(|l| l.starts_with("V: old → new"))
            .cloned()
            .unwrap_or_default()
    };
    assert!(header(&lines).contains("columns 1–"), "{lines:#?}");
    assert!(header(&lines).contains("of 64 (< >)"), "{lines:#?}");
    for _ in 0..3 {
        app.update(Message::ScrollRight);
    }
    assert!(
        header(&text(&app)).contains("columns 4–"),
        "{:#?}",
        text(&app)
    );
    for _ in 0..100 {
        app.update(Message::ScrollRight);
    }
    assert!(
        header(&text(&app)).contains("–64 of 64"),
        "{:#?}",
        text(&app)
    );
}

/// PgDn stops where the drawn text ends, so the first PgUp after it moves at once.
#[test]
fn scrolling_stops_at_the_end_of_what_was_drawn() {
    let mut app = app("digits");
    for _ in 0..8 {
        app.update(Message::NextPhase);
    }
    screen(&mut app, 80, 24);
    let end = app.views.values_end.get();
    assert!(end > 0 && end < u16::MAX, "{end}");
    for _ in 0..1000 {
        app.update(Message::ScrollDown);
    }
    assert_eq!(app.views.values_scroll, end);
    app.update(Message::ScrollUp);
    assert!(app.views.values_scroll < end);
}

/// linear-rate-compare.toml (worked by hand in tests/numbers.rs): with η = 3 the MSE is 4^k
/// after k epochs, 4.49e307 after 511, and the copy diverges in epoch 512; with η = 0.5 it
/// is 4^−k, 2^−1030 = 8.692e−311 after 515. The MSE axis ends 5 % above the largest, at
/// 4.72e307. Charts of costs near f64::MAX are drawn (ratatui's
/// canvas would overflow on them and its line drawing never end), the diverged copy's row
/// says so, and the other copy's number is whole at 80×24.
#[test]
fn a_diverged_copy_in_compare_mode_at_80x24() {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut app = app("tests/fixtures/numbers/linear-rate-compare.toml");
        app.update(Message::ToggleCompare);
        for _ in 0..515 {
            app.update(Message::FinishEpoch);
        }
        done.send(screen(&mut app, 80, 24)).unwrap();
    });
    let text = finished
        .recv_timeout(std::time::Duration::from_secs(300))
        .expect("the screen is drawn (a chart of huge costs once never finished)");
    let row = |label: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("│{label} ")))
            .unwrap_or_else(|| panic!("no row {label} in\n{text}"))
            .to_string()
    };
    assert!(row("η = 3").contains(" diverged "), "{text}");
    assert!(row("η = 0.5").contains(" 8.692e−311 "), "{text}");
    assert!(
        text.contains("│4.72e307│"),
        "the top of the MSE axis, 1.05 × 4.494e307: {text}"
    );
}

/// The values panel writes out only what can be shown (a network of a million weights once
/// formatted every one of them each frame): asked for its first 12 lines at digits' update of
/// V (32×64, 32 rows and more), it gives at least 12 and far fewer than the whole text, and
/// their numbers are the whole text's first ones, in order.
#[test]
fn the_values_panel_writes_out_only_what_can_be_shown() {
    let mut app = app("digits");
    step_to(&mut app, "update (layer 1)");
    let text = |wanted: usize| values_text(&app, wanted);
    let (all, few) = (text(usize::MAX), text(12));
    assert!(
        few.len() >= 12 && few.len() * 2 < all.len(),
        "{} of {}",
        few.len(),
        all.len()
    );
    let words = |lines: &[String]| {
        lines
            .iter()
            .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    };
    let (all, few) = (words(&all), words(&few));
    assert_eq!(few[..], all[..few.len()]);
}

/// While auto-run runs at 80 columns, the status line keeps the counts and the speed in words
/// and shortens a long scenario name; paused, the name is whole and the phase shows.
#[test]
fn a_running_status_line_keeps_the_speed_at_80_columns() {
    let mut app = app("gd-modes");
    app.auto_run.speed = 4;
    app.update(Message::ToggleRun);
    let running = screen(&mut app, 80, 24);
    let first = running.lines().next().unwrap();
    assert!(first.contains("▶ 10 iterations/s"), "{first}");
    assert!(first.contains("│ ep. 1 │ it. 1/100 │"), "{first}");
    assert!(
        first.starts_with(" Gradient descent: batch, SGD,… │"),
        "{first}"
    );
    app.update(Message::ToggleRun);
    let paused = screen(&mut app, 80, 24);
    let first = paused.lines().next().unwrap();
    assert!(
        first.starts_with(" Gradient descent: batch, SGD, mini-batch │"),
        "{first}"
    );
    assert!(first.contains("│ start │ ⏸"), "{first}");
}

/// The values panel's first `wanted` lines (or all) at 38 cells, as text.
fn values_text(app: &App, wanted: usize) -> Vec<String> {
    ui::values::lines(app, 38, wanted)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}
