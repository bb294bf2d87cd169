//! The command line of docs/design.md and its headless commands: list, check, trace, train, compare.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::files::Staged;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use unicode_width::UnicodeWidthStr;

use crate::lesson::{BUILTINS as LESSONS, Lesson, is_lesson};
use crate::nn::{Cost, Costs, Divergence, Stop, StopWatch};
use crate::scenario::compare::{Run, parse_vary};
use crate::scenario::evaluation::{EpochCosts, Evaluation};
use crate::scenario::file::{names_a_file, read_text};
use crate::scenario::set::Override;
use crate::scenario::{BUILTINS, DEFAULT, FileKind, MAX_EPOCHS, Scenario, ScenarioError, Setup};
use crate::text::divergence::describe;
use crate::text::notation::{Numbers, compact, cost_name, mode_name, scientific};
use crate::trace::csv::Curve;
use crate::trace::{self, IterationTrace};
use crate::words;
use strum::VariantNames;

pub mod help;
pub mod parse_error;

/// backstep: step through back-propagation one phase at a time.
#[derive(Debug, Parser)]
#[command(name = "backstep", version, about, long_about = None)]
pub struct Cli {
    /// What to do (no command: open the stepping view on the default scenario).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language of what backstep writes (default: from LC_ALL, LC_MESSAGES or LANG;
    /// `ko…` is Korean, anything else English).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

/// The languages of `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Korean (한국어).
    Ko,
}

impl Cli {
    /// Parses the program's arguments, with clap's help and usage in the current language
    /// ([`help::language_from_args`] tells which, before parsing); exits on an error or
    /// after printing help, as clap does.
    pub fn parse_localized() -> Cli {
        let matches = help::localized(Cli::command())
            .try_get_matches()
            .unwrap_or_else(|e| refuse(e));
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| refuse(e))
    }
}

