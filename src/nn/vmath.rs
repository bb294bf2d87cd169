//! Vectorized `exp`, `tanh` and the logistic sigmoid over whole buffers, with the same bits on
//! every machine path.
//!
//! # How it works
//!
//! Each function is written once, for one number, in plain Rust ([`exp_one`], [`tanh_one`],
//! [`sigmoid_one`]), using only operations IEEE 754 rounds exactly once: +, −, ×, ÷, fused
//! multiply-add (`mul_add`), `floor`, `min`, comparisons and bit moves, and no branch that
//! depends on the value (an `if` between two computed values becomes a lane-wise select). The
//! buffers are then walked 8 numbers at a time by one loop that the compiler builds three
//! times: with AVX-512, with AVX2 and FMA, and with neither, and the fastest one this
//! processor has is chosen at run time. Because every operation is correctly rounded, the 8
//! lanes of an AVX-512 register, the 4 of an AVX2 register and the plain scalar code give the
//! same bits (`mul_add` is a true fused multiply-add in all three: without the FMA
//! instructions it is computed in software). So the stepper and the fast path, which call
//! these functions, stay bit-identical, and results are reproducible on one machine whichever
//! path runs.
//!
//! The loop calls the one-number function directly on each element of a block (no
//! `array::map`), and that function is `#[inline(always)]`, so its body is always compiled
//! inside the AVX-512 and AVX2 builds. (An earlier `tanh` ran 7× slower than libm because the
//! compiler left `array::map` of its large lane function out of line, where it was built for the plain
//! processor and each `mul_add` became a call to the software fused multiply-add.)
//!
//! **exp.** Write x = k·ln 2 + r with k = round(x / ln 2), so |r| ≤ ln 2 / 2. Then
//! eˣ = 2ᵏ · eʳ. r is computed with ln 2 split in two (`LN2_HI` has its last 32 bits zero,
//! `LN2_LO` is the rest), eʳ by its Taylor polynomial to r¹³, evaluated by Estrin's scheme (the first term left out is
//! below 10⁻¹⁷ relative), and 2ᵏ is built from exponent bits, as 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋) so
//! that results near the overflow and underflow edges (k up to 1024 and down to −1075) are
//! rounded once. x is first clamped to [−746, 710]: past those, the result is inf or 0.
//!
//! **tanh.** tanh |x| = u / (u + 2) with u = e^y − 1, y = 2|x| clamped to [0, 40] (past
//! |x| = 20 the quotient rounds to 1). u is computed like `exp` but without its + 1, so that
//! it keeps its relative accuracy when y is small: y = k·ln 2 + r, p = eʳ − 1 = r + r²·(…)
//! by the same polynomial, and u = 2ᵏ·p + (2ᵏ − 1) in one multiply-add (2ᵏ − 1 is exact for
//! k ≤ 58). The sign of x is copied back as a bit, so −0 stays −0; NaN gives NaN.
//!
//! **sigmoid.** σ(z) = 1 / (1 + e^−z) for z ≥ 0 and eᶻ / (1 + eᶻ) for z < 0: one `exp` of
//! −|z|, never overflowing, so both tails keep their relative accuracy.
//!
//! Measured against libm over dense sweeps (see the tests): exp is within 1 ulp of libm,
//! sigmoid within 2 and tanh within 4.

/// The largest number of lanes one step handles (an AVX-512 register of f64).
const LANES: usize = 8;

/// 1 / ln 2.
const LOG2_E: f64 = std::f64::consts::LOG2_E;
/// ln 2 rounded to 21 significant bits, so that k · `LN2_HI` is exact for |k| < 2¹¹.
const LN2_HI: f64 = 6.931_471_803_691_238e-1;
/// ln 2 − `LN2_HI`.
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
/// 1.5 · 2⁵²: adding and subtracting it rounds a number below 2⁵¹ to the nearest integer.
const ROUND: f64 = 6_755_399_441_055_744.0;
/// 2⁵² + 1023: adding it to an integer k puts k + 1023 (the biased exponent) in the low bits.
const BIAS: f64 = 4_503_599_627_371_519.0;

/// Where `tanh_one` clamps 2|x|: tanh 20 rounds to 1, and k stays at most 58.
const TANH_CLAMP: f64 = 40.0;

