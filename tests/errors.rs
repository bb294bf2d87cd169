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
        stderr.starts_with("error: ") || stderr.starts_with("오류: "),
        "no `error: ` (or Korean `오류: `) line:\n{stderr}"
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
        .says("expected at most 1000000 weights in all, found 50331648");
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

/// A scenario in `dir` whose data file has a Latin-1 byte (é) on line 2; its path.
fn latin1_scenario(dir: &Path) -> String {
    std::fs::write(dir.join("data.csv"), b"x,y\n1,\xe9\n").unwrap();
    let scenario = dir.join("scenario.toml");
    let text = "name = \"x\"\n[network]\nlayers = [1, 1]\n[data]\nfile = \"data.csv\"\n";
    std::fs::write(&scenario, text).unwrap();
    scenario.to_str().unwrap().to_string()
}

#[test]
fn a_csv_with_a_latin1_byte() {
    let dir = tempfile::tempdir().unwrap();
    let file = latin1_scenario(dir.path());
    let csv = dir.path().join("data.csv");
    refused_by(check(&[&file]), &file)
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

// ---- hostile data files ----

/// A scenario of `layers` reading `data.csv` (written with `csv`) in a fresh folder, with
/// `extra` lines in its `[data]` table; the folder and the scenario's path.
fn with_data(csv: &[u8], layers: &str, extra: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data.csv"), csv).unwrap();
    let scenario = dir.path().join("scenario.toml");
    let text = format!(
        "name = \"x\"\n[network]\nlayers = {layers}\n[data]\nfile = \"data.csv\"\n{extra}\n"
    );
    std::fs::write(&scenario, text).unwrap();
    let file = scenario.to_str().unwrap().to_string();
    (dir, file)
}

/// A scenario in a fresh folder whose `data.file` is `data` (any path).
fn with_data_path(data: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("scenario.toml");
    let text = format!("name = \"x\"\n[network]\nlayers = [1, 1]\n[data]\nfile = {data:?}\n");
    std::fs::write(&scenario, text).unwrap();
    let file = scenario.to_str().unwrap().to_string();
    (dir, file)
}

#[test]
fn duplicate_header_names_are_refused_naming_both_columns() {
    let (_dir, file) = with_data(b"x,y,x\n1,2,3\n", "[2, 1]", "");
    refused_by(check(&[&file]), &file)
        .says("data.csv:1: ")
        .says("columns 1 and 3 are both named `x`");
    refused_by(check_ko(&[&file]), &file).says("열 1와(과) 열 3의 이름이 똑같이 `x`입니다");
}

#[test]
fn csv_line_numbers_are_right_with_crlf_line_endings() {
    for ending in ["\n", "\r\n"] {
        let text = ["x,y", "1,2", "3,4", "5,abc", ""].join(ending);
        let (_dir, file) = with_data(text.as_bytes(), "[1, 1]", "");
        refused_by(check(&[&file]), &file)
            .says("data.csv:4: ")
            .says("found `abc`");
        let ragged = ["x,y", "1,2", "3", ""].join(ending);
        let (_dir, file) = with_data(ragged.as_bytes(), "[1, 1]", "");
        refused_by(check(&[&file]), &file).says("data.csv:3: ");
    }
}

/// A line longer than 1 MiB (1 048 576 bytes) is refused as it is read, naming its line with
/// LF and CRLF endings alike; a header that long too (line 1). A line of exactly 1 MiB is read.
#[test]
fn a_line_longer_than_a_mebibyte_is_refused_naming_it() {
    let long = format!("1,{}", "9".repeat(1024 * 1024));
    for ending in ["\n", "\r\n"] {
        let text = ["x,y", "1,2", long.as_str(), ""].join(ending);
        let (_dir, file) = with_data(text.as_bytes(), "[1, 1]", "");
        refused_by(check(&[&file]), &file)
            .says("data.csv:3: expected lines of at most 1048576 bytes, found a longer one");
    }
    let header = format!("x,y{}", ",z".repeat(600 * 1024));
    let (_dir, file) = with_data(format!("{header}\n1,2\n").as_bytes(), "[1, 1]", "");
    refused_by(check(&[&file]), &file).says("data.csv:1: expected lines of at most");
    let fits = format!("x,y\n1,{}\n", "0".repeat(1024 * 1024 - 2));
    let (_dir, file) = with_data(fits.as_bytes(), "[1, 1]", "");
    assert!(run(check(&[&file])).status.success());
}

#[test]
fn control_characters_in_csv_cells_are_escaped() {
    let csv = "x,kind\n1,\u{1b}]52;c;aGk=\u{7}\n2,b\n3,\u{1b}[2J\n";
    let (_dir, file) = with_data(csv.as_bytes(), "[1, 1]", "class_column = \"kind\"");
    let refusal = refused_by(check(&[&file]), &file).says("\\u{1b}]52;c;aGk=\\u{7}");
    assert!(!refusal.stderr.contains('\u{1b}'), "{:?}", refusal.stderr);
    let csv = "x,\u{1b}[2Jy\n1,abc\n";
    let (_dir, file) = with_data(csv.as_bytes(), "[1, 1]", "");
    let refusal = refused_by(check(&[&file]), &file).says("column `\\u{1b}[2Jy`");
    assert!(!refusal.stderr.contains('\u{1b}'), "{:?}", refusal.stderr);
}

#[test]
fn a_class_column_of_secrets_shows_at_most_five() {
    let mut csv = String::from("x,kind\n");
    for i in 0..40 {
        csv.push_str(&format!("{i},secret{i:02}\n"));
    }
    let (_dir, file) = with_data(csv.as_bytes(), "[1, 1]", "class_column = \"kind\"");
    let refusal = refused_by(check(&[&file]), &file).says("secret00");
    assert!(!refusal.stderr.contains("secret05"), "{}", refusal.stderr);
}

#[test]
fn a_long_header_is_cut_in_errors() {
    let names: Vec<String> = (0..2000).map(|i| format!("column{i}")).collect();
    let csv = format!("{}\n", names.join(","));
    let (_dir, file) = with_data(csv.as_bytes(), "[1, 1]", "features = [\"nope\"]");
    let refusal = refused_by(check(&[&file]), &file)
        .says("unknown column `nope`")
        .says("column0, column1, column2, column3, column4, …");
    assert!(!refusal.stderr.contains("column5"), "{}", refusal.stderr);
}

#[test]
fn a_very_long_csv_field_is_cut_with_an_ellipsis() {
    let csv = format!("x,y\n1,{}\n", "7a".repeat(500_000));
    let (_dir, file) = with_data(csv.as_bytes(), "[1, 1]", "");
    let refusal = refused_by(check(&[&file]), &file).says("…");
    assert!(
        refusal.stderr.len() < 1000,
        "{} bytes",
        refusal.stderr.len()
    );
}

#[test]
fn a_very_long_line_of_a_scenario_is_cut_with_an_ellipsis() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("long.toml");
    let text = format!("name = \"x\"\nlayers = 1 {}\n", "2".repeat(500_000));
    std::fs::write(&scenario, text).unwrap();
    let file = scenario.to_str().unwrap();
    let refusal = refused_by(check(&[file]), file).line(2).says("…");
    assert!(
        refusal.stderr.len() < 2000,
        "{} bytes",
        refusal.stderr.len()
    );
}

