//! The cost curves behind the plots: points, series and bounds, kept apart from drawing.

use crate::nn::{Cost, Costs};

/// The most points kept; beyond it every other older point is dropped, so memory stays
/// bounded on long runs while the shape of the curve remains.
pub const MAX_POINTS: usize = 20_000;

/// The most points a series hands to a chart; longer runs are thinned evenly.
pub const MAX_SERIES_POINTS: usize = 600;

/// What the x axis counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XAxis {
    /// Iterations (updates).
    Iterations,
    /// Epochs (passes over the training set), fractional within an epoch.
    Epochs,
}

/// The costs after one completed iteration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Iterations completed (0 = the initial network).
    pub iteration: u64,
    /// The same in epochs.
    pub epoch: f64,
    /// Over the training set.
    pub train: Costs,
    /// Over the validation set, if one is held out.
    pub validation: Option<Costs>,
}

/// All points so far, in order of iteration.
#[derive(Clone, Debug, Default)]
pub struct Curves {
    points: Vec<Point>,
}

impl Curves {
    /// Adds a point; a point at or before the last one (after stepping back and forward
    /// again) replaces what came after it.
    pub fn push(&mut self, point: Point) {
        self.truncate_after(point.iteration.saturating_sub(1));
        if self
            .points
            .last()
            .is_some_and(|p| p.iteration >= point.iteration)
        {
            self.points.pop();
        }
        self.points.push(point);
        if self.points.len() > MAX_POINTS {
            let last = self.points.len() - 1;
            let mut index = 0;
            self.points.retain(|_| {
                let keep = index % 2 == 0 || index == last;
                index += 1;
                keep
            });
        }
    }

    /// Forgets the points after `iteration` (after stepping back).
    pub fn truncate_after(&mut self, iteration: u64) {
        let keep = self.points.partition_point(|p| p.iteration <= iteration);
        self.points.truncate(keep);
    }

    /// The points, in order.
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    /// The iterations the points were taken after, in order.
    pub fn iterations(&self) -> Vec<u64> {
        self.points.iter().map(|p| p.iteration).collect()
    }

    /// The last point, if any.
    pub fn last(&self) -> Option<&Point> {
        self.points.last()
    }

    /// The number of points.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether there are no points.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// (x, y) pairs of one cost, training or validation, at most [`MAX_SERIES_POINTS`]
    /// (the last point always included). On a log scale y is log₁₀ of the value and
    /// values ≤ 0 are left out.
    pub fn series(&self, cost: Cost, validation: bool, x: XAxis, log: bool) -> Vec<(f64, f64)> {
        let step = self.points.len().div_ceil(MAX_SERIES_POINTS).max(1);
        let last = self.points.len().saturating_sub(1);
        self.points
            .iter()
            .enumerate()
            .filter(|(i, _)| i % step == 0 || *i == last)
            .filter_map(|(_, p)| {
                let costs = if validation { p.validation? } else { p.train };
                let y = costs.get(cost);
                let y = if log {
                    (y > 0.0).then(|| y.log10())?
                } else {
                    y
                };
                let x = match x {
                    XAxis::Iterations => p.iteration as f64,
                    XAxis::Epochs => p.epoch,
                };
                Some((x, y))
            })
            .collect()
    }
}

/// The largest magnitude of y a chart is handed. ratatui's canvas multiplies a value by the
/// chart's resolution before dividing by the range, so near 1e306 the product overflows to
/// inf, and its line drawing then walks towards `usize::MAX`: the view would hang.
pub const DRAWABLE: f64 = 1e300;

/// The power of ten every y value of a chart is divided by before drawing: 0, or for costs
/// beyond [`DRAWABLE`] the exponent of the largest, so that what is drawn stays below 10.
pub fn y_exponent(series: &[&[(f64, f64)]]) -> i32 {
    let largest = (series.iter().flat_map(|s| s.iter()))
        .map(|p| p.1.abs())
        .filter(|y| y.is_finite())
        .fold(0.0, f64::max);
    if largest > DRAWABLE {
        largest.log10().floor() as i32
    } else {
        0
    }
}

/// `series` with every y divided by 10^`exponent` (see [`y_exponent`]).
pub fn scaled(series: Vec<(f64, f64)>, exponent: i32) -> Vec<(f64, f64)> {
    if exponent == 0 {
        return series;
    }
    let factor = 10f64.powi(-exponent);
    series.into_iter().map(|(x, y)| (x, y * factor)).collect()
}

