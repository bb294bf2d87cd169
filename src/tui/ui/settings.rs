//! The settings panel: one row per setting (a changed one marked `*`), the highlighted
//! one's value between ◀ ▶ or as it is typed, and below the list why a value was refused,
//! the path being asked for, or what the highlighted setting takes, then the keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::wrap::pad;
use crate::tui::app::App;
use crate::tui::layout::{centered, popup_area};
use crate::tui::settings::{Kind, Settings};
use crate::words;

/// The panel's width, when the terminal has it.
const WIDTH: u16 = 78;

/// Lines under the list: the message (two) and the keys (two).
const BELOW: u16 = 4;

/// Draws the panel over the screen.
pub fn render_settings(frame: &mut Frame, area: Rect, app: &App, settings: &Settings) {
    let theme = app.theme;
    let rows = settings.fields().len() as u16;
    let popup = centered(popup_area(area), WIDTH, rows + BELOW + 3);
    frame.render_widget(Clear, popup);
    let shape = crate::text::notation::shape(&settings.base().layers);
    let title = words!(
        "settings-title",
        name = settings.base().name.clone(),
        shape = shape
    );
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(Line::styled(format!(" {title} "), theme.title()));
    let [list, _, message, keys] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(BELOW - 2),
        Constraint::Length(2),
    ])
    .areas(block.inner(popup));
    let first = first_row(settings.cursor, list.height);
    let marker = |text: String| Line::styled(format!(" {text} "), theme.dim()).right_aligned();
    if first > 0 {
        block = block.title(marker(words!("settings-more-above")));
    }
    if first + usize::from(list.height) < settings.fields().len() {
        block = block.title_bottom(marker(words!("settings-more-below")));
    }
    frame.render_widget(block, popup);
    render_rows(frame, list, app, settings, first);
    let (text, style) = message_text(settings, app);
    frame.render_widget(
        Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: true }),
        message,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(words!("settings-keys"), theme.dim()))
            .wrap(Wrap { trim: true }),
        keys,
    );
}

/// The rows that fit in `area`, scrolled so that the highlighted one shows.
fn render_rows(frame: &mut Frame, area: Rect, app: &App, settings: &Settings, first: usize) {
    let theme = app.theme;
    let labels: Vec<String> = settings.fields().iter().map(|f| (f.label)()).collect();
    let column = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let height = usize::from(area.height.max(1));
    let lines: Vec<Line> = labels
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, label)| {
            let highlighted = i == settings.cursor;
            let marker = if settings.changed(i) { "* " } else { "  " };
            let value = match (&settings.editing, highlighted) {
                (Some(typed), true) => format!("» {typed}▏"),
                (None, true) => format!("◀ {} ▶", settings.values[i]),
                _ => format!("  {}", settings.values[i]),
            };
            let label_style = if highlighted {
                theme.selected()
            } else {
                Style::default()
            };
            let value_style = if settings.changed(i) {
                theme.active()
            } else {
                theme.text()
            };
            Line::from(vec![
                Span::styled(marker, theme.active()),
                Span::styled(pad(label, column), label_style),
                Span::raw("  "),
                Span::styled(value, value_style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The first row shown in a list `height` rows high: as far down as shows the highlighted
/// row.
fn first_row(cursor: usize, height: u16) -> usize {
    (cursor + 1).saturating_sub(usize::from(height.max(1)))
}

/// What the panel says under the list, and how.
fn message_text(settings: &Settings, app: &App) -> (String, Style) {
    let theme = app.theme;
    if let Some(prompt) = &settings.saving {
        let note = match prompt.replacing {
            true => words!("settings-save-replace"),
            false => words!("settings-save-keys"),
        };
        let style = if prompt.replacing {
            theme.notice()
        } else {
            theme.active()
        };
        return (
            format!("{} {}▏  {note}", words!("settings-save-as"), prompt.path),
            style,
        );
    }
    if let Some(refusal) = &settings.refusal {
        return (refusal.clone(), theme.notice());
    }
    let hint = match settings.fields()[settings.cursor].kind {
        Kind::Choice(names) => words!("settings-hint-choice", names = names().join(", ")),
        Kind::Toggle => words!("settings-hint-toggle"),
        Kind::Hidden => words!("settings-hint-hidden"),
        Kind::Ladder(_) | Kind::Steps(_) | Kind::Count => words!("settings-hint-number"),
    };
    let changed = (0..settings.values.len()).any(|i| settings.changed(i));
    match changed {
        true => (
            format!("{hint} {}", words!("settings-hint-changed")),
            theme.text(),
        ),
        false => (hint, theme.text()),
    }
}