/// 1/n! for n = 13 down to 2: eʳ = 1 + r + r² (1/2! + r/3! + …).
const EXP_TAYLOR: [f64; 12] = [
    1.0 / 6_227_020_800.0,
    1.0 / 479_001_600.0,
    1.0 / 39_916_800.0,
    1.0 / 3_628_800.0,
    1.0 / 362_880.0,
    1.0 / 40_320.0,
    1.0 / 5_040.0,
    1.0 / 720.0,
    1.0 / 120.0,
    1.0 / 24.0,
    1.0 / 6.0,
    0.5,
];

/// 1/2! + r/3! + … + r¹¹/13! by Estrin's scheme: pairs, then pairs of pairs, so that only
/// four multiply-adds wait on each other (Horner's rule would chain eleven).
#[inline(always)]
fn estrin(r: f64) -> f64 {
    let c = |n: usize| EXP_TAYLOR[11 - n];
    let q = |n: usize| c(n + 1).mul_add(r, c(n));
    let r2 = r * r;
    let r4 = r2 * r2;
    let s0 = q(2).mul_add(r2, q(0));
    let s1 = q(6).mul_add(r2, q(4));
    let s2 = q(10).mul_add(r2, q(8));
    s2.mul_add(r4 * r4, s1.mul_add(r4, s0))
}

/// 2ᵏ for an integer-valued k in [−1022, 1023], from its exponent bits.
#[inline(always)]
fn power_of_two(k: f64) -> f64 {
    f64::from_bits((k + BIAS).to_bits() << 52)
}

/// eˣ for one number; see the module's documentation.
#[inline(always)]
pub fn exp_one(x: f64) -> f64 {
    let clamped = x.clamp(-746.0, 710.0);
    let clamped = if clamped.is_nan() { 0.0 } else { clamped };
    let k = (clamped * LOG2_E + ROUND) - ROUND;
    let r = (-k).mul_add(LN2_LO, (-k).mul_add(LN2_HI, clamped));
    let e_r = (r * r).mul_add(estrin(r), r) + 1.0;
    let half = (k * 0.5).floor();
    let e = e_r * power_of_two(half) * power_of_two(k - half);
    if x.is_nan() { x + x } else { e }
}

/// σ(z) with libm's `exp`, for buffers too short for the vector path: 1 / (1 + e^−z) for
/// z ≥ 0 and eᶻ / (1 + eᶻ) below, so both tails keep their relative accuracy.
pub fn sigmoid_libm(z: f64) -> f64 {
    let e = (-z.abs()).exp();
    if z >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    }
}

/// σ(z) = 1 / (1 + e^−z) for one number; see the module's documentation.
#[inline(always)]
pub fn sigmoid_one(z: f64) -> f64 {
    let e = exp_one(-z.abs());
    let top = if z >= 0.0 { 1.0 } else { e };
    if z.is_nan() { z + z } else { top / (1.0 + e) }
}

/// tanh x for one number; see the module's documentation.
#[inline(always)]
pub fn tanh_one(x: f64) -> f64 {
    let y = (2.0 * x.abs()).min(TANH_CLAMP);
    let k = (y * LOG2_E + ROUND) - ROUND;
    let r = (-k).mul_add(LN2_LO, (-k).mul_add(LN2_HI, y));
    let p = (r * r).mul_add(estrin(r), r);
    let two_k = power_of_two(k);
    let u = two_k.mul_add(p, two_k - 1.0);
    let t = (u / (u + 2.0)).copysign(x);
    if x.is_nan() { x + x } else { t }
}

/// out = f(x) element by element, 8 at a time, then the last few one by one. `f` is called
/// right here, not through `array::map`, so that it is inlined into every build.
#[inline(always)]
fn each(x: &mut [f64], f: impl Fn(f64) -> f64 + Copy) {
    let (blocks, rest) = x.as_chunks_mut::<LANES>();
    for block in blocks {
        for x in block.iter_mut() {
            *x = f(*x);
        }
    }
    for x in rest {
        *x = f(*x);
    }
}

