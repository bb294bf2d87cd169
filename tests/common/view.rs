//! The stepping view driven without a terminal: an app in plain black and white, a panel or
//! the whole screen drawn into ratatui's TestBackend and read back as text.

use backstep::tui::app::App;
use backstep::tui::theme::Theme;
use backstep::tui::{Message, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The built-in (or file) `scenario` opened in the view, without colours.
pub fn app(scenario: &str) -> App {
    let mut app = backstep::tui::load(scenario).unwrap();
    app.theme = Theme {
        color: false,
        light: false,
    };
    app
}

/// One panel as text, drawn alone into a `width` × `height` area by `draw`.
pub fn panel(
    app: &App,
    width: u16,
    height: u16,
    draw: impl Fn(&mut ratatui::Frame, ratatui::layout::Rect, &App),
) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| draw(frame, frame.area(), app))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| backstep::tui::ui::wrap::row_text(buffer, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The whole screen as text, one line per row.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.size = (width, height);
    panel(app, width, height, |frame, _, app| ui::render(frame, app))
}

/// Steps `app` to the phase named `name`.
pub fn step_to(app: &mut App, name: &str) {
    for _ in 0..20 {
        if backstep::text::phase::name(app.run.stepper.phase()) == name {
            return;
        }
        app.update(Message::NextPhase);
    }
    panic!("never reached {name}");
}
