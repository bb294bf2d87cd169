//! A readable worked iteration as markdown, a handout a teacher could give out: the
//! [`handout`](super::handout) blocks, formatted.

use std::io::{Result, Write};

use super::handout::{self, Block, Item, Line, Span};
use crate::nn::Stepper;
use crate::scenario::Scenario;

/// Writes the title and the set-up of the scenario.
pub fn write_header(out: &mut impl Write, scenario: &Scenario, stepper: &Stepper) -> Result<()> {
    write_blocks(out, &handout::header(scenario, stepper))
}

/// Writes the worked iteration the stepper has just finished (it must be at Done).
pub fn write(out: &mut impl Write, stepper: &Stepper) -> Result<()> {
    write_blocks(out, &handout::iteration(stepper))
}

/// Writes each block followed by an empty line.
fn write_blocks(out: &mut impl Write, blocks: &[Block]) -> Result<()> {
    for block in blocks {
        match block {
            Block::Heading(level, line) => writeln!(out, "{} {}", "#".repeat(*level), plain(line))?,
            Block::Paragraph(line) => writeln!(out, "{}", plain(line))?,
            Block::Table {
                columns,
                numeric,
                rows,
            } => {
                writeln!(out, "| {} |", columns.join(" | "))?;
                let rule = if *numeric { "---:" } else { "---" };
                let rules = vec![rule; columns.len() - 1].join("|");
                writeln!(out, "|---|{rules}|")?;
                for row in rows {
                    let cells: Vec<String> = row.iter().map(plain).collect();
                    writeln!(out, "| {} |", cells.join(" | "))?;
                }
            }
            Block::List(items) => {
                for item in items {
                    match item {
                        Item::Formula(formula) => writeln!(out, "- `{formula}`")?,
                        Item::Words(line) => writeln!(out, "- {}", plain(line))?,
                    }
                }
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A line as it reads: formulas in their Unicode symbols, as they are.
fn plain(line: &Line) -> String {
    line.iter()
        .map(|span| match span {
            Span::Text(text) | Span::Math(text) => text.as_str(),
        })
        .collect()
}
