//! Colours and emphasis. Meaning never rides on colour alone: signs are written as + and −,
//! and with `NO_COLOR` set every style falls back to bold, reversed or plain text. The light
//! theme writes dark text on a light background, for a washed-out projector; `NO_COLOR`
//! still wins over it.

use ratatui::style::{Color, Modifier, Style};

/// The styles of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used.
    pub color: bool,
    /// Dark text on a light background (with colours only).
    pub light: bool,
}

impl Default for Theme {
    /// Colours on the terminal's own (usually dark) background.
    fn default() -> Theme {
        Theme {
            color: true,
            light: false,
        }
    }
}

impl Theme {
    /// Colours unless the `NO_COLOR` environment variable is set (and not empty), on the
    /// terminal's background.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            light: false,
        }
    }

    /// Whether the light theme's colours are drawn.
    fn on_light(self) -> bool {
        self.color && self.light
    }

    /// `dark` on the terminal's background, `light` on the light theme's.
    fn pick(self, dark: Color, light: Color) -> Color {
        if self.on_light() { light } else { dark }
    }

    fn colored(self, dark: Color, light: Color) -> Style {
        if self.color {
            Style::new().fg(self.pick(dark, light))
        } else {
            Style::new()
        }
    }

    /// The whole screen's text and background where a panel sets neither: the light
    /// theme's dark on light, else the terminal's own.
    pub fn base(self) -> Style {
        if self.on_light() {
            Style::new().fg(Color::Black).bg(Color::White)
        } else {
            Style::new()
        }
    }

    /// The border of the panel that has the focus (drawn thick as well, so that it shows
    /// without colours).
    pub fn focused(self) -> Style {
        self.colored(Color::LightYellow, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    /// Plain text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Panel titles.
    pub fn title(self) -> Style {
        self.colored(Color::Cyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    /// Less important text.
    pub fn dim(self) -> Style {
        self.colored(Color::DarkGray, Color::DarkGray)
    }

    /// What the current phase reads or writes.
    pub fn active(self) -> Style {
        self.colored(Color::Yellow, Color::Magenta)
            .add_modifier(Modifier::BOLD)
    }

    /// The selected neuron or weight.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A positive weight's edge; `strong` for the larger half by magnitude.
    pub fn positive(self, strong: bool) -> Color {
        match (self.color, strong) {
            (false, _) => Color::Reset,
            (true, true) => self.pick(Color::LightGreen, Color::Green),
            (true, false) => Color::Green,
        }
    }

    /// A negative weight's edge; `strong` for the larger half by magnitude.
    pub fn negative(self, strong: bool) -> Color {
        match (self.color, strong) {
            (false, _) => Color::Reset,
            (true, true) => self.pick(Color::LightRed, Color::Red),
            (true, false) => Color::Red,
        }
    }

    /// An edge the current phase does not use.
    pub fn quiet_edge(self) -> Color {
        if self.color {
            self.pick(Color::DarkGray, Color::Gray)
        } else {
            Color::Reset
        }
    }

    /// The selected weight's edge.
    pub fn selected_edge(self) -> Color {
        if self.color {
            self.pick(Color::White, Color::Black)
        } else {
            Color::Reset
        }
    }

    /// The training curve.
    pub fn train(self) -> Style {
        self.colored(Color::LightBlue, Color::Blue)
    }

    /// The validation curve.
    pub fn validation(self) -> Style {
        self.colored(Color::LightMagenta, Color::Magenta)
    }

    /// Warnings and notices.
    pub fn notice(self) -> Style {
        self.colored(Color::LightRed, Color::Red)
            .add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_light_theme_sets_a_background_and_no_color_wins() {
        let dark = Theme::default();
        let light = Theme {
            light: true,
            ..dark
        };
        assert_eq!(dark.base(), Style::new());
        assert_eq!(light.base().bg, Some(Color::White));
        assert_ne!(light.title(), dark.title());
        assert_ne!(light.active(), dark.active());
        let plain = Theme {
            color: false,
            light: true,
        };
        for style in [
            plain.base(),
            plain.title(),
            plain.active(),
            plain.dim(),
            plain.focused(),
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert_eq!(plain.positive(true), Color::Reset);
    }
}
