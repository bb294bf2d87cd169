//! The README's samples are what the binary prints today.
//!
//! Every ```` ```console ```` block of README.md is a session: each `$ backstep ARGS` line is
//! run (in a scratch folder holding a copy of `tests/fixtures/readme/`, standard output and
//! standard error together, as a terminal shows them) and what it prints must be the lines
//! that follow, up to the next `$` line or the end of the block. A line `…` stands for any
//! number of lines left out. The one run-dependent line, `train`'s `trained N iterations in
//! X s (Y ns/iteration)`, is compared up to the iteration count only.

use std::fs::File;
use std::path::Path;
use std::process::Command;

/// A line of expected output that stands for any number of lines.
const ELISION: &str = "…";

/// One `$ backstep …` line of the README and the output shown under it.
#[derive(Debug)]
struct Sample {
    /// 1-based line of the `$` in README.md.
    line: usize,
    /// The arguments after `backstep`.
    args: Vec<String>,
    /// The lines shown under the command.
    expected: Vec<String>,
}

/// The samples of every `console` block, or the README lines that break the convention.
fn samples(readme: &str) -> Result<Vec<Sample>, String> {
    let mut samples: Vec<Sample> = Vec::new();
    let mut fence: Option<&str> = None;
    for (i, line) in readme.lines().enumerate() {
        let line_number = i + 1;
        if let Some(info) = line.strip_prefix("```") {
            fence = match fence {
                None => Some(info.trim()),
                Some(_) => None,
            };
            continue;
        }
        match (fence, line.strip_prefix("$ ")) {
            (Some("console"), Some(command)) => {
                let args: Vec<String> = match command.strip_prefix("backstep ") {
                    Some(args) if !args.contains(['"', '\'', '|', '>', '<']) => {
                        args.split_whitespace().map(String::from).collect()
                    }
                    _ => {
                        return Err(format!(
                            "README.md:{line_number}: a console sample runs `backstep` with plain \
                             arguments (no quotes, pipes or redirections), found `{command}`"
                        ));
                    }
                };
                samples.push(Sample {
                    line: line_number,
                    args,
                    expected: Vec::new(),
                });
            }
            (Some("console"), None) => match samples.last_mut() {
                Some(sample) => sample.expected.push(line.to_string()),
                None => {
                    return Err(format!(
                        "README.md:{line_number}: output before any `$ backstep` line"
                    ));
                }
            },
            (Some(_), Some(_)) if line.starts_with("$ backstep") => {
                return Err(format!(
                    "README.md:{line_number}: a `$ backstep` sample outside a ```console block \
                     is not tested; open the block with ```console"
                ));
            }
            _ => {}
        }
    }
    Ok(samples)
}

/// The line with what differs from run to run taken out: the seconds and nanoseconds of
/// `train`'s timing line (its iteration count stays).
fn normalized(line: &str) -> String {
    match line.split_once(" iterations in ") {
        Some((count, _)) if count.starts_with("trained ") => {
            format!("{count} iterations in … s (… ns/iteration)")
        }
        _ => line.to_string(),
    }
}

/// Whether `actual` is `expected`, where each `…` line of `expected` stands for any number
/// of lines (both normalized).
fn matches(expected: &[String], actual: &[String]) -> bool {
    let expected: Vec<String> = expected.iter().map(|l| normalized(l)).collect();
    let actual: Vec<String> = actual.iter().map(|l| normalized(l)).collect();
    let parts: Vec<&[String]> = expected.split(|l| l == ELISION).collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return actual == expected;
    };
    let Some(mut rest) = actual
        .strip_prefix(*first)
        .and_then(|rest| rest.strip_suffix(*last))
    else {
        return false;
    };
    for part in middle.iter().filter(|part| !part.is_empty()) {
        match rest.windows(part.len()).position(|lines| lines == *part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// What `backstep ARGS` prints on standard output and standard error, interleaved, when run
/// in `dir`.
fn run(args: &[String], dir: &Path) -> String {
    let log_dir = tempfile::tempdir().unwrap();
    let log_path = log_dir.path().join("output");
    let log = File::create(&log_path).unwrap();
    Command::new(env!("CARGO_BIN_EXE_backstep"))
        .args(args)
        .env("LC_ALL", "C")
        .current_dir(dir)
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .status()
        .expect("the binary runs");
    std::fs::read_to_string(log_path).unwrap()
}

/// A scratch folder with a copy of every file of `tests/fixtures/readme/`.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readme");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(String::from).collect()
}

#[test]
fn every_console_sample_of_the_readme_is_what_the_binary_prints() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let samples = samples(&readme).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        samples.len() >= 4,
        "expected the README's console samples (trace, train, compare, check), found {}",
        samples.len()
    );
    let dir = scratch();
    let mut stale = Vec::new();
    for sample in &samples {
        let actual = run(&sample.args, dir.path());
        if !matches(&sample.expected, &lines(&actual)) {
            stale.push(format!(
                "README.md:{}: `backstep {}` shows\n{}\nbut prints\n{actual}",
                sample.line,
                sample.args.join(" "),
                sample.expected.join("\n"),
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "stale README samples:\n\n{}",
        stale.join("\n\n")
    );
}

#[test]
fn a_sample_matches_only_the_output_it_shows() {
    let actual = lines("a\nb\nc\nd\ntrained 4 iterations in 0.001 s (250.0 ns/iteration)");
    let shown = |text: &str| matches(&lines(text), &actual);
    assert!(shown(
        "a\nb\nc\nd\ntrained 4 iterations in 0.000 s (94.3 ns/iteration)"
    ));
    assert!(shown("…\nb\n…\nd\n…"));
    assert!(shown(
        "a\n…\ntrained 4 iterations in 9.999 s (1.0 ns/iteration)"
    ));
    assert!(shown("…"));
    assert!(!shown("a\nb\nc\nd"), "a missing last line");
    assert!(!shown(
        "a\nb\nc\nd\ntrained 5 iterations in 0.001 s (250.0 ns/iteration)"
    ));
    assert!(!shown("a\nb\nx\nd\n…"), "a changed line");
    assert!(!shown("…\nc\nb\n…"), "lines out of order");
    assert!(!shown("b\n…"), "the first line is not shown first");
    assert!(!shown("…\nd"), "the last line is not shown last");
    assert!(
        !shown("a\nb\nc\n…\nc\nd\ntrained 4 iterations in 0 s (0 ns/iteration)"),
        "a line shown twice"
    );
    assert!(shown("a\n…\n…\nd\n…"), "two … in a row");
}

#[test]
fn a_sample_outside_a_console_block_is_refused() {
    let readme = "```\n$ backstep list\nxor\n```\n";
    assert!(samples(readme).unwrap_err().contains("README.md:2"));
    let readme = "```console\n$ backstep list | head\n```\n";
    assert!(samples(readme).unwrap_err().contains("plain arguments"));
}
