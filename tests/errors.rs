//! `backstep check` on broken scenarios: every one is refused with a non-zero exit, no panic,
//! and a message that names the file, the line (where toml gives one), the key and what was
//! expected and found. The fixtures are in `tests/fixtures/bad/`; the first line of each says
//! what is wrong with it and on which line.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_backstep");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// Relative to `ROOT`, which is where `check` runs, so messages show short paths.
const BAD: &str = "tests/fixtures/bad";
/// Validation is instant; anything slower is drawing data or allocating what it should refuse.
const TIMEOUT: Duration = Duration::from_secs(30);

/// `backstep check ARGS...`, run from the package root.
fn check(args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command.env("LC_ALL", "C");
    command.arg("check").args(args).current_dir(ROOT);
    command
}

/// Runs `command`, killing it (and failing the test) after `TIMEOUT`.
fn run(mut command: Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start backstep");
    let start = Instant::now();
    while child.try_wait().expect("wait for backstep").is_none() {
        if start.elapsed() > TIMEOUT {
            child.kill().ok();
            let output = child.wait_with_output().expect("collect backstep's output");
            panic!(
                "{command:?} took over {TIMEOUT:?} (killed); stderr so far:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("collect backstep's output")
}

fn fixture(name: &str) -> String {
    format!("{BAD}/{name}")
}

/// What `check` printed for a scenario it refused; each method asserts one part of it.
struct Refusal {
    file: String,
    stderr: String,
}

/// Checks the fixture `name` and asserts that it is refused.
fn refused(name: &str) -> Refusal {
    let file = fixture(name);
    refused_by(check(&[&file]), &file)
}

/// Runs `command` and asserts that it refuses `file`: non-zero exit, no panic, nothing
/// reported as ok, an `error: ` line that names the file.
fn refused_by(command: Command, file: &str) -> Refusal {
    let output = run(command);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !output.status.success(),
        "`check {file}` accepted it ({})\nstdout: {stdout}\nstderr: {stderr}",
        output.status
    );
    assert!(
        !stderr.contains("panicked"),
        "`check {file}` panicked:\n{stderr}"
    );
    assert!(
        !stdout.contains("ok:"),
        "`check {file}` printed ok:\n{stdout}"
    );
    assert!(
        stderr.starts_with("error: "),
        "no `error: ` line:\n{stderr}"
    );
    assert!(
        stderr.contains(file),
        "the message does not name {file}:\n{stderr}"
    );
    Refusal {
        file: file.to_string(),
        stderr,
    }
}

impl Refusal {
    /// The message points at `line` of the file: `FILE:LINE:COLUMN`.
    fn line(self, line: usize) -> Self {
        let at = format!("{}:{line}:", self.file);
        assert!(
            self.stderr.contains(&at),
            "expected {at} in:\n{}",
            self.stderr
        );
        self
    }

    /// The message names `key`, as `` `network.layers[1]`: ``.
    fn key(self, key: &str) -> Self {
        let named = format!("`{key}`: ");
        assert!(
            self.stderr.contains(&named),
            "expected {named} in:\n{}",
            self.stderr
        );
        self
    }

    fn says(self, text: &str) -> Self {
        assert!(
            self.stderr.contains(text),
            "expected {text:?} in:\n{}",
            self.stderr
        );
        self
    }

    /// Words a student cannot act on (Rust type names and the like).
    fn lacks(self, text: &str) -> Self {
        assert!(
            !self.stderr.contains(text),
            "unexpected {text:?} in:\n{}",
            self.stderr
        );
        self
    }
}

// ---- the file itself ----

#[test]
fn a_directory_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("looks-like-a-scenario.toml");
    std::fs::create_dir(&path).unwrap();
    let file = path.to_str().unwrap();
    refused_by(check(&[file]), file).says("expected a scenario file, found a folder");
}

#[test]
fn a_missing_file() {
    refused("does-not-exist.toml").says("no scenario file or built-in scenario named");
}

#[test]
fn an_empty_file() {
    refused("empty.toml").says("the file is empty");
}

#[test]
fn a_file_of_comments_and_blank_lines() {
    refused("comments-only.toml").says("the file is empty");
}

#[test]
fn a_latin1_byte() {
    refused("latin1.toml")
        .line(2)
        .says(":2:12: expected UTF-8 text, found the byte 0xe9");
}

#[test]
fn a_toml_syntax_error() {
    refused("syntax-error.toml")
        .line(5)
        .says("TOML syntax error");
}

#[test]
fn a_duplicate_key() {
    refused("duplicate-key.toml").line(6).says("duplicate key");
}

/// Korean text (two cells a character) and a tab before the offending value: the snippet
/// shows the line and puts the caret in the same terminal cell as the value.
#[test]
fn the_caret_points_at_the_value_after_wide_characters_and_a_tab() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("scenario.toml");
    let line =
        "data = { features = [\"가나\"], inputs = [[0.0]], targets = [[1.0]],\tvalidation = 1.5 }";
    let text = format!("name = \"x\"\nnetwork = {{ layers = [1, 1] }}\n{line}\n");
    std::fs::write(&scenario, text).unwrap();
    let file = scenario.to_str().unwrap();
    // Column 79: 64 characters up to `[[1.0]],`, the tab, 13 for `validation = `, then the value.
    let stderr = refused_by(check(&[file]), file)
        .line(3)
        .says(":3:79: ")
        .key("data.validation")
        .says("expected a fraction in [0, 1), found 1.5")
        .stderr;
    let lines: Vec<&str> = stderr.lines().collect();
    let shown = lines
        .iter()
        .position(|l| l.contains("가나"))
        .unwrap_or_else(|| panic!("the line is not shown:\n{stderr}"));
    let (source, carets) = (lines[shown], lines[shown + 1]);
    let cell = |l: &str, at: usize| l[..at].replace('\t', "        ").width();
    let value = cell(source, source.find("1.5").unwrap());
    let caret = cell(carets, carets.find('^').unwrap());
    assert_eq!(caret, value, "\n{source}\n{carets}");
    assert_eq!(carets.matches('^').count(), 3, "{stderr}");
}

