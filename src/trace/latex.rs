//! The worked iteration as a LaTeX document, ready for a PDF: the
//! [`handout`](super::handout) blocks with every formula in math mode. English compiles with
//! pdflatex; Korean needs xelatex and kotex, as the file's first line says.
//!
//! Every word is escaped: a scenario's name and description come from a file, and even the
//! catalog's words hold characters LaTeX reads as commands.

use std::io::{Result, Write};

use super::handout::{self, Block, Item, Line, Span};
use crate::nn::Stepper;
use crate::scenario::Scenario;
use crate::text::catalog::{Language, language};
use crate::text::formula;
use crate::text::untrusted::printable;
use crate::words;

/// The packages of an English document: all in Debian's texlive-latex-base and
/// texlive-latex-recommended.
const ENGLISH: &str = "\\usepackage[T1]{fontenc}
\\usepackage[utf8]{inputenc}
\\usepackage{lmodern}
\\usepackage{amsmath}
";

/// The packages of a Korean document (xelatex): kotex for Hangul, with the Nanum fonts.
const KOREAN: &str = "\\usepackage{amsmath}
\\usepackage{kotex}
\\setmainhangulfont{NanumMyeongjo}
\\setsanshangulfont{NanumGothic}
";

const LAYOUT: &str = "\\usepackage[a4paper,margin=2cm]{geometry}
\\setlength{\\parindent}{0pt}
\\setlength{\\parskip}{0.6em}
";

/// Writes the preamble (which engine and packages the language needs), the title and the
/// set-up of the scenario.
pub fn write_header(out: &mut impl Write, scenario: &Scenario, stepper: &Stepper) -> Result<()> {
    let engine = words!("handout-latex-engine").replace('\n', "\n% ");
    writeln!(out, "% {engine}")?;
    writeln!(out, "\\documentclass[11pt]{{article}}")?;
    let packages = match language() {
        Language::English => ENGLISH,
        Language::Korean => KOREAN,
    };
    write!(out, "{packages}{LAYOUT}")?;
    writeln!(out, "\\begin{{document}}\n")?;
    write_blocks(out, &handout::header(scenario, stepper))
}

/// Writes the worked iteration the stepper has just finished (it must be at Done).
pub fn write(out: &mut impl Write, stepper: &Stepper) -> Result<()> {
    write_blocks(out, &handout::iteration(stepper))
}

/// Ends the document.
pub fn write_footer(out: &mut impl Write) -> Result<()> {
    writeln!(out, "\\end{{document}}")
}

fn write_blocks(out: &mut impl Write, blocks: &[Block]) -> Result<()> {
    for block in blocks {
        match block {
            Block::Heading(1, line) => {
                writeln!(out, "{{\\LARGE\\bfseries {}\\par}}\\bigskip", tex(line))?
            }
            Block::Heading(2, line) => writeln!(out, "\\section*{{{}}}", tex(line))?,
            Block::Heading(_, line) => writeln!(out, "\\subsection*{{{}}}", tex(line))?,
            Block::Paragraph(line) => writeln!(out, "{}", tex(line))?,
            Block::Table {
                columns,
                numeric,
                rows,
            } => write_table(out, columns, *numeric, rows)?,
            Block::List(items) => {
                writeln!(out, "\\begin{{itemize}}")?;
                for item in items {
                    let text = match item {
                        Item::Formula(f) => math(f),
                        Item::Words(line) => tex(line),
                    };
                    writeln!(out, "\\item {text}")?;
                }
                writeln!(out, "\\end{{itemize}}")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_table(
    out: &mut impl Write,
    columns: &[String],
    numeric: bool,
    rows: &[Vec<Line>],
) -> Result<()> {
    let align = if numeric { "r" } else { "l" };
    let spec = format!("l{}", align.repeat(columns.len() - 1));
    writeln!(
        out,
        "\\begin{{center}}\n\\begin{{tabular}}{{{spec}}}\n\\hline"
    )?;
    let heads: Vec<String> = columns.iter().map(|c| text(c)).collect();
    writeln!(out, "{} \\\\\n\\hline", heads.join(" & "))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(tex).collect();
        writeln!(out, "{} \\\\", cells.join(" & "))?;
    }
    writeln!(out, "\\hline\n\\end{{tabular}}\n\\end{{center}}")
}

/// A line in LaTeX: words escaped, formulas in math mode.
fn tex(line: &Line) -> String {
    line.iter()
        .map(|span| match span {
            Span::Text(words) => text(words),
            Span::Math(f) => math(f),
        })
        .collect()
}

/// A formula (or a number) in math mode, with the proper minus.
fn math(unicode: &str) -> String {
    format!("${}$", formula::latex(unicode).replace(";  ", ";\\quad "))
}

/// Words for LaTeX, on one line: control characters written out, `**bold**` (the catalog's emphasis) in
/// bold, the characters LaTeX reads as commands escaped, the lesson's symbols (δ, ², ⊙) in
/// math mode, and in English (pdflatex) any other character its fonts lack named by its
/// code point.
fn text(words: &str) -> String {
    printable(words)
        .split("**")
        .enumerate()
        .map(|(i, part)| match i % 2 {
            0 => escape(part),
            _ => format!("\\textbf{{{}}}", escape(part)),
        })
        .collect()
}

fn escape(words: &str) -> String {
    let mut out = String::new();
    let mut symbols = String::new();
    for c in words.chars() {
        if !c.is_ascii() && formula::latex(&c.to_string()) != c.to_string() {
            symbols.push(c);
            continue;
        }
        if !symbols.is_empty() {
            out.push_str(&format!("\\ensuremath{{{}}}", formula::latex(&symbols)));
            symbols.clear();
        }
        out.push_str(&escape_char(c));
    }
    if !symbols.is_empty() {
        out.push_str(&format!("\\ensuremath{{{}}}", formula::latex(&symbols)));
    }
    out
}

fn escape_char(c: char) -> String {
    match c {
        '\\' => "\\textbackslash{}".into(),
        '^' => "\\textasciicircum{}".into(),
        '~' => "\\textasciitilde{}".into(),
        '{' | '}' | '$' | '&' | '#' | '_' | '%' => format!("\\{c}"),
        '<' => "\\textless{}".into(),
        '>' => "\\textgreater{}".into(),
        '|' => "\\textbar{}".into(),
        '\n' => " ".into(),
        c if language() == Language::English && !pdflatex_has(c) => {
            format!("\\texttt{{U+{:04X}}}", u32::from(c))
        }
        c => c.to_string(),
    }
}

/// Whether pdflatex's T1 fonts (with inputenc's utf8) write `c`: ASCII, the Latin-1 and
/// Latin Extended-A letters, and typographic quotes and dashes.
fn pdflatex_has(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A0}'..='\u{17F}' | '–' | '—' | '‘' | '’' | '“' | '”')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_escaped_and_symbols_in_math() {
        assert_eq!(
            text("a_b & c $x$ \\evil{} 50% #1 ^~"),
            "a\\_b \\& c \\$x\\$ \\textbackslash{}evil\\{\\} 50\\% \\#1 \\textasciicircum{}\\textasciitilde{}"
        );
        assert_eq!(
            text("δ² = ∂C"),
            "\\ensuremath{\\delta ^{2}} = \\ensuremath{\\partial}C"
        );
        assert_eq!(text("the **before** value"), "the \\textbf{before} value");
        assert_eq!(text("bell\u{7}"), "bell\\textbackslash{}u\\{7\\}");
        assert_eq!(text("café 한"), "café \\texttt{U+D55C}");
    }
}
