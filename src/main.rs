use std::process::ExitCode;

use backstep::cli::{self, Cli, Command, ThemeName};
use backstep::scenario::DEFAULT;
use backstep::text::catalog::set_language;
use backstep::words;

fn main() -> ExitCode {
    report_panics_as_bugs();
    set_language(cli::help::language_from_args(std::env::args_os()));
    let args = Cli::parse_localized();
    let command = args.command.unwrap_or(Command::Run {
        scenario: DEFAULT.to_string(),
        theme: ThemeName::Dark,
        set: Vec::new(),
        export_dir: None,
    });
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    match cli::run(command, &mut out, &mut err) {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::CliError::Write { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", words!("cli-error", message = e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// After the standard panic report (the message, where, how to get a backtrace), says that a
/// panic is a bug of backstep: every problem of a scenario or a command is an error message.
/// The stepping view restores the terminal before this runs.
fn report_panics_as_bugs() {
    let standard = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        standard(info);
        eprintln!("{}", words!("cli-panic"));
    }));
}
