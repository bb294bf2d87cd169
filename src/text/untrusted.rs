//! Text that came from a file, made safe to show: a control character (an escape sequence
//! that would clear the screen or write the clipboard, a bell, a carriage return) is written
//! out as `\u{1b}` instead of reaching the terminal; what an error quotes of a data file is
//! an excerpt, short whatever the file holds.

/// The most characters of a file's text an error quotes.
pub const EXCERPT_CHARS: usize = 80;
/// The most values of a file an error lists.
pub const EXCERPT_VALUES: usize = 5;

/// `text` with every control character but the line break written out as an escape.
pub fn printable(text: &str) -> String {
    escaped(text, true)
}

/// A path as it is written in a message: [`printable`], since a file's name may hold
/// control characters too.
pub fn path(path: &std::path::Path) -> String {
    printable(&path.display().to_string())
}

/// `text` on one line, every control character written out, cut to [`EXCERPT_CHARS`]
/// characters with an ellipsis where it is cut.
pub fn excerpt(text: &str) -> String {
    let head: String = text.chars().take(EXCERPT_CHARS + 1).collect();
    let shown = escaped(&head, false);
    if shown.chars().count() > EXCERPT_CHARS {
        let cut: String = shown.chars().take(EXCERPT_CHARS - 1).collect();
        cut + "…"
    } else {
        shown
    }
}

/// The first [`EXCERPT_VALUES`] of `values` joined by commas, an ellipsis after them when
/// there are more, the whole an [`excerpt`].
pub fn excerpts<S: AsRef<str>>(values: &[S]) -> String {
    let mut shown: Vec<&str> = values
        .iter()
        .take(EXCERPT_VALUES)
        .map(AsRef::as_ref)
        .collect();
    if values.len() > EXCERPT_VALUES {
        shown.push("…");
    }
    excerpt(&shown.join(", "))
}

/// `text` with every control character (but the line break when `keep_newline`) escaped.
fn escaped(text: &str, keep_newline: bool) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && !(keep_newline && c == '\n') {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(printable("a\u{1b}]52;c;x\u{7}b"), "a\\u{1b}]52;c;x\\u{7}b");
        assert_eq!(printable("tab\there\r"), "tab\\u{9}here\\u{d}");
        assert_eq!(
            printable("two\nlines, 한국어 δ²₁"),
            "two\nlines, 한국어 δ²₁"
        );
    }

    #[test]
    fn an_excerpt_is_one_short_line() {
        assert_eq!(excerpt("a\nb"), "a\\u{a}b");
        let long = excerpt(&"x".repeat(1000));
        assert_eq!(long.chars().count(), EXCERPT_CHARS);
        assert!(long.ends_with("x…"), "{long}");
        assert_eq!(
            excerpt(&"y".repeat(EXCERPT_CHARS)),
            "y".repeat(EXCERPT_CHARS)
        );
        assert_eq!(excerpts(&["a", "b"]), "a, b");
        assert_eq!(
            excerpts(&["1", "2", "3", "4", "5", "6", "7"]),
            "1, 2, 3, 4, 5, …"
        );
    }
}
