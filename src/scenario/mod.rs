//! Scenario files: parse, apply defaults, validate, and build what training needs.
//!
//! Limits (so that a typo cannot ask for gigabytes): at most [`MAX_LAYERS`] entries in
//! `layers`, at most [`MAX_WIDTH`] neurons in a layer, at most [`MAX_PARAMETERS`] weights in
//! all, at most [`MAX_SAMPLES`] generated samples and [`MAX_DATA_NUMBERS`] generated numbers,
//! and at most [`MAX_BATCH_NUMBERS`] numbers in one batch's buffers.

mod builtin;
pub mod compare;
mod error;
mod raw;

use std::ops::Range;
use std::path::{Path, PathBuf};

use nalgebra::{DMatrix, DVector};
use toml::de::{DeTable, DeValue};

pub use builtin::{ASSETS, Asset, BUILTINS, Builtin, DEFAULT};
pub use error::{Diagnostic, ScenarioError, line_column};

use error::{count, plain};

use crate::data::csv::Columns;
use crate::data::generate::Generator;
use crate::data::{self, Dataset, Normalize, Splits};
use crate::nn::{
    Activation, BiasMode, Costs, Init, Loss, Mode, Network, Stepper, Trainer, Training,
};
use raw::RawScenario;

/// The most entries `layers` may have.
pub const MAX_LAYERS: usize = 32;
/// The most neurons one layer may have.
pub const MAX_WIDTH: usize = 4096;
/// The most weights a network may have.
pub const MAX_PARAMETERS: usize = 10_000_000;
/// The most epochs a scenario may ask for.
pub const MAX_EPOCHS: u64 = 1_000_000_000;
/// The largest scenario file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The most samples a generator may draw.
pub const MAX_SAMPLES: u64 = 1_000_000;
/// The most numbers (samples × (inputs + outputs)) a generator may draw.
pub const MAX_DATA_NUMBERS: usize = 20_000_000;
/// The most numbers one batch may hold per buffer (batch size × neurons in all layers).
pub const MAX_BATCH_NUMBERS: usize = 4_000_000;

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
    /// Shown in the title.
    pub name: String,
    /// What the scenario shows.
    pub description: String,
    /// Where it came from: a path, or `built-in NAME`.
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
    /// Loads `name_or_path`: an existing file, else a built-in scenario of that name.
    pub fn load(name_or_path: &str) -> Result<Scenario, ScenarioError> {
        let path = Path::new(name_or_path);
        if path.exists() {
            return Scenario::from_file(path);
        }
        match builtin::find(name_or_path) {
            Some(b) => Scenario::parse(b.source, &format!("built-in {}", b.name), None),
            None => Err(ScenarioError::Unknown {
                name: name_or_path.to_string(),
                builtins: BUILTINS
                    .iter()
                    .map(|b| b.name)
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// Reads and validates a scenario file.
    pub fn from_file(path: &Path) -> Result<Scenario, ScenarioError> {
        let file = path.display().to_string();
        let read_error = |source| ScenarioError::Read {
            file: file.clone(),
            source,
        };
        let metadata = std::fs::metadata(path).map_err(read_error)?;
        if !metadata.is_file() {
            let found = if metadata.is_dir() {
                "a folder"
            } else {
                "a device or pipe"
            };
            return Err(ScenarioError::NotAFile { file, found });
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(ScenarioError::TooLarge {
                file,
                bytes: metadata.len(),
                limit: MAX_FILE_BYTES,
            });
        }
        let bytes = std::fs::read(path).map_err(read_error)?;
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text,
            Err(e) => {
                let valid = e.valid_up_to();
                let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
                let (line, column) = line_column(prefix, valid);
                return Err(ScenarioError::NotUtf8 {
                    file,
                    line,
                    column,
                    byte: bytes[valid],
                });
            }
        };
        Scenario::parse(text, &file, path.parent())
    }

    /// Parses and validates scenario text; `file` names it in errors and `folder` is where a
    /// data file is looked for.
    pub fn parse(text: &str, file: &str, folder: Option<&Path>) -> Result<Scenario, ScenarioError> {
        let strip_comments = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .all(str::is_empty);
        if strip_comments {
            return Err(ScenarioError::Empty {
                file: file.to_string(),
            });
        }
        let invalid = |span: Option<Range<usize>>, key: &str, message: String| {
            ScenarioError::Invalid(Box::new(Diagnostic::at(file, text, span, key, message)))
        };
        let tree = DeTable::parse(text).map_err(|e| invalid(e.span(), "", syntax_message(&e)))?;
        let deserializer = toml::Deserializer::parse(text)
            .map_err(|e| invalid(e.span(), "", syntax_message(&e)))?;
        let raw: RawScenario = serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let key = e.path().to_string();
            let inner = e.inner();
            let key = if key == "." { String::new() } else { key };
            let message = plain(inner.message().trim());
            let span = if key.is_empty() && message.starts_with("missing") {
                None
            } else {
                inner.span().or_else(|| locate(tree.get_ref(), &key))
            };
            invalid(span, &key, message)
        })?;
        let checker = Checker {
            tree: tree.get_ref(),
            invalid: &invalid,
        };
        checker.validate(raw, file, folder)
    }

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
            DataSource::File(path, columns) => data::csv::load(path, inputs, outputs, columns)
                .map_err(|source| ScenarioError::Data {
                    file: self.origin.clone(),
                    source,
                }),
            DataSource::Embedded(asset, columns) => data::csv::parse(
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
        let mut splits = data::split(&all, self.validation, self.test, self.seed);
        if self.normalize == Normalize::Standardize {
            data::standardize(&mut splits);
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
                message: format!(
                    "a batch of {batch_size} samples through {neurons} neurons needs more than {MAX_BATCH_NUMBERS} numbers per buffer; use mode = \"mini-batch\" with a smaller batch_size"
                ),
                snippet: None,
            })));
        }
        Ok(Setup {
            network: self.network(),
            training: Training {
                batch_size,
                ..self.training.clone()
            },
            splits,
            seed: self.seed,
        })
    }
}

