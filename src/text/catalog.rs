//! The message catalogs: every sentence a student reads, looked up by id in
//! `locales/<language>/*.ftl` (Fluent), with numbers and symbols passed as arguments.
//! A second language is a second folder of the same files.

use std::borrow::Cow;
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

/// The language the words are written in.
const LANGUAGE: LanguageIdentifier = langid!("en");

/// The message `id` with its `args` filled in. An id missing from the catalog comes back
/// in brackets, so that a gap shows on screen instead of passing silently (a test checks
/// that none is missing).
pub fn lookup(id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let found = if args.is_empty() {
        LOCALES.try_lookup(&LANGUAGE, id)
    } else {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        LOCALES.try_lookup_with_args(&LANGUAGE, id, &args)
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
            "explain-first-of-batch",
            sample = 12_345_678_usize,
            batch = 3
        );
        assert!(
            text.starts_with("(for sample 12345678, the first of this batch of 3;"),
            "{text}"
        );
    }

    #[test]
    fn a_missing_message_shows() {
        assert_eq!(lookup("no-such-message", &[]), "[no-such-message]");
    }
}