#[test]
fn control_characters_in_a_quoted_line_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("escape.toml");
    std::fs::write(
        &scenario,
        "name = \"x\"\n\u{1b}[2J\u{1b}]52;c;aGk=\u{7} = 1\n",
    )
    .unwrap();
    let file = scenario.to_str().unwrap();
    let refusal = refused_by(check(&[file]), file).says("\\u{1b}[2J");
    assert!(!refusal.stderr.contains('\u{1b}'), "{:?}", refusal.stderr);
    assert!(!refusal.stderr.contains('\u{7}'), "{:?}", refusal.stderr);
}

/// A file's name is text from outside too: a name holding an escape sequence (as a glob
/// such as `backstep check *` may pass) is written out in every message that names it.
#[test]
fn control_characters_in_file_names_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "evil\u{1b}[2J";
    let scenario = dir.path().join(format!("{evil}.toml"));
    std::fs::write(&scenario, "name = \"x\"\n[network]\nlayers = [0, 1]\n").unwrap();
    let lesson = dir.path().join(format!("{evil}-lesson.toml"));
    std::fs::write(&lesson, "[lesson]\ntitle = \"t\"\n").unwrap();
    let missing = dir.path().join(evil);
    for file in [&scenario, &lesson, &missing] {
        let output = run(check(&[file.to_str().unwrap()]));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{stderr}");
        assert!(stderr.contains("evil\\u{1b}[2J"), "{stderr}");
        assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    }
}