/// Leaves on a command line clap could not read: the mistake in the catalog's words and
/// where to read more (exit status 2, as clap's), or clap's own help or version (status 0).
fn refuse(error: clap::Error) -> ! {
    let command = Cli::command();
    let commands: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
    match parse_error::explain(&error, &commands) {
        Some(message) => {
            eprintln!("{}", words!("cli-error", message = message));
            eprintln!("{}", words!("cli-parse-help"));
            std::process::exit(2)
        }
        None => error.exit(),
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the stepping view on a scenario (a file path or a built-in name).
    Run {
        /// A scenario file or a built-in name.
        scenario: String,
        /// The colours: dark (the terminal's background) or light (dark text on a light
        /// background, for a washed-out projector); NO_COLOR still turns colours off.
        #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
        theme: ThemeName,
        /// Change a scenario key, e.g. training.learning_rate=0.1 (a TOML value; repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
        /// The folder `w` (export) writes into (default: the current folder).
        #[arg(long)]
        export_dir: Option<PathBuf>,
    },
    /// Open a guided lesson (a file or a built-in name; none: the built-in `backprop`) where
    /// the student left off.
    Lesson {
        /// A lesson file or a built-in name.
        lesson: Option<String>,
        /// Begin the lesson anew, forgetting its saved place and answers.
        #[arg(long)]
        restart: bool,
        /// Change a scenario key, e.g. training.learning_rate=0.1 (a TOML value; repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// Open a saved session (`S` in the view) where it was saved, with the same numbers.
    Resume {
        /// A session file, e.g. xor.session.toml.
        file: PathBuf,
    },
    /// List the built-in lessons and scenarios with their descriptions.
    List,
    /// Validate scenario and lesson files (or built-in names; none: every built-in); exit 0
    /// when all are valid.
    Check {
        /// Scenario or lesson files (a lesson has a `[lesson]` table) or built-in names.
        scenarios: Vec<String>,
    },
    /// Write every number of the first iterations: JSON Lines, CSV, or a handout in markdown or
    /// LaTeX.
    Trace {
        /// A scenario file or a built-in name.
        scenario: String,
        /// How many iterations to trace.
        #[arg(long, default_value_t = 1)]
        steps: u64,
        /// The output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Change a scenario key, e.g. training.learning_rate=0.1 (a TOML value; repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// Train two to four copies that differ in one setting, from the same initial weights
    /// and data order, and compare them.
    Compare {
        /// A scenario file or a built-in name.
        scenario: String,
        /// The setting and its values, e.g. loss=mse,cross-entropy (default: the scenario's
        /// `[compare]` table).
        #[arg(long)]
        vary: Option<String>,
        /// Epochs to train each copy; 0 compares the initial weights (default: the scenario's
        /// `[compare] epochs`, else its `epochs`).
        #[arg(long, value_parser = clap::value_parser!(u64).range(0..=MAX_EPOCHS))]
        epochs: Option<u64>,
        /// The target for "epochs to reach", e.g. mse=0.05 (default: the scenario's, or
        /// mse=0.1).
        #[arg(long)]
        target: Option<String>,
        /// The output format.
        #[arg(long, value_enum, default_value_t = CompareFormat::Markdown)]
        format: CompareFormat,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Change a scenario key, e.g. training.learning_rate=0.1 (a TOML value; repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// Draw the cost curves (MSE, cross-entropy, classification error; training and
    /// validation) as an SVG or PNG image, every copy of a comparison overlaid.
    Plot {
        /// A scenario file or a built-in name.
        scenario: String,
        /// Epochs to train (default: the scenario's `epochs`, or its `[compare] epochs`).
        #[arg(long, value_parser = clap::value_parser!(u64).range(0..=MAX_EPOCHS))]
        epochs: Option<u64>,
        /// The image: FILE.svg or FILE.png (default: NAME-curves.svg here).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Width × height in pixels, e.g. 1280x800.
        #[arg(long, value_name = "WxH", default_value = "960x600")]
        size: String,
        /// Overlay the copies of the scenario's `[compare]` table (a scenario with one is
        /// always drawn so; this refuses one without).
        #[arg(long)]
        compare: bool,
        /// Overlay copies that differ in one setting, as `compare --vary` makes them.
        #[arg(long)]
        vary: Option<String>,
        /// Change a scenario key, e.g. training.learning_rate=0.1 (a TOML value; repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// Train headlessly (fast) and print the final costs.
    Train {
        /// A scenario file or a built-in name.
        scenario: String,
        /// Epochs to train (default: the scenario's `epochs`).
        #[arg(long, value_parser = clap::value_parser!(u64).range(0..=MAX_EPOCHS))]
        epochs: Option<u64>,
        /// Write one row per epoch with all five costs to this CSV file.
        #[arg(long)]
        curve: Option<PathBuf>,
        /// After training, evaluate the held-out test set once.
        #[arg(long)]
        test: bool,
        /// Change a scenario key, e.g. training.learning_rate=0.1 (a TOML value; repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
}

/// Comparison output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// The summary table: final costs, accuracy, epochs to reach the target.
    Markdown,
    /// Every copy's curves, one row per copy and epoch.
    Csv,
}

/// The view's colour themes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    /// Light text on the terminal's own (dark) background.
    Dark,
    /// Dark text on a light background.
    Light,
}

/// Trace formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON Lines, one object per iteration, full precision.
    Json,
    /// Long-form CSV, one number per row.
    Csv,
    /// A readable worked iteration.
    Markdown,
    /// The worked iteration as a LaTeX document.
    Latex,
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A scenario is invalid.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// Training diverged.
    #[error("{}", describe(.0))]
    Divergence(Divergence),
    /// An output file could not be written.
    #[error("{}", words!("cli-error-write", path = crate::text::untrusted::path(path), reason = source.to_string()))]
    Write {
        /// the file
        path: PathBuf,
        /// why
        source: std::io::Error,
    },
    /// The stepping view could not use the terminal.
    #[error("{}", words!("cli-error-terminal", reason = .0.to_string()))]
    Terminal(std::io::Error),
    /// A lesson is invalid, or its first stop cannot be shown.
    #[error("{0}")]
    Lesson(String),
    /// A comparison was asked for wrongly.
    #[error("{0}")]
    Compare(String),
    /// A session cannot be resumed.
    #[error("{0}")]
    Session(String),
    /// An image cannot be drawn.
    #[error("{0}")]
    Plot(String),
    /// Some of the checked scenarios are invalid (their errors are already printed).
    #[error("{}", words!("cli-error-check", invalid = *invalid, total = *total))]
    Check {
        /// how many failed
        invalid: usize,
        /// how many were checked
        total: usize,
    },
}

impl From<Divergence> for CliError {
    fn from(divergence: Divergence) -> CliError {
        CliError::Divergence(divergence)
    }
}

/// Opens lesson `name` (none: `backprop`) at its saved place, or anew with `restart`, with
/// `set` written into every scenario it opens; a saved progress that cannot be read is told
/// in the lesson's notice, and it starts at stop 1 (see [`crate::tui::load_lesson`]).
fn open_lesson(name: Option<&str>, restart: bool, set: Vec<Override>) -> Result<(), CliError> {
    let lesson = crate::lesson::Lesson::load(name.unwrap_or("backprop"))
        .map_err(|e| CliError::Lesson(e.to_string()))?;
    terminal_for_view()?;
    let view = crate::tui::load_lesson(lesson, restart, set).map_err(CliError::Lesson)?;
    crate::tui::terminal::run(view).map_err(CliError::Terminal)
}

/// Refuses a standard output or input that is not a terminal, and `TERM=dumb`: the view
/// would write its escape codes into a file or a pipe, or wait for keys that never come.
fn terminal_for_view() -> Result<(), CliError> {
    use std::io::IsTerminal;
    let reason = if !std::io::stdout().is_terminal() {
        words!("cli-error-not-terminal-output")
    } else if !std::io::stdin().is_terminal() {
        words!("cli-error-not-terminal-input")
    } else if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        words!("cli-error-dumb-terminal")
    } else {
        return Ok(());
    };
    Err(CliError::Terminal(std::io::Error::other(reason)))
}

/// What `plot` was asked for.
struct PlotRequest<'a> {
    /// The scenario as named on the command line.
    source: &'a str,
    epochs: Option<u64>,
    output: Option<PathBuf>,
    size: &'a str,
    /// Whether to overlay copies.
    compare: bool,
    vary: Option<&'a str>,
}

/// Trains the scenario (or its copies) and writes the image; its path, and the runs drawn.
fn plot(scenario: &Scenario, request: &PlotRequest) -> Result<(PathBuf, Vec<Run>), CliError> {
    let size = parse_size(request.size)?;
    let path = request.output.clone().unwrap_or_else(|| {
        let stem = Path::new(request.source)
            .file_stem()
            .map_or_else(|| "scenario".into(), |s| s.to_string_lossy());
        PathBuf::from(format!("{stem}-curves.svg"))
    });
    let kind = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let shape = crate::text::notation::shape(&scenario.layers);
    let (runs, title, cross_entropy) = if request.compare {
        let report = compare(scenario, request.vary, request.epochs, None)?;
        let title = words!(
            "plot-title-compare",
            name = report.name.clone(),
            shape = shape,
            setting = crate::text::compare::setting_name(&report.varied),
            epochs = report.epochs
        );
        (report.runs, title, report.cross_entropy)
    } else {
        let epochs = request
            .epochs
            .map_or(scenario.training.epochs, |e| e as usize);
        let runs = crate::scenario::compare::run(
            std::slice::from_ref(scenario),
            std::slice::from_ref(&scenario.name),
            epochs,
        )?;
        let title = words!(
            "plot-title",
            name = scenario.name.clone(),
            shape = shape,
            epochs = epochs
        );
        let outputs = scenario.layers.last().copied().unwrap_or(1);
        (
            runs,
            title,
            Cost::cross_entropy_for(outputs, scenario.output_activation),
        )
    };
    let figure = crate::plot::Figure {
        title,
        series: runs.iter().map(crate::plot::Series::of_run).collect(),
        x_label: words!("plot-epochs"),
        cross_entropy,
        size,
    };
    let drawn = |e: crate::plot::PlotError| CliError::Plot(e.to_string());
    let bytes = match kind.as_deref() {
        Some("svg") => crate::plot::svg(&figure).map_err(drawn)?.into_bytes(),
        Some("png") => crate::plot::png(&figure).map_err(drawn)?,
        _ => {
            let found = crate::text::untrusted::path(&path);
            return Err(CliError::Plot(words!("cli-error-plot-kind", found = found)));
        }
    };
    crate::files::write_whole(&path, &bytes).map_err(write_error(&path))?;
    Ok((path, runs))
}

/// `--size WxH`: two whole numbers of pixels within [`crate::plot::SIDES`].
fn parse_size(spec: &str) -> Result<(u32, u32), CliError> {
    let (min, max) = crate::plot::SIDES;
    let side = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (min..=max).contains(n))
    };
    spec.split_once(['x', 'X', '×'])
        .and_then(|(w, h)| Some((side(w)?, side(h)?)))
        .ok_or_else(|| {
            CliError::Plot(words!(
                "cli-error-plot-size",
                found = crate::text::untrusted::printable(spec),
                min = min,
                max = max
            ))
        })
}

