//! Issue 11, item 5: memory within the stated limits. Each run of the real binary gets an
//! address-space limit (`ulimit -v`, which counts everything mapped, so it is above the
//! resident set): a run that needed more aborts instead of passing.

mod common;

use std::process::{Command, Output};

use backstep::scenario::MAX_FILE_BYTES;
use common::text;

/// Runs the binary with `args` in `sh` with at most `mebibytes` of address space.
fn within(mebibytes: u64, args: &[&str]) -> Output {
    let script = format!("ulimit -v {}; exec \"$0\" \"$@\"", mebibytes * 1024);
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_backstep"))
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .expect("sh runs")
}

/// A scenario of `samples` one-number inline rows for a 1-2-1 network: `[0],` per sample in
/// both `inputs` and `targets`, the most TOML values a byte of a scenario file can hold.
fn one_number_rows(samples: usize) -> String {
    let rows = "[0],".repeat(samples);
    format!(
        "name = \"rows\"\n[network]\nlayers = [1, 2, 1]\n[data]\ninputs = [{rows}]\ntargets = [{rows}]\n"
    )
}

/// A 16 MiB scenario of inline data once took 3.2 GB and a 1 MiB one over 150 MiB: a 1 MiB
/// file is refused by its size now, and the largest file accepted (512 KiB of one-number rows, 2 × 65 000 numbers) is checked within
/// 150 MiB of address space: the bound of 100 MB plus three times its numbers' 1 MB, with
/// room for the debug binary's own mappings. Worked out: 8 bytes a sample (`[0],` twice).
#[test]
fn the_largest_scenario_file_accepted_is_read_within_the_bound() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    std::fs::write(&big, one_number_rows(128 * 1024)).unwrap();
    let big = big.to_str().unwrap();
    let refused = within(150, &["check", big]);
    assert!(!refused.status.success());
    let limit = MAX_FILE_BYTES.to_string();
    assert!(
        text(&refused.stderr).contains(&format!("of at most {limit} bytes")),
        "{}",
        text(&refused.stderr)
    );
    let largest = one_number_rows(65_000);
    assert!(largest.len() as u64 <= MAX_FILE_BYTES && largest.len() > 500_000);
    let file = dir.path().join("largest.toml");
    std::fs::write(&file, largest).unwrap();
    let run = within(150, &["check", file.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stdout).contains("training samples: 65000"));
}

/// A data file line longer than 1 MiB is refused as it is read: a 100 MB line is refused
/// within 150 MiB of address space (it once took more than twice its size).
#[test]
fn a_huge_line_of_data_is_refused_without_reading_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("data.csv");
    let mut data = b"x,y\n1,".to_vec();
    data.resize(data.len() + 100_000_000, b'9');
    std::fs::write(&csv, data).unwrap();
    let scenario = dir.path().join("s.toml");
    std::fs::write(
        &scenario,
        "name = \"x\"\n[network]\nlayers = [1, 1]\n[data]\nfile = \"data.csv\"\n",
    )
    .unwrap();
    let run = within(150, &["check", scenario.to_str().unwrap()]);
    assert!(!run.status.success());
    assert!(
        text(&run.stderr).contains("data.csv:2: expected lines of at most 1048576 bytes"),
        "{}",
        text(&run.stderr)
    );
}
