//! The answer box: a number question, the answer being typed and what checking it said.
//! The stepping view's practice mode and the lesson view draw the same box.
//!
//! ```text
//! What is δ²₁?
//! › 0.12█
//! Not yet. Hint: δ²₁ = 2 · (0.6 − 1) · 0.24 = ?
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::practice::Stage;
use crate::tui::answer::Answer;
use crate::tui::theme::Theme;

/// The box's lines, unwrapped: `prompt` (e.g. "What is δ²₁?"), the typed text after `›`
/// with a cursor while the question waits, then the feedback (why the text is not a
/// number, the hint, or the worked formula). For a caller that puts them in its own panel.
pub fn question_lines(answer: &Answer, theme: Theme, prompt: &str) -> Vec<Line<'static>> {
    let mut input = vec![
        Span::styled("› ".to_string(), theme.dim()),
        Span::styled(answer.text.clone(), theme.active()),
    ];
    if !answer.finished() {
        input.push(Span::styled("█".to_string(), theme.dim()));
    }
    let mut lines = vec![
        Line::styled(prompt.to_string(), theme.title()),
        Line::from(input),
    ];
    if let Some(feedback) = answer.feedback() {
        let style = match (answer.problem.is_some(), answer.attempt.stage) {
            (true, _) | (false, Stage::Retry | Stage::Revealed) => theme.notice(),
            _ => theme.active(),
        };
        lines.push(Line::styled(feedback, style));
    }
    lines
}

/// Draws the box in `area`, wrapped to its width (measured in columns, so Korean fits).
pub fn render_question(frame: &mut Frame, area: Rect, answer: &Answer, theme: Theme, prompt: &str) {
    let lines = super::wrap::wrap(question_lines(answer, theme, prompt), area.width as usize);
    frame.render_widget(Paragraph::new(lines), area);
}
