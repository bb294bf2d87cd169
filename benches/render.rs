//! Drawing speed: one full frame at 200×60, mid-iteration, for a hand-sized network and a
//! 64-32-10 one; the decision boundary view recomputed every frame.

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
                terminal
                    .draw(|frame| {
                        ui::render(frame, &app);
                        ui::wrap::clear_covered(frame.buffer_mut());
                    })
                    .unwrap();
            })
        });
    }
}

/// The pass every frame ends with: blanking the cells wide characters cover, over a
/// 200×60 Korean frame of digits.
fn covered_cells(c: &mut Criterion) {
    backstep::text::catalog::set_language(backstep::text::catalog::Language::Korean);
    let mut app = load("digits").unwrap();
    app.update(Message::NextPhase);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal.draw(|frame| ui::render(frame, &app)).unwrap();
    let mut buffer = terminal.backend().buffer().clone();
    c.bench_function("clear_covered 200x60: digits in Korean", |b| {
        b.iter(|| ui::wrap::clear_covered(&mut buffer))
    });
    backstep::text::catalog::set_language(backstep::text::catalog::Language::English);
}

/// A frame of the decision boundary view at full speed: every frame follows new iterations,
/// so the grid over the input plane is computed again (circles, 2-8-1, at 120×40).
fn boundary_frames(c: &mut Criterion) {
    let mut app = load("circles").unwrap();
    app.update(Message::Toggle(backstep::tui::panel::Panel::Boundary));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function(
        "boundary frame 120x40: circles, a new iteration each",
        |b| {
            b.iter(|| {
                app.update(Message::FinishIteration);
                terminal
                    .draw(|frame| {
                        ui::render(frame, &app);
                        ui::wrap::clear_covered(frame.buffer_mut());
                    })
                    .unwrap();
            })
        },
    );
}

criterion_group!(benches, frames, covered_cells, boundary_frames);
criterion_main!(benches);
