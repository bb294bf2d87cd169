//! The built-in scenarios, compiled into the binary from `scenarios/`.

/// A scenario that ships inside the binary.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    /// The name to ask for (the file's stem).
    pub name: &'static str,
    /// The file's text.
    pub source: &'static str,
}

/// The scenario `backstep` opens with no arguments.
pub const DEFAULT: &str = "xor";

/// Every built-in scenario.
pub const BUILTINS: &[Builtin] = &[
    builtin!("xor"),
    builtin!("two-two-two"),
    builtin!("cost-table-left"),
    builtin!("cost-table-right"),
    builtin!("gd-modes"),
    builtin!("vanishing"),
    builtin!("mse-vs-ce"),
    builtin!("cost-table"),
    builtin!("near-half"),
    builtin!("zero-init"),
    builtin!("raw-inputs"),
    builtin!("standardized-inputs"),
    builtin!("circles"),
    builtin!("spirals"),
    builtin!("iris"),
    builtin!("digits"),
];

macro_rules! builtin {
    ($name:literal) => {
        Builtin {
            name: $name,
            source: include_str!(concat!("../../scenarios/", $name, ".toml")),
        }
    };
}
use builtin;

/// The built-in scenario called `name`.
pub fn find(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}

/// A data file compiled into the binary for the built-in scenarios.
#[derive(Debug, PartialEq, Eq)]
pub struct Asset {
    /// The file name a scenario gives in `file` (its last path component).
    pub name: &'static str,
    /// The CSV text.
    pub text: &'static str,
}

/// The data files in `assets/`.
pub const ASSETS: &[Asset] = &[
    Asset {
        name: "iris.csv",
        text: include_str!("../../assets/iris.csv"),
    },
    Asset {
        name: "digits.csv",
        text: include_str!("../../assets/digits.csv"),
    },
];

/// The compiled-in data file that `file` names (by its last path component).
pub fn asset(file: &str) -> Option<&'static Asset> {
    let name = std::path::Path::new(file).file_name()?.to_str()?;
    ASSETS.iter().find(|a| a.name == name)
}
