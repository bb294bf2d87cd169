//! Errors in scenario files, with where they are and how to fix them.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::data::csv::CsvError;

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    /// The file could not be read.
    #[error("{file}: cannot read the scenario file: {source}")]
    Read {
        /// the file
        file: String,
        /// why
        source: std::io::Error,
    },
    /// The file holds nothing.
    #[error(
        "{file}: the file is empty; a scenario needs at least `name`, `[network] layers` and a `[data]` table (see `backstep list` and the files in scenarios/)"
    )]
    Empty {
        /// the file
        file: String,
    },
    /// The file is not UTF-8.
    #[error(
        "{file}:{line}:{column}: expected UTF-8 text, found the byte {byte:#04x}; save the file as UTF-8"
    )]
    NotUtf8 {
        /// the file
        file: String,
        /// 1-based line
        line: usize,
        /// 1-based column
        column: usize,
        /// the offending byte
        byte: u8,
    },
    /// The path is a folder, a device or a pipe.
    #[error("{file}: expected a scenario file, found {found}")]
    NotAFile {
        /// the path
        file: String,
        /// what is there instead
        found: &'static str,
    },
    /// The file is too large to be a scenario.
    #[error("{file}: expected a scenario file of at most {limit} bytes, found {bytes} bytes")]
    TooLarge {
        /// the file
        file: String,
        /// its size
        bytes: u64,
        /// the largest accepted
        limit: u64,
    },
    /// Neither a file nor a built-in.
    #[error("no scenario file or built-in scenario named `{name}`; built-ins: {builtins}")]
    Unknown {
        /// what was asked for
        name: String,
        /// the built-in names
        builtins: String,
    },
    /// A syntax error, a wrong type, an unknown or missing key, or an invalid value.
    #[error("{0}")]
    Invalid(Box<Diagnostic>),
    /// The data file named by the scenario is unreadable or malformed.
    #[error("{file}: {source}")]
    Data {
        /// the scenario file
        file: String,
        /// what went wrong in the data file
        source: CsvError,
    },
}

/// Where a problem is in a scenario file, and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file (or `built-in NAME`).
    pub file: String,
    /// 1-based line and column, where known.
    pub position: Option<(usize, usize)>,
    /// The key, e.g. `network.layers[1]` (empty for syntax errors).
    pub key: String,
    /// What was expected and what was found.
    pub message: String,
    /// The lines of the file that hold the value, with carets under it.
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// A diagnostic for `span` of `source`.
    pub fn at(
        file: &str,
        source: &str,
        span: Option<Range<usize>>,
        key: &str,
        message: String,
    ) -> Diagnostic {
        let position = span.as_ref().map(|s| line_column(source, s.start));
        let snippet = span.map(|s| {
            let end = s.end.min(source.len());
            let marked = AnnotationKind::Primary.span(s.start.min(end)..end);
            let report =
                [Group::with_level(Level::ERROR)
                    .element(Snippet::source(source).annotation(marked))];
            Renderer::plain().render(&report)
        });
        Diagnostic {
            file: file.to_string(),
            position,
            key: key.to_string(),
            message,
            snippet,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if self.key.is_empty() {
            write!(f, ": {}", self.message)?;
        } else {
            write!(f, ": `{}`: {}", self.key, self.message)?;
        }
        if let Some(snippet) = &self.snippet {
            write!(f, "\n{snippet}")?;
        }
        Ok(())
    }
}

/// `n` followed by `word`, in the plural unless n = 1.
pub fn count(n: usize, word: &str) -> String {
    if n == 1 {
        return format!("1 {word}");
    }
    let (first, rest) = word.split_once(' ').unwrap_or((word, ""));
    let first = match first {
        "matrix" => "matrices".to_string(),
        "bias" => "biases".to_string(),
        w => format!("{w}s"),
    };
    let plural = if rest.is_empty() {
        first
    } else {
        format!("{first} {rest}")
    };
    format!("{n} {plural}")
}

