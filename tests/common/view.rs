//! The stepping view driven without a terminal: an app in plain black and white, a panel or
//! the whole screen drawn into ratatui's TestBackend and read back as text.

use backstep::tui::app::App;
use backstep::tui::theme::Theme;
use backstep::tui::{Message, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

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
        .map(|y| row(buffer, y, width).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Row `y` of `buffer` as text: a wide character (a Hangul syllable) once, not followed by
/// the cell it covers.
fn row(buffer: &ratatui::buffer::Buffer, y: u16, width: u16) -> String {
    let mut text = String::new();
    let mut x = 0;
    while x < width {
        let symbol = buffer[(x, y)].symbol();
        text.push_str(symbol);
        x += u16::try_from(symbol.width()).unwrap_or(1).max(1);
    }
    text
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
