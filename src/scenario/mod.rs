//! Scenario files: parse, apply defaults, validate, and build what training needs.
//!
//! Limits (so that a typo cannot ask for gigabytes): at most [`MAX_LAYERS`] entries in
//! `layers`, at most [`MAX_WIDTH`] neurons in a layer, at most [`MAX_PARAMETERS`] weights in
//! all, at most [`MAX_SAMPLES`] generated samples and [`MAX_DATA_NUMBERS`] generated numbers,
//! and at most [`MAX_BATCH_NUMBERS`] numbers in one batch's buffers.

mod builtin;
pub mod check;
pub mod compare;
mod data;
mod error;
pub mod evaluation;
pub mod file;
mod load;
pub mod localized;
mod network;
mod raw;
pub mod save;
pub mod set;
mod training;

use std::path::{Path, PathBuf};

use nalgebra::{DMatrix, DVector};

pub use builtin::{ASSETS, Asset, BUILTINS, Builtin, DEFAULT};
pub use error::{
    Diagnostic, FileError, FileKind, ScenarioError, expected_found, line_column, plain,
    syntax_message,
};

use crate::data::csv::Columns;
use crate::data::generate::Generator;
use crate::data::{Dataset, Normalize, Splits};
use crate::nn::{Activation, BiasMode, Init, Mode, Network, Stepper, Trainer, Training};

/// The most entries `layers` may have.
pub const MAX_LAYERS: usize = 32;
/// The most neurons one layer may have.
pub const MAX_WIDTH: usize = 4096;
/// The most weights a network may have.
pub const MAX_PARAMETERS: usize = 1_000_000;
/// The most epochs a scenario may ask for.
pub const MAX_EPOCHS: u64 = 1_000_000_000;
/// The largest scenario or lesson file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 512 * 1024;
/// The most samples a generator may draw.
pub const MAX_SAMPLES: u64 = 1_000_000;
/// The most numbers (samples × (inputs + outputs)) a generator may draw or a file hold.
pub const MAX_DATA_NUMBERS: usize = crate::data::MAX_NUMBERS;
/// The most numbers one batch may hold per buffer (batch size × neurons in all layers).
pub const MAX_BATCH_NUMBERS: usize = 1_000_000;

/// Where the samples come from.
#[derive(Clone, Debug, PartialEq)]
pub enum DataSource {
    /// Samples written in the scenario.
    Inline(Dataset),
    /// A seeded generator.
    Generated {
        /// which
        generator: Generator,
        /// how many samples
        samples: usize,
        /// the standard deviation of the added Gaussian noise
        noise: f64,
    },
    /// A CSV file, resolved against the scenario's folder, and which of its columns to use.
    File(PathBuf, Columns),
    /// A data set compiled into the binary (a built-in scenario's file), and its columns.
    Embedded(&'static builtin::Asset, Columns),
}

/// A validated scenario with every default applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Shown in the title, in the language of the messages when the file gives it in more
    /// than one (see [`localized::Localized`]).
    pub name: String,
    /// What the scenario shows, in the language of the messages like `name`.
    pub description: String,
    /// Where it came from: a path, or `built-in NAME` (in the language of the messages).
    pub origin: String,
    /// Every random choice derives from it.
    pub seed: u64,
    /// [inputs, hidden…, outputs].
    pub layers: Vec<usize>,
    /// f of the hidden layers.
    pub hidden_activation: Activation,
    /// f of the output layer.
    pub output_activation: Activation,
    /// How biases take part.
    pub bias: BiasMode,
    /// How weights start when not given.
    pub init: Init,
    /// U(−r, r) for `init = "uniform"`.
    pub init_range: f64,
    /// Explicit weights, per layer.
    pub weights: Option<Vec<DMatrix<f64>>>,
    /// Explicit biases, per layer.
    pub biases: Option<Vec<DVector<f64>>>,
    /// How the network is trained; `batch_size` is the scenario's (used by mini-batch only).
    pub training: Training,
    /// Where the samples come from.
    pub data: DataSource,
    /// The fraction held out for validation.
    pub validation: f64,
    /// The fraction held out for testing.
    pub test: f64,
    /// How inputs are preprocessed.
    pub normalize: Normalize,
    /// The comparison the file declares in `[compare]`, if any.
    pub comparison: Option<compare::Comparison>,
    /// Rows × columns when each input is an image (the view draws it).
    pub image: Option<(usize, usize)>,
    /// The text it was read from, with any `--set` written in: [`Scenario::with`] edits it
    /// again, and saving writes it.
    pub text: std::sync::Arc<str>,
    /// The folder its data file is looked for in (none for a built-in).
    pub folder: Option<PathBuf>,
}

