//! A key press as the app reads it, whichever front end delivered it: the terminal's event
//! loop converts crossterm's key events to it, a web page converts the browser's.

/// A key press: the key and the modifiers held with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyEvent {
    /// The key.
    pub code: KeyCode,
    /// The modifiers held.
    pub modifiers: KeyModifiers,
}

impl KeyEvent {
    /// The key `code` pressed with `modifiers`.
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent { code, modifiers }
    }
}

/// The keys the app reads; any other key is [`KeyCode::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCode {
    /// A character (an upper-case letter when typed with Shift).
    Char(char),
    /// The left arrow.
    Left,
    /// The right arrow.
    Right,
    /// The up arrow.
    Up,
    /// The down arrow.
    Down,
    /// Backspace.
    Backspace,
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Tab.
    Tab,
    /// A key the app does not read.
    Other,
}

/// The modifiers held with a key: none, Shift, Control, Alt, or several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyModifiers(u8);

impl KeyModifiers {
    /// No modifier.
    pub const NONE: KeyModifiers = KeyModifiers(0);
    /// Shift.
    pub const SHIFT: KeyModifiers = KeyModifiers(1);
    /// Control.
    pub const CONTROL: KeyModifiers = KeyModifiers(2);
    /// Alt.
    pub const ALT: KeyModifiers = KeyModifiers(4);
    /// Any other modifier (Super, Meta…), which no binding asks for.
    pub const OTHER: KeyModifiers = KeyModifiers(8);
}

impl std::ops::BitOr for KeyModifiers {
    type Output = KeyModifiers;

    fn bitor(self, other: KeyModifiers) -> KeyModifiers {
        KeyModifiers(self.0 | other.0)
    }
}
