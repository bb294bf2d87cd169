//! clap's help in the chosen language. clap has no catalogs of its own, so the command built
//! from the derive is finished (`build`) and then every about text, every argument's help
//! and clap's own headings are replaced from the catalog, before anything is parsed. The
//! language must therefore be known before parsing: [`language_from_args`] reads `--lang`
//! from the raw arguments.
//!
//! The ids: `cli-help-<command>` for a command's about (`backstep` for the top), and
//! `cli-help-<command>-<argument>` for its arguments; clap's own flags share
//! `cli-help-flag-help` and `cli-help-flag-version`. An argument's help receives its possible
//! values (`values`) and its default (`default`), which clap then no longer writes itself.

use std::ffi::OsString;

use clap::Command;
use clap::builder::Arg;

use crate::text::catalog::Language;
use crate::words;

/// The language `--lang ko`, `--lang=ko` (the last one given) asks for among `args` (the
/// program's name first), else the environment's. A value clap will refuse gives the
/// environment's language, for clap's error message.
pub fn language_from_args(args: impl IntoIterator<Item = OsString>) -> Language {
    let mut chosen = None;
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--") => break,
            Some("--lang") => args.next(),
            Some(other) => other.strip_prefix("--lang=").map(OsString::from),
            None => None,
        };
        match value.as_ref().and_then(|v| v.to_str()) {
            Some("ko") => chosen = Some(Language::Korean),
            Some("en") => chosen = Some(Language::English),
            _ => {}
        }
    }
    chosen.unwrap_or_else(Language::from_env)
}

/// `command` (as the derive made it) with its help in the current language.
pub fn localized(mut command: Command) -> Command {
    command.build();
    localize(command, "backstep")
}

/// One command and its subcommands; `id` names its messages.
fn localize(command: Command, id: &str) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        words!("cli-help-usage")
    );
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mut command = command
        .about(lookup(&format!("cli-help-{id}"), &[]))
        .long_about(None::<&str>)
        .help_template(template)
        .subcommand_help_heading(words!("cli-help-commands"))
        .mut_args(|arg| localize_arg(arg, id));
    for name in names {
        command = command.mut_subcommand(&name, |sub| localize(sub, &name));
    }
    command
}

/// One argument's help, under a heading of the catalog.
fn localize_arg(arg: Arg, command: &str) -> Arg {
    let name = arg.get_id().as_str().to_string();
    let help = match name.as_str() {
        "help" | "version" => lookup(&format!("cli-help-flag-{name}"), &[]),
        _ => {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect();
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let id = match arg.is_global_set() {
                true => format!("cli-help-backstep-{name}"),
                false => format!("cli-help-{command}-{name}"),
            };
            lookup(
                &id,
                &[
                    ("values", values.join(", ")),
                    ("default", defaults.join(",")),
                ],
            )
        }
    };
    let heading = match arg.is_positional() {
        true => words!("cli-help-arguments"),
        false => words!("cli-help-options"),
    };
    arg.help(help)
        .long_help(None::<&str>)
        .hide_possible_values(true)
        .hide_default_value(true)
        .help_heading(heading)
}

/// The message `id` with string arguments.
fn lookup(id: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<_> = args
        .iter()
        .map(|(name, value)| (*name, value.clone().into()))
        .collect();
    crate::text::catalog::lookup(id, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(args: &[&str]) -> Language {
        language_from_args(args.iter().map(OsString::from))
    }

    #[test]
    fn lang_is_read_before_parsing_in_both_spellings() {
        assert_eq!(
            language(&["backstep", "list", "--lang", "ko"]),
            Language::Korean
        );
        assert_eq!(
            language(&["backstep", "--lang=ko", "list"]),
            Language::Korean
        );
        assert_eq!(
            language(&["backstep", "--lang=ko", "--lang", "en"]),
            Language::English
        );
    }

    #[test]
    fn a_lang_after_the_end_of_options_is_a_value_not_the_language() {
        let environment = Language::from_env();
        assert_eq!(
            language(&["backstep", "check", "--", "--lang=ko"]),
            environment
        );
    }
}