/// Opens the session saved in `file` where it was saved, in its language unless `--lang`
/// was given.
fn resume(file: &Path) -> Result<(), CliError> {
    let session =
        crate::session::Session::load(file).map_err(|e| CliError::Session(e.to_string()))?;
    let asked = std::env::args().any(|a| a == "--lang" || a.starts_with("--lang="));
    if !asked {
        let language = crate::text::catalog::Language::from_locale(&session.language);
        crate::text::catalog::set_language(language);
    }
    if let Some(place) = &session.lesson {
        let view = crate::tui::resume_lesson(file, &session, place).map_err(CliError::Session)?;
        terminal_for_view()?;
        return crate::tui::terminal::run(view).map_err(CliError::Terminal);
    }
    let app = crate::tui::resume(file, &session).map_err(CliError::Session)?;
    terminal_for_view()?;
    crate::tui::terminal::run(app).map_err(CliError::Terminal)
}

/// Runs a headless command, writing its report to `out` (and problems found by `check` to
/// `err`).
pub fn run(command: Command, out: &mut impl Write, err: &mut impl Write) -> Result<(), CliError> {
    match command {
        Command::Run {
            scenario,
            theme,
            set,
            export_dir,
        } => {
            let mut app = crate::tui::load_with(&scenario, overrides(&set)?)?;
            terminal_for_view()?;
            app.theme.light = theme == ThemeName::Light;
            app.export_dir = export_dir.map(|d| d.display().to_string());
            crate::tui::terminal::run(app).map_err(CliError::Terminal)
        }
        Command::Lesson {
            lesson,
            restart,
            set,
        } => open_lesson(lesson.as_deref(), restart, overrides(&set)?),
        Command::Resume { file } => resume(&file),
        Command::Plot {
            scenario,
            epochs,
            output,
            size,
            compare,
            vary,
            set,
        } => {
            let loaded = Scenario::load_with(&scenario, &overrides(&set)?)?;
            let figure = PlotRequest {
                source: &scenario,
                epochs,
                output,
                size: &size,
                compare: compare || vary.is_some() || loaded.comparison.is_some(),
                vary: vary.as_deref(),
            };
            let (path, runs) = plot(&loaded, &figure)?;
            write_early_ends(&runs, err).map_err(write_error(Path::new(STDERR)))?;
            let path = crate::text::untrusted::path(&path);
            writeln!(out, "{}", words!("cli-plot-wrote", file = path))
                .map_err(write_error(Path::new(STDOUT)))
        }
        Command::List => list_lessons(out)
            .and_then(|()| list(out))
            .map_err(write_error(Path::new(STDOUT))),
        Command::Check { scenarios } => check_with_lessons(&scenarios, out, err),
        Command::Trace {
            scenario,
            steps,
            format,
            output,
            set,
        } => {
            let scenario = Scenario::load_with(&scenario, &overrides(&set)?)?;
            scenario.setup()?;
            to_output(output.as_deref(), out, |out, path| {
                trace(&scenario, steps, format, out, path)
            })
        }
        Command::Train {
            scenario,
            epochs,
            curve,
            test,
            set,
        } => train(
            &Scenario::load_with(&scenario, &overrides(&set)?)?,
            epochs,
            curve.as_deref(),
            test,
            out,
        ),
        Command::Compare {
            scenario,
            vary,
            epochs,
            target,
            format,
            output,
            set,
        } => {
            let scenario = Scenario::load_with(&scenario, &overrides(&set)?)?;
            let report = compare(&scenario, vary.as_deref(), epochs, target.as_deref())?;
            to_output(output.as_deref(), out, |out, path| {
                report.write(format, out).map_err(write_error(path))
            })?;
            if format == CompareFormat::Csv || output.is_some() {
                report
                    .write_early_ends(err)
                    .map_err(write_error(Path::new(STDERR)))?;
            }
            report.completed()
        }
    }
}

