//! Colours and emphasis. Meaning never rides on colour alone: signs are written as + and −,
//! and with `NO_COLOR` set every style falls back to bold, reversed or plain text.

use ratatui::style::{Color, Modifier, Style};

/// The styles of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used.
    pub color: bool,
}

impl Theme {
    /// Colours unless the `NO_COLOR` environment variable is set (and not empty).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn colored(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Plain text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Panel titles.
    pub fn title(self) -> Style {
        self.colored(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Less important text.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// What the current phase reads or writes.
    pub fn active(self) -> Style {
        self.colored(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The selected neuron or weight.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A positive weight's edge; `strong` for the larger half by magnitude.
    pub fn positive(self, strong: bool) -> Color {
        match (self.color, strong) {
            (false, _) => Color::Reset,
            (true, true) => Color::LightGreen,
            (true, false) => Color::Green,
        }
    }

    /// A negative weight's edge; `strong` for the larger half by magnitude.
    pub fn negative(self, strong: bool) -> Color {
        match (self.color, strong) {
            (false, _) => Color::Reset,
            (true, true) => Color::LightRed,
            (true, false) => Color::Red,
        }
    }

    /// An edge the current phase does not use.
    pub fn quiet_edge(self) -> Color {
        if self.color {
            Color::DarkGray
        } else {
            Color::Reset
        }
    }

    /// The selected weight's edge.
    pub fn selected_edge(self) -> Color {
        if self.color {
            Color::White
        } else {
            Color::Reset
        }
    }

    /// The training curve.
    pub fn train(self) -> Style {
        self.colored(Color::LightBlue)
    }

    /// The validation curve.
    pub fn validation(self) -> Style {
        self.colored(Color::LightMagenta)
    }

    /// Warnings and notices.
    pub fn notice(self) -> Style {
        self.colored(Color::LightRed).add_modifier(Modifier::BOLD)
    }
}
