//! The three matrix products of back-propagation over column-major slices (one sample per
//! column): `W·A` (forward), `Wᵀ·D` (hidden deltas) and `D·Aᵀ` (gradients).
//!
//! Every product is a register-blocked loop that allocates nothing (matrixmultiply, which
//! allocates a packing buffer on every call, is not used). Each element is summed in one
//! fixed order at every size, the order of the plain loop: the bias (or zero) first, then
//! the terms by ascending inner index, with plain multiplies and adds (no fused
//! multiply-add). The blocks only compute several such sums at once, so a product's numbers
//! do not depend on the block sizes or on where a matrix's edge falls.

/// Rows of a block of [`product`]: one vector of the accumulator per column, eight wide.
const ROWS: usize = 8;
/// Columns of a block of [`product`] and rows and columns of a block of [`mul_transposed`].
const COLS: usize = 4;

/// A column-major matrix in a slice: `rows` × `cols`, element (r, c) at `data[r + c·rows]`.
#[derive(Clone, Copy, Debug)]
pub struct Columns<'a> {
    data: &'a [f64],
    rows: usize,
    cols: usize,
}

impl<'a> Columns<'a> {
    /// The `rows` × `cols` matrix at the start of `data`.
    pub fn new(data: &'a [f64], rows: usize, cols: usize) -> Columns<'a> {
        assert!(data.len() >= rows * cols, "matrix slice too short");
        Columns {
            data: &data[..rows * cols],
            rows,
            cols,
        }
    }
}

/// The right operand of [`product`]: element (k, c) at `data[k·step + c·stride]`.
#[derive(Clone, Copy)]
struct Right<'a> {
    data: &'a [f64],
    step: usize,
    stride: usize,
}

impl Right<'_> {
    fn at(&self, k: usize, c: usize) -> f64 {
        self.data[k * self.step + c * self.stride]
    }
}

/// out (n × cols) ← start + left·right, each element summed by ascending k, for left
/// (n × depth, column-major) and right (depth × cols); `start` is a value per row (the bias)
/// or zero.
fn product(
    out: &mut [f64],
    left: Columns<'_>,
    right: Right<'_>,
    cols: usize,
    start: Option<&[f64]>,
) {
    let (n, depth) = (left.rows, left.cols);
    let first = |r: usize| start.map_or(0.0, |s| s[r]);
    let full_rows = n - n % ROWS;
    let mut c0 = 0;
    while c0 + COLS <= cols {
        for r0 in (0..full_rows).step_by(ROWS) {
            let mut acc = [[0.0; ROWS]; COLS];
            for column in &mut acc {
                for (i, a) in column.iter_mut().enumerate() {
                    *a = first(r0 + i);
                }
            }
            for k in 0..depth {
                let w = &left.data[r0 + k * n..r0 + k * n + ROWS];
                for (j, column) in acc.iter_mut().enumerate() {
                    let x = right.at(k, c0 + j);
                    for (a, wi) in column.iter_mut().zip(w) {
                        *a += wi * x;
                    }
                }
            }
            for (j, column) in acc.iter().enumerate() {
                let o = r0 + (c0 + j) * n;
                out[o..o + ROWS].copy_from_slice(column);
            }
        }
        edge_rows(out, left, right, (full_rows, c0, c0 + COLS), start);
        c0 += COLS;
    }
    edge_rows(out, left, right, (0, c0, cols), start);
}

/// The plain loop of [`product`] over rows `r0..n` of columns `c0..c1`.
fn edge_rows(
    out: &mut [f64],
    left: Columns<'_>,
    right: Right<'_>,
    (r0, c0, c1): (usize, usize, usize),
    start: Option<&[f64]>,
) {
    let (n, depth) = (left.rows, left.cols);
    for c in c0..c1 {
        for r in r0..n {
            let mut sum = start.map_or(0.0, |s| s[r]);
            for k in 0..depth {
                sum += left.data[r + k * n] * right.at(k, c);
            }
            out[r + c * n] = sum;
        }
    }
}

/// out ← W·A (+ bias on every column, when given), for W (n × m) and A (m × b); out is
/// n × b.
pub fn mul(out: &mut [f64], w: Columns<'_>, a: Columns<'_>, bias: Option<&[f64]>) {
    let (n, m, b) = (w.rows, w.cols, a.cols);
    assert_eq!(m, a.rows, "W·A: inner dimensions differ");
    let right = Right {
        data: a.data,
        step: 1,
        stride: m,
    };
    product(&mut out[..n * b], w, right, b, bias);
}

