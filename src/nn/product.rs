//! The three matrix products of back-propagation over column-major slices (one sample per
//! column): `W·A` (forward), `Wᵀ·D` (hidden deltas) and `D·Aᵀ` (gradients).
//!
//! Tiny products (the networks a student works by hand) run as plain loops over contiguous
//! columns, one rounding per product and per sum. Larger ones run register-blocked: tiles of
//! up to 16 rows × 4 columns of the result stay in registers while the inner dimension is
//! walked once, without packing and without allocating (`Wᵀ` is copied into a buffer the
//! caller keeps). They are compiled for AVX-512 and for AVX2, with fused multiply-adds, and
//! for plain code, with a multiplication and an addition per term, and chosen at run time
//! (the same choice as `vmath`'s), so results are reproducible on one machine. Products
//! whose left operand no longer fits in the cache go to `matrixmultiply`, the kernel
//! nalgebra itself uses for big matrices, reading a transpose by swapping strides.
//! The kernels call it directly
//! rather than through nalgebra's `gemm`, because nalgebra 0.35 mishandles a strided
//! (transposed) operand in its small-matrix path: it loops over the strided slice's length
//! instead of the vector's and writes past the end of the result (its `axcpy_uninit`, reported
//! upstream as dimforge/nalgebra#1616).

use super::vmath::{Kernel, Path};

/// Products with at most this many multiply-adds run as plain loops, one rounding per
/// product and per sum, as a student works them by hand.
const TINY: usize = 64;
/// A left operand of more numbers than this (256 KiB) no longer stays in the cache through
/// a register-blocked pass; such products go to matrixmultiply, which blocks for the cache.
const CACHED: usize = 1 << 15;

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
        let len = rows.checked_mul(cols).expect("matrix size overflows");
        assert!(data.len() >= len, "matrix slice too short");
        Columns {
            data: &data[..len],
            rows,
            cols,
        }
    }

    /// Column c, as a slice (found by multiplying, not dividing: these loops are tiny).
    fn column(&self, c: usize) -> &'a [f64] {
        &self.data[c * self.rows..(c + 1) * self.rows]
    }
}

/// One product out ← scale·(start + L·R) for the register-blocked kernels: L is `rows` ×
/// `inner`, column-major and contiguous; element (i, c) of R is at `right[i·step +
/// c·stride]`, so R may be a transpose; `start` (a bias) is added to every column first.
#[derive(Clone, Copy)]
struct Product<'a> {
    left: &'a [f64],
    rows: usize,
    inner: usize,
    right: &'a [f64],
    step: usize,
    stride: usize,
    cols: usize,
    start: Option<&'a [f64]>,
    scale: f64,
}

impl Product<'_> {
    /// Computes the product into `out` (rows × cols, column-major) on the fastest path this
    /// processor has. Kept out of line, so that the tiny products' loops stay small enough
    /// to be inlined where they are called.
    #[inline(never)]
    fn run(&self, out: &mut [f64]) {
        self.run_on(Path::best(), out);
    }

    /// [`Product::run`] on `path`, which the processor must support.
    fn run_on(&self, path: Path, out: &mut [f64]) {
        assert!(self.left.len() >= self.rows * self.inner && out.len() >= self.rows * self.cols);
        if self.rows * self.inner > CACHED {
            return self.big(out);
        }
        if path == Path::Scalar {
            blocked::<false>(self, out);
        } else {
            path.build(Fused(self, out));
        }
    }

    /// The product by matrixmultiply, then the start added.
    fn big(&self, out: &mut [f64]) {
        let (m, k, n) = (self.rows, self.inner, self.cols);
        let b_strides = (self.step as isize, self.stride as isize);
        let b_end = (k.max(1) - 1) * self.step + (n.max(1) - 1) * self.stride;
        assert!(
            k == 0 || n == 0 || b_end < self.right.len(),
            "right operand too short"
        );
        // SAFETY: A is m × k column-major inside `left` (checked in `run`), every element of
        // B lies at or below `b_end` inside `right` (checked above), and `out` holds m × n
        // numbers written with strides (1, m).
        unsafe {
            matrixmultiply::dgemm(
                m,
                k,
                n,
                self.scale,
                self.left.as_ptr(),
                1,
                m.max(1) as isize,
                self.right.as_ptr(),
                b_strides.0,
                b_strides.1,
                0.0,
                out.as_mut_ptr(),
                1,
                m.max(1) as isize,
            );
        }
        if let Some(start) = self.start {
            for column in out[..m * n].chunks_exact_mut(m.max(1)) {
                for (o, s) in column.iter_mut().zip(start) {
                    *o += self.scale * s;
                }
            }
        }
    }
}

