//! Which panel the scrolling and zoom keys act on, and what `z` and `Z` put over the screen.

/// A panel of the main screen that can have the focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// The diagram (or the gradient health view in its place).
    Diagram,
    /// The phase panel.
    Phase,
    /// The values panel, or the cost table in the Loss phase.
    #[default]
    Values,
    /// The cost charts (or the classes view in their place).
    Charts,
}

impl Focus {
    /// The panel that has the focus on screen: in the Loss phase (`loss`) the cost table
    /// takes the charts' place, so their focus is the table's.
    pub fn shown(self, loss: bool) -> Focus {
        match self {
            Focus::Charts if loss => Focus::Values,
            other => other,
        }
    }

    /// The next panel `f` moves the focus to, skipping the charts in the Loss phase.
    pub fn next(self, loss: bool) -> Focus {
        match self.shown(loss) {
            Focus::Diagram => Focus::Phase,
            Focus::Phase => Focus::Values,
            Focus::Values if loss => Focus::Diagram,
            Focus::Values => Focus::Charts,
            Focus::Charts => Focus::Diagram,
        }
    }
}

/// What is drawn over the panels, between the status line and the key bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enlarged {
    /// The focused panel, zoomed to the whole screen (`z`).
    Panel,
    /// The phase's result in large digits, for the back of a room (`Z`).
    Digits,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_focus_visits_every_panel_and_skips_the_charts_in_the_loss_phase() {
        let mut focus = Focus::Diagram;
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(focus);
            focus = focus.next(false);
        }
        assert_eq!(
            seen,
            [Focus::Diagram, Focus::Phase, Focus::Values, Focus::Charts]
        );
        assert_eq!(focus, Focus::Diagram);
        assert_eq!(Focus::Values.next(true), Focus::Diagram);
        assert_eq!(Focus::Charts.shown(true), Focus::Values);
        assert_eq!(Focus::Charts.next(true), Focus::Diagram);
    }
}
