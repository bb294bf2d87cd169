//! The checkpoints that stepping back replays from.
//!
//! Every phase is deterministic and the sample order is seeded, so the start of any earlier
//! iteration can be recomputed from an earlier state by training forward again (the fast path
//! ends on the stepper's weights bit for bit). The history keeps the start of every
//! `interval`-th iteration as a checkpoint, far enough back to reach any of the last `reach`
//! iterations, with the interval chosen so that those checkpoints fit in a number of bytes.

use std::collections::VecDeque;
use std::sync::Arc;

use super::network::Network;
use super::schedule::Schedule;

/// The state at the start of an iteration.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The weights and biases.
    pub network: Network,
    /// The position in the sample order, and the order itself (shared between the snapshots
    /// of one epoch).
    pub schedule: Schedule,
}

impl Snapshot {
    /// The iterations completed before it.
    pub fn completed(&self) -> u64 {
        self.schedule.completed()
    }

    /// What a checkpoint like it costs: its numbers, and a sample order of its own when
    /// every epoch shuffles one (an order that never changes is shared by all).
    pub fn checkpoint_bytes(&self, shuffled: bool) -> usize {
        let order = if shuffled {
            self.schedule.order_bytes()
        } else {
            0
        };
        self.bytes() + order
    }

    /// The bytes of its numbers: 8 a weight and bias, and [`OVERHEAD`].
    fn bytes(&self) -> usize {
        let numbers: usize = (self.network.layers.iter())
            .map(|l| l.weights.len() + l.biases.len())
            .sum();
        8 * numbers + OVERHEAD
    }
}

/// Bytes a snapshot costs besides its numbers.
const OVERHEAD: usize = 300;

/// Checkpoints at the starts of iterations whose count of completed iterations is a multiple
/// of the interval, oldest first: enough to reach any of the last `reach` iterations by
/// replaying fewer than `interval` iterations from one of them.
#[derive(Clone, Debug)]
pub struct History {
    checkpoints: VecDeque<Snapshot>,
    interval: u64,
    reach: u64,
    /// The sample order of a forgotten epoch, kept to draw a new epoch's order into.
    spare_order: Option<Arc<Vec<usize>>>,
}

impl History {
    /// A history that reaches `reach` iterations back with checkpoints of `snapshot_bytes`
    /// bytes each (weights, biases and, when every epoch has its own sample order, that order)
    /// in about `max_bytes`: the interval is the smallest that fits, at least 1. With its
    /// checkpoint before the reach and the newest, it holds at most `max_bytes` plus two
    /// snapshots.
    pub fn new(reach: u64, max_bytes: usize, snapshot_bytes: usize) -> History {
        let wanted = reach as u128 * snapshot_bytes as u128;
        let interval = wanted
            .div_ceil(max_bytes.max(1) as u128)
            .clamp(1, reach.max(1) as u128);
        History {
            checkpoints: VecDeque::new(),
            interval: interval as u64,
            reach,
            spare_order: None,
        }
    }

    /// A history that keeps nothing: stepping back stays within the current iteration.
    pub fn none() -> History {
        History {
            checkpoints: VecDeque::new(),
            interval: u64::MAX,
            reach: 0,
            spare_order: None,
        }
    }

    /// Iterations between checkpoints.
    pub fn interval(&self) -> u64 {
        self.interval
    }

    /// The number of checkpoints kept.
    pub fn len(&self) -> usize {
        self.checkpoints.len()
    }

    /// Whether no checkpoint is kept.
    pub fn is_empty(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// The bytes the checkpoints take: their numbers, and each sample order once.
    pub fn bytes(&self) -> usize {
        let mut bytes = 0;
        for (i, snapshot) in self.checkpoints.iter().enumerate() {
            bytes += snapshot.bytes();
            let shared = i > 0
                && self.checkpoints[i - 1]
                    .schedule
                    .shares_order(&snapshot.schedule);
            if !shared {
                bytes += snapshot.schedule.order_bytes();
            }
        }
        bytes
    }

    /// Keeps the start of an iteration, `network` and `schedule`, as the newest checkpoint
    /// when it is one still to keep (on the interval, newer than every checkpoint), and
    /// forgets the checkpoints no longer needed to reach `reach` iterations back from it. The
    /// oldest checkpoint's buffers are reused once the history is full, so that keeping
    /// checkpoints allocates nothing at full speed.
    pub fn keep(&mut self, network: &Network, schedule: &Schedule) {
        let completed = schedule.completed();
        let wanted = self.reach > 0
            && completed.is_multiple_of(self.interval)
            && (self.checkpoints.back()).is_none_or(|last| last.completed() < completed);
        if !wanted {
            return;
        }
        let oldest_needed = completed.saturating_sub(self.reach);
        let needed = |c: Option<&Snapshot>| c.is_some_and(|c| c.completed() <= oldest_needed);
        let snapshot = match needed(self.checkpoints.get(1)) {
            true => {
                let mut old = self.checkpoints.pop_front().expect("two checkpoints");
                old.network.copy_from(network);
                let dropped = std::mem::replace(&mut old.schedule, schedule.clone());
                if let Some(order) = dropped.into_unshared_order() {
                    self.spare_order = Some(order);
                }
                old
            }
            false => Snapshot {
                network: network.clone(),
                schedule: schedule.clone(),
            },
        };
        self.checkpoints.push_back(snapshot);
        while needed(self.checkpoints.get(1)) {
            self.checkpoints.pop_front();
        }
    }

    /// Advances `schedule` past its batch, drawing a new epoch's order into the buffer of
    /// an order the history has forgotten, when it has one (see [`Schedule::advance_reusing`]).
    pub fn advance(&mut self, schedule: &mut Schedule) {
        schedule.advance_reusing(&mut self.spare_order);
    }

    /// The newest checkpoint at or before the start of the iteration after `completed`
    /// completed iterations, if one is kept.
    pub fn nearest(&self, completed: u64) -> Option<&Snapshot> {
        self.checkpoints
            .iter()
            .rev()
            .find(|c| c.completed() <= completed)
    }

    /// The next count of completed iterations after `completed` that is a checkpoint's.
    pub fn next_checkpoint(&self, completed: u64) -> u64 {
        (completed / self.interval)
            .saturating_add(1)
            .saturating_mul(self.interval)
    }
}