#[test]
fn system_files_are_refused_as_data() {
    for path in [
        "/proc/self/environ",
        "/dev/zero",
        "/sys/kernel/mm/transparent_hugepage/enabled",
    ] {
        let (_dir, file) = with_data_path(path);
        let mut command = check(&[&file]);
        command.env("BACKSTEP_TEST_SECRET", "hunter2");
        let refusal = refused_by(command, &file)
            .key("data.file")
            .says("expected a CSV file (relative to the scenario's folder), found a device or pipe, or a system file (under /proc, /sys or /dev), at");
        assert!(!refusal.stderr.contains("hunter2"), "{}", refusal.stderr);
        let (_dir, file) = with_data_path(path);
        refused_by(check_ko(&[&file]), &file)
            .says("은(는) 장치나 파이프 또는 시스템 파일(/proc, /sys, /dev 아래)입니다");
    }
}

#[test]
fn a_system_file_is_refused_as_a_scenario() {
    let mut command = check(&["/proc/self/environ"]);
    command.env("BACKSTEP_TEST_SECRET", "hunter2");
    let refusal = refused_by(command, "/proc/self/environ")
        .says("expected a scenario file, found a device or pipe, or a system file");
    assert!(!refusal.stderr.contains("hunter2"), "{}", refusal.stderr);
}

#[test]
fn a_fifo_is_refused_as_data_not_found_missing() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let (_scenario_dir, file) = with_data_path(fifo.to_str().unwrap());
    refused_by(check(&[&file]), &file)
        .says("found a device or pipe, or a system file (under /proc, /sys or /dev), at")
        .lacks("nothing");
    refused_by(check(&[fifo.to_str().unwrap()]), fifo.to_str().unwrap())
        .says("expected a scenario file, found a device or pipe, or a system file");
}

#[test]
fn a_built_in_name_wins_over_a_file_of_that_name_here() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("xor")).unwrap();
    std::fs::write(dir.path().join("two-two-two"), "not a scenario").unwrap();
    for name in ["xor", "two-two-two"] {
        let output = run({
            let mut command = check(&[name]);
            command.current_dir(dir.path());
            command
        });
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{name}: {output:?}");
        assert!(stdout.contains(&format!("ok: built-in {name}")), "{stdout}");
    }
    let mut command = check(&["./xor"]);
    command.current_dir(dir.path());
    refused_by(command, "./xor").says("found a folder");
}

// ---- several files ----

