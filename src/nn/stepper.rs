//! The phase machine: one iteration stepped a phase at a time, forward and back.
//!
//! The stepper keeps a snapshot of the network and the schedule at the start of the current
//! iteration, and a bounded history of the snapshots of earlier iterations. Stepping back
//! restores a snapshot and replays the phases up to the one before, which gives back exactly
//! the earlier numbers, since every phase is deterministic.
//!
//! The history holds at most [`HISTORY_ITERATIONS`] iterations and at most
//! [`HISTORY_BYTES`] bytes of snapshots: one snapshot costs 8 bytes per weight and bias plus
//! about 300 bytes, and each epoch's sample order (8 bytes a sample) is paid for once when
//! shuffling gives every epoch its own (see [`History`]). A 2-2-2 network keeps the full
//! 10 000 iterations in about 4 MB; a 64-32-10 network about 850.

use std::sync::Arc;

use super::divergence::{
    Divergence, Quantity, first_non_finite, non_finite_cost, non_finite_parameter,
};
use super::evaluate::evaluate;
use super::fast::Trainer;
use super::history::{History, Snapshot};
use super::loss::Costs;
use super::network::Network;
use super::phase::Phase;
use super::schedule::Schedule;
use super::training::Training;
use super::workspace::Workspace;
use crate::data::Dataset;

/// The most iterations the history keeps.
pub const HISTORY_ITERATIONS: usize = 10_000;
/// The most bytes of snapshots the history keeps.
pub const HISTORY_BYTES: usize = 16 * 1024 * 1024;

/// Steps through training one phase at a time. Every phase's values are read from the
/// stepper: [`Stepper::workspace`] holds net, out, δ and gradients of the current batch,
/// [`Stepper::weights_before`] the weights at the start of the iteration and
/// [`Stepper::network`] the weights now.
#[derive(Clone, Debug)]
pub struct Stepper {
    training: Training,
    train: Arc<Dataset>,
    validation: Arc<Dataset>,
    network: Network,
    schedule: Schedule,
    workspace: Workspace,
    evaluation: Workspace,
    phases: Vec<Phase>,
    index: Option<usize>,
    start: Snapshot,
    loss: f64,
    costs_before: Costs,
    costs: Costs,
    validation_costs: Option<Costs>,
    history: History,
}

impl Stepper {
    /// A stepper at [`Phase::Start`]; `seed` drives the shuffles. `train` must not be empty.
    pub fn new(
        network: Network,
        training: Training,
        train: Dataset,
        validation: Dataset,
        seed: u64,
    ) -> Stepper {
        let schedule = Schedule::new(train.len(), training.batch_size, training.shuffle, seed);
        let workspace = Workspace::new(&network, schedule.batch_size());
        let evaluation = Workspace::for_evaluation(&network, train.len().max(validation.len()));
        let mut stepper = Stepper {
            phases: Phase::sequence(network.depth()),
            start: Snapshot {
                network: network.clone(),
                schedule: schedule.clone(),
            },
            training,
            train: Arc::new(train),
            validation: Arc::new(validation),
            network,
            schedule,
            workspace,
            evaluation,
            index: None,
            loss: f64::NAN,
            costs_before: Costs::default(),
            costs: Costs::default(),
            validation_costs: None,
            history: History::new(HISTORY_ITERATIONS, HISTORY_BYTES),
        };
        stepper.costs = stepper.evaluate_training();
        stepper.costs_before = stepper.costs;
        stepper.validation_costs = stepper.evaluate_validation();
        stepper
    }

    /// A copy at the same position without the undo history (it cannot step back): what a
    /// look ahead needs, at the cost of the weights, not of thousands of snapshots.
    pub fn lookahead(&self) -> Stepper {
        Stepper {
            training: self.training.clone(),
            train: Arc::clone(&self.train),
            validation: Arc::clone(&self.validation),
            network: self.network.clone(),
            schedule: self.schedule.clone(),
            workspace: self.workspace.clone(),
            evaluation: self.evaluation.clone(),
            phases: self.phases.clone(),
            index: self.index,
            start: self.start.clone(),
            loss: self.loss,
            costs_before: self.costs_before,
            costs: self.costs,
            validation_costs: self.validation_costs,
            history: History::new(1, 0),
        }
    }

