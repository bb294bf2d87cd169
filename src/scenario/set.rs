//! `--set KEY=VALUE`: any scenario key by its dotted path, with a TOML value (a value that is
//! not valid TOML is taken as a string, so `data.normalize=standardize` works), written into
//! the scenario's text before it is validated exactly like the file. A run with `--set` is a
//! run of the edited file.

use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

use super::error::{Diagnostic, ScenarioError};
use crate::text::untrusted::printable;
use crate::words;

/// Whether `key` is one or more dotted names, none of them empty.
pub fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.split('.').all(|name| !name.trim().is_empty())
}

/// One `--set KEY=VALUE`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Override {
    /// The dotted key, e.g. `training.learning_rate`.
    pub key: String,
    /// The value as written; none removes the key (its default applies).
    pub value: Option<String>,
}

impl Override {
    /// Reads `KEY=VALUE`: a key of one or more dotted names, an `=`, and a value.
    pub fn parse(spec: &str) -> Result<Override, ScenarioError> {
        let refused = || ScenarioError::Set {
            set: printable(spec),
            message: words!("error-set-form"),
        };
        let (key, value) = spec.split_once('=').ok_or_else(refused)?;
        let key = key.trim();
        if !valid_key(key) {
            return Err(refused());
        }
        Ok(Override::new(key, value.trim()))
    }

    /// `key` set to `value` (TOML, else a string).
    pub fn new(key: &str, value: &str) -> Override {
        Override {
            key: key.to_string(),
            value: Some(value.to_string()),
        }
    }

    /// `key` removed, so that its default applies.
    pub fn removal(key: &str) -> Override {
        Override {
            key: key.to_string(),
            value: None,
        }
    }

    /// How it was given: `KEY=VALUE` (`KEY` alone for a removal), control characters escaped.
    pub fn spec(&self) -> String {
        match &self.value {
            Some(value) => printable(&format!("{}={value}", self.key)),
            None => printable(&self.key),
        }
    }

    /// The value: TOML when it reads as TOML, else the text as a string; none for a removal.
    fn value(&self) -> Option<Value> {
        let text = self.value.as_deref()?;
        Some(text.parse::<Value>().unwrap_or_else(|_| Value::from(text)))
    }

    /// Whether an error about `key` is about this setting: the same key, a key inside it, or
    /// a table that holds it.
    fn concerns(&self, key: &str) -> bool {
        let within = |outer: &str, inner: &str| {
            inner == outer
                || inner
                    .strip_prefix(outer)
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
        };
        !key.is_empty() && (within(&self.key, key) || within(key, &self.key))
    }
}

/// `text` with every override written in, in order (a later one wins). Text the editor
/// cannot read is refused, naming the first override: a syntax error (which the caller
/// reports from the text itself, where it is), or TOML the parser reads but the editor does
/// not (an integer past 2⁶³ − 1), which given back unedited would drop the settings.
pub fn apply(text: &str, overrides: &[Override]) -> Result<String, ScenarioError> {
    let mut document = text
        .parse::<DocumentMut>()
        .map_err(|e| ScenarioError::Set {
            set: overrides.first().map_or_else(String::new, Override::spec),
            message: words!(
                "error-set-uneditable",
                reason = printable(e.message().trim())
            ),
        })?;
    'overrides: for o in overrides {
        let names: Vec<&str> = o.key.split('.').map(str::trim).collect();
        let (last, tables) = names.split_last().expect("a key has a name");
        let mut table: &mut dyn TableLike = document.as_table_mut();
        for (i, name) in tables.iter().enumerate() {
            if o.value.is_none() && !table.contains_key(name) {
                continue 'overrides;
            }
            let item = table
                .entry(name)
                .or_insert_with(|| Item::Table(Table::new()));
            table = item.as_table_like_mut().ok_or_else(|| ScenarioError::Set {
                set: o.spec(),
                message: words!("error-set-not-table", key = names[..=i].join(".")),
            })?;
        }
        match o.value() {
            Some(value) => _ = table.insert(last, Item::Value(value)),
            None => _ = table.remove(last),
        }
    }
    Ok(document.to_string())
}

/// The error of a setting for a diagnostic of the edited text that is about one of
/// `overrides` (the last that concerns its key), if any; what came from the command line is
/// escaped.
pub fn blame(diagnostic: &Diagnostic, overrides: &[Override]) -> Option<ScenarioError> {
    let o = overrides
        .iter()
        .rev()
        .find(|o| o.concerns(&diagnostic.key))?;
    Some(ScenarioError::Set {
        set: o.spec(),
        message: printable(&format!("`{}`: {}", diagnostic.key, diagnostic.message)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(spec: &str) -> Override {
        Override::parse(spec).unwrap()
    }

    #[test]
    fn values_are_toml_or_else_strings() {
        let text = "name = \"x\"\n[training]\nlearning_rate = 0.5 # η\n";
        let edited = apply(
            text,
            &[
                set("training.learning_rate=0.1"),
                set("network.layers=[2, 5, 1]"),
                set("data.normalize=standardize"),
                set("training.stop.below = 0.01"),
            ],
        )
        .unwrap();
        let table: toml::Table = toml::from_str(&edited).unwrap();
        assert_eq!(table["training"]["learning_rate"].as_float(), Some(0.1));
        assert_eq!(
            table["network"]["layers"].as_array().unwrap().len(),
            3,
            "{edited}"
        );
        assert_eq!(table["data"]["normalize"].as_str(), Some("standardize"));
        assert_eq!(table["training"]["stop"]["below"].as_float(), Some(0.01));
        let removed = apply(
            &edited,
            &[
                Override::removal("training.learning_rate"),
                Override::removal("compare.vary"),
            ],
        )
        .unwrap();
        let table: toml::Table = toml::from_str(&removed).unwrap();
        assert!(
            table["training"].get("learning_rate").is_none(),
            "{removed}"
        );
        assert!(
            table.get("compare").is_none(),
            "a removal makes no table: {removed}"
        );
        let inline = apply("name = { en = \"A\", ko = \"B\" }\n", &[set("name.en=C")]).unwrap();
        let table: toml::Table = toml::from_str(&inline).unwrap();
        assert_eq!(table["name"]["en"].as_str(), Some("C"), "{inline}");
        assert_eq!(table["name"]["ko"].as_str(), Some("B"), "{inline}");
        assert!(edited.starts_with("name = \"x\"\n[training]\n"), "{edited}");
    }

    #[test]
    fn a_key_through_a_value_and_a_spec_without_equals_are_refused() {
        let text = "[training]\nlearning_rate = 0.5\n";
        let e = apply(text, &[set("training.learning_rate.x=1")]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "--set training.learning_rate.x=1: `training.learning_rate` is a value, not a table"
        );
        for bad in ["training.learning_rate", "=1", "training..eta=1"] {
            let e = Override::parse(bad).unwrap_err().to_string();
            assert!(
                e.starts_with(&format!("--set {bad}: expected KEY=VALUE")),
                "{e}"
            );
        }
    }

    #[test]
    fn an_error_is_blamed_on_the_setting_it_concerns() {
        let o = set("training.stop.cost=mse");
        assert!(o.concerns("training.stop.cost"));
        assert!(o.concerns("training.stop"));
        assert!(o.concerns("training"));
        assert!(!o.concerns("training.stopping"));
        assert!(set("network.layers=[2]").concerns("network.layers[0]"));
    }
}
