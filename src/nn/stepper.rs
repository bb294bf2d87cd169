//! The phase machine: one iteration stepped a phase at a time, forward and back.
//!
//! The stepper keeps a snapshot of the network and the schedule at the start of the current
//! iteration, and checkpoints of earlier iterations ([`History`]). Stepping back within an
//! iteration replays its phases up to the one before; stepping back into an earlier iteration
//! first recomputes that iteration's start from the nearest checkpoint through the fast path
//! (bit-identical to stepping), whatever ran the iterations in between: stepping, `n`, `e`,
//! auto-run or full speed. Every phase is deterministic, so the numbers are exactly the ones
//! shown the first time.
//!
//! Any of the last [`HISTORY_ITERATIONS`] iterations can be reached, with checkpoints in
//! about [`HISTORY_BYTES`] bytes: a checkpoint costs 8 bytes per weight and bias plus 300
//! bytes, plus the sample order (8 bytes a sample) when every epoch has its own. A 2-2-2
//! network keeps one every iteration (about 4 MB); `digits` (64-32-10 on 1 259 shuffled
//! samples) one every 18 iterations, so a step back replays at most 17.

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

/// How many iterations back stepping back reaches.
pub const HISTORY_ITERATIONS: usize = 10_000;
/// The bytes the checkpoints for them may take (plus two checkpoints).
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
    /// The start of the iteration before, kept for its buffers (and to go back to when the
    /// first phase of an iteration diverges).
    previous: Snapshot,
    loss: f64,
    costs_before: Costs,
    costs: Costs,
    validation_costs: Option<Costs>,
    history: History,
    /// What went non-finite while the last step back replayed phases (whole-set costs the
    /// fast path did not evaluate may overflow), if anything did.
    replayed: Option<Divergence>,
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
        let start = Snapshot {
            network: network.clone(),
            schedule: schedule.clone(),
        };
        let snapshot = start.checkpoint_bytes(training.shuffle);
        let history = History::new(HISTORY_ITERATIONS as u64, HISTORY_BYTES, snapshot);
        let mut stepper = Stepper {
            phases: Phase::sequence(network.depth()),
            start,
            previous: Snapshot {
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
            history,
            replayed: None,
        };
        (stepper.history).keep(&stepper.start.network, &stepper.start.schedule);
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
            previous: self.previous.clone(),
            loss: self.loss,
            costs_before: self.costs_before,
            costs: self.costs,
            validation_costs: self.validation_costs,
            history: History::none(),
            replayed: None,
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

    /// How many checkpoints the history keeps.
    pub fn history_len(&self) -> usize {
        self.history.len()
    }

    /// The bytes the history's checkpoints take.
    pub fn history_bytes(&self) -> usize {
        self.history.bytes()
    }

    /// Iterations between checkpoints: the most a step back into an earlier iteration
    /// replays.
    pub fn history_interval(&self) -> u64 {
        self.history.interval()
    }

    /// Reaches `iterations` back with checkpoints in about `bytes` bytes, keeping only the
    /// current iteration's start as a checkpoint.
    pub fn set_history_limits(&mut self, iterations: usize, bytes: usize) {
        let snapshot = self.start.checkpoint_bytes(self.training.shuffle);
        self.history = History::new(iterations as u64, bytes, snapshot);
        (self.history).keep(&self.start.network, &self.start.schedule);
    }

    /// Whether there is anything earlier to step back to.
    pub fn can_step_back(&self) -> bool {
        let completed = self.start.completed();
        self.index.is_some() || (completed > 0 && self.history.nearest(completed - 1).is_some())
    }

    /// What went non-finite in the phases the last step back replayed, if anything did: the
    /// view says so instead of showing `inf` as a number.
    pub fn replayed_divergence(&self) -> Option<&Divergence> {
        self.replayed.as_ref()
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
        self.replayed = None;
        let mut restore = None;
        let next = match self.index {
            None => 0,
            Some(i) if i + 1 < self.phases.len() => i + 1,
            Some(_) => {
                std::mem::swap(&mut self.start, &mut self.previous);
                self.start.network.copy_from(&self.network);
                self.start.schedule.clone_from(&self.schedule);
                self.history.keep(&self.start.network, &self.start.schedule);
                restore = Some(self.costs_before);
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
                if let Some(costs_before) = restore {
                    std::mem::swap(&mut self.start, &mut self.previous);
                    self.costs_before = costs_before;
                    self.replay(self.phases.len() - 1);
                } else if self.index.is_none() {
                    self.restore_start();
                } else {
                    self.replay(next - 1);
                }
                Err(divergence)
            }
        }
    }

    /// Undoes the last phase, across iteration and epoch boundaries as far as the history
    /// goes: from the first phase of an iteration to the end of the one before. Before the
    /// first phase of the oldest iteration in reach the stepper is at [`Phase::Start`],
    /// showing the network as that iteration found it. Returns false when there is nothing
    /// earlier to go back to.
    pub fn back(&mut self) -> bool {
        self.replayed = None;
        match self.index {
            Some(i) if i > 0 => {
                self.replay(i - 1);
                true
            }
            Some(_) => {
                if !self.end_of(self.start.completed()) {
                    self.restore_start();
                }
                true
            }
            None => self.end_of(self.start.completed()),
        }
    }

    /// Steps back a whole iteration (see [`Stepper::previous_iteration_end`]); false when
    /// that is out of reach.
    pub fn back_iteration(&mut self) -> bool {
        (self.previous_iteration_end()).is_some_and(|done| self.back_to(done))
    }

    /// Steps back a whole epoch (see [`Stepper::previous_epoch_end`]); false when that is out
    /// of reach.
    pub fn back_epoch(&mut self) -> bool {
        (self.previous_epoch_end()).is_some_and(|done| self.back_to(done))
    }

    /// Where a whole iteration back is, in iterations done: the end of the previous
    /// iteration, or from [`Phase::Start`] (the same weights as the end of the previous one)
    /// the end of the one before; 0 is the start of the first. None at the very start.
    pub fn previous_iteration_end(&self) -> Option<u64> {
        let completed = self.start.completed();
        match self.index {
            Some(_) => Some(completed),
            None => completed.checked_sub(1),
        }
    }

    /// Where a whole epoch back is, in iterations done: the end of the previous epoch, or
    /// from the start of an epoch the end of the one before. None in the first epoch's start.
    pub fn previous_epoch_end(&self) -> Option<u64> {
        let per_epoch = self.iterations_per_epoch() as u64;
        let end = (self.epoch() as u64 - 1) * per_epoch;
        match self.index {
            None if end == self.start.completed() => end.checked_sub(per_epoch),
            _ => Some(end),
        }
    }

    /// Whether the end of the iteration after which `done` iterations are complete (0: the
    /// start of the first) is within the history's reach.
    pub fn can_go_back_to(&self, done: u64) -> bool {
        self.history.nearest(done.saturating_sub(1)).is_some()
    }

    /// Goes to the end of the iteration after which `done` iterations are complete (0: the
    /// start of the first); false, changing nothing, when it is out of reach.
    pub fn back_to(&mut self, done: u64) -> bool {
        self.replayed = None;
        if done > 0 {
            return self.end_of(done);
        }
        match self.start_of(0) {
            Some(start) => {
                self.start = start;
                self.restore_start();
                true
            }
            None => false,
        }
    }

    /// Goes to [`Phase::Done`] of the iteration after which `done` iterations are complete;
    /// false, changing nothing, when `done` is 0 or out of reach.
    fn end_of(&mut self, done: u64) -> bool {
        let Some(start) = done.checked_sub(1).and_then(|c| self.start_of(c)) else {
            return false;
        };
        self.start = start;
        self.replay(self.phases.len() - 1);
        true
    }

    /// The start of the iteration after `completed` completed iterations, recomputed from
    /// the nearest checkpoint before it through the fast path (these iterations succeeded
    /// before, so they do again, bit for bit).
    fn start_of(&self, completed: u64) -> Option<Snapshot> {
        let checkpoint = self.history.nearest(completed)?;
        let mut trainer = Trainer::resume(
            checkpoint.network.clone(),
            self.training.clone(),
            checkpoint.schedule.clone(),
        );
        trainer
            .run(&self.train, completed - checkpoint.completed())
            .ok()?;
        Some(Snapshot {
            network: trainer.network,
            schedule: trainer.schedule,
        })
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
    /// the rest but the last go through the fast path (keeping the checkpoints on the way, so
    /// they can be stepped back into), and the last is stepped so that its phases can be read.
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
            let start = Snapshot {
                network: self.network.clone(),
                schedule: self.schedule.clone(),
            };
            let end = self.schedule.completed() + left - 1;
            self.start = self.run_fast(start, end);
            self.restore_start();
            left = 1;
        }
        if left == 1 {
            self.finish_iteration()?;
        }
        Ok(())
    }

    /// Trains from `from` through the fast path until `end` iterations are complete, keeping
    /// every checkpoint on the way, and returns where it got: `end`, or, when an iteration
    /// diverges, its start (stepping it then names the value exactly, as the stepper checks
    /// it).
    fn run_fast(&mut self, from: Snapshot, end: u64) -> Snapshot {
        let training = self.training.clone();
        let resume =
            |s: &Snapshot| Trainer::resume(s.network.clone(), training.clone(), s.schedule.clone());
        let mut trainer = resume(&from);
        while trainer.schedule.completed() < end {
            let completed = trainer.schedule.completed();
            let piece = self.history.next_checkpoint(completed).min(end) - completed;
            if trainer.run(&self.train, piece).is_err() {
                let good = trainer.schedule.completed() - from.completed();
                trainer = resume(&from);
                let _ = trainer.run(&self.train, good);
                break;
            }
            self.history.keep(&trainer.network, &trainer.schedule);
        }
        Snapshot {
            network: trainer.network,
            schedule: trainer.schedule,
        }
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
        self.replayed = None;
        for i in 0..=last {
            // These phases computed the same numbers before; only whole-set costs the fast
            // path skipped can turn out non-finite, and that is kept to be reported.
            if let Err(divergence) = self.run(i) {
                self.replayed.get_or_insert(divergence);
            }
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
                self.schedule.clone_from(&self.start.schedule);
                self.history.advance(&mut self.schedule);
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
