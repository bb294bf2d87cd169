//! The buttons a front end shows for a screen without a keyboard (a tablet): back, next, run
//! and help, each pressing the key that does it in the terminal; and what a page says when
//! asked to quit.

use super::key::{KeyCode, KeyEvent, KeyModifiers};
use crate::words;

/// One touch button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TouchButton {
    /// The button's id in the page.
    pub id: &'static str,
    /// Its words, in the current language.
    pub label: String,
    /// The key it presses.
    pub key: KeyEvent,
}

/// The touch buttons, in the order shown, labelled in the current language.
pub fn touch_buttons() -> [TouchButton; 4] {
    let button = |id, label, code| TouchButton {
        id,
        label,
        key: KeyEvent::new(code, KeyModifiers::NONE),
    };
    [
        button("back", words!("web-button-back"), KeyCode::Left),
        button("next", words!("web-button-next"), KeyCode::Right),
        button("run", words!("web-button-run"), KeyCode::Char('r')),
        button("help", words!("web-button-help"), KeyCode::Char('?')),
    ]
}

/// What a page says when asked to quit (`q`): it stays open, the browser's tab is closed to
/// leave.
pub fn stays_open() -> String {
    words!("web-quit")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::message_for;
    use crate::tui::message::Message;

    #[test]
    fn each_button_presses_the_key_that_does_what_it_says() {
        let [back, next, run, help] = touch_buttons();
        let message = |b: &TouchButton| message_for(b.key, false);
        assert_eq!(message(&back), Some(Message::PreviousPhase));
        assert_eq!(message(&next), Some(Message::NextPhase));
        assert_eq!(message(&run), Some(Message::ToggleRun));
        assert_eq!(message(&help), Some(Message::ShowHelp));
        assert_eq!(next.label, "next ▶");
    }
}