/// The `--set KEY=VALUE` settings, read.
fn overrides(specs: &[String]) -> Result<Vec<Override>, CliError> {
    Ok(specs
        .iter()
        .map(|spec| Override::parse(spec))
        .collect::<Result<_, _>>()?)
}

/// What a write error on standard output names.
const STDOUT: &str = "<stdout>";

/// What a write error on standard error names.
const STDERR: &str = "<stderr>";

/// The error of a failed write to `path`.
fn write_error(path: &Path) -> impl Fn(std::io::Error) -> CliError + '_ {
    |source| CliError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Opens `path` to be written (see [`Staged`]), an error naming it.
fn staged(path: &Path) -> Result<Staged, CliError> {
    crate::files::staged(path).map_err(write_error(path))
}

/// Moves a finished [`staged`] file onto `path`.
fn commit(file: Staged, path: &Path) -> Result<(), CliError> {
    crate::files::commit(file).map_err(write_error(path))
}

/// Runs `write` on the file `output` (written whole, then renamed into place) or, without
/// one, on `out`, with the path its write errors name.
fn to_output(
    output: Option<&Path>,
    out: &mut impl Write,
    write: impl FnOnce(&mut dyn Write, &Path) -> Result<(), CliError>,
) -> Result<(), CliError> {
    match output {
        Some(path) => {
            let mut file = staged(path)?;
            let mut buffered = BufWriter::new(&mut file);
            write(&mut buffered, path)?;
            buffered.flush().map_err(write_error(path))?;
            drop(buffered);
            commit(file, path)
        }
        None => write(out, Path::new(STDOUT)),
    }
}

