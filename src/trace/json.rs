//! JSON Lines: one object per iteration, numbers at full f64 precision.

use std::io::Write;

use super::IterationTrace;

/// Writes one iteration as one line of JSON.
pub fn write(out: &mut impl Write, trace: &IterationTrace) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, trace)?;
    writeln!(out)
}