/// The x and y ranges that hold every series, with a little room (not below zero when no
/// value is), never empty.
pub fn bounds(series: &[&[(f64, f64)]]) -> ([f64; 2], [f64; 2]) {
    let mut x = [f64::INFINITY, f64::NEG_INFINITY];
    let mut y = [f64::INFINITY, f64::NEG_INFINITY];
    for (px, py) in series.iter().flat_map(|s| s.iter()) {
        x = [x[0].min(*px), x[1].max(*px)];
        y = [y[0].min(*py), y[1].max(*py)];
    }
    if !x[0].is_finite() {
        return ([0.0, 1.0], [0.0, 1.0]);
    }
    if x[1] - x[0] < 1e-12 {
        x[1] = x[0] + 1.0;
    }
    let room = ((y[1] - y[0]) * 0.05).max(1e-9);
    // Costs are never negative: do not let the room dip below zero.
    let low = if y[0] >= 0.0 {
        (y[0] - room).max(0.0)
    } else {
        y[0] - room
    };
    ([x[0], x[1]], [low, y[1] + room])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(iteration: u64, mse: f64) -> Point {
        Point {
            iteration,
            epoch: iteration as f64 / 4.0,
            train: Costs {
                mse,
                ..Costs::default()
            },
            validation: None,
        }
    }

    /// Costs up to 1.7e308 (a copy about to diverge) are drawn below 10, and the canvas's
    /// product of a value and a resolution of 1 000 stays finite; ordinary costs are drawn
    /// as they are.
    #[test]
    fn huge_costs_are_drawn_scaled_by_a_power_of_ten() {
        let huge = vec![(0.0, 0.5), (1.0, 4.5e307), (2.0, 1.7e308)];
        let exponent = y_exponent(&[&huge, &[(0.0, 2.0)]]);
        assert_eq!(exponent, 308);
        let drawn = scaled(huge, exponent);
        assert!(drawn[0].0 == 0.0 && drawn[0].1 > 0.0 && drawn[0].1 < 1e-307);
        assert!((drawn[2].1 - 1.7).abs() < 1e-12, "{drawn:?}");
        let (_, y) = bounds(&[&drawn]);
        assert!(y.iter().all(|v| (v * 1000.0).is_finite()), "{y:?}");
        let small = vec![(0.0, 0.25), (1.0, 1e300)];
        assert_eq!(y_exponent(&[&small]), 0);
        assert_eq!(scaled(small.clone(), 0), small);
    }

    #[test]
    fn stepping_back_and_forward_replaces_points() {
        let mut c = Curves::default();
        for i in 0..5 {
            c.push(point(i, 1.0 / (i + 1) as f64));
        }
        c.truncate_after(2);
        assert_eq!(c.len(), 3);
        c.push(point(3, 9.0));
        assert_eq!(c.len(), 4);
        assert_eq!(c.last().unwrap().train.mse, 9.0);
        c.push(point(3, 8.0));
        assert_eq!(c.len(), 4);
        assert_eq!(c.last().unwrap().train.mse, 8.0);
    }

    #[test]
    fn long_series_are_thinned_but_keep_their_ends() {
        let mut c = Curves::default();
        for i in 0..10_000 {
            c.push(point(i, 1.0));
        }
        let s = c.series(Cost::Mse, false, XAxis::Iterations, false);
        assert!(s.len() <= MAX_SERIES_POINTS + 1);
        assert_eq!(s.first().unwrap().0, 0.0);
        assert_eq!(s.last().unwrap().0, 9999.0);
        let e = c.series(Cost::Mse, false, XAxis::Epochs, false);
        assert_eq!(e.last().unwrap().0, 9999.0 / 4.0);
    }

    #[test]
    fn log_scale_drops_zeros() {
        let mut c = Curves::default();
        c.push(point(0, 100.0));
        c.push(point(1, 0.0));
        let s = c.series(Cost::Mse, false, XAxis::Iterations, true);
        assert_eq!(s, vec![(0.0, 2.0)]);
        assert!(
            c.series(Cost::Mse, true, XAxis::Iterations, false)
                .is_empty()
        );
    }

    #[test]
    fn bounds_hold_every_point_and_are_never_empty() {
        let a = [(0.0, 1.0), (2.0, 3.0)];
        let (x, y) = bounds(&[&a]);
        assert_eq!(x, [0.0, 2.0]);
        assert!(y[0] < 1.0 && y[1] > 3.0);
        let (x, y) = bounds(&[&[(5.0, 1.0)]]);
        assert!(x[1] > x[0] && y[1] > y[0]);
        assert_eq!(bounds(&[]), ([0.0, 1.0], [0.0, 1.0]));
    }
}
