//! Reading a lesson: a built-in by name or a file, its TOML parsed strictly and every stop
//! checked; errors are located like scenario errors (file:line:col, the line, a caret).

use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use super::builtin::{self, BUILTINS};
use super::check::Checker;
use super::error::LessonError;
use super::raw::RawLesson;
use super::stop::Lesson;
use crate::scenario::check::locate;
use crate::scenario::{Diagnostic, MAX_FILE_BYTES, line_column, plain, syntax_message};

impl Lesson {
    /// Loads `name_or_path`: an existing file, else a built-in lesson of that name.
    pub fn load(name_or_path: &str) -> Result<Lesson, LessonError> {
        let path = Path::new(name_or_path);
        if path.exists() {
            return Lesson::from_file(path);
        }
        match builtin::find(name_or_path) {
            Some(b) => Lesson::parse(b.source, b.name, &format!("built-in {}", b.name), None),
            None => Err(LessonError::Unknown {
                name: name_or_path.to_string(),
                builtins: BUILTINS
                    .iter()
                    .map(|b| b.name)
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// Reads and checks a lesson file; scenarios it names by path are found beside it.
    pub fn from_file(path: &Path) -> Result<Lesson, LessonError> {
        let file = path.display().to_string();
        let whole = |message: String| {
            LessonError::Invalid(Box::new(Diagnostic::at(&file, "", None, "", message)))
        };
        let metadata = std::fs::metadata(path).map_err(|source| LessonError::Read {
            file: file.clone(),
            source,
        })?;
        if !metadata.is_file() || metadata.len() > MAX_FILE_BYTES {
            return Err(whole(format!(
                "expected a lesson file of at most {MAX_FILE_BYTES} bytes, found a folder, a device or {} bytes",
                metadata.len()
            )));
        }
        let bytes = std::fs::read(path).map_err(|source| LessonError::Read {
            file: file.clone(),
            source,
        })?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let valid = e.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
            LessonError::Invalid(Box::new(Diagnostic {
                position: Some(line_column(prefix, valid)),
                ..Diagnostic::at(
                    &file,
                    "",
                    None,
                    "",
                    format!(
                        "expected UTF-8 text, found the byte {:#04x}; save the file as UTF-8",
                        bytes[valid]
                    ),
                )
            }))
        })?;
        let name = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        Lesson::parse(text, &name, &file, path.parent())
    }

    /// Parses and checks lesson text called `name`; `file` names it in errors and `folder` is
    /// where scenarios named by path are looked for (none for a built-in).
    pub fn parse(
        text: &str,
        name: &str,
        file: &str,
        folder: Option<&Path>,
    ) -> Result<Lesson, LessonError> {
        let invalid = |span: Option<Range<usize>>, key: &str, message: String| {
            LessonError::Invalid(Box::new(Diagnostic::at(file, text, span, key, message)))
        };
        let tree = DeTable::parse(text).map_err(|e| invalid(e.span(), "", syntax_message(&e)))?;
        let deserializer = toml::Deserializer::parse(text)
            .map_err(|e| invalid(e.span(), "", syntax_message(&e)))?;
        let raw: RawLesson = serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let key = e.path().to_string();
            let key = if key == "." { String::new() } else { key };
            let inner = e.inner();
            let message = words_of(inner.message().trim());
            // An unknown language in a LOCALIZED table is pointed at itself, not its table.
            let unknown = inner
                .message()
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next())
                .filter(|name| !key.ends_with(name))
                .and_then(|name| locate(tree.get_ref(), &format!("{key}.{name}")));
            let span = unknown
                .or_else(|| inner.span())
                .or_else(|| locate(tree.get_ref(), &key));
            invalid(span, &key, message)
        })?;
        let checker = Checker {
            tree: tree.get_ref(),
            invalid: &invalid,
            folder,
        };
        checker.lesson(raw, name, file)
    }
}

/// A serde message in a teacher's words, as scenario errors write them.
fn words_of(message: &str) -> String {
    let mut text = plain(message);
    for (serde, toml) in [
        ("struct RawLesson", "a table"),
        ("struct RawHeader", "a table"),
        ("struct RawStop", "a table"),
        ("struct RawSelect", "a table"),
        ("struct RawQuestion", "a table"),
        ("usize", "a whole number ≥ 0"),
    ] {
        text = text.replace(serde, toml);
    }
    text
}

/// Whether TOML `text` is a lesson: it has a top-level `[lesson]` table.
pub fn is_lesson(text: &str) -> bool {
    DeTable::parse(text).is_ok_and(|t| t.get_ref().contains_key("lesson"))
}
