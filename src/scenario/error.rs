//! Errors in scenario files (and in reading lesson files), with where they are and how to fix
//! them.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

pub use crate::data::Found;
use crate::data::csv::CsvError;
use crate::words;

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    /// The file could not be read as text.
    #[error(transparent)]
    File(#[from] FileError),
    /// The file holds nothing.
    #[error("{}", words!("error-empty", file = file.to_string()))]
    Empty {
        /// the file
        file: String,
    },
    /// Neither a file nor a built-in.
    #[error("{}", words!("error-unknown-scenario", name = name.to_string(), builtins = builtins.to_string()))]
    Unknown {
        /// what was asked for
        name: String,
        /// the built-in names
        builtins: String,
    },
    /// A syntax error, a wrong type, an unknown or missing key, or an invalid value.
    #[error("{0}")]
    Invalid(Box<Diagnostic>),
    /// A `--set KEY=VALUE` is malformed, or the value it gives is refused.
    #[error("--set {set}: {message}")]
    Set {
        /// the setting as given
        set: String,
        /// what was expected and what was found
        message: String,
    },
    /// The data file named by the scenario is unreadable or malformed.
    #[error("{file}: {source}")]
    Data {
        /// the scenario file
        file: String,
        /// what went wrong in the data file
        source: CsvError,
    },
}

/// Which kind of file is read, so that its messages name it: `scenario` or `lesson`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum FileKind {
    /// A scenario file.
    Scenario,
    /// A lesson file.
    Lesson,
    /// A saved session (which holds a scenario's text).
    Session,
}

impl FileKind {
    /// The name the catalog's messages select their words by: `scenario`, `lesson`.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// Why a file (a scenario or a lesson) could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file could not be read.
    #[error("{}", words!(
        "error-read",
        file = file.to_string(),
        kind = kind.key(),
        reason = source.to_string(),
    ))]
    Read {
        /// the file
        file: String,
        /// what it was to be
        kind: FileKind,
        /// why
        source: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("{}", words!(
        "error-not-utf",
        file = file.to_string(),
        line = line.to_string(),
        column = column.to_string(),
        byte = format!("{byte:#04x}"),
    ))]
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
    #[error("{}", words!(
        "error-not-a-file",
        file = file.to_string(),
        kind = kind.key(),
        found = found.key(),
    ))]
    NotAFile {
        /// the path
        file: String,
        /// what it was to be
        kind: FileKind,
        /// what is there instead
        found: Found,
    },
    /// The file is too large to be read.
    #[error("{}", words!(
        "error-too-large",
        file = file.to_string(),
        kind = kind.key(),
        bytes = bytes.to_string(),
        limit = limit.to_string(),
    ))]
    TooLarge {
        /// the file
        file: String,
        /// what it was to be
        kind: FileKind,
        /// its size
        bytes: u64,
        /// the largest accepted
        limit: u64,
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
            let (line, shown, marked) = Quote::of(source, s).text();
            let marked = AnnotationKind::Primary.span(marked);
            let report = [Group::with_level(Level::ERROR)
                .element(Snippet::source(shown).line_start(line).annotation(marked))];
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

/// The lines of a file an error quotes: at most [`QUOTED_LINES`] lines from the one where the
/// marked span starts, each at most [`QUOTED_CHARS`] characters around the span (an ellipsis
/// where a line is cut), every control character but a tab written out.
struct Quote<'a> {
    source: &'a str,
    span: Range<usize>,
}

/// The most lines of a file an error quotes.
const QUOTED_LINES: usize = 6;
/// The most characters of one line an error quotes.
const QUOTED_CHARS: usize = 100;
/// How many characters before the marked span a cut line keeps.
const QUOTED_BEFORE: usize = 30;

