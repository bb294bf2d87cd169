//! The lesson's words: its notation, the message catalogs, the formulas (as Unicode and as
//! LaTeX), what each phase does, the formulas with this iteration's numbers, and what is said
//! about a divergence. The view and the handouts both write through this module.

pub mod catalog;
pub mod compare;
pub mod divergence;
pub mod explain;
pub mod formula;
pub mod notation;
pub mod phase;
pub mod stop;
pub mod untrusted;
