//! The fast path: whole iterations with nothing recorded and nothing allocated.

use super::divergence::{Divergence, Quantity, first_non_finite, non_finite_parameter};
use super::network::Network;
use super::phase::Phase;
use super::schedule::Schedule;
use super::training::Training;
use super::workspace::Workspace;
use crate::data::Dataset;

/// Trains a network headlessly, with the same kernels in the same order as the stepper, so
/// both end on bit-identical weights.
#[derive(Clone, Debug)]
pub struct Trainer {
    /// The network being trained.
    pub network: Network,
    /// Which samples come next.
    pub schedule: Schedule,
    training: Training,
    workspace: Workspace,
}

impl Trainer {
    /// A trainer at the start of epoch 1; `seed` drives the shuffles.
    pub fn new(network: Network, training: Training, samples: usize, seed: u64) -> Trainer {
        let schedule = Schedule::new(samples, training.batch_size, training.shuffle, seed);
        Trainer::resume(network, training, schedule)
    }

    /// A trainer that continues from `schedule`'s position.
    pub fn resume(network: Network, training: Training, schedule: Schedule) -> Trainer {
        let workspace = Workspace::new(&network, schedule.batch_size());
        Trainer {
            network,
            schedule,
            training,
            workspace,
        }
    }

    /// Runs `iterations` whole iterations over `data`, stopping at the first non-finite net
    /// or weight.
    pub fn run(&mut self, data: &Dataset, iterations: u64) -> Result<(), Divergence> {
        let depth = self.network.depth();
        for _ in 0..iterations {
            self.workspace.load(data, self.schedule.batch());
            for i in 0..depth {
                if !self.workspace.forward(&self.network, i) {
                    return Err(self.net_divergence(i));
                }
            }
            self.workspace
                .output_delta(&self.network, self.training.loss);
            for i in (0..depth - 1).rev() {
                self.workspace.hidden_delta(&self.network, i);
            }
            self.workspace.gradients(&self.network);
            let mut finite = true;
            for i in (0..depth).rev() {
                finite &= self
                    .workspace
                    .update(&mut self.network, i, self.training.learning_rate);
            }
            if !finite {
                return Err(self.divergence());
            }
            self.schedule.advance();
        }
        Ok(())
    }

    /// Runs whole epochs (finishing the current one first if it is under way).
    pub fn run_epochs(&mut self, data: &Dataset, epochs: usize) -> Result<(), Divergence> {
        if epochs == 0 {
            return Ok(());
        }
        let per_epoch = self.schedule.iterations_per_epoch() as u64;
        let left_in_this_one = per_epoch - self.schedule.iteration() as u64 + 1;
        self.run(
            data,
            left_in_this_one.saturating_add((epochs as u64 - 1).saturating_mul(per_epoch)),
        )
    }

    /// Gradient health of the last iteration's batch, per layer.
    pub fn health(&self) -> Vec<super::health::LayerHealth> {
        super::health::layer_health(&self.network, &self.workspace)
    }

    /// The first non-finite net of layer `i` + 1 in the current batch.
    fn net_divergence(&self, i: usize) -> Divergence {
        let net = &self.workspace.net[i];
        let (neuron, column, value) =
            first_non_finite(self.workspace.used(net), net.nrows()).unwrap_or((0, 0, f64::NAN));
        Divergence {
            epoch: self.schedule.epoch(),
            iteration: self.schedule.iteration(),
            phase: Phase::Forward(i + 1),
            quantity: Quantity::Net {
                layer: i + 1,
                neuron,
                sample: self.schedule.batch()[column],
            },
            value,
            learning_rate: self.training.learning_rate,
            depth: self.network.depth(),
            inputs_standardized: self.training.inputs_standardized,
        }
    }

    /// Where the first non-finite weight or bias is, from the last layer down.
    fn divergence(&self) -> Divergence {
        let network = &self.network;
        let (layer, quantity, value) = (1..=network.depth())
            .rev()
            .find_map(|l| non_finite_parameter(network, l).map(|(q, v)| (l, q, v)))
            .unwrap_or((
                network.depth(),
                Quantity::Weight {
                    layer: network.depth(),
                    row: 0,
                    col: 0,
                },
                f64::NAN,
            ));
        Divergence {
            epoch: self.schedule.epoch(),
            iteration: self.schedule.iteration(),
            phase: Phase::Update(layer),
            quantity,
            value,
            learning_rate: self.training.learning_rate,
            depth: network.depth(),
            inputs_standardized: self.training.inputs_standardized,
        }
    }
}