/// The built-ins with their names and descriptions, wrapped at 90 columns.
fn list(out: &mut impl Write) -> std::io::Result<()> {
    for b in BUILTINS {
        let (name, description) = match Scenario::load(b.name) {
            Ok(s) => (s.name, s.description),
            Err(e) => (words!("cli-list-invalid"), e.to_string()),
        };
        let key = match b.name == DEFAULT {
            true => words!("cli-list-default", name = b.name),
            false => b.name.to_string(),
        };
        writeln!(out, "{key}: {name}")?;
        let words: Vec<&str> = description.split_whitespace().collect();
        let mut line = String::from("   ");
        for word in words {
            if line.width() + 1 + word.width() > 90 {
                writeln!(out, "{line}")?;
                line = String::from("   ");
            }
            line.push(' ');
            line.push_str(word);
        }
        if line.trim().is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "{line}\n")?;
        }
    }
    Ok(())
}

/// The built-in lessons: name, number of stops and title.
fn list_lessons(out: &mut impl Write) -> std::io::Result<()> {
    for b in LESSONS {
        match Lesson::load(b.name) {
            Ok(lesson) => writeln!(
                out,
                "{}",
                words!(
                    "cli-list-lesson",
                    name = b.name,
                    stops = lesson.stops.len(),
                    title = lesson.title.text()
                )
            )?,
            Err(e) => writeln!(
                out,
                "{}",
                words!(
                    "cli-list-lesson-invalid",
                    name = b.name,
                    message = e.to_string()
                )
            )?,
        }
    }
    if !LESSONS.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

/// Checks the lessons among `names` (files with a `[lesson]` table, or built-in lesson
/// names) and the scenarios among the rest; no names: every built-in scenario and lesson.
fn check_with_lessons(
    names: &[String],
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), CliError> {
    let (lessons, scenarios): (Vec<String>, Vec<String>) = if names.is_empty() {
        (
            LESSONS.iter().map(|b| b.name.to_string()).collect(),
            BUILTINS.iter().map(|b| b.name.to_string()).collect(),
        )
    } else {
        names.iter().cloned().partition(|n| looks_like_lesson(n))
    };
    let io = write_error(Path::new(STDOUT));
    let mut invalid = 0;
    for name in &lessons {
        match Lesson::load(name) {
            Ok(l) => writeln!(
                out,
                "{}",
                words!(
                    "cli-check-lesson-ok",
                    origin = l.origin.to_string(),
                    stops = l.stops.len()
                )
            ),
            Err(e) => {
                invalid += 1;
                writeln!(err, "{}", words!("cli-error", message = e.to_string()))
            }
        }
        .map_err(&io)?;
    }
    let total = lessons.len() + scenarios.len();
    let scenarios_result = match scenarios.is_empty() {
        true => Ok(()),
        false => check(&scenarios, out, err),
    };
    match scenarios_result {
        Ok(()) if invalid == 0 => Ok(()),
        Ok(()) => Err(CliError::Check { invalid, total }),
        Err(CliError::Check { invalid: bad, .. }) => Err(CliError::Check {
            invalid: invalid + bad,
            total,
        }),
        Err(e) => Err(e),
    }
}

/// Whether `name` is a lesson: a built-in lesson's name, or else (unless it is a built-in
/// scenario's: built-in names win, as the loaders resolve them) a file with a `[lesson]`
/// table. A file that cannot be read is left to the scenario checks, which say why.
fn looks_like_lesson(name: &str) -> bool {
    if !names_a_file(name) {
        if LESSONS.iter().any(|b| b.name == name) {
            return true;
        }
        if BUILTINS.iter().any(|b| b.name == name) {
            return false;
        }
    }
    read_text(Path::new(name), FileKind::Lesson).is_ok_and(|text| is_lesson(&text))
}

/// Loads and sets up every scenario, reporting each valid one on `out` and each error on `err`.
fn check(scenarios: &[String], out: &mut impl Write, err: &mut impl Write) -> Result<(), CliError> {
    let mut invalid = 0;
    let io = write_error(Path::new(STDOUT));
    for name in scenarios {
        match Scenario::load(name).and_then(|s| s.setup().map(|setup| (s, setup))) {
            Ok((scenario, setup)) => {
                let ok = words!(
                    "cli-check-ok",
                    origin = scenario.origin.to_string(),
                    name = scenario.name.clone(),
                    sizes = crate::text::notation::shape(&scenario.layers),
                    samples = setup.splits.train.len()
                );
                writeln!(out, "{ok}").map_err(&io)?;
            }
            Err(e) => {
                invalid += 1;
                let message = words!("cli-error", message = e.to_string());
                writeln!(err, "{message}").map_err(&io)?;
            }
        }
    }
    if invalid == 0 {
        Ok(())
    } else {
        Err(CliError::Check {
            invalid,
            total: scenarios.len(),
        })
    }
}

/// Writes the first `steps` iterations in `format`, naming `path` in write errors.
fn trace(
    scenario: &Scenario,
    steps: u64,
    format: Format,
    mut out: &mut dyn Write,
    path: &Path,
) -> Result<(), CliError> {
    let io = write_error(path);
    let setup = scenario.setup()?;
    let mut stepper = setup.stepper();
    match format {
        Format::Csv => trace::csv::write_header(&mut out).map_err(&io)?,
        Format::Markdown => {
            trace::markdown::write_header(&mut out, scenario, &stepper).map_err(&io)?
        }
        Format::Latex => trace::latex::write_header(&mut out, scenario, &stepper).map_err(&io)?,
        Format::Json => {}
    }
    for _ in 0..steps {
        stepper.finish_iteration()?;
        match format {
            Format::Json => trace::json::write(&mut out, &IterationTrace::capture(&stepper)),
            Format::Csv => trace::csv::write(&mut out, &IterationTrace::capture(&stepper)),
            Format::Markdown => trace::markdown::write(&mut out, &stepper),
            Format::Latex => trace::latex::write(&mut out, &stepper),
        }
        .map_err(&io)?;
    }
    if format == Format::Latex {
        trace::latex::write_footer(&mut out).map_err(&io)?;
    }
    Ok(())
}

/// A comparison that has run, ready to be written.
struct CompareReport {
    /// The scenario's name.
    name: String,
    /// The varied key: a short name (`loss`) or any key (`data.normalize`).
    varied: String,
    /// Epochs each copy trained.
    epochs: usize,
    /// The cost "epochs to reach" watches.
    target_cost: Cost,
    /// Its target.
    target: f64,
    /// The cross-entropy that suits the output layer (binary for one sigmoid output).
    cross_entropy: Cost,
    /// Every copy's run.
    runs: Vec<Run>,
}

/// Runs the comparison `--vary` (or the scenario's [compare] table) asks for, for `epochs`
/// (or the scenario's) epochs.
fn compare(
    scenario: &Scenario,
    vary: Option<&str>,
    epochs: Option<u64>,
    target: Option<&str>,
) -> Result<CompareReport, CliError> {
    let declared = scenario.comparison.as_ref();
    let (varied, copies, labels) = match (vary, declared) {
        (Some(spec), _) => parse_vary(spec, scenario)
            .map_err(|e| CliError::Compare(words!("cli-error-vary", message = e.to_string())))?,
        (None, Some(c)) => (c.setting.clone(), c.copies.clone(), c.labels.clone()),
        (None, None) => {
            return Err(CliError::Compare(words!(
                "cli-error-no-compare",
                origin = scenario.origin.to_string()
            )));
        }
    };
    let (target_cost, target) = match target {
        Some(spec) => parse_target(spec)?,
        None => declared.map_or((Cost::Mse, 0.1), |c| (c.target_cost, c.target)),
    };
    let epochs = epochs.map_or_else(
        || {
            declared
                .and_then(|c| c.epochs)
                .unwrap_or(scenario.training.epochs)
        },
        |e| e as usize,
    );
    Ok(CompareReport {
        name: scenario.name.clone(),
        varied,
        epochs,
        target_cost,
        target,
        cross_entropy: Cost::cross_entropy_for(
            scenario.layers.last().copied().unwrap_or(1),
            scenario.output_activation,
        ),
        runs: crate::scenario::compare::run(&copies, &labels, epochs)?,
    })
}

/// The cost and the value of `--target COST=VALUE`.
fn parse_target(spec: &str) -> Result<(Cost, f64), CliError> {
    let (name, value) = spec.split_once('=').ok_or_else(|| {
        CliError::Compare(words!("cli-error-target-form", found = spec.to_string()))
    })?;
    let Some(cost) = Cost::named(name) else {
        return Err(CliError::Compare(words!(
            "cli-error-target-cost",
            costs = Cost::VARIANTS.join(", "),
            found = name.to_string()
        )));
    };
    let value: f64 = value
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| {
            CliError::Compare(words!("cli-error-target-number", found = value.to_string()))
        })?;
    Ok((cost, value))
}