#[test]
fn every_bad_file_is_reported() {
    let (a, b) = (fixture("layer-zero.toml"), fixture("unknown-loss.toml"));
    let stderr = refused_by(check(&[&a, &b]), &a).says(&b).stderr;
    assert_eq!(stderr.matches("error: ").count(), 3, "{stderr}");
    assert!(stderr.contains("2 of 2 checked are invalid"), "{stderr}");
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

// ---- in Korean ----

/// `backstep check --lang ko ARGS...`: the same checks, with the messages in Korean.
fn check_ko(args: &[&str]) -> Command {
    let mut command = check(args);
    command.args(["--lang", "ko"]);
    command
}

/// Checks the fixture `name` in Korean and asserts that it is refused.
fn refused_ko(name: &str) -> Refusal {
    let file = fixture(name);
    refused_by(check_ko(&[&file]), &file)
}

/// One fixture of every kind of refusal, with the Korean each is written in: the key and the
/// position stay as in English, only the words change.
#[test]
fn every_kind_of_refusal_reads_in_korean() {
    let cases: &[(&str, &str)] = &[
        ("empty.toml", "파일이 비어 있습니다"),
        (
            "latin1.toml",
            ":2:12: UTF-8 텍스트가 필요하지만 바이트 0xe9이(가) 있습니다",
        ),
        ("syntax-error.toml", ":5:14: TOML 문법 오류: "),
        (
            "unknown-top-key.toml",
            "`author`은(는) 알 수 없는 키입니다. 여기에 쓸 수 있는 키는 `name`, ",
        ),
        ("missing-name.toml", "꼭 필요한 키 `name`이(가) 없습니다"),
        (
            "layers-wrong-type.toml",
            "`network.layers`: 배열이(가) 필요하지만 문자열 \"2,2\"이(가) 있습니다",
        ),
        (
            "seed-negative.toml",
            "`seed`: 0 이상의 정수이(가) 필요하지만 정수 `-1`이(가) 있습니다",
        ),
        (
            "layer-zero.toml",
            "1에서 4096까지의 층 크기가 필요하지만 0이(가) 있습니다",
        ),
        (
            "too-many-layers.toml",
            "층 크기가 2개에서 32개까지(입력, 은닉층…, 출력) 필요하지만 33개가 있습니다",
        ),
        (
            "too-many-weights.toml",
            "가중치는 모두 합쳐 1000000개 이하여야 하지만 50331648개입니다",
        ),
        (
            "unknown-activation.toml",
            "`sigmoid`, `tanh`, `relu`, `linear`, `softmax` 중 하나가 필요하지만 `sigmod`이(가) 있습니다",
        ),
        (
            "init-range-not-uniform.toml",
            "`init_range`는 init = \"uniform\"일 때만 쓸 수 있지만 init = \"xavier\"입니다",
        ),
        (
            "softmax-one-output.toml",
            "softmax에는 출력이 2개 이상 필요하지만 layers의 마지막 값이 1입니다",
        ),
        (
            "softmax-hidden.toml",
            "(softmax는 출력층에만 쓸 수 있습니다) \"softmax\"가 있습니다",
        ),
        (
            "weights-count.toml",
            "행렬 2개(입력 다음의 층마다 하나)이(가) 필요하지만 1개가 있습니다",
        ),
        (
            "weights-rows.toml",
            "행 1개(층 2의 뉴런마다 하나, 그 뉴런으로 들어오는 가중치를 담음)이(가) 필요하지만 2개가 있습니다",
        ),
        (
            "weights-columns.toml",
            "가중치 2개(입력마다 하나)이(가) 필요하지만 3개가 있습니다",
        ),
        (
            "biases-count.toml",
            "편향 벡터 2개(입력 다음의 층마다 하나)이(가) 필요하지만 3개가 있습니다",
        ),
        (
            "biases-length.toml",
            "편향 2개(층 1의 뉴런마다 하나)이(가) 필요하지만 3개가 있습니다",
        ),
        (
            "biases-with-bias-none.toml",
            "편향이 주어졌지만 bias = \"none\"입니다. `biases`를 지우거나 bias = ",
        ),
        (
            "nan-weight.toml",
            "유한한 수가 필요하지만 NaN이(가) 있습니다",
        ),
        (
            "negative-learning-rate.toml",
            "0 이상의 학습률이 필요하지만(업데이트가 이미 기울기를 뺍니다) -0.1이(가) 있습니다",
        ),
        (
            "batch-size-zero.toml",
            "1 이상의 배치 크기가 필요하지만 0이 있습니다",
        ),
        (
            "mini-batch-without-size.toml",
            "mode = \"mini-batch\"에는 `batch_size`가 필요합니다(예: batch_size = 10)",
        ),
        (
            "epochs-zero.toml",
            "1에서 1000000000까지의 에폭 수가 필요하지만 0이(가) 있습니다",
        ),
        (
            "counts-differ.toml",
            "입력마다 목표값이 하나씩(입력 3개) 필요하지만 목표값이 2개 있습니다",
        ),
        (
            "input-width.toml",
            "입력 2개(`layers`의 첫 번째 값)이(가) 필요하지만 3개가 있습니다",
        ),
        (
            "target-width.toml",
            "목표값 1개(`layers`의 마지막 값)이(가) 필요하지만 2개가 있습니다",
        ),
        (
            "inputs-without-targets.toml",
            "`inputs`는 있지만 `targets`가 없습니다",
        ),
        (
            "no-samples.toml",
            "샘플이 적어도 하나 필요하지만 하나도 없습니다",
        ),
        (
            "two-sources.toml",
            "필요하지만 `inputs`/`targets`와(과) `generator`이(가) 있습니다",
        ),
        (
            "validation-one.toml",
            "[0, 1) 범위의 비율이 필요하지만 1이(가) 있습니다",
        ),
        ("validation-plus-test.toml", "(합 < 1) 0.5 + 0.5 = 1입니다"),
        (
            "data-file-missing.toml",
            "tests/fixtures/bad/no-such-file.csv에는 아무것도 없습니다",
        ),
        (
            "csv-non-numeric.toml",
            "csv-non-numeric.csv:4: 열 `x2`: 수가 필요하지만 `abc`이(가) 있습니다",
        ),
        (
            "csv-ragged.toml",
            "csv-ragged.csv:3: 머리글처럼 필드가 3개 필요하지만 2개가 있습니다",
        ),
        (
            "csv-empty-field.toml",
            "열 `x2`: 수가 필요하지만 빈 필드가 있습니다",
        ),
        (
            "csv-columns.toml",
            "특징 열이 2개(`layers`의 첫 번째 값) 필요하지만 3개가 있습니다: x1, x2, y1",
        ),
        ("csv-header-only.toml", "데이터 파일이 비어 있습니다"),
        (
            "generator-width.toml",
            "xor 생성기는 입력을 2개 만들지만 layers의 첫 번째 값이 3입니다",
        ),
        (
            "samples-zero.toml",
            "샘플이 1개에서 1000000개까지 필요하지만 0개가 있습니다",
        ),
        (
            "noise-negative.toml",
            "0 이상의 잡음이 필요하지만 -0.1이(가) 있습니다",
        ),
        (
            "compare-labels-count.toml",
            "이름표가 2개(값마다 하나) 필요하지만 1개가 있습니다",
        ),
        (
            "compare-labels-empty.toml",
            "비어 있지 않은 이름표가 필요하지만 \" \"이(가) 있습니다",
        ),
        (
            "compare-labels-duplicate.toml",
            "다른 것과 겹치지 않는 이름표가 필요하지만 \"a\"이(가) 또 있습니다",
        ),
        (
            "compare-epochs-too-many.toml",
            "0에서 1000000000까지의 에폭 수가 필요하지만 2000000000이(가) 있습니다",
        ),
    ];
    for (name, korean) in cases {
        let refusal = refused_ko(name).says(korean);
        // TOML's own detail of a syntax error stays as the parser writes it.
        if *name != "syntax-error.toml" {
            refusal.lacks("expected").lacks("found");
        }
    }
}

#[test]
fn a_folder_and_an_unknown_name_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().to_str().unwrap();
    refused_by(check_ko(&[file]), file).says("시나리오 파일이 필요하지만 폴더가 있습니다");
    let name = fixture("does-not-exist.toml");
    refused_by(check_ko(&[&name]), &name)
        .says("(이)라는 시나리오 파일도, 내장 시나리오도 없습니다. 내장 시나리오: xor, ");
}

