//! Predict, then reveal: the numbers a student can be asked for (practice mode and lesson
//! questions), how a typed answer is judged, and the attempt at one question with its score.
//! No drawing here; the view asks and shows.

pub mod attempt;
pub mod judge;
pub mod quantity;

pub use attempt::{Attempt, Score, Stage};
pub use judge::{NotANumber, TOLERANCE, is_right, parse};
pub use quantity::{Quantity, Reveal};
