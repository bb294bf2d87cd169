//! Whether a typed answer is right: read as a number, then compared with the expected value
//! within a relative tolerance or within half a unit of the last decimal the view shows.

use crate::words;

/// The relative tolerance of a question that gives none: 1 %.
pub const TOLERANCE: f64 = 0.01;

/// A typed answer that is not a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotANumber {
    /// What was typed.
    pub text: String,
}

impl NotANumber {
    /// What to tell the student, from the catalog.
    pub fn message(&self) -> String {
        words!("practice-not-a-number", text = self.text.clone())
    }
}

/// Reads an answer: digits, one `.`, a leading `-` (or the `−` the view writes) and an
/// exponent (`e`, with its own sign), e.g. `-1.5e-3`. Spaces around it are ignored.
pub fn parse(text: &str) -> Result<f64, NotANumber> {
    let cleaned = text.trim().replace('−', "-");
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E');
    let value = if cleaned.chars().all(allowed) && cleaned.chars().any(|c| c.is_ascii_digit()) {
        cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
    } else {
        None
    };
    value.ok_or_else(|| NotANumber {
        text: text.trim().to_string(),
    })
}

/// Whether `answer` is right for `expected`: within `tolerance` relative to it, or within
/// half a unit of the last of `precision` decimals (so at 4 decimals 0.5933 is right for
/// 0.59327, and 0 is wrong for 0.0004).
pub fn is_right(answer: f64, expected: f64, tolerance: f64, precision: usize) -> bool {
    let error = (answer - expected).abs();
    let half_unit = 0.5 * 10f64.powi(-(precision as i32));
    // A hair of slack so that a number typed exactly as shown is never wrong by rounding.
    let slack = 1e-12 * expected.abs().max(1.0);
    error <= tolerance * expected.abs() + slack || error <= half_unit + slack
}
