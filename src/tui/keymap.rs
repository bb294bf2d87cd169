//! The keys: one table that both dispatches key presses and writes the help popup.

use std::sync::LazyLock;

use super::key::{KeyCode, KeyEvent, KeyModifiers};

use super::message::Message;
use super::panel::Panel;
use crate::words;

/// Keys bound to one message.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// The keys, each with the modifiers it needs.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in the help and the key bar.
    pub label: &'static str,
    /// What they do.
    pub message: Message,
    /// The help text, from the catalog.
    pub description: fn() -> String,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

/// The keys of the app but the views', in the order the help lists them.
const KEYS: &[Binding] = &[
    Binding {
        keys: &[
            (KeyCode::Char(' '), NONE),
            (KeyCode::Right, NONE),
            (KeyCode::Char('l'), NONE),
        ],
        label: "Space/→/l",
        message: Message::NextPhase,
        description: || words!("view-key-next-phase"),
    },
    Binding {
        keys: &[
            (KeyCode::Left, NONE),
            (KeyCode::Char('h'), NONE),
            (KeyCode::Backspace, NONE),
        ],
        label: "←/h/Bksp",
        message: Message::PreviousPhase,
        description: || words!("view-key-previous-phase"),
    },
    Binding {
        keys: &[(KeyCode::Char('n'), NONE)],
        label: "n",
        message: Message::FinishIteration,
        description: || words!("view-key-finish-iteration"),
    },
    Binding {
        keys: &[(KeyCode::Char('e'), NONE)],
        label: "e",
        message: Message::FinishEpoch,
        description: || words!("view-key-finish-epoch"),
    },
    Binding {
        keys: &[(KeyCode::Char('N'), SHIFT), (KeyCode::Char('N'), NONE)],
        label: "N",
        message: Message::BackIteration,
        description: || words!("view-key-back-iteration"),
    },
    Binding {
        keys: &[(KeyCode::Char('E'), SHIFT), (KeyCode::Char('E'), NONE)],
        label: "E",
        message: Message::BackEpoch,
        description: || words!("view-key-back-epoch"),
    },
    Binding {
        keys: &[(KeyCode::Char('r'), NONE)],
        label: "r",
        message: Message::ToggleRun,
        description: || words!("view-key-run"),
    },
    Binding {
        keys: &[
            (KeyCode::Char('+'), NONE),
            (KeyCode::Char('+'), SHIFT),
            (KeyCode::Char('='), NONE),
        ],
        label: "+",
        message: Message::Faster,
        description: || words!("view-key-faster"),
    },
    Binding {
        keys: &[(KeyCode::Char('-'), NONE)],
        label: "-",
        message: Message::Slower,
        description: || words!("view-key-slower"),
    },
    Binding {
        keys: &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
        label: "↓/j",
        message: Message::SelectNext,
        description: || words!("view-key-select-next"),
    },
    Binding {
        keys: &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
        label: "↑/k",
        message: Message::SelectPrevious,
        description: || words!("view-key-select-previous"),
    },
    Binding {
        keys: &[(KeyCode::Tab, NONE)],
        label: "Tab",
        message: Message::SelectNextLayer,
        description: || words!("view-key-select-layer"),
    },
    Binding {
        keys: &[(KeyCode::Char('.'), NONE)],
        label: ".",
        message: Message::NextSample,
        description: || words!("view-key-next-sample"),
    },
    Binding {
        keys: &[(KeyCode::Char(','), NONE)],
        label: ",",
        message: Message::PreviousSample,
        description: || words!("view-key-previous-sample"),
    },
    Binding {
        keys: &[(KeyCode::Char(']'), NONE)],
        label: "]",
        message: Message::MorePrecision,
        description: || words!("view-key-more-precision"),
    },
    Binding {
        keys: &[(KeyCode::Char('['), NONE)],
        label: "[",
        message: Message::LessPrecision,
        description: || words!("view-key-less-precision"),
    },
    Binding {
        keys: &[(KeyCode::Char('c'), NONE)],
        label: "c",
        message: Message::ToggleCompare,
        description: || words!("view-key-compare"),
    },
    Binding {
        keys: &[(KeyCode::Char('f'), NONE)],
        label: "f",
        message: Message::FocusNext,
        description: || words!("view-key-focus"),
    },
    Binding {
        keys: &[(KeyCode::Char('z'), NONE)],
        label: "z",
        message: Message::Zoom,
        description: || words!("view-key-zoom"),
    },
    Binding {
        keys: &[(KeyCode::Char('Z'), SHIFT), (KeyCode::Char('Z'), NONE)],
        label: "Z",
        message: Message::BigDigits,
        description: || words!("view-key-big-digits"),
    },
    Binding {
        keys: &[(KeyCode::Char('T'), SHIFT), (KeyCode::Char('T'), NONE)],
        label: "T",
        message: Message::ToggleTheme,
        description: || words!("view-key-theme"),
    },
    Binding {
        keys: &[(KeyCode::PageDown, NONE)],
        label: "PgDn",
        message: Message::ScrollDown,
        description: || words!("view-key-scroll-down"),
    },
    Binding {
        keys: &[(KeyCode::PageUp, NONE)],
        label: "PgUp",
        message: Message::ScrollUp,
        description: || words!("view-key-scroll-up"),
    },
    Binding {
        keys: &[(KeyCode::Char('>'), NONE), (KeyCode::Char('>'), SHIFT)],
        label: ">",
        message: Message::ScrollRight,
        description: || words!("view-key-scroll-right"),
    },
    Binding {
        keys: &[(KeyCode::Char('<'), NONE), (KeyCode::Char('<'), SHIFT)],
        label: "<",
        message: Message::ScrollLeft,
        description: || words!("view-key-scroll-left"),
    },
    Binding {
        keys: &[(KeyCode::Char('t'), NONE)],
        label: "t",
        message: Message::EvaluateTest,
        description: || words!("view-key-test"),
    },
    Binding {
        keys: &[(KeyCode::Char('x'), NONE)],
        label: "x",
        message: Message::ToggleXAxis,
        description: || words!("view-key-x-axis"),
    },
    Binding {
        keys: &[(KeyCode::Char('y'), NONE)],
        label: "y",
        message: Message::ToggleLogY,
        description: || words!("view-key-y-axis"),
    },
    Binding {
        keys: &[(KeyCode::Char('p'), NONE)],
        label: "p",
        message: Message::TogglePractice,
        description: || words!("practice-key-toggle"),
    },
    Binding {
        keys: &[(KeyCode::Char('s'), NONE)],
        label: "s",
        message: Message::OpenPicker,
        description: || words!("view-key-picker"),
    },
    Binding {
        keys: &[(KeyCode::Char('o'), NONE)],
        label: "o",
        message: Message::OpenSettings,
        description: || words!("view-key-settings"),
    },
    Binding {
        keys: &[(KeyCode::Char('w'), NONE)],
        label: "w",
        message: Message::OpenExport,
        description: || words!("view-key-export"),
    },
    Binding {
        keys: &[(KeyCode::Char('S'), SHIFT), (KeyCode::Char('S'), NONE)],
        label: "S",
        message: Message::SaveSession,
        description: || words!("view-key-save-session"),
    },
    Binding {
        keys: &[(KeyCode::Char('R'), SHIFT), (KeyCode::Char('R'), NONE)],
        label: "R",
        message: Message::Reset,
        description: || words!("view-key-reset"),
    },
    Binding {
        keys: &[(KeyCode::Char('?'), NONE), (KeyCode::Char('?'), SHIFT)],
        label: "?",
        message: Message::ShowHelp,
        description: || words!("view-key-help"),
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE)],
        label: "Enter",
        message: Message::Confirm,
        description: || words!("view-key-confirm"),
    },
    Binding {
        keys: &[(KeyCode::Esc, NONE)],
        label: "Esc",
        message: Message::Close,
        description: || words!("view-key-close"),
    },
    Binding {
        keys: &[
            (KeyCode::Char('q'), NONE),
            (KeyCode::Char('c'), KeyModifiers::CONTROL),
        ],
        label: "q",
        message: Message::Quit,
        description: || words!("view-key-quit"),
    },
];