// ---- keys ----

#[test]
fn an_unknown_top_level_key() {
    refused("unknown-top-key.toml")
        .line(3)
        .key("author")
        .says("unknown key `author`");
}

#[test]
fn an_unknown_key_in_network() {
    refused("unknown-network-key.toml")
        .line(6)
        .key("network.activation")
        .says("unknown key `activation`")
        .says("`hidden_activation`");
}

#[test]
fn a_missing_name() {
    refused("missing-name.toml").says("missing required key `name`");
}

#[test]
fn missing_layers() {
    refused("missing-layers.toml")
        .line(4)
        .key("network")
        .says("missing required key `layers`");
}

#[test]
fn layers_as_a_string() {
    refused("layers-wrong-type.toml")
        .line(5)
        .key("network.layers")
        .says("string \"2,2\"")
        .says("expected an array");
}

#[test]
fn a_negative_seed() {
    refused("seed-negative.toml")
        .line(3)
        .key("seed")
        .says("-1")
        .lacks("u64");
}

// ---- [network] ----

#[test]
fn a_layer_of_zero_neurons() {
    refused("layer-zero.toml")
        .line(5)
        .key("network.layers[1]")
        .says("expected a layer size from 1 to 4096, found 0");
}

#[test]
fn a_layer_beyond_the_limit() {
    refused("layer-too-wide.toml")
        .line(5)
        .key("network.layers[1]")
        .says("expected a layer size from 1 to 4096, found 100000");
}

#[test]
fn a_negative_layer_size() {
    refused("layer-negative.toml")
        .line(5)
        .key("network.layers[1]")
        .says("expected a layer size from 1 to 4096")
        .says("-3")
        .lacks("u64");
}

#[test]
fn a_layer_size_written_as_a_float() {
    refused("layer-float.toml")
        .line(5)
        .key("network.layers[0]")
        .says("2.0")
        .lacks("u64");
}

