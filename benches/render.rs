//! Drawing speed: one full frame at 200×60, mid-iteration, for a hand-sized network and a
//! 64-32-10 one.

use backstep::tui::{Message, load, ui};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn frames(c: &mut Criterion) {
    for (label, scenario) in [
        ("frame 200x60: two-two-two", "two-two-two"),
        (
            "frame 200x60: 64-32-10",
            "bench/scenarios/mlp-64-32-10.toml",
        ),
    ] {
        let mut app = load(scenario).unwrap();
        for _ in 0..5 {
            app.update(Message::NextPhase);
        }
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        c.bench_function(label, |b| {
            b.iter(|| {
                terminal.draw(|frame| ui::render(frame, &app)).unwrap();
            })
        });
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
