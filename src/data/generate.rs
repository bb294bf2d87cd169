//! Seeded toy data sets: xor, circles, spirals, gaussians.

use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize};

use super::Dataset;
use crate::random::{Stream, below, generator, unit};

/// A generated data set.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Generator {
    /// The four corners of the unit square, label = x₁ XOR x₂, plus noise.
    Xor,
    /// Two concentric circles (radius 0.5: class 0, radius 1: class 1), plus noise.
    Circles,
    /// Two interleaved spirals, plus noise.
    Spirals,
    /// One Gaussian cluster per class (centres uniform in [−1, 1]ⁿ, standard deviation = noise).
    Gaussians,
}

impl Generator {
    /// The name used in scenario files.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The input width this generator needs, if it fixes one.
    pub fn input_width(self) -> Option<usize> {
        match self {
            Generator::Gaussians => None,
            _ => Some(2),
        }
    }

    /// Draws `samples` samples for a network with `inputs` inputs and `outputs` outputs.
    /// One output gets the 0/1 label; several outputs get a one-hot target.
    pub fn generate(
        self,
        samples: usize,
        noise: f64,
        inputs: usize,
        outputs: usize,
        seed: u64,
    ) -> Dataset {
        let mut rng = generator(seed, Stream::Data);
        let classes = outputs.max(2);
        let centres: Vec<Vec<f64>> = match self {
            Generator::Gaussians => (0..classes)
                .map(|_| (0..inputs).map(|_| 2.0 * unit(&mut rng) - 1.0).collect())
                .collect(),
            _ => Vec::new(),
        };
        let mut xs = Vec::with_capacity(samples);
        let mut ds = Vec::with_capacity(samples);
        for _ in 0..samples {
            let (x, label) = match self {
                Generator::Xor => {
                    let (a, b) = (below(&mut rng, 2), below(&mut rng, 2));
                    (vec![a as f64, b as f64], a ^ b)
                }
                Generator::Circles => {
                    let label = below(&mut rng, 2);
                    let r = if label == 0 { 0.5 } else { 1.0 };
                    let t = std::f64::consts::TAU * unit(&mut rng);
                    (vec![r * t.cos(), r * t.sin()], label)
                }
                Generator::Spirals => {
                    let label = below(&mut rng, 2);
                    let t = unit(&mut rng);
                    let angle =
                        2.0 * std::f64::consts::TAU * t + label as f64 * std::f64::consts::PI;
                    (vec![t * angle.cos(), t * angle.sin()], label)
                }
                Generator::Gaussians => {
                    let label = below(&mut rng, classes);
                    (centres[label].clone(), label)
                }
            };
            let x = x
                .into_iter()
                .map(|v| {
                    let z: f64 = StandardNormal.sample(&mut rng);
                    v + noise * z
                })
                .collect();
            xs.push(x);
            ds.push(if outputs == 1 {
                vec![label as f64]
            } else {
                (0..outputs)
                    .map(|k| f64::from(u8::from(k == label)))
                    .collect()
            });
        }
        Dataset::from_rows(&xs, &ds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xor_without_noise_labels_the_corners() {
        let d = Generator::Xor.generate(40, 0.0, 2, 1, 5);
        for c in 0..d.len() {
            let (a, b) = (d.inputs[(0, c)], d.inputs[(1, c)]);
            let expected = if (a == 1.0) != (b == 1.0) { 1.0 } else { 0.0 };
            assert_eq!(d.targets[(0, c)], expected);
        }
    }

    #[test]
    fn circles_without_noise_lie_on_their_radius() {
        let d = Generator::Circles.generate(30, 0.0, 2, 2, 1);
        for c in 0..d.len() {
            let r = d.inputs.column(c).norm();
            let expected = if d.targets[(0, c)] == 1.0 { 0.5 } else { 1.0 };
            assert!((r - expected).abs() < 1e-12);
            assert_eq!(d.targets.column(c).sum(), 1.0);
        }
    }

    #[test]
    fn gaussians_are_seeded_and_one_hot() {
        let a = Generator::Gaussians.generate(50, 0.1, 5, 3, 2);
        assert_eq!(a, Generator::Gaussians.generate(50, 0.1, 5, 3, 2));
        assert_ne!(a, Generator::Gaussians.generate(50, 0.1, 5, 3, 3));
        assert_eq!((a.inputs.nrows(), a.targets.nrows(), a.len()), (5, 3, 50));
        assert!(a.targets.column_iter().all(|c| c.sum() == 1.0));
    }
}
