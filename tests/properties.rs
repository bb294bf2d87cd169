//! Property tests: random valid scenarios step forward and back to the identical state, and
//! mutated scenario and CSV files never panic and never print a non-finite number without
//! saying that training diverged.
//!
//! Each property runs [`cases`] cases (a few seconds in all); `PROPTEST_CASES=2000 cargo test
//! --test properties` is the longer run (a few minutes). A failure is
//! shrunk to a small case and printed; proptest keeps its seed in `tests/properties.proptest-regressions`, tried first
//! next time.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use backstep::cli::{self, Command, Format};
use backstep::nn::{Network, Stepper};
use backstep::scenario::Scenario;
use proptest::prelude::*;
use proptest::sample::select;
use tempfile::TempDir;

/// Cases per property: `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(cases)
}

// ---------------------------------------------------------------------------------------
// (a) Random valid scenarios: forward N phases, back N phases, forward again.

/// A valid scenario, as the generator chose it.
#[derive(Clone, Debug)]
struct Spec {
    layers: Vec<usize>,
    hidden: &'static str,
    output: &'static str,
    loss: &'static str,
    bias: &'static str,
    init: &'static str,
    mode: &'static str,
    batch_size: usize,
    learning_rate: f64,
    shuffle: bool,
    seed: u64,
    inputs: Vec<Vec<f64>>,
    targets: Vec<Vec<f64>>,
}

/// Numbers that TOML and f64 write exactly: eighths from −2 to 2.
fn eighth() -> impl Strategy<Value = f64> {
    (-16i32..=16).prop_map(|n| f64::from(n) / 8.0)
}

/// The output activation and a loss that suits it, for `outputs` outputs.
fn output_and_loss(outputs: usize) -> impl Strategy<Value = (&'static str, &'static str)> {
    let mut pairs = vec![
        ("sigmoid", "mse"),
        ("sigmoid", "half-mse"),
        ("sigmoid", "binary-cross-entropy"),
        ("tanh", "mse"),
        ("relu", "half-mse"),
        ("linear", "mse"),
    ];
    if outputs >= 2 {
        pairs.push(("softmax", "cross-entropy"));
        pairs.push(("softmax", "mse"));
    }
    select(pairs)
}

/// One target row: one-hot for cross-entropy, else numbers in [0, 1].
fn target_row(outputs: usize, loss: &'static str) -> BoxedStrategy<Vec<f64>> {
    if loss == "cross-entropy" {
        (0..outputs)
            .prop_map(move |hot| {
                (0..outputs)
                    .map(|k| f64::from(u8::from(k == hot)))
                    .collect()
            })
            .boxed()
    } else {
        prop::collection::vec((0i32..=4).prop_map(|n| f64::from(n) / 4.0), outputs).boxed()
    }
}

fn spec() -> impl Strategy<Value = Spec> {
    (prop::collection::vec(1usize..=4, 2..=4), 1usize..=6)
        .prop_flat_map(|(layers, samples)| {
            let (inputs, outputs) = (layers[0], *layers.last().unwrap());
            (
                Just(layers),
                output_and_loss(outputs),
                prop::collection::vec(prop::collection::vec(eighth(), inputs), samples),
                Just((outputs, samples)),
            )
        })
        .prop_flat_map(|(layers, (output, loss), inputs, (outputs, samples))| {
            (
                Just((layers, output, loss, inputs)),
                prop::collection::vec(target_row(outputs, loss), samples),
                select(vec!["sigmoid", "tanh", "relu", "linear"]),
                select(vec!["none", "fixed", "learned"]),
                select(vec!["uniform", "xavier", "he", "zeros"]),
                select(vec!["batch", "sgd", "mini-batch"]),
                1..=samples + 1,
                select(vec![0.0, 0.1, 0.5, 1.0]),
                any::<bool>(),
                any::<u64>(),
            )
        })
        .prop_map(
            |(
                (layers, output, loss, inputs),
                targets,
                hidden,
                bias,
                init,
                mode,
                batch_size,
                learning_rate,
                shuffle,
                seed,
            )| Spec {
                layers,
                hidden,
                output,
                loss,
                bias,
                init,
                mode,
                batch_size,
                learning_rate,
                shuffle,
                seed,
                inputs,
                targets,
            },
        )
}

/// `rows` as a TOML array of arrays.
fn toml_rows(rows: &[Vec<f64>]) -> String {
    let rows: Vec<String> = rows
        .iter()
        .map(|r| {
            let numbers: Vec<String> = r.iter().map(|x| format!("{x:?}")).collect();
            format!("[{}]", numbers.join(", "))
        })
        .collect();
    format!("[{}]", rows.join(", "))
}

