//! backstep teaches back-propagation: a small multilayer perceptron trained one phase of one
//! iteration at a time, with every number visible.
//!
//! The library holds the math ([`nn`]), the lesson's words ([`text`]: notation, catalogs,
//! formulas), the scenario files ([`scenario`]), the data ([`data`]), the seeded random
//! streams ([`random`]), the trace writers ([`trace`]), the headless command line ([`cli`])
//! and the stepping view ([`tui`], the only part that uses ratatui and crossterm); the binary
//! parses the command line, dispatches, prints errors and reports a panic as a bug.
//!
//! The default feature `terminal` brings the terminal's front end, the command line and PNG
//! plots; without it the library (the core, the app's state and update logic, its drawing)
//! builds for the browser (`wasm32-unknown-unknown`).
//! `docs/design.md` describes the whole.

#[cfg(feature = "terminal")]
pub mod cli;
pub mod data;
pub mod files;
pub mod lesson;
pub mod nn;
pub mod plot;
pub mod practice;
pub mod random;
pub mod scenario;
pub mod selection;
pub mod session;
pub mod text;
pub mod trace;
pub mod tui;
