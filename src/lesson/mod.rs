//! Guided lessons: a lesson file (`lessons/*.toml` built in, or any file) is a list of stops,
//! each a position in a scenario (iteration and phase), what the screen shows there, the
//! narration, and perhaps a question. Loading checks every stop against its scenario; the
//! format is in docs/design.md. [`progress`] keeps where a student is.

mod builtin;
mod check;
mod error;
mod load;
pub mod progress;
mod raw;
mod stop;

pub use crate::scenario::localized::Localized;
pub use builtin::{BUILTINS, Builtin};
pub use check::{MAX_ITERATION, phase_name, phase_named, phases};
pub use error::LessonError;
pub use load::is_lesson;
pub use stop::{Lesson, PositionError, Question, Show, Stop, Walk, Zoom, advance};