#[test]
fn too_many_layers() {
    refused("too-many-layers.toml")
        .line(5)
        .key("network.layers")
        .says("expected 2 to 32 layer sizes")
        .says("found 33");
}

#[test]
fn too_few_layers() {
    refused("too-few-layers.toml")
        .line(5)
        .key("network.layers")
        .says("expected 2 to 32 layer sizes")
        .says("found 1");
}

#[test]
fn too_many_weights_in_all() {
    refused("too-many-weights.toml")
        .line(5)
        .key("network.layers")
        .says("expected at most 10000000 weights in all, found 50331648");
}

#[test]
fn an_unknown_activation() {
    refused("unknown-activation.toml")
        .line(6)
        .key("network.hidden_activation")
        .says("found `sigmod`")
        .says("`sigmoid`");
}

#[test]
fn an_unknown_init() {
    refused("unknown-init.toml")
        .line(6)
        .key("network.init")
        .says("found `glorot`")
        .says("`xavier`");
}

#[test]
fn init_range_without_uniform_init() {
    refused("init-range-not-uniform.toml")
        .line(7)
        .key("network.init_range")
        .says("found init = \"xavier\"");
}

#[test]
fn softmax_with_one_output() {
    refused("softmax-one-output.toml")
        .line(6)
        .key("network.output_activation")
        .says("softmax needs at least 2 outputs, found layers ending in 1");
}

#[test]
fn softmax_as_the_hidden_activation() {
    refused("softmax-hidden.toml")
        .line(6)
        .key("network.hidden_activation")
        .says("softmax is for the output layer only")
        .says("found \"softmax\"");
}

#[test]
fn weights_with_a_matrix_missing() {
    refused("weights-count.toml")
        .line(6)
        .key("network.weights")
        .says("expected 2 matrices")
        .says("found 1");
}

#[test]
fn weights_with_too_many_rows() {
    refused("weights-rows.toml")
        .line(8)
        .key("network.weights[1]")
        .says("expected 1 row")
        .says("found 2");
}

#[test]
fn weights_with_too_many_columns() {
    refused("weights-columns.toml")
        .line(7)
        .key("network.weights[0][1]")
        .says("expected 2 weights")
        .says("found 3");
}

#[test]
fn biases_with_a_vector_too_many() {
    refused("biases-count.toml")
        .line(6)
        .key("network.biases")
        .says("expected 2 vectors of biases")
        .says("found 3");
}

#[test]
fn biases_of_the_wrong_length() {
    refused("biases-length.toml")
        .line(6)
        .key("network.biases[0]")
        .says("expected 2 biases")
        .says("found 3");
}

#[test]
fn biases_with_bias_none() {
    refused("biases-with-bias-none.toml")
        .line(7)
        .key("network.biases")
        .says("bias = \"none\"");
}

#[test]
fn a_nan_weight() {
    refused("nan-weight.toml")
        .line(8)
        .key("network.weights[1][0][1]")
        .says("expected a finite number, found NaN");
}

// ---- [training] ----

#[test]
fn an_unknown_loss() {
    refused("unknown-loss.toml")
        .line(8)
        .key("training.loss")
        .says("found `mae`")
        .says("`half-mse`");
}

#[test]
fn an_unknown_mode() {
    refused("unknown-mode.toml")
        .line(8)
        .key("training.mode")
        .says("found `online`")
        .says("`mini-batch`");
}

#[test]
fn an_infinite_learning_rate() {
    refused("inf-learning-rate.toml")
        .line(8)
        .key("training.learning_rate")
        .says("expected a finite number, found inf");
}

#[test]
fn a_negative_learning_rate() {
    refused("negative-learning-rate.toml")
        .line(8)
        .key("training.learning_rate")
        .says("expected a learning rate ≥ 0")
        .says("found -0.1");
}

#[test]
fn a_batch_size_of_zero() {
    refused("batch-size-zero.toml")
        .line(9)
        .key("training.batch_size")
        .says("expected a batch size ≥ 1, found 0");
}