    /// The current phase.
    pub fn phase(&self) -> Phase {
        self.index.map_or(Phase::Start, |i| self.phases[i])
    }

    /// The phases of one iteration.
    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    /// The network as it is now (updated layers already changed).
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// The network at the start of the current iteration.
    pub fn weights_before(&self) -> &Network {
        &self.start.network
    }

    /// The current batch's values; only what the phases so far computed is meaningful.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// How the network is trained.
    pub fn training(&self) -> &Training {
        &self.training
    }

    /// The training set.
    pub fn train_set(&self) -> &Dataset {
        &self.train
    }

    /// The validation set (empty when none is held out).
    pub fn validation_set(&self) -> &Dataset {
        &self.validation
    }

    /// The current iteration's epoch, 1-based.
    pub fn epoch(&self) -> usize {
        self.start.schedule.epoch()
    }

    /// The current iteration within its epoch, 1-based.
    pub fn iteration(&self) -> usize {
        self.start.schedule.iteration()
    }

    /// ⌈N / batch size⌉.
    pub fn iterations_per_epoch(&self) -> usize {
        self.start.schedule.iterations_per_epoch()
    }

    /// Iterations completed (the current one counts once it is done).
    pub fn completed(&self) -> u64 {
        self.schedule.completed()
    }

    /// The training-set indices of the current iteration's batch.
    pub fn samples(&self) -> &[usize] {
        self.start.schedule.batch()
    }

    /// The scenario's loss on the current batch before the update (from the Loss phase on).
    pub fn loss(&self) -> Option<f64> {
        self.reached(Phase::Loss).then_some(self.loss)
    }

    /// The five costs over the training set at the start of the current iteration.
    pub fn costs_before(&self) -> Costs {
        self.costs_before
    }

    /// The five costs over the training set after the last completed iteration.
    pub fn costs(&self) -> Costs {
        self.costs
    }

    /// The five costs over the validation set after the last completed iteration.
    pub fn validation_costs(&self) -> Option<Costs> {
        self.validation_costs
    }

    /// How many earlier iterations can be stepped back into.
    pub fn history_len(&self) -> usize {
        self.history.len()
    }

    /// The bytes the history's snapshots take.
    pub fn history_bytes(&self) -> usize {
        self.history.bytes()
    }

    /// Keeps at most `iterations` earlier iterations (at least 1) in at most `bytes` bytes,
    /// dropping the oldest.
    pub fn set_history_limits(&mut self, iterations: usize, bytes: usize) {
        self.history.set_limits(iterations, bytes);
    }

    /// Whether the current iteration has got as far as `phase`.
    pub fn reached(&self, phase: Phase) -> bool {
        match (self.index, self.phases.iter().position(|p| *p == phase)) {
            (Some(now), Some(wanted)) => now >= wanted,
            _ => phase == Phase::Start,
        }
    }

    /// Performs the next phase. At [`Phase::Done`] this begins the next iteration.
    /// A non-finite value leaves the stepper where it was and reports the divergence.
    pub fn step(&mut self) -> Result<(), Divergence> {
        let next = match self.index {
            None => 0,
            Some(i) if i + 1 < self.phases.len() => i + 1,
            Some(_) => {
                let start = Snapshot {
                    network: self.network.clone(),
                    schedule: self.schedule.clone(),
                };
                let previous = std::mem::replace(&mut self.start, start);
                self.history.push(previous);
                self.costs_before = self.costs;
                0
            }
        };
        match self.run(next) {
            Ok(()) => {
                self.index = Some(next);
                Ok(())
            }
            Err(divergence) => {
                if self.index.is_none() {
                    self.restore_start();
                } else if next == 0 {
                    if let Some(previous) = self.history.pop() {
                        self.start = previous;
                        self.replay(self.phases.len() - 1);
                    } else {
                        self.restore_start();
                    }
                } else {
                    self.replay(next - 1);
                }
                Err(divergence)
            }
        }
    }

