//! Rows of pieces that are never split (a number, a number with its name, an old → new
//! pair), wrapped onto indented continuation lines when they do not fit the width, so that
//! nothing is cut mid-number.

use ratatui::text::{Line, Span};

/// A part of a row that stays whole on one line.
pub struct Piece {
    /// Spaces before it when it follows another piece on the same line.
    gap: usize,
    /// What it shows.
    spans: Vec<Span<'static>>,
}

impl Piece {
    /// A piece of `spans`, one space after the piece before it.
    pub fn new(spans: Vec<Span<'static>>) -> Piece {
        Piece { gap: 1, spans }
    }

    /// Puts the piece `gap` spaces after the piece before it.
    pub fn set_gap(&mut self, gap: usize) {
        self.gap = gap;
    }

    /// Puts `span` in front of what the piece shows.
    pub fn prepend(&mut self, span: Span<'static>) {
        self.spans.insert(0, span);
    }

    /// Its width in cells.
    fn width(&self) -> usize {
        self.spans.iter().map(Span::width).sum()
    }
}

/// `pieces` as one piece when they fit in `room` cells, so that they move to a new line
/// together; else as they are, to wrap between them.
pub fn together(pieces: Vec<Piece>, room: usize) -> Vec<Piece> {
    let width: usize = pieces.iter().map(|p| p.gap + p.width()).sum();
    let Some(gap) = pieces.first().map(|p| p.gap) else {
        return pieces;
    };
    if width - gap > room {
        return pieces;
    }
    let mut spans = Vec::new();
    for (i, piece) in pieces.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" ".repeat(piece.gap)));
        }
        spans.extend(piece.spans);
    }
    vec![Piece { gap, spans }]
}

/// One row of the text: its pieces left to right, the first line starting `indent` cells in
/// and every continuation line `hang` cells in.
pub struct Row {
    /// Where the first line starts.
    pub indent: usize,
    /// Where continuation lines start.
    pub hang: usize,
    /// What it shows.
    pub pieces: Vec<Piece>,
}

impl Row {
    /// A row of one line that never wraps, such as a heading.
    pub fn line(spans: Vec<Span<'static>>) -> Row {
        Row {
            indent: 0,
            hang: 2,
            pieces: vec![Piece::new(spans)],
        }
    }

    /// The row as lines of at most `width` cells, a piece moving whole to a new line when it
    /// does not fit (a piece wider than a whole line is the only thing that can be cut).
    pub fn wrap(self, width: usize) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        let mut spans = vec![Span::raw(" ".repeat(self.indent))];
        let (mut used, mut empty) = (self.indent, true);
        for piece in self.pieces {
            let w = piece.width();
            if !empty && used + piece.gap + w > width {
                lines.push(Line::from(std::mem::take(&mut spans)));
                spans.push(Span::raw(" ".repeat(self.hang)));
                (used, empty) = (self.hang, true);
            }
            if !empty {
                spans.push(Span::raw(" ".repeat(piece.gap)));
                used += piece.gap;
            }
            spans.extend(piece.spans);
            (used, empty) = (used + w, false);
        }
        lines.push(Line::from(spans));
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn pieces_that_do_not_fit_move_whole_to_an_indented_line() {
        let row = Row {
            indent: 2,
            hang: 4,
            pieces: ["+0.4000", "+0.4500", "+0.5000"]
                .map(|n| Piece::new(vec![Span::raw(n)]))
                .into(),
        };
        assert_eq!(
            text(&row.wrap(18)),
            ["  +0.4000 +0.4500", "    +0.5000"],
            "two fit in 18 cells"
        );
    }

    #[test]
    fn pieces_kept_together_move_to_the_next_line_together() {
        let numbers = ["(1", "2)"].map(|n| Piece::new(vec![Span::raw(n)])).into();
        let mut pieces = vec![Piece::new(vec![Span::raw("abcdef")])];
        pieces.extend(together(numbers, 6));
        let row = Row {
            indent: 0,
            hang: 2,
            pieces,
        };
        assert_eq!(text(&row.wrap(10)), ["abcdef", "  (1 2)"]);
    }

    #[test]
    fn a_row_that_fits_is_one_line() {
        let row = Row {
            indent: 0,
            hang: 4,
            pieces: vec![
                Piece::new(vec![Span::raw("x = (1")]),
                Piece::new(vec![Span::raw("2)")]),
                Piece {
                    gap: 3,
                    spans: vec![Span::raw("d = (3)")],
                },
            ],
        };
        assert_eq!(text(&row.wrap(40)), ["x = (1 2)   d = (3)"]);
    }
}
