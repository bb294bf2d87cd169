//! The stepping view in Korean (한국어): whole screens at 80×24 and 120×40, and every line
//! of the key bar and the help measured in columns, a Hangul syllable taking two.

mod common;

use backstep::text::catalog::{Language, set_language};
use backstep::tui::Message;
use backstep::tui::help::{HelpLine, help_lines, help_popup};
use backstep::tui::ui::status::key_bar;
use common::view::{app, screen, step_to};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The key bar as it is drawn: " " then the entries, each "label words", between " · ".
fn drawn_key_bar(width: usize) -> String {
    let entries: Vec<String> = key_bar(width)
        .into_iter()
        .map(|(label, what)| format!("{label} {what}"))
        .collect();
    format!(" {}", entries.join(" · "))
}

#[test]
fn the_key_bar_fits_its_width_in_korean() {
    set_language(Language::Korean);
    for width in [60, 80, 100, 120] {
        let bar = drawn_key_bar(width);
        assert!(bar.width() <= width, "{} > {width}: {bar}", bar.width());
        assert!(
            bar.contains("? 도움말") && bar.contains("q 끝내기"),
            "{bar}"
        );
    }
    // At 120 columns every entry fits: 다음, 이전, …, 시나리오.
    assert!(drawn_key_bar(120).contains("s 시나리오"));
}

#[test]
fn every_help_line_fits_the_popup_in_korean() {
    set_language(Language::Korean);
    for (width, height) in SIZES {
        let (popup, lines) = help_popup(Rect::new(0, 0, width, height));
        let inside = usize::from(popup.width - 2);
        assert_eq!(lines, help_lines(inside));
        for line in lines {
            // Drawn as the popup draws it: the label padded to 10 after two spaces.
            let drawn = match line {
                HelpLine::Key { label, description } => format!("  {label:<10}{description}"),
                HelpLine::Note(text) => format!("  {text}"),
            };
            assert!(
                drawn.width() <= inside,
                "{} > {inside}: {drawn}",
                drawn.width()
            );
        }
    }
}

#[test]
fn the_main_screen_in_korean() {
    set_language(Language::Korean);
    for (width, height) in SIZES {
        let mut app = app("two-two-two");
        step_to(&mut app, "순전파 (1층)");
        let text = screen(&mut app, width, height);
        // The status line and the key bar, word by word.
        let first = text.lines().next().unwrap();
        assert!(first.contains("에폭"), "{first}");
        let last = text.lines().last().unwrap();
        assert!(
            last.contains("? 도움말") && last.contains("q 끝내기"),
            "{last}"
        );
        insta::assert_snapshot!(format!("main_screen_{width}x{height}"), text);
    }
}

#[test]
fn the_help_popup_in_korean() {
    set_language(Language::Korean);
    for (width, height) in SIZES {
        let mut app = app("two-two-two");
        app.size = (width, height);
        app.update(Message::ShowHelp);
        let text = screen(&mut app, width, height);
        assert!(text.contains("Space/→/l 다음 단계"), "{text}");
        insta::assert_snapshot!(format!("help_popup_{width}x{height}"), text);
    }
}

/// The status line at both sizes, paused and running; in compare mode on gd-modes, whose
/// long name leaves no room at 80 columns, the parts give way (measured in columns) so the
/// name stays whole.
#[test]
fn the_status_bar_in_korean() {
    set_language(Language::Korean);
    let mut lines = String::new();
    for (width, height) in SIZES {
        let mut iris = app("iris");
        iris.update(Message::NextPhase);
        for running in [false, true] {
            if running {
                iris.update(Message::ToggleRun);
            }
            let text = screen(&mut iris, width, height);
            let first = text.lines().next().unwrap();
            lines.push_str(&format!("{width}, running {running}:\n{first}\n"));
        }
        let mut compared = app("gd-modes");
        compared.update(Message::ToggleCompare);
        let text = screen(&mut compared, width, height);
        let first = text.lines().next().unwrap();
        assert!(
            first.starts_with(" 경사 하강법: 배치, 확률적, 미니배치 "),
            "{first}"
        );
        assert!(first.width() <= usize::from(width), "{first}");
        lines.push_str(&format!("{width}, compare:\n{first}\n"));
    }
    insta::assert_snapshot!(lines);
}

#[test]
fn the_settings_panel_in_korean() {
    use backstep::tui::settings::SettingsInput;
    set_language(Language::Korean);
    for (width, height) in SIZES {
        let mut app = app("xor");
        app.update(Message::OpenSettings);
        for c in "-1".chars() {
            app.update(Message::Settings(SettingsInput::Type(c)));
        }
        app.update(Message::Settings(SettingsInput::Confirm));
        let text = screen(&mut app, width, height);
        assert!(text.contains("설정: 고전 문제 XOR (2-2-1)"), "{text}");
        assert!(text.contains("0 이상의 학습률이 필요하지만"), "{text}");
        for line in text.lines() {
            assert!(line.width() <= usize::from(width), "{line}");
        }
        insta::assert_snapshot!(format!("settings_{width}x{height}"), text);
    }
}
