//! Reading a scenario: a built-in by name or a file, its TOML parsed and checked.

use crate::text::untrusted::printable;
use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use super::Scenario;
use super::builtin::{self, BUILTINS};
use super::check::{Checker, locate_in};
use super::error::{Diagnostic, FileKind, ScenarioError, plain, syntax_message};
use super::file::{names_a_file, read_text};
use super::raw::RawScenario;
use super::set::{self, Override};

impl Scenario {
    /// Loads `name_or_path`: a built-in scenario of that name, unless the name has a path
    /// separator or ends in `.toml` (a file or folder here named like a built-in does not hide
    /// it: `./NAME` names the file), else a file.
    pub fn load(name_or_path: &str) -> Result<Scenario, ScenarioError> {
        Scenario::load_with(name_or_path, &[])
    }

    /// Loads `name_or_path` as [`Scenario::load`] does, with `overrides` (`--set`) written
    /// into its text first and validated like the file: an error about a setting names
    /// `--set`; any other error is the file's own, where it is in the file.
    pub fn load_with(
        name_or_path: &str,
        overrides: &[Override],
    ) -> Result<Scenario, ScenarioError> {
        let (text, file, folder) = Scenario::text_of(name_or_path)?;
        Scenario::parse_with(&text, &file, folder.as_deref(), overrides)
    }

    /// This scenario with `overrides` written into its text, validated like a file: what
    /// `--set` and the settings panel change. An error about a setting names it.
    pub fn with(&self, overrides: &[Override]) -> Result<Scenario, ScenarioError> {
        Scenario::parse_with(&self.text, &self.origin, self.folder.as_deref(), overrides)
    }

    /// Parses `text` with `overrides` written in first: an error about a setting names
    /// `--set`; any other error is the text's own, where it is in the text.
    fn parse_with(
        text: &str,
        file: &str,
        folder: Option<&Path>,
        overrides: &[Override],
    ) -> Result<Scenario, ScenarioError> {
        if overrides.is_empty() {
            return Scenario::parse(text, file, folder);
        }
        let edited = match set::apply(text, overrides) {
            Ok(edited) => edited,
            Err(e) => return Err(Scenario::parse(text, file, folder).err().unwrap_or(e)),
        };
        match Scenario::parse(&edited, file, folder) {
            Err(ScenarioError::Invalid(d)) => Err(set::blame(&d, overrides).unwrap_or_else(|| {
                Scenario::parse(text, file, folder)
                    .err()
                    .unwrap_or(ScenarioError::Invalid(d))
            })),
            result => result,
        }
    }

    /// The text of `name_or_path` (a built-in, or a file), how errors name it, and the folder
    /// its data file is looked for in.
    fn text_of(
        name_or_path: &str,
    ) -> Result<(String, String, Option<std::path::PathBuf>), ScenarioError> {
        let path = Path::new(name_or_path);
        match builtin::find(name_or_path) {
            Some(b) if !names_a_file(name_or_path) => {
                let origin = crate::words!("error-origin-builtin", name = b.name);
                Ok((b.source.to_string(), origin, None))
            }
            _ if path.exists() => {
                let text = read_text(path, FileKind::Scenario)?;
                let folder = path.parent().map(Path::to_path_buf);
                Ok((text, crate::text::untrusted::path(path), folder))
            }
            _ => Err(ScenarioError::Unknown {
                name: printable(name_or_path),
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
        let text = read_text(path, FileKind::Scenario)?;
        Scenario::parse(&text, &crate::text::untrusted::path(path), path.parent())
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
        // One tree, consumed by the deserializer: errors parse the text again to find a key.
        let tree = DeTable::parse(text).map_err(|e| invalid(e.span(), "", syntax_message(&e)))?;
        let deserializer = toml::Deserializer::from(tree);
        let raw: RawScenario = serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let key = e.path().to_string();
            let inner = e.inner();
            let key = if key == "." { String::new() } else { key };
            let raw_message = inner.message().trim();
            let message = plain(raw_message);
            let span = if key.is_empty() && raw_message.starts_with("missing") {
                None
            } else {
                inner.span().or_else(|| locate_in(text, &key))
            };
            invalid(span, &key, message)
        })?;
        let checker = Checker {
            text,
            invalid: &invalid,
        };
        checker.validate(raw, file, folder)
    }
}
