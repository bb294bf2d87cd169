//! The status line at the top and the key bar at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::nn::Mode;
use crate::nn::stepper::Stepper;
use crate::text::notation::compact;
use crate::tui::app::App;
use crate::tui::keymap::binding;
use crate::tui::message::Message;
use crate::words;

/// A part of the status line in the forms it can take, the widest first; an empty form
/// leaves the part out.
pub type Forms = Vec<String>;

/// Scenario, epoch, iteration k of n, phase, run state, η, mode and batch size: what does
/// not fit gives way by priority (see [`progress`]), the scenario's name last.
pub fn render_status(frame: &mut Frame, area: Rect, app: &App) {
    let s = &app.run.stepper;
    let t = s.training();
    let size = t.batch_size.to_string();
    let mode = match t.mode {
        Mode::Sgd => vec![words!("status-mode-sgd"), String::new()],
        Mode::Batch => vec![
            words!("status-mode-batch", size = size),
            words!("status-mode-batch-short"),
            String::new(),
        ],
        Mode::MiniBatch => vec![
            words!("status-mode-mini-batch", size = size.clone()),
            words!("status-mode-mini-batch-short", size = size),
            String::new(),
        ],
    };
    let rate = words!("status-learning-rate", rate = compact(t.learning_rate));
    let (mut parts, mut order) = progress(s, app);
    let written = match &app.written {
        Some(file) => vec![words!("status-written", file = file.clone()), String::new()],
        None => vec![String::new()],
    };
    parts.extend([vec![rate, String::new()], mode, practice(app), written]);
    // The mode gives way first, then η, then the progress as `progress` says; the practice
    // score, then the file just written, last.
    order.splice(0..0, [5, 5, 4]);
    order.extend([6, 7]);
    render_line(frame, area, app, &app.scenario.name, &parts, &order);
}

/// The epoch, the iteration, the phase and the run state of `stepper`, and the order in
/// which they give way (a part's index once per form it drops): what follows the speed, the
/// words "epoch" and "iteration" (shortened), the speed in words, then the run state, the
/// phase, the counts. While auto-run runs, the phase (changing too fast to read) gives way
/// and the counts and the speed in words stay: a long scenario name is shortened instead.
pub fn progress(stepper: &Stepper, app: &App) -> (Vec<Forms>, Vec<usize>) {
    let epoch = stepper.epoch().to_string();
    let iteration = stepper.iteration().to_string();
    let iterations = stepper.iterations_per_epoch().to_string();
    let symbol = if app.auto_run.running { "▶" } else { "⏸" };
    let speed = app.auto_run.current().label();
    let parts = vec![
        vec![
            words!("status-epoch", epoch = epoch.clone()),
            words!("status-epoch-short", epoch = epoch),
            String::new(),
        ],
        vec![
            words!(
                "status-iteration",
                iteration = iteration.clone(),
                iterations = iterations.clone()
            ),
            words!(
                "status-iteration-short",
                iteration = iteration,
                iterations = iterations
            ),
            String::new(),
        ],
        vec![crate::text::phase::name(stepper.phase()), String::new()],
        vec![
            format!("{symbol} {speed}{}", beyond(app)),
            format!("{symbol} {speed}"),
            symbol.to_string(),
            String::new(),
        ],
    ];
    let order = if app.auto_run.running {
        vec![3, 1, 0, 2]
    } else {
        vec![3, 1, 0, 3, 3, 2, 1, 0]
    };
    (parts, order)
}

/// ", beyond 1000 epochs" after the speed while auto-run goes on beyond the scenario's
/// epochs and rules (after `r` at a stop), else nothing.
fn beyond(app: &App) -> String {
    let beyond = match &app.comparison {
        Some(c) => c.runs.iter().any(|r| r.beyond),
        None => app.run.beyond,
    };
    if beyond {
        let epochs = app.run.stop.epochs().to_string();
        words!("view-status-beyond", epochs = epochs)
    } else {
        String::new()
    }
}