    /// Undoes the last phase, across iteration and epoch boundaries as far as the history
    /// goes. Before the first phase of the oldest iteration in the history the stepper is at
    /// [`Phase::Start`], showing the network as that iteration found it. Returns false when
    /// there is nothing earlier to go back to.
    pub fn back(&mut self) -> bool {
        match self.index {
            None => match self.history.pop() {
                Some(previous) => {
                    self.start = previous;
                    self.replay(self.phases.len() - 1);
                    true
                }
                None => false,
            },
            Some(0) => {
                let previous = if self.start.schedule.completed() == 0 {
                    None
                } else {
                    self.history.pop()
                };
                match previous {
                    Some(previous) => {
                        self.start = previous;
                        self.replay(self.phases.len() - 1);
                    }
                    None => self.restore_start(),
                }
                true
            }
            Some(i) => {
                self.replay(i - 1);
                true
            }
        }
    }

    /// Steps to the end ([`Phase::Done`]) of the current iteration, or of the next one when
    /// already there.
    pub fn finish_iteration(&mut self) -> Result<(), Divergence> {
        self.step()?;
        while self.phase() != Phase::Done {
            self.step()?;
        }
        Ok(())
    }

    /// Steps to the end of the last iteration of the current epoch (or of the next epoch when
    /// already at the end of one).
    pub fn finish_epoch(&mut self) -> Result<(), Divergence> {
        self.finish_iteration()?;
        while self.iteration() != self.iterations_per_epoch() {
            self.finish_iteration()?;
        }
        Ok(())
    }

    /// Runs `iterations` whole iterations quickly: the current one is finished by stepping,
    /// the rest but the last go through the fast path, and the last is stepped so that its
    /// phases can be read. The history then starts afresh at the last iteration, since the
    /// fast path keeps no snapshots.
    pub fn fast_forward(&mut self, iterations: u64) -> Result<(), Divergence> {
        if iterations == 0 {
            return Ok(());
        }
        let mut left = iterations;
        if self.index.is_some() && self.phase() != Phase::Done {
            self.finish_iteration()?;
            left -= 1;
        }
        if left > 1 {
            let mut trainer = Trainer::resume(
                self.network.clone(),
                self.training.clone(),
                self.schedule.clone(),
            );
            if trainer.run(&self.train, left - 1).is_err() {
                // Redo the iterations that went well, then step through the one that did not,
                // so the stepper stands where the divergence happened and names it exactly.
                let good = trainer.schedule.completed() - self.schedule.completed();
                trainer = Trainer::resume(
                    self.network.clone(),
                    self.training.clone(),
                    self.schedule.clone(),
                );
                trainer.run(&self.train, good)?;
            }
            left = 1;
            self.network = trainer.network;
            self.schedule = trainer.schedule;
            self.history.clear();
            self.start = Snapshot {
                network: self.network.clone(),
                schedule: self.schedule.clone(),
            };
            self.restore_start();
        }
        if left == 1 {
            self.finish_iteration()?;
        }
        Ok(())
    }

    fn restore_start(&mut self) {
        self.network = self.start.network.clone();
        self.schedule = self.start.schedule.clone();
        self.index = None;
        self.costs = self.evaluate_training();
        self.costs_before = self.costs;
        self.validation_costs = self.evaluate_validation();
    }

    /// Restores the start of the current iteration and performs phases 0..=last again.
    fn replay(&mut self, last: usize) {
        self.network = self.start.network.clone();
        self.schedule = self.start.schedule.clone();
        self.costs_before = self.evaluate_training();
        self.validation_costs = self.evaluate_validation();
        for i in 0..=last {
            // These phases succeeded before; replaying them computes the same numbers.
            let _ = self.run(i);
        }
        if last + 1 < self.phases.len() {
            self.costs = self.costs_before;
        }
        self.index = Some(last);
    }

