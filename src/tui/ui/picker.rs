//! The scenario picker: the built-ins and the files in `scenarios/`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};

use crate::tui::app::App;
use crate::tui::layout::centered;
use crate::tui::scenarios::PickerEntry;

/// Draws the list with the highlighted entry.
pub fn render_picker(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    entries: &[PickerEntry],
    cursor: usize,
) {
    let theme = app.theme;
    let items: Vec<ListItem> = entries
        .iter()
        .map(|e| ListItem::new(Line::from(e.label.clone())))
        .collect();
    let popup = centered(area, 70, entries.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let list = List::new(items)
        .block(Block::default().borders(Borders::ALL).title(Line::styled(
            " scenarios (↑↓ choose, Enter open, Esc close) ",
            theme.title(),
        )))
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, popup, &mut state);
}