impl Spec {
    /// The scenario file's text.
    fn toml(&self) -> String {
        let batch = if self.mode == "mini-batch" {
            format!("batch_size = {}\n", self.batch_size)
        } else {
            String::new()
        };
        format!(
            "name = \"random\"\nseed = {}\n\n[network]\nlayers = {:?}\nhidden_activation = \"{}\"\n\
             output_activation = \"{}\"\nbias = \"{}\"\ninit = \"{}\"\n\n[training]\nloss = \"{}\"\n\
             learning_rate = {:?}\nmode = \"{}\"\n{batch}shuffle = {}\nepochs = 5\n\n[data]\n\
             inputs = {}\ntargets = {}\n",
            self.seed,
            self.layers,
            self.hidden,
            self.output,
            self.bias,
            self.init,
            self.loss,
            self.learning_rate,
            self.mode,
            self.shuffle,
            toml_rows(&self.inputs),
            toml_rows(&self.targets),
        )
    }
}

/// Every weight and bias, bit for bit.
fn bits(network: &Network) -> Vec<u64> {
    network
        .layers
        .iter()
        .flat_map(|l| l.weights.iter().chain(l.biases.iter()))
        .map(|x| x.to_bits())
        .collect()
}

/// What a student sees of the stepper: where it is and every number that changes.
#[derive(Debug, PartialEq)]
struct Seen {
    place: (String, usize, usize, u64),
    weights: Vec<u64>,
    before: Vec<u64>,
    loss: Option<u64>,
    costs: String,
}

fn seen(s: &Stepper) -> Seen {
    Seen {
        place: (
            format!("{:?}", s.phase()),
            s.epoch(),
            s.iteration(),
            s.completed(),
        ),
        weights: bits(s.network()),
        before: bits(s.weights_before()),
        loss: s.loss().map(f64::to_bits),
        costs: format!("{:?} {:?}", s.costs(), s.validation_costs()),
    }
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn stepping_back_returns_to_the_identical_state(spec in spec(), extra in 0usize..40) {
        let text = spec.toml();
        let scenario = Scenario::parse(&text, "random", None)
            .unwrap_or_else(|e| panic!("a valid scenario was refused: {e}\n{text}"));
        let mut s = scenario.setup().unwrap_or_else(|e| panic!("{e}\n{text}")).stepper();
        let n = s.phases().len() + extra;
        let mut path = vec![seen(&s)];
        for _ in 0..n {
            if s.step().is_err() {
                break;
            }
            path.push(seen(&s));
        }
        for expected in path.iter().rev().skip(1) {
            prop_assert!(s.back(), "could not step back\n{}", text);
            prop_assert_eq!(&seen(&s), expected, "back differs\n{}", text);
        }
        prop_assert!(!s.back());
        for expected in path.iter().skip(1) {
            s.step().unwrap();
            prop_assert_eq!(&seen(&s), expected, "forward again differs\n{}", text);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Mutations of the built-in files.

/// A folder laid out like the repository: `scenarios/` for mutated scenarios and `data/` for
/// mutated CSV files, and `assets` linked to the real one so that `../assets/x.csv` resolves.
fn workspace() -> &'static Path {
    static DIR: OnceLock<TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("scenarios")).unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        let assets = std::fs::canonicalize("assets").unwrap();
        std::os::unix::fs::symlink(assets, dir.path().join("assets")).unwrap();
        dir
    })
    .path()
}