/// Which of the three builds of a kernel runs: [`each`] here, the products in `product.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Path {
    /// 8 lanes of AVX-512.
    #[cfg(target_arch = "x86_64")]
    Avx512,
    /// 4 lanes of AVX2 with FMA.
    #[cfg(target_arch = "x86_64")]
    Avx2,
    /// Plain scalar code (software fused multiply-add).
    Scalar,
}

impl Path {
    /// The fastest path this processor supports.
    pub(super) fn best() -> Path {
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx512f")
                && is_x86_feature_detected!("avx512dq")
                && is_x86_feature_detected!("avx2")
                && is_x86_feature_detected!("fma")
            {
                return Path::Avx512;
            }
            if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                return Path::Avx2;
            }
        }
        Path::Scalar
    }

    /// Whether this processor can run the path (the tests compare every path it has).
    #[cfg(test)]
    pub(super) fn available(self) -> bool {
        match self {
            Path::Scalar => true,
            _ => Path::best() == Path::Avx512 || Path::best() == self,
        }
    }

    /// x ← f(x) on this path. Panics when the processor cannot run it.
    #[cfg(test)]
    fn each(self, x: &mut [f64], f: impl Fn(f64) -> f64 + Copy) {
        assert!(self.available(), "{self:?} is not available here");
        self.run(x, f);
    }

    /// x ← f(x) on this path, which the processor must support.
    fn run<F: Fn(f64) -> f64 + Copy>(self, x: &mut [f64], f: F) {
        self.build(Map { x, f });
    }

    /// Runs `kernel` built for this path, which the processor must support.
    pub(super) fn build<K: Kernel>(self, kernel: K) -> K::Output {
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: only `best`, or a test that checked `available`, chose this path.
            Path::Avx512 => unsafe { build_avx512(kernel) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: only `best`, or a test that checked `available`, chose this path.
            Path::Avx2 => unsafe { build_avx2(kernel) },
            _ => kernel.run(),
        }
    }
}

/// A loop compiled once per [`Path`]: its `run` must be `#[inline(always)]` (and so must
/// everything it calls), so that it is built into each path's function with that path's
/// instructions. A closure would not do: the compiler may leave it out of line, built for the
/// plain processor (with a software fused multiply-add, many times slower).
pub(super) trait Kernel {
    /// What the loop returns.
    type Output;
    /// Runs the loop.
    fn run(self) -> Self::Output;
}

/// `kernel` built for AVX-512.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx2,fma")]
fn build_avx512<K: Kernel>(kernel: K) -> K::Output {
    kernel.run()
}

/// `kernel` built for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn build_avx2<K: Kernel>(kernel: K) -> K::Output {
    kernel.run()
}

/// x ← f(x) element by element: [`each`] as a [`Kernel`].
struct Map<'a, F> {
    x: &'a mut [f64],
    f: F,
}

impl<F: Fn(f64) -> f64 + Copy> Kernel for Map<'_, F> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        each(self.x, self.f);
    }
}

/// x ← x − a·g element by element, one multiplication and one subtraction each (the same
/// bits on every path); returns whether every new x is finite. Short buffers (a 2-2-2
/// network's weights) skip choosing a path, which would cost more than the loop.
#[inline(always)]
pub fn descend(x: &mut [f64], g: &[f64], a: f64) -> bool {
    if x.len() < 2 * LANES {
        return descend_short(x, g, a);
    }
    let g = &g[..x.len()];
    Path::best().build(Descend { x, g, a })
}

/// [`descend`] one number at a time.
#[inline(always)]
fn descend_short(x: &mut [f64], g: &[f64], a: f64) -> bool {
    let mut finite = true;
    for (x, g) in x.iter_mut().zip(g) {
        *x -= a * g;
        finite &= x.is_finite();
    }
    finite
}

/// [`descend`] as a [`Kernel`].
struct Descend<'a> {
    x: &'a mut [f64],
    g: &'a [f64],
    a: f64,
}