/// The register-blocked product with fused multiply-adds, as a [`Kernel`] for the vector
/// paths.
struct Fused<'a, 'b>(&'a Product<'b>, &'a mut [f64]);

impl Kernel for Fused<'_, '_> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        blocked::<true>(self.0, self.1);
    }
}

/// The register-blocked product: tiles of up to 16 rows × 4 columns of `out`, each held in
/// registers while the inner dimension is walked once. `FUSED`: each term is added by a
/// fused multiply-add (the vector paths); otherwise by a multiplication and an addition (a
/// processor without the instruction, where `mul_add` would be computed in software).
#[inline(always)]
fn blocked<const FUSED: bool>(p: &Product<'_>, out: &mut [f64]) {
    let mut r = 0;
    while r + 16 <= p.rows {
        tile_row::<16, FUSED>(p, out, r);
        r += 16;
    }
    if r + 8 <= p.rows {
        tile_row::<8, FUSED>(p, out, r);
        r += 8;
    }
    if r + 4 <= p.rows {
        tile_row::<4, FUSED>(p, out, r);
        r += 4;
    }
    if r + 2 <= p.rows {
        tile_row::<2, FUSED>(p, out, r);
        r += 2;
    }
    if r < p.rows {
        tile_row::<1, FUSED>(p, out, r);
    }
}

/// Every tile of the `R` rows from `r0`: four columns at a time, then one.
#[inline(always)]
fn tile_row<const R: usize, const FUSED: bool>(p: &Product<'_>, out: &mut [f64], r0: usize) {
    let mut c = 0;
    while c + 4 <= p.cols {
        tile::<R, 4, FUSED>(p, out, r0, c);
        c += 4;
    }
    while c < p.cols {
        tile::<R, 1, FUSED>(p, out, r0, c);
        c += 1;
    }
}

/// The `R` × `C` block of `out` at (r0, c0): C·R sums of the inner dimension, each kept in a
/// register.
#[inline(always)]
fn tile<const R: usize, const C: usize, const FUSED: bool>(
    p: &Product<'_>,
    out: &mut [f64],
    r0: usize,
    c0: usize,
) {
    let mut acc = [[0.0; R]; C];
    if let Some(start) = p.start {
        let first: [f64; R] = start[r0..r0 + R].try_into().expect("R numbers");
        acc = [first; C];
    }
    if p.inner > 0 {
        let last = p.inner - 1;
        assert!(
            last * p.rows + r0 + R <= p.left.len(),
            "left operand too short"
        );
        assert!(
            last * p.step + (c0 + C - 1) * p.stride < p.right.len(),
            "right operand too short"
        );
    }
    for i in 0..p.inner {
        // SAFETY: i ≤ inner − 1 and j < C, so both reads lie inside the operands (checked
        // above for the largest i and j).
        let (left, right) = unsafe {
            let left = p.left.as_ptr().add(i * p.rows + r0).cast::<[f64; R]>();
            (&*left, p.right.as_ptr().add(i * p.step + c0 * p.stride))
        };
        for (j, sums) in acc.iter_mut().enumerate() {
            // SAFETY: see above.
            let x = unsafe { *right.add(j * p.stride) };
            for (sum, l) in sums.iter_mut().zip(left) {
                *sum = if FUSED {
                    l.mul_add(x, *sum)
                } else {
                    *sum + l * x
                };
            }
        }
    }
    for (j, sums) in acc.iter().enumerate() {
        let column = &mut out[(c0 + j) * p.rows + r0..][..R];
        for (o, sum) in column.iter_mut().zip(sums) {
            *o = sum * p.scale;
        }
    }
}