fn syntax_message(e: &toml::de::Error) -> String {
    let message = e.message().trim();
    let hint = if message.contains("overflow") {
        " (expected a finite number)"
    } else {
        ""
    };
    format!("TOML syntax error: {message}{hint}")
}

/// The span of the value at `key` (`a.b[2].c`), or of the nearest enclosing value.
fn locate(root: &DeTable<'_>, key: &str) -> Option<Range<usize>> {
    let mut span = None;
    let mut current: Option<&DeValue<'_>> = None;
    for segment in segments(key) {
        let next = match (current, segment) {
            (None, Segment::Key(k)) => root.get(k),
            (Some(v), Segment::Key(k)) => v.get(k),
            (Some(v), Segment::Index(i)) => v.get(i),
            (None, Segment::Index(_)) => None,
        };
        match next {
            Some(value) => {
                span = Some(value.span());
                current = Some(value.get_ref());
            }
            None => break,
        }
    }
    span
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

fn segments(key: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    for part in key.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(name) = pieces.next().filter(|n| !n.is_empty()) {
            out.push(Segment::Key(name));
        }
        for index in pieces {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Segment::Index(i));
            }
        }
    }
    out
}

type Invalid<'a> = dyn Fn(Option<Range<usize>>, &str, String) -> ScenarioError + 'a;

struct Checker<'a> {
    tree: &'a DeTable<'a>,
    invalid: &'a Invalid<'a>,
}

