//! The lesson's words: its notation, the formulas with this iteration's numbers, and what is
//! said about a divergence. The view and the handouts both write through this module.

pub mod divergence;
pub mod explain;
pub mod notation;
