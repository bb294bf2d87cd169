//! Why a lesson could not be loaded.

use crate::scenario::Diagnostic;

/// Why a lesson could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LessonError {
    /// The file could not be read.
    #[error("{file}: cannot read the lesson file: {source}")]
    Read {
        /// the file
        file: String,
        /// why
        source: std::io::Error,
    },
    /// Neither a file nor a built-in.
    #[error("no lesson file or built-in lesson named `{name}`; built-ins: {builtins}")]
    Unknown {
        /// what was asked for
        name: String,
        /// the built-in names
        builtins: String,
    },
    /// Not UTF-8, too large, a syntax error, a wrong type, an unknown or missing key, or a
    /// stop that does not fit its scenario.
    #[error("{0}")]
    Invalid(Box<Diagnostic>),
}
