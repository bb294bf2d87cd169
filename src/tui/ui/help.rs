//! The help popup, written from the same keymap table that dispatches the keys, scrolled
//! with a marker on the border wherever there is more.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::help::{HelpLine, help_popup};
use crate::words;

/// Draws the keys and what they do, from line `scroll` (no further than the last page).
pub fn render_help(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let theme = app.theme;
    let (popup, lines) = help_popup(area);
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|line| match line {
            HelpLine::Key { label, description } => Line::from(vec![
                Span::styled(format!("  {label:<10}"), theme.active()),
                Span::raw(description),
            ]),
            HelpLine::Note(text) => Line::styled(format!("  {text}"), theme.dim()),
        })
        .collect();
    let page = usize::from(popup.height.saturating_sub(2));
    let scroll = usize::from(scroll).min(lines.len().saturating_sub(page));
    let marker = |text: String| Line::styled(format!(" {text} "), theme.dim()).right_aligned();
    let mut block = Block::default().borders(Borders::ALL).title(Line::styled(
        format!(" {} ", words!("help-title")),
        theme.title(),
    ));
    if scroll > 0 {
        block = block.title(marker(words!("help-more-above")));
    }
    if scroll + page < lines.len() {
        block = block.title_bottom(marker(words!("help-more-below")));
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        popup,
    );
}
