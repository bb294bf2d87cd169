use std::process::ExitCode;

use backstep::cli::{self, Cli, Command};
use backstep::scenario::DEFAULT;
use clap::Parser;

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    let args = Cli::parse();
    let command = args.command.unwrap_or(Command::Run {
        scenario: DEFAULT.to_string(),
    });
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    match cli::run(command, &mut out, &mut err) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(cli::CliError::Write { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("error: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}
