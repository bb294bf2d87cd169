//! What the screen shows and how: the popup, the views that replace panels, the plots'
//! axes, the decimals, the focus, the zoom and the panels' scroll. Opening another scenario keeps some and
//! resets the others, in [`Views::reopened`].

use std::cell::Cell;
use std::collections::BTreeSet;

use super::curves::XAxis;
use super::focus::{Enlarged, Focus};
use super::message::Message;
use super::panel::Panel;
use super::scenarios::PickerEntry;
use crate::nn::{Cost, Stepper};

/// Lines a panel scrolls at a time.
pub const PAGE: u16 = 10;

/// The fewest and most decimal places.
pub const PRECISION: (usize, usize) = (1, 10);

/// A window over the main screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Popup {
    /// The keys, scrolled down this many lines.
    Help {
        /// the first line shown
        scroll: u16,
    },
    /// The scenarios to choose from, and the highlighted one.
    Picker {
        /// built-ins, then files in `scenarios/`
        entries: Vec<PickerEntry>,
        /// the highlighted entry
        cursor: usize,
    },
}

/// The view toggles and display settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Views {
    /// The open popup.
    pub popup: Option<Popup>,
    /// The views shown instead of panels of the main screen.
    pub shown: BTreeSet<Panel>,
    /// What the plots' x axis counts.
    pub x_axis: XAxis,
    /// Whether the plots use a log scale.
    pub log_y: bool,
    /// Decimal places in the panels.
    pub precision: usize,
    /// How many lines the values panel is scrolled down.
    pub values_scroll: u16,
    /// The first column shown of matrices too wide for the values panel.
    pub values_column: usize,
    /// How many lines the phase panel is scrolled down.
    pub phase_scroll: u16,
    /// The furthest the values panel (or the cost table) scrolled when last drawn: the
    /// drawing knows how long its text is, and PgDn goes no further. Unknown (no limit)
    /// until the first drawing.
    pub values_end: Cell<u16>,
    /// The same for the phase panel.
    pub phase_end: Cell<u16>,
    /// How many samples' rows the cost table had room for when last drawn (unknown, the
    /// most, until then): choosing a sample scrolls it into them.
    pub cost_rows: Cell<u16>,
    /// The panel the scrolling and zoom keys act on, once `f` chose one (its border is then
    /// highlighted); until then the values, as if never moved.
    pub focus: Option<Focus>,
    /// What is drawn over the panels: the focused one zoomed, or the result in large digits.
    pub enlarged: Option<Enlarged>,
    /// A cost a lesson asks for: written `?` in the charts and the cost table until answered.
    pub hidden: Option<Cost>,
    /// The sample of the batch the per-sample numbers show (`,` and `.`), as a position in
    /// the batch from 0. It is kept from iteration to iteration; a smaller batch (the last of
    /// an epoch) shows its last sample instead, see [`Views::sample_in`].
    pub sample: usize,
}

impl Default for Views {
    /// No popup, the diagram, values and cost charts, linear plots over iterations, four
    /// decimals.
    fn default() -> Views {
        Views {
            popup: None,
            shown: BTreeSet::new(),
            x_axis: XAxis::Iterations,
            log_y: false,
            precision: 4,
            values_scroll: 0,
            values_column: 0,
            phase_scroll: 0,
            values_end: Cell::new(u16::MAX),
            phase_end: Cell::new(u16::MAX),
            cost_rows: Cell::new(u16::MAX),
            focus: None,
            enlarged: None,
            hidden: None,
            sample: 0,
        }
    }
}

impl Views {
    /// The views for another scenario: the same panels, plots, decimals, focus and zoom, no
    /// popup and the panels scrolled to the top.
    pub fn reopened(&self) -> Views {
        Views {
            popup: None,
            values_scroll: 0,
            values_column: 0,
            phase_scroll: 0,
            ..self.clone()
        }
    }

    /// The position in `s`'s batch of the sample the panels show: the chosen one, or the
    /// batch's last when the batch is smaller.
    pub fn sample_in(&self, s: &Stepper) -> usize {
        self.sample.min(s.samples().len().saturating_sub(1))
    }

    /// Chooses the next sample (`forward`) or the previous one of a batch of `batch`
    /// samples whose shown sample is `shown`, stopping at the first and the last.
    pub fn choose_sample(&mut self, shown: usize, batch: usize, forward: bool) {
        self.sample = if forward {
            (shown + 1).min(batch.saturating_sub(1))
        } else {
            shown.saturating_sub(1)
        };
    }

    /// Scrolls the cost table, `rows` samples high, as little as shows the row of the
    /// sample at position `shown`.
    pub fn keep_in_sight(&mut self, shown: usize, rows: usize) {
        let first =
            usize::from(self.values_scroll).clamp((shown + 1).saturating_sub(rows.max(1)), shown);
        self.values_scroll = u16::try_from(first).unwrap_or(u16::MAX);
    }

    /// Whether `panel`'s view is shown.
    pub fn shows(&self, panel: Panel) -> bool {
        self.shown.contains(&panel)
    }

    /// Handles a message that only changes what is shown; false for any other message.
    pub fn update(&mut self, message: Message) -> bool {
        match message {
            Message::MorePrecision => self.precision = (self.precision + 1).min(PRECISION.1),
            Message::LessPrecision => {
                self.precision = self.precision.saturating_sub(1).max(PRECISION.0);
            }
            Message::ToggleXAxis => {
                self.x_axis = match self.x_axis {
                    XAxis::Iterations => XAxis::Epochs,
                    XAxis::Epochs => XAxis::Iterations,
                };
            }
            Message::ToggleLogY => self.log_y = !self.log_y,
            Message::Toggle(panel) => {
                if !self.shown.remove(&panel) {
                    self.shown.insert(panel);
                }
            }
            Message::Zoom => self.enlarge(Enlarged::Panel),
            Message::BigDigits => self.enlarge(Enlarged::Digits),
            Message::Close if self.enlarged.is_some() => self.enlarged = None,
            Message::ShowHelp => self.popup = Some(Popup::Help { scroll: 0 }),
            _ => return false,
        }
        true
    }

    /// Shows `what` over the panels, or goes back if it is shown.
    fn enlarge(&mut self, what: Enlarged) {
        self.enlarged = (self.enlarged != Some(what)).then_some(what);
    }

    /// Scrolls the focused panel a page `down` (else up); `focus` is the panel on screen
    /// (see [`Focus::shown`]). The diagram and the charts do not scroll.
    pub fn scroll(&mut self, focus: Focus, down: bool) {
        let (offset, end) = match focus {
            Focus::Phase => (&mut self.phase_scroll, self.phase_end.get()),
            Focus::Values => (&mut self.values_scroll, self.values_end.get()),
            Focus::Diagram | Focus::Charts => return,
        };
        *offset = if down {
            offset.saturating_add(PAGE).min(end)
        } else {
            offset.saturating_sub(PAGE).min(end)
        };
    }
}
