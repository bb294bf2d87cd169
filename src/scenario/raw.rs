//! The scenario file as written: every key optional where DESIGN.md gives a default,
//! unknown keys refused.

use serde::Deserialize;

use crate::data::Normalize;
use crate::data::generate::Generator;
use crate::nn::{Activation, BiasMode, Init, Loss, Mode};

/// A whole scenario file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    pub name: String,
    pub description: Option<String>,
    pub seed: Option<u64>,
    pub network: RawNetwork,
    pub training: Option<RawTraining>,
    pub data: RawData,
    pub compare: Option<RawCompare>,
}

/// `[compare]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompare {
    pub vary: String,
    pub values: Vec<toml::Value>,
    pub target_cost: Option<String>,
    pub target: Option<f64>,
}

/// `[network]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNetwork {
    pub layers: Vec<toml::Value>,
    pub hidden_activation: Option<Activation>,
    pub output_activation: Option<Activation>,
    pub bias: Option<BiasMode>,
    pub init: Option<Init>,
    pub init_range: Option<f64>,
    pub weights: Option<Vec<Vec<Vec<f64>>>>,
    pub biases: Option<Vec<Vec<f64>>>,
}

/// `[training]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTraining {
    pub loss: Option<Loss>,
    pub learning_rate: Option<f64>,
    pub mode: Option<Mode>,
    pub batch_size: Option<u64>,
    pub shuffle: Option<bool>,
    pub epochs: Option<u64>,
}

/// `[data]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawData {
    pub inputs: Option<Vec<Vec<f64>>>,
    pub targets: Option<Vec<Vec<f64>>>,
    pub generator: Option<Generator>,
    pub samples: Option<u64>,
    pub noise: Option<f64>,
    pub file: Option<String>,
    pub features: Option<Vec<String>>,
    pub class_column: Option<String>,
    pub target_columns: Option<Vec<String>>,
    pub image: Option<Vec<u64>>,
    pub validation: Option<f64>,
    pub test: Option<f64>,
    pub normalize: Option<Normalize>,
}
