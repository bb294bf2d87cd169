//! Reading a lesson: a built-in by name or a file, its TOML parsed strictly and every stop
//! checked; errors are located like scenario errors (file:line:col, the line, a caret).

use crate::text::untrusted::printable;
use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use super::builtin::{self, BUILTINS};
use super::check::Checker;
use super::error::LessonError;
use super::raw::RawLesson;
use super::stop::Lesson;
use crate::scenario::check::locate;
use crate::scenario::file::{names_a_file, read_text};
use crate::scenario::{Diagnostic, FileKind, plain, syntax_message};

impl Lesson {
    /// Loads `name_or_path`: a built-in lesson of that name, unless the name names a file
    /// ([`names_a_file`], as for scenarios), else a file.
    pub fn load(name_or_path: &str) -> Result<Lesson, LessonError> {
        let path = Path::new(name_or_path);
        match builtin::find(name_or_path) {
            Some(b) if !names_a_file(name_or_path) => {
                let origin = crate::words!("error-lesson-origin-builtin", name = b.name);
                Lesson::parse(b.source, b.name, &origin, None)
            }
            _ if path.exists() => Lesson::from_file(path).map(|lesson| Lesson {
                source: name_or_path.to_string(),
                ..lesson
            }),
            _ => Err(LessonError::Unknown {
                name: printable(name_or_path),
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
        let text = read_text(path, FileKind::Lesson)?;
        let name = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        Lesson::parse(
            &text,
            &name,
            &crate::text::untrusted::path(path),
            path.parent(),
        )
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
            let message = plain(inner.message().trim());
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

/// Whether TOML `text` is a lesson: it has a top-level `[lesson]` table.
pub fn is_lesson(text: &str) -> bool {
    DeTable::parse(text).is_ok_and(|t| t.get_ref().contains_key("lesson"))
}
