//! Formula templates. A formula is written once, in the Unicode a terminal shows
//! (`δ¹ = (Wᵀ δ²) ⊙ f′(net¹)`), and [`latex`] turns it into LaTeX math for printed handouts.
//! The formulas of each activation and loss live in the catalog under ids made from their
//! names, so that adding one touches its kernel and the catalog, not this file.

use super::notation::{SUBSCRIPT_DIGITS, SUPERSCRIPT_DIGITS};
use crate::nn::{Activation, Loss};
use crate::words;

/// f of an activation, e.g. `σ(net) = 1/(1 + e^−net)`.
pub fn activation(a: Activation) -> String {
    words!(&format!("activation-{}-formula", a.name()))
}

/// f′ of an activation, e.g. `f′(net) = f(net)(1 − f(net))`.
pub fn activation_derivative(a: Activation) -> String {
    words!(&format!("activation-{}-derivative", a.name()))
}

/// f applied to a number already written out, e.g. `σ(0.3775)`; `term` is the number as a
/// factor (in parentheses when negative) and `layer` the layer's superscript.
pub fn activation_applied(a: Activation, net: String, term: String, layer: String) -> String {
    words!(
        &format!("activation-{}-applied", a.name()),
        net = net,
        term = term,
        layer = layer
    )
}

/// The per-sample formula of a loss, e.g. `C = ½ Σ_k (d_k − O_k)²`.
pub fn loss(l: Loss) -> String {
    words!(&format!("loss-{}-formula", l.name()))
}

/// dC/dO of a loss, e.g. `dC/dO = O − d`.
pub fn loss_derivative(l: Loss) -> String {
    words!(&format!("loss-{}-derivative", l.name()))
}

/// The same formula as LaTeX math (for `$…$`): Greek letters and operators become commands,
/// runs of super- and subscript digits become `^{…}` and `_{…}` (after `{}` where the base
/// already has one: `a^{2}_{1}{}^{2}`), what follows `^` (`e^−net`, `e^(−0.5)`) becomes its
/// exponent, and words become `\text{…}`.
pub fn latex(unicode: &str) -> String {
    let mut out = String::new();
    let mut scripts = Scripts::default();
    let mut chars = unicode.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(first) = superscript(c) {
            let mut run = first.to_string();
            while let Some(more) = chars.peek().and_then(|c| superscript(*c)) {
                run.push_str(more);
                chars.next();
            }
            out.push_str(&scripts.superscript(&run));
        } else if let Some(first) = subscript(c) {
            let mut run = first.to_string();
            while let Some(&next) = chars.peek() {
                match (subscript(next), next) {
                    (Some(more), _) => run.push_str(more),
                    (None, ',') => run.push(','),
                    _ => break,
                }
                chars.next();
            }
            out.push_str(&scripts.subscript(&run));
        } else if c == '^' {
            out.push_str(&scripts.superscript(&latex(&exponent(&mut chars))));
        } else if c.is_ascii_alphabetic() {
            let mut word = c.to_string();
            while let Some(&next) = chars.peek().filter(|c| c.is_ascii_alphabetic()) {
                word.push(next);
                chars.next();
            }
            scripts = Scripts::default();
            push(&mut out, &latex_word(&word), chars.peek());
        } else {
            scripts = Scripts::default();
            push(&mut out, &latex_symbol(c), chars.peek());
        }
    }
    out
}

/// Which scripts the last base already has.
#[derive(Default)]
struct Scripts {
    sup: bool,
    sub: bool,
}

impl Scripts {
    fn superscript(&mut self, run: &str) -> String {
        let empty = if self.sup { "{}" } else { "" };
        *self = Scripts {
            sup: true,
            sub: self.sub && !self.sup,
        };
        format!("{empty}^{{{run}}}")
    }

    fn subscript(&mut self, run: &str) -> String {
        let empty = if self.sub { "{}" } else { "" };
        *self = Scripts {
            sup: self.sup && !self.sub,
            sub: true,
        };
        format!("{empty}_{{{run}}}")
    }
}

/// What follows a `^`: a parenthesised group with its parentheses, or everything up to a
/// space, a closing parenthesis, a slash or a comma.
fn exponent(chars: &mut std::iter::Peekable<std::str::Chars>) -> String {
    let mut term = String::new();
    let mut depth = 0usize;
    while let Some(&c) = chars.peek() {
        let ends = matches!(c, ' ' | ')' | '/' | ',' | ';') && depth == 0;
        if ends {
            break;
        }
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        term.push(c);
        chars.next();
        if depth == 0 && term.starts_with('(') {
            break;
        }
    }
    term
}

