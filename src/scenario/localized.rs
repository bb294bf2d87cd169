//! Text a file may give in more than one language: a plain string (one text for every
//! language), or a table keyed by language, `{ en = "…", ko = "…" }`, where `en` is required
//! and `ko` falls back to `en`.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::error::{expected_found, value_words};
use crate::text::catalog::{Language, language};
use crate::text::untrusted::printable;
use crate::words;

/// A text in English and, where the file gives it, in Korean.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    /// The English text (also the text of a plain string).
    pub en: String,
    /// The Korean text, if the file gives one.
    pub ko: Option<String>,
}

/// Why a value is not a localized text: the key below the value's own that is wrong (empty
/// for the value itself, else a language such as `fr`) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The language key at fault, or empty.
    pub language: String,
    /// What was expected and what was found.
    pub message: String,
}

impl Localized {
    /// The same text in every language.
    pub fn plain(text: &str) -> Localized {
        Localized {
            en: text.to_string(),
            ko: None,
        }
    }

    /// The text in `language`, English where the file gives none.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Korean => self.ko.as_deref().unwrap_or(&self.en),
            Language::English => &self.en,
        }
    }

    /// The text in the language messages are written in.
    pub fn current(&self) -> &str {
        self.get(language())
    }

    /// The text in the language messages are written in, control characters written out
    /// (for text shown on screen).
    pub fn text(&self) -> String {
        printable(self.current())
    }

    /// Reads a localized text: a string, or a table of `en` (required) and `ko`.
    pub fn read(value: &toml::Value) -> Result<Localized, Refusal> {
        let refuse = |language: &str, message: String| Refusal {
            language: language.to_string(),
            message,
        };
        let table = match value {
            toml::Value::String(text) => return Ok(Localized::plain(text)),
            toml::Value::Table(table) => table,
            other => {
                return Err(refuse(
                    "",
                    words!("error-text-type", found = value_words(other)),
                ));
            }
        };
        let mut text = Localized::default();
        let mut english = None;
        for (key, value) in table {
            let toml::Value::String(written) = value else {
                let expected = words!("error-type-string");
                return Err(refuse(key, expected_found(expected, value_words(value))));
            };
            match key.as_str() {
                "en" => english = Some(written.clone()),
                "ko" => text.ko = Some(written.clone()),
                _ => {
                    let message = words!("error-text-language", language = key.clone());
                    return Err(refuse(key, message));
                }
            }
        }
        text.en = english.ok_or_else(|| refuse("", words!("error-text-english")))?;
        Ok(text)
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
        f.write_str(&words!("error-type-text"))
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
