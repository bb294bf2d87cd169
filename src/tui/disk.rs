//! The terminal's scenarios: the built-ins, the files in `scenarios/` under the current
//! folder, and any path given, read from disk; and where lesson progress is kept.

use std::path::Path;

use super::lesson::Keeper;
use super::scenarios::{Builtins, PickerEntry, Scenarios};
use crate::lesson::progress::{LessonProgress, Progress};
use crate::scenario::set::Override;
use crate::scenario::{BUILTINS, Scenario, ScenarioError, Setup};

/// Scenarios read from the file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct Disk;

impl Scenarios for Disk {
    /// The built-in scenarios, then the `.toml` files in `scenarios/` that are not built-ins.
    fn entries(&self) -> Vec<PickerEntry> {
        let mut entries = Builtins.entries();
        if let Ok(dir) = std::fs::read_dir("scenarios") {
            let mut files: Vec<String> = dir
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .filter(|p| {
                    let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned());
                    !BUILTINS.iter().any(|b| Some(b.name.to_string()) == stem)
                })
                .map(|p| p.display().to_string())
                .collect();
            files.sort();
            entries.extend(
                files
                    .iter()
                    .map(|f| PickerEntry::new(f, Scenario::from_file(Path::new(f)).ok().as_ref())),
            );
        }
        entries
    }

    /// An existing file, else a built-in of that name.
    fn load(&self, source: &str) -> Result<Scenario, ScenarioError> {
        Scenario::load(source)
    }

    fn setup(&self, scenario: &Scenario) -> Result<Setup, ScenarioError> {
        scenario.setup()
    }

    fn exists(&self, path: &str) -> bool {
        std::fs::symlink_metadata(path).is_ok()
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        crate::files::write_whole(Path::new(path), bytes).map_err(|e| {
            crate::words!(
                "error-save-io",
                file = crate::text::untrusted::path(Path::new(path)),
                reason = e.to_string()
            )
        })
    }

    fn save(&self, scenario: &Scenario, path: &str) -> Result<Vec<String>, String> {
        crate::scenario::save::save(scenario, Path::new(path))
            .map(|files| {
                files
                    .iter()
                    .map(|f| crate::text::untrusted::path(f))
                    .collect()
            })
            .map_err(|e| e.to_string())
    }
}

/// The scenarios on disk, with `--set` overrides written into the one the view was opened on
/// (`source`), or into every one a lesson opens (`None`).
#[derive(Clone, Debug)]
pub struct Overridden {
    /// The scenario the overrides are for; none: all of them.
    pub source: Option<String>,
    /// The `--set` settings.
    pub overrides: Vec<Override>,
}

impl Scenarios for Overridden {
    fn entries(&self) -> Vec<PickerEntry> {
        Disk.entries()
    }

    fn load(&self, source: &str) -> Result<Scenario, ScenarioError> {
        if self.source.as_deref().is_none_or(|s| s == source) {
            Scenario::load_with(source, &self.overrides)
        } else {
            Disk.load(source)
        }
    }

    fn setup(&self, scenario: &Scenario) -> Result<Setup, ScenarioError> {
        Disk.setup(scenario)
    }

    fn exists(&self, path: &str) -> bool {
        Disk.exists(path)
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        Disk.write(path, bytes)
    }

    fn save(&self, scenario: &Scenario, path: &str) -> Result<Vec<String>, String> {
        Disk.save(scenario, path)
    }
}

/// Lesson progress kept in the user's data folder (see [`crate::lesson::progress`]): the
/// file is read again before each save, so that other lessons' progress is kept.
#[derive(Clone, Copy, Debug, Default)]
pub struct DataFolder;

impl Keeper for DataFolder {
    fn keep(&self, lesson: &str, progress: &LessonProgress) -> Result<(), String> {
        let (mut all, _) = Progress::load();
        *all.lesson(lesson) = progress.clone();
        all.save().map_err(|e| e.to_string())
    }
}