/// A built network with its data, ready to step or train.
#[derive(Clone, Debug)]
pub struct Setup {
    /// The initial network.
    pub network: Network,
    /// How it is trained (batch size resolved against the training set).
    pub training: Training,
    /// Training, validation and test data.
    pub splits: Splits,
    /// The scenario's seed.
    pub seed: u64,
}

impl Setup {
    /// A stepper at the start of training.
    pub fn stepper(&self) -> Stepper {
        Stepper::new(
            self.network.clone(),
            self.training.clone(),
            self.splits.train.clone(),
            self.splits.validation.clone(),
            self.seed,
        )
    }

    /// A fast trainer at the start of training.
    pub fn trainer(&self) -> Trainer {
        Trainer::new(
            self.network.clone(),
            self.training.clone(),
            self.splits.train.len(),
            self.seed,
        )
    }
}

impl Scenario {
    /// The initial network: explicit weights and biases where given, else `init`.
    pub fn network(&self) -> Network {
        let mut network = Network::initialized(
            &self.layers,
            self.hidden_activation,
            self.output_activation,
            self.bias,
            self.init,
            self.init_range,
            self.seed,
        );
        if let Some(weights) = &self.weights {
            for (layer, w) in network.layers.iter_mut().zip(weights) {
                layer.weights = w.clone();
            }
        }
        if let Some(biases) = &self.biases {
            for (layer, b) in network.layers.iter_mut().zip(biases) {
                layer.biases = b.clone();
            }
        }
        network
    }

    /// All samples, before splitting.
    pub fn dataset(&self) -> Result<Dataset, ScenarioError> {
        let (inputs, outputs) = (self.layers[0], self.layers[self.layers.len() - 1]);
        match &self.data {
            DataSource::Inline(d) => Ok(d.clone()),
            DataSource::Generated {
                generator,
                samples,
                noise,
            } => Ok(generator.generate(*samples, *noise, inputs, outputs, self.seed)),
            DataSource::File(path, columns) => {
                crate::data::csv::load(path, inputs, outputs, columns).map_err(|source| {
                    ScenarioError::Data {
                        file: self.origin.clone(),
                        source,
                    }
                })
            }
            DataSource::Embedded(asset, columns) => crate::data::csv::parse(
                Path::new(asset.name),
                asset.text.as_bytes(),
                inputs,
                outputs,
                columns,
            )
            .map_err(|source| ScenarioError::Data {
                file: self.origin.clone(),
                source,
            }),
        }
    }

    /// Builds the network and loads, splits and normalizes the data.
    pub fn setup(&self) -> Result<Setup, ScenarioError> {
        let all = self.dataset()?;
        data::check_targets(&self.origin, &self.data, self.training.loss, &all)?;
        let mut splits = crate::data::split(&all, self.validation, self.test, self.seed);
        if self.normalize == Normalize::Standardize {
            data::check_standardizable(&self.origin, &self.data, &splits.train)?;
            crate::data::standardize(&mut splits);
        }
        let batch_size = match self.training.mode {
            Mode::Batch => splits.train.len(),
            Mode::Sgd => 1,
            Mode::MiniBatch => self.training.batch_size.min(splits.train.len()),
        };
        let neurons: usize = self.layers.iter().sum();
        if batch_size.saturating_mul(neurons) > MAX_BATCH_NUMBERS {
            return Err(ScenarioError::Invalid(Box::new(Diagnostic {
                file: self.origin.clone(),
                position: None,
                key: "training.mode".into(),
                message: crate::words!(
                    "error-batch-too-big",
                    batch = batch_size.to_string(),
                    neurons = neurons.to_string(),
                    max = MAX_BATCH_NUMBERS.to_string(),
                    mode = Mode::MiniBatch.name()
                ),
                snippet: None,
            })));
        }
        Ok(Setup {
            network: self.network(),
            training: Training {
                batch_size,
                inputs_standardized: self.normalize == Normalize::Standardize,
                ..self.training.clone()
            },
            splits,
            seed: self.seed,
        })
    }
}
