//! The export menu: what the view can write, each with the file it writes, the highlighted
//! one marked; Enter writes it, Esc closes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};
use unicode_width::UnicodeWidthStr;

use super::wrap::{cut, pad};
use crate::tui::app::App;
use crate::tui::export_menu::Export;
use crate::tui::layout::centered;
use crate::words;

/// The menu's width, when the terminal has it.
const WIDTH: u16 = 76;

/// Draws the menu with `cursor` highlighted.
pub fn render_export(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let theme = app.theme;
    let popup = centered(area, WIDTH, Export::ALL.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let labels: Vec<String> = Export::ALL.iter().map(|e| e.label()).collect();
    let column = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let room = usize::from(popup.width.saturating_sub(6)).saturating_sub(column + 2);
    let items: Vec<ListItem> = Export::ALL
        .iter()
        .zip(&labels)
        .map(|(export, label)| {
            let path = crate::text::untrusted::printable(&app.export_path(*export));
            ListItem::new(Line::from(vec![
                Span::raw(pad(label, column)),
                Span::styled(format!("  {}", cut(&path, room)), theme.dim()),
            ]))
        })
        .collect();
    let block = Block::default().borders(Borders::ALL).title(Line::styled(
        format!(" {} ", words!("export-title")),
        theme.title(),
    ));
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, popup, &mut state);
}
