//! The browser's keys as the app's.

use backstep::tui::key::{KeyCode, KeyEvent, KeyModifiers};
use ratzilla::event as web;

/// The browser's key as the app's, or none for a key the browser keeps: with Ctrl or Alt
/// (copying the screen's text, reloading; the app binds none), F-keys and the like. A typed
/// character already says whether Shift was held, so Shift is kept only on a capital
/// letter, as the terminal reports it.
pub fn key_of(key: &web::KeyEvent) -> Option<KeyEvent> {
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
        _ => return None,
    };
    if key.ctrl || key.alt {
        return None;
    }
    let capital = matches!(code, KeyCode::Char(c) if c.is_uppercase());
    let shift = key.shift && (capital || !matches!(code, KeyCode::Char(_)));
    let modifiers = if shift {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    Some(KeyEvent::new(code, modifiers))
}
