//! The math: activations, losses, the network, the phase machine and the fast path. Nothing
//! here words anything for a student; see `crate::text` for that.

pub mod activation;
pub mod boundary;
pub mod divergence;
pub mod evaluate;
pub mod fast;
pub mod health;
pub mod history;
pub mod loss;
pub mod network;
pub mod phase;
pub mod product;
pub mod reference;
pub mod schedule;
pub mod stepper;
pub mod stop;
pub mod training;
pub mod vmath;
pub mod workspace;

pub use activation::Activation;
pub use divergence::{Divergence, Quantity};
pub use fast::Trainer;
pub use loss::{Cost, Costs, Loss};
pub use network::{BiasMode, Init, Layer, Network};
pub use phase::Phase;
pub use schedule::{Mode, Schedule};
pub use stepper::Stepper;
pub use stop::{Stop, StopRules, StopWatch};
pub use training::Training;
pub use workspace::Workspace;
