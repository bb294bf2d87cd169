//! The bounded history of earlier iterations that stepping back reaches into.

use std::collections::VecDeque;

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

/// A kept snapshot with what it costs.
#[derive(Clone, Debug)]
struct Entry {
    snapshot: Snapshot,
    bytes: usize,
    /// Whether `bytes` includes the sample order (the oldest kept snapshot of its epoch).
    pays_for_order: bool,
}

/// Bytes a snapshot costs besides its numbers.
const OVERHEAD: usize = 300;

/// Snapshots of earlier iterations, oldest first, kept within a number of iterations and a
/// number of bytes. A snapshot costs 8 bytes per weight and bias plus `OVERHEAD`, and the
/// first snapshot of each epoch also pays for that epoch's sample order (8 bytes a sample)
/// when shuffling gives every epoch its own.
#[derive(Clone, Debug)]
pub struct History {
    entries: VecDeque<Entry>,
    bytes: usize,
    max_iterations: usize,
    max_bytes: usize,
}

impl History {
    /// An empty history of at most `max_iterations` snapshots and `max_bytes` bytes
    /// (it always keeps the newest snapshot).
    pub fn new(max_iterations: usize, max_bytes: usize) -> History {
        History {
            entries: VecDeque::new(),
            bytes: 0,
            max_iterations: max_iterations.max(1),
            max_bytes,
        }
    }

    /// The number of snapshots kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no snapshot is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The bytes the kept snapshots cost.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Changes the limits, dropping the oldest snapshots beyond them.
    pub fn set_limits(&mut self, max_iterations: usize, max_bytes: usize) {
        self.max_iterations = max_iterations.max(1);
        self.max_bytes = max_bytes;
        self.trim();
    }

    /// Adds the newest snapshot, dropping the oldest ones beyond the limits.
    pub fn push(&mut self, snapshot: Snapshot) {
        let numbers: usize = snapshot
            .network
            .layers
            .iter()
            .map(|l| l.weights.len() + l.biases.len())
            .sum();
        let pays_for_order = !self
            .entries
            .back()
            .is_some_and(|e| e.snapshot.schedule.shares_order(&snapshot.schedule));
        let order = if pays_for_order {
            snapshot.schedule.order_bytes()
        } else {
            0
        };
        let bytes = 8 * numbers + OVERHEAD + order;
        self.bytes += bytes;
        self.entries.push_back(Entry {
            snapshot,
            bytes,
            pays_for_order,
        });
        self.trim();
    }

    /// Takes the newest snapshot back out.
    pub fn pop(&mut self) -> Option<Snapshot> {
        let entry = self.entries.pop_back()?;
        self.bytes -= entry.bytes;
        Some(entry.snapshot)
    }

    /// Forgets every snapshot.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.bytes = 0;
    }

    fn trim(&mut self) {
        while self.entries.len() > self.max_iterations
            || (self.bytes > self.max_bytes && self.entries.len() > 1)
        {
            let Some(oldest) = self.entries.pop_front() else {
                return;
            };
            self.bytes -= oldest.bytes;
            // The order it paid for lives on in the next snapshot of the same epoch.
            if let Some(next) = self.entries.front_mut()
                && oldest.pays_for_order
                && next
                    .snapshot
                    .schedule
                    .shares_order(&oldest.snapshot.schedule)
            {
                let order = oldest.snapshot.schedule.order_bytes();
                next.bytes += order;
                next.pays_for_order = true;
                self.bytes += order;
            }
        }
    }
}