/// out ← W·A (+ bias on every column, when given), for W (n × m) and A (m × b); out is
/// n × b.
pub fn mul(out: &mut [f64], w: Columns<'_>, a: Columns<'_>, bias: Option<&[f64]>) {
    let (n, m, b) = (w.rows, w.cols, a.cols);
    assert_eq!(m, a.rows, "W·A: inner dimensions differ");
    let out = &mut out[..n * b];
    if n * m * b > TINY {
        let product = Product {
            left: w.data,
            rows: n,
            inner: m,
            right: a.data,
            step: 1,
            stride: m,
            cols: b,
            start: bias,
            scale: 1.0,
        };
        return product.run(out);
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

/// out ← Wᵀ·D, for W (p × n) and D (p × b); out is n × b. `scratch` (at least p × n
/// numbers) holds Wᵀ for the register-blocked kernel.
pub fn mul_transposed(out: &mut [f64], w: Columns<'_>, d: Columns<'_>, scratch: &mut [f64]) {
    let (p, n, b) = (w.rows, w.cols, d.cols);
    assert_eq!(p, d.rows, "Wᵀ·D: inner dimensions differ");
    let out = &mut out[..n * b];
    if n * p * b > TINY {
        let transposed = &mut scratch[..p * n];
        for (r, column) in transposed.chunks_exact_mut(n.max(1)).enumerate() {
            for (c, t) in column.iter_mut().enumerate() {
                *t = w.data[r + c * p];
            }
        }
        let product = Product {
            left: transposed,
            rows: n,
            inner: p,
            right: d.data,
            step: 1,
            stride: p,
            cols: b,
            start: None,
            scale: 1.0,
        };
        return product.run(out);
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
    if n * m * b > TINY {
        let product = Product {
            left: d.data,
            rows: n,
            inner: b,
            right: a.data,
            step: m,
            stride: 1,
            cols: m,
            start: None,
            scale,
        };
        return product.run(out);
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

    /// Tiny products, every tile shape (16, 8, 4, 2 and 1 rows; 4 and 1 columns) and the
    /// shapes of the benchmarks' networks.
    const SIZES: [(usize, usize, usize); 9] = [
        (2, 2, 1),
        (3, 4, 5),
        (32, 64, 32),
        (10, 32, 32),
        (1, 200, 30),
        (31, 7, 9),
        (64, 3, 5),
        (17, 1, 6),
        (300, 120, 3),
    ];

    #[test]
    fn every_path_computes_the_same_product_with_a_bias_and_a_scale() {
        let (rows, inner, cols) = (27, 13, 11);
        let (left, right, start) = (
            numbers(rows * inner, 7.0),
            numbers(inner * cols * 3, 8.0),
            numbers(rows, 9.0),
        );
        for (step, stride) in [(1, inner), (cols, 1), (3, 3 * inner)] {
            let product = Product {
                left: &left,
                rows,
                inner,
                right: &right,
                step,
                stride,
                cols,
                start: Some(&start),
                scale: 0.25,
            };
            let want: Vec<f64> = (0..rows * cols)
                .map(|e| {
                    let (r, c) = (e % rows, e / rows);
                    let sum: f64 = (0..inner)
                        .map(|i| left[r + i * rows] * right[i * step + c * stride])
                        .sum();
                    0.25 * (start[r] + sum)
                })
                .collect();
            let paths = [Path::Avx512, Path::Avx2, Path::Scalar];
            for path in paths.into_iter().filter(|p| p.available()) {
                let mut out = vec![f64::NAN; rows * cols];
                product.run_on(path, &mut out);
                for (o, w) in out.iter().zip(&want) {
                    assert!(
                        (o - w).abs() < 1e-13,
                        "{path:?}, strides ({step}, {stride}): {o} ≠ {w}"
                    );
                }
            }
        }
    }

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
            let (mut out, mut scratch) = (vec![f64::NAN; n * b], vec![f64::NAN; p * n]);
            mul_transposed(
                &mut out,
                Columns::new(&w, p, n),
                Columns::new(&d, p, b),
                &mut scratch,
            );
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