/// `names` as alternatives in words: `a`, `a or b`, `a, b or c`.
pub fn alternatives<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> String {
    let names: Vec<S> = names.into_iter().collect();
    let words: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// A TOML syntax error, with a hint where toml's words are not enough.
pub fn syntax_message(e: &toml::de::Error) -> String {
    let message = e.message().trim();
    let hint = if message.contains("overflow") {
        " (expected a finite number)"
    } else {
        ""
    };
    format!("TOML syntax error: {message}{hint}")
}

/// A serde/toml message in words a student knows: "expected …, found …", TOML's type names.
pub fn plain(message: &str) -> String {
    let mut text = message.to_string();
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = text.strip_prefix(prefix)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            text = format!("expected {expected}, found {found}");
        }
    }
    if let Some(rest) = text.strip_prefix("unknown variant ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        text = format!("expected {expected}, found {found}");
    }
    if let Some(rest) = text.strip_prefix("unknown field ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        text = format!("unknown key {found}; expected {expected}");
    }
    if let Some(rest) = text.strip_prefix("missing field ") {
        text = format!("missing required key {rest}");
    }
    for (serde, toml) in [
        (" as i128", ""),
        ("a sequence", "an array"),
        ("a map", "a table"),
        ("u64", "a whole number ≥ 0"),
        ("i64", "a whole number"),
        ("f64", "a number"),
        ("floating point", "number"),
        ("struct RawScenario", "a table"),
        ("struct RawNetwork", "a table"),
        ("struct RawTraining", "a table"),
        ("struct RawData", "a table"),
    ] {
        text = text.replace(serde, toml);
    }
    text
}

/// The 1-based line and column (in characters) of byte `offset` of `source`.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source.as_bytes()[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(1, "row"), "1 row");
        assert_eq!(count(2, "matrix"), "2 matrices");
        assert_eq!(
            count(3, "input (the first entry)"),
            "3 inputs (the first entry)"
        );
    }

    #[test]
    fn alternatives_read_as_a_sentence() {
        assert_eq!(alternatives(["a"]), "a");
        assert_eq!(alternatives(["a", "b"]), "a or b");
        assert_eq!(alternatives(["a", "b", "c"]), "a, b or c");
    }

    #[test]
    fn serde_words_become_toml_words() {
        assert_eq!(
            plain("invalid type: string \"2,2\", expected a sequence"),
            "expected an array, found string \"2,2\""
        );
        assert_eq!(
            plain("invalid value: integer `-1`, expected u64"),
            "expected a whole number ≥ 0, found integer `-1`"
        );
        assert_eq!(
            plain("unknown variant `sigmod`, expected one of `sigmoid`, `tanh`"),
            "expected one of `sigmoid`, `tanh`, found `sigmod`"
        );
        assert_eq!(plain("missing field `name`"), "missing required key `name`");
    }

    #[test]
    fn carets_line_up_under_wide_characters_and_tabs() {
        use unicode_width::UnicodeWidthStr;
        let s = "name = \"역전파\"\tx = 1\n";
        let start = s.find('x').unwrap();
        let d = Diagnostic::at("f.toml", s, Some(start..start + 1), "x", "bad".into());
        let snippet = d.snippet.unwrap();
        let lines: Vec<&str> = snippet.lines().collect();
        let shown = lines.iter().find(|l| l.contains("x = 1")).unwrap();
        let carets = lines.last().unwrap();
        // Tabs are shown as spaces, so the carets do not depend on the terminal's tab stops.
        assert!(!snippet.contains('\t'), "{snippet}");
        // The cells before `x`: 7 for `name = `, 2 for the quote marks, 6 for three Korean
        // syllables, then the tab's spaces; the caret sits in the same cell.
        let before_x = shown[..shown.find('x').unwrap()].width();
        assert!(before_x > 15, "{snippet}");
        assert_eq!(
            carets.find('^').map(|i| carets[..i].width()),
            Some(before_x)
        );
        assert_eq!(carets.matches('^').count(), 1, "{snippet}");
    }

    #[test]
    fn line_and_column_are_one_based() {
        let s = "a = 1\nbb = 2\n";
        assert_eq!(line_column(s, 0), (1, 1));
        assert_eq!(line_column(s, 6), (2, 1));
        assert_eq!(line_column(s, 11), (2, 6));
    }

    #[test]
    fn a_diagnostic_names_file_line_key_and_points_at_the_value() {
        let s = "[network]\nlayers = [2, 0]\n";
        let d = Diagnostic::at("f.toml", s, Some(23..24), "network.layers[1]", "bad".into());
        let text = d.to_string();
        assert!(
            text.starts_with("f.toml:2:14: `network.layers[1]`: bad"),
            "{text}"
        );
        assert!(text.ends_with("|              ^"), "{text}");
    }
}
