//! The command line of DESIGN.md and its headless commands: list, check, trace, train.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};

use crate::nn::health::LayerHealth;
use crate::nn::stepper::{evaluate, non_finite_cost};
use crate::nn::{Costs, Divergence, Phase, Trainer, Workspace, compact};
use crate::scenario::{BUILTINS, DEFAULT, MAX_EPOCHS, Scenario, ScenarioError};
use crate::trace::{self, IterationTrace};

/// backstep: step through back-propagation one phase at a time.
#[derive(Debug, Parser)]
#[command(name = "backstep", version, about, long_about = None)]
pub struct Cli {
    /// What to do (no command: open the stepping view on the default scenario).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the stepping view on a scenario (a file path or a built-in name).
    Run {
        /// A scenario file or a built-in name.
        scenario: String,
    },
    /// List the built-in scenarios with their descriptions.
    List,
    /// Validate scenario files (or built-in names); exit 0 when all are valid.
    Check {
        /// Scenario files or built-in names.
        #[arg(required = true)]
        scenarios: Vec<String>,
    },
    /// Write every number of the first iterations: JSON Lines, CSV or a markdown handout.
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
    },
    /// Train two to four copies that differ in one setting, from the same initial weights
    /// and data order, and compare them.
    Compare {
        /// A scenario file or a built-in name.
        scenario: String,
        /// The setting and its values, e.g. loss=mse,cross-entropy (default: the scenario's
        /// [compare] table).
        #[arg(long)]
        vary: Option<String>,
        /// Epochs to train each copy (default: the scenario's `epochs`).
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

/// Trace formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON Lines, one object per iteration, full precision.
    Json,
    /// Long-form CSV, one number per row.
    Csv,
    /// A readable worked iteration.
    Markdown,
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A scenario is invalid.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// Training diverged.
    #[error(transparent)]
    Divergence(#[from] Divergence),
    /// An output file could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// the file
        path: PathBuf,
        /// why
        source: std::io::Error,
    },
    /// The stepping view could not use the terminal.
    #[error(
        "cannot use the terminal for the stepping view: {0}; without a terminal, use `backstep trace` or `backstep train`"
    )]
    Terminal(std::io::Error),
    /// A comparison was asked for wrongly.
    #[error("{0}")]
    Compare(String),
    /// Some of the checked scenarios are invalid (their errors are already printed).
    #[error("{invalid} of {total} scenarios are invalid")]
    Check {
        /// how many failed
        invalid: usize,
        /// how many were checked
        total: usize,
    },
}

/// Runs a headless command, writing its report to `out` (and problems found by `check` to
/// `err`).
pub fn run(command: Command, out: &mut impl Write, err: &mut impl Write) -> Result<(), CliError> {
    let stdout = |source| CliError::Write {
        path: PathBuf::from("<stdout>"),
        source,
    };
    match command {
        Command::Run { scenario } => {
            let app = crate::tui::load(&scenario)?;
            crate::tui::run(app).map_err(CliError::Terminal)
        }
        Command::List => list(out).map_err(stdout),
        Command::Check { scenarios } => check(&scenarios, out, err),
        Command::Trace {
            scenario,
            steps,
            format,
            output,
        } => {
            let scenario = Scenario::load(&scenario)?;
            scenario.setup()?;
            match output {
                Some(path) => {
                    let write_error = |source| CliError::Write {
                        path: path.clone(),
                        source,
                    };
                    let file = File::create(&path).map_err(write_error)?;
                    let mut writer = BufWriter::new(file);
                    trace(&scenario, steps, format, &mut writer, &path)?;
                    writer.flush().map_err(write_error)
                }
                None => trace(&scenario, steps, format, out, Path::new("<stdout>")),
            }
        }
        Command::Train {
            scenario,
            epochs,
            curve,
            test,
        } => train(
            &Scenario::load(&scenario)?,
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
        } => {
            let scenario = Scenario::load(&scenario)?;
            let report = compare(
                &scenario,
                vary.as_deref(),
                epochs,
                target.as_deref(),
                format,
            )?;
            match output {
                Some(path) => std::fs::write(&path, report).map_err(|source| CliError::Write {
                    path: path.clone(),
                    source,
                }),
                None => out.write_all(report.as_bytes()).map_err(stdout),
            }
        }
    }
}