#[test]
fn mini_batch_without_a_batch_size() {
    refused("mini-batch-without-size.toml")
        .line(7)
        .key("training")
        .says("mode = \"mini-batch\" needs `batch_size`");
}

#[test]
fn zero_epochs() {
    refused("epochs-zero.toml")
        .line(8)
        .key("training.epochs")
        .says("expected 1 to 1000000000 epochs, found 0");
}

#[test]
fn too_many_epochs() {
    refused("epochs-too-many.toml")
        .line(7)
        .key("training.epochs")
        .says("expected 1 to 1000000000 epochs, found 9223372036854775807");
}

// ---- [data] written in the scenario ----

#[test]
fn an_infinite_input() {
    refused("inf-input.toml")
        .line(9)
        .key("data.inputs[1][0]")
        .says("expected a finite number, found inf");
}

#[test]
fn inputs_and_targets_of_different_counts() {
    refused("counts-differ.toml")
        .line(9)
        .key("data.targets")
        .says("expected one target per input (3 inputs), found 2");
}

#[test]
fn an_input_wider_than_the_first_layer() {
    refused("input-width.toml")
        .line(9)
        .key("data.inputs[1]")
        .says("expected 2 inputs")
        .says("found 3");
}

#[test]
fn a_target_wider_than_the_last_layer() {
    refused("target-width.toml")
        .line(9)
        .key("data.targets[0]")
        .says("expected 1 target")
        .says("found 2");
}

#[test]
fn inputs_without_targets() {
    refused("inputs-without-targets.toml")
        .line(7)
        .key("data")
        .says("`targets`");
}

#[test]
fn no_samples() {
    refused("no-samples.toml")
        .line(8)
        .key("data.inputs")
        .says("expected at least one sample, found none");
}

#[test]
fn two_sources_of_samples() {
    refused("two-sources.toml")
        .line(7)
        .key("data")
        .says("expected exactly one source of samples");
}

#[test]
fn a_validation_fraction_of_one() {
    refused("validation-one.toml")
        .line(10)
        .key("data.validation")
        .says("expected a fraction in [0, 1), found 1");
}

#[test]
fn a_negative_validation_fraction() {
    refused("validation-negative.toml")
        .line(10)
        .key("data.validation")
        .says("expected a fraction in [0, 1), found -0.1");
}

#[test]
fn validation_and_test_leaving_no_training_data() {
    refused("validation-plus-test.toml")
        .line(11)
        .key("data.test")
        .says("sum < 1")
        .says("found 0.5 + 0.5 = 1");
}

// ---- [data] from a file ----

#[test]
fn a_data_file_that_does_not_exist() {
    refused("data-file-missing.toml")
        .line(8)
        .key("data.file")
        .says("found nothing at tests/fixtures/bad/no-such-file.csv");
}

#[test]
fn a_csv_field_that_is_not_a_number() {
    refused("csv-non-numeric.toml")
        .says("tests/fixtures/bad/csv-non-numeric.csv:4: ")
        .says("column `x2`: expected a number, found `abc`");
}

#[test]
fn a_csv_row_that_is_short() {
    refused("csv-ragged.toml")
        .says("tests/fixtures/bad/csv-ragged.csv:3: ")
        .says("expected 3 fields like the header, found 2");
}

#[test]
fn an_empty_csv_field() {
    refused("csv-empty-field.toml")
        .says("tests/fixtures/bad/csv-empty-field.csv:2: ")
        .says("column `x2`: expected a number, found an empty field");
}

#[test]
fn a_csv_with_the_wrong_column_count() {
    refused("csv-columns.toml")
        .says("tests/fixtures/bad/csv-columns.csv:1: ")
        .says("expected 2 feature columns (the first entry of `layers`), found 3: x1, x2, y1");
}

#[test]
fn a_csv_without_samples() {
    refused("csv-header-only.toml")
        .says("tests/fixtures/bad/csv-header-only.csv")
        .says("the data file is empty");
}

