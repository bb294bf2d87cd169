//! The decision boundary view (`b`): on XOR after training the four corners of the input
//! plane show their class, by colour and by the characters drawn without colours; the view
//! on a scenario without two inputs says why; screens kept as snapshots.

use backstep::tui::Message;
use backstep::tui::app::App;
use backstep::tui::panel::Panel;
use backstep::tui::theme::Theme;
use backstep::tui::ui::boundary::render_boundary;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
mod common;

use common::view::{app, screen};

/// XOR trained for its 1000 epochs (4000 iterations; `backstep train xor` ends with no
/// classification error), with the boundary view on.
fn trained_xor(color: bool) -> App {
    let mut app = app("xor");
    app.theme = Theme {
        color,
        light: false,
    };
    app.run.fast_forward(4000).unwrap();
    assert_eq!(app.run.stepper.costs().classification_error, 0.0);
    app.update(Message::Toggle(Panel::Boundary));
    app
}

/// The view drawn alone into `width` × `height` cells.
fn drawn(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| render_boundary(frame, frame.area(), app, &app.run))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The map's corners in a 60 × 22 view of XOR: the plane runs from −0.1 to 1.1 on both
/// axes; inside the border (58 × 20) the map starts after a gutter of "-0.10" and a space
/// (column 7), is 37 wide (58 less the gutter's 6, the neurons' column of 58/4 = 14 and a
/// space: columns 7 to 43) and 19 rows high (rows 1 to 19) above x₁'s axis. Each corner cell is a tenth of the range away from a data point, so it has
/// the point's class: (0, 0) and (1, 1) are class 0, (0, 1) and (1, 0) class 1. The corners
/// themselves hold no data point (the points lie a margin inside).
const CORNERS: [((u16, u16), usize); 4] = [
    ((7, 1), 1),   // top left: x₁ = −0.1, x₂ = 1.1, near (0, 1)
    ((43, 1), 0),  // top right: near (1, 1)
    ((7, 19), 0),  // bottom left: near (0, 0)
    ((43, 19), 1), // bottom right: near (1, 0)
];

#[test]
fn the_four_corners_of_trained_xor_have_their_class_colour() {
    let app = trained_xor(true);
    let buffer = drawn(&app, 60, 22);
    for ((x, y), class) in CORNERS {
        let cell = &buffer[(x, y)];
        assert_eq!(cell.symbol(), "▀", "({x}, {y}) is a map cell");
        let Color::Rgb(r, _, b) = cell.fg else {
            panic!("({x}, {y}) is coloured: {cell:?}");
        };
        // Class 0 is blue (more blue than red), class 1 orange (more red than blue).
        assert_eq!(usize::from(r > b), class, "({x}, {y}): {cell:?}");
    }
}

#[test]
fn the_four_corners_of_trained_xor_have_their_class_characters_without_colour() {
    let app = trained_xor(false);
    let buffer = drawn(&app, 60, 22);
    for ((x, y), class) in CORNERS {
        let symbol = buffer[(x, y)].symbol();
        let of_class = [" .:-", " +*#"][class];
        assert!(
            symbol != " " && of_class.contains(symbol),
            "({x}, {y}) shows {symbol:?}, not a sure class {class}"
        );
    }
}

#[test]
fn a_network_without_two_inputs_has_no_boundary() {
    let mut app = app("iris");
    app.update(Message::Toggle(Panel::Boundary));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("two inputs"), "{text}");
    assert!(!text.contains('▀'));
}

#[test]
fn the_view_at_80_by_24() {
    let mut app = trained_xor(false);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn every_neuron_of_circles_has_its_map_at_80_by_24_and_spirals_names_its_layer() {
    let mut circles = app("circles");
    circles.update(Message::Toggle(Panel::Boundary));
    let text = screen(&mut circles, 80, 24);
    for name in ["h₁", "h₂", "h₃", "h₄", "h₅", "h₆", "h₇", "h₈"] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    let mut spirals = app("spirals");
    spirals.update(Message::Toggle(Panel::Boundary));
    let text = screen(&mut spirals, 120, 40);
    assert!(text.contains("a¹₁") && text.contains("a¹₈"), "{text}");
    assert!(!text.contains("a¹₉"), "at most 8:\n{text}");
}

#[test]
fn the_view_at_120_by_40() {
    let mut app = trained_xor(false);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

/// `scenario` trained for its epochs: the training and validation classification errors
/// before and after.
fn errors(scenario: &str) -> ((f64, f64), (f64, f64)) {
    let setup = backstep::scenario::Scenario::load(scenario)
        .unwrap()
        .setup()
        .unwrap();
    let mut stepper = setup.stepper();
    let of = |s: &backstep::nn::Stepper| {
        let validation = s.validation_costs().unwrap().classification_error;
        (s.costs().classification_error, validation)
    };
    let before = of(&stepper);
    let epochs = stepper.training().epochs as u64;
    let iterations = epochs * stepper.iterations_per_epoch() as u64;
    stepper.fast_forward(iterations).unwrap();
    (before, of(&stepper))
}

#[test]
fn circles_are_learned_within_their_epochs() {
    let (_, (training, validation)) = errors("circles");
    assert!(
        training < 0.05 && validation < 0.05,
        "{training} {validation}"
    );
}

#[test]
fn spirals_are_learned_within_their_epochs() {
    let ((start, _), (training, validation)) = errors("spirals");
    assert!(start > 0.3, "a guess at the start: {start}");
    assert!(
        training < 0.1 && validation < 0.1,
        "{training} {validation}"
    );
}