/// Every key of the app, in the order the help lists them: the views' keys (see [`Panel`])
/// after the scrolling keys. Built once: key presses and the key bar read it every frame.
pub fn keymap() -> &'static [Binding] {
    static KEYMAP: LazyLock<Vec<Binding>> = LazyLock::new(bindings);
    &KEYMAP
}

fn bindings() -> Vec<Binding> {
    let views = Panel::ALL.map(|panel| Binding {
        keys: panel.keys(),
        label: panel.label(),
        message: Message::Toggle(panel),
        description: panel.description(),
    });
    let at = KEYS
        .iter()
        .position(|b| b.message == Message::ScrollUp)
        .map_or(KEYS.len(), |i| i + 1);
    let mut all = KEYS[..at].to_vec();
    all.extend(views);
    all.extend_from_slice(&KEYS[at..]);
    all
}

/// The message a key press asks for, if any. While a question waits for a typed answer
/// (`typing`), digits, `.`, `-` and `e` type and Backspace erases instead of what they do
/// otherwise.
pub fn message_for(key: KeyEvent, typing: bool) -> Option<Message> {
    if typing && key.modifiers == NONE {
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() || matches!(c, '.' | '-' | 'e') => {
                return Some(Message::Type(c));
            }
            KeyCode::Backspace => return Some(Message::Erase),
            _ => {}
        }
    }
    keymap().iter().find_map(|b| {
        b.keys
            .iter()
            .any(|(code, modifiers)| *code == key.code && *modifiers == key.modifiers)
            .then_some(b.message)
    })
}

