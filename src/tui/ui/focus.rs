//! The focused panel's border: redrawn thick and in the focus colour, so that it shows with
//! and without colours. The panels draw their own borders; this restyles them afterwards.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::theme::Theme;

/// The thick line for each thin one of a panel's border.
fn thick(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "─" => "━",
        "│" => "┃",
        "┌" => "┏",
        "┐" => "┓",
        "└" => "┗",
        "┘" => "┛",
        _ => return None,
    })
}

/// The cells on the edge of `area`.
fn edge(area: Rect) -> impl Iterator<Item = (u16, u16)> {
    let (left, right) = (area.x, area.right().saturating_sub(1));
    let (top, bottom) = (area.y, area.bottom().saturating_sub(1));
    let rows = (top..=bottom).flat_map(move |y| [(left, y), (right, y)]);
    let columns = (left..=right).flat_map(move |x| [(x, top), (x, bottom)]);
    rows.chain(columns)
}

/// Draws the borders of `areas` (one panel, or the parts of one) thick in `theme`'s focus
/// style; titles and markers on the border keep theirs.
pub fn render_focus(frame: &mut Frame, areas: &[Rect], theme: Theme) {
    let buffer = frame.buffer_mut();
    for &area in areas.iter().filter(|a| !a.is_empty()) {
        let area = area.intersection(buffer.area);
        for position in edge(area) {
            let cell = &mut buffer[position];
            if let Some(symbol) = thick(cell.symbol()) {
                cell.set_symbol(symbol);
                cell.set_style(theme.focused());
            }
        }
    }
}
