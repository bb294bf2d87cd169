//! What several test files share: the settings a network can take, every one of them, so
//! that a new activation, loss or bias mode is tested without editing the tests.

#![allow(dead_code)]

pub mod view;

use std::process::{Command, Output};

use backstep::nn::{Activation, BiasMode, Loss};
use strum::IntoEnumIterator;

/// Every activation a hidden layer may use (all but softmax).
pub fn hidden_activations() -> Vec<Activation> {
    Activation::iter()
        .filter(|a| *a != Activation::Softmax)
        .collect()
}

/// Every activation an output layer may use.
pub fn output_activations() -> Vec<Activation> {
    Activation::iter().collect()
}

/// Every loss.
pub fn losses() -> Vec<Loss> {
    Loss::iter().collect()
}

/// Every bias mode.
pub fn bias_modes() -> Vec<BiasMode> {
    BiasMode::iter().collect()
}

/// Runs the real binary with `args`, in English (`LC_ALL=C`), and collects its output.
pub fn backstep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_backstep"))
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .expect("the binary runs")
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
