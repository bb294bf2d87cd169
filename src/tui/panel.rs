//! The views that take the place of main-screen panels while they are on, each with its key.
//! A new view is a variant here, its drawing in `ui/`, and where `ui/mod.rs` puts it.

use super::key::{KeyCode, KeyModifiers};

use crate::words;

/// A view shown instead of some of the main screen's panels, toggled by its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Panel {
    /// Accuracy per split and the confusion matrix, instead of the cost charts.
    Classes,
    /// Gradient health per layer, instead of the diagram and the values.
    Health,
    /// The decision boundary over the input plane, instead of the diagram and the values.
    Boundary,
}

impl Panel {
    /// Every view, in the order the help lists their keys.
    pub const ALL: [Panel; 3] = [Panel::Classes, Panel::Health, Panel::Boundary];

    /// The keys that toggle the view, with the modifiers they need.
    pub fn keys(self) -> &'static [(KeyCode, KeyModifiers)] {
        match self {
            Panel::Classes => &[(KeyCode::Char('v'), KeyModifiers::NONE)],
            Panel::Health => &[(KeyCode::Char('g'), KeyModifiers::NONE)],
            Panel::Boundary => &[(KeyCode::Char('b'), KeyModifiers::NONE)],
        }
    }

    /// How the key is written in the help.
    pub fn label(self) -> &'static str {
        match self {
            Panel::Classes => "v",
            Panel::Health => "g",
            Panel::Boundary => "b",
        }
    }

    /// The help line, from the catalog.
    pub fn description(self) -> fn() -> String {
        match self {
            Panel::Classes => || words!("view-key-classes"),
            Panel::Health => || words!("view-key-health"),
            Panel::Boundary => || words!("view-key-boundary"),
        }
    }
}
