//! The signals the terminal front end answers: `kill` (TERM, HUP, INT) leaves with the
//! terminal restored, TSTP (`kill -TSTP`; Ctrl-Z arrives as a key in raw mode) suspends,
//! CONT (`fg`) comes back. The handlers only note the signal; the event loop reads the notes
//! between frames ([`Watch::caught`]), so the terminal is restored by ordinary code. A
//! [`watchdog`] thread ends the process where the event loop cannot notice: crossterm's
//! reader spins forever on a terminal that has gone away (crossterm-rs/crossterm#793).

use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use signal_hook::low_level::emulate_default_handler;

/// What a signal asks of the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// Leave now (the signal's number): TERM, HUP or INT.
    Leave(i32),
    /// Restore the terminal and stop (TSTP).
    Suspend,
    /// Take the terminal again and redraw everything (CONT).
    Resume,
}

/// The signals caught since the last look, from the moment it is made until it is dropped.
pub struct Watch(Signals);

impl Watch {
    /// Catches TERM, HUP, INT, TSTP and CONT (until dropped).
    pub fn new() -> std::io::Result<Watch> {
        Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT]).map(Watch)
    }

    /// The most pressing signal caught since the last look: leaving comes before anything.
    pub fn caught(&mut self) -> Option<Signal> {
        let meaning = |signal: i32| match signal {
            SIGTSTP => Signal::Suspend,
            SIGCONT => Signal::Resume,
            other => Signal::Leave(other),
        };
        self.0.pending().map(meaning).min_by_key(|s| match s {
            Signal::Leave(_) => 0,
            Signal::Suspend => 1,
            Signal::Resume => 2,
        })
    }
}

/// How often the watchdog looks for a leaving signal or a terminal that has gone.
const LOOK: Duration = Duration::from_millis(200);

/// How long a leaving signal waits for the event loop to leave in order (the terminal
/// restored, a lesson's place kept) before the watchdog ends the process itself.
const GRACE: Duration = Duration::from_millis(500);

/// Starts a thread that ends the process as HUP would when the terminal hangs up (its
/// window closed: no HUP need reach us, and crossterm's reader then spins without
/// returning), and as TERM, HUP or INT would when the event loop has not left [`GRACE`]
/// after one; `restore` gives back what it can of the terminal first.
pub fn watchdog(restore: fn()) -> std::io::Result<()> {
    let mut leaving = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("watchdog".into())
        .spawn(move || {
            loop {
                std::thread::sleep(LOOK);
                if hung_up() {
                    restore();
                    die(SIGHUP);
                }
                if let Some(signal) = leaving.pending().next() {
                    std::thread::sleep(GRACE);
                    restore();
                    die(signal);
                }
            }
        })?;
    Ok(())
}

/// Whether the terminal on stdin has hung up (or stdin is closed).
fn hung_up() -> bool {
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
    let ready = poll(&mut fds, Some(&Timespec::default())).unwrap_or(0);
    ready > 0
        && fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}

/// Stops the process as TSTP would without a handler; returns once continued (`fg`).
pub fn stop() {
    let _ = emulate_default_handler(SIGTSTP);
}

/// Ends the process as `signal` would without a handler, so that the shell sees it (status
/// 128 + the signal's number); exits with that status if the signal does not end it.
pub fn die(signal: i32) -> ! {
    let _ = emulate_default_handler(signal);
    std::process::exit(128 + signal)
}