fn list(out: &mut impl Write) -> std::io::Result<()> {
    for b in BUILTINS {
        let (name, description) = match Scenario::load(b.name) {
            Ok(s) => (s.name, s.description),
            Err(e) => (String::from("(invalid)"), e.to_string()),
        };
        let default = if b.name == DEFAULT { " (default)" } else { "" };
        writeln!(out, "{}{default}: {name}", b.name)?;
        let words: Vec<&str> = description.split_whitespace().collect();
        let mut line = String::from("   ");
        for word in words {
            if line.len() + word.len() > 90 {
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

fn check(scenarios: &[String], out: &mut impl Write, err: &mut impl Write) -> Result<(), CliError> {
    let mut invalid = 0;
    let io = |source| CliError::Write {
        path: PathBuf::from("<stdout>"),
        source,
    };
    for name in scenarios {
        match Scenario::load(name).and_then(|s| s.setup().map(|setup| (s, setup))) {
            Ok((scenario, setup)) => {
                let sizes: Vec<String> = scenario.layers.iter().map(ToString::to_string).collect();
                writeln!(
                    out,
                    "ok: {} ({}: {} network, training samples: {})",
                    scenario.origin,
                    scenario.name,
                    sizes.join("-"),
                    setup.splits.train.len()
                )
                .map_err(io)?;
            }
            Err(e) => {
                invalid += 1;
                writeln!(err, "error: {e}").map_err(io)?;
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

fn trace(
    scenario: &Scenario,
    steps: u64,
    format: Format,
    out: &mut impl Write,
    path: &Path,
) -> Result<(), CliError> {
    let io = |source| CliError::Write {
        path: path.to_path_buf(),
        source,
    };
    let setup = scenario.setup()?;
    let mut stepper = setup.stepper();
    match format {
        Format::Csv => trace::csv::write_header(out).map_err(io)?,
        Format::Markdown => trace::markdown::write_header(out, scenario, &stepper).map_err(io)?,
        Format::Json => {}
    }
    for _ in 0..steps {
        stepper.finish_iteration()?;
        match format {
            Format::Json => trace::json::write(out, &IterationTrace::capture(&stepper)),
            Format::Csv => trace::csv::write(out, &IterationTrace::capture(&stepper)),
            Format::Markdown => trace::markdown::write(out, &stepper),
        }
        .map_err(io)?;
    }
    Ok(())
}

/// The comparison's report: the summary table (markdown) or every copy's curves (CSV).
fn compare(
    scenario: &Scenario,
    vary: Option<&str>,
    epochs: Option<u64>,
    target: Option<&str>,
    format: CompareFormat,
) -> Result<String, CliError> {
    use crate::scenario::compare::{parse_vary, run};
    let declared = scenario.comparison.as_ref();
    let (setting, values) = match (vary, declared) {
        (Some(spec), _) => {
            parse_vary(spec, scenario).map_err(|e| CliError::Compare(format!("--vary: {e}")))?
        }
        (None, Some(c)) => (c.setting.clone(), c.values.clone()),
        (None, None) => {
            return Err(CliError::Compare(format!(
                "{}: the scenario declares no [compare] table; give --vary SETTING=VALUE,VALUE (e.g. --vary loss=mse,cross-entropy)",
                scenario.origin
            )));
        }
    };
    let (target_cost, target) = match target {
        Some(spec) => {
            let (name, value) = spec.split_once('=').ok_or_else(|| {
                CliError::Compare(format!(
                    "--target: expected COST=VALUE (e.g. mse=0.05), found `{spec}`"
                ))
            })?;
            let names = Costs::NAMES;
            if !names.contains(&name) {
                return Err(CliError::Compare(format!(
                    "--target: expected one of {}, found `{name}`",
                    names.join(", ")
                )));
            }
            let value: f64 = value
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| {
                    CliError::Compare(format!(
                        "--target: expected a finite number, found `{value}`"
                    ))
                })?;
            (name.to_string(), value)
        }
        None => declared.map_or(("mse".to_string(), 0.1), |c| {
            (c.target_cost.clone(), c.target)
        }),
    };
    let epochs = epochs.map_or(scenario.training.epochs, |e| e as usize);
    let runs = run(scenario, &values, epochs)?;
    let mut report = String::new();
    match format {
        CompareFormat::Csv => {
            report.push_str("copy,label,epoch,iteration");
            for set in ["train", "validation"] {
                for (name, _) in Costs::default().named() {
                    report.push_str(&format!(",{set}_{name}"));
                }
            }
            report.push('\n');
            for (i, r) in runs.iter().enumerate() {
                for p in &r.curve {
                    report.push_str(&format!(
                        "{},{},{},{}",
                        i + 1,
                        r.label,
                        p.epoch,
                        p.iteration
                    ));
                    for (_, v) in p.train.named() {
                        report.push_str(&format!(",{v}"));
                    }
                    for k in 0..5 {
                        match p.validation {
                            Some(c) => report.push_str(&format!(",{}", c.named()[k].1)),
                            None => report.push(','),
                        }
                    }
                    report.push('\n');
                }
            }
        }
        CompareFormat::Markdown => {
            report.push_str(&format!(
                "# {}: {setting} compared\n\n{} copies from the same initial weights and data order, {epochs} epochs each; \
                 costs over the training set after the last epoch.\n\n",
                scenario.name,
                runs.len()
            ));
            report.push_str(&format!(
                "| copy | MSE | cross-entropy | binary CE | classification error | accuracy | epochs to {target_cost} ≤ {target} | mean abs(δ¹) / mean abs(δᴸ) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
            ));
            for r in &runs {
                let last = r.curve.last().map(|p| p.train).unwrap_or_default();
                let reached = r
                    .epochs_to(&target_cost, target)
                    .map_or("not reached".to_string(), |e| e.to_string());
                let ratio = crate::scenario::compare::first_to_last(&r.health)
                    .map_or("–".to_string(), |x| format!("{x:.2e}"));
                report.push_str(&format!(
                    "| {} | {:.4} | {:.4} | {:.4} | {:.4} | {:.1}% | {reached} | {ratio} |\n",
                    r.label,
                    last.mse,
                    last.cross_entropy,
                    last.binary_cross_entropy,
                    last.classification_error,
                    100.0 * (1.0 - last.classification_error)
                ));
            }
            for r in runs.iter().filter(|r| r.diverged.is_some()) {
                report.push_str(&format!(
                    "\n{} stopped early: {}\n",
                    r.label,
                    r.diverged.as_deref().unwrap_or("")
                ));
            }
        }
    }
    Ok(report)
}

/// The header of `train --curve` for a network of `depth` layers: the five costs of the
/// training and validation sets, then each layer's gradient health (of the epoch's last batch).
pub fn curve_header(depth: usize) -> String {
    let mut header = String::from("epoch,iteration");
    for set in ["train", "validation"] {
        for (name, _) in Costs::default().named() {
            header.push_str(&format!(",{set}_{name}"));
        }
    }
    for l in 1..=depth {
        for name in ["mean_abs_delta", "mean_derivative", "grad_norm"] {
            header.push_str(&format!(",layer{l}_{name}"));
        }
    }
    header
}

fn curve_row(
    epoch: usize,
    iteration: u64,
    train: Costs,
    validation: Option<Costs>,
    health: Option<&[LayerHealth]>,
    depth: usize,
) -> String {
    let mut row = format!("{epoch},{iteration}");
    for (_, v) in train.named() {
        row.push_str(&format!(",{v}"));
    }
    for i in 0..5 {
        match validation {
            Some(c) => row.push_str(&format!(",{}", c.named()[i].1)),
            None => row.push(','),
        }
    }
    for l in 0..depth {
        match health.and_then(|h| h.get(l)) {
            Some(h) => row.push_str(&format!(
                ",{},{},{}",
                h.mean_abs_delta, h.mean_derivative, h.grad_norm
            )),
            None => row.push_str(",,,"),
        }
    }
    row
}

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
    let depth = setup.network.depth();
    let (train_set, validation_set) = (&setup.splits.train, &setup.splits.validation);
    let mut evaluation =
        Workspace::for_evaluation(&setup.network, train_set.len().max(validation_set.len()));
    let mut costs = |trainer: &Trainer| -> Result<(Costs, Option<Costs>), Divergence> {
        let train = evaluate(&trainer.network, train_set, &mut evaluation);
        let validation = (!validation_set.is_empty())
            .then(|| evaluate(&trainer.network, validation_set, &mut evaluation));
        let found = non_finite_cost(&train, "training")
            .or_else(|| non_finite_cost(validation.as_ref()?, "validation"));
        match found {
            None => Ok((train, validation)),
            Some((quantity, value)) => {
                let last = trainer.schedule.last_completed();
                let (epoch, iteration) = last.unwrap_or((1, 1));
                Err(Divergence {
                    epoch,
                    iteration,
                    phase: if last.is_some() {
                        Phase::Done
                    } else {
                        Phase::Start
                    },
                    quantity,
                    value,
                    learning_rate: setup.training.learning_rate,
                })
            }
        }
    };
    let mut curve_file = match curve {
        Some(path) => {
            let write_error = |source| CliError::Write {
                path: path.to_path_buf(),
                source,
            };
            let mut w = BufWriter::new(File::create(path).map_err(write_error)?);
            writeln!(w, "{}", curve_header(depth)).map_err(write_error)?;
            let (t, v) = costs(&trainer)?;
            writeln!(w, "{}", curve_row(0, 0, t, v, None, depth)).map_err(write_error)?;
            Some((path, w))
        }
        None => None,
    };
    let mut elapsed = Duration::ZERO;
    let per_run = if curve_file.is_some() { 1 } else { epochs };
    let mut done = 0;
    while done < epochs {
        let run = per_run.min(epochs - done);
        let start = Instant::now();
        let result = trainer.run_epochs(train_set, run);
        elapsed += start.elapsed();
        result?;
        done += run;
        if let Some((path, w)) = curve_file.as_mut() {
            let (t, v) = costs(&trainer)?;
            writeln!(
                w,
                "{}",
                curve_row(
                    done,
                    trainer.schedule.completed(),
                    t,
                    v,
                    Some(&trainer.health()),
                    depth
                )
            )
            .map_err(|source| CliError::Write {
                path: path.to_path_buf(),
                source,
            })?;
        }
    }
    if let Some((path, mut w)) = curve_file {
        w.flush().map_err(|source| CliError::Write {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let io = |source| CliError::Write {
        path: PathBuf::from("<stdout>"),
        source,
    };
    let iterations = trainer.schedule.completed();
    let (t, v) = costs(&trainer)?;
    writeln!(
        out,
        "{}: {epochs} epochs, {iterations} iterations ({}, batch size {}, η = {})",
        scenario.name,
        setup.training.mode.name(),
        setup.training.batch_size,
        compact(setup.training.learning_rate)
    )
    .map_err(io)?;
    write!(out, "{:<12}", "").map_err(io)?;
    for (name, _) in t.named() {
        write!(out, " {name:>21}").map_err(io)?;
    }
    writeln!(out).map_err(io)?;
    for (label, c) in [("training", Some(t)), ("validation", v)] {
        if let Some(c) = c {
            write!(out, "{label:<12}").map_err(io)?;
            for (_, x) in c.named() {
                write!(out, " {x:>21.6}").map_err(io)?;
            }
            writeln!(out).map_err(io)?;
        }
    }
    if test {
        let test_set = &setup.splits.test;
        if test_set.is_empty() {
            writeln!(
                out,
                "{:<12} no test set is held out (set `test` in [data])",
                "test"
            )
            .map_err(io)?;
        } else {
            let mut workspace = Workspace::for_evaluation(&trainer.network, test_set.len());
            let c = evaluate(&trainer.network, test_set, &mut workspace);
            write!(out, "{:<12}", "test").map_err(io)?;
            for (_, x) in c.named() {
                write!(out, " {x:>21.6}").map_err(io)?;
            }
            writeln!(out).map_err(io)?;
            writeln!(out, "{}", crate::data::TEST_NOTE).map_err(io)?;
        }
    }
    let secs = elapsed.as_secs_f64();
    writeln!(
        out,
        "trained {iterations} iterations in {secs:.3} s ({:.1} ns/iteration)",
        if iterations == 0 {
            0.0
        } else {
            secs * 1e9 / iterations as f64
        }
    )
    .map_err(io)
}
