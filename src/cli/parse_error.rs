//! The command line's own mistakes (an unknown command or option, a bad value, a missing
//! argument) in the catalog's words, in place of clap's English: clap finds the mistake and
//! its context, the catalog says it.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::words;

/// A context value of `error` as text: one string, or several joined with commas.
fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

/// What went wrong with the command line, in the current language, or None where clap
/// should speak itself (the help and the version, which are not mistakes); `commands` are
/// the names an unknown command is told about.
pub fn explain(error: &clap::Error, commands: &[&str]) -> Option<String> {
    let get = |kind| context(error, kind).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidSubcommand => {
            words!(
                "cli-parse-unknown-command",
                command = get(ContextKind::InvalidSubcommand),
                commands = commands.join(", ")
            )
        }
        ErrorKind::UnknownArgument => {
            words!(
                "cli-parse-unknown-option",
                option = get(ContextKind::InvalidArg)
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => words!(
            "cli-parse-invalid-value",
            option = get(ContextKind::InvalidArg),
            value = get(ContextKind::InvalidValue)
        ),
        ErrorKind::MissingRequiredArgument => {
            words!(
                "cli-parse-missing",
                arguments = get(ContextKind::InvalidArg)
            )
        }
        _ => words!("cli-parse-other"),
    };
    let valid = get(ContextKind::ValidValue);
    if !valid.is_empty() {
        message = format!("{message} {}", words!("cli-parse-valid", values = valid));
    }
    let quoted = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(format!("`{s}`")),
        Some(ContextValue::Strings(list)) if !list.is_empty() => Some(
            list.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let suggested = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg]
        .into_iter()
        .find_map(quoted);
    if let Some(suggested) = suggested {
        message = format!(
            "{message} {}",
            words!("cli-parse-suggested", suggested = suggested)
        );
    }
    Some(message)
}
