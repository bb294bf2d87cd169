//! The keys: one table that both dispatches key presses and writes the help popup.

use std::sync::LazyLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::message::Message;
use super::panel::Panel;

/// Keys bound to one message.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// The keys, each with the modifiers it needs.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in the help and the key bar.
    pub label: &'static str,
    /// What they do.
    pub message: Message,
    /// The help text.
    pub description: &'static str,
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
        description: "next phase",
    },
    Binding {
        keys: &[
            (KeyCode::Left, NONE),
            (KeyCode::Char('h'), NONE),
            (KeyCode::Backspace, NONE),
        ],
        label: "←/h/Bksp",
        message: Message::PreviousPhase,
        description: "previous phase (undo)",
    },
    Binding {
        keys: &[(KeyCode::Char('n'), NONE)],
        label: "n",
        message: Message::FinishIteration,
        description: "finish the iteration",
    },
    Binding {
        keys: &[(KeyCode::Char('e'), NONE)],
        label: "e",
        message: Message::FinishEpoch,
        description: "finish the epoch",
    },
    Binding {
        keys: &[(KeyCode::Char('r'), NONE)],
        label: "r",
        message: Message::ToggleRun,
        description: "run / pause",
    },
    Binding {
        keys: &[
            (KeyCode::Char('+'), NONE),
            (KeyCode::Char('+'), SHIFT),
            (KeyCode::Char('='), NONE),
        ],
        label: "+",
        message: Message::Faster,
        description: "run faster",
    },
    Binding {
        keys: &[(KeyCode::Char('-'), NONE)],
        label: "-",
        message: Message::Slower,
        description: "run slower",
    },
    Binding {
        keys: &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
        label: "↓/j",
        message: Message::SelectNext,
        description: "select the next neuron or weight",
    },
    Binding {
        keys: &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
        label: "↑/k",
        message: Message::SelectPrevious,
        description: "select the previous neuron or weight",
    },
    Binding {
        keys: &[(KeyCode::Tab, NONE)],
        label: "Tab",
        message: Message::SelectNextLayer,
        description: "select in the next layer",
    },
    Binding {
        keys: &[(KeyCode::Char(']'), NONE)],
        label: "]",
        message: Message::MorePrecision,
        description: "one more decimal place",
    },
    Binding {
        keys: &[(KeyCode::Char('['), NONE)],
        label: "[",
        message: Message::LessPrecision,
        description: "one fewer decimal place",
    },
    Binding {
        keys: &[(KeyCode::Char('c'), NONE)],
        label: "c",
        message: Message::ToggleCompare,
        description: "compare mode: the scenario's copies in lockstep / back",
    },
    Binding {
        keys: &[(KeyCode::Char('f'), NONE)],
        label: "f",
        message: Message::FocusNext,
        description: "focus the next panel (diagram, phase, values, charts)",
    },
    Binding {
        keys: &[(KeyCode::Char('z'), NONE)],
        label: "z",
        message: Message::Zoom,
        description: "zoom the focused panel to the whole screen / back",
    },
    Binding {
        keys: &[(KeyCode::Char('Z'), SHIFT), (KeyCode::Char('Z'), NONE)],
        label: "Z",
        message: Message::BigDigits,
        description: "the phase's result in large digits / back",
    },
    Binding {
        keys: &[(KeyCode::Char('T'), SHIFT), (KeyCode::Char('T'), NONE)],
        label: "T",
        message: Message::ToggleTheme,
        description: "light / dark theme (for a projector)",
    },
    Binding {
        keys: &[(KeyCode::PageDown, NONE)],
        label: "PgDn",
        message: Message::ScrollDown,
        description: "scroll the focused panel (phase, values, cost table) down",
    },
    Binding {
        keys: &[(KeyCode::PageUp, NONE)],
        label: "PgUp",
        message: Message::ScrollUp,
        description: "scroll the focused panel (phase, values, cost table) up",
    },
    Binding {
        keys: &[(KeyCode::Char('>'), NONE), (KeyCode::Char('>'), SHIFT)],
        label: ">",
        message: Message::ScrollRight,
        description: "wide matrices in the values panel: the columns further right",
    },
    Binding {
        keys: &[(KeyCode::Char('<'), NONE), (KeyCode::Char('<'), SHIFT)],
        label: "<",
        message: Message::ScrollLeft,
        description: "wide matrices in the values panel: the columns further left",
    },
    Binding {
        keys: &[(KeyCode::Char('t'), NONE)],
        label: "t",
        message: Message::EvaluateTest,
        description: "evaluate the test set (once, at the end)",
    },
    Binding {
        keys: &[(KeyCode::Char('x'), NONE)],
        label: "x",
        message: Message::ToggleXAxis,
        description: "plots against iterations / epochs",
    },
    Binding {
        keys: &[(KeyCode::Char('y'), NONE)],
        label: "y",
        message: Message::ToggleLogY,
        description: "plots on a linear / log scale",
    },
    Binding {
        keys: &[(KeyCode::Char('s'), NONE)],
        label: "s",
        message: Message::OpenPicker,
        description: "choose a scenario",
    },
    Binding {
        keys: &[(KeyCode::Char('R'), SHIFT), (KeyCode::Char('R'), NONE)],
        label: "R",
        message: Message::Reset,
        description: "start the scenario again",
    },
    Binding {
        keys: &[(KeyCode::Char('?'), NONE), (KeyCode::Char('?'), SHIFT)],
        label: "?",
        message: Message::ShowHelp,
        description: "this help",
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE)],
        label: "Enter",
        message: Message::Confirm,
        description: "open the chosen scenario (in the picker)",
    },
    Binding {
        keys: &[(KeyCode::Esc, NONE)],
        label: "Esc",
        message: Message::Close,
        description: "close a popup, a zoom or a notice",
    },
    Binding {
        keys: &[
            (KeyCode::Char('q'), NONE),
            (KeyCode::Char('c'), KeyModifiers::CONTROL),
        ],
        label: "q",
        message: Message::Quit,
        description: "quit",
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

/// The message a key press asks for, if any.
pub fn message_for(key: KeyEvent) -> Option<Message> {
    keymap().iter().find_map(|b| {
        b.keys
            .iter()
            .any(|(code, modifiers)| *code == key.code && *modifiers == key.modifiers)
            .then_some(b.message)
    })
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
            message_for(key(KeyCode::Char(' '))),
            Some(Message::NextPhase)
        );
        assert_eq!(message_for(key(KeyCode::Right)), Some(Message::NextPhase));
        assert_eq!(
            message_for(key(KeyCode::Char('h'))),
            Some(Message::PreviousPhase)
        );
        assert_eq!(
            message_for(key(KeyCode::Backspace)),
            Some(Message::PreviousPhase)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('n'))),
            Some(Message::FinishIteration)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('e'))),
            Some(Message::FinishEpoch)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('r'))),
            Some(Message::ToggleRun)
        );
        assert_eq!(
            message_for(key(KeyCode::Char('?'))),
            Some(Message::ShowHelp)
        );
        assert_eq!(message_for(key(KeyCode::Char('q'))), Some(Message::Quit));
        assert_eq!(message_for(key(KeyCode::Esc)), Some(Message::Close));
        assert_eq!(
            message_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Message::Quit)
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
}
