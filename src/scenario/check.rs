//! The checker that turns a scenario file as written into a [`Scenario`]: one validator per
//! table (in network.rs, training.rs, data.rs and compare.rs), and the helpers they share to
//! point at the offending value.

use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::Scenario;
use super::error::{ScenarioError, expected_count};
use super::localized::Localized;
use super::raw::RawScenario;
use crate::text::untrusted::printable;
use crate::words;

/// Builds the error for a span of the file, a key and a message.
pub(super) type Invalid<'a> = dyn Fn(Option<Range<usize>>, &str, String) -> ScenarioError + 'a;

/// Validates the tables of one scenario file, pointing errors at the values in its text.
pub(super) struct Checker<'a> {
    /// The file's text, parsed again for the span of a value an error points at.
    pub(super) text: &'a str,
    /// Makes an error located in the file.
    pub(super) invalid: &'a Invalid<'a>,
}

impl Checker<'_> {
    /// Checks every table in the order of the file's description in docs/design.md and applies the
    /// defaults; the name and description are kept in the language messages are written in;
    /// `file` names the scenario and `folder` is where a data file is looked for.
    pub(super) fn validate(
        &self,
        raw: RawScenario,
        file: &str,
        folder: Option<&Path>,
    ) -> Result<Scenario, ScenarioError> {
        let name = self.localized("name", &raw.name)?;
        let description = match &raw.description {
            Some(d) => self.localized("description", d)?,
            None => Localized::default(),
        };
        let network = self.network(raw.network)?;
        let training = self.training(raw.training.unwrap_or_default())?;
        let data = self.data(raw.data, &network.layers, folder)?;
        let mut scenario = Scenario {
            name: printable(name.current()),
            description: printable(description.current()),
            origin: file.to_string(),
            seed: raw.seed.unwrap_or(0),
            layers: network.layers,
            hidden_activation: network.hidden_activation,
            output_activation: network.output_activation,
            bias: network.bias,
            init: network.init,
            init_range: network.init_range,
            weights: network.weights,
            biases: network.biases,
            training,
            data: data.source,
            validation: data.validation,
            test: data.test,
            normalize: data.normalize,
            comparison: None,
            image: data.image,
            text: std::sync::Arc::from(self.text),
            folder: folder.map(Path::to_path_buf),
        };
        if let Some(c) = raw.compare {
            scenario.comparison = Some(self.comparison(c, &scenario)?);
        }
        Ok(scenario)
    }

    /// The text at `key` (a string, or a table of languages).
    pub(super) fn localized(
        &self,
        key: &str,
        value: &toml::Value,
    ) -> Result<Localized, ScenarioError> {
        Localized::read(value).map_err(|refusal| {
            let at = if refusal.language.is_empty() {
                key.to_string()
            } else {
                format!("{key}.{}", refusal.language)
            };
            self.error(&at, refusal.message)
        })
    }

    /// An error about the value at `key`.
    pub(super) fn error(&self, key: &str, message: String) -> ScenarioError {
        (self.invalid)(locate_in(self.text, key), key, message)
    }

    /// `value`, if it is finite.
    pub(super) fn finite(&self, key: &str, value: f64) -> Result<f64, ScenarioError> {
        if value.is_finite() {
            Ok(value)
        } else {
            Err(self.error(key, words!("error-finite", value = value.to_string())))
        }
    }

    /// Checks that every row of `key` holds `width` finite numbers; `expected` says what
    /// a row holds (`width` of what, and what for).
    pub(super) fn rows(
        &self,
        key: &str,
        rows: &[Vec<f64>],
        width: usize,
        expected: &str,
    ) -> Result<(), ScenarioError> {
        for (r, row) in rows.iter().enumerate() {
            if row.len() != width {
                return Err(self.error(
                    &format!("{key}[{r}]"),
                    expected_count(expected.to_string(), row.len()),
                ));
            }
            for (c, v) in row.iter().enumerate() {
                self.finite(&format!("{key}[{r}][{c}]"), *v)?;
            }
        }
        Ok(())
    }
}

/// The span of the value at `key` in TOML `text`, or of the nearest enclosing value. The text
/// is parsed again: a scenario's tree is not kept while it is checked, which halves the
/// memory a file of inline data takes.
pub fn locate_in(text: &str, key: &str) -> Option<Range<usize>> {
    DeTable::parse(text)
        .ok()
        .and_then(|tree| locate(tree.get_ref(), key))
}

/// The span of the value at `key` (`a.b[2].c`), or of the nearest enclosing value.
pub fn locate(root: &DeTable<'_>, key: &str) -> Option<Range<usize>> {
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

/// One step of a key's path: a table key or an array index.
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
