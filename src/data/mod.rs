//! Data sets: inline samples, generators, CSV files, splits and normalization.

pub mod csv;
pub mod generate;

use std::path::Path;

use nalgebra::DMatrix;
use serde::{Deserialize, Serialize};

use crate::random::{Stream, generator, shuffle};

/// The most numbers (samples × (inputs + outputs)) a data set may hold, generated or read.
pub const MAX_NUMBERS: usize = 20_000_000;

/// What is at a path where a file was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Found {
    /// A regular file that is not a system file.
    File,
    /// A folder.
    Folder,
    /// A device, a pipe, a socket, or a file of the system's (under /proc, /sys or /dev),
    /// whose content is not a student's data and may be secret or endless.
    Device,
    /// Nothing at all.
    Nothing,
}

impl Found {
    /// What is at `path`, following links.
    pub fn at(path: &Path) -> Found {
        let Ok(metadata) = std::fs::metadata(path) else {
            return Found::Nothing;
        };
        let system = std::fs::canonicalize(path).map_or(true, |real| {
            ["/proc", "/sys", "/dev"]
                .iter()
                .any(|folder| real.starts_with(folder))
        });
        if metadata.is_dir() {
            Found::Folder
        } else if metadata.is_file() && !system {
            Found::File
        } else {
            Found::Device
        }
    }

    /// The name the catalog's messages select their words by: `file`, `folder`, `device`,
    /// `nothing`.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// Samples as columns: inputs n_0 × N and targets n_L × N.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// One input per column.
    pub inputs: DMatrix<f64>,
    /// One target per column.
    pub targets: DMatrix<f64>,
    /// The class names when the targets came from a class column (one-hot, or 0/1 with one
    /// output), in the order of the target positions; empty otherwise.
    pub classes: Vec<String>,
}

impl Dataset {
    /// A 64-bit FNV-1a hash of every number (its bits) and class name, in order: two data
    /// sets with the same fingerprint are, for a session's purposes, the same data.
    pub fn fingerprint(&self) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for b in bytes {
                hash = (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        for x in self.inputs.iter().chain(self.targets.iter()) {
            eat(&x.to_bits().to_le_bytes());
        }
        for name in &self.classes {
            eat(name.as_bytes());
            eat(&[0]);
        }
        hash
    }

    /// A data set from rows of inputs and rows of targets (one row per sample).
    pub fn from_rows(inputs: &[Vec<f64>], targets: &[Vec<f64>]) -> Dataset {
        let width = |rows: &[Vec<f64>]| rows.first().map_or(0, Vec::len);
        Dataset {
            inputs: DMatrix::from_fn(width(inputs), inputs.len(), |r, c| inputs[c][r]),
            targets: DMatrix::from_fn(width(targets), targets.len(), |r, c| targets[c][r]),
            classes: Vec::new(),
        }
    }

    /// The number of samples N.
    pub fn len(&self) -> usize {
        self.inputs.ncols()
    }

    /// Whether there are no samples.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The samples `indices`, in that order.
    pub fn select(&self, indices: &[usize]) -> Dataset {
        Dataset {
            inputs: self.inputs.select_columns(indices),
            targets: self.targets.select_columns(indices),
            classes: self.classes.clone(),
        }
    }
}

/// How inputs are preprocessed.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Normalize {
    /// Inputs are used as given.
    None,
    /// Each input feature is shifted and scaled to mean 0 and standard deviation 1, with
    /// statistics fitted on the training part only.
    Standardize,
}

/// The training, validation and test parts of a data set.
#[derive(Clone, Debug, PartialEq)]
pub struct Splits {
    /// Drives the updates.
    pub train: Dataset,
    /// Watches for over-fitting (empty when no fraction is held out).
    pub validation: Dataset,
    /// Touched once at the end (empty when no fraction is held out).
    pub test: Dataset,
}

/// Splits `data` into training, validation and test parts, stratified by class: each class
/// is shuffled (seeded from `seed`) and gives the parts its share of ⌊N·fraction⌋ samples
/// (largest remainders round the shares). Each part keeps the samples' original order.
/// A sample's class is the position of its largest target, or with one target whether it is
/// at least 0.5.
pub fn split(data: &Dataset, validation: f64, test: f64, seed: u64) -> Splits {
    let n = data.len();
    let n_val = (n as f64 * validation).floor() as usize;
    let n_test = (n as f64 * test).floor() as usize;
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for s in 0..n {
        let class = class_of(data.targets.column(s).as_slice());
        if groups.len() <= class {
            groups.resize(class + 1, Vec::new());
        }
        groups[class].push(s);
    }
    if n_val + n_test > 0 {
        let mut rng = generator(seed, Stream::Split);
        for group in &mut groups {
            shuffle(&mut rng, group);
        }
    }
    let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
    let val_share = shares(&sizes, n_val, n);
    let left: Vec<usize> = sizes.iter().zip(&val_share).map(|(s, v)| s - v).collect();
    let test_share = shares(&left, n_test, left.iter().sum::<usize>().max(1));
    let (mut val, mut tst, mut train) = (Vec::new(), Vec::new(), Vec::new());
    for ((group, v), t) in groups.iter().zip(&val_share).zip(&test_share) {
        val.extend_from_slice(&group[..*v]);
        tst.extend_from_slice(&group[*v..v + t]);
        train.extend_from_slice(&group[v + t..]);
    }
    for part in [&mut val, &mut tst, &mut train] {
        part.sort_unstable();
    }
    Splits {
        train: data.select(&train),
        validation: data.select(&val),
        test: data.select(&tst),
    }
}

