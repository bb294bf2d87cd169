//! The lesson view: the stepping view at the stop, with the lesson panel (the stop's title,
//! its narration and its question) in the phase panel's place, or beside a zoomed panel or
//! the compare screen; the lesson's status line, key bar and help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::question::question_lines;
use super::status::{render_line, shortened};
use super::wrap::wrap;
use crate::lesson::Question;
use crate::tui::layout::centered;
use crate::tui::lesson::LessonView;
use crate::words;
use unicode_width::UnicodeWidthStr;

/// Draws the whole screen of a lesson.
pub fn render_lesson(frame: &mut Frame, view: &LessonView) {
    let area = frame.area();
    let app = &view.app;
    if area.width < super::MIN_SIZE.0 || area.height < super::MIN_SIZE.1 {
        super::render(frame, app);
        return;
    }
    let beside = app.comparison.is_some() || app.views.enlarged.is_some();
    let panel = if beside {
        let [left, right] =
            Layout::horizontal([Constraint::Min(0), Constraint::Percentage(45)]).areas(area);
        super::render_screen(frame, left, app);
        Rect::new(
            right.x,
            right.y + 1,
            right.width,
            right.height.saturating_sub(2),
        )
    } else {
        super::render_screen(frame, area, app);
        super::main_regions(area, app).phase
    };
    frame.render_widget(Clear, panel);
    render_panel(frame, panel, view);
    let status = Rect::new(area.x, area.y, area.width, 1);
    let keys = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    frame.render_widget(Clear, status);
    frame.render_widget(Clear, keys);
    render_status(frame, status, view);
    render_keys(frame, keys, view);
    if view.help {
        render_help(frame, area, view);
    }
    super::render_base(frame, app);
}

/// The lesson's title, the stop (7/13), the score and the scenario, what does not fit
/// giving way: the scenario first, then the long forms.
fn render_status(frame: &mut Frame, area: Rect, view: &LessonView) {
    let (stop, stops) = (
        (view.stop + 1).to_string(),
        view.lesson.stops.len().to_string(),
    );
    let score = view.progress.score();
    let (right, asked) = (score.right.to_string(), score.asked.to_string());
    let parts = vec![
        vec![
            words!(
                "lesson-view-status-stop",
                stop = stop.clone(),
                stops = stops.clone()
            ),
            format!("{stop}/{stops}"),
        ],
        vec![
            words!(
                "lesson-view-status-score",
                right = right.clone(),
                asked = asked.clone()
            ),
            words!(
                "lesson-view-status-score-short",
                right = right,
                asked = asked
            ),
        ],
        vec![view.app.scenario.name.clone(), String::new()],
    ];
    let title = view.lesson.title.text();
    render_line(frame, area, &view.app, &title, &parts, &[2, 0, 1]);
}

/// The keys that matter now: typing the answer, choosing, or moving on.
fn render_keys(frame: &mut Frame, area: Rect, view: &LessonView) {
    let keys = match &view.current().question {
        Some(Question::Number { .. }) if view.typing() => words!("lesson-view-keys-number"),
        Some(Question::Choice { choices, .. }) if !view.attempt.finished() => {
            words!("lesson-view-keys-choice", last = choices.len())
        }
        _ if view.stop + 1 == view.lesson.stops.len() => words!("lesson-view-keys-last"),
        _ => words!("lesson-view-keys-next"),
    };
    let line = shortened(&format!(" {keys}"), usize::from(area.width));
    frame.render_widget(
        Paragraph::new(Line::styled(line, view.app.theme.dim())),
        area,
    );
}

/// The lesson panel: the narration (scrolled with PgDn/PgUp) above the question, which
/// keeps its rows (its end, where the answer and what it revealed are, when it is long).
fn render_panel(frame: &mut Frame, area: Rect, view: &LessonView) {
    let theme = view.app.theme;
    let stop = view.current();
    let title = format!(
        " {}/{} {} ",
        view.stop + 1,
        view.lesson.stops.len(),
        stop.title.text()
    );
    let block = Block::default().borders(Borders::ALL).title(Line::styled(
        shortened(&title, usize::from(area.width.saturating_sub(2))),
        theme.title(),
    ));
    let inner = block.inner(area);
    let width = usize::from(inner.width.saturating_sub(1)).max(1);
    let narration = wrap(
        stop.text
            .text()
            .lines()
            .map(|l| Line::raw(l.to_string()))
            .collect(),
        width,
    );
    let question = wrap(lesson_question(view, width), width);
    let asked = (question.len() as u16).min(inner.height.saturating_sub(3));
    let [top, bottom] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(asked)]).areas(inner);
    let end = (narration.len() as u16).saturating_sub(top.height);
    view.scroll_end.set(end);
    view.scroll_page.set(top.height);
    let scroll = view.scroll.min(end);
    let mut block = block;
    if scroll < end {
        block = block.title_bottom(
            Line::styled(
                format!(" {} ", words!("lesson-view-more-below")),
                theme.dim(),
            )
            .right_aligned(),
        );
    }
    if scroll > 0 {
        block = block.title(
            Line::styled(
                format!(" {} ", words!("lesson-view-more-above")),
                theme.dim(),
            )
            .right_aligned(),
        );
    }
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(narration).scroll((scroll, 0)), top);
    let skip = (question.len() as u16).saturating_sub(bottom.height);
    frame.render_widget(Paragraph::new(question).scroll((skip, 0)), bottom);
}

