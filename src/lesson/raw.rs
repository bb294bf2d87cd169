//! A lesson file as written, before its stops are checked against their scenarios.

use serde::Deserialize;

use super::stop::{Show, Zoom};
use crate::scenario::localized::Localized;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLesson {
    pub lesson: RawHeader,
    #[serde(default)]
    pub stop: Vec<RawStop>,
}

/// The `[lesson]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub title: Localized,
    pub description: Option<Localized>,
}

/// One `[[stop]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStop {
    pub title: Localized,
    pub scenario: String,
    pub iteration: Option<u64>,
    pub phase: Option<String>,
    pub show: Option<Show>,
    pub zoom: Option<Zoom>,
    pub select: Option<RawSelect>,
    pub text: Localized,
    pub question: Option<RawQuestion>,
}

/// `select = { layer, neuron }` or `{ layer, row, col }`, 1-based but for layer 0 (inputs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSelect {
    pub layer: usize,
    pub neuron: Option<usize>,
    pub row: Option<usize>,
    pub col: Option<usize>,
}

/// What a number question asks for.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Ask {
    Output,
    Delta,
    Gradient,
    Weight,
    Cost,
}

/// The five costs by the names lesson files use.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RawCost {
    Mse,
    HalfMse,
    CrossEntropy,
    BinaryCrossEntropy,
    ClassificationError,
}

/// `[stop.question]`: a number (`ask` …) or a multiple choice (`choices` …).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub ask: Option<Ask>,
    pub layer: Option<usize>,
    pub neuron: Option<usize>,
    pub row: Option<usize>,
    pub col: Option<usize>,
    pub cost: Option<RawCost>,
    pub tolerance: Option<f64>,
    pub prompt: Option<Localized>,
    pub choices: Option<Vec<Localized>>,
    pub answer: Option<usize>,
    pub explanation: Option<Localized>,
}