/// Appends `piece`, with a space when it ends in a command name that the next letter would
/// otherwise lengthen (`\delta x`, not `\deltax`).
fn push(out: &mut String, piece: &str, next: Option<&char>) {
    out.push_str(piece);
    let command = piece.starts_with('\\') && piece.ends_with(|c: char| c.is_ascii_alphabetic());
    if command && next.is_some_and(|c| c.is_ascii_alphabetic() || !c.is_ascii()) {
        out.push(' ');
    }
}

/// What a superscript character stands for in LaTeX's `^{…}`.
fn superscript(c: char) -> Option<&'static str> {
    match c {
        'ᵀ' => Some("\\top "),
        'ˡ' => Some("l"),
        '⁺' => Some("+"),
        '⁻' => Some("-"),
        _ => digit(c, SUPERSCRIPT_DIGITS),
    }
}

/// What a subscript character stands for in LaTeX's `_{…}`.
fn subscript(c: char) -> Option<&'static str> {
    match c {
        'ₖ' => Some("k"),
        'ⱼ' => Some("j"),
        _ => digit(c, SUBSCRIPT_DIGITS),
    }
}

fn digit(c: char, digits: [char; 10]) -> Option<&'static str> {
    const PLAIN: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    digits.iter().position(|d| *d == c).map(|i| PLAIN[i])
}

/// A run of Latin letters: a function name, a symbol (one or two letters, or `net`), or a
/// word of text.
fn latex_word(word: &str) -> String {
    match word {
        "ln" | "max" | "tanh" | "exp" => format!("\\{word}"),
        "net" => "\\mathrm{net}".into(),
        w if w.len() <= 2 => w.into(),
        w => format!("\\text{{{w}}}"),
    }
}

fn latex_symbol(c: char) -> String {
    match c {
        'δ' => "\\delta",
        'η' => "\\eta",
        'σ' => "\\sigma",
        'Σ' => "\\sum",
        '∂' => "\\partial",
        '·' => "\\cdot",
        '×' => "\\times",
        '−' => "-",
        '⊙' => "\\odot",
        '←' => "\\leftarrow",
        '→' => "\\to",
        '≤' => "\\le",
        '…' => "\\ldots",
        '½' => "\\tfrac{1}{2}",
        '′' => "'",
        '‖' => "\\|",
        '%' => "\\%",
        '{' => "\\{",
        '}' => "\\}",
        _ => return c.to_string(),
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_come_from_the_catalog() {
        assert_eq!(activation(Activation::Sigmoid), "σ(net) = 1/(1 + e^−net)");
        assert_eq!(loss(Loss::HalfMse), "C = ½ Σ_k (d_k − O_k)²");
        assert_eq!(loss_derivative(Loss::Mse), "dC/dO = 2(O − d)");
        assert_eq!(
            activation_applied(Activation::Relu, "0.5".into(), "0.5".into(), "¹".into()),
            "max(0, 0.5)"
        );
    }

    #[test]
    fn every_activation_and_loss_has_its_formulas() {
        use strum::IntoEnumIterator;
        for a in Activation::iter() {
            for text in [activation(a), activation_derivative(a)] {
                assert!(!text.starts_with('['), "{a:?}: {text}");
            }
            let applied = activation_applied(a, "1".into(), "1".into(), "¹".into());
            assert!(!applied.starts_with('['), "{a:?}: {applied}");
        }
        for l in Loss::iter() {
            assert!(!loss(l).starts_with('['), "{l:?}");
            assert!(!loss_derivative(l).starts_with('['), "{l:?}");
        }
    }

    #[test]
    fn unicode_formulas_become_latex() {
        assert_eq!(
            latex("δ¹ = (W²ᵀ δ²) ⊙ f′(net¹)"),
            "\\delta ^{1} = (W^{2\\top } \\delta ^{2}) \\odot f'(\\mathrm{net}^{1})"
        );
        assert_eq!(
            latex("W₁₂ ← W₁₂ − η·∂C/∂W₁₂"),
            "W_{12} \\leftarrow W_{12} - \\eta \\cdot \\partial C/\\partial W_{12}"
        );
        assert_eq!(
            latex("C = ½ Σ_k (d_k − O_k)²"),
            "C = \\tfrac{1}{2} \\sum_k (d_k - O_k)^{2}"
        );
        assert_eq!(latex("W₁₀,₁"), "W_{10,1}");
        assert_eq!(latex("1 − a¹₁²"), "1 - a^{1}_{1}{}^{2}");
        assert_eq!(latex("1/(1 + e^−net)"), "1/(1 + e^{-\\mathrm{net}})");
        assert_eq!(
            latex("e^(−1.5) / Σ_k e^net²ₖ"),
            "e^{(-1.5)} / \\sum_k e^{\\mathrm{net}^{2}_{k}}"
        );
        assert_eq!(latex("mean δˡ"), "\\text{mean} \\delta ^{l}");
    }
}
