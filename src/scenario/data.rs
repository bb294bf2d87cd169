//! Validating `[data]`: exactly one source of samples (written out, generated, or a CSV
//! file), the image shape, the held-out fractions and the preprocessing.

use std::path::Path;

use super::check::Checker;
use super::raw::RawData;
use super::{DataSource, MAX_DATA_NUMBERS, MAX_SAMPLES, ScenarioError, builtin};
use crate::data::csv::Columns;
use crate::data::generate::Generator;
use crate::data::{Dataset, Normalize};
use crate::nn::Loss;
use crate::words;

use super::error::Found;

/// `[data]` validated, with its defaults applied.
pub(super) struct DataTable {
    /// Where the samples come from.
    pub(super) source: DataSource,
    /// Rows × columns when each input is an image.
    pub(super) image: Option<(usize, usize)>,
    /// The fraction held out for validation.
    pub(super) validation: f64,
    /// The fraction held out for testing.
    pub(super) test: f64,
    /// How inputs are preprocessed.
    pub(super) normalize: Normalize,
}

impl Checker<'_> {
    /// Checks `[data]` against the network's `layers`; a data file is looked for in `folder`
    /// (none: a built-in scenario's embedded file).
    pub(super) fn data(
        &self,
        d: RawData,
        layers: &[usize],
        folder: Option<&Path>,
    ) -> Result<DataTable, ScenarioError> {
        let (inputs, outputs) = (layers[0], layers[layers.len() - 1]);
        self.one_source(&d)?;
        let source = match (d.generator, d.file) {
            (Some(generator), _) => self.generated(generator, d.samples, d.noise, layers)?,
            (None, Some(name)) => {
                let columns = Columns {
                    features: d.features,
                    class_column: d.class_column,
                    target_columns: d.target_columns,
                };
                self.file(&name, columns, folder)?
            }
            (None, None) => self.inline(d.inputs, d.targets, inputs, outputs)?,
        };
        let image = self.image(d.image.as_deref(), inputs)?;
        let validation = self.fraction("data.validation", d.validation)?;
        let test = self.fraction("data.test", d.test)?;
        if validation + test >= 1.0 {
            return Err(self.error(
                "data.test",
                words!(
                    "error-no-training-data",
                    validation = validation.to_string(),
                    test = test.to_string(),
                    sum = (validation + test).to_string()
                ),
            ));
        }
        Ok(DataTable {
            source,
            image,
            validation,
            test,
            normalize: d.normalize.unwrap_or(Normalize::None),
        })
    }

    /// Exactly one of `inputs`/`targets`, `generator` and `file`, and the generator's keys
    /// only with a generator.
    fn one_source(&self, d: &RawData) -> Result<(), ScenarioError> {
        let sources = [
            (
                "`inputs`/`targets`",
                d.inputs.is_some() || d.targets.is_some(),
            ),
            ("`generator`", d.generator.is_some()),
            ("`file`", d.file.is_some()),
        ];
        let found: Vec<&str> = sources
            .iter()
            .filter_map(|(name, given)| given.then_some(*name))
            .collect();
        if found.len() != 1 {
            let found = found
                .iter()
                .map(|name| name.to_string())
                .reduce(|first, second| words!("error-both", first = first, second = second))
                .unwrap_or_else(|| words!("error-none"));
            return Err(self.error("data", words!("error-sources", found = found)));
        }
        if d.generator.is_none() {
            for (key, given) in [
                ("samples", d.samples.is_some()),
                ("noise", d.noise.is_some()),
            ] {
                if given {
                    return Err(self.error(
                        &format!("data.{key}"),
                        words!("error-generator-only", key = key),
                    ));
                }
            }
        }
        Ok(())
    }

    /// `generator` with `samples` (default 200) and `noise` (default 0.1), for `layers`.
    fn generated(
        &self,
        generator: Generator,
        samples: Option<u64>,
        noise: Option<f64>,
        layers: &[usize],
    ) -> Result<DataSource, ScenarioError> {
        let (inputs, outputs) = (layers[0], layers[layers.len() - 1]);
        let name = generator.name();
        if let Some(width) = generator.input_width()
            && width != inputs
        {
            return Err(self.error(
                "data.generator",
                words!(
                    "error-generator-width",
                    name = name,
                    width = width.to_string(),
                    inputs = inputs.to_string()
                ),
            ));
        }
        if generator != Generator::Gaussians && outputs > 2 {
            return Err(self.error(
                "data.generator",
                words!(
                    "error-generator-classes",
                    name = name,
                    outputs = outputs.to_string()
                ),
            ));
        }
        let samples = samples.unwrap_or(200);
        if samples == 0 || samples > MAX_SAMPLES {
            return Err(self.error(
                "data.samples",
                words!(
                    "error-samples",
                    max = MAX_SAMPLES.to_string(),
                    found = samples.to_string()
                ),
            ));
        }
        let numbers = samples.saturating_mul((inputs + outputs) as u64);
        if numbers > MAX_DATA_NUMBERS as u64 {
            return Err(self.error(
                "data.samples",
                words!(
                    "error-data-too-big",
                    max = MAX_DATA_NUMBERS.to_string(),
                    samples = samples.to_string(),
                    each = (inputs + outputs).to_string(),
                    numbers = numbers.to_string()
                ),
            ));
        }
        let noise = self.finite("data.noise", noise.unwrap_or(0.1))?;
        if noise < 0.0 {
            return Err(self.error(
                "data.noise",
                words!("error-noise-negative", value = noise.to_string()),
            ));
        }
        Ok(DataSource::Generated {
            generator,
            samples: samples as usize,
            noise,
        })
    }

    /// `file`, relative to `folder`, or a built-in's embedded file when there is no folder.
    fn file(
        &self,
        name: &str,
        columns: Columns,
        folder: Option<&Path>,
    ) -> Result<DataSource, ScenarioError> {
        if columns.class_column.is_some() && columns.target_columns.is_some() {
            return Err(self.error("data.class_column", words!("error-class-and-targets")));
        }
        if let Some(asset) = folder.is_none().then(|| builtin::asset(name)).flatten() {
            return Ok(DataSource::Embedded(asset, columns));
        }
        let path = folder.unwrap_or(Path::new(".")).join(name);
        let found = Found::at(&path);
        if found != Found::File {
            return Err(self.error(
                "data.file",
                words!(
                    "error-no-file",
                    found = found.key(),
                    path = crate::text::untrusted::path(&path)
                ),
            ));
        }
        Ok(DataSource::File(path, columns))
    }

    /// `inputs` and `targets` written out: one row each per sample, `inputs` and `outputs`
    /// wide.
    fn inline(
        &self,
        xs: Option<Vec<Vec<f64>>>,
        ds: Option<Vec<Vec<f64>>>,
        inputs: usize,
        outputs: usize,
    ) -> Result<DataSource, ScenarioError> {
        let (xs, ds) = match (xs, ds) {
            (Some(xs), Some(ds)) => (xs, ds),
            (Some(_), None) => {
                return Err(self.error("data", words!("error-targets-missing")));
            }
            _ => {
                return Err(self.error("data", words!("error-inputs-missing")));
            }
        };
        if xs.is_empty() {
            return Err(self.error("data.inputs", words!("error-no-samples")));
        }
        if xs.len() != ds.len() {
            return Err(self.error(
                "data.targets",
                words!(
                    "error-target-count",
                    inputs = xs.len().to_string(),
                    targets = ds.len().to_string()
                ),
            ));
        }
        let first = words!("error-count-inputs", n = inputs);
        self.rows("data.inputs", &xs, inputs, &first)?;
        let last = words!("error-count-targets", n = outputs);
        self.rows("data.targets", &ds, outputs, &last)?;
        Ok(DataSource::Inline(Dataset::from_rows(&xs, &ds)))
    }

    /// `image`: [rows, columns] covering the `inputs` exactly.
    fn image(
        &self,
        image: Option<&[u64]>,
        inputs: usize,
    ) -> Result<Option<(usize, usize)>, ScenarioError> {
        match image {
            None => Ok(None),
            Some([rows, cols]) if (*rows as usize).saturating_mul(*cols as usize) == inputs => {
                Ok(Some((*rows as usize, *cols as usize)))
            }
            Some(found) => Err(self.error(
                "data.image",
                words!(
                    "error-image",
                    inputs = inputs.to_string(),
                    found = format!("{found:?}")
                ),
            )),
        }
    }

    /// A held-out fraction in [0, 1) (default 0).
    fn fraction(&self, key: &str, value: Option<f64>) -> Result<f64, ScenarioError> {
        let v = self.finite(key, value.unwrap_or(0.0))?;
        if !(0.0..1.0).contains(&v) {
            return Err(self.error(key, words!("error-fraction", value = v.to_string())));
        }
        Ok(v)
    }
}

