//! The three matrix products of back-propagation over column-major slices (one sample per
//! column): `W·A` (forward), `Wᵀ·D` (hidden deltas) and `D·Aᵀ` (gradients).
//!
//! Small products (the networks a student works by hand) run as plain loops over
//! contiguous columns; larger ones go to `matrixmultiply`, the kernel nalgebra itself uses
//! for big matrices, reading a transpose by swapping strides. The kernels call it directly
//! rather than through nalgebra's `gemm`, because nalgebra 0.35 mishandles a strided
//! (transposed) operand in its small-matrix path: it loops over the strided slice's length
//! instead of the vector's and writes past the end of the result (its `axcpy_uninit`, reported
//! upstream as dimforge/nalgebra#1616).

/// Products with at most this many multiply-adds run as plain loops.
const SMALL: usize = 4096;

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

    /// Column c, as a slice (found by multiplying, not dividing: these loops are tiny).
    fn column(&self, c: usize) -> &'a [f64] {
        &self.data[c * self.rows..(c + 1) * self.rows]
    }
}

/// The strides of a matrix for matrixmultiply: (row stride, column stride).
type Strides = (isize, isize);

fn big(
    m: usize,
    k: usize,
    n: usize,
    alpha: f64,
    a: (&[f64], Strides),
    b: (&[f64], Strides),
    out: &mut [f64],
) {
    // SAFETY: each operand is a whole `Columns` matrix (its slice holds rows × cols numbers,
    // checked in `Columns::new`), read either as it is or transposed by swapping its strides,
    // so every element matrixmultiply reaches lies inside its slice; `out` holds m × n
    // numbers (checked by the callers) written with strides (1, m).
    unsafe {
        matrixmultiply::dgemm(
            m,
            k,
            n,
            alpha,
            a.0.as_ptr(),
            a.1.0,
            a.1.1,
            b.0.as_ptr(),
            b.1.0,
            b.1.1,
            0.0,
            out.as_mut_ptr(),
            1,
            m as isize,
        );
    }
}

/// out ← W·A (+ bias on every column, when given), for W (n × m) and A (m × b); out is
/// n × b.
pub fn mul(out: &mut [f64], w: Columns<'_>, a: Columns<'_>, bias: Option<&[f64]>) {
    let (n, m, b) = (w.rows, w.cols, a.cols);
    assert_eq!(m, a.rows, "W·A: inner dimensions differ");
    let out = &mut out[..n * b];
    if n * m * b > SMALL {
        let col_major = |x: Columns<'_>| (x.rows as isize).max(1);
        big(
            n,
            m,
            b,
            1.0,
            (w.data, (1, col_major(w))),
            (a.data, (1, col_major(a))),
            out,
        );
        if let Some(bias) = bias {
            for c in 0..b {
                for (o, bj) in out[c * n..(c + 1) * n].iter_mut().zip(bias) {
                    *o += bj;
                }
            }
        }
        return;
    }
    for c in 0..b {
        let x = a.column(c);
        for r in 0..n {
            let mut sum = bias.map_or(0.0, |bias| bias[r]);
            for (i, xi) in x.iter().enumerate() {
                sum += w.data[r + i * n] * xi;
            }
            out[r + c * n] = sum;
        }
    }
}

/// out ← Wᵀ·D, for W (p × n) and D (p × b); out is n × b.
pub fn mul_transposed(out: &mut [f64], w: Columns<'_>, d: Columns<'_>) {
    let (p, n, b) = (w.rows, w.cols, d.cols);
    assert_eq!(p, d.rows, "Wᵀ·D: inner dimensions differ");
    let out = &mut out[..n * b];
    if n * p * b > SMALL {
        let stride = (p as isize).max(1);
        return big(
            n,
            p,
            b,
            1.0,
            (w.data, (stride, 1)),
            (d.data, (1, stride)),
            out,
        );
    }
    for c in 0..b {
        let d_col = d.column(c);
        for r in 0..n {
            out[r + c * n] = w.column(r).iter().zip(d_col).map(|(x, y)| x * y).sum();
        }
    }
}

/// out ← scale·D·Aᵀ, for D (n × b) and A (m × b); out is n × m.
pub fn mul_by_transpose(out: &mut [f64], scale: f64, d: Columns<'_>, a: Columns<'_>) {
    let (n, b, m) = (d.rows, d.cols, a.rows);
    assert_eq!(b, a.cols, "D·Aᵀ: inner dimensions differ");
    let out = &mut out[..n * m];
    if n * m * b > SMALL {
        let (dn, am) = ((n as isize).max(1), (m as isize).max(1));
        return big(n, b, m, scale, (d.data, (1, dn)), (a.data, (am, 1)), out);
    }
    for i in 0..m {
        for j in 0..n {
            let mut sum = 0.0;
            for s in 0..b {
                sum += d.data[j + s * n] * a.data[i + s * m];
            }
            out[j + i * n] = scale * sum;
        }
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
