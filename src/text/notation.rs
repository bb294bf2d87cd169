//! The lesson's notation: the names of matrices, vectors and their entries (V, W, x, h, O,
//! δ²₁, W₁₂), sub- and superscripts, and how numbers are written.

/// The name of layer l's matrix (1-based) in a network of `depth` layers:
/// V and W with exactly one hidden layer, else W¹…Wᴸ.
pub fn matrix_name(depth: usize, l: usize) -> String {
    if depth == 2 {
        if l == 1 { "V" } else { "W" }.to_string()
    } else {
        format!("W{}", superscript(l))
    }
}

/// The name of bias j (0-based) of layer l, e.g. `b²₁`.
pub fn bias_name(l: usize, j: usize) -> String {
    indexed(&format!("b{}", superscript(l)), &[j])
}

/// The superscript digits 0–9.
pub const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The subscript digits 0–9.
pub const SUBSCRIPT_DIGITS: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];

/// Digits as superscripts.
pub fn superscript(n: usize) -> String {
    in_digits(n, SUPERSCRIPT_DIGITS)
}

/// Digits as subscripts.
pub fn subscript(n: usize) -> String {
    in_digits(n, SUBSCRIPT_DIGITS)
}

fn in_digits(n: usize, digits: [char; 10]) -> String {
    n.to_string()
        .bytes()
        .map(|b| digits[usize::from(b - b'0')])
        .collect()
}

/// Formats numbers at a fixed number of decimal places, switching to scientific notation
/// for values too small to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numbers {
    /// Decimal places.
    pub precision: usize,
}

impl Numbers {
    /// `x` at the chosen precision.
    pub fn show(self, x: f64) -> String {
        let p = self.precision;
        let tiny = x != 0.0 && x.abs() < 0.5 * 10f64.powi(-(p as i32));
        if x.is_finite() && (tiny || x.abs() >= 1e6) {
            format!("{:.*e}", p.saturating_sub(1).max(1), x)
        } else {
            format!("{x:.p$}")
        }
    }

    /// `x` with an explicit sign in at most `width` characters: fixed-point when it fits,
    /// else scientific with as many digits as fit.
    pub fn fit(self, x: f64, width: usize) -> String {
        let sign = if x >= 0.0 { "+" } else { "" };
        let fixed = format!("{sign}{}", self.show(x));
        if fixed.chars().count() <= width || !x.is_finite() {
            return fixed;
        }
        for digits in (0..self.precision).rev() {
            let text = format!("{sign}{x:.digits$e}");
            if text.chars().count() <= width {
                return text;
            }
        }
        format!("{sign}{x:.0e}")
    }

    /// `x` in parentheses when negative, for use inside a product or a sum.
    pub fn term(self, x: f64) -> String {
        if x < 0.0 || (x == 0.0 && x.is_sign_negative()) {
            format!("({})", self.show(x))
        } else {
            self.show(x)
        }
    }
}

/// The name of layer l's output vector in a network of `depth` layers:
/// x for the inputs, O for the outputs, h for the one hidden layer, else aˡ.
pub fn value_name(depth: usize, l: usize) -> String {
    if l == 0 {
        "x".into()
    } else if l == depth {
        "O".into()
    } else if depth == 2 {
        "h".into()
    } else {
        format!("a{}", superscript(l))
    }
}

/// `name` with 1-based subscripts for 0-based `indices` (separated by commas when a
/// number has two digits).
pub fn indexed(name: &str, indices: &[usize]) -> String {
    let parts: Vec<String> = indices.iter().map(|i| subscript(i + 1)).collect();
    let sep = if indices.iter().any(|i| *i >= 9) {
        ","
    } else {
        ""
    };
    format!("{name}{}", parts.join(sep))
}

/// A number written briefly: scientific notation when very large or very small.
pub fn compact(x: f64) -> String {
    if x != 0.0 && !(1e-4..1e6).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_small_values_visible() {
        let n = Numbers { precision: 4 };
        assert_eq!(n.show(0.13849), "0.1385");
        assert_eq!(n.show(0.000043857), "4.386e-5");
        assert_eq!(n.term(-0.5), "(-0.5000)");
        assert_eq!(n.show(0.0), "0.0000");
        assert_eq!(n.show(1e300), "1.000e300");
        assert_eq!(n.show(-2.5e7), "-2.500e7");
    }

    #[test]
    fn fitted_numbers_keep_their_sign_and_exponent() {
        let n = Numbers { precision: 4 };
        assert_eq!(n.fit(0.5933, 7), "+0.5933");
        assert_eq!(n.fit(-0.0381, 7), "-0.0381");
        assert_eq!(n.fit(1.413e-7, 7), "+1.4e-7");
        assert_eq!(n.fit(-15.9071, 7), "-1.59e1");
        assert_eq!(n.fit(0.5933, 5), "+6e-1");
    }

    #[test]
    fn matrices_are_named_as_in_the_lesson() {
        assert_eq!(matrix_name(2, 1), "V");
        assert_eq!(matrix_name(2, 2), "W");
        assert_eq!(matrix_name(3, 3), "W³");
        assert_eq!(superscript(12), "¹²");
        assert_eq!(bias_name(2, 0), "b²₁");
        assert_eq!(compact(0.5), "0.5");
        assert_eq!(compact(1e-7), "1e-7");
    }

    #[test]
    fn names_are_one_based() {
        assert_eq!(indexed("W", &[0, 1]), "W₁₂");
        assert_eq!(indexed("W", &[9, 0]), "W₁₀,₁");
        assert_eq!(value_name(2, 1), "h");
        assert_eq!(value_name(3, 1), "a¹");
        assert_eq!(value_name(3, 3), "O");
    }
}
