//! The lesson's notation: the names of matrices, vectors and their entries (V, W, x, h, O,
//! δ²₁, W₁₂), sub- and superscripts, the costs' names, and how numbers are written.

use crate::nn::{BiasMode, Cost, Mode};
use crate::words;

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

/// A cost's name in full as a person reads it (chart titles): `cross-entropy`, not `CE`,
/// which the lesson uses for the classification error.
pub fn cost_name(cost: Cost) -> String {
    match cost {
        Cost::Mse => words!("cost-mse"),
        Cost::HalfMse => words!("cost-half-mse"),
        Cost::CrossEntropy => words!("cost-cross-entropy"),
        Cost::BinaryCrossEntropy => words!("cost-binary-cross-entropy"),
        Cost::ClassificationError => words!("cost-classification-error"),
    }
}

/// A gradient-descent mode in words (reports and handouts): `SGD`, `확률적 경사 하강법`.
pub fn mode_name(mode: Mode) -> String {
    match mode {
        Mode::Batch => words!("trace-mode-batch"),
        Mode::Sgd => words!("trace-mode-sgd"),
        Mode::MiniBatch => words!("trace-mode-mini-batch"),
    }
}

/// A gradient-descent mode in a word or two (labels and panel titles): `SGD`, `미니배치`.
pub fn mode_short_name(mode: Mode) -> String {
    match mode {
        Mode::Batch => words!("compare-label-batch"),
        Mode::Sgd => words!("compare-label-sgd"),
        Mode::MiniBatch => words!("compare-label-mini-batch"),
    }
}

/// What happens to the biases, in words: learned, fixed or none.
pub fn bias_mode_name(bias: BiasMode) -> String {
    match bias {
        BiasMode::Learned => words!("trace-bias-learned"),
        BiasMode::Fixed => words!("trace-bias-fixed"),
        BiasMode::None => words!("trace-bias-none"),
    }
}

/// A cost's formula per sample in a few symbols, to label its chart: `Σ(d−O)²`,
/// `−Σ d ln O`, `class O ≠ class d`.
pub fn cost_symbol(cost: Cost) -> String {
    match cost {
        Cost::Mse => words!("cost-mse-symbol"),
        Cost::HalfMse => words!("cost-half-mse-symbol"),
        Cost::CrossEntropy => words!("cost-cross-entropy-symbol"),
        Cost::BinaryCrossEntropy => words!("cost-binary-cross-entropy-symbol"),
        Cost::ClassificationError => words!("cost-classification-error-symbol"),
    }
}

/// A cost's name where the full one does not fit: `cross-ent.`, still never `CE`.
pub fn cost_short_name(cost: Cost) -> String {
    match cost {
        Cost::Mse => words!("cost-mse"),
        Cost::HalfMse => words!("cost-half-mse"),
        Cost::CrossEntropy => words!("cost-cross-entropy-short"),
        Cost::BinaryCrossEntropy => words!("cost-binary-cross-entropy-short"),
        Cost::ClassificationError => words!("cost-classification-error-short"),
    }
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
    /// `x` at the chosen precision, negative with a minus sign (−); a negative number that
    /// rounds to zero is written without one.
    pub fn show(self, x: f64) -> String {
        let p = self.precision;
        let tiny = x != 0.0 && x.abs() < 0.5 * 10f64.powi(-(p as i32));
        if x.is_finite() && (tiny || x.abs() >= 1e6) {
            readable(format!("{:.*e}", p.saturating_sub(1).max(1), x))
        } else {
            readable(format!("{x:.p$}"))
        }
    }

    /// `x` with an explicit sign, `+` or `−`, so that meaning does not ride on colour.
    pub fn signed(self, x: f64) -> String {
        with_sign(self.show(x))
    }

    /// `x` with an explicit sign in at most `width` characters: fixed-point when it fits,
    /// else scientific with as many digits as fit.
    pub fn fit(self, x: f64, width: usize) -> String {
        let fixed = self.signed(x);
        if fixed.chars().count() <= width || !x.is_finite() {
            return fixed;
        }
        for digits in (0..self.precision).rev() {
            let text = with_sign(readable(format!("{x:.digits$e}")));
            if text.chars().count() <= width {
                return text;
            }
        }
        with_sign(readable(format!("{x:.0e}")))
    }

    /// `x` in parentheses when it is written with a minus, for use inside a product or a sum.
    pub fn term(self, x: f64) -> String {
        let text = self.show(x);
        if text.starts_with(MINUS) {
            format!("({text})")
        } else {
            text
        }
    }
}

/// The minus sign people read (U+2212); CSV and JSON keep the ASCII hyphen.
pub const MINUS: char = '−';

/// `x` in scientific notation with `digits` decimals, as a person reads it: `1.70e0`,
/// `9.87e−1` (for ratios that span orders of magnitude).
pub fn scientific(x: f64, digits: usize) -> String {
    readable(format!("{x:.digits$e}"))
}

