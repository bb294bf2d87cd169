//! Compare mode's state: runs of the scenario that differ in one setting, moved in lockstep,
//! phase by phase, each with its own curves. Nothing here draws.

use super::run::Run;
use super::scenarios::Scenarios;
use crate::nn::{Cost, Stepper};
use crate::scenario::Scenario;
use crate::scenario::compare::EpochsToTarget;
use crate::words;

/// All runs and what they are compared on.
pub struct Comparison {
    /// The varied key as written, e.g. `loss` or `data.normalize`.
    pub setting: String,
    /// Two to four runs, one per value of the setting; their networks may differ in shape
    /// (when the layers are varied).
    pub runs: Vec<Run>,
    /// The cost the summary watches.
    pub target_cost: Cost,
    /// Its target.
    pub target: f64,
}

impl Comparison {
    /// The runs the scenario's `[compare]` table declares, all at their start; their data is
    /// read through `scenarios`.
    pub fn new(scenario: &Scenario, scenarios: &dyn Scenarios) -> Result<Comparison, String> {
        let c = scenario
            .comparison
            .as_ref()
            .ok_or_else(|| words!("view-compare-none", scenario = scenario.name.clone()))?;
        let runs = c
            .copies
            .iter()
            .zip(&c.labels)
            .map(|(copy, label)| {
                let setup = scenarios.setup(copy).map_err(|e| e.to_string())?;
                let target = EpochsToTarget::new(c.target_cost, c.target);
                Ok(Run::new(label.clone(), setup.stepper()).watching(target))
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Comparison {
            setting: c.setting.clone(),
            runs,
            target_cost: c.target_cost,
            target: c.target,
        })
    }

    /// The stepper of the run furthest along (the first of those): they move in lockstep
    /// and share the phase, except that a run a stop rule halted waits while the others go
    /// on, and the status line counts the epochs of those that go on.
    pub fn lead(&self) -> &Stepper {
        let furthest = (self.runs.iter()).fold(&self.runs[0], |lead, run| {
            if run.stepper.completed() > lead.stepper.completed() {
                run
            } else {
                lead
            }
        });
        &furthest.stepper
    }
}