impl Kernel for Descend<'_> {
    type Output = bool;
    #[inline(always)]
    fn run(self) -> bool {
        let (blocks, rest) = self.x.as_chunks_mut::<LANES>();
        let (g_blocks, g_rest) = self.g.as_chunks::<LANES>();
        let mut bad = [0.0; LANES];
        for (block, g) in blocks.iter_mut().zip(g_blocks) {
            for ((x, g), bad) in block.iter_mut().zip(g).zip(&mut bad) {
                *x -= self.a * g;
                *bad += *x * 0.0;
            }
        }
        for (x, g) in rest.iter_mut().zip(g_rest) {
            *x -= self.a * g;
            bad[0] += *x * 0.0;
        }
        bad.iter().all(|b| *b == 0.0)
    }
}

/// x ← eˣ element by element.
pub fn exp_in_place(x: &mut [f64]) {
    Path::best().run(x, exp_one);
}

/// out = tanh(x) element by element (`out` at least as long as `x`).
pub fn tanh(x: &[f64], out: &mut [f64]) {
    let out = &mut out[..x.len()];
    out.copy_from_slice(x);
    Path::best().run(out, tanh_one);
}

/// out = σ(x) element by element (`out` at least as long as `x`).
pub fn sigmoid(x: &[f64], out: &mut [f64]) {
    let out = &mut out[..x.len()];
    out.copy_from_slice(x);
    Path::best().run(out, sigmoid_one);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many units in the last place `got` is from `want` (0 when both are NaN).
    fn ulps(got: f64, want: f64) -> u64 {
        if got.is_nan() && want.is_nan() {
            return 0;
        }
        let key = |v: f64| {
            let b = v.to_bits() as i64;
            if b < 0 { i64::MIN - b } else { b }
        };
        key(got).abs_diff(key(want))
    }

    /// `count` points spread evenly over [low, high], and the special values.
    fn sweep(low: f64, high: f64, count: usize) -> Vec<f64> {
        let mut xs: Vec<f64> = (0..=count)
            .map(|i| low + (high - low) * i as f64 / count as f64)
            .collect();
        xs.extend([
            0.0,
            -0.0,
            1e-300,
            -1e-300,
            f64::MIN_POSITIVE,
            5e-324,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            709.782_712_893_384,
            709.782_712_893_385,
            -708.396_418_532_264_1,
            -744.440_071_921_381,
            -745.133_219_101_941_1,
            -745.2,
            1e-10,
            -1e-17,
            0.549_999_999_999_999_9,
            0.55,
            19.1,
            -19.1,
        ]);
        xs
    }

    /// The largest distance in ulps of `ours` from `libm` over `xs` (the scalar function;
    /// the paths are compared with it bit for bit in `every_path_gives_the_same_bits`).
    fn worst(xs: &[f64], ours: fn(f64) -> f64, libm: fn(f64) -> f64) -> u64 {
        let mut out = xs.to_vec();
        Path::Scalar.each(&mut out, ours);
        xs.iter()
            .zip(&out)
            .map(|(x, o)| ulps(*o, libm(*x)))
            .max()
            .unwrap()
    }

    #[test]
    fn exp_is_within_one_ulp_of_libm_over_its_whole_range() {
        let xs = sweep(-746.0, 711.0, 1_000_000);
        let w = worst(&xs, exp_one, f64::exp);
        assert!(w <= 1, "exp is {w} ulp off");
        assert_eq!(exp_one(710.0), f64::INFINITY);
        assert_eq!(exp_one(-746.0), 0.0);
        assert_eq!(exp_one(-745.0), 5e-324);
        assert_eq!(exp_one(0.0), 1.0);
        assert!(exp_one(f64::NAN).is_nan());
    }

    #[test]
    fn sigmoid_is_within_two_ulp_and_keeps_both_tails() {
        let xs = sweep(-745.0, 40.0, 1_000_000);
        let libm = |z: f64| {
            if z >= 0.0 {
                1.0 / (1.0 + (-z).exp())
            } else {
                z.exp() / (1.0 + z.exp())
            }
        };
        let w = worst(&xs, sigmoid_one, libm);
        assert!(w <= 2, "sigmoid is {w} ulp off");
        assert_eq!(sigmoid_one(0.0), 0.5);
        assert_eq!(sigmoid_one(-740.0), (-740f64).exp());
        assert_eq!(sigmoid_one(800.0), 1.0);
    }

    #[test]
    fn tanh_is_within_four_ulp_of_libm_and_keeps_the_edges() {
        let ranges = [
            (-1e-8, 1e-8),
            (0.0, 0.01),
            (-1.0, 1.0),
            (0.5, 0.6),
            (0.9, 1.1),
            (4.9, 5.1),
            (18.9, 20.1),
            (-40.0, 40.0),
        ];
        for (low, high) in ranges {
            let w = worst(&sweep(low, high, 200_000), tanh_one, f64::tanh);
            assert!(w <= 4, "tanh is {w} ulp off over [{low}, {high}]");
        }
        for x in [0.0, 5e-324, 1e-310, f64::MIN_POSITIVE, 1e-300, 1e-20] {
            assert_eq!(tanh_one(x), x, "tanh {x}");
            assert_eq!(tanh_one(-x).to_bits(), (-x).to_bits(), "tanh −{x}");
        }
        assert_eq!(tanh_one(20.0), 1.0);
        assert_eq!(tanh_one(f64::NEG_INFINITY), -1.0);
        assert_eq!(tanh_one(1e300), 1.0);
        assert_eq!(tanh_one(19.0), 1.0 - f64::EPSILON / 2.0);
        assert!(tanh_one(-f64::NAN).is_nan());
    }

    #[test]
    fn every_path_gives_the_same_bits() {
        let xs = sweep(-750.0, 750.0, 100_003);
        let small = sweep(-2.0, 2.0, 100_003);
        let functions = [exp_one as fn(f64) -> f64, sigmoid_one, tanh_one];
        for (f, xs) in functions.into_iter().flat_map(|f| [(f, &xs), (f, &small)]) {
            let mut scalar = xs.clone();
            Path::Scalar.each(&mut scalar, f);
            for path in [Path::Avx512, Path::Avx2]
                .into_iter()
                .filter(|p| p.available())
            {
                let mut out = xs.clone();
                path.each(&mut out, f);
                for (x, (a, b)) in xs.iter().zip(out.iter().zip(&scalar)) {
                    assert_eq!(a.to_bits(), b.to_bits(), "{path:?} at {x}");
                }
            }
        }
    }

    #[test]
    fn descend_subtracts_on_every_path_and_finds_any_non_finite_number() {
        for len in [5, 16, 37] {
            let x: Vec<f64> = (0..len).map(|i| (i as f64 * 0.7).sin()).collect();
            let g: Vec<f64> = (0..len).map(|i| (i as f64 * 1.3).cos()).collect();
            let want: Vec<f64> = x.iter().zip(&g).map(|(x, g)| x - 0.3 * g).collect();
            let paths = [Path::Avx512, Path::Avx2, Path::Scalar];
            for path in paths.into_iter().filter(|p| p.available()) {
                let run = |x: &mut [f64]| {
                    if len < 2 * LANES {
                        descend(x, &g, 0.3)
                    } else {
                        path.build(Descend { x, g: &g, a: 0.3 })
                    }
                };
                let mut got = x.clone();
                assert!(run(&mut got), "{path:?}, {len} numbers");
                assert!(
                    got.iter()
                        .zip(&want)
                        .all(|(a, b)| a.to_bits() == b.to_bits())
                );
                for bad in [f64::INFINITY, f64::NAN] {
                    for at in [0, len / 2, len - 1] {
                        let mut x = x.clone();
                        x[at] = bad;
                        let finite = run(&mut x);
                        assert!(!finite, "{path:?}: {bad} at {at} of {len} not found");
                    }
                }
            }
        }
    }

    #[test]
    fn whole_buffers_of_any_length_are_mapped() {
        let xs: Vec<f64> = (0..19).map(|i| i as f64 * 0.37 - 3.0).collect();
        let mut out = vec![0.0; 19];
        sigmoid(&xs, &mut out);
        assert!(xs.iter().zip(&out).all(|(x, o)| *o == sigmoid_one(*x)));
        tanh(&xs, &mut out);
        assert!(xs.iter().zip(&out).all(|(x, o)| *o == tanh_one(*x)));
        let mut copy = xs.clone();
        exp_in_place(&mut copy);
        assert!(xs.iter().zip(&copy).all(|(x, o)| *o == exp_one(*x)));
    }
}