/// A number formatted by Rust, as a person reads it: `−` for `-` (in the exponent too), and
/// no sign on a number whose digits are all zero (`-0.0000` is `0.0000`).
fn readable(text: String) -> String {
    let mantissa = text.split(['e', 'E']).next().unwrap_or_default();
    let zero = !mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let text = match text.strip_prefix('-') {
        Some(rest) if zero && mantissa.bytes().any(|b| b.is_ascii_digit()) => rest.to_string(),
        _ => text,
    };
    text.replace('-', &MINUS.to_string())
}

/// `text` with a `+` in front unless it starts with a minus (or is not a number: NaN).
fn with_sign(text: String) -> String {
    if text.starts_with(MINUS) || text == "NaN" {
        text
    } else {
        format!("+{text}")
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

/// The name of neuron `j`'s δ in layer `l` (0-based `j`): δ²₁.
pub fn delta_name(l: usize, j: usize) -> String {
    indexed(&format!("δ{}", superscript(l)), &[j])
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

/// A number written briefly: scientific notation when very large or very small, with a
/// minus sign (−) when negative.
pub fn compact(x: f64) -> String {
    if x != 0.0 && !(1e-4..1e6).contains(&x.abs()) {
        readable(format!("{x:e}"))
    } else {
        readable(format!("{x}"))
    }
}

/// A network's shape: its layer sizes joined by dashes, e.g. `2-5-1`.
pub fn shape(sizes: &[usize]) -> String {
    sizes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_small_values_visible() {
        let n = Numbers { precision: 4 };
        assert_eq!(n.show(0.13849), "0.1385");
        assert_eq!(n.show(0.000043857), "4.386e−5");
        assert_eq!(n.term(-0.5), "(−0.5000)");
        assert_eq!(n.show(0.0), "0.0000");
        assert_eq!(n.show(1e300), "1.000e300");
        assert_eq!(n.show(-2.5e7), "−2.500e7");
    }

    #[test]
    fn negative_numbers_carry_the_minus_sign_people_read() {
        let n = Numbers { precision: 4 };
        assert_eq!(n.show(-0.0381), "\u{2212}0.0381");
        assert_eq!(n.show(-0.000043857), "−4.386e−5");
        assert_eq!(n.signed(-1.12), "−1.1200");
        assert_eq!(n.signed(0.56), "+0.5600");
        assert_eq!(n.term(0.25), "0.2500");
        assert_eq!(n.show(f64::NEG_INFINITY), "−inf");
        assert_eq!(n.signed(f64::NAN), "NaN");
        assert_eq!(compact(-0.5), "−0.5");
        assert_eq!(compact(-2e-7), "−2e−7");
        assert!(!n.show(-123.456).contains('-'));
    }

    #[test]
    fn a_negative_number_that_rounds_to_zero_has_no_minus() {
        let n = Numbers { precision: 4 };
        assert_eq!(n.show(-0.0), "0.0000");
        assert_eq!(n.signed(-0.0), "+0.0000");
        assert_eq!(n.fit(-0.0, 7), "+0.0000");
        assert_eq!(n.term(-0.0), "0.0000");
        assert_eq!(compact(-0.0), "0");
        let two = Numbers { precision: 2 };
        assert_eq!(two.show(-0.004), "−4.0e−3");
        assert_eq!(two.show(-0.005001), "−0.01");
        assert_eq!(readable("-0.00".to_string()), "0.00");
        assert_eq!(readable("-0.0e0".to_string()), "0.0e0");
    }

    #[test]
    fn fitted_numbers_keep_their_sign_and_exponent() {
        let n = Numbers { precision: 4 };
        assert_eq!(n.fit(0.5933, 7), "+0.5933");
        assert_eq!(n.fit(-0.0381, 7), "−0.0381");
        assert_eq!(n.fit(1.413e-7, 7), "+1.4e−7");
        assert_eq!(n.fit(-15.9071, 7), "−1.59e1");
        assert_eq!(n.fit(0.5933, 5), "+6e−1");
    }

    #[test]
    fn matrices_are_named_as_in_the_lesson() {
        assert_eq!(matrix_name(2, 1), "V");
        assert_eq!(matrix_name(2, 2), "W");
        assert_eq!(matrix_name(3, 3), "W³");
        assert_eq!(superscript(12), "¹²");
        assert_eq!(bias_name(2, 0), "b²₁");
        assert_eq!(scientific(0.987, 2), "9.87e−1");
        assert_eq!(scientific(1.7, 2), "1.70e0");
        assert_eq!(compact(0.5), "0.5");
        assert_eq!(cost_name(Cost::BinaryCrossEntropy), "binary cross-entropy");
        assert_eq!(cost_name(Cost::ClassificationError), "classification error");
        assert_eq!(compact(1e-7), "1e−7");
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
