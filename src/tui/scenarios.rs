//! Where the app's scenarios come from. The front end provides them: the terminal reads the
//! built-ins and the files on disk ([`super::disk::Disk`]); a front end without a file system
//! can offer the built-ins alone. The app itself reads no files.

use crate::scenario::{BUILTINS, Scenario, ScenarioError, Setup};

/// One entry of the scenario picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickerEntry {
    /// A built-in name or a file path (the picker shows it dim, after the name).
    pub source: String,
    /// The scenario's `name` (its source when it cannot be read).
    pub name: String,
    /// The scenario's description, shown for the highlighted entry.
    pub description: String,
}

impl PickerEntry {
    /// The entry for `source`: its name and description when `scenario` could be read.
    pub fn new(source: &str, scenario: Option<&Scenario>) -> PickerEntry {
        PickerEntry {
            source: source.to_string(),
            name: scenario.map_or_else(|| source.to_string(), |s| s.name.clone()),
            description: scenario.map_or_else(String::new, |s| s.description.trim().to_string()),
        }
    }
}

/// The scenarios a front end offers, and the reading of each.
pub trait Scenarios {
    /// What the picker lists.
    fn entries(&self) -> Vec<PickerEntry>;

    /// The scenario `source` names (a built-in name, or a file path where there are files).
    fn load(&self, source: &str) -> Result<Scenario, ScenarioError>;

    /// A scenario's network and data (reading its data file, if it names one).
    fn setup(&self, scenario: &Scenario) -> Result<Setup, ScenarioError>;

    /// Whether something is at `path` (a save would replace it).
    fn exists(&self, _path: &str) -> bool {
        false
    }

    /// Writes `bytes` to the file `path` (whole or not at all), or says why not. Without a
    /// file system: refused.
    fn write(&self, _path: &str, _bytes: &[u8]) -> Result<(), String> {
        Err(crate::words!("settings-save-unavailable"))
    }

    /// Writes `scenario` as a scenario file at `path` (whole or not at all); the files
    /// written, or why not. Without a file system: refused.
    fn save(&self, _scenario: &Scenario, _path: &str) -> Result<Vec<String>, String> {
        Err(crate::words!("settings-save-unavailable"))
    }
}

/// The built-in scenarios, compiled in, listed alone: what a front end without a file
/// system offers (writing refused). A name that is not a built-in is still read as a path
/// where there is a file system, as `Scenario::load` does.
#[derive(Clone, Copy, Debug, Default)]
pub struct Builtins;

impl Scenarios for Builtins {
    /// Every built-in scenario, in the catalog's order.
    fn entries(&self) -> Vec<PickerEntry> {
        BUILTINS
            .iter()
            .map(|b| PickerEntry::new(b.name, Scenario::load(b.name).ok().as_ref()))
            .collect()
    }

    fn load(&self, source: &str) -> Result<Scenario, ScenarioError> {
        Scenario::load(source)
    }

    fn setup(&self, scenario: &Scenario) -> Result<Setup, ScenarioError> {
        scenario.setup()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtins_are_offered_read_and_never_written() {
        let entries = Builtins.entries();
        let sources: Vec<&str> = entries.iter().map(|e| e.source.as_str()).collect();
        assert!(sources.contains(&"two-two-two") && sources.contains(&"xor"));
        assert!(entries.iter().all(|e| !e.description.is_empty()));
        assert_eq!(
            Builtins.load("two-two-two").unwrap().name,
            "Two-two-two by hand"
        );
        // iris reads its data from the copy compiled in.
        let iris = Builtins.load("iris").unwrap();
        assert!(Builtins.setup(&iris).is_ok());
        assert!(Builtins.write("out.toml", b"").is_err());
        assert!(!Builtins.exists("Cargo.toml"));
    }
}