/// Writes `bytes` to a new file in `folder` of the workspace.
fn write(folder: &str, extension: &str, bytes: &[u8]) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let path = workspace()
        .join(folder)
        .join(format!("case-{n}.{extension}"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The built-in scenario files.
fn builtin_texts() -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Values a hostile or careless author writes.
const HOSTILE: &[&str] = &[
    "0",
    "-1",
    "1",
    "2",
    "3",
    "10",
    "300",
    "1e308",
    "-1e308",
    "1e-320",
    "nan",
    "inf",
    "-inf",
    "18446744073709551615",
    "-9223372036854775808",
    "0.5",
    "1.5",
    "\"\"",
    "[]",
    "[[]]",
    "[0]",
    "[1, 1]",
    "[2, 0, 1]",
    "[1e308, -1e308]",
    "[[1e308, 0]]",
    "true",
    "{}",
    "\"relu\"",
    "\"linear\"",
    "\"softmax\"",
    "\"tanh\"",
    "\"batch\"",
    "\"mini-batch\"",
    "\"cross-entropy\"",
    "\"binary-cross-entropy\"",
    "\"zeros\"",
    "\"none\"",
    "\"standardize\"",
    "\"spirals\"",
    "\"../assets/iris.csv\"",
    "\"../assets/digits.csv\"",
    "\"missing.csv\"",
    "\"class\"",
    "\"\\u001b]52;c;aGk=\\u0007\"",
    "\"\\u001b[2J\"",
    "'''\n\n'''",
];

/// Numbers that overflow, underflow or saturate once multiplied.
const HOSTILE_NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1e308",
    "-1e308",
    "1.7976931348623157e308",
    "1e200",
    "-1e200",
    "1e154",
    "1e-320",
    "5e-324",
    "100",
    "-100",
    "1000",
    "4096",
    "65536",
    "99999999999",
];

/// One change to a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    /// Set the byte at (index mod length).
    Byte(usize, u8),
    /// Remove the line at (index mod lines).
    DeleteLine(usize),
    /// Repeat the line at (index mod lines).
    DuplicateLine(usize),
    /// Swap two lines.
    SwapLines(usize, usize),
    /// Replace what follows the first `=` (or, without one, the `n`th comma-separated cell)
    /// of a line with a hostile value.
    Value(usize, usize, &'static str),
    /// Replace a number of a line (the (n mod count)th) with a hostile number.
    Number(usize, usize, &'static str),
    /// Cut the file at (index mod length).
    Truncate(usize),
    /// Line endings become CRLF.
    Crlf,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Byte(i, b)),
        1 => any::<usize>().prop_map(Mutation::DeleteLine),
        1 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        4 => (any::<usize>(), 0usize..70, select(HOSTILE))
            .prop_map(|(l, c, v)| Mutation::Value(l, c, v)),
        4 => (any::<usize>(), any::<usize>(), select(HOSTILE_NUMBERS))
            .prop_map(|(l, n, v)| Mutation::Number(l, n, v)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
        1 => Just(Mutation::Crlf),
    ]
}

/// Replaces the value of `line` (after `=`) or its `cell`th CSV cell with `value`.
fn replace_value(line: &[u8], cell: usize, value: &str) -> Vec<u8> {
    if let Some(eq) = line.iter().position(|&b| b == b'=') {
        let mut out = line[..=eq].to_vec();
        out.push(b' ');
        out.extend_from_slice(value.as_bytes());
        return out;
    }
    let mut cells: Vec<Vec<u8>> = line.split(|&b| b == b',').map(<[u8]>::to_vec).collect();
    let n = cell % cells.len();
    cells[n] = value.trim_matches('"').as_bytes().to_vec();
    cells.join(&b","[..])
}

/// Replaces the `n`th number (mod their count) of `line` with `value`.
fn replace_number(line: &[u8], n: usize, value: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(line);
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let numeric = c.is_ascii_digit() || c == '.' || (start.is_some() && matches!(c, 'e' | '-'));
        match (start, numeric) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                spans.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if spans.is_empty() {
        return line.to_vec();
    }
    let span = spans[n % spans.len()].clone();
    let mut out = text[..span.start].to_string();
    out.push_str(value);
    out.push_str(&text[span.end..]);
    out.into_bytes()
}

/// Applies `m` to `bytes`.
fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let mut lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let count = lines.len();
    match *m {
        Mutation::Byte(i, b) if !bytes.is_empty() => {
            let n = bytes.len();
            bytes[i % n] = b;
            return;
        }
        Mutation::Truncate(i) => {
            bytes.truncate(i % (bytes.len() + 1));
            return;
        }
        Mutation::Crlf => {
            *bytes = lines.join(&b"\r\n"[..]);
            return;
        }
        Mutation::Byte(..) => return,
        Mutation::DeleteLine(i) => {
            lines.remove(i % count);
        }
        Mutation::DuplicateLine(i) => lines.insert(i % count, lines[i % count].clone()),
        Mutation::SwapLines(a, b) => lines.swap(a % count, b % count),
        Mutation::Value(l, cell, value) => {
            lines[l % count] = replace_value(&lines[l % count], cell, value);
        }
        Mutation::Number(l, n, value) => {
            lines[l % count] = replace_number(&lines[l % count], n, value)
        }
    }
    *bytes = lines.join(&b"\n"[..]);
}

fn mutated(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        apply(&mut bytes, m);
    }
    bytes
}

