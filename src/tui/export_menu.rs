//! The export menu (`w`): what the view can write into the current folder (or
//! `--export-dir`). The app keeps the menu's state and the export asked for; the front end
//! writes the file ([`super::export`]) and the app's notice names it.

use crate::words;

/// Something the view writes to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The iteration under way (finished first) as the markdown handout.
    Markdown,
    /// The same as a LaTeX document.
    Latex,
    /// The cost charts as an SVG image.
    Svg,
    /// The cost charts as a PNG image.
    Png,
    /// The curves' points as CSV.
    Csv,
    /// The screen as plain text.
    Screen,
    /// The scenario as run, as a scenario file.
    Scenario,
}

impl Export {
    /// Every export, in the menu's order.
    pub const ALL: [Export; 7] = [
        Export::Markdown,
        Export::Latex,
        Export::Svg,
        Export::Png,
        Export::Csv,
        Export::Screen,
        Export::Scenario,
    ];

    /// What the menu calls it.
    pub fn label(self) -> String {
        match self {
            Export::Markdown => words!("export-markdown"),
            Export::Latex => words!("export-latex"),
            Export::Svg => words!("export-svg"),
            Export::Png => words!("export-png"),
            Export::Csv => words!("export-csv"),
            Export::Screen => words!("export-screen"),
            Export::Scenario => words!("export-scenario"),
        }
    }

    /// The file it writes for a view opened on `stem` after `completed` iterations.
    pub fn file_name(self, stem: &str, completed: u64) -> String {
        match self {
            Export::Markdown => format!("{stem}-iteration-{completed}.md"),
            Export::Latex => format!("{stem}-iteration-{completed}.tex"),
            Export::Svg => format!("{stem}-curves.svg"),
            Export::Png => format!("{stem}-curves.png"),
            Export::Csv => format!("{stem}-curves.csv"),
            Export::Screen => format!("{stem}-screen.txt"),
            Export::Scenario => format!("{stem}-as-run.toml"),
        }
    }
}
