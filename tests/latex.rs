//! `trace --format latex`: the worked iteration as a LaTeX document. Its numbers are the hand
//! computation's (tests/two_two_two_by_hand.py), a hostile scenario name is escaped, and the
//! English document compiles with pdflatex. `.ci/run` installs pdflatex; where it is missing
//! the compiling tests fail when `CI` is set (CI must run them), and otherwise say so and
//! return.

mod common;

use std::path::Path;
use std::process::Command;

use common::{backstep, text};

/// The LaTeX handout of `scenario`'s first iteration, in English.
fn handout(scenario: &str) -> String {
    let out = backstep(&["trace", scenario, "--format", "latex"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Whether pdflatex is here to compile with; without it, a panic under CI and a note
/// otherwise.
fn pdflatex_found() -> bool {
    let found = Command::new("pdflatex").arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdflatex is missing, and CI must compile the LaTeX handout (.ci/run installs \
             texlive-latex-base, texlive-latex-recommended and lmodern)"
        );
        eprintln!(
            "skipped: pdflatex is not installed (apt-get install texlive-latex-base texlive-latex-recommended lmodern)"
        );
    }
    found
}

/// Compiles `document` in `dir` with pdflatex and returns the PDF's size in bytes.
fn compile(dir: &Path, document: &str) -> u64 {
    std::fs::write(dir.join("handout.tex"), document).unwrap();
    let out = Command::new("pdflatex")
        .args(["-interaction=nonstopmode", "-halt-on-error", "handout.tex"])
        .current_dir(dir)
        .output()
        .expect("pdflatex runs");
    assert!(
        out.status.success(),
        "pdflatex failed:\n{}",
        text(&out.stdout)
    );
    std::fs::metadata(dir.join("handout.pdf")).unwrap().len()
}

#[test]
fn the_document_holds_the_deltas_worked_out_by_hand() {
    let tex = handout("two-two-two");
    // tests/two_two_two_by_hand.py: δ²₁ = (0.751365 − 0.01)·0.751365·(1 − 0.751365) ≈
    // 0.138499, δ²₂ = (0.772928 − 0.99)·0.772928·(1 − 0.772928) ≈ −0.038098 (a proper
    // minus: `-` in math mode); the hidden deltas 0.008771 and 0.009954.
    let item = |symbol: &str| {
        tex.lines()
            .find(|line| line.starts_with(&format!("\\item ${symbol} = ")))
            .unwrap_or_else(|| panic!("no item for {symbol}:\n{tex}"))
            .to_string()
    };
    assert!(item("\\delta ^{2}_{1}").ends_with("= 0.138499$"));
    assert!(item("\\delta ^{2}_{2}").ends_with("= -0.038098$"));
    assert!(item("\\delta ^{1}_{1}").ends_with("= 0.008771$"));
    assert!(item("\\delta ^{1}_{2}").ends_with("= 0.009954$"));
    assert!(tex.starts_with("% Compile with pdflatex"), "{tex}");
    assert!(tex.contains("\\begin{document}"));
    assert!(tex.trim_end().ends_with("\\end{document}"));
    assert!(
        !tex.contains('δ') && !tex.contains('−'),
        "Unicode left in:\n{tex}"
    );
}

#[test]
fn the_korean_document_says_it_needs_xelatex_and_kotex() {
    let out = backstep(&["--lang", "ko", "trace", "two-two-two", "--format", "latex"]);
    let tex = text(&out.stdout);
    let first = tex.lines().next().unwrap_or_default();
    assert!(
        first.starts_with('%') && first.contains("xelatex"),
        "{first}"
    );
    assert!(tex.contains("\\usepackage{kotex}"));
    assert!(tex.contains("출력"), "the Korean words:\n{tex}");
}

#[test]
fn the_english_document_compiles_even_with_a_hostile_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.toml");
    let scenario = std::fs::read_to_string("scenarios/two-two-two.toml")
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with("name."))
        .collect::<Vec<_>>()
        .join("\n");
    let name = "name = \"a_b & c $x$ \\\\evil{} 100% #1 ^~ \\u001b[2J 한\"";
    let scenario = format!("{name}\n{scenario}");
    std::fs::write(&path, scenario).unwrap();
    let tex = handout(path.to_str().unwrap());
    let escaped = "a\\_b \\& c \\$x\\$ \\textbackslash{}evil\\{\\} 100\\% \\#1 \
                   \\textasciicircum{}\\textasciitilde{} \\textbackslash{}u\\{1b\\}[2J \
                   \\texttt{U+D55C}";
    assert!(tex.contains(escaped), "{tex}");
    if !pdflatex_found() {
        return;
    }
    for document in [handout("two-two-two"), tex] {
        let build = tempfile::tempdir().unwrap();
        assert!(compile(build.path(), &document) > 1000);
    }
}