#[test]
fn the_position_and_the_snippet_stay_in_korean() {
    refused_ko("layer-zero.toml")
        .line(5)
        .key("network.layers[1]")
        .says("^");
}

#[test]
fn a_csv_with_a_latin1_byte_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let file = latin1_scenario(dir.path());
    refused_by(check_ko(&[&file]), &file)
        .says("UTF-8 텍스트가 필요하지만 다른 바이트가 있습니다. 파일을 UTF-8로 저장하세요");
}

// ---- localized name and description ----

#[test]
fn a_language_other_than_en_and_ko_is_refused_where_it_is() {
    refused("text-unknown-language.toml")
        .line(3)
        .key("description.fr")
        .says("expected the language `en` or `ko`, found `fr`");
    refused_ko("text-unknown-language.toml")
        .line(3)
        .says("언어 `en` 또는 `ko`가 필요하지만 `fr`이(가) 있습니다");
}

#[test]
fn a_table_of_languages_without_english_is_refused() {
    refused("text-without-english.toml")
        .line(1)
        .key("name")
        .says("a table of languages needs `en`");
    refused_ko("text-without-english.toml")
        .line(1)
        .says("언어별 테이블에는 `en`이 꼭 있어야 합니다");
}

#[test]
fn a_name_that_is_neither_text_nor_a_table_is_refused() {
    refused("text-wrong-type.toml")
        .line(1)
        .key("name")
        .says("expected text, or a table of languages such as { en = \"…\", ko = \"…\" }, found integer 3");
    refused("text-language-not-text.toml")
        .line(2)
        .key("name.ko")
        .says("expected a string, found boolean true");
}

