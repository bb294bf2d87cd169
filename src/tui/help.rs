//! The help popup's lines, wrapped to its width, and where it goes: one place for the App
//! (how far it may scroll) and the drawing (what it shows). Nothing here draws.

use ratatui::layout::Rect;
use ratatui::text::Span;

use super::keymap::keymap;
use super::layout::{centered, popup_area};
use crate::nn::stepper::{HISTORY_BYTES, HISTORY_ITERATIONS};
use crate::words;

/// The widest the popup is drawn.
const WIDTH: u16 = 76;

/// The cells the key labels take, their indent included.
const LABEL: usize = 12;

/// One line of the help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpLine {
    /// A key's label (empty on the lines its description wraps onto) and what it does.
    Key {
        /// how the keys are written
        label: &'static str,
        /// what they do, or the part of it on this line
        description: String,
    },
    /// A line of a note under the keys.
    Note(String),
}

/// The help's lines for a popup whose inside is `width` cells wide: every key, an empty
/// line, then the notes from the catalog.
pub fn help_lines(width: usize) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for binding in keymap() {
        let wrapped = wrap(&(binding.description)(), width.saturating_sub(LABEL));
        for (i, description) in wrapped.into_iter().enumerate() {
            let label = if i == 0 { binding.label } else { "" };
            lines.push(HelpLine::Key { label, description });
        }
    }
    lines.push(HelpLine::Note(String::new()));
    let history = words!(
        "help-history",
        iterations = HISTORY_ITERATIONS.to_string(),
        mebibytes = (HISTORY_BYTES / (1024 * 1024)).to_string()
    );
    for note in [history, words!("help-click"), words!("practice-help-note")] {
        lines.extend(
            wrap(&note, width.saturating_sub(2))
                .into_iter()
                .map(HelpLine::Note),
        );
    }
    lines
}

/// Where the help goes on a screen `screen` (between the status line and the key bar),
/// border included, and its lines.
pub fn help_popup(screen: Rect) -> (Rect, Vec<HelpLine>) {
    let area = popup_area(screen);
    let width = WIDTH.min(area.width);
    let lines = help_lines(usize::from(width.saturating_sub(2)));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    (centered(area, width, height), lines)
}

/// How many lines the help on a screen `area` shows at once.
pub fn help_page(area: Rect) -> u16 {
    help_popup(area).0.height.saturating_sub(2)
}

/// The furthest the help on a screen `area` scrolls: its last line at the bottom.
pub fn help_last_scroll(area: Rect) -> u16 {
    let (_, lines) = help_popup(area);
    u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(help_page(area))
}

/// `text` in lines of at most `width` cells, broken between words (a word wider than a
/// line stands alone on its line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("one line at least");
        let cells = Span::raw(line.as_str()).width();
        if cells > 0 && cells + 1 + Span::raw(word).width() > width {
            lines.push(word.to_string());
        } else {
            if cells > 0 {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_between_words() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("one two three", 13), ["one two three"]);
        assert_eq!(wrap("scroll", 3), ["scroll"]);
    }

    #[test]
    fn the_help_scrolls_no_further_than_its_last_line() {
        let keys = keymap().len();
        // Tall enough: the keys, an empty line and the notes (two lines or more) all show.
        let tall = Rect::new(0, 0, 120, 60);
        let (popup, lines) = help_popup(tall);
        assert!(lines.len() >= keys + 3);
        assert_eq!(usize::from(popup.height), lines.len() + 2);
        assert_eq!(help_last_scroll(tall), 0);
        // At 80×24 the popup takes the 22 rows between the status line and the key bar:
        // 20 lines inside, the rest below.
        let small = Rect::new(0, 0, 80, 24);
        assert_eq!(help_page(small), 20);
        // The keys, an empty line, the history note in three lines of 74 cells, the click
        // note in one and the practice note in eight.
        assert_eq!(usize::from(help_last_scroll(small)), keys + 13 - 20);
    }
}