impl CompareReport {
    /// Writes the summary table (markdown) or every copy's curves (CSV).
    fn write(&self, format: CompareFormat, mut out: &mut dyn Write) -> std::io::Result<()> {
        match format {
            CompareFormat::Csv => trace::csv::write_comparison(&mut out, &self.runs),
            CompareFormat::Markdown => self.write_markdown(out),
        }
    }

    /// The summary table: final costs, accuracy, epochs to reach the target, and how much of
    /// the error signal reaches the first layer.
    fn write_markdown(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let (epochs, target_cost, target) = (self.epochs, &self.target_cost, self.target);
        let labels: Vec<String> = self.runs.iter().map(|r| r.label.clone()).collect();
        let title = words!(
            "cli-compare-title",
            name = self.name.clone(),
            setting = crate::text::compare::setting_name(&self.varied)
        );
        let summary = crate::text::compare::summary(&self.varied, &labels, epochs);
        write!(out, "# {title}\n\n{summary}\n\n")?;
        let cross = self.cross_entropy;
        let to_target = words!(
            "cli-compare-epochs-to",
            cost = cost_name(*target_cost),
            target = target.to_string()
        );
        let headings = [
            words!("compare-copy"),
            cost_name(Cost::Mse),
            cost_name(cross),
            cost_name(Cost::ClassificationError),
            words!("compare-accuracy"),
            to_target,
            words!("cli-compare-ratio"),
        ];
        writeln!(
            out,
            "| {} |\n|---|---:|---:|---:|---:|---:|---:|",
            headings.join(" | ")
        )?;
        for r in &self.runs {
            writeln!(out, "{}", self.row(r))?;
        }
        if self
            .runs
            .iter()
            .any(|r| r.diverged.is_some() || r.stopped.is_some())
        {
            writeln!(out)?;
            self.write_early_ends(out)?;
        }
        Ok(())
    }