impl Checker<'_> {
    fn error(&self, key: &str, message: String) -> ScenarioError {
        (self.invalid)(locate(self.tree, key), key, message)
    }

    fn finite(&self, key: &str, value: f64) -> Result<f64, ScenarioError> {
        if value.is_finite() {
            Ok(value)
        } else {
            Err(self.error(key, format!("expected a finite number, found {value}")))
        }
    }

    fn rows(
        &self,
        key: &str,
        rows: &[Vec<f64>],
        width: usize,
        what: &str,
    ) -> Result<(), ScenarioError> {
        for (r, row) in rows.iter().enumerate() {
            if row.len() != width {
                return Err(self.error(
                    &format!("{key}[{r}]"),
                    format!("expected {}, found {}", count(width, what), row.len()),
                ));
            }
            for (c, v) in row.iter().enumerate() {
                self.finite(&format!("{key}[{r}][{c}]"), *v)?;
            }
        }
        Ok(())
    }

    fn comparison(
        &self,
        raw: raw::RawCompare,
        base: &Scenario,
    ) -> Result<compare::Comparison, ScenarioError> {
        if !compare::SETTINGS.contains(&raw.vary.as_str()) {
            return Err(self.error(
                "compare.vary",
                format!(
                    "expected one of {}, found \"{}\"",
                    compare::SETTINGS.join(", "),
                    raw.vary
                ),
            ));
        }
        compare::check_count(raw.values.len()).map_err(|e| self.error("compare.values", e))?;
        let values = raw
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                compare::variation(&raw.vary, i, v, base)
                    .map_err(|e| self.error(&format!("compare.values[{i}]"), e))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let target_cost = raw.target_cost.unwrap_or_else(|| "mse".into());
        let names = Costs::NAMES;
        if !names.contains(&target_cost.as_str()) {
            return Err(self.error(
                "compare.target_cost",
                format!(
                    "expected one of {}, found \"{target_cost}\"",
                    names.join(", ")
                ),
            ));
        }
        let target = self.finite("compare.target", raw.target.unwrap_or(0.1))?;
        Ok(compare::Comparison {
            setting: raw.vary,
            values,
            target_cost,
            target,
        })
    }

    fn validate(
        &self,
        raw: RawScenario,
        file: &str,
        folder: Option<&Path>,
    ) -> Result<Scenario, ScenarioError> {
        let compare = raw.compare;
        let net = raw.network;
        if net.layers.len() < 2 || net.layers.len() > MAX_LAYERS {
            return Err(self.error(
                "network.layers",
                format!(
                    "expected 2 to {MAX_LAYERS} layer sizes (inputs, hidden…, outputs), found {}",
                    net.layers.len()
                ),
            ));
        }
        let mut layers = Vec::with_capacity(net.layers.len());
        for (i, value) in net.layers.iter().enumerate() {
            match value.as_integer() {
                Some(n) if (1..=MAX_WIDTH as i64).contains(&n) => layers.push(n as usize),
                _ => {
                    return Err(self.error(
                        &format!("network.layers[{i}]"),
                        format!("expected a layer size from 1 to {MAX_WIDTH}, found {value}"),
                    ));
                }
            }
        }
        let weights_count: usize = layers.windows(2).map(|w| w[0] * w[1]).sum();
        if weights_count > MAX_PARAMETERS {
            return Err(self.error(
                "network.layers",
                format!("expected at most {MAX_PARAMETERS} weights in all, found {weights_count}"),
            ));
        }
        let depth = layers.len() - 1;
        let outputs = layers[depth];
        let hidden_activation = net.hidden_activation.unwrap_or(Activation::Sigmoid);
        let output_activation = net.output_activation.unwrap_or(Activation::Sigmoid);
        if hidden_activation == Activation::Softmax {
            return Err(self.error(
                "network.hidden_activation",
                "expected sigmoid, tanh, relu or linear (softmax is for the output layer only), found \"softmax\"".into(),
            ));
        }
        if output_activation == Activation::Softmax && outputs < 2 {
            return Err(self.error(
                "network.output_activation",
                format!("softmax needs at least 2 outputs, found layers ending in {outputs}; use sigmoid for one output"),
            ));
        }
        let bias = net.bias.unwrap_or(BiasMode::Learned);
        let init = net.init.unwrap_or(Init::Xavier);
        let init_range = match net.init_range {
            Some(r) => {
                let r = self.finite("network.init_range", r)?;
                if init != Init::Uniform {
                    return Err(self.error(
                        "network.init_range",
                        format!(
                            "`init_range` applies only to init = \"uniform\", found init = \"{}\"",
                            init.name()
                        ),
                    ));
                }
                if r < 0.0 {
                    return Err(self.error(
                        "network.init_range",
                        format!("expected a range ≥ 0, found {r}"),
                    ));
                }
                r
            }
            None => 0.5,
        };
        let weights = match net.weights {
            None => None,
            Some(w) => {
                if w.len() != depth {
                    return Err(self.error(
                        "network.weights",
                        format!(
                            "expected {} (one per layer after the inputs), found {}",
                            count(depth, "matrix"),
                            w.len()
                        ),
                    ));
                }
                let mut matrices = Vec::with_capacity(depth);
                for (l, m) in w.iter().enumerate() {
                    let key = format!("network.weights[{l}]");
                    let (rows, cols) = (layers[l + 1], layers[l]);
                    if m.len() != rows {
                        return Err(self.error(
                            &key,
                            format!(
                                "expected {} (one per neuron of layer {}, each holding the weights into it), found {}",
                                count(rows, "row"),
                                l + 1,
                                m.len()
                            ),
                        ));
                    }
                    self.rows(
                        &key,
                        m,
                        cols,
                        &if l == 0 {
                            "weight (one per input)".to_string()
                        } else {
                            format!("weight (one per neuron of layer {l})")
                        },
                    )?;
                    matrices.push(DMatrix::from_fn(rows, cols, |r, c| m[r][c]));
                }
                Some(matrices)
            }
        };
        let biases = match net.biases {
            None => None,
            Some(b) => {
                if bias == BiasMode::None {
                    return Err(self.error(
                        "network.biases",
                        "biases are given but bias = \"none\"; remove `biases` or set bias = \"fixed\" or \"learned\"".into(),
                    ));
                }
                if b.len() != depth {
                    return Err(self.error(
                        "network.biases",
                        format!(
                            "expected {} (one per layer after the inputs), found {}",
                            count(depth, "vector of biases"),
                            b.len()
                        ),
                    ));
                }
                let mut vectors = Vec::with_capacity(depth);
                for (l, v) in b.iter().enumerate() {
                    let key = format!("network.biases[{l}]");
                    if v.len() != layers[l + 1] {
                        return Err(self.error(
                            &key,
                            format!(
                                "expected {} (one per neuron of layer {}), found {}",
                                count(layers[l + 1], "bias"),
                                l + 1,
                                v.len()
                            ),
                        ));
                    }
                    for (i, x) in v.iter().enumerate() {
                        self.finite(&format!("{key}[{i}]"), *x)?;
                    }
                    vectors.push(DVector::from_column_slice(v));
                }
                Some(vectors)
            }
        };

        let training = raw.training.unwrap_or_default();
        let learning_rate = match training.learning_rate {
            Some(eta) => {
                let eta = self.finite("training.learning_rate", eta)?;
                if eta < 0.0 {
                    return Err(self.error(
                        "training.learning_rate",
                        format!("expected a learning rate ≥ 0 (the update already subtracts the gradient), found {eta}"),
                    ));
                }
                eta
            }
            None => 0.5,
        };
        let mode = training.mode.unwrap_or(Mode::Sgd);
        let batch_size = match (mode, training.batch_size) {
            (_, Some(0)) => {
                return Err(self.error(
                    "training.batch_size",
                    "expected a batch size ≥ 1, found 0".into(),
                ));
            }
            (_, Some(b)) => usize::try_from(b).unwrap_or(usize::MAX),
            (Mode::MiniBatch, None) => {
                return Err(self.error(
                    "training",
                    "mode = \"mini-batch\" needs `batch_size` (e.g. batch_size = 10)".into(),
                ));
            }
            (_, None) => 1,
        };
        let epochs = match training.epochs {
            Some(e) if (1..=MAX_EPOCHS).contains(&e) => e as usize,
            Some(e) => {
                return Err(self.error(
                    "training.epochs",
                    format!("expected 1 to {MAX_EPOCHS} epochs, found {e}"),
                ));
            }
            None => 1000,
        };

        let d = raw.data;
        let inputs = layers[0];
        let sources = [
            d.inputs.is_some() || d.targets.is_some(),
            d.generator.is_some(),
            d.file.is_some(),
        ];
        if sources.iter().filter(|s| **s).count() != 1 {
            let names = ["`inputs`/`targets`", "`generator`", "`file`"];
            let found: Vec<&str> = names
                .iter()
                .zip(sources)
                .filter_map(|(n, s)| s.then_some(*n))
                .collect();
            let found = if found.is_empty() {
                "none".to_string()
            } else {
                found.join(" and ")
            };
            return Err(self.error(
                "data",
                format!("expected exactly one source of samples (`inputs` with `targets`, `generator`, or `file`), found {found}"),
            ));
        }
        if d.generator.is_none() {
            for key in [
                ("samples", d.samples.is_some()),
                ("noise", d.noise.is_some()),
            ] {
                if key.1 {
                    return Err(self.error(
                        &format!("data.{}", key.0),
                        format!("`{}` applies only to a `generator`", key.0),
                    ));
                }
            }
        }
        let source = if let Some(generator) = d.generator {
            if let Some(width) = generator.input_width()
                && width != inputs
            {
                return Err(self.error(
                    "data.generator",
                    format!("the {} generator makes {width} inputs, found layers starting with {inputs}", generator.name()),
                ));
            }
            if generator != Generator::Gaussians && outputs > 2 {
                return Err(self.error(
                    "data.generator",
                    format!("the {} generator has 2 classes (1 or 2 outputs), found layers ending in {outputs}", generator.name()),
                ));
            }
            let samples = d.samples.unwrap_or(200);
            if samples == 0 || samples > MAX_SAMPLES {
                return Err(self.error(
                    "data.samples",
                    format!("expected 1 to {MAX_SAMPLES} samples, found {samples}"),
                ));
            }
            let numbers = samples.saturating_mul((inputs + outputs) as u64);
            if numbers > MAX_DATA_NUMBERS as u64 {
                return Err(self.error(
                    "data.samples",
                    format!(
                        "expected at most {MAX_DATA_NUMBERS} numbers of data in all, found {samples} samples × {} numbers each = {numbers}",
                        inputs + outputs
                    ),
                ));
            }
            let noise = self.finite("data.noise", d.noise.unwrap_or(0.1))?;
            if noise < 0.0 {
                return Err(self.error("data.noise", format!("expected noise ≥ 0, found {noise}")));
            }
            DataSource::Generated {
                generator,
                samples: samples as usize,
                noise,
            }
        } else if let Some(name) = d.file {
            let columns = Columns {
                features: d.features,
                class_column: d.class_column,
                target_columns: d.target_columns,
            };
            if columns.class_column.is_some() && columns.target_columns.is_some() {
                return Err(self.error(
                    "data.class_column",
                    "expected either `class_column` or `target_columns`, found both".into(),
                ));
            }
            match folder.is_none().then(|| builtin::asset(&name)).flatten() {
                Some(asset) => DataSource::Embedded(asset, columns),
                None => {
                    let path = folder.unwrap_or(Path::new(".")).join(&name);
                    if !path.is_file() {
                        let found = if path.is_dir() { "a folder" } else { "nothing" };
                        return Err(self.error(
                            "data.file",
                            format!(
                                "expected a CSV file (relative to the scenario's folder), found {found} at {}",
                                path.display()
                            ),
                        ));
                    }
                    DataSource::File(path, columns)
                }
            }
        } else {
            let (xs, ds) = match (d.inputs, d.targets) {
                (Some(xs), Some(ds)) => (xs, ds),
                (Some(_), None) => {
                    return Err(self.error(
                        "data",
                        "`inputs` is given but `targets` is missing; give one target row per input row".into(),
                    ));
                }
                _ => {
                    return Err(self.error(
                        "data",
                        "`targets` is given but `inputs` is missing; give one input row per target row".into(),
                    ));
                }
            };
            if xs.is_empty() {
                return Err(self.error(
                    "data.inputs",
                    "expected at least one sample, found none".into(),
                ));
            }
            if xs.len() != ds.len() {
                return Err(self.error(
                    "data.targets",
                    format!(
                        "expected one target per input ({} inputs), found {} targets",
                        xs.len(),
                        ds.len()
                    ),
                ));
            }
            self.rows(
                "data.inputs",
                &xs,
                inputs,
                "input (the first entry of `layers`)",
            )?;
            self.rows(
                "data.targets",
                &ds,
                outputs,
                "target (the last entry of `layers`)",
            )?;
            DataSource::Inline(Dataset::from_rows(&xs, &ds))
        };
        let image = match d.image.as_deref() {
            None => None,
            Some([rows, cols]) if (*rows as usize).saturating_mul(*cols as usize) == inputs => {
                Some((*rows as usize, *cols as usize))
            }
            Some(found) => {
                return Err(self.error(
                    "data.image",
                    format!(
                        "expected [rows, columns] with rows × columns = {inputs} (the inputs), found {found:?}"
                    ),
                ));
            }
        };
        let fraction = |key: &str, value: Option<f64>| -> Result<f64, ScenarioError> {
            let v = self.finite(key, value.unwrap_or(0.0))?;
            if !(0.0..1.0).contains(&v) {
                return Err(self.error(key, format!("expected a fraction in [0, 1), found {v}")));
            }
            Ok(v)
        };
        let validation = fraction("data.validation", d.validation)?;
        let test = fraction("data.test", d.test)?;
        if validation + test >= 1.0 {
            return Err(self.error(
                "data.test",
                format!("validation + test must leave some training data (sum < 1), found {validation} + {test} = {}", validation + test),
            ));
        }

        let mut scenario = Scenario {
            name: raw.name,
            description: raw.description.unwrap_or_default(),
            origin: file.to_string(),
            seed: raw.seed.unwrap_or(0),
            layers,
            hidden_activation,
            output_activation,
            bias,
            init,
            init_range,
            weights,
            biases,
            training: Training {
                loss: training.loss.unwrap_or(Loss::Mse),
                learning_rate,
                mode,
                batch_size,
                shuffle: training.shuffle.unwrap_or(true),
                epochs,
            },
            data: source,
            validation,
            test,
            normalize: d.normalize.unwrap_or(Normalize::None),
            comparison: None,
            image,
        };
        if let Some(c) = compare {
            scenario.comparison = Some(self.comparison(c, &scenario)?);
        }
        Ok(scenario)
    }
}
