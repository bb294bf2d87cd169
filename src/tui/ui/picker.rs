//! The scenario picker: the built-ins and the files in `scenarios/`, each by its name (its
//! source dim after it), and the highlighted one's description below the list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::wrap::pad;
use crate::tui::app::App;
use crate::tui::layout::centered;
use crate::tui::scenarios::PickerEntry;
use crate::words;

/// The picker's width, when the terminal has it.
const WIDTH: u16 = 78;

/// Draws the list with the highlighted entry and its description.
pub fn render_picker(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    entries: &[PickerEntry],
    cursor: usize,
) {
    let theme = app.theme;
    let inner_width = WIDTH.min(area.width).saturating_sub(2);
    // The sources in one column after the longest name.
    let column = entries.iter().map(|e| e.name.width()).max().unwrap_or(0);
    let items: Vec<ListItem> = entries
        .iter()
        .map(|e| {
            ListItem::new(Line::from(vec![
                Span::raw(pad(&e.name, column)),
                Span::styled(format!("  {}", e.source), theme.dim()),
            ]))
        })
        .collect();
    // Room for the longest description, so that the popup keeps its size while moving.
    let described = entries
        .iter()
        .map(|e| wrapped_lines(&e.description, inner_width))
        .max()
        .unwrap_or(0);
    let height = entries.len() as u16 + 2 + if described > 0 { described + 1 } else { 0 };
    let popup = centered(area, WIDTH, height);
    frame.render_widget(Clear, popup);
    let block = Block::default().borders(Borders::ALL).title(Line::styled(
        format!(" {} ", words!("view-picker-title")),
        theme.title(),
    ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [list_area, description_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(if described > 0 { described + 1 } else { 0 }),
    ])
    .areas(inner);
    let list = List::new(items)
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, list_area, &mut state);
    if let Some(entry) = entries.get(cursor) {
        frame.render_widget(
            Paragraph::new(format!("\n{}", entry.description)).wrap(Wrap { trim: true }),
            description_area,
        );
    }
}

/// How many lines `text` takes when its words are wrapped at `width` columns, as the
/// paragraph wraps them (a word longer than a line is broken across lines).
fn wrapped_lines(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut lines = 0;
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = word.width();
        if used > 0 && used + 1 + w <= width {
            used += 1 + w;
        } else {
            lines += 1 + (w.saturating_sub(1)) / width;
            used = (w - 1) % width + 1;
        }
    }
    lines as u16
}

#[cfg(test)]
mod tests {
    use super::wrapped_lines;

    #[test]
    fn words_wrap_into_lines() {
        assert_eq!(wrapped_lines("", 10), 0);
        assert_eq!(wrapped_lines("one two", 7), 1);
        assert_eq!(wrapped_lines("one two", 6), 2);
        assert_eq!(wrapped_lines("abcdefghijkl x", 5), 3);
    }
}