#[test]
fn a_csv_with_a_latin1_byte() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data.csv"), b"x,y\n1,\xe9\n").unwrap();
    let scenario = dir.path().join("scenario.toml");
    let text = "name = \"x\"\n[network]\nlayers = [1, 1]\n[data]\nfile = \"data.csv\"\n";
    std::fs::write(&scenario, text).unwrap();
    let file = scenario.to_str().unwrap();
    let csv = dir.path().join("data.csv");
    refused_by(check(&[file]), file)
        .says(&format!("{}:2: ", csv.display()))
        .says("UTF-8");
}

// ---- [data] from a generator ----

#[test]
fn a_generator_of_the_wrong_input_width() {
    refused("generator-width.toml")
        .line(8)
        .key("data.generator")
        .says("the xor generator makes 2 inputs, found layers starting with 3");
}

#[test]
fn zero_samples() {
    refused("samples-zero.toml")
        .line(9)
        .key("data.samples")
        .says("expected 1 to 1000000 samples, found 0");
}

#[test]
fn too_many_samples() {
    refused("samples-too-many.toml")
        .line(9)
        .key("data.samples")
        .says("expected 1 to 1000000 samples, found 2000000");
}

#[test]
fn negative_noise() {
    refused("noise-negative.toml")
        .line(10)
        .key("data.noise")
        .says("expected noise ≥ 0, found -0.1");
}

/// 4096 inputs × 1 000 000 samples is 32 GB. Memory is capped at 2 GB so that a failure
/// aborts instead of taking the machine down.
#[cfg(unix)]
#[test]
fn generated_data_too_big_for_memory() {
    let file = fixture("generator-too-much-data.toml");
    let mut command = Command::new("sh");
    command
        .args(["-c", "ulimit -v 2000000 && exec \"$0\" check \"$1\""])
        .args([BIN, &file])
        .current_dir(ROOT);
    refused_by(command, &file)
        .line(10)
        .key("data.samples")
        .lacks("memory allocation");
}

// ---- [compare] ----

#[test]
fn fewer_labels_than_compared_values() {
    refused("compare-labels-count.toml")
        .line(14)
        .key("compare.labels")
        .says("expected 2 labels (one per value), found 1");
}

#[test]
fn a_blank_label() {
    refused("compare-labels-empty.toml")
        .line(14)
        .key("compare.labels[1]")
        .says("expected a label that is not blank, found \" \"");
}

#[test]
fn two_copies_with_one_label() {
    refused("compare-labels-duplicate.toml")
        .line(14)
        .key("compare.labels[1]")
        .says("expected a label unlike the others, found \"a\" again");
}

#[test]
fn negative_compare_epochs() {
    refused("compare-epochs-negative.toml")
        .line(14)
        .key("compare.epochs")
        .says("expected a whole number ≥ 0, found integer `-1`")
        .lacks("u64");
}

#[test]
fn compare_epochs_beyond_the_limit() {
    refused("compare-epochs-too-many.toml")
        .line(14)
        .key("compare.epochs")
        .says("expected 0 to 1000000000 epochs, found 2000000000");
}

// ---- several files ----

#[test]
fn every_bad_file_is_reported() {
    let (a, b) = (fixture("layer-zero.toml"), fixture("unknown-loss.toml"));
    let stderr = refused_by(check(&[&a, &b]), &a).says(&b).stderr;
    assert_eq!(stderr.matches("error: ").count(), 3, "{stderr}");
    assert!(stderr.contains("2 of 2 scenarios are invalid"), "{stderr}");
}

#[test]
fn the_good_scenarios_pass() {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("scenarios"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .map(|path| format!("scenarios/{}", path.file_name().unwrap().to_str().unwrap()))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no scenarios/*.toml");
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let output = run(check(&args));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(
        output.status.success(),
        "{}\n{stdout}\n{stderr}",
        output.status
    );
    assert!(stderr.is_empty(), "{stderr}");
    for file in &files {
        assert!(
            stdout.contains(&format!("ok: {file} (")),
            "{file} not ok:\n{stdout}"
        );
    }
}
