//! Which samples each iteration uses: training modes, epochs and seeded shuffling.

use std::sync::Arc;

use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::random::{Stream, generator, shuffle};

/// How many samples one update uses.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Mode {
    /// One update per pass over the whole training set.
    Batch,
    /// One update per sample.
    Sgd,
    /// One update per `batch_size` samples; the last batch of an epoch may be smaller.
    MiniBatch,
}

impl Mode {
    /// The name used in scenario files.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// The order of the training samples and the position in it.
///
/// An iteration is one update; an epoch is one pass; iterations per epoch = ⌈N / batch size⌉.
/// With shuffling on, each epoch's order is a fresh shuffle drawn from a generator seeded by
/// the scenario's seed, so the same scenario gives the same order on every run.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    batch_size: usize,
    shuffle: bool,
    rng: ChaCha8Rng,
    order: Arc<Vec<usize>>,
    epoch: usize,
    iteration: usize,
    cursor: usize,
    completed: u64,
}

impl Schedule {
    /// A schedule over `samples` samples (≥ 1), at the start of epoch 1.
    pub fn new(samples: usize, batch_size: usize, shuffle: bool, seed: u64) -> Schedule {
        let rng = generator(seed, Stream::Shuffle);
        let mut schedule = Schedule {
            batch_size: batch_size.clamp(1, samples.max(1)),
            shuffle,
            rng,
            order: Arc::new((0..samples).collect()),
            epoch: 1,
            iteration: 1,
            cursor: 0,
            completed: 0,
        };
        schedule.reshuffle(&mut None);
        schedule
    }

    /// Draws the next epoch's order. When the current order is shared (kept by checkpoints),
    /// the new one is written into `spare` if it holds an unshared order of the same length,
    /// and into a fresh copy otherwise.
    fn reshuffle(&mut self, spare: &mut Option<Arc<Vec<usize>>>) {
        if !self.shuffle {
            return;
        }
        if Arc::get_mut(&mut self.order).is_none()
            && let Some(mut reused) = spare.take()
            && let Some(order) = Arc::get_mut(&mut reused)
            && order.len() == self.order.len()
        {
            order.copy_from_slice(&self.order);
            self.order = reused;
        }
        let order: &mut Vec<usize> = Arc::make_mut(&mut self.order);
        shuffle(&mut self.rng, order);
    }

    /// Its sample order, when nothing else shares it: a buffer for [`Schedule::advance_reusing`].
    pub fn into_unshared_order(self) -> Option<Arc<Vec<usize>>> {
        (Arc::strong_count(&self.order) == 1).then_some(self.order)
    }

    /// The training-set indices of the current iteration's batch.
    pub fn batch(&self) -> &[usize] {
        let end = (self.cursor + self.batch_size).min(self.order.len());
        &self.order[self.cursor..end]
    }

    /// The number of samples per update (the last batch of an epoch may hold fewer).
    pub fn batch_size(&self) -> usize {
        self.batch_size
    }

    /// The current epoch, 1-based.
    pub fn epoch(&self) -> usize {
        self.epoch
    }

    /// The current iteration within its epoch, 1-based.
    pub fn iteration(&self) -> usize {
        self.iteration
    }

    /// ⌈N / batch size⌉.
    pub fn iterations_per_epoch(&self) -> usize {
        self.order.len().div_ceil(self.batch_size)
    }

    /// The epoch and iteration (1-based) of the last completed iteration, if any.
    pub fn last_completed(&self) -> Option<(usize, usize)> {
        match (self.completed, self.iteration) {
            (0, _) => None,
            (_, 1) => Some((self.epoch - 1, self.iterations_per_epoch())),
            (_, i) => Some((self.epoch, i - 1)),
        }
    }

    /// Whether `other` holds the very same sample order (not a copy).
    pub fn shares_order(&self, other: &Schedule) -> bool {
        Arc::ptr_eq(&self.order, &other.order)
    }

    /// The bytes the sample order takes.
    pub fn order_bytes(&self) -> usize {
        self.order.len() * std::mem::size_of::<usize>()
    }

    /// The number of iterations completed since the start.
    pub fn completed(&self) -> u64 {
        self.completed
    }

    /// Moves past the current batch; returns true when that ended an epoch.
    pub fn advance(&mut self) -> bool {
        self.advance_reusing(&mut None)
    }

    /// [`Schedule::advance`], drawing a new epoch's order into `spare` (an order from
    /// [`Schedule::into_unshared_order`]) rather than a new allocation when it can.
    pub fn advance_reusing(&mut self, spare: &mut Option<Arc<Vec<usize>>>) -> bool {
        self.completed += 1;
        self.cursor += self.batch_size;
        if self.cursor >= self.order.len() {
            self.cursor = 0;
            self.iteration = 1;
            self.epoch += 1;
            self.reshuffle(spare);
            true
        } else {
            self.iteration += 1;
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mini_batches_cover_an_epoch_with_a_smaller_last_batch() {
        let mut s = Schedule::new(25, 10, false, 0);
        assert_eq!(s.iterations_per_epoch(), 3);
        assert_eq!(s.batch(), (0..10).collect::<Vec<_>>().as_slice());
        assert!(!s.advance());
        assert_eq!((s.epoch(), s.iteration()), (1, 2));
        assert!(!s.advance());
        assert_eq!(s.batch(), &[20, 21, 22, 23, 24]);
        assert!(s.advance());
        assert_eq!((s.epoch(), s.iteration(), s.completed()), (2, 1, 3));
    }

    #[test]
    fn the_lesson_example_has_100_iterations_per_epoch() {
        assert_eq!(Schedule::new(1000, 10, true, 0).iterations_per_epoch(), 100);
    }

    #[test]
    fn shuffled_epochs_differ_but_repeat_with_the_seed() {
        let first = |seed| Schedule::new(20, 20, true, seed).batch().to_vec();
        assert_eq!(first(4), first(4));
        let mut s = Schedule::new(20, 20, true, 4);
        let one = s.batch().to_vec();
        s.advance();
        assert_ne!(one, s.batch());
        let mut sorted = one.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
    }
}