/// Loads, checks, sets up and runs one iteration; every error is rendered as the user sees it.
fn load_and_iterate(path: &Path) {
    match Scenario::from_file(path) {
        Ok(scenario) => match scenario.setup() {
            Ok(setup) => {
                let mut stepper = setup.stepper();
                if let Err(d) = stepper.finish_iteration() {
                    let _ = backstep::text::divergence::describe(&d);
                }
            }
            Err(e) => {
                let _ = e.to_string();
            }
        },
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

fn scenario_mutations() -> impl Strategy<Value = (usize, Vec<Mutation>)> {
    (
        0..builtin_texts().len(),
        prop::collection::vec(mutation(), 1..=4),
    )
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn mutated_scenarios_never_panic((which, mutations) in scenario_mutations()) {
        let text = builtin_texts().swap_remove(which);
        let path = write("scenarios", "toml", &mutated(text.into_bytes(), &mutations));
        load_and_iterate(&path);
    }
}

// ---------------------------------------------------------------------------------------
// (c) Mutated CSV files.

/// The built-in scenarios that read a CSV file: (scenario, file).
const CSV_SCENARIOS: &[(&str, &str)] = &[("iris", "iris.csv"), ("digits", "digits.csv")];

/// Scenario `which` of [`CSV_SCENARIOS`] reading a mutated copy of its CSV file.
fn with_mutated_csv(which: usize, mutations: &[Mutation]) -> PathBuf {
    let (name, file) = CSV_SCENARIOS[which];
    let csv = std::fs::read(Path::new("assets").join(file)).unwrap();
    let csv = write("data", "csv", &mutated(csv, mutations));
    let text = std::fs::read_to_string(format!("scenarios/{name}.toml")).unwrap();
    let text = text.replace(
        &format!("\"../assets/{file}\""),
        &format!("\"../data/{}\"", csv.file_name().unwrap().to_string_lossy()),
    );
    write("scenarios", "toml", text.as_bytes())
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn mutated_csv_files_never_panic(
        which in 0..CSV_SCENARIOS.len(),
        mutations in prop::collection::vec(mutation(), 1..=4),
    ) {
        load_and_iterate(&with_mutated_csv(which, &mutations));
    }
}

// ---------------------------------------------------------------------------------------
// (d) `check`, `train` and `trace` never print a bare non-finite number.

/// `word` in `text` as a word of its own (not inside "infinite" or "nullable").
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Everything `check`, `train` and `trace` (JSON and markdown) print on the scenario at
/// `path`, errors included.
fn printed(path: &Path, test: bool) -> String {
    let scenario = path.display().to_string();
    let trace = |format| Command::Trace {
        scenario: scenario.clone(),
        steps: 2,
        format,
        output: None,
        set: Vec::new(),
    };
    let commands = [
        Command::Check {
            scenarios: vec![scenario.clone()],
        },
        trace(Format::Json),
        trace(Format::Markdown),
        Command::Train {
            scenario,
            epochs: Some(3),
            curve: None,
            test,
            set: Vec::new(),
        },
    ];
    let mut all = String::new();
    for command in commands {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let result = cli::run(command, &mut out, &mut err);
        all.push_str(&String::from_utf8_lossy(&out));
        all.push_str(&String::from_utf8_lossy(&err));
        if let Err(e) = result {
            all.push_str(&e.to_string());
        }
    }
    all
}

proptest! {
    #![proptest_config(cases(32))]

    #[test]
    fn no_bare_non_finite_number_is_printed(
        (which, mutations) in scenario_mutations(),
        test in any::<bool>(),
    ) {
        let text = builtin_texts().swap_remove(which);
        let bytes = mutated(text.into_bytes(), &mutations);
        let written = String::from_utf8_lossy(&bytes).to_lowercase();
        // A value quoted from the file itself is not a computed one.
        prop_assume!(!["nan", "inf", "null"].iter().any(|w| written.contains(w)));
        let path = write("scenarios", "toml", &bytes);
        // JSON's null for a set that is not held out is an absence, not a number.
        let all = printed(&path, test).replace("\"validation\":null", "");
        let bare = ["NaN", "inf", "-inf", "null"].iter().any(|w| has_word(&all, w));
        prop_assert!(!bare || all.contains("diverged"), "{}", all);
    }
}

#[test]
fn the_word_finder_sees_words_only() {
    assert!(has_word("cost inf here", "inf"));
    assert!(has_word("(NaN)", "NaN"));
    assert!(!has_word("infinite", "inf"));
    assert!(!has_word("nullable", "null"));
}
