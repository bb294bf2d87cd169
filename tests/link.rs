//! Links that open a place (the web page's address), opened as the page opens them: with the
//! built-in scenarios alone and a lesson's progress kept nowhere. The screen is read from a
//! test terminal.

use std::rc::Rc;

use backstep::tui::lesson::Unkept;
use backstep::tui::link::Link;
use backstep::tui::scenarios::Builtins;
use backstep::tui::ui::wrap::row_text;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The screen `query` opens, at 120×40, as text.
fn opened(query: &str) -> String {
    let mut screen = Link::parse(query)
        .open(Rc::new(Builtins), Rc::new(Unkept))
        .unwrap();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| screen.draw(frame)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..40).map(|y| row_text(buffer, y) + "\n").collect()
}

#[test]
fn phase_four_of_two_two_two_is_its_output_delta() {
    let text = opened("?scenario=two-two-two&phase=4");
    // Matt Mazur's worked example: δ_o1 = 0.138498562, δ_o2 = −0.038098236.
    assert!(text.contains("output delta"), "{text}");
    assert!(text.contains("δ² = (+0.1385 −0.0381)"), "{text}");
    let text = opened("?scenario=two-two-two&phase=5");
    assert!(
        text.lines().next().unwrap().contains("hidden delta"),
        "{text}"
    );
}

#[test]
fn a_lesson_opens_at_its_first_stop() {
    let text = opened("?lesson=backprop");
    assert!(text.contains("Back-propagation, step by step"), "{text}");
}

#[test]
fn what_cannot_be_opened_is_said_and_two_two_two_opens() {
    let text = opened("?scenario=no-such-scenario&phase=2");
    assert!(text.contains("no-such-scenario"), "{text}");
    assert!(text.contains("Two-two-two by hand"), "{text}");
    let text = opened("?lesson=no-such-lesson&scenario=xor");
    assert!(text.contains("no-such-lesson"), "{text}");
    assert!(text.contains("XOR"), "{text}");
}
