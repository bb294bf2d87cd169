//! Issue 14's export from the view (`w`): each entry writes its file into the export folder
//! (the handout of the iteration under way as `trace` writes it, the charts, the curves, the
//! screen, the scenario as run), replaces an old file whole, and a failed write leaves what
//! was there; the menu drawn at 80×24.

mod common;

use backstep::tui::Message;
use backstep::tui::app::App;
use backstep::tui::export::write_asked;
use backstep::tui::export_menu::Export;
use common::view::{app, screen};
use common::{backstep, text};

/// `app` with its exports going into `dir`.
fn exporting(scenario: &str, dir: &std::path::Path) -> App {
    let mut app = app(scenario);
    app.export_dir = Some(dir.display().to_string());
    app
}

/// Chooses `export` in the menu and lets the front end write it; the notice.
fn export(app: &mut App, export: Export) -> String {
    app.update(Message::OpenExport);
    let at = Export::ALL.iter().position(|e| *e == export).unwrap();
    for _ in 0..at {
        app.update(Message::SelectNext);
    }
    app.update(Message::Confirm);
    assert_eq!(app.export_menu, None);
    write_asked(app);
    app.notice.clone().unwrap_or_default()
}

fn output(args: &[&str]) -> String {
    let run = backstep(args);
    assert!(run.status.success(), "{args:?}: {}", text(&run.stderr));
    text(&run.stdout)
}

#[test]
fn the_handout_is_the_iteration_under_way_as_trace_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = exporting("xor", dir.path());
    for _ in 0..2 {
        app.update(Message::FinishIteration);
    }
    for _ in 0..3 {
        app.update(Message::NextPhase);
    }
    let notice = export(&mut app, Export::Markdown);
    let file = dir.path().join("xor-iteration-3.md");
    assert!(notice.contains("xor-iteration-3.md"), "{notice}");
    let exported = std::fs::read_to_string(file).unwrap();
    let traced = output(&["trace", "xor", "--steps", "3", "--format", "markdown"]);
    let third = exported.find("## Epoch 1, iteration 3 of 4").unwrap();
    let first = traced.find("## Epoch 1, iteration 1 of 4").unwrap();
    assert_eq!(exported[..third], traced[..first], "the same header");
    assert!(
        traced.ends_with(&exported[third..]),
        "the same third iteration"
    );
    assert_eq!(app.run.stepper.completed(), 2, "the view did not move");

    export(&mut app, Export::Latex);
    let latex = std::fs::read_to_string(dir.path().join("xor-iteration-3.tex")).unwrap();
    assert!(latex.contains("\\begin{document}") && latex.ends_with("\\end{document}\n"));
}

#[test]
fn charts_curves_screen_and_scenario_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = exporting("xor", dir.path());
    for _ in 0..5 {
        app.update(Message::FinishIteration);
    }
    export(&mut app, Export::Svg);
    let svg = std::fs::read_to_string(dir.path().join("xor-curves.svg")).unwrap();
    // One point at the start and one after each of the 5 iterations: 6 points a curve, a
    // curve in each of the three panels.
    let curves = svg
        .match_indices("<polyline")
        .filter(|(at, _)| {
            let end = svg[*at..].find("/>").unwrap();
            let points = &svg[*at..*at + end];
            points
                .split("points=\"")
                .nth(1)
                .is_some_and(|p| p.split('"').next().unwrap().split_whitespace().count() == 6)
        })
        .count();
    assert_eq!(curves, 3);

    export(&mut app, Export::Png);
    let png = std::fs::read(dir.path().join("xor-curves.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");

    export(&mut app, Export::Csv);
    let csv = std::fs::read_to_string(dir.path().join("xor-curves.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 6, "a header and six points");
    assert!(
        csv.lines()
            .nth(6)
            .unwrap()
            .starts_with("\"XOR, the classic\",5,1.25,")
    );

    app.size = (100, 30);
    app.notice = None;
    app.written = None;
    export(&mut app, Export::Screen);
    let written = std::fs::read_to_string(dir.path().join("xor-screen.txt")).unwrap();
    app.notice = None;
    app.written = None;
    assert_eq!(written, format!("{}\n", screen(&mut app, 100, 30)));

    let notice = export(&mut app, Export::Scenario);
    let file = dir.path().join("xor-as-run.toml");
    assert!(notice.contains("xor-as-run.toml"), "{notice}");
    output(&["check", file.to_str().unwrap()]);
}

#[test]
fn an_old_file_is_replaced_whole_and_a_failed_write_leaves_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = exporting("two-two-two", dir.path());
    let file = dir.path().join("two-two-two-curves.csv");
    std::fs::write(&file, "old").unwrap();
    export(&mut app, Export::Csv);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("run,iteration")
    );

    // A folder where the file would go: the write fails, the folder and what is in it stay,
    // and no temporary file is left behind.
    let blocked = dir.path().join("two-two-two-screen.txt");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("inside"), "kept").unwrap();
    let notice = export(&mut app, Export::Screen);
    assert!(notice.starts_with("could not write"), "{notice}");
    assert_eq!(
        std::fs::read_to_string(blocked.join("inside")).unwrap(),
        "kept"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with(".backstep-")),
        "{names:?}"
    );
}

#[test]
fn the_export_menu_at_80x24() {
    let mut app = app("two-two-two");
    app.update(Message::OpenExport);
    app.update(Message::SelectNext);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
    app.update(Message::Close);
    assert_eq!(app.export_menu, None);
}

#[test]
fn the_status_line_names_the_file_written_until_the_next_move() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = exporting("xor", dir.path());
    export(&mut app, Export::Csv);
    let path = dir.path().join("xor-curves.csv").display().to_string();
    for (width, height) in [(120, 40), (80, 24)] {
        let drawn = screen(&mut app, width, height);
        let status = drawn.lines().next().unwrap().to_string();
        let name = if width == 80 {
            "xor-curves.csv"
        } else {
            path.as_str()
        };
        assert!(
            status.contains("wrote") && status.contains(name),
            "{status}"
        );
    }
    app.update(Message::NextPhase);
    let status = screen(&mut app, 120, 40)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(!status.contains("wrote"), "{status}");
}