/// The question's lines: an empty line, the prompt, then the answer box or the choices,
/// what answering showed, the notice and how to go on; a choice that wraps continues under
/// its own text, not under its number.
fn lesson_question(view: &LessonView, width: usize) -> Vec<Line<'static>> {
    let theme = view.app.theme;
    let stop = view.current();
    let mut lines = vec![Line::raw("")];
    let depth = view.app.run.stepper.network().depth();
    match &stop.question {
        None => {}
        Some(question @ Question::Number { .. }) => match &view.answer {
            Some(answer) => lines.extend(question_lines(answer, theme, &question.prompt(depth))),
            None => lines.push(Line::styled(question.prompt(depth), theme.title())),
        },
        Some(
            question @ Question::Choice {
                choices,
                answer,
                explanation,
                ..
            },
        ) => {
            lines.push(Line::styled(
                question.prompt(depth),
                theme.title().add_modifier(Modifier::BOLD),
            ));
            for (i, choice) in choices.iter().enumerate() {
                let mark = match () {
                    _ if view.attempt.finished() && i == *answer => "✓",
                    _ if view.chosen.contains(&i) => "✗",
                    _ if i == view.cursor && !view.attempt.finished() => "›",
                    _ => " ",
                };
                let style = if i == view.cursor && !view.attempt.finished() {
                    theme.selected()
                } else {
                    theme.text()
                };
                let number = format!("{mark} {}. ", i + 1);
                let indent = number.width();
                let text = wrap(vec![Line::raw(choice.text())], width.saturating_sub(indent));
                for (j, line) in text.into_iter().enumerate() {
                    let lead = if j == 0 {
                        number.clone()
                    } else {
                        " ".repeat(indent)
                    };
                    let mut spans = vec![Span::raw(lead)];
                    spans.extend(line.spans);
                    lines.push(Line::from(spans).style(style));
                }
            }
            let right = choices.get(*answer).map(|c| c.text()).unwrap_or_default();
            if let Some(feedback) = view.attempt.choice_feedback(&right, &explanation.text()) {
                lines.push(Line::styled(feedback, theme.active()));
            }
        }
    }
    if let Some(notice) = &view.notice {
        lines.push(Line::styled(notice.clone(), theme.notice()));
    } else if view.done() {
        let next = if view.stop + 1 == view.lesson.stops.len() {
            words!("lesson-view-space-finish")
        } else {
            words!("lesson-view-space-next")
        };
        lines.push(Line::styled(next, theme.dim()));
    }
    lines
}

/// The lesson's keys, over the screen.
fn render_help(frame: &mut Frame, area: Rect, view: &LessonView) {
    let theme = view.app.theme;
    let keys = [
        ("Space/→", words!("lesson-view-key-next")),
        ("←/h", words!("lesson-view-key-previous")),
        ("0-9 . - e", words!("lesson-view-key-type")),
        ("Enter", words!("lesson-view-key-check")),
        ("1-6 ↑/↓", words!("lesson-view-key-choose")),
        ("PgDn/PgUp", words!("lesson-view-key-scroll")),
        ("z f g v", words!("lesson-view-key-views")),
        ("Esc", words!("lesson-view-key-close")),
        ("S", words!("view-key-save-session")),
        ("?", words!("lesson-view-key-help")),
        ("q", words!("lesson-view-key-quit")),
    ];
    let width = area.width.min(72);
    let text_width = usize::from(width.saturating_sub(15)).max(1);
    let mut lines = Vec::new();
    for (label, description) in keys {
        for (i, line) in wrap(vec![Line::raw(description)], text_width)
            .into_iter()
            .enumerate()
        {
            let label = if i == 0 { label } else { "" };
            let mut spans = vec![Span::styled(format!(" {label:<11} "), theme.active())];
            spans.extend(line.spans);
            lines.push(Line::from(spans));
        }
    }
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = centered(area, width, height);
    let block = Block::default().borders(Borders::ALL).title(Line::styled(
        format!(" {} ", words!("lesson-view-help-title")),
        theme.title(),
    ));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
