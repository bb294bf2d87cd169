//! The message catalogs: every sentence a student reads, looked up by id in
//! `locales/<language>/*.ftl` (Fluent), with numbers and symbols passed as arguments.
//! A second language is a second folder of the same files.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the words are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Korean (한국어), in the lecture's terms.
    Korean,
}

impl Language {
    /// The language a locale names: `ko…` is Korean, anything else English.
    pub fn from_locale(locale: &str) -> Language {
        if locale.to_ascii_lowercase().starts_with("ko") {
            Language::Korean
        } else {
            Language::English
        }
    }

    /// The language of the environment: the first of LC_ALL, LC_MESSAGES and LANG that is
    /// set and not empty.
    pub fn from_env() -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|key| std::env::var(key).ok())
            .find(|value| !value.is_empty())
            .map_or(Language::English, |value| Language::from_locale(&value))
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Language::English => langid!("en"),
            Language::Korean => langid!("ko"),
        }
    }
}

thread_local! {
    static LANGUAGE: Cell<Language> = const { Cell::new(Language::English) };
}

/// Writes every later message (on this thread) in `language`.
pub fn set_language(language: Language) {
    LANGUAGE.with(|l| l.set(language));
}

/// The language messages are written in.
pub fn language() -> Language {
    LANGUAGE.with(Cell::get)
}

/// The message `id` with its `args` filled in. An id missing from the catalog comes back
/// in brackets, so that a gap shows on screen instead of passing silently (a test checks
/// that none is missing).
pub fn lookup(id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let language = language().id();
    let found = if args.is_empty() {
        LOCALES.try_lookup(&language, id)
    } else {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        LOCALES.try_lookup_with_args(&language, id, &args)
    };
    found.unwrap_or_else(|| format!("[{id}]"))
}

/// A message of the catalog: `words!("explain-forward", layer = 1, matrix = "V")`. The
/// arguments become Fluent values (strings, or numbers for plural rules).
#[macro_export]
macro_rules! words {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::text::catalog::lookup(
            $id,
            &[$((stringify!($name), ::fluent_templates::fluent_bundle::FluentValue::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        let text = crate::words!("formula-update", matrix = "W");
        assert_eq!(text, "W ← W − η·∂C/∂W");
    }

    #[test]
    fn counts_are_written_in_full_without_grouping() {
        let text = crate::words!(
            "explain-chosen-of-batch",
            sample = 12_345_678_usize,
            position = 2,
            batch = 3
        );
        assert!(
            text.starts_with("sample 12345678 — 2 of 3 in this batch"),
            "{text}"
        );
    }

    #[test]
    fn the_locale_chooses_the_language() {
        assert_eq!(Language::from_locale("ko_KR.UTF-8"), Language::Korean);
        assert_eq!(Language::from_locale("en_US.UTF-8"), Language::English);
        assert_eq!(Language::from_locale("C"), Language::English);
    }

    #[test]
    fn a_missing_message_shows() {
        assert_eq!(lookup("no-such-message", &[]), "[no-such-message]");
    }
}
