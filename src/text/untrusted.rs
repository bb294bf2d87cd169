//! Text that came from a file, made safe to show: a control character (an escape sequence
//! that would clear the screen or write the clipboard, a bell, a carriage return) is written
//! out as `\u{1b}` instead of reaching the terminal.

/// `text` with every control character but the line break written out as an escape.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
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
}