/// The practice score while practice is on ("practice 3/4"), else nothing.
fn practice(app: &App) -> Forms {
    match &app.practice {
        Some(p) => vec![
            words!(
                "practice-status",
                right = p.score.right.to_string(),
                asked = p.score.asked.to_string()
            ),
            String::new(),
        ],
        None => vec![String::new()],
    }
}

/// Draws `title` then `parts`, shrunk part by part in `order` until the line fits.
pub fn render_line(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: &str,
    parts: &[Forms],
    order: &[usize],
) {
    let (title, rest) = fit(title, parts, order, area.width as usize);
    let line = Line::from(vec![
        Span::styled(title, app.theme.title()),
        Span::raw(rest),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The status line in `width` cells as its title and the rest: each step of `order`
/// shrinks that part to its next form until the line fits; only when every part is left
/// out is the title cut, after a whole word where it can be, and marked with "…".
pub fn fit(title: &str, parts: &[Forms], order: &[usize], width: usize) -> (String, String) {
    let mut chosen = vec![0; parts.len()];
    let mut steps = order.iter();
    loop {
        let shown: Vec<&str> = parts
            .iter()
            .zip(&chosen)
            .map(|(forms, &i)| forms[i].as_str())
            .filter(|p| !p.is_empty())
            .collect();
        let rest = if shown.is_empty() {
            String::new()
        } else {
            format!("│ {}", shown.join(" │ "))
        };
        let room = width.saturating_sub(cells(&rest) + 2);
        if cells(title) <= room {
            return (format!(" {title} "), rest);
        }
        match steps.next() {
            Some(&part) => chosen[part] = (chosen[part] + 1).min(parts[part].len() - 1),
            None => return (format!(" {} ", shortened(title, room)), rest),
        }
    }
}

/// `text` in at most `room` cells: whole, or its first words (else its first letters)
/// followed by "…".
pub fn shortened(text: &str, room: usize) -> String {
    if cells(text) <= room {
        return text.to_string();
    }
    if room == 0 {
        return String::new();
    }
    let fits = |prefix: &str| cells(prefix.trim_end()) < room;
    let words = text
        .match_indices(' ')
        .map(|(i, _)| &text[..i])
        .rfind(|p| !p.trim_end().is_empty() && fits(p));
    let cut = words.map(str::trim_end).unwrap_or_else(|| {
        let end = text
            .char_indices()
            .map(|(i, _)| i)
            .take_while(|&i| fits(&text[..i]))
            .last()
            .unwrap_or(0);
        &text[..end]
    });
    format!("{cut}…")
}

/// The cells `text` takes on screen.
fn cells(text: &str) -> usize {
    Span::raw(text).width()
}

/// The most used keys, or the answer's keys while a practice question waits.
pub fn render_keys(frame: &mut Frame, area: Rect, app: &App) {
    let width = area.width as usize;
    let entries = match app.question() {
        Some(q) => question_bar(width, q.answer.finished()),
        None => key_bar(width),
    };
    let mut spans = vec![Span::raw(" ")];
    for (i, (label, what)) in entries.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", app.theme.dim()));
        }
        spans.push(Span::styled(label, app.theme.active()));
        spans.push(Span::raw(format!(" {what}")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The key bar's entries that fit in `width` cells, each a key's label and what it does:
/// help and quit always, the most used keys before them in order while they fit. Measured
/// in cells, so that Korean (two cells a letter) is counted as it is drawn.
pub fn key_bar(width: usize) -> Vec<(&'static str, String)> {
    let rest = vec![
        entry(Message::NextPhase, words!("view-bar-next")),
        entry(Message::PreviousPhase, words!("view-bar-back")),
        entry(Message::FinishIteration, words!("view-bar-iteration")),
        entry(Message::FinishEpoch, words!("view-bar-epoch")),
        entry(Message::ToggleRun, words!("view-bar-run")),
        entry(Message::SelectNext, words!("view-bar-select")),
        entry(Message::OpenPicker, words!("view-bar-scenarios")),
    ];
    fitted(rest, width)
}

/// The key bar while a practice question waits: typing, Enter to check (or to go on once
/// the question is `finished`), Esc to skip, `p` to stop practising.
pub fn question_bar(width: usize, finished: bool) -> Vec<(&'static str, String)> {
    let rest = if finished {
        vec![entry(Message::Confirm, words!("practice-bar-go-on"))]
    } else {
        vec![
            ("0-9 . - e", words!("practice-bar-answer")),
            entry(Message::Confirm, words!("practice-bar-check")),
            entry(Message::Close, words!("practice-bar-skip")),
        ]
    };
    fitted(rest, width)
}

/// A key's label and what it does, from the keymap.
fn entry(message: Message, what: String) -> (&'static str, String) {
    binding(message).map_or(("", String::new()), |b| (b.label, what))
}

/// `rest` in order while they fit in `width` cells, then help and quit.
fn fitted(rest: Vec<(&'static str, String)>, width: usize) -> Vec<(&'static str, String)> {
    let always = [
        entry(Message::ShowHelp, words!("view-bar-help")),
        entry(Message::Quit, words!("view-bar-quit")),
    ];
    // " · " before an entry (" " before the first) and " " between its label and words.
    let cost = |(label, what): &(&str, String)| label.width() + what.width() + 4;
    let mut budget = width.saturating_sub(always.iter().map(cost).sum());
    let mut chosen = Vec::new();
    for e in rest {
        let c = cost(&e);
        if c > budget {
            break;
        }
        budget -= c;
        chosen.push(e);
    }
    chosen.extend(always);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(all: &[&str]) -> Forms {
        all.iter().map(|f| f.to_string()).collect()
    }

    fn parts() -> Vec<Forms> {
        vec![
            forms(&["epoch 1", "ep. 1", ""]),
            forms(&["iteration 1/9", "it. 1/9", ""]),
            forms(&["mini-batches of 10", ""]),
        ]
    }

    /// The whole line as drawn.
    fn line(title: &str, order: &[usize], width: usize) -> String {
        let (title, rest) = fit(title, &parts(), order, width);
        format!("{title}{rest}")
    }

    #[test]
    fn the_parts_give_way_in_order_before_the_name() {
        let order = [2, 1, 0, 1, 0];
        // " Iris │ epoch 1 │ iteration 1/9 │ mini-batches of 10": 6 + 2 + 7 + 3 + 13 + 3 + 18.
        let full = " Iris │ epoch 1 │ iteration 1/9 │ mini-batches of 10";
        assert_eq!(line("Iris", &order, 52), full);
        assert_eq!(line("Iris", &order, 51), " Iris │ epoch 1 │ iteration 1/9");
        // 6 + 2 + 7 + 3 + 7 cells, then 6 + 2 + 5 + 3 + 7, then 6 + 2 + 5.
        assert_eq!(line("Iris", &order, 30), " Iris │ epoch 1 │ it. 1/9");
        assert_eq!(line("Iris", &order, 24), " Iris │ ep. 1 │ it. 1/9");
        assert_eq!(line("Iris", &order, 22), " Iris │ ep. 1");
        assert_eq!(line("Iris", &order, 8), " Iris ");
    }

    #[test]
    fn the_name_is_cut_last_after_a_word_with_a_mark() {
        let order = [2, 1, 0, 1, 0];
        let name = "Cost table: the left network";
        // 28 cells of name and 2 of margin: nothing else fits in 30.
        assert_eq!(line(name, &order, 30), format!(" {name} "));
        assert_eq!(line(name, &order, 29), " Cost table: the left… ");
        assert_eq!(line(name, &order, 16), " Cost table:… ");
        assert_eq!(line(name, &order, 8), " Cost… ");
        assert_eq!(shortened("Handwritten", 5), "Hand…");
        assert_eq!(shortened("Iris", 4), "Iris");
        assert_eq!(shortened("Iris", 0), "");
    }
}
