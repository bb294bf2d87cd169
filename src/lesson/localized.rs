//! Text in English and Korean: one string for both, or a table of `en` and `ko`.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

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
