//! Activation functions f and their derivatives f′, applied column by column
//! (one column of a matrix is one sample).

use serde::{Deserialize, Serialize};

use super::vmath;

/// An activation function of a layer.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Activation {
    /// σ(z) = 1 / (1 + e^−z)
    Sigmoid,
    /// tanh(z)
    Tanh,
    /// max(0, z), with ReLU′(0) = 0
    Relu,
    /// the identity
    Linear,
    /// e^z_i / Σ_j e^z_j over one sample's outputs (output layer only)
    Softmax,
}

/// The fewest numbers a buffer holds for the vector `exp`, sigmoid and tanh to pay: shorter ones (a 2-2-2
/// network's two outputs of one sample) go through libm one number at a time, which is
/// quicker there. The stepper and the fast path see the same buffers, so they still make
/// the same choice, bit for bit.
const WHOLE: usize = 16;

impl Activation {
    /// The name used in scenario files.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Writes f(net) into `out`; both hold whole samples of `rows` values each. Returns
    /// whether every net was finite, checked in the same pass: ReLU's max(0, NaN) = 0 and a
    /// saturated tanh(±inf) would otherwise hide a divergence.
    pub fn apply(self, net: &[f64], out: &mut [f64], rows: usize) -> bool {
        match self {
            Activation::Sigmoid if net.len() >= WHOLE => whole(net, out, vmath::sigmoid),
            Activation::Sigmoid => map(net, out, vmath::sigmoid_libm),
            Activation::Tanh if net.len() >= WHOLE => whole(net, out, vmath::tanh),
            Activation::Tanh => map(net, out, f64::tanh),
            Activation::Relu => map(net, out, |z| if z > 0.0 { z } else { 0.0 }),
            Activation::Linear => map(net, out, |z| z),
            Activation::Softmax => {
                let mut finite = true;
                for (z, o) in net.chunks_exact(rows).zip(out.chunks_exact_mut(rows)) {
                    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    for (oi, zi) in o.iter_mut().zip(z) {
                        finite &= zi.is_finite();
                        *oi = zi - max;
                    }
                }
                let out = &mut out[..net.len()];
                if out.len() >= WHOLE {
                    vmath::exp_in_place(out);
                } else {
                    out.iter_mut().for_each(|o| *o = o.exp());
                }
                for o in out.chunks_exact_mut(rows) {
                    let sum: f64 = o.iter().sum();
                    for oi in o.iter_mut() {
                        *oi /= sum;
                    }
                }
                finite
            }
        }
    }

    /// f′(net) of an element-wise activation, from net and the output f(net).
    /// Softmax has no element-wise derivative; its Jacobian is used by the output delta,
    /// and this returns s(1 − s), its diagonal.
    pub fn derivative(self, net: f64, out: f64) -> f64 {
        match self {
            Activation::Sigmoid | Activation::Softmax => out * (1.0 - out),
            Activation::Tanh => 1.0 - out * out,
            Activation::Relu => {
                if net > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Linear => 1.0,
        }
    }
}

/// out = f(net) by a whole-buffer kernel; returns whether every net was finite.
fn whole(net: &[f64], out: &mut [f64], f: fn(&[f64], &mut [f64])) -> bool {
    f(net, out);
    net.iter().all(|z| z.is_finite())
}

/// out = f(net) element by element; returns whether every net was finite.
fn map(net: &[f64], out: &mut [f64], f: impl Fn(f64) -> f64) -> bool {
    let mut finite = true;
    for (o, z) in out.iter_mut().zip(net) {
        finite &= z.is_finite();
        *o = f(*z);
    }
    finite
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_sums_to_one_per_sample() {
        let net = [1.0, 2.0, 3.0, 0.0, 0.0, 0.0];
        let mut out = [0.0; 6];
        Activation::Softmax.apply(&net, &mut out, 3);
        let e = [1f64.exp(), 2f64.exp(), 3f64.exp()];
        let s: f64 = e.iter().sum();
        for i in 0..3 {
            assert!((out[i] - e[i] / s).abs() < 1e-15);
            assert!((out[3 + i] - 1.0 / 3.0).abs() < 1e-15);
        }
    }

    #[test]
    fn relu_derivative_at_zero_is_zero() {
        assert_eq!(Activation::Relu.derivative(0.0, 0.0), 0.0);
        assert_eq!(Activation::Relu.derivative(0.5, 0.5), 1.0);
    }

    #[test]
    fn tanh_of_a_whole_buffer_matches_one_number_at_a_time() {
        let net: Vec<f64> = (0..WHOLE + 3).map(|i| i as f64 * 0.4 - 3.0).collect();
        let mut out = vec![0.0; net.len()];
        assert!(Activation::Tanh.apply(&net, &mut out, 1));
        for (z, o) in net.iter().zip(&out) {
            assert!((o - z.tanh()).abs() <= 4.0 * f64::EPSILON, "tanh {z}: {o}");
            assert_eq!(o.to_bits(), vmath::tanh_one(*z).to_bits(), "tanh {z}");
        }
        let mut short = [0.0; 2];
        assert!(!Activation::Tanh.apply(&[0.5, f64::NAN], &mut short, 2));
        assert_eq!(short[0], 0.5f64.tanh());
    }

    #[test]
    fn sigmoid_of_zero_is_half() {
        let (z, mut s) = ([0.0, 1.0], [0.0; 2]);
        Activation::Sigmoid.apply(&z, &mut s, 2);
        assert_eq!(s[0], 0.5);
        assert!((s[1] - 0.731_058_578_630_004_9).abs() < 1e-15);
    }
}
