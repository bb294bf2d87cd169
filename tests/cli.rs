//! The real binary, run the way a user runs it.

mod common;

use std::process::{Command, Output};

use common::{backstep, text};

#[test]
fn help_lists_the_commands() {
    let out = backstep(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for command in ["run", "list", "check", "trace", "train"] {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn list_names_every_builtin_with_its_description() {
    let out = backstep(&["list"]);
    assert!(out.status.success());
    let list = text(&out.stdout);
    for name in [
        "xor (default)",
        "two-two-two",
        "cost-table-left",
        "cost-table-right",
        "gd-modes",
        "vanishing",
    ] {
        assert!(list.contains(name), "{list}");
    }
    assert!(list.contains("batch, SGD, mini-batch"), "{list}");
}

#[test]
fn check_accepts_builtins_and_refuses_a_missing_file() {
    let ok = backstep(&["check", "xor", "two-two-two"]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert_eq!(
        text(&ok.stdout)
            .lines()
            .filter(|l| l.starts_with("ok: "))
            .count(),
        2
    );
    let bad = backstep(&["check", "xor", "no/such/scenario.toml"]);
    assert!(!bad.status.success());
    let err = text(&bad.stderr);
    assert!(err.contains("no/such/scenario.toml"), "{err}");
    assert!(err.contains("1 of 2 checked are invalid"), "{err}");
}

#[test]
fn trace_writes_to_a_file_in_each_format() {
    let dir = tempfile::tempdir().unwrap();
    for (format, first) in [
        ("json", "{\"epoch\":1,\"iteration\":1,\"samples\":[0]"),
        ("csv", "epoch,iteration,layer,quantity,row,column,value"),
        ("markdown", "# Two-two-two by hand"),
    ] {
        let path = dir.path().join(format!("trace.{format}"));
        let out = backstep(&[
            "trace",
            "two-two-two",
            "--steps",
            "2",
            "--format",
            format,
            "--output",
            path.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(out.stdout.is_empty());
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.starts_with(first), "{format}: {written}");
    }
    let csv = std::fs::read_to_string(dir.path().join("trace.csv")).unwrap();
    // W₁₁ after the first update (worked out by hand in tests/two_two_two_by_hand.py).
    let row = csv
        .lines()
        .find(|l| l.starts_with("1,1,2,new_weights,0,0,"))
        .unwrap();
    let value: f64 = row.rsplit(',').next().unwrap().parse().unwrap();
    assert!((value - 0.35891647971788465).abs() < 1e-12);
}

#[test]
fn train_prints_final_costs_and_writes_a_curve() {
    let dir = tempfile::tempdir().unwrap();
    let curve = dir.path().join("curve.csv");
    let out = backstep(&[
        "train",
        "gd-modes",
        "--epochs",
        "3",
        "--curve",
        curve.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains("3 epochs, 300 iterations"), "{report}");
    assert!(
        report.lines().any(|l| l.starts_with("training ")),
        "{report}"
    );
    assert!(
        report.lines().any(|l| l.starts_with("validation ")),
        "{report}"
    );
    assert!(report.contains("ns/iteration"), "{report}");
    let rows: Vec<String> = std::fs::read_to_string(&curve)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(rows.len(), 1 + 4, "header and epochs 0..=3");
    assert!(rows[0].starts_with("epoch,iteration,train_mse"));
    assert!(rows[3].starts_with("2,200,"));
    // Two costs sets of five, then three gradient-health figures per layer (two layers).
    assert_eq!(rows[4].split(',').count(), 2 + 10 + 6);
    assert!(rows[0].ends_with("layer2_grad_norm"));
    assert!(
        rows[1].ends_with(",,,,,,"),
        "epoch 0 has no batch yet: {}",
        rows[1]
    );
    assert!(
        rows[4]
            .split(',')
            .skip(12)
            .all(|f| f.parse::<f64>().is_ok())
    );
}

#[test]
fn a_diverging_run_stops_with_advice_not_nan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let scenario = std::fs::read_to_string("scenarios/xor.toml")
        .unwrap()
        .replace("learning_rate = 1.0", "learning_rate = 1e300")
        .replace(
            "output_activation = \"sigmoid\"",
            "output_activation = \"linear\"",
        );
    std::fs::write(&path, scenario).unwrap();
    let out = backstep(&["train", path.to_str().unwrap(), "--epochs", "100"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("diverged in epoch"), "{err}");
    assert!(err.contains("smaller learning rate (it is 1e300)"), "{err}");
    assert!(!text(&out.stdout).contains("NaN"));
    assert!(!err.contains("panicked"));
}

#[test]
fn an_unknown_scenario_lists_the_builtins() {
    let out = backstep(&["train", "xr"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("`xr`"), "{err}");
    assert!(err.contains("xor, two-two-two"), "{err}");
}

#[test]
fn two_runs_write_byte_identical_traces() {
    for format in ["json", "csv", "markdown"] {
        let run = || backstep(&["trace", "gd-modes", "--steps", "3", "--format", format]).stdout;
        let first = run();
        assert!(!first.is_empty());
        assert_eq!(first, run(), "{format}");
    }
}

#[test]
fn the_curve_starts_and_continues_with_the_hand_worked_costs() {
    let dir = tempfile::tempdir().unwrap();
    let curve = dir.path().join("curve.csv");
    let out = backstep(&[
        "train",
        "two-two-two",
        "--epochs",
        "1",
        "--curve",
        curve.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<Vec<f64>> = std::fs::read_to_string(&curve)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').filter_map(|f| f.parse().ok()).collect())
        .collect();
    // From tests/two_two_two_by_hand.py: mse before and after the first update.
    assert!((rows[0][2] - 0.5967422175200054).abs() < 1e-12);
    assert!((rows[1][2] - 0.5609428935828603).abs() < 1e-12);
    assert!((rows[1][3] - 0.28047144679143016).abs() < 1e-12);
}

#[test]
fn a_folder_or_a_device_is_not_a_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let out = backstep(&["check", dir.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("expected a scenario file, found a folder"));
    let out = backstep(&["check", "/dev/zero"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("expected a scenario file, found a device or pipe"));
}

#[test]
fn absurd_epoch_counts_are_refused() {
    let out = backstep(&["train", "xor", "--epochs", "4611686018427387905"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--epochs"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_trace_of_a_broken_scenario_leaves_the_output_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("broken.toml");
    std::fs::write(
        &scenario,
        "name = \"x\"\n[network]\nlayers = [2, 1]\n[data]\nfile = \"missing.csv\"\n",
    )
    .unwrap();
    let output = dir.path().join("keep.jsonl");
    std::fs::write(&output, "precious").unwrap();
    let out = backstep(&[
        "trace",
        scenario.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "precious");
}

#[test]
fn run_refuses_a_bad_scenario_before_touching_the_terminal() {
    let out = backstep(&["run", "no/such.toml"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "the terminal was written to");
    assert!(text(&out.stderr).contains("no/such.toml"));
}

#[test]
fn without_a_terminal_the_stepping_view_says_what_to_use_instead() {
    // setsid leaves the controlling terminal behind, so this holds in a developer's terminal too.
    let out = Command::new("setsid")
        .args(["--wait", env!("CARGO_BIN_EXE_backstep"), "run", "xor"])
        .env("LC_ALL", "C")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("setsid runs");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("cannot use the terminal"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// The language: `--lang`, else LC_ALL, LC_MESSAGES, LANG (the first set), `ko…` Korean.
#[test]
fn the_language_comes_from_lang_or_the_locale() {
    let handout = |lang: Option<&str>, env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_backstep"));
        command.args(["trace", "two-two-two", "--format", "markdown"]);
        if let Some(lang) = lang {
            command.args(["--lang", lang]);
        }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            command.env_remove(key);
        }
        command.envs(env.iter().copied());
        text(&command.output().expect("the binary runs").stdout)
    };
    let korean = "### 1. 순전파";
    let english = "### 1. Forward pass";
    assert!(handout(Some("ko"), &[]).contains(korean));
    assert!(handout(None, &[("LANG", "ko_KR.UTF-8")]).contains(korean));
    assert!(handout(None, &[("LC_ALL", "en_US.UTF-8"), ("LANG", "ko_KR.UTF-8")]).contains(english));
    assert!(handout(Some("en"), &[("LANG", "ko_KR.UTF-8")]).contains(english));
    assert!(handout(None, &[]).contains(english));
}

/// Files are written whole and then moved into place: a run that fails half-way (training
/// diverges after the curve file was started) leaves the file that was there untouched, and a
/// run that succeeds replaces it.
#[test]
fn a_failed_run_leaves_the_users_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("huge.toml");
    std::fs::write(
        &scenario,
        "name = \"huge\"\n[network]\nlayers = [2, 3, 1]\nhidden_activation = \"relu\"\n\
         output_activation = \"linear\"\n[training]\nlearning_rate = 1e6\nepochs = 50\n\
         [data]\ngenerator = \"xor\"\nsamples = 8\n",
    )
    .unwrap();
    let curve = dir.path().join("curve.csv");
    std::fs::write(&curve, "the user's own\n").unwrap();
    let args = |s: &str| {
        vec![
            "train".to_string(),
            s.to_string(),
            "--curve".into(),
            curve.display().to_string(),
        ]
    };
    let diverged = backstep(
        &args(scenario.to_str().unwrap())
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(!diverged.status.success(), "{}", text(&diverged.stdout));
    assert_eq!(std::fs::read_to_string(&curve).unwrap(), "the user's own\n");
    let trained = backstep(&args("xor").iter().map(String::as_str).collect::<Vec<_>>());
    assert!(trained.status.success());
    assert!(
        std::fs::read_to_string(&curve)
            .unwrap()
            .starts_with("epoch,iteration,")
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".backstep-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

/// A scenario's name, description and copy labels come from a file: their control characters
/// (here a screen clear and a clipboard write) are written out, never sent to the terminal.
#[test]
fn control_characters_from_a_scenario_file_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.toml");
    std::fs::write(
        &path,
        "name = \"Evil \\u001b[2J\"\ndescription = \"clip \\u001b]52;c;aGk=\\u0007\"\n\
         [network]\nlayers = [2, 2, 1]\n[data]\ngenerator = \"xor\"\nsamples = 8\n\
         [compare]\nvary = \"loss\"\nvalues = [\"mse\", \"half-mse\"]\n\
         labels = [\"a\\u001b[31m\", \"b\"]\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    for args in [
        vec!["check", file],
        vec!["trace", file, "--format", "markdown"],
        vec!["train", file, "--epochs", "1"],
        vec!["compare", file, "--epochs", "1"],
    ] {
        let out = backstep(&args);
        let all = [out.stdout, out.stderr].concat();
        assert!(!all.contains(&0x1b) && !all.contains(&0x07), "{args:?}");
    }
    let handout = backstep(&["trace", file, "--format", "markdown"]);
    assert!(text(&handout.stdout).contains("# Evil \\u{1b}[2J"));
}

/// Runs the binary in Korean: with `--lang ko` first (`flag`), or with only LANG=ko_KR.UTF-8.
fn korean(args: &[&str], flag: bool) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_backstep"));
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(key);
    }
    match flag {
        true => command.args(["--lang", "ko"]),
        false => command.env("LANG", "ko_KR.UTF-8"),
    };
    command.args(args).output().expect("the binary runs")
}

/// Whether `text` holds a Korean syllable.
fn hangul(text: &str) -> bool {
    text.chars().any(|c| ('가'..='힣').contains(&c))
}

/// The first run of three or more English words in a row (words of two or more ASCII
/// letters, separated by single spaces), outside `code spans`: an English sentence left in
/// Korean text. Formulas (`d_k ln O_k`) and identifiers (`loss=mse`) have no such run.
fn english_run(line: &str) -> Option<String> {
    let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ` ");
    let mut run: Vec<&str> = Vec::new();
    for token in prose.split(' ') {
        if token.len() >= 2 && token.chars().all(|c| c.is_ascii_alphabetic()) {
            run.push(token);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        } else {
            run.clear();
        }
    }
    None
}

#[test]
fn the_english_run_detector_finds_sentences_and_spares_formulas() {
    assert_eq!(
        english_run("표기: Every number fits on a page."),
        Some("Every number fits".into())
    );
    assert_eq!(
        english_run("C = −Σ_k [d_k ln O_k + (1 − d_k) ln(1 − O_k)]"),
        None
    );
    assert_eq!(english_run("`the code span is fine` 한국어 mse"), None);
    assert_eq!(
        english_run("예: loss=mse,cross-entropy (기본값: json)"),
        None
    );
}

#[test]
fn check_and_list_speak_korean() {
    for flag in [true, false] {
        let ok = korean(&["check", "xor", "no/such.toml"], flag);
        assert!(!ok.status.success());
        // xor: a 2-2-1 network on the four points of XOR, all four used for training.
        assert_eq!(
            text(&ok.stdout),
            "정상: 내장 시나리오 xor (고전 문제 XOR: 2-2-1 신경망, 훈련 샘플 4개)\n"
        );
        let err = text(&ok.stderr);
        assert!(err.starts_with("오류: "), "{err}");
        assert!(
            err.ends_with("오류: 검사한 2개 중 1개가 올바르지 않습니다\n"),
            "{err}"
        );
        let list = text(&korean(&["list"], flag).stdout);
        assert!(
            list.starts_with("수업 backprop: 역전파, 한 단계씩 (단계 13개)\n\nxor (기본): "),
            "{list}"
        );
    }
}

/// The display column (0-based, in terminal cells) where each character of `line` starts.
fn cells(line: &str) -> Vec<(usize, char)> {
    let mut at = 0;
    line.chars()
        .map(|c| {
            let start = at;
            at += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            (start, c)
        })
        .collect()
}

#[test]
fn train_speaks_korean_with_its_table_aligned_in_terminal_cells() {
    for flag in [true, false] {
        let out = korean(&["train", "gd-modes", "--epochs", "3", "--test"], flag);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let report = text(&out.stdout);
        let lines: Vec<&str> = report.lines().collect();
        // gd-modes: 1000 training samples in mini-batches of 10, η = 0.5: 3 × 100 iterations.
        assert_eq!(
            lines[0],
            "경사 하강법: 배치, 확률적, 미니배치 (2-6-1): 3에폭, 이터레이션 300번 \
             (미니배치 경사 하강법, 배치 크기 10, η = 0.5)"
        );
        assert!(lines[2].starts_with("훈련 "), "{report}");
        assert!(lines[3].starts_with("검증 "), "{report}");
        assert!(lines[4].starts_with("테스트 "), "{report}");
        assert!(
            lines[4].contains("따로 떼어 둔 테스트 데이터가 없습니다"),
            "{report}"
        );
        assert!(lines[5].starts_with("이터레이션 300번을 "), "{report}");
        // A label column of 12 cells, then five columns of 1 + 21 cells, right-aligned: in
        // the heading (Korean, two cells a syllable) and the rows, each column's last cell
        // is filled and the cell after it is blank.
        for line in &lines[1..4] {
            let cells = cells(line);
            let at = |column: usize| cells.iter().rev().find(|(start, _)| *start <= column);
            for k in 1..=5 {
                let end = 12 + 22 * k - 1;
                let last = at(end).map(|(_, c)| *c);
                assert!(last.is_some_and(|c| c != ' '), "column {k} of {line:?}");
                let next = cells.iter().find(|(start, _)| *start == end + 1);
                assert!(
                    next.is_none_or(|(_, c)| *c == ' '),
                    "column {k} of {line:?}"
                );
            }
        }
        assert!(lines[1].contains("교차 엔트로피"), "{}", lines[1]);
    }
}

#[test]
fn compare_speaks_korean() {
    for flag in [true, false] {
        let out = korean(&["compare", "cost-table"], flag);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let table = text(&out.stdout);
        assert!(table.contains(": 가중치 비교\n"), "{table}");
        assert!(
            table.contains(
                "| 사본 | MSE | 교차 엔트로피 | 분류 오류 | 정확도 | MSE ≤ 0.1까지 에폭 | \
                 평균 abs(δ¹) / 평균 abs(δᴸ) |"
            ),
            "{table}"
        );
        // The lecture's table: MSE 0.81 (left) and 0.34 (right), neither reaches 0.1 untrained.
        assert!(table.contains("| left | 0.8067 |"), "{table}");
        assert!(table.contains("| right | 0.3400 |"), "{table}");
        assert_eq!(table.matches("| 도달하지 못함 |").count(), 2, "{table}");
        let refused = korean(&["compare", "xor"], flag);
        let err = text(&refused.stderr);
        assert!(
            err.contains("이 시나리오에는 [compare] 표가 없습니다"),
            "{err}"
        );
    }
}

#[test]
fn a_write_error_is_reported_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("trace.md");
    for flag in [true, false] {
        let out = korean(&["trace", "xor", "--output", path.to_str().unwrap()], flag);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        let expected = format!("오류: {}: 쓸 수 없습니다: ", path.display());
        assert!(err.starts_with(&expected), "{err}");
    }
}

#[test]
fn help_speaks_korean_for_every_command() {
    let commands: [&[&str]; 8] = [
        &["--help"],
        &["run", "--help"],
        &["list", "--help"],
        &["check", "--help"],
        &["trace", "--help"],
        &["compare", "-h"],
        &["train", "--help"],
        &["help", "train"],
    ];
    for flag in [true, false] {
        for args in commands {
            let out = korean(args, flag);
            assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
            let help = text(&out.stdout);
            assert!(help.contains("\n사용법: backstep"), "{args:?}: {help}");
            for english in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "Print",
                "[default",
            ] {
                assert!(!help.contains(english), "{args:?}: {english} in {help}");
            }
            for line in help.lines().filter(|l| !l.trim().is_empty()) {
                assert_eq!(english_run(line), None, "{args:?}: {line}");
            }
        }
    }
    let top = text(&korean(&["--help"], true).stdout);
    assert!(
        top.starts_with("backstep: 역전파를 한 단계씩 따라가 봅니다\n"),
        "{top}"
    );
    assert!(
        top.contains("\n명령:\n") && top.contains("\n옵션:\n"),
        "{top}"
    );
    let trace = text(&backstep(&["trace", "-h", "--lang=ko"]).stdout);
    assert!(trace.contains("\n인자:\n"), "{trace}");
    assert!(
        trace.contains("출력 형식: json, csv, markdown, latex (기본값: json)"),
        "{trace}"
    );
    let english = text(&backstep(&["trace", "--help"]).stdout);
    assert!(english.contains("The output format: json, csv, markdown, latex (default: json)"));
}

/// Every command and argument clap knows has its help in Korean (none falls back to an id
/// in brackets), and the `cli-help-` messages of the catalog are exactly those of the
/// commands and arguments (`cli-help-<command>`, `cli-help-<command>-<argument>`, global
/// arguments under `backstep`, clap's flags under `flag`) and the four headings.
#[test]
fn every_command_and_argument_has_its_help_in_the_catalog() {
    use backstep::text::catalog::{Language, set_language};
    use clap::CommandFactory;
    let mut expected = std::collections::BTreeSet::from(
        ["usage", "commands", "arguments", "options"].map(|h| format!("cli-help-{h}")),
    );
    let mut built = backstep::cli::Cli::command();
    built.build();
    let mut stack = vec![("backstep".to_string(), built)];
    while let Some((name, command)) = stack.pop() {
        expected.insert(format!("cli-help-{name}"));
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            expected.insert(match id {
                "help" | "version" => format!("cli-help-flag-{id}"),
                _ if arg.is_global_set() => format!("cli-help-backstep-{id}"),
                _ => format!("cli-help-{name}-{id}"),
            });
        }
        stack.extend(
            command
                .get_subcommands()
                .map(|c| (c.get_name().to_string(), c.clone())),
        );
    }
    let catalog = std::fs::read_to_string("locales/en/cli.ftl").unwrap();
    let found: std::collections::BTreeSet<String> = catalog
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(id, _)| id.starts_with("cli-help-"))
        .map(|(id, _)| id.to_string())
        .collect();
    assert_eq!(found, expected);
    set_language(Language::Korean);
    let mut stack = vec![backstep::cli::help::localized(backstep::cli::Cli::command())];
    while let Some(command) = stack.pop() {
        let about = command.get_about().map(ToString::to_string);
        let helps = command
            .get_arguments()
            .map(|a| a.get_help().map(ToString::to_string));
        for help in helps.chain([about]) {
            let help = help.unwrap_or_default();
            assert!(hangul(&help) && !help.contains("[cli-"), "{help}");
        }
        stack.extend(command.get_subcommands().cloned());
    }
}

/// The Korean handout: every heading and every table heading is Korean and no English
/// sentence is left, outside the scenario's own name and description (the lines before the
/// first table), the formulas in `code` and the names a scenario file uses.
#[test]
fn the_korean_handout_has_no_english_left() {
    for (scenario, flag) in [("two-two-two", true), ("gd-modes", false), ("xor", true)] {
        let out = korean(
            &["trace", scenario, "--steps", "2", "--format", "markdown"],
            flag,
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let handout = text(&out.stdout);
        let lines: Vec<&str> = handout.lines().collect();
        let first_table = lines.iter().position(|l| l.starts_with('|')).unwrap();
        let ours = &lines[first_table..];
        let headings: Vec<&&str> = ours.iter().filter(|l| l.starts_with('#')).collect();
        assert!(headings.len() >= 16, "{scenario}: {headings:?}");
        for heading in headings {
            assert!(hangul(heading), "{scenario}: {heading}");
        }
        for pair in ours.windows(2) {
            if pair[1].starts_with("|---") {
                assert!(hangul(pair[0]), "{scenario}: table heading {}", pair[0]);
            }
        }
        for line in ours {
            assert_eq!(english_run(line), None, "{scenario}: {line}");
        }
        assert!(handout.contains("| 편향 | 학습함 |"), "{scenario}");
        assert!(handout.contains("\n| 비용 | 이전 | 이후 |\n"), "{scenario}");
        assert!(handout.contains("\n| 분류 오류 | "), "{scenario}");
    }
    let batches = text(&korean(&["trace", "gd-modes", "--format", "markdown"], true).stdout);
    assert!(
        batches.contains(
            "| 경사 하강법 | 미니배치 경사 하강법 (배치 크기 10, 에폭당 이터레이션: 100) |"
        )
    );
    assert!(batches.contains("\n갱신 후 검증 데이터: MSE "), "{batches}");
}

#[test]
fn without_a_terminal_the_korean_error_says_what_to_use_instead() {
    let out = Command::new("setsid")
        .args(["--wait", env!("CARGO_BIN_EXE_backstep"), "run", "xor"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "ko_KR.UTF-8")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("setsid runs");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.starts_with("오류: 단계별 화면에 터미널을 쓸 수 없습니다: "),
        "{err}"
    );
    assert!(
        err.contains("`backstep trace`나 `backstep train`을 쓰세요"),
        "{err}"
    );
}

/// A mistyped command line is explained in the catalog's words, in either language, with
/// clap's suggestion, and exits with status 2 (as clap's own errors do).
#[test]
fn a_mistyped_command_line_is_explained_in_both_languages() {
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["trian", "xor"],
            "error: there is no command `trian`; the commands are run, lesson, resume, list, check, trace, compare, plot, train. Similar: `trace`, `train`.",
            "오류: `trian`(이)라는 명령은 없습니다. 명령은 run, lesson, resume, list, check, trace, compare, plot, train입니다. 비슷한 것: `trace`, `train`.",
        ),
        (
            &["train", "xor", "--epocs", "3"],
            "error: this command has no option `--epocs`. Similar: `--epochs`.",
            "오류: 이 명령에는 `--epocs` 옵션이 없습니다. 비슷한 것: `--epochs`.",
        ),
        (
            &["run", "xor", "--theme", "blue"],
            "error: --theme <THEME>: `blue` is not a valid value. Expected one of: dark, light.",
            "오류: --theme <THEME>: `blue`은(는) 올바른 값이 아닙니다. 다음 중 하나를 쓰세요: dark, light.",
        ),
        (
            &["trace"],
            "error: missing: <SCENARIO>.",
            "오류: 빠진 인수가 있습니다: <SCENARIO>.",
        ),
    ];
    for (args, english, korean_text) in cases {
        let out = backstep(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().next(), Some(english), "{args:?}");
        assert!(err.contains("backstep --help"), "{err}");
        for flag in [true, false] {
            let out = korean(args, flag);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let err = text(&out.stderr);
            assert_eq!(err.lines().next(), Some(korean_text), "{args:?}");
            assert!(english_run(&err).is_none(), "{err}");
        }
    }
    let help = backstep(&["--help"]);
    assert!(help.status.success(), "help is not a mistake");
}

/// A disk that fills up while a file is written (here the file-size limit, `ulimit -f`, with
/// its signal ignored so that the write fails as on a full disk) leaves the user's file as it
/// was and no temporary file beside it, for every file the command line writes.
#[test]
fn a_full_disk_leaves_the_users_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("precious.out");
    let path = file.display().to_string();
    let commands: [&[&str]; 3] = [
        &["trace", "xor", "--steps", "50", "--output", &path],
        &["train", "xor", "--epochs", "200", "--curve", &path],
        &["compare", "mse-vs-ce", "--format", "csv", "--output", &path],
    ];
    for args in commands {
        std::fs::write(&file, "the user's own\n").unwrap();
        let out = Command::new("sh")
            .arg("-c")
            .arg("trap '' XFSZ; ulimit -f 2; exec \"$@\"")
            .arg("sh")
            .arg(env!("CARGO_BIN_EXE_backstep"))
            .args(args)
            .env("LC_ALL", "C")
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
        assert!(text(&out.stderr).contains("cannot write"), "{args:?}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "the user's own\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["precious.out"], "{args:?}");
    }
}

/// `--output` onto a device writes to it, and onto a symbolic link writes the file it points
/// to: neither is replaced by a regular file.
#[test]
fn output_onto_a_device_or_a_link_writes_through_it() {
    let out = backstep(&["trace", "xor", "--steps", "1", "--output", "/dev/stdout"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("{\"epoch\":1,"));
    assert!(
        std::fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .is_symlink()
    );
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link");
    std::fs::write(dir.path().join("target.json"), "old").unwrap();
    std::os::unix::fs::symlink("target.json", &link).unwrap();
    let path = link.display().to_string();
    assert!(
        backstep(&["trace", "xor", "--steps", "1", "--output", &path])
            .status
            .success()
    );
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    let written = std::fs::read_to_string(dir.path().join("target.json")).unwrap();
    assert!(written.starts_with("{\"epoch\":1,"));
}

/// `backstep > file`, `backstep | cat`, `backstep lesson` likewise: no escape codes, no
/// waiting for keys, an error that says what to use instead, in both languages.
#[test]
fn the_view_refuses_an_output_that_is_not_a_terminal() {
    for (args, language) in [
        (&["run", "xor"][..], "C"),
        (&["lesson"][..], "C"),
        (&["run", "xor"][..], "ko_KR.UTF-8"),
    ] {
        let data = tempfile::tempdir().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_backstep"))
            .args(args)
            .env("LC_ALL", language)
            .env("XDG_DATA_HOME", data.path())
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(!out.status.success());
        assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
        let err = text(&out.stderr);
        let expected = match language {
            "C" => {
                "error: cannot use the terminal for the stepping view: standard output is not a \
                 terminal (it goes to a file or a pipe); without a terminal, use `backstep trace` \
                 or `backstep train`\n"
            }
            _ => {
                "오류: 단계별 화면에 터미널을 쓸 수 없습니다: 표준 출력이 터미널이 아닙니다(파일이나 \
                 파이프로 나갑니다). 터미널이 없을 때는 `backstep trace`나 `backstep train`을 쓰세요\n"
            }
        };
        assert_eq!(err, expected);
    }
}

/// `check` counts a lesson's stops in words that agree with the number.
#[test]
fn a_lesson_of_one_stop_is_one_stop() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.toml");
    let lesson =
        "[lesson]\ntitle = \"One\"\n[[stop]]\ntitle = \"s\"\nscenario = \"xor\"\ntext = \"t\"\n";
    std::fs::write(&file, lesson).unwrap();
    let out = backstep(&["check", file.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        text(&out.stdout).ends_with("(a lesson of one stop)\n"),
        "{out:?}"
    );
}

/// `train --test` says when the test set was used: iris trains 100 epochs of 9 iterations
/// (90 samples in batches of 10), 900 in all.
#[test]
fn train_says_when_the_test_set_was_used() {
    let run = backstep(&["train", "iris", "--test"]);
    assert!(run.status.success());
    assert!(
        text(&run.stdout).contains("The test set was used once, after iteration 900 (epoch 100).")
    );
}
