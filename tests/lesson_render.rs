//! Every stop of the built-in `backprop` drawn in English and Korean at 120×40 and 80×24:
//! snapshots, no wide character cut by what is drawn after it, and the narration readable
//! whole (on screen, or by scrolling the lesson panel).

mod common;

use std::rc::Rc;

use backstep::lesson::Lesson;
use backstep::lesson::progress::LessonProgress;
use backstep::text::catalog::{Language, set_language};
use backstep::tui::disk::Disk;
use backstep::tui::lesson::{Keeper, LessonView, Step};
use backstep::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

struct Nowhere;

impl Keeper for Nowhere {
    fn keep(&self, _: &str, _: &LessonProgress) -> Result<(), String> {
        Ok(())
    }
}

fn at(stop: usize) -> LessonView {
    let lesson = Lesson::load("backprop").unwrap();
    let progress = LessonProgress {
        stop,
        ..LessonProgress::default()
    };
    let mut view = LessonView::new(Rc::new(Disk), Rc::new(Nowhere), lesson, progress).unwrap();
    view.app.theme = Theme {
        color: false,
        light: false,
    };
    view
}

fn draw(view: &mut LessonView, width: u16, height: u16) -> Buffer {
    view.app.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| backstep::tui::ui::lesson::render_lesson(frame, view))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text; panics where a wide character's second cell holds something else
/// (it was cut by what was drawn after it) or a wide character sits on the last column.
fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut rows = Vec::new();
    for y in 0..area.height {
        let mut row = String::new();
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            if symbol.width() == 2 {
                assert!(
                    x + 1 < area.width,
                    "a wide character on the last column, row {y}"
                );
                let next = buffer[(x + 1, y)].symbol();
                assert!(
                    next == " " || next.is_empty(),
                    "{symbol} cut by {next} at {x},{y}"
                );
            }
            row.push_str(symbol);
            x += u16::try_from(symbol.width()).unwrap_or(1).max(1);
        }
        rows.push(row.trim_end().to_string());
    }
    rows.join("\n")
}

/// Every word of the narration is on screen, scrolling the lesson panel down as far as it
/// goes.
fn narration_readable(view: &mut LessonView, width: u16, height: u16, stop: usize) {
    let narration = view.current().text.text();
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&text(&draw(view, width, height)));
        seen.push('\n');
        view.update(Step::ScrollDown);
    }
    let flat: String = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in narration.split_whitespace() {
        assert!(
            flat.contains(word),
            "stop {stop} at {width}×{height}: “{word}” never shows"
        );
    }
}

#[test]
fn every_stop_of_backprop_in_both_languages_at_both_sizes() {
    for (language, code) in [(Language::English, "en"), (Language::Korean, "ko")] {
        set_language(language);
        for (width, height) in [(120, 40), (80, 24)] {
            for stop in 0..13 {
                let mut view = at(stop);
                let screen = text(&draw(&mut view, width, height));
                let name = format!("lesson_{code}_{width}x{height}_stop_{:02}", stop + 1);
                insta::assert_snapshot!(name, screen);
                narration_readable(&mut view, width, height, stop + 1);
            }
        }
    }
    set_language(Language::English);
}
