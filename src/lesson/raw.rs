//! A lesson file as written, before its stops are checked against their scenarios.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::{Show, Zoom};
use crate::text::catalog::{Language, language};
use crate::text::untrusted::printable;

/// Text in every language of the lesson: one text for all, or `en` (required) and `ko`
/// (which falls back to `en`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Localized {
    /// The English text (the only one when the file gives a plain string).
    pub en: String,
    /// The Korean text, if given.
    pub ko: Option<String>,
}

impl Localized {
    /// The text in the language messages are written in, control characters written out.
    pub fn text(&self) -> String {
        let text = match language() {
            Language::Korean => self.ko.as_deref().unwrap_or(&self.en),
            Language::English => &self.en,
        };
        printable(text)
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Localized, D::Error> {
        deserializer.deserialize_any(LocalizedVisitor)
    }
}

struct LocalizedVisitor;

const LANGUAGES: &[&str] = &["en", "ko"];

impl<'de> Visitor<'de> for LocalizedVisitor {
    type Value = Localized;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string or a table of `en` and `ko` strings")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Localized, E> {
        Ok(Localized {
            en: text.to_string(),
            ko: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Localized, A::Error> {
        let (mut en, mut ko) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "en" => en = Some(map.next_value::<String>()?),
                "ko" => ko = Some(map.next_value::<String>()?),
                other => return Err(de::Error::unknown_field(other, LANGUAGES)),
            }
        }
        let en = en.ok_or_else(|| de::Error::missing_field("en"))?;
        Ok(Localized { en, ko })
    }
}

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
