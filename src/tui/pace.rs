//! Auto-run's pacing: the speeds, which step is due on a tick, and the time budget of a tick at
//! full speed, measured on the front end's clock.

use std::time::Duration;

use crate::words;

/// How fast auto-run goes: every `every` ticks it performs `phases` phases or `iterations`
/// iterations; the last speed runs the fast path for most of each frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speed {
    /// Ticks between steps.
    pub every: u32,
    /// What one step does.
    pub pace: Pace,
}

/// What one auto-run step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// This many phases.
    Phases(u32),
    /// This many whole iterations.
    Iterations(u64),
    /// As many iterations as fit in [`FULL_SPEED_BUDGET`], through the fast path.
    Full,
}

/// The ticks in a second (one tick is about 1/30 s).
const TICKS_PER_SECOND: u64 = 30;

impl Speed {
    /// How fast it goes, in words for the status bar: "10 phases/s".
    pub fn label(&self) -> String {
        let per_second = |n: u64| (n * TICKS_PER_SECOND / u64::from(self.every)).to_string();
        match self.pace {
            Pace::Phases(n) => words!("view-speed-phases", count = per_second(n.into())),
            Pace::Iterations(n) => words!("view-speed-iterations", count = per_second(n)),
            Pace::Full => words!("view-speed-full"),
        }
    }
}

/// The auto-run speeds, slowest first.
pub const SPEEDS: &[Speed] = &[
    Speed {
        every: 15,
        pace: Pace::Phases(1),
    },
    Speed {
        every: 3,
        pace: Pace::Phases(1),
    },
    Speed {
        every: 1,
        pace: Pace::Iterations(1),
    },
    Speed {
        every: 1,
        pace: Pace::Iterations(100),
    },
    Speed {
        every: 1,
        pace: Pace::Full,
    },
];

/// The time a full-speed tick spends training before the screen is drawn again.
pub const FULL_SPEED_BUDGET: Duration = Duration::from_millis(25);

/// The iterations in the first chunk of a full-speed tick: fewer when several runs share it.
fn first_chunk(runs: usize) -> u64 {
    if runs == 1 { 256 } else { 64 }
}

/// The front end's clock: the time since a moment of its choosing. The app reads no clock of
/// its own (a browser has no `Instant::now`).
pub trait Clock {
    /// The time now.
    fn now(&self) -> Duration;
}

impl<F: Fn() -> Duration> Clock for F {
    fn now(&self) -> Duration {
        self()
    }
}

/// Whether auto-run is on, how fast, and the ticks since its last step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AutoRun {
    /// Whether auto-run is on.
    pub running: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    ticks: u32,
}

impl Default for AutoRun {
    /// Paused, at 10 phases a second.
    fn default() -> AutoRun {
        AutoRun {
            running: false,
            speed: 1,
            ticks: 0,
        }
    }
}

impl AutoRun {
    /// Starts or pauses, counting ticks afresh.
    pub fn toggle(&mut self) {
        self.running = !self.running;
        self.ticks = 0;
    }

    /// Pauses.
    pub fn pause(&mut self) {
        self.running = false;
    }

    /// One speed faster, up to full speed.
    pub fn faster(&mut self) {
        self.speed = (self.speed + 1).min(SPEEDS.len() - 1);
    }

    /// One speed slower, down to the slowest.
    pub fn slower(&mut self) {
        self.speed = self.speed.saturating_sub(1);
    }

    /// The current speed.
    pub fn current(&self) -> Speed {
        SPEEDS[self.speed]
    }

    /// Counts a tick; the pace of the step that is due now, if one is.
    pub fn due(&mut self) -> Option<Pace> {
        if !self.running {
            return None;
        }
        let speed = self.current();
        self.ticks += 1;
        if self.ticks < speed.every {
            return None;
        }
        self.ticks = 0;
        Some(speed.pace)
    }

    /// Auto-run for another scenario: paused, at the same speed.
    pub fn reopened(self) -> AutoRun {
        AutoRun {
            speed: self.speed,
            ..AutoRun::default()
        }
    }
}

/// One full-speed tick for `runs` runs moved together: `work(n)` moves every run `n`
/// iterations and says whether to go on; it is called until [`FULL_SPEED_BUDGET`] has passed
/// on `clock`, with chunks that double while one takes less than an eighth of a run's share of
/// the budget.
pub fn full_speed(clock: &dyn Clock, runs: usize, mut work: impl FnMut(u64) -> bool) {
    let runs = runs.max(1);
    let share = FULL_SPEED_BUDGET / runs as u32;
    let start = clock.now();
    let mut chunk = first_chunk(runs);
    while clock.now().saturating_sub(start) < FULL_SPEED_BUDGET {
        let before = clock.now();
        if !work(chunk) {
            return;
        }
        if clock.now().saturating_sub(before) < share / 8 {
            chunk = chunk.saturating_mul(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_step_is_due_every_few_ticks_and_only_while_running() {
        let mut auto = AutoRun::default();
        assert_eq!(auto.due(), None, "paused");
        auto.slower();
        auto.toggle();
        // 2 phases a second: one phase every 15th tick.
        let due: Vec<bool> = (0..30).map(|_| auto.due().is_some()).collect();
        let steps: Vec<usize> = (0..30).filter(|&i| due[i]).collect();
        assert_eq!(steps, [14, 29]);
        for _ in 0..10 {
            auto.faster();
        }
        assert_eq!(auto.current().pace, Pace::Full);
        assert_eq!(
            auto.reopened(),
            AutoRun {
                speed: 4,
                ..AutoRun::default()
            }
        );
    }

    #[test]
    fn full_speed_works_until_the_budget_is_spent_on_the_given_clock() {
        // A clock that moves 1 ms each time it is read.
        let time = Cell::new(Duration::ZERO);
        let clock = || {
            time.set(time.get() + Duration::from_millis(1));
            time.get()
        };
        let mut chunks = Vec::new();
        full_speed(&clock, 1, |n| {
            chunks.push(n);
            true
        });
        // The start is read at 1 ms; each round reads the clock three times (the check, before
        // and after the chunk), so the checks see 1, 4, …, 22 ms elapsed (8 rounds) and then
        // 25 ms, which ends the tick. A chunk takes 1 ms, under 25/8 ms, so each doubles.
        assert_eq!(chunks, [256, 512, 1024, 2048, 4096, 8192, 16384, 32768]);
        let mut calls = 0;
        full_speed(&clock, 2, |n| {
            calls += 1;
            assert_eq!(
                n, 64,
                "a smaller first chunk when two runs share the budget"
            );
            false
        });
        assert_eq!(calls, 1, "work that says stop stops the tick");
    }
}
