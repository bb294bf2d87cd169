//! What the user can ask the app to do.

use super::panel::Panel;

/// One request to the app, from a key or a click (time passing is [`super::App::tick`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Message {
    /// Perform the next phase.
    NextPhase,
    /// Undo the last phase.
    PreviousPhase,
    /// Step to the end of the iteration.
    FinishIteration,
    /// Step to the end of the epoch.
    FinishEpoch,
    /// Step back a whole iteration.
    BackIteration,
    /// Step back a whole epoch.
    BackEpoch,
    /// Start or pause auto-run.
    ToggleRun,
    /// Run faster.
    Faster,
    /// Run slower.
    Slower,
    /// Select the next neuron or weight.
    SelectNext,
    /// Select the previous neuron or weight.
    SelectPrevious,
    /// Move the selection to the next layer.
    SelectNextLayer,
    /// Show the next sample of the batch.
    NextSample,
    /// Show the previous sample of the batch.
    PreviousSample,
    /// Show one more decimal place.
    MorePrecision,
    /// Show one fewer decimal place.
    LessPrecision,
    /// Enter or leave compare mode (the scenario's `[compare]` copies in lockstep).
    ToggleCompare,
    /// Scroll the focused panel down a page.
    ScrollDown,
    /// Scroll the focused panel up a page.
    ScrollUp,
    /// Show the columns of wide matrices further left.
    ScrollLeft,
    /// Show the columns of wide matrices further right.
    ScrollRight,
    /// Move the focus to the next panel.
    FocusNext,
    /// Zoom the focused panel to the whole screen, or back.
    Zoom,
    /// Show the phase's result in large digits, or back.
    BigDigits,
    /// Switch between the dark and the light theme.
    ToggleTheme,
    /// Evaluate the held-out test set once, and say why only once.
    EvaluateTest,
    /// Show a view instead of some panels, or back.
    Toggle(Panel),
    /// Plot against iterations or epochs.
    ToggleXAxis,
    /// Plot on a linear or a logarithmic y axis.
    ToggleLogY,
    /// Start the scenario again.
    Reset,
    /// Open the scenario picker.
    OpenPicker,
    /// Open the settings panel.
    OpenSettings,
    /// Save the session to a file.
    SaveSession,
    /// Open the export menu.
    OpenExport,
    /// A key press in the settings panel.
    Settings(super::settings::SettingsInput),
    /// Show the keys.
    ShowHelp,
    /// Close the popup or the notice.
    Close,
    /// Choose the highlighted entry.
    Confirm,
    /// Turn practice mode on or off.
    TogglePractice,
    /// Type a character into the answer of the question that waits.
    Type(char),
    /// Erase the last character of the answer.
    Erase,
    /// Leave the app.
    Quit,
    /// A mouse click at a terminal cell.
    Click {
        /// column
        column: u16,
        /// row
        row: u16,
    },
}