    /// One copy's row of the summary table. The costs of a copy that diverged are not shown
    /// (they were growing without bound): its row says in which epoch it diverged.
    fn row(&self, r: &Run) -> String {
        let numbers = Numbers { precision: 4 };
        let reached = r
            .epochs_to(self.target_cost, self.target)
            .map_or_else(|| words!("cli-compare-not-reached"), |e| e.to_string());
        if let Some(d) = &r.diverged {
            let cell = words!("cli-compare-diverged-cell", epoch = d.epoch);
            return format!("| {} | {cell} | – | – | – | {reached} | – |", r.label);
        }
        let label = match &r.stopped {
            Some(stop) => words!(
                "cli-compare-stopped-label",
                label = r.label.clone(),
                epoch = stop.epoch().to_string()
            ),
            None => r.label.clone(),
        };
        let last = r.curve.last().map(|p| p.train).unwrap_or_default();
        let ratio = crate::scenario::compare::first_to_last(&r.health)
            .map_or("–".to_string(), |x| scientific(x, 2));
        let accuracy = Numbers { precision: 1 }.show(100.0 * (1.0 - last.classification_error));
        format!(
            "| {} | {} | {} | {} | {accuracy}% | {reached} | {ratio} |",
            label,
            numbers.show(last.mse),
            numbers.show(last.get(self.cross_entropy)),
            numbers.show(last.classification_error),
        )
    }

    /// Says for every copy that diverged where, which value became what, and what to try;
    /// for every copy a stop rule stopped early, which rule and where.
    fn write_early_ends(&self, out: &mut dyn Write) -> std::io::Result<()> {
        write_early_ends(&self.runs, out)
    }

    /// An error when every copy diverged: no copy completed, so there is nothing to compare.
    fn completed(&self) -> Result<(), CliError> {
        if self.runs.iter().all(|r| r.diverged.is_some()) {
            return Err(CliError::Compare(words!(
                "cli-error-every-copy-diverged",
                copies = self.runs.len(),
                epochs = self.epochs
            )));
        }
        Ok(())
    }
}

/// Trains for `epochs` (or the scenario's) epochs on the fast path, writing the `--curve`
/// file after every epoch, then reports the costs (and the test set's, with `--test`) and the
/// time.
fn train(
    scenario: &Scenario,
    epochs: Option<u64>,
    curve: Option<&Path>,
    test: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let setup = scenario.setup()?;
    let epochs = epochs.map_or(setup.training.epochs, |e| e as usize);
    let mut trainer = setup.trainer();
    let mut evaluation = Evaluation::new(&setup);
    let mut curve = match curve {
        Some(path) => {
            let mut writer =
                Curve::new(staged(path)?, setup.network.depth()).map_err(write_error(path))?;
            let start = evaluation.costs(&trainer, 0)?;
            writer.write(&start, None).map_err(write_error(path))?;
            Some((path, writer))
        }
        None => None,
    };
    let mut elapsed = Duration::ZERO;
    let mut watch = StopWatch::new(setup.training.stop, epochs);
    let per_run = if curve.is_some() || watch.watches_costs() {
        1
    } else {
        epochs
    };
    let mut done = 0;
    let mut stopped = None;
    while done < epochs && stopped.is_none() {
        let run = per_run.min(epochs - done);
        let start = Instant::now();
        let result = trainer.run_epochs(&setup.splits.train, run);
        elapsed += start.elapsed();
        result?;
        done += run;
        if per_run == 1 {
            let point = evaluation.costs(&trainer, done)?;
            stopped = watch.note(done, &point.train);
            if let Some((path, writer)) = curve.as_mut() {
                writer
                    .write(&point, Some(&trainer.health()))
                    .map_err(write_error(path))?;
            }
        }
    }
    if let Some((path, writer)) = curve {
        commit(writer.finish().map_err(write_error(path))?, path)?;
    }
    let last = evaluation.costs(&trainer, done)?;
    let tested = if test {
        Some(evaluation.test(&trainer)?)
    } else {
        None
    };
    let iterations = trainer.schedule.completed();
    let io = write_error(Path::new(STDOUT));
    write_costs(out, scenario, &setup, done, iterations, &last).map_err(&io)?;
    if let Some(stop) = stopped.filter(|s| !matches!(s, Stop::Epochs(_))) {
        writeln!(out, "{}", crate::text::stop::describe(&stop)).map_err(&io)?;
    }
    if let Some(costs) = tested {
        let epoch = iterations.div_ceil(trainer.schedule.iterations_per_epoch() as u64);
        write_test(out, costs.as_ref(), iterations, epoch).map_err(&io)?;
    }
    write_timing(out, iterations, elapsed).map_err(&io)
}

