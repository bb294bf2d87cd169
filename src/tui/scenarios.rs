//! Where the app's scenarios come from. The front end provides them: the terminal reads the
//! built-ins and the files on disk ([`super::disk::Disk`]); a front end without a file system
//! can offer the built-ins alone. The app itself reads no files.

use crate::scenario::{Scenario, ScenarioError, Setup};

/// One entry of the scenario picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickerEntry {
    /// A built-in name or a file path.
    pub source: String,
    /// What the picker shows.
    pub label: String,
}

/// The scenarios a front end offers, and the reading of each.
pub trait Scenarios {
    /// What the picker lists.
    fn entries(&self) -> Vec<PickerEntry>;

    /// The scenario `source` names (a built-in name, or a file path where there are files).
    fn load(&self, source: &str) -> Result<Scenario, ScenarioError>;

    /// A scenario's network and data (reading its data file, if it names one).
    fn setup(&self, scenario: &Scenario) -> Result<Setup, ScenarioError>;
}
