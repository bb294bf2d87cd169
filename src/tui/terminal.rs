//! The terminal's front end: sets the terminal up (raw mode, the alternate screen, the
//! mouse), runs the event loop that turns crossterm's keys and clicks into the app's, passes
//! the clock to [`Screen::tick`], and gives the terminal back on quitting, on a panic and on
//! a signal ([`signals`]).

use std::time::Instant;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

use super::key::{KeyCode, KeyEvent, KeyModifiers};
use super::signals::{self, Signal, Watch};
use super::{FRAME, Message, Screen, ui};

/// Runs the app (or a lesson) until the user quits. The caller has loaded the scenario, so
/// a bad one is reported before the terminal is touched. The terminal is restored on
/// return, on error, on panic (ratatui's panic hook) and on TERM, HUP and INT, after which
/// the process ends as the signal would have ended it (the lesson's progress kept first);
/// Ctrl-Z and TSTP suspend with the terminal restored, CONT takes it again.
pub fn run(mut app: impl Screen) -> std::io::Result<()> {
    let mut signals = Watch::new()?;
    signals::watchdog(|| {
        let _ = release();
    })?;
    // ratatui's hook (installed by try_init, around this one) restores raw mode and the
    // screen; this one also turns mouse reporting off.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    let result = execute!(std::io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, &mut app, &mut signals));
    let _ = release();
    match result? {
        Ending::Quit => Ok(()),
        Ending::Signal(signal) => {
            app.leave();
            signals::die(signal)
        }
    }
}

/// How the event loop ended.
enum Ending {
    /// The user quit.
    Quit,
    /// A signal (its number) asked the process to end.
    Signal(i32),
}

/// Gives the terminal back as it was: mouse reporting off, the normal screen, the cursor
/// shown, raw mode off. The escape codes go straight to file descriptor 1, not through
/// `Stdout`'s lock (held by the main thread for the whole run), so that the watchdog thread
/// can give the terminal back too.
fn release() -> std::io::Result<()> {
    use ratatui::crossterm::Command;
    use std::os::fd::AsFd;
    let mut codes = String::new();
    let _ = DisableMouseCapture.write_ansi(&mut codes);
    let _ = LeaveAlternateScreen.write_ansi(&mut codes);
    let _ = cursor::Show.write_ansi(&mut codes);
    let stdout = std::io::stdout();
    let mut bytes = codes.as_bytes();
    while !bytes.is_empty() {
        let written = rustix::io::write(stdout.as_fd(), bytes)?;
        bytes = &bytes[written..];
    }
    terminal::disable_raw_mode()
}

/// Takes the terminal again after a suspension (raw mode, the alternate screen, the mouse)
/// and clears it, so that the next frame redraws everything.
fn take(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()
}

/// Restores the terminal, stops until continued (`fg`), then takes the terminal again.
fn suspend(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    release()?;
    signals::stop();
    take(terminal)
}

/// Ctrl-Z: in raw mode the terminal sends it as a key, not as TSTP.
fn is_suspend(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('z') && key.modifiers == KeyModifiers::CONTROL
}

/// crossterm's key event as the app's [`KeyEvent`]: the keys the app reads, the others as
/// [`KeyCode::Other`]; Shift, Control and Alt, any other modifier as [`KeyModifiers::OTHER`].
fn key_of(key: event::KeyEvent) -> KeyEvent {
    use event::KeyCode as Code;
    use event::KeyModifiers as Held;
    let code = match key.code {
        Code::Char(c) => KeyCode::Char(c),
        Code::Left => KeyCode::Left,
        Code::Right => KeyCode::Right,
        Code::Up => KeyCode::Up,
        Code::Down => KeyCode::Down,
        Code::Backspace => KeyCode::Backspace,
        Code::Enter => KeyCode::Enter,
        Code::Esc => KeyCode::Esc,
        Code::PageUp => KeyCode::PageUp,
        Code::PageDown => KeyCode::PageDown,
        Code::Tab => KeyCode::Tab,
        _ => KeyCode::Other,
    };
    let named = [
        (Held::SHIFT, KeyModifiers::SHIFT),
        (Held::CONTROL, KeyModifiers::CONTROL),
        (Held::ALT, KeyModifiers::ALT),
    ];
    let mut modifiers = match key
        .modifiers
        .intersects(!(Held::SHIFT | Held::CONTROL | Held::ALT))
    {
        true => KeyModifiers::OTHER,
        false => KeyModifiers::NONE,
    };
    for (held, ours) in named {
        if key.modifiers.contains(held) {
            modifiers = modifiers | ours;
        }
    }
    KeyEvent::new(code, modifiers)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut impl Screen,
    signals: &mut Watch,
) -> std::io::Result<Ending> {
    let start = Instant::now();
    let clock = || start.elapsed();
    let mut next_tick = start + FRAME;
    while !app.quitting() {
        match signals.caught() {
            Some(Signal::Leave(signal)) => return Ok(Ending::Signal(signal)),
            Some(Signal::Suspend) => suspend(terminal)?,
            Some(Signal::Resume) => take(terminal)?,
            None => {}
        }
        terminal.draw(|frame| {
            app.draw(frame);
            ui::wrap::clear_covered(frame.buffer_mut());
        })?;
        let timeout = next_tick.saturating_duration_since(Instant::now());
        if event::poll(timeout)? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => match key_of(key) {
                    key if is_suspend(&key) => suspend(terminal)?,
                    key => app.key(key),
                },
                Event::Mouse(mouse) if mouse.kind == MouseEventKind::Down(MouseButton::Left) => {
                    app.click(Message::Click {
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
    Ok(Ending::Quit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode as Code, KeyModifiers as Held};

    #[test]
    fn crossterm_keys_become_the_app_keys() {
        let of = |code, held| key_of(event::KeyEvent::new(code, held));
        assert_eq!(
            of(Code::Char('c'), Held::CONTROL),
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            of(Code::Char('N'), Held::SHIFT),
            KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT)
        );
        assert_eq!(
            of(Code::Left, Held::NONE),
            KeyEvent::new(KeyCode::Left, KeyModifiers::NONE)
        );
        assert_eq!(of(Code::F(5), Held::NONE).code, KeyCode::Other);
        // Super+Space is not Space: no binding asks for Super.
        assert_ne!(
            of(Code::Char(' '), Held::SUPER).modifiers,
            KeyModifiers::NONE
        );
    }
}