impl<'a> Quote<'a> {
    fn of(source: &'a str, span: Range<usize>) -> Quote<'a> {
        let end = span.end.min(source.len());
        let start = span.start.min(end);
        let start = (0..=start)
            .rev()
            .find(|i| source.is_char_boundary(*i))
            .unwrap_or(0);
        let end = (end..=source.len())
            .find(|i| source.is_char_boundary(*i))
            .unwrap_or(source.len());
        Quote {
            source,
            span: start..end,
        }
    }

    /// The first line's number, the quoted text, and where the span is in it.
    fn text(&self) -> (usize, String, Range<usize>) {
        let Range { start, end } = self.span;
        let first = self.source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line = self.source[..first].matches('\n').count() + 1;
        let mut shown = String::new();
        let (mut from, mut to) = (None, None);
        let mut offset = first;
        for (n, raw) in self.source[first..].split('\n').enumerate() {
            if n == QUOTED_LINES || (n > 0 && offset > end) {
                break;
            }
            if n > 0 {
                shown.push('\n');
            }
            let text = raw.strip_suffix('\r').unwrap_or(raw);
            let long = text.chars().nth(QUOTED_CHARS).is_some();
            let skip = match n {
                0 if long => text[..(start - offset).min(text.len())]
                    .chars()
                    .count()
                    .saturating_sub(QUOTED_BEFORE),
                _ => 0,
            };
            if skip > 0 {
                shown.push('…');
            }
            let mut chars = text.char_indices().skip(skip).peekable();
            for (i, c) in chars.by_ref().take(QUOTED_CHARS) {
                mark(&mut from, offset + i >= start, shown.len());
                mark(&mut to, offset + i >= end, shown.len());
                if c.is_control() && c != '\t' {
                    shown.push_str(&c.escape_unicode().to_string());
                } else {
                    shown.push(c);
                }
            }
            if chars.peek().is_some() {
                shown.push('…');
            }
            mark(&mut from, offset + text.len() >= start, shown.len());
            mark(&mut to, offset + text.len() >= end, shown.len());
            offset += raw.len() + 1;
        }
        let from = from.unwrap_or(shown.len());
        let to = to.unwrap_or(shown.len()).max(from);
        (line, shown, from..to)
    }
}

/// Sets `at` to `here` the first time `reached`.
fn mark(at: &mut Option<usize>, reached: bool, here: usize) {
    if at.is_none() && reached {
        *at = Some(here);
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

/// "expected …, found …", the sentence most refusals are.
pub fn expected_found(expected: String, found: String) -> String {
    words!("error-expected-found", expected = expected, found = found)
}

/// "expected N things (what for), found M", `expected` being the counted things.
pub fn expected_count(expected: String, found: usize) -> String {
    words!(
        "error-expected-count",
        expected = expected,
        found = found.to_string()
    )
}

/// "expected one of `names`, found `found`".
pub fn expected_one_of(names: String, found: String) -> String {
    words!("error-expected-one-of", names = names, found = found)
}

/// `names` as alternatives in words: `a`, `a or b`, `a, b or c`.
pub fn alternatives<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> String {
    let names: Vec<S> = names.into_iter().collect();
    let words: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => words!(
            "error-alternatives",
            rest = rest.join(", "),
            last = last.to_string()
        ),
    }
}

/// A TOML syntax error, with a hint where toml's words are not enough (toml's own detail
/// stays as toml writes it).
pub fn syntax_message(e: &toml::de::Error) -> String {
    let detail = e.message().trim().to_string();
    if detail.contains("overflow") {
        words!("error-toml-syntax-overflow", detail = detail)
    } else {
        words!("error-toml-syntax", detail = detail)
    }
}

/// A serde/toml message in words a student knows: "expected …, found …", TOML's type names.
pub fn plain(message: &str) -> String {
    let message = message.replace(" as i128", "");
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some((found, expected)) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.rsplit_once(", expected "))
        {
            return expected_found(type_words(expected), found_words(found));
        }
    }
    if let Some((found, expected)) = message
        .strip_prefix("unknown variant ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return match expected.strip_prefix("one of ") {
            Some(names) => expected_one_of(names.to_string(), found.to_string()),
            None => expected_found(type_words(expected), found.to_string()),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (key, expected) = match rest.split_once(", expected ") {
            Some((key, expected)) => (key, type_words(expected)),
            None => (
                rest.split_once(", there are no fields")
                    .map_or(rest, |(k, _)| k),
                words!("error-no-keys"),
            ),
        };
        return words!(
            "error-unknown-key",
            key = key.to_string(),
            expected = expected
        );
    }
    if let Some(key) = message.strip_prefix("missing field ") {
        return words!("error-missing-key", key = key.to_string());
    }
    message
}

