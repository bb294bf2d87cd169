//! Where a student is in each lesson (the stop, and the answers), kept in the user's data
//! folder (`directories`: `$XDG_DATA_HOME/backstep` on Linux) as JSON, written atomically.
//! A corrupt file is reported and ignored; nothing here panics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::practice::{Attempt, Score};

/// The file's name in the data folder.
pub const FILE: &str = "progress.json";

/// A student's place and answers in every lesson, by lesson name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Per lesson name.
    pub lessons: BTreeMap<String, LessonProgress>,
}

/// A student's place and answers in one lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// The stop to resume at, 0-based.
    pub stop: usize,
    /// For each answered stop (0-based), whether its question was right at the first try.
    pub answers: BTreeMap<usize, bool>,
}

impl LessonProgress {
    /// Records a finished attempt at the question of stop `stop` (the first one counts).
    pub fn answered(&mut self, stop: usize, attempt: &Attempt) {
        if attempt.finished() {
            self.answers
                .entry(stop)
                .or_insert(attempt.first_try == Some(true));
        }
    }

    /// Right at the first try, out of the questions answered.
    pub fn score(&self) -> Score {
        Score {
            right: self.answers.values().filter(|r| **r).count() as u32,
            asked: self.answers.len() as u32,
        }
    }
}

/// Why progress could not be read or kept.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    /// No data folder is known for this user.
    #[error("no data folder for backstep is known (set HOME or XDG_DATA_HOME)")]
    NoFolder,
    /// The file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// the file
        file: String,
        /// why
        source: std::io::Error,
    },
    /// The file is not progress as backstep writes it.
    #[error("{file}: the saved progress is unreadable and was ignored ({reason})")]
    Corrupt {
        /// the file
        file: String,
        /// what is wrong
        reason: String,
    },
}

/// The progress file in the user's data folder.
pub fn path() -> Result<PathBuf, ProgressError> {
    directories::ProjectDirs::from("", "", "backstep")
        .map(|dirs| dirs.data_dir().join(FILE))
        .ok_or(ProgressError::NoFolder)
}

impl Progress {
    /// The saved progress, or an empty one when none is saved; with it, the reason a file
    /// that exists was ignored (unreadable or corrupt).
    pub fn load() -> (Progress, Option<ProgressError>) {
        match path() {
            Ok(p) => Progress::load_from(&p),
            Err(e) => (Progress::default(), Some(e)),
        }
    }

    /// Like [`Progress::load`], from `file`.
    pub fn load_from(file: &Path) -> (Progress, Option<ProgressError>) {
        let name = crate::text::untrusted::path(file);
        match std::fs::read(file) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Progress::default(), None),
            Err(source) => (
                Progress::default(),
                Some(ProgressError::Io { file: name, source }),
            ),
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(progress) => (progress, None),
                Err(e) => (
                    Progress::default(),
                    Some(ProgressError::Corrupt {
                        file: name,
                        reason: e.to_string(),
                    }),
                ),
            },
        }
    }

    /// Saves to the user's data folder (made if missing).
    pub fn save(&self) -> Result<(), ProgressError> {
        self.save_to(&path()?)
    }

    /// Saves to `file`: written beside it, then renamed into place, so a failed save leaves
    /// the previous progress as it was.
    pub fn save_to(&self, file: &Path) -> Result<(), ProgressError> {
        let io = |source| ProgressError::Io {
            file: crate::text::untrusted::path(file),
            source,
        };
        let folder = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(io)?;
        let json = serde_json::to_vec_pretty(self).map_err(|e| io(e.into()))?;
        crate::files::write_whole(file, &json).map_err(io)
    }

    /// The progress of lesson `name`, made empty if there is none.
    pub fn lesson(&mut self, name: &str) -> &mut LessonProgress {
        self.lessons.entry(name.to_string()).or_default()
    }
}