// ---- [training.stop] (issue 12) ----

#[test]
fn stop_rules_are_validated_like_every_key() {
    let cases: &[(&str, usize, &str, &str, &str)] = &[
        (
            "stop-unknown-key.toml",
            11,
            "training.stop.after",
            "unknown key `after`; expected one of `cost`, `below`, `min_change`, `over_epochs`",
            "`after`은(는) 알 수 없는 키입니다",
        ),
        (
            "stop-unknown-cost.toml",
            11,
            "training.stop.cost",
            "expected one of mse, half_mse, cross_entropy, binary_cross_entropy, \
             classification_error, found \"rmse\"",
            "중 하나가 필요하지만 \"rmse\"이(가) 있습니다",
        ),
        (
            "stop-cost-alone.toml",
            11,
            "training.stop.cost",
            "`cost` needs `below` beside it in [training.stop]",
            "[training.stop]의 `cost`에는 `below`이(가) 함께 있어야 합니다",
        ),
        (
            "stop-below-alone.toml",
            11,
            "training.stop.below",
            "`below` needs `cost` beside it",
            "`below`에는 `cost`이(가) 함께 있어야 합니다",
        ),
        (
            "stop-below-zero.toml",
            12,
            "training.stop.below",
            "expected a number above 0, found 0",
            "0보다 큰 수가 필요하지만 0이(가) 있습니다",
        ),
        (
            "stop-min-change-alone.toml",
            11,
            "training.stop.min_change",
            "`min_change` needs `over_epochs` beside it",
            "`min_change`에는 `over_epochs`이(가) 함께 있어야 합니다",
        ),
        (
            "stop-over-epochs-alone.toml",
            11,
            "training.stop.over_epochs",
            "`over_epochs` needs `min_change` beside it",
            "`over_epochs`에는 `min_change`이(가) 함께 있어야 합니다",
        ),
        (
            "stop-over-epochs-zero.toml",
            12,
            "training.stop.over_epochs",
            "expected 1 to 100000 epochs, found 0",
            "1에서 100000까지의 에폭 수가 필요하지만 0이(가) 있습니다",
        ),
        (
            "stop-min-change-negative.toml",
            11,
            "training.stop.min_change",
            "expected a number above 0, found -1",
            "0보다 큰 수가 필요하지만 -1이(가) 있습니다",
        ),
    ];
    for (name, line, key, english, korean) in cases {
        refused(name).line(*line).key(key).says(english);
        refused_ko(name)
            .line(*line)
            .key(key)
            .says(korean)
            .lacks("expected")
            .lacks("found");
    }
}
