//! The real binary, run the way a user runs it.

use std::process::{Command, Output};

fn backstep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_backstep"))
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

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
    assert!(err.contains("1 of 2 scenarios are invalid"), "{err}");
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