/// The name of target `k` (0-based) of `source` for a message: the column when the file
/// names its target columns, else `data.targets` and the position.
fn target_key(source: &DataSource, k: usize) -> String {
    match source {
        DataSource::File(_, columns) | DataSource::Embedded(_, columns) => {
            match columns.target_columns.as_ref().and_then(|c| c.get(k)) {
                Some(name) => name.clone(),
                None => words!("numbers-target-position", position = k + 1),
            }
        }
        _ => format!("data.targets[{}]", k + 1),
    }
}

/// The name of input `r` (0-based) of `source`: the feature column when the file names its
/// features, else the input's position.
fn input_key(source: &DataSource, r: usize) -> String {
    match source {
        DataSource::File(_, columns) | DataSource::Embedded(_, columns) => {
            match columns.features.as_ref().and_then(|c| c.get(r)) {
                Some(name) => name.clone(),
                None => words!("numbers-input-position", position = r + 1),
            }
        }
        _ => format!("data.inputs[{}]", r + 1),
    }
}

/// A cross-entropy reads its targets as probabilities: refuses a target outside [0, 1],
/// naming its column (or key), its sample and its value.
pub(super) fn check_targets(
    file: &str,
    source: &DataSource,
    loss: Loss,
    data: &Dataset,
) -> Result<(), ScenarioError> {
    if !matches!(loss, Loss::CrossEntropy | Loss::BinaryCrossEntropy) {
        return Ok(());
    }
    let rows = data.targets.nrows().max(1);
    let Some(p) = data
        .targets
        .as_slice()
        .iter()
        .position(|d| !(0.0..=1.0).contains(d))
    else {
        return Ok(());
    };
    let message = words!(
        "numbers-target-outside",
        loss = crate::text::notation::cost_name(loss.into()),
        sample = p / rows + 1,
        value = crate::text::notation::compact(data.targets.as_slice()[p])
    );
    Err(invalid(file, target_key(source, p % rows), message))
}

/// Standardizing divides by the spread of each input over the training set: refuses an
/// input whose mean or spread is too large for a number (near 1e308 the mean overflows and
/// every value becomes NaN; near 1e200 the spread does and every value becomes 0).
pub(super) fn check_standardizable(
    file: &str,
    source: &DataSource,
    train: &Dataset,
) -> Result<(), ScenarioError> {
    let n = train.inputs.ncols().max(1) as f64;
    for (r, row) in train.inputs.row_iter().enumerate() {
        let mean = row.sum() / n;
        let spread = row.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
        if mean.is_finite() && spread.is_finite() {
            continue;
        }
        let largest = row.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        let message = match mean.is_finite() {
            false => words!(
                "numbers-standardize-mean",
                largest = crate::text::notation::compact(largest)
            ),
            true => words!(
                "numbers-standardize-spread",
                largest = crate::text::notation::compact(largest)
            ),
        };
        return Err(invalid(file, input_key(source, r), message));
    }
    Ok(())
}

/// A located error without a position in the file.
fn invalid(file: &str, key: String, message: String) -> ScenarioError {
    ScenarioError::Invalid(Box::new(super::error::Diagnostic {
        file: file.to_string(),
        position: None,
        key,
        message,
        snippet: None,
    }))
}
