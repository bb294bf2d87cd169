//! The scenario file as written: every key optional where docs/design.md gives a default,
//! unknown keys refused.

use serde::Deserialize;

use crate::data::Normalize;
use crate::data::generate::Generator;
use crate::nn::{Activation, BiasMode, Init, Loss, Mode};

/// A whole scenario file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    pub name: toml::Value,
    pub description: Option<toml::Value>,
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
    pub labels: Option<Vec<String>>,
    pub epochs: Option<u64>,
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
    pub stop: Option<RawStop>,
}

/// `[training.stop]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStop {
    pub cost: Option<String>,
    pub below: Option<f64>,
    pub min_change: Option<f64>,
    pub over_epochs: Option<u64>,
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

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use strum::IntoEnumIterator;

    use super::*;

    /// Every variant's strum name (what messages and traces print) is its serde name (what a
    /// scenario file says), both ways.
    fn names_round_trip<E>()
    where
        E: IntoEnumIterator
            + Into<&'static str>
            + Serialize
            + DeserializeOwned
            + PartialEq
            + Debug
            + Copy,
    {
        for variant in E::iter() {
            let name: &'static str = variant.into();
            let written = serde_json::to_value(variant).unwrap();
            assert_eq!(written, serde_json::Value::from(name), "{variant:?}");
            let read = E::deserialize(toml::Value::from(name));
            assert_eq!(read.ok(), Some(variant), "{name}");
        }
    }

    #[test]
    fn enum_names_are_the_names_in_scenario_files() {
        names_round_trip::<Activation>();
        names_round_trip::<Loss>();
        names_round_trip::<Init>();
        names_round_trip::<BiasMode>();
        names_round_trip::<Mode>();
        names_round_trip::<Normalize>();
        names_round_trip::<Generator>();
    }
}