/// What serde says was expected, in TOML's words: `a sequence` is an array, `u64` a whole
/// number ≥ 0, `one of `a`, `b`` a choice.
fn type_words(expected: &str) -> String {
    if let Some(names) = expected.strip_prefix("one of ") {
        return words!("error-one-of", names = names.to_string());
    }
    if expected.starts_with('`')
        && let Some((first, last)) = expected.rsplit_once(" or ")
    {
        return alternatives([first, last]);
    }
    match expected {
        "a sequence" => words!("error-type-array"),
        "a map" => words!("error-type-table"),
        "u64" | "u32" | "usize" | "a nonnegative integer" => words!("error-type-whole-nonnegative"),
        "i64" | "i32" | "an integer" => words!("error-type-whole"),
        "f64" | "f32" | "a floating point" | "a number" => words!("error-type-number"),
        "a string" | "a borrowed string" => words!("error-type-string"),
        "a boolean" => words!("error-type-boolean"),
        "a datetime" => words!("error-type-datetime"),
        other if other.starts_with("struct ") => words!("error-type-table"),
        other => other.to_string(),
    }
}

/// A TOML value in words: its type, and the value itself where it is short.
pub fn value_words(value: &toml::Value) -> String {
    let kind = match value {
        toml::Value::String(_) => words!("error-kind-string"),
        toml::Value::Integer(_) => words!("error-kind-integer"),
        toml::Value::Float(_) => words!("error-kind-number"),
        toml::Value::Boolean(_) => words!("error-kind-boolean"),
        toml::Value::Datetime(_) => words!("error-kind-datetime"),
        toml::Value::Array(_) => return words!("error-kind-array"),
        toml::Value::Table(_) => return words!("error-kind-table"),
    };
    words!("error-found-value", kind = kind, value = value.to_string())
}

/// What serde says was found (`string "2,2"`, `integer `-1``, `sequence`), in TOML's words.
fn found_words(found: &str) -> String {
    let (kind, value) = match found.strip_prefix("floating point") {
        Some(value) => ("floating point", value.trim_start()),
        None => found.split_once(' ').unwrap_or((found, "")),
    };
    let kind = match kind {
        "string" => words!("error-kind-string"),
        "integer" => words!("error-kind-integer"),
        "floating point" => words!("error-kind-number"),
        "boolean" => words!("error-kind-boolean"),
        "sequence" => words!("error-kind-array"),
        "map" => words!("error-kind-table"),
        _ => return found.to_string(),
    };
    if value.is_empty() {
        kind
    } else {
        words!("error-found-value", kind = kind, value = value.to_string())
    }
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
    fn a_quote_is_cut_around_the_span_and_escaped() {
        // A line of 200 `a`s, then `bb` at bytes 200..202: 30 characters before it are kept.
        let source = format!(
            "x = 1\r\n{}bb\u{1b}{}\r\nnext\r\n",
            "a".repeat(200),
            "c".repeat(200)
        );
        let start = 7 + 200;
        let (line, shown, span) = Quote::of(&source, start..start + 2).text();
        assert_eq!(line, 2);
        let expected = format!("…{}bb\\u{{1b}}{}…", "a".repeat(30), "c".repeat(67));
        assert_eq!(shown, expected);
        assert_eq!(&shown[span], "bb");
        // A span over two lines quotes both, without their carriage returns.
        let (line, shown, span) = Quote::of(&source, 0..9).text();
        assert_eq!(line, 1);
        assert!(shown.starts_with("x = 1\naaa"), "{shown}");
        assert_eq!(&shown[span], "x = 1\naa");
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
