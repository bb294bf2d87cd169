//! Word wrapping that measures text in screen columns (a Hangul syllable takes two), so that
//! no wrapped line is wider than its panel. Ratatui's own wrapping can let a wide character
//! spill over the border when it falls on the last column (ratatui/ratatui#2679).

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `lines` wrapped at spaces into lines at most `width` columns wide; a word wider than a
/// whole line is broken between characters. Spaces where a line breaks are dropped; styles
/// are kept.
pub fn wrap(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    lines
        .into_iter()
        .flat_map(|line| wrap_line(line, width))
        .collect()
}

/// One styled run of characters that are all spaces or all not.
struct Token {
    text: String,
    style: Style,
    space: bool,
}

fn tokens(line: Line<'static>) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    for span in line.spans {
        let style = line.style.patch(span.style);
        for c in span.content.chars() {
            let space = c == ' ';
            match tokens.last_mut() {
                Some(t) if t.space == space && t.style == style => t.text.push(c),
                _ => tokens.push(Token {
                    text: c.to_string(),
                    style,
                    space,
                }),
            }
        }
    }
    tokens
}

fn columns(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `text` followed by spaces up to `width` columns, as `{:<width$}` pads but counting
/// columns rather than characters (a Hangul syllable takes two).
pub fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(columns(text))))
}

/// The longest beginning of `text` at most `width` columns wide: never half a wide
/// character.
pub fn cut(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            return &text[..i];
        }
    }
    text
}

/// Row `y` of `buffer` as text, without trailing spaces: a wide character (a Hangul
/// syllable) once, not followed by the cell it covers.
pub fn row_text(buffer: &Buffer, y: u16) -> String {
    let mut text = String::new();
    let mut x = buffer.area.x;
    while x < buffer.area.right() {
        let symbol = buffer[(x, y)].symbol();
        text.push_str(symbol);
        x += u16::try_from(symbol.width()).unwrap_or(1).max(1);
    }
    text.trim_end().to_string()
}

/// Blanks every cell a wide character covers. A Paragraph drawn over a border leaves the
/// border's `─` in the cell under a Hangul syllable's second half; the terminal hides it,
/// so the next frame's diff thinks that cell already shows `─` and leaves a gap there.
pub fn clear_covered(buffer: &mut Buffer) {
    let width = usize::from(buffer.area.width).max(1);
    for row in buffer.content.chunks_mut(width) {
        let mut x = 0;
        while x < row.len() {
            let symbol = row[x].symbol();
            // One byte is ASCII, one column: most cells skip measuring.
            let wide = if symbol.len() == 1 {
                1
            } else {
                symbol.width().max(1)
            };
            let end = (x + wide).min(row.len());
            row[x + 1..end].iter_mut().for_each(Cell::reset);
            x += wide;
        }
    }
}

/// Groups the tokens into words (a run of non-space tokens, whatever their styles) and the
/// spaces between them.
fn words(tokens: Vec<Token>) -> Vec<Vec<Token>> {
    let mut words: Vec<Vec<Token>> = Vec::new();
    for token in tokens {
        match words.last_mut() {
            Some(word) if !token.space && word.last().is_some_and(|t| !t.space) => word.push(token),
            _ => words.push(vec![token]),
        }
    }
    words
}

fn wrap_line(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for word in words(tokens(line)) {
        let size: usize = word.iter().map(|t| columns(&t.text)).sum();
        let space = word.first().is_some_and(|t| t.space);
        if used + size <= width {
            used += size;
            out.last_mut().unwrap().extend(word.into_iter().map(span));
        } else if space {
            out.push(Vec::new());
            used = 0;
        } else if size <= width {
            out.push(word.into_iter().map(span).collect());
            used = size;
        } else {
            for token in word {
                for c in token.text.chars() {
                    let w = c.width().unwrap_or(0);
                    if used + w > width {
                        out.push(Vec::new());
                        used = 0;
                    }
                    out.last_mut()
                        .unwrap()
                        .push(Span::styled(c.to_string(), token.style));
                    used += w;
                }
            }
        }
    }
    out.into_iter().map(Line::from).collect()
}

fn span(token: Token) -> Span<'static> {
    Span::styled(token.text, token.style)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_wide_character_over_a_border_blanks_the_cell_it_covers() {
        use ratatui::layout::Rect;
        use ratatui::widgets::{Block, Borders, Paragraph, Widget};
        let area = Rect::new(0, 0, 10, 3);
        let mut buffer = Buffer::empty(area);
        Block::default()
            .borders(Borders::ALL)
            .render(area, &mut buffer);
        Paragraph::new("또").render(Rect::new(1, 2, 2, 1), &mut buffer);
        assert_eq!(
            buffer[(2, 2)].symbol(),
            "─",
            "ratatui leaves the border under it"
        );
        clear_covered(&mut buffer);
        assert_eq!(buffer[(1, 2)].symbol(), "또");
        assert_eq!(buffer[(2, 2)].symbol(), " ");
        assert_eq!(buffer[(3, 2)].symbol(), "─");
    }

    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn padding_and_cutting_count_columns() {
        // 학습률 is three syllables of two columns each.
        assert_eq!(pad("학습률", 8), "학습률  ");
        assert_eq!(pad("rate", 6), "rate  ");
        assert_eq!(pad("학습률", 4), "학습률");
        assert_eq!(cut("학습률", 5), "학습");
        assert_eq!(cut("학습률", 4), "학습");
        assert_eq!(cut("학습률", 1), "");
        assert_eq!(cut("setosa", 3), "set");
        assert_eq!(cut("setosa", 9), "setosa");
    }

    #[test]
    fn no_line_is_wider_than_the_panel() {
        let korean = Line::from("편향을 더한 다음 활성함수 f (sigmoid)에 통과시킨다.");
        for width in 5..40 {
            for line in wrap(vec![korean.clone()], width) {
                assert!(line.width() <= width, "{width}: {line}");
            }
        }
        assert_eq!(
            text(&wrap(vec![Line::from("one two three")], 7)),
            vec!["one two", "three"]
        );
        assert_eq!(
            text(&wrap(vec![Line::from("abcdefghij")], 4)),
            vec!["abcd", "efgh", "ij"]
        );
    }
}
