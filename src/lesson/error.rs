//! Why a lesson could not be loaded.

use crate::scenario::{Diagnostic, FileError};
use crate::words;

/// Why a lesson could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LessonError {
    /// The file could not be read as text: unreadable, not a file, too large or not UTF-8.
    #[error(transparent)]
    File(#[from] FileError),
    /// Neither a file nor a built-in.
    #[error("{}", words!("error-lesson-unknown", name = name.to_string(), builtins = builtins.to_string()))]
    Unknown {
        /// what was asked for
        name: String,
        /// the built-in names
        builtins: String,
    },
    /// A syntax error, a wrong type, an unknown or missing key, or a stop that does not fit
    /// its scenario.
    #[error("{0}")]
    Invalid(Box<Diagnostic>),
}
