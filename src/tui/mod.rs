//! The stepping view: a terminal app on top of the core (ratatui + crossterm).
//!
//! The state and how messages change it ([`app`], with [`run`](mod@run), [`compare`], [`pace`],
//! [`views`] and [`selection`]) read no clock and no file, so any front end can drive them.
//! This module is the terminal's front end: its event loop turns keys and clicks into
//! messages, passes its clock to [`App::tick`], and reads scenarios from disk ([`disk`]);
//! [`ui`] draws the state into the areas [`layout`] gives each panel.

pub mod answer;
pub mod app;
pub mod compare;
pub mod curves;
pub mod disk;
pub mod focus;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod message;
pub mod pace;
pub mod panel;
pub mod practice;
pub mod run;
pub mod scenarios;
pub mod selection;
pub mod theme;
pub mod ui;
pub mod views;

use std::rc::Rc;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

pub use app::App;
pub use message::Message;

use crate::scenario::ScenarioError;
use disk::Disk;
use theme::Theme;

/// About 30 frames a second.
pub const FRAME: Duration = Duration::from_millis(33);

/// The app on a scenario read from disk (a file path or a built-in name), in colour unless
/// `NO_COLOR` is set.
pub fn load(source: &str) -> Result<App, ScenarioError> {
    let mut app = App::new(Rc::new(Disk), source)?;
    app.theme = Theme::from_env();
    Ok(app)
}

/// Runs the app until the user quits. The caller has loaded the scenario, so a bad one is
/// reported before the terminal is touched. The terminal is restored on return, on error
/// and on panic (ratatui's panic hook).
pub fn run(mut app: App) -> std::io::Result<()> {
    // ratatui's hook (installed by try_init, around this one) restores raw mode and the
    // screen; this one also turns mouse reporting off.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    let result = execute!(std::io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, &mut app));
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    let start = Instant::now();
    let clock = || start.elapsed();
    let mut next_tick = start + FRAME;
    while !app.quit {
        terminal.draw(|frame| {
            app.size = (frame.area().width, frame.area().height);
            ui::render(frame, app);
        })?;
        let timeout = next_tick.saturating_duration_since(Instant::now());
        if event::poll(timeout)? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    if let Some(message) = keymap::message_for(key, app.question().is_some()) {
                        app.update(message);
                    }
                }
                Event::Mouse(mouse) if mouse.kind == MouseEventKind::Down(MouseButton::Left) => {
                    app.update(Message::Click {
                        column: mouse.column,
                        row: mouse.row,
                    });
                }
                _ => {}
            }
        }
        let now = Instant::now();
        if now >= next_tick {
            app.tick(&clock);
            next_tick += FRAME;
            if next_tick < now {
                next_tick = now + FRAME;
            }
        }
    }
    Ok(())
}