/// out ← Wᵀ·D, for W (p × n) and D (p × b); out is n × b. Each element is the dot product
/// of a column of W and a column of D, summed by ascending k from −0 (as `Iterator::sum`).
pub fn mul_transposed(out: &mut [f64], w: Columns<'_>, d: Columns<'_>) {
    let (p, n, b) = (w.rows, w.cols, d.cols);
    assert_eq!(p, d.rows, "Wᵀ·D: inner dimensions differ");
    let out = &mut out[..n * b];
    let dot = |r: usize, c: usize| -> f64 {
        let (x, y) = (&w.data[r * p..(r + 1) * p], &d.data[c * p..(c + 1) * p]);
        x.iter().zip(y).map(|(x, y)| x * y).sum()
    };
    let (full_r, full_c) = (n - n % COLS, b - b % COLS);
    for c0 in (0..full_c).step_by(COLS) {
        for r0 in (0..full_r).step_by(COLS) {
            let mut acc = [[-0.0; COLS]; COLS];
            for k in 0..p {
                let y: [f64; COLS] = std::array::from_fn(|j| d.data[k + (c0 + j) * p]);
                for (i, row) in acc.iter_mut().enumerate() {
                    let x = w.data[k + (r0 + i) * p];
                    for (a, yj) in row.iter_mut().zip(y) {
                        *a += x * yj;
                    }
                }
            }
            for (i, row) in acc.iter().enumerate() {
                for (j, a) in row.iter().enumerate() {
                    out[r0 + i + (c0 + j) * n] = *a;
                }
            }
        }
        for c in c0..c0 + COLS {
            for r in full_r..n {
                out[r + c * n] = dot(r, c);
            }
        }
    }
    for c in full_c..b {
        for r in 0..n {
            out[r + c * n] = dot(r, c);
        }
    }
}

/// out ← scale·D·Aᵀ, for D (n × b) and A (m × b); out is n × m.
pub fn mul_by_transpose(out: &mut [f64], scale: f64, d: Columns<'_>, a: Columns<'_>) {
    let (n, b, m) = (d.rows, d.cols, a.rows);
    assert_eq!(b, a.cols, "D·Aᵀ: inner dimensions differ");
    let out = &mut out[..n * m];
    let right = Right {
        data: a.data,
        step: m,
        stride: 1,
    };
    product(out, d, right, m, None);
    for o in out {
        *o *= scale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(n: usize, seed: f64) -> Vec<f64> {
        (0..n).map(|i| ((i as f64 + seed) * 0.7).sin()).collect()
    }

    /// Element (r, c) of a column-major matrix with `rows` rows.
    fn at(x: &[f64], rows: usize, r: usize, c: usize) -> f64 {
        x[r + c * rows]
    }

    const SIZES: [(usize, usize, usize); 5] = [
        (2, 2, 1),
        (3, 4, 5),
        (32, 64, 32),
        (10, 32, 32),
        (1, 200, 30),
    ];

    #[test]
    fn w_times_a_follows_the_definition() {
        for (n, m, b) in SIZES {
            let (w, a) = (numbers(n * m, 1.0), numbers(m * b, 2.0));
            let mut out = vec![f64::NAN; n * b];
            mul(
                &mut out,
                Columns::new(&w, n, m),
                Columns::new(&a, m, b),
                None,
            );
            for r in 0..n {
                for c in 0..b {
                    let e: f64 = (0..m).map(|i| at(&w, n, r, i) * at(&a, m, i, c)).sum();
                    assert!((at(&out, n, r, c) - e).abs() < 1e-12, "{n}×{m}×{b}");
                }
            }
        }
    }

    #[test]
    fn w_transposed_times_d_follows_the_definition() {
        for (p, n, b) in SIZES {
            let (w, d) = (numbers(p * n, 3.0), numbers(p * b, 4.0));
            let mut out = vec![f64::NAN; n * b];
            mul_transposed(&mut out, Columns::new(&w, p, n), Columns::new(&d, p, b));
            for r in 0..n {
                for c in 0..b {
                    let e: f64 = (0..p).map(|k| at(&w, p, k, r) * at(&d, p, k, c)).sum();
                    assert!((at(&out, n, r, c) - e).abs() < 1e-12, "{p}×{n}×{b}");
                }
            }
        }
    }

    #[test]
    fn d_times_a_transposed_follows_the_definition() {
        for (n, b, m) in SIZES {
            let (d, a) = (numbers(n * b, 5.0), numbers(m * b, 6.0));
            let mut out = vec![f64::NAN; n * m];
            mul_by_transpose(
                &mut out,
                0.5,
                Columns::new(&d, n, b),
                Columns::new(&a, m, b),
            );
            for r in 0..n {
                for c in 0..m {
                    let e: f64 = (0..b).map(|s| at(&d, n, r, s) * at(&a, m, c, s)).sum();
                    assert!((at(&out, n, r, c) - 0.5 * e).abs() < 1e-12, "{n}×{b}×{m}");
                }
            }
        }
    }
}
