//! When training stops: after the scenario's epochs, or earlier by a rule of its
//! `[training.stop]` table, checked at epoch ends. `train`, `compare` and the view all feed
//! one [`StopWatch`] the training costs at each epoch end.

use std::collections::VecDeque;

use super::loss::{Cost, Costs};

/// The most epochs `over_epochs` may span (the watch keeps one MSE per epoch over them).
pub const MAX_OVER_EPOCHS: usize = 100_000;

/// The rules of `[training.stop]`, each optional.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StopRules {
    /// `cost` and `below`: stop at the first epoch end where that training cost is below
    /// the value.
    pub below: Option<(Cost, f64)>,
    /// `min_change` and `over_epochs`: stop at the first epoch end where the training MSE
    /// changed by less than `min_change` over the last `over_epochs` epochs.
    pub settled: Option<(f64, usize)>,
}

/// Why training stopped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stop {
    /// The scenario's epochs are done.
    Epochs(usize),
    /// The training cost `cost` was `value`, below `below`, at the end of `epoch`.
    Below {
        /// The epoch at whose end it was checked.
        epoch: usize,
        /// The cost watched.
        cost: Cost,
        /// Its value there.
        value: f64,
        /// The rule's bound.
        below: f64,
    },
    /// The training MSE changed by `change` (less than `min_change`) over the `over_epochs`
    /// epochs up to the end of `epoch`.
    Settled {
        /// The epoch at whose end it was checked.
        epoch: usize,
        /// |MSE(epoch) − MSE(epoch − over_epochs)|.
        change: f64,
        /// The rule's bound.
        min_change: f64,
        /// The span.
        over_epochs: usize,
    },
}

impl Stop {
    /// The epoch at whose end training stopped.
    pub fn epoch(&self) -> usize {
        match *self {
            Stop::Epochs(epoch) | Stop::Below { epoch, .. } | Stop::Settled { epoch, .. } => epoch,
        }
    }
}

/// Watches the training costs at epoch ends for the scenario's epochs and rules. Fed the
/// costs in order as training goes (the view may step back: a cost noted again for an epoch
/// replaces the later ones).
#[derive(Clone, Debug, PartialEq)]
pub struct StopWatch {
    rules: StopRules,
    epochs: usize,
    /// The training MSE at the last `over_epochs` + 1 epoch ends noted, oldest first.
    recent: VecDeque<(usize, f64)>,
}

impl StopWatch {
    /// A watch for `rules` that also stops after `epochs` epochs.
    pub fn new(rules: StopRules, epochs: usize) -> StopWatch {
        StopWatch {
            rules,
            epochs,
            recent: VecDeque::new(),
        }
    }

    /// Whether a rule needs the costs of every epoch end (not only the last epoch's).
    pub fn watches_costs(&self) -> bool {
        self.rules.below.is_some() || self.rules.settled.is_some()
    }

    /// The epochs after which it stops.
    pub fn epochs(&self) -> usize {
        self.epochs
    }

    /// Notes the training costs `train` at the end of `epoch` (0: the initial weights, which
    /// no rule stops at); why training stops there, if it does. The rules come first, then
    /// the epochs.
    pub fn note(&mut self, epoch: usize, train: &Costs) -> Option<Stop> {
        while self.recent.back().is_some_and(|&(e, _)| e >= epoch) {
            self.recent.pop_back();
        }
        self.recent.push_back((epoch, train.mse));
        let keep = self.rules.settled.map_or(1, |(_, over)| over + 1);
        while self.recent.len() > keep {
            self.recent.pop_front();
        }
        if epoch == 0 {
            return None;
        }
        self.below(epoch, train)
            .or_else(|| self.settled(epoch, train.mse))
            .or_else(|| (epoch >= self.epochs).then_some(Stop::Epochs(self.epochs)))
    }

    fn below(&self, epoch: usize, train: &Costs) -> Option<Stop> {
        let (cost, below) = self.rules.below?;
        let value = train.get(cost);
        (value < below).then_some(Stop::Below {
            epoch,
            cost,
            value,
            below,
        })
    }

    fn settled(&self, epoch: usize, mse: f64) -> Option<Stop> {
        let (min_change, over_epochs) = self.rules.settled?;
        let then = epoch.checked_sub(over_epochs)?;
        let (_, before) = self.recent.iter().find(|&&(e, _)| e == then)?;
        let change = (mse - before).abs();
        (change < min_change).then_some(Stop::Settled {
            epoch,
            change,
            min_change,
            over_epochs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn costs(mse: f64, error: f64) -> Costs {
        Costs {
            mse,
            classification_error: error,
            ..Costs::default()
        }
    }

    #[test]
    fn the_epochs_stop_training_when_no_rule_does() {
        let mut watch = StopWatch::new(StopRules::default(), 3);
        assert!(!watch.watches_costs());
        assert_eq!(watch.note(0, &costs(0.0, 0.0)), None, "never at the start");
        assert_eq!(watch.note(2, &costs(0.0, 0.0)), None);
        assert_eq!(watch.note(3, &costs(0.0, 0.0)), Some(Stop::Epochs(3)));
    }

    #[test]
    fn a_cost_below_its_bound_stops_at_that_epoch_end() {
        let rules = StopRules {
            below: Some((Cost::ClassificationError, 0.25)),
            settled: None,
        };
        let mut watch = StopWatch::new(rules, 10);
        assert_eq!(watch.note(0, &costs(1.0, 0.0)), None, "not at the start");
        assert_eq!(watch.note(1, &costs(1.0, 0.5)), None);
        assert_eq!(watch.note(2, &costs(1.0, 0.25)), None, "below, not at");
        let stop = watch.note(3, &costs(1.0, 0.2));
        assert_eq!(
            stop,
            Some(Stop::Below {
                epoch: 3,
                cost: Cost::ClassificationError,
                value: 0.2,
                below: 0.25
            })
        );
        assert_eq!(stop.unwrap().epoch(), 3);
    }

    /// MSE 1, 0.5, 0.3, 0.25, 0.24 at epochs 0 to 4, min_change 0.1 over 2 epochs: at epoch
    /// 2 the change is 0.5, at 3 it is 0.25, at 4 it is 0.06 < 0.1.
    #[test]
    fn a_small_change_over_the_span_stops_and_stepping_back_replaces_costs() {
        let rules = StopRules {
            below: None,
            settled: Some((0.1, 2)),
        };
        let mut watch = StopWatch::new(rules, 100);
        for (epoch, mse) in [1.0, 0.5, 0.3, 0.25].into_iter().enumerate() {
            assert_eq!(watch.note(epoch, &costs(mse, 0.0)), None, "epoch {epoch}");
        }
        let stop = watch.note(4, &costs(0.24, 0.0)).unwrap();
        let Stop::Settled { epoch, change, .. } = stop else {
            panic!("{stop:?}")
        };
        assert_eq!(epoch, 4);
        assert!((change - 0.06).abs() < 1e-12);
        // Stepped back to epoch 3 and trained on differently: epoch 4 noted afresh.
        assert_eq!(watch.note(3, &costs(0.25, 0.0)), None);
        assert_eq!(watch.note(4, &costs(0.1, 0.0)), None, "0.2 ≥ 0.1");
        assert_eq!(watch.recent.len(), 3, "only over_epochs + 1 kept");
    }
}