    fn run(&mut self, index: usize) -> Result<(), Divergence> {
        let ws = &mut self.workspace;
        let phase = self.phases[index];
        let found: Option<(Quantity, f64)> = match phase {
            Phase::Start => None,
            Phase::Forward(l) => {
                if l == 1 {
                    ws.load(&self.train, self.start.schedule.batch());
                }
                let batch = self.start.schedule.batch();
                if ws.forward(&self.network, l - 1) {
                    per_sample(&ws.out[l - 1], ws, batch, l, output)
                } else {
                    per_sample(&ws.net[l - 1], ws, batch, l, net)
                }
            }
            Phase::Loss => {
                self.loss = ws.loss(self.training.loss);
                (!self.loss.is_finite()).then_some((Quantity::Loss(self.training.loss), self.loss))
            }
            Phase::OutputDelta => {
                ws.output_delta(&self.network, self.training.loss);
                let l = self.network.depth();
                per_sample(&ws.delta[l - 1], ws, self.start.schedule.batch(), l, delta)
            }
            Phase::HiddenDelta(l) => {
                ws.hidden_delta(&self.network, l - 1);
                per_sample(&ws.delta[l - 1], ws, self.start.schedule.batch(), l, delta)
            }
            Phase::Gradients => {
                ws.gradients(&self.network);
                ws.grad_weights.iter().enumerate().find_map(|(i, g)| {
                    first_non_finite(g.as_slice(), g.nrows()).map(|(row, col, v)| {
                        let layer = i + 1;
                        (Quantity::Gradient { layer, row, col }, v)
                    })
                })
            }
            Phase::Update(l) => {
                if ws.update(&mut self.network, l - 1, self.training.learning_rate) {
                    None
                } else {
                    non_finite_parameter(&self.network, l)
                }
            }
            Phase::Done => {
                self.schedule = self.start.schedule.clone();
                self.schedule.advance();
                self.costs = self.evaluate_training();
                self.validation_costs = self.evaluate_validation();
                non_finite_cost(&self.costs, false)
                    .or_else(|| non_finite_cost(self.validation_costs.as_ref()?, true))
            }
        };
        match found {
            None => Ok(()),
            Some((quantity, value)) => Err(Divergence {
                epoch: self.epoch(),
                iteration: self.iteration(),
                phase,
                quantity,
                value,
                learning_rate: self.training.learning_rate,
                depth: self.network.depth(),
                inputs_standardized: self.training.inputs_standardized,
            }),
        }
    }

    fn evaluate_training(&mut self) -> Costs {
        evaluate(&self.network, &self.train, &mut self.evaluation)
    }

    fn evaluate_validation(&mut self) -> Option<Costs> {
        (!self.validation.is_empty())
            .then(|| evaluate(&self.network, &self.validation, &mut self.evaluation))
    }
}

/// The first non-finite value of a per-sample buffer of layer l, as a [`Quantity`] made by
/// `what` from the layer, the neuron and the sample's training-set position.
fn per_sample(
    values: &nalgebra::DMatrix<f64>,
    ws: &Workspace,
    batch: &[usize],
    l: usize,
    what: fn(usize, usize, usize) -> Quantity,
) -> Option<(Quantity, f64)> {
    first_non_finite(ws.used(values), values.nrows()).map(|(r, c, v)| (what(l, r, batch[c]), v))
}

fn net(layer: usize, neuron: usize, sample: usize) -> Quantity {
    Quantity::Net {
        layer,
        neuron,
        sample,
    }
}

fn output(layer: usize, neuron: usize, sample: usize) -> Quantity {
    Quantity::Output {
        layer,
        neuron,
        sample,
    }
}

fn delta(layer: usize, neuron: usize, sample: usize) -> Quantity {
    Quantity::Delta {
        layer,
        neuron,
        sample,
    }
}