/// The head of `train`'s report: the settings, then the five costs of the training and
/// validation sets.
fn write_costs(
    out: &mut impl Write,
    scenario: &Scenario,
    setup: &Setup,
    epochs: usize,
    iterations: u64,
    costs: &EpochCosts,
) -> std::io::Result<()> {
    let header = words!(
        "cli-train-header",
        name = scenario.name.clone(),
        shape = crate::text::notation::shape(&setup.network.sizes()),
        epochs = epochs,
        iterations = iterations,
        mode = mode_name(setup.training.mode),
        batch = setup.training.batch_size,
        eta = compact(setup.training.learning_rate)
    );
    writeln!(out, "{header}")?;
    let names = Cost::ALL.map(cost_name);
    let mut line = padded("", LABEL, false);
    for name in &names {
        line.push(' ');
        line.push_str(&padded(name, COLUMN, true));
    }
    writeln!(out, "{}", line.trim_end())?;
    write_costs_row(out, &words!("cli-train-training"), &costs.train)?;
    match &costs.validation {
        Some(validation) => write_costs_row(out, &words!("cli-train-validation"), validation),
        None => Ok(()),
    }
}

/// The width of the label column of `train`'s table, in terminal cells.
const LABEL: usize = 12;

/// The width of each cost column of `train`'s table, in terminal cells.
const COLUMN: usize = 21;

/// `text` filled with spaces to `width` terminal cells (a Korean character takes two), on
/// the left when `right` aligns it to the right; text wider than `width` is left whole.
fn padded(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.width()));
    match right {
        true => format!("{fill}{text}"),
        false => format!("{text}{fill}"),
    }
}

/// One row of `train`'s table: the label and the five costs.
fn write_costs_row(out: &mut impl Write, label: &str, costs: &Costs) -> std::io::Result<()> {
    write!(out, "{}", padded(label, LABEL, false))?;
    let numbers = Numbers { precision: 6 };
    for (_, x) in costs.named() {
        write!(out, " {}", padded(&numbers.show(x), COLUMN, true))?;
    }
    writeln!(out)
}

/// The costs over the held-out test set (None: there is none), and why it is used only once.
fn write_test(
    out: &mut impl Write,
    costs: Option<&Costs>,
    iterations: u64,
    epoch: u64,
) -> std::io::Result<()> {
    let Some(costs) = costs else {
        let label = padded(&words!("cli-train-test"), LABEL, false);
        return writeln!(out, "{label} {}", words!("cli-train-no-test"));
    };
    write_costs_row(out, &words!("cli-train-test"), costs)?;
    let note = words!(
        "test-set-note",
        iteration = iterations.to_string(),
        epoch = epoch.to_string()
    );
    writeln!(out, "{note}")
}

/// The last line of `train`'s report: how long the training itself took.
fn write_timing(out: &mut impl Write, iterations: u64, elapsed: Duration) -> std::io::Result<()> {
    let secs = elapsed.as_secs_f64();
    let per_iteration = if iterations == 0 {
        0.0
    } else {
        secs * 1e9 / iterations as f64
    };
    let timing = words!(
        "cli-train-timing",
        iterations = iterations,
        seconds = format!("{secs:.3}"),
        nanoseconds = format!("{per_iteration:.1}")
    );
    writeln!(out, "{timing}")
}

/// A line for each run that ended early: where it diverged, or which rule stopped it.
fn write_early_ends(runs: &[Run], out: &mut dyn Write) -> std::io::Result<()> {
    for r in runs {
        let reason = match (&r.diverged, &r.stopped) {
            (Some(d), _) => Some(describe(d)),
            (None, Some(stop)) => Some(crate::text::stop::reason(stop)),
            (None, None) => None,
        };
        if let Some(reason) = reason {
            let label = r.label.clone();
            writeln!(
                out,
                "{}",
                words!("cli-compare-stopped", label = label, reason = reason)
            )?;
        }
    }
    Ok(())
}
