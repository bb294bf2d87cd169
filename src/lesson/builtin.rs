//! The built-in lessons, compiled into the binary from `lessons/`.

/// A lesson that ships inside the binary.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    /// The name to ask for (the file's stem).
    pub name: &'static str,
    /// The file's text.
    pub source: &'static str,
}

macro_rules! builtin {
    ($name:literal) => {
        Builtin {
            name: $name,
            source: include_str!(concat!("../../lessons/", $name, ".toml")),
        }
    };
}

/// Every built-in lesson: add one with a line `builtin!("name"),` for `lessons/name.toml`.
pub const BUILTINS: &[Builtin] = &[builtin!("backprop")];

/// The built-in lesson called `name`.
pub fn find(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}
