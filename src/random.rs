//! Seeded random numbers: one ChaCha8 generator per purpose, so that drawing more of one kind
//! (say, more generated samples) never changes another (the initial weights).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What a generator is drawn for; each purpose reads its own ChaCha stream of the seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Initial weights.
    Init = 0,
    /// Generated data sets.
    Data = 1,
    /// Training, validation and test splits.
    Split = 2,
    /// The per-epoch shuffles of the sample order.
    Shuffle = 3,
}

/// The generator for `purpose` under `seed`.
pub fn generator(seed: u64, purpose: Stream) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(purpose as u64);
    rng
}

/// A uniform number in [0, 1) from the top 53 bits of one draw (stable across versions).
pub fn unit(rng: &mut impl Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A uniform index in 0..n (n ≥ 1), by rejection so that it is unbiased.
pub fn below(rng: &mut impl Rng, n: usize) -> usize {
    let n = n as u64;
    let zone = u64::MAX - u64::MAX % n;
    loop {
        let x = rng.next_u64();
        if x < zone {
            return (x % n) as usize;
        }
    }
}

/// Fisher–Yates shuffle driven by `below`.
pub fn shuffle(rng: &mut impl Rng, items: &mut [usize]) {
    for i in (1..items.len()).rev() {
        let j = below(rng, i + 1);
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_a_permutation() {
        let mut rng = generator(1, Stream::Shuffle);
        let mut v: Vec<usize> = (0..50).collect();
        shuffle(&mut rng, &mut v);
        let mut sorted = v.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(v, sorted);
    }

    #[test]
    fn streams_of_one_seed_differ() {
        let first = |s| generator(7, s).next_u64();
        assert_ne!(first(Stream::Init), first(Stream::Data));
        assert_ne!(first(Stream::Split), first(Stream::Shuffle));
        assert_eq!(first(Stream::Init), first(Stream::Init));
    }
}