/// The class of one target: the position of its largest value, or 0/1 for one value.
pub fn class_of(target: &[f64]) -> usize {
    if target.len() == 1 {
        usize::from(target[0] >= 0.5)
    } else {
        argmax(target)
    }
}

/// The index of the first largest value.
fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[best] {
            best = i;
        }
    }
    best
}

/// `total` spread over groups of `sizes` (summing to `of`) in proportion, by largest
/// remainders, never more than a group holds.
fn shares(sizes: &[usize], total: usize, of: usize) -> Vec<usize> {
    let exact: Vec<f64> = sizes
        .iter()
        .map(|&s| s as f64 * total as f64 / of.max(1) as f64)
        .collect();
    let mut share: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let mut missing = total.saturating_sub(share.iter().sum());
    for &g in order.iter().cycle().take(order.len() * 2) {
        if missing == 0 {
            break;
        }
        if share[g] < sizes[g] {
            share[g] += 1;
            missing -= 1;
        }
    }
    share
}

/// Standardizes every part's inputs with the mean and standard deviation of the training
/// part (a feature that does not vary is only shifted).
pub fn standardize(splits: &mut Splits) {
    let train = &splits.train.inputs;
    let n = train.ncols().max(1) as f64;
    let stats: Vec<(f64, f64)> = train
        .row_iter()
        .map(|row| {
            let mean = row.sum() / n;
            let var = row.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
            let sd = var.sqrt();
            (mean, if sd > 0.0 { sd } else { 1.0 })
        })
        .collect();
    for part in [&mut splits.train, &mut splits.validation, &mut splits.test] {
        if part.is_empty() {
            continue;
        }
        for (r, (mean, sd)) in stats.iter().enumerate() {
            for x in part.inputs.row_mut(r).iter_mut() {
                *x = (*x - mean) / sd;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(n: usize) -> Dataset {
        let inputs: Vec<Vec<f64>> = (0..n).map(|i| vec![i as f64]).collect();
        Dataset::from_rows(&inputs, &inputs)
    }

    #[test]
    fn split_sizes_are_floors_and_parts_are_disjoint() {
        let s = split(&numbered(10), 0.25, 0.15, 3);
        assert_eq!((s.train.len(), s.validation.len(), s.test.len()), (7, 2, 1));
        let mut all: Vec<f64> = [&s.train, &s.validation, &s.test]
            .iter()
            .flat_map(|d| d.inputs.iter().copied().collect::<Vec<_>>())
            .collect();
        all.sort_by(f64::total_cmp);
        assert_eq!(all, (0..10).map(|i| i as f64).collect::<Vec<_>>());
    }

    #[test]
    fn splits_keep_each_class_in_proportion() {
        // 60 of class 0, 30 of class 1, 10 of class 2.
        let targets: Vec<Vec<f64>> = (0..100)
            .map(|i| {
                let k = if i < 60 {
                    0
                } else if i < 90 {
                    1
                } else {
                    2
                };
                (0..3).map(|j| f64::from(u8::from(j == k))).collect()
            })
            .collect();
        let inputs: Vec<Vec<f64>> = (0..100).map(|i| vec![i as f64]).collect();
        let data = Dataset::from_rows(&inputs, &targets);
        let s = split(&data, 0.2, 0.1, 7);
        let count = |d: &Dataset, k: usize| {
            d.targets
                .column_iter()
                .filter(|c| class_of(c.as_slice()) == k)
                .count()
        };
        // 20 for validation: 12, 6, 2; 10 for test: 6, 3, 1.
        assert_eq!(
            (0..3).map(|k| count(&s.validation, k)).collect::<Vec<_>>(),
            [12, 6, 2]
        );
        assert_eq!(
            (0..3).map(|k| count(&s.test, k)).collect::<Vec<_>>(),
            [6, 3, 1]
        );
        assert_eq!(s.train.len(), 70);
    }

    #[test]
    fn standardize_uses_training_statistics_only() {
        let mut s = Splits {
            train: Dataset::from_rows(&[vec![1.0], vec![3.0]], &[vec![0.0], vec![0.0]]),
            validation: Dataset::from_rows(&[vec![5.0]], &[vec![0.0]]),
            test: Dataset::from_rows(&[], &[]),
        };
        standardize(&mut s);
        // mean 2, population sd 1
        assert_eq!(s.train.inputs.as_slice(), &[-1.0, 1.0]);
        assert_eq!(s.validation.inputs.as_slice(), &[3.0]);
    }
}
