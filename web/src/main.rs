//! backstep in the browser: the same app as the terminal's, drawn by ratzilla's DOM back end
//! (the screen's text is real text in the page). The page forwards the browser's keys to the
//! app, gives it the page's clock, and draws it with the terminal's render function on every
//! animation frame. It offers the built-in scenarios; files are refused.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use backstep::tui::key::{KeyCode, KeyEvent, KeyModifiers};
use backstep::tui::scenarios::Builtins;
use backstep::tui::{App, Screen};
use ratzilla::event as web;
use ratzilla::ratatui::Terminal;
use ratzilla::{DomBackend, WebRenderer};

/// The scenario the page opens.
const FIRST: &str = "two-two-two";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let app = App::new(Rc::new(Builtins), FIRST).map_err(|e| e.to_string())?;
    let app = Rc::new(RefCell::new(app));
    let backend = DomBackend::new()?;
    let mut terminal = Terminal::new(backend)?;
    terminal.on_key_event({
        let app = Rc::clone(&app);
        move |key| app.borrow_mut().key(key_of(&key))
    })?;
    terminal.draw_web(move |frame| {
        let mut app = app.borrow_mut();
        app.tick(&now);
        app.draw(frame);
        backstep::tui::ui::wrap::clear_covered(frame.buffer_mut());
    });
    Ok(())
}

/// The time since the page loaded (the browser's clock: `std::time::Instant` has none here).
fn now() -> Duration {
    let millis = web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now());
    Duration::from_secs_f64(millis / 1000.0)
}

/// The browser's key as the app's. A typed character already says whether Shift was held,
/// so Shift is kept only on a capital letter, as the terminal reports it.
fn key_of(key: &web::KeyEvent) -> KeyEvent {
    let code = match key.code {
        web::KeyCode::Char(c) => KeyCode::Char(c),
        web::KeyCode::Left => KeyCode::Left,
        web::KeyCode::Right => KeyCode::Right,
        web::KeyCode::Up => KeyCode::Up,
        web::KeyCode::Down => KeyCode::Down,
        web::KeyCode::Backspace => KeyCode::Backspace,
        web::KeyCode::Enter => KeyCode::Enter,
        web::KeyCode::Esc => KeyCode::Esc,
        web::KeyCode::PageUp => KeyCode::PageUp,
        web::KeyCode::PageDown => KeyCode::PageDown,
        web::KeyCode::Tab => KeyCode::Tab,
        _ => KeyCode::Other,
    };
    let capital = matches!(code, KeyCode::Char(c) if c.is_uppercase());
    let mut modifiers = KeyModifiers::NONE;
    for (held, ours) in [
        (
            key.shift && (capital || !matches!(code, KeyCode::Char(_))),
            KeyModifiers::SHIFT,
        ),
        (key.ctrl, KeyModifiers::CONTROL),
        (key.alt, KeyModifiers::ALT),
    ] {
        if held {
            modifiers = modifiers | ours;
        }
    }
    KeyEvent::new(code, modifiers)
}
