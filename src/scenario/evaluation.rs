//! The costs over the training and validation sets while a scenario trains, with the check
//! that they are still finite.

use super::Setup;
use crate::nn::divergence::non_finite_cost;
use crate::nn::evaluate::evaluate;
use crate::nn::{Costs, Divergence, Phase, Quantity, Trainer, Workspace};

/// The costs after one epoch of one copy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EpochCosts {
    /// Epochs completed (0 = the start).
    pub epoch: usize,
    /// Iterations completed.
    pub iteration: u64,
    /// Over the training set.
    pub train: Costs,
    /// Over the validation set, if one is held out.
    pub validation: Option<Costs>,
}

/// The costs over the training and validation sets during training, evaluated in one
/// workspace.
pub struct Evaluation<'a> {
    /// The scenario's data and training settings.
    setup: &'a Setup,
    /// Room for the larger of the two sets (a chunk at a time).
    workspace: Workspace,
}

impl Evaluation<'_> {
    /// Room to evaluate `setup`'s training and validation sets.
    pub fn new(setup: &Setup) -> Evaluation<'_> {
        let (train, validation) = (&setup.splits.train, &setup.splits.validation);
        Evaluation {
            setup,
            workspace: Workspace::for_evaluation(&setup.network, train.len().max(validation.len())),
        }
    }

    /// The trainer's costs after `epoch` epochs, whatever they are.
    pub fn point(&mut self, trainer: &Trainer, epoch: usize) -> EpochCosts {
        let (train_set, validation_set) = (&self.setup.splits.train, &self.setup.splits.validation);
        EpochCosts {
            epoch,
            iteration: trainer.schedule.completed(),
            train: evaluate(&trainer.network, train_set, &mut self.workspace),
            validation: (!validation_set.is_empty())
                .then(|| evaluate(&trainer.network, validation_set, &mut self.workspace)),
        }
    }

    /// The trainer's costs after `epoch` epochs, or the divergence when one is not finite.
    pub fn costs(&mut self, trainer: &Trainer, epoch: usize) -> Result<EpochCosts, Divergence> {
        let point = self.point(trainer, epoch);
        let found = non_finite_cost(&point.train, false)
            .or_else(|| non_finite_cost(point.validation.as_ref()?, true));
        match found {
            None => Ok(point),
            Some((quantity, value)) => Err(self.diverged(trainer, quantity, value)),
        }
    }

    /// The trainer's costs over the held-out test set (None when there is none), or the
    /// divergence when one is not finite.
    pub fn test(&self, trainer: &Trainer) -> Result<Option<Costs>, Divergence> {
        let test_set = &self.setup.splits.test;
        if test_set.is_empty() {
            return Ok(None);
        }
        let mut workspace = Workspace::for_evaluation(&trainer.network, test_set.len());
        let costs = evaluate(&trainer.network, test_set, &mut workspace);
        let found = costs.named().into_iter().find(|(_, v)| !v.is_finite());
        match found {
            None => Ok(Some(costs)),
            Some((cost, value)) => Err(self.diverged(trainer, Quantity::TestCost { cost }, value)),
        }
    }

    /// The divergence of a cost found after the trainer's last iteration.
    fn diverged(&self, trainer: &Trainer, quantity: Quantity, value: f64) -> Divergence {
        let last = trainer.schedule.last_completed();
        let (epoch, iteration) = last.unwrap_or((1, 1));
        Divergence {
            epoch,
            iteration,
            phase: if last.is_some() {
                Phase::Done
            } else {
                Phase::Start
            },
            quantity,
            value,
            learning_rate: self.setup.training.learning_rate,
            depth: trainer.network.depth(),
            inputs_standardized: self.setup.training.inputs_standardized,
        }
    }
}
