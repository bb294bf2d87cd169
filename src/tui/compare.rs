//! Compare mode's state: copies of the scenario that differ in one setting, stepped in
//! lockstep, phase by phase, each with its own curves. Nothing here draws.

use std::time::Instant;

use super::app::{FULL_SPEED_BUDGET, Pace};
use super::curves::{Curves, Point};
use crate::nn::{Cost, Divergence, Stepper};
use crate::scenario::Scenario;
use crate::text::divergence::describe;

/// One copy of the network.
pub struct Copy {
    /// What differs, e.g. `mse`.
    pub label: String,
    /// Its phase machine.
    pub stepper: Stepper,
    /// Its costs after every completed iteration.
    pub curves: Curves,
}

impl Copy {
    fn record(&mut self) {
        let s = &self.stepper;
        let completed = s.completed();
        self.curves.push(Point {
            iteration: completed,
            epoch: completed as f64 / s.iterations_per_epoch() as f64,
            train: s.costs(),
            validation: s.validation_costs(),
        });
    }

    /// The first epoch (fractional) at which the training cost `cost` was at most `target`.
    pub fn reached(&self, cost: Cost, target: f64) -> Option<f64> {
        self.curves.first_below(cost, target)
    }
}

/// All copies and what they are compared on.
pub struct Comparison {
    /// The varied setting, e.g. `loss`.
    pub setting: String,
    /// Two to four copies.
    pub copies: Vec<Copy>,
    /// The cost the summary watches.
    pub target_cost: Cost,
    /// Its target.
    pub target: f64,
}

impl Comparison {
    /// The copies the scenario's `[compare]` table declares, all at their start.
    pub fn new(scenario: &Scenario) -> Result<Comparison, String> {
        let c = scenario.comparison.as_ref().ok_or_else(|| {
            format!(
                "{} declares no [compare] table; try the built-ins mse-vs-ce, gd-modes or cost-table",
                scenario.name
            )
        })?;
        let copies = c
            .values
            .iter()
            .map(|v| {
                let stepper = scenario
                    .varied(v)
                    .setup()
                    .map_err(|e| e.to_string())?
                    .stepper();
                let mut copy = Copy {
                    label: v.to_string(),
                    stepper,
                    curves: Curves::default(),
                };
                copy.record();
                Ok(copy)
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Comparison {
            setting: c.setting.clone(),
            copies,
            target_cost: c.target_cost,
            target: c.target,
        })
    }

    /// The first copy's stepper (they share the phase).
    pub fn lead(&self) -> &Stepper {
        &self.copies[0].stepper
    }

    /// Runs `action` on every copy, recording a point for each that completed iterations.
    /// A divergence is reported with its copy's label; the other copies still move.
    fn each(
        &mut self,
        mut action: impl FnMut(&mut Stepper) -> Result<(), Divergence>,
    ) -> Result<(), String> {
        let mut problems = Vec::new();
        for copy in &mut self.copies {
            let before = copy.stepper.completed();
            let result = action(&mut copy.stepper);
            if copy.stepper.completed() != before && copy.stepper.phase() == crate::nn::Phase::Done
            {
                copy.record();
            }
            if let Err(e) = result {
                problems.push(format!("{}: {}", copy.label, describe(&e)));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    }

    /// The next phase, on every copy.
    pub fn step(&mut self) -> Result<(), String> {
        self.each(Stepper::step)
    }

    /// Undoes a phase on every copy; false when the copies cannot all go back.
    pub fn back(&mut self) -> bool {
        if self
            .copies
            .iter()
            .any(|c| c.stepper.history_len() == 0 && c.stepper.phase() == crate::nn::Phase::Start)
        {
            return false;
        }
        let mut all = true;
        for copy in &mut self.copies {
            all &= copy.stepper.back();
            copy.curves.truncate_after(copy.stepper.completed());
        }
        all
    }

    /// Finishes the iteration on every copy.
    pub fn finish_iteration(&mut self) -> Result<(), String> {
        self.each(Stepper::finish_iteration)
    }

    /// Finishes each copy's epoch (copies with smaller batches take more iterations).
    pub fn finish_epoch(&mut self) -> Result<(), String> {
        let mut problems = Vec::new();
        for copy in &mut self.copies {
            loop {
                if let Err(e) = copy.stepper.finish_iteration() {
                    problems.push(format!("{}: {}", copy.label, describe(&e)));
                    break;
                }
                copy.record();
                let s = &copy.stepper;
                if s.iteration() == s.iterations_per_epoch() {
                    break;
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    }

    /// One auto-run step at `pace`.
    pub fn advance(&mut self, pace: Pace) -> Result<(), String> {
        match pace {
            Pace::Phases(n) => {
                for _ in 0..n {
                    self.step()?;
                }
                Ok(())
            }
            Pace::Iterations(n) => {
                for _ in 0..n {
                    self.finish_iteration()?;
                }
                Ok(())
            }
            Pace::Full => {
                let start = Instant::now();
                let share = FULL_SPEED_BUDGET / self.copies.len() as u32;
                let mut chunk = 64u64;
                while start.elapsed() < FULL_SPEED_BUDGET {
                    let before = Instant::now();
                    self.each(|s| s.fast_forward(chunk))?;
                    if before.elapsed() < share / 8 {
                        chunk = chunk.saturating_mul(2);
                    }
                }
                Ok(())
            }
        }
    }
}
