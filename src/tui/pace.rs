//! Auto-run's pacing: the speeds, which step is due on a tick, and the time budget of a tick at
//! full speed, measured on the front end's clock.

use std::time::Duration;

use crate::words;

/// How fast auto-run goes: `per_second` phases or iterations a second, or full speed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speed {
    /// Steps a second (unused at full speed).
    pub per_second: u64,
    /// What a step is: `Pace::Phases(1)`, `Pace::Iterations(1)` or `Pace::Full`.
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
pub const TICKS_PER_SECOND: u64 = 30;

/// `n` with its digits in groups of three, e.g. `10,000`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Speed {
    /// How fast it goes, in words for the status bar: "10 phases/s".
    pub fn label(&self) -> String {
        let count = grouped(self.per_second);
        match self.pace {
            Pace::Phases(_) => words!("view-speed-phases", count = count, n = self.per_second),
            Pace::Iterations(_) => {
                words!("view-speed-iterations", count = count, n = self.per_second)
            }
            Pace::Full => words!("view-speed-full"),
        }
    }

    /// The steps due on tick `tick` of a second (1 to [`TICKS_PER_SECOND`]): spread so that
    /// the ticks of a second take exactly `per_second` steps.
    fn steps_on(&self, tick: u64) -> u64 {
        let by = |t: u64| t * self.per_second / TICKS_PER_SECOND;
        by(tick) - by(tick - 1)
    }
}

/// A speed of `per_second` phases a second.
const fn phases(per_second: u64) -> Speed {
    Speed {
        per_second,
        pace: Pace::Phases(1),
    }
}

/// A speed of `per_second` iterations a second.
const fn iterations(per_second: u64) -> Speed {
    Speed {
        per_second,
        pace: Pace::Iterations(1),
    }
}

/// The auto-run speeds, slowest first: phases a second 1, 3, 10; iterations a second 1, 10,
/// 100, 1 000, 10 000; then full speed.
pub const SPEEDS: &[Speed] = &[
    phases(1),
    phases(3),
    phases(10),
    iterations(1),
    iterations(10),
    iterations(100),
    iterations(1_000),
    iterations(10_000),
    Speed {
        per_second: 0,
        pace: Pace::Full,
    },
];

/// The speed auto-run starts at: 10 phases a second.
const DEFAULT_SPEED: usize = 2;

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
    /// Ticks into the current second (0 to [`TICKS_PER_SECOND`] − 1).
    ticks: u64,
}

impl Default for AutoRun {
    /// Paused, at 10 phases a second.
    fn default() -> AutoRun {
        AutoRun {
            running: false,
            speed: DEFAULT_SPEED,
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

    /// Counts a tick; the steps that are due now, if any are: at full speed a full-speed
    /// tick, else the phases or iterations that keep the second at its rate.
    pub fn due(&mut self) -> Option<Pace> {
        if !self.running {
            return None;
        }
        let speed = self.current();
        self.ticks = self.ticks % TICKS_PER_SECOND + 1;
        let n = speed.steps_on(self.ticks);
        match speed.pace {
            Pace::Full => Some(Pace::Full),
            _ if n == 0 => None,
            Pace::Phases(_) => Some(Pace::Phases(n as u32)),
            Pace::Iterations(_) => Some(Pace::Iterations(n)),
        }
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

    /// The phases or iterations taken over `ticks` ticks, tick by tick.
    fn steps(auto: &mut AutoRun, ticks: usize) -> Vec<u64> {
        (0..ticks)
            .map(|_| match auto.due() {
                None => 0,
                Some(Pace::Phases(n)) => n.into(),
                Some(Pace::Iterations(n)) => n,
                Some(Pace::Full) => panic!("not at full speed"),
            })
            .collect()
    }

    #[test]
    fn plus_goes_up_one_speed_at_a_time_and_minus_back_down_clamped_at_both_ends() {
        let mut auto = AutoRun::default();
        assert_eq!(auto.current().label(), "10 phases/s", "the default");
        while auto.speed > 0 {
            auto.slower();
        }
        auto.slower();
        assert_eq!(auto.speed, 0, "clamped at the slowest");
        let mut up = vec![auto.current().label()];
        for _ in 0..9 {
            auto.faster();
            up.push(auto.current().label());
        }
        let expected = [
            "1 phase/s",
            "3 phases/s",
            "10 phases/s",
            "1 iteration/s",
            "10 iterations/s",
            "100 iterations/s",
            "1,000 iterations/s",
            "10,000 iterations/s",
            "full speed",
            "full speed",
        ];
        assert_eq!(up, expected, "+ from the slowest, clamped at full speed");
        let mut down = vec![auto.current().label()];
        for _ in 0..9 {
            auto.slower();
            down.push(auto.current().label());
        }
        let mut reversed = expected[..9].to_vec();
        reversed.reverse();
        reversed.push("1 phase/s");
        assert_eq!(down, reversed, "- back down, clamped at the slowest");
    }

    #[test]
    fn each_speed_takes_exactly_its_rate_in_a_second_of_ticks_spread_evenly() {
        let mut auto = AutoRun::default();
        assert_eq!(auto.due(), None, "paused");
        // Rate r over 30 ticks: tick k takes floor(k·r/30) − floor((k−1)·r/30).
        let expected: [(u64, Vec<usize>); 8] = [
            (1, vec![29]),
            (3, vec![9, 19, 29]),
            (10, (0..10).map(|i| 3 * i + 2).collect()),
            (1, vec![29]),
            (10, (0..10).map(|i| 3 * i + 2).collect()),
            (100, Vec::new()),
            (1000, Vec::new()),
            (10000, Vec::new()),
        ];
        auto.speed = 0;
        auto.toggle();
        for (speed, (rate, ticks)) in expected.into_iter().enumerate() {
            auto.speed = speed;
            let seconds = steps(&mut auto, 60);
            assert_eq!(seconds[..30].iter().sum::<u64>(), rate, "speed {speed}");
            assert_eq!(seconds[30..], seconds[..30], "every second alike");
            let taken: Vec<usize> = (0..30).filter(|&t| seconds[t] > 0).collect();
            if rate <= 30 {
                assert_eq!(taken, ticks, "speed {speed}: one step on these ticks");
                assert!(seconds.iter().all(|&n| n <= 1));
            } else {
                let (low, high) = (rate / 30, rate / 30 + 1);
                assert!(
                    seconds.iter().all(|&n| n == low || n == high),
                    "{seconds:?}"
                );
            }
            auto.toggle();
            auto.toggle();
        }
        // 10 000 a second: 333 or 334 a tick; 10 ticks of 334 (10000 − 30·333 = 10).
        auto.speed = 7;
        let second = steps(&mut auto, 30);
        assert_eq!(second.iter().filter(|&&n| n == 334).count(), 10);
        assert_eq!(second.iter().filter(|&&n| n == 333).count(), 20);
        auto.speed = 1;
        assert_eq!(auto.due(), None);
        auto.faster();
        auto.faster();
        auto.faster();
        auto.faster();
        auto.faster();
        auto.faster();
        auto.faster();
        assert_eq!(auto.due(), Some(Pace::Full));
        assert_eq!(
            auto.reopened(),
            AutoRun {
                speed: 8,
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