/// The message a key press asks for in the settings panel. While a value or a path is
/// typed (`typing`), every character types; otherwise the arrows (and h, j, k, l) move and
/// change, the characters that begin a number type, `w` saves, Enter applies, Esc closes.
pub fn settings_message(key: KeyEvent, typing: bool) -> Option<Message> {
    use super::settings::SettingsInput as Input;
    let plain = key.modifiers == NONE || key.modifiers == SHIFT;
    let input = match key.code {
        KeyCode::Char('c') if key.modifiers == KeyModifiers::CONTROL => return Some(Message::Quit),
        KeyCode::Char(c) if typing && plain => Input::Type(c),
        KeyCode::Backspace if typing => Input::Erase,
        KeyCode::Enter => Input::Confirm,
        KeyCode::Esc => Input::Close,
        _ if typing => return None,
        KeyCode::Char(c) if c.is_ascii_digit() || matches!(c, '.' | '-' | '[') => Input::Type(c),
        KeyCode::Up | KeyCode::Char('k') => Input::Up,
        KeyCode::Down | KeyCode::Char('j') => Input::Down,
        KeyCode::Right | KeyCode::Char('l') => Input::Next,
        KeyCode::Left | KeyCode::Char('h') => Input::Previous,
        KeyCode::Char('w') => Input::Save,
        KeyCode::Char('q') => return Some(Message::Quit),
        _ => return None,
    };
    Some(Message::Settings(input))
}

/// The binding of a message (for the key bar).
pub fn binding(message: Message) -> Option<Binding> {
    keymap().iter().find(|b| b.message == message).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_design_keys_are_bound() {
        let key = |c| KeyEvent::new(c, NONE);
        assert_eq!(
            message_for(key(KeyCode::Char(' ')), false),
            Some(Message::NextPhase)
        );
        assert_eq!(
            message_for(key(KeyCode::Right), false),
            Some(Message::NextPhase)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('h')), false),
            Some(Message::PreviousPhase)
        );
        assert_eq!(
            message_for(key(KeyCode::Backspace), false),
            Some(Message::PreviousPhase)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('n')), false),
            Some(Message::FinishIteration)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('e')), false),
            Some(Message::FinishEpoch)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('r')), false),
            Some(Message::ToggleRun)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('?')), false),
            Some(Message::ShowHelp)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('q')), false),
            Some(Message::Quit)
        );
        assert_eq!(message_for(key(KeyCode::Esc), false), Some(Message::Close));
        assert_eq!(
            message_for(
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                false
            ),
            Some(Message::Quit)
        );
    }

    #[test]
    fn while_a_question_waits_the_keys_of_a_number_type() {
        let key = |c| KeyEvent::new(c, NONE);
        for c in ['0', '7', '.', '-', 'e'] {
            assert_eq!(
                message_for(key(KeyCode::Char(c)), true),
                Some(Message::Type(c))
            );
        }
        assert_eq!(
            message_for(key(KeyCode::Backspace), true),
            Some(Message::Erase)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('-')), false),
            Some(Message::Slower)
        );
        assert_eq!(
            message_for(key(KeyCode::Enter), true),
            Some(Message::Confirm)
        );
        assert_eq!(message_for(key(KeyCode::Esc), true), Some(Message::Close));
        assert_eq!(
            message_for(key(KeyCode::Char('p')), false),
            Some(Message::TogglePractice)
        );
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for b in keymap() {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn in_the_settings_panel_the_arrows_change_and_every_character_types_a_value() {
        use crate::tui::settings::SettingsInput as Input;
        let key = |c| KeyEvent::new(c, NONE);
        let settings = |c, typing| settings_message(key(c), typing);
        assert_eq!(
            settings(KeyCode::Right, false),
            Some(Message::Settings(Input::Next))
        );
        assert_eq!(
            settings(KeyCode::Char('h'), false),
            Some(Message::Settings(Input::Previous))
        );
        assert_eq!(
            settings(KeyCode::Char('7'), false),
            Some(Message::Settings(Input::Type('7')))
        );
        assert_eq!(
            settings(KeyCode::Char('w'), false),
            Some(Message::Settings(Input::Save))
        );
        assert_eq!(
            settings(KeyCode::Char('w'), true),
            Some(Message::Settings(Input::Type('w')))
        );
        assert_eq!(
            settings(KeyCode::Char('q'), true),
            Some(Message::Settings(Input::Type('q')))
        );
        assert_eq!(settings(KeyCode::Char('q'), false), Some(Message::Quit));
        assert_eq!(
            settings(KeyCode::Backspace, true),
            Some(Message::Settings(Input::Erase))
        );
        assert_eq!(
            settings(KeyCode::Esc, true),
            Some(Message::Settings(Input::Close))
        );
        assert_eq!(settings(KeyCode::Left, true), None);
        assert_eq!(
            message_for(key(KeyCode::Char('o')), false),
            Some(Message::OpenSettings)
        );
    }
}
