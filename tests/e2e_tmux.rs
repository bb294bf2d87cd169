//! The real binary in a real terminal (tmux), used the way a student uses it: step with Space,
//! read the numbers on screen, open the help, shrink the terminal, quit with q.
//! `.ci/run` installs tmux. Where tmux is missing the tests fail when `CI` is set (CI must run
//! them), and otherwise say so and do nothing.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "bs"])
    }

    /// Waits until the screen shows `text` (or fails after a few seconds).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "`{text}` never appeared; the screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen no longer shows `text` (or fails after a few seconds): an
    /// Escape must be read alone before the next key, or the terminal reads Alt+key.
    fn wait_without(&self, text: &str) {
        let start = Instant::now();
        while self.screen().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "`{text}` never went away; the screen:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "bs", key]);
            sleep(Duration::from_millis(30));
        }
    }
}

/// A tmux server of its own running `backstep run SCENARIO` in a `width` × `height`
/// window, or None (with a message) where tmux is not installed and `CI` is not set.
fn start(name: &str, scenario: &str, width: u16, height: u16) -> Option<Tmux> {
    start_command(name, &command(scenario), width, height)
}

/// A tmux server of its own (UTF-8, so Korean shows) running the shell `command` in a
/// `width` × `height` window, or None where tmux is not installed and `CI` is not set.
fn start_command(name: &str, command: &str, width: u16, height: u16) -> Option<Tmux> {
    if let Err(e) = Command::new("tmux").arg("-V").output() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux cannot be run ({e}) and CI is set: the end-to-end tests must run in CI (.ci/run installs tmux)"
        );
        eprintln!(
            "tmux cannot be run ({e}): skipping the end-to-end test (CI is not set; .ci/run installs tmux)"
        );
        return None;
    }
    let tmux = Tmux {
        socket: format!("backstep-e2e-{name}-{}", std::process::id()),
    };
    let (w, h) = (width.to_string(), height.to_string());
    tmux.run(&[
        "-u",
        "new-session",
        "-d",
        "-s",
        "bs",
        "-x",
        &w,
        "-y",
        &h,
        command,
    ]);
    Some(tmux)
}

/// `backstep run SCENARIO`, then a line with its exit status, kept on screen for a while.
fn command(scenario: &str) -> String {
    format!(
        "LC_ALL=C {} run {scenario}; echo \"backstep {scenario} exited with $?\"; sleep 30",
        env!("CARGO_BIN_EXE_backstep")
    )
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

#[test]
fn a_student_steps_through_an_iteration_in_a_real_terminal() {
    let Some(tmux) = start("step", "two-two-two", 120, 40) else {
        return;
    };
    tmux.wait_for("Two-two-two by hand");
    tmux.wait_for("Press Space");

    tmux.keys(&["Space"]);
    let screen = tmux.wait_for("forward (layer 1)");
    // h₁ = σ(0.15·0.05 + 0.20·0.10 + 0.35) = 0.5933, by hand.
    assert!(screen.contains("+0.5933"), "{screen}");

    tmux.keys(&["Space", "Space", "Space"]);
    let screen = tmux.wait_for("output delta");
    // δ²₁ = (0.7514 − 0.01)·0.7514·(1 − 0.7514) = 0.1385, by hand.
    assert!(screen.contains("= 0.1385"), "{screen}");

    tmux.keys(&["BSpace"]);
    tmux.wait_for("│ loss");
    tmux.keys(&["?"]);
    tmux.wait_for("keys (Esc closes)");
    tmux.keys(&["Escape"]);
    let start = Instant::now();
    while tmux.screen().contains("keys (Esc closes)") {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "Esc did not close the help"
        );
        sleep(Duration::from_millis(50));
    }

    tmux.run(&["resize-window", "-t", "bs", "-x", "60", "-y", "20"]);
    tmux.wait_for("terminal too small");
    tmux.run(&["resize-window", "-t", "bs", "-x", "120", "-y", "40"]);
    tmux.wait_for("Two-two-two by hand");

    tmux.keys(&["q"]);
    tmux.wait_until_restored();
}

#[test]
fn ctrl_c_leaves_the_terminal_as_it_was() {
    let Some(tmux) = start("ctrl-c", "xor", 100, 30) else {
        return;
    };
    tmux.wait_for("XOR, the classic");
    tmux.keys(&["r", "C-c"]);
    tmux.wait_until_restored();
}

impl Tmux {
    /// Waits until the app has left: alternate screen off, mouse reporting off.
    fn wait_until_restored(&self) {
        let start = Instant::now();
        loop {
            let flags = self.run(&[
                "display-message",
                "-p",
                "-t",
                "bs",
                "#{alternate_on} #{mouse_any_flag}",
            ]);
            if flags.trim() == "0 0" {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "the terminal was not restored (alternate screen, mouse): {flags}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn a_teacher_compares_mse_and_cross_entropy_in_a_real_terminal() {
    let Some(tmux) = start("compare", "mse-vs-ce", 120, 40) else {
        return;
    };
    tmux.wait_for("MSE against cross-entropy");
    tmux.keys(&["c"]);
    tmux.wait_for("compare loss (2 copies)");
    tmux.keys(&["Space", "Space", "Space", "Space"]);
    let screen = tmux.wait_for("output delta");
    // A saturated output O = 0.0006 where d = 1: MSE's delta 2(O − d)·O(1 − O) =
    // 2·(−0.9994)·0.0006·0.9994 ≈ −0.0012 is tiny, cross-entropy's O − d = −0.9994 is not.
    assert!(screen.contains("= −0.0012"), "{screen}");
    assert!(screen.contains("= 0.0006 − 1.0000 = −0.9994"), "{screen}");
    tmux.keys(&["c"]);
    tmux.wait_for("network 2-4-1");
    tmux.keys(&["q"]);
    tmux.wait_until_restored();
}

impl Tmux {
    /// Replaces the program in the window with `backstep run SCENARIO`.
    fn restart(&self, scenario: &str) {
        self.run(&["respawn-pane", "-k", "-t", "bs", &command(scenario)]);
    }

    /// Waits until the screen's first line shows ` NAME ` whole (or fails after a couple of
    /// seconds, saying after which key).
    fn wait_for_title(&self, name: &str, after: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            let first = screen.lines().next().unwrap_or("");
            if first.contains(&format!(" {name} ")) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(3),
                "after {after}, the first line does not show `{name}` whole; the screen:\n{screen}"
            );
            sleep(Duration::from_millis(20));
        }
    }
}

/// At 80×24, every built-in through every view key: the title keeps the scenario's name
/// whole after each key, nothing panics, and q leaves with status 0.
#[test]
fn every_built_in_keeps_its_name_through_every_key_at_80x24() {
    let scenarios = backstep::scenario::BUILTINS;
    let Some(tmux) = start("title", scenarios[0].name, 80, 24) else {
        return;
    };
    let keys = [
        "Space", "n", "g", "v", "c", "?", "Escape", "PageDown", "]", "[", "r", "+", "r", "h", "s",
        "Escape",
    ];
    for (i, builtin) in scenarios.iter().enumerate() {
        let name = backstep::scenario::Scenario::load(builtin.name)
            .unwrap()
            .name;
        if i > 0 {
            tmux.restart(builtin.name);
        }
        tmux.wait_for_title(&name, "the start");
        for key in keys {
            tmux.keys(&[key]);
            tmux.wait_for_title(&name, key);
            match key {
                // Wait for the popup before Escape: a lone Escape followed at once by the
                // next key reads as Alt and that key.
                "?" | "s" => drop(tmux.wait_for("Esc clos")),
                "Escape" => tmux.wait_without("Esc clos"),
                _ => {}
            }
        }
        tmux.keys(&["q"]);
        let screen = tmux.wait_for(&format!("backstep {} exited with", builtin.name));
        assert!(
            screen.contains(&format!("backstep {} exited with 0", builtin.name)),
            "{screen}"
        );
    }
}

#[test]
fn a_korean_student_answers_every_question_of_the_lesson_at_80x24() {
    use backstep::lesson::{Lesson, Question};
    let data = tempfile::tempdir().unwrap();
    let command = format!(
        "env -u LC_ALL -u LC_MESSAGES LANG=ko_KR.UTF-8 XDG_DATA_HOME={} {} lesson; echo \"backstep lesson exited with $?\"; sleep 30",
        data.path().display(),
        env!("CARGO_BIN_EXE_backstep")
    );
    let Some(tmux) = start_command("lesson-ko", &command, 80, 24) else {
        return;
    };
    // The values tests/lesson_backprop_by_hand.py worked out.
    let expected: toml::Table =
        std::fs::read_to_string("tests/fixtures/lessons/backprop-expected.toml")
            .unwrap()
            .parse()
            .unwrap();
    let lesson = Lesson::load("backprop").unwrap();
    for (i, stop) in lesson.stops.iter().enumerate() {
        let n = i + 1;
        tmux.wait_for(&format!("13단계 중 {n}단계"));
        // The stop's Korean title (its first word: a long one is cut to the panel).
        let title = stop.title.ko.clone().unwrap();
        let first = title.split(' ').next().unwrap();
        // The status line may be drawn before the rest: wait for the rest too.
        tmux.wait_for(&format!("{n}/13 {first}"));
        let question = &expected["question"].get(n.to_string());
        match (&stop.question, question) {
            (Some(Question::Number { .. }), Some(q)) => {
                tmux.wait_for("답 입력");
                let value = q["value"].as_float().unwrap().to_string();
                tmux.run(&["send-keys", "-t", "bs", "-l", "--", &value]);
                tmux.keys(&["Enter"]);
                tmux.wait_for("맞았습니다");
            }
            (Some(Question::Choice { .. }), Some(q)) => {
                let answer = q["answer"].as_integer().unwrap().to_string();
                tmux.keys(&[&answer]);
                tmux.wait_for("맞았습니다");
            }
            _ => {
                tmux.wait_for("Space: 다음 단계");
            }
        }
        tmux.keys(&["Space"]);
    }
    // 11 questions, all right at the first try.
    let screen = tmux.wait_for("수업을 마쳤습니다");
    assert!(screen.contains("점수 11/11"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("backstep lesson exited with 0");
    let saved = std::fs::read_to_string(data.path().join("backstep/progress.json")).unwrap();
    assert!(saved.contains("\"stop\": 12"), "{saved}");
}

/// A Korean title drawn over a border and taken away again leaves the border whole: the
/// cell under a Hangul syllable's second half is redrawn too.
#[test]
fn korean_titles_leave_no_gaps_in_the_borders_they_covered() {
    let Some(tmux) = start("wide", "two-two-two --lang ko", 80, 24) else {
        return;
    };
    tmux.wait_for("손으로 푸는 2-2-2");
    tmux.keys(&["Space"]);
    tmux.wait_for("순전파 (1층)");
    tmux.keys(&["z"]);
    tmux.wait_for("z 또는 Esc");
    tmux.keys(&["z"]);
    tmux.wait_without("z 또는 Esc");
    let screen = tmux.wait_for("값 (소수점 4자리)");
    let bottom = screen.lines().nth(22).unwrap_or_default();
    assert!(
        bottom.starts_with("└──────────────────────────────────────┘"),
        "{screen}"
    );
}

impl Tmux {
    /// Waits until the terminal is given back whole: alternate screen off, mouse reporting
    /// off, the cursor shown, and keys echoed again (raw mode off).
    fn wait_until_cooked(&self) {
        self.wait_until_restored();
        let flags = self.run(&["display-message", "-p", "-t", "bs", "#{cursor_flag}"]);
        assert_eq!(flags.trim(), "1", "the cursor is hidden");
        self.run(&["send-keys", "-t", "bs", "-l", "typed-after"]);
        self.wait_for("typed-after");
    }

    /// The number of the process that `pidfile` names, once written.
    fn pid(&self, pidfile: &std::path::Path) -> String {
        self.wait_for("XOR, the classic");
        std::fs::read_to_string(pidfile).unwrap().trim().to_string()
    }
}

/// `kill -TERM`, `-HUP`, `-INT`: the terminal is restored, and the process ends as the signal
/// ends a process, which the shell reports as status 128 + the signal's number.
#[test]
fn kill_leaves_the_terminal_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    for (signal, status) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let pidfile = dir.path().join(signal);
        let command = format!(
            "LC_ALL=C sh -c 'echo $$ > {}; exec {} run xor'; echo \"backstep exited with $?\"; sleep 30",
            pidfile.display(),
            env!("CARGO_BIN_EXE_backstep")
        );
        let Some(tmux) = start_command(&format!("kill-{signal}"), &command, 80, 24) else {
            return;
        };
        let pid = tmux.pid(&pidfile);
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(killed.success());
        tmux.wait_for(&format!("backstep exited with {status}"));
        tmux.wait_until_cooked();
    }
}

/// Ctrl-Z (a key in raw mode) and `kill -TSTP` suspend with the terminal restored; `fg`
/// brings the view back drawn whole, and its keys work.
#[test]
fn a_suspended_view_comes_back_whole_after_fg() {
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let Some(tmux) = start_command("suspend", "env PS1='$ ' bash --norc --noprofile -i", 80, 24)
    else {
        return;
    };
    let command = format!(
        "LC_ALL=C sh -c 'echo $$ > {}; exec {} run xor'",
        pidfile.display(),
        env!("CARGO_BIN_EXE_backstep")
    );
    tmux.wait_for("$");
    tmux.run(&["send-keys", "-t", "bs", "-l", &command]);
    tmux.keys(&["Enter"]);
    let pid = tmux.pid(&pidfile);
    for suspend in ["C-z", "kill"] {
        tmux.run(&["send-keys", "-t", "bs", "-R"]);
        tmux.run(&["clear-history", "-t", "bs"]);
        match suspend {
            "kill" => assert!(
                Command::new("kill")
                    .args(["-TSTP", &pid])
                    .status()
                    .unwrap()
                    .success()
            ),
            key => tmux.keys(&[key]),
        }
        tmux.wait_for("Stopped");
        tmux.wait_until_cooked();
        tmux.keys(&["C-u"]);
        tmux.run(&["send-keys", "-t", "bs", "-l", "fg"]);
        tmux.keys(&["Enter"]);
        // The alternate screen is new and empty: only a full redraw shows the title.
        tmux.wait_for("XOR, the classic");
        tmux.wait_for("? help · q quit");
        tmux.keys(&["Space"]);
        tmux.wait_for("forward (layer 1)");
        tmux.keys(&["BSpace"]);
        tmux.wait_without("forward (layer 1)");
    }
    tmux.keys(&["q"]);
    tmux.wait_until_cooked();
}

/// `backstep > file`, `backstep lesson | cat` and `TERM=dumb backstep` in a real terminal:
/// refused with the message, nothing written to the file, status 1.
#[test]
fn the_view_refuses_a_file_a_pipe_and_a_dumb_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("screen.txt");
    let bin = env!("CARGO_BIN_EXE_backstep");
    let command = format!(
        "export LC_ALL=C XDG_DATA_HOME={data}; {bin} run xor > {file}; echo \"file exited with $?\"; \
         {bin} lesson | cat; echo \"pipe exited with $?\"; TERM=dumb {bin}; echo \"dumb exited with $?\"; sleep 30",
        data = dir.path().display(),
        file = file.display(),
    );
    let Some(tmux) = start_command("refuse", &command, 200, 24) else {
        return;
    };
    let screen = tmux.wait_for("dumb exited with");
    let refused = "error: cannot use the terminal for the stepping view: ";
    let instead = "; without a terminal, use `backstep trace` or `backstep train`";
    for (reason, then) in [
        (
            "standard output is not a terminal (it goes to a file or a pipe)",
            "file exited with 1",
        ),
        (
            "standard output is not a terminal (it goes to a file or a pipe)",
            "pipe exited with 0",
        ),
        ("TERM=dumb cannot draw the view", "dumb exited with 1"),
    ] {
        assert!(
            screen.contains(&format!("{refused}{reason}{instead}\n{then}")),
            "{screen}"
        );
    }
    assert_eq!(std::fs::read(&file).unwrap(), b"");
}

/// The pid of the program the pane's shell runs (the shell's only child).
fn pane_child(tmux: &Tmux) -> u32 {
    let start = Instant::now();
    loop {
        let pane = tmux.run(&["list-panes", "-F", "#{pane_pid}"]);
        let pane = pane.trim();
        let children = std::fs::read_to_string(format!("/proc/{pane}/task/{pane}/children"))
            .unwrap_or_default();
        if let Some(pid) = children.split_whitespace().next() {
            return pid.parse().unwrap();
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no program in the pane"
        );
        sleep(Duration::from_millis(50));
    }
}

/// Whether process `pid` still runs (an exited one not yet reaped is a zombie: it does not).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/status")).is_ok_and(|status| {
        status
            .lines()
            .find(|l| l.starts_with("State:"))
            .is_some_and(|l| !l.contains("zombie"))
    })
}

/// A window closed under the view (the terminal vanishes; no HUP need arrive) ends it
/// within a second: crossterm's reader would otherwise spin on the dead terminal forever
/// (crossterm-rs/crossterm#793), a core lost to every closed window.
#[test]
fn closing_the_terminal_ends_the_view() {
    let Some(tmux) = start("gone", "xor", 80, 24) else {
        return;
    };
    tmux.wait_for("XOR, the classic");
    let pid = pane_child(&tmux);
    assert!(running(pid));
    drop(tmux);
    let start = Instant::now();
    while running(pid) {
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "backstep ({pid}) still runs after its terminal went away"
        );
        sleep(Duration::from_millis(50));
    }
}

/// Issue 12: full speed on a scenario of 40 epochs stops at epoch 40 and says so; `h` and `E`
/// then walk back several epochs; `r` runs to epoch 40 again, and beyond when pressed again.
#[test]
fn full_speed_stops_at_the_scenarios_epochs_in_a_real_terminal() {
    let Some(tmux) = start("stop", "tests/fixtures/stop/forty.toml", 120, 40) else {
        return;
    };
    tmux.wait_for("One weight, forty epochs");
    tmux.keys(&["+", "+", "+", "+", "+", "+"]);
    tmux.wait_for("⏸ full speed");
    tmux.keys(&["r"]);
    let screen = tmux.wait_for("finished: 40 epochs");
    assert!(
        screen.contains("│ epoch 40 │ iteration 1/1 │ done │ ⏸ full speed"),
        "{screen}"
    );
    sleep(Duration::from_millis(300));
    assert!(tmux.screen().contains("│ epoch 40 │"), "stays stopped");
    // `h` walks back through the iterations full speed ran: six phases an iteration (forward,
    // loss, output delta, gradients, update, done), an iteration an epoch; 18 presses from the
    // end of epoch 40 reach the end of epoch 37, where w = 0.5^37 = 7.276e−12 (each update
    // halves it: w ← w − 0.5·w).
    tmux.keys(&["h"; 18]);
    let screen = tmux.wait_for("│ epoch 37 │ iteration 1/1 │ done");
    assert!(screen.contains("7.276e−12"), "{screen}");
    tmux.keys(&["E"]);
    tmux.wait_for("│ epoch 36 │ iteration 1/1 │ done");
    // Auto-run stops at epoch 40 again; `r` then goes beyond.
    tmux.keys(&["r"]);
    tmux.wait_for("│ epoch 40 │ iteration 1/1 │ done │ ⏸ full speed");
    tmux.keys(&["r"]);
    tmux.wait_for("▶ full speed, beyond 40 epochs");
}

/// In a real terminal at 80×24 without colours: XOR run at full speed to its 1000 epochs,
/// then `b`: the four corners of the map show their class's characters. The view takes the
/// left half (columns 0 to 39, rows 1 to 22): inside its border the map starts after the
/// gutter of "-0.10" and a space (column 7), is 22 wide (38 less the gutter's 6, the
/// neurons' column of 38/4 = 9 and a space: columns 7 to 28) and 19 high (rows 2 to 20).
#[test]
fn b_on_trained_xor_in_tmux_shows_the_corners_classes() {
    let command = format!(
        "NO_COLOR=1 LC_ALL=C {} run xor; sleep 30",
        env!("CARGO_BIN_EXE_backstep")
    );
    let Some(tmux) = start_command("boundary", &command, 80, 24) else {
        return;
    };
    tmux.wait_for("XOR, the classic");
    tmux.keys(&["r", "+", "+", "+", "+", "+", "+", "+", "+", "+"]);
    tmux.wait_for("finished: 1000 epochs");
    tmux.keys(&["b"]);
    let screen = tmux.wait_for("decision boundary");
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    for ((x, y), class) in [((7, 2), 1), ((28, 2), 0), ((7, 20), 0), ((28, 20), 1)] {
        let symbol = lines[y][x];
        assert!(
            symbol != ' ' && [" .:-", " +*#"][class].contains(symbol),
            "({x}, {y}) shows {symbol:?}, not a sure class {class}:\n{screen}"
        );
    }
}

/// A student closes the view mid-iteration after saving the session (`S`) and opens it again
/// with `backstep resume`: the same phase, the same numbers, the same screen.
#[test]
fn a_student_saves_a_session_and_resumes_it_at_the_same_phase() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let bin = env!("CARGO_BIN_EXE_backstep");
    let run = format!("cd {folder} && LC_ALL=C {bin} run two-two-two; sleep 30");
    let Some(tmux) = start_command("session", &run, 80, 24) else {
        return;
    };
    tmux.wait_for("Two-two-two by hand │ epoch 1");
    tmux.keys(&["Space", "Space", "Space", "Space", "]", "S"]);
    let saved = tmux.wait_for("Session saved to");
    assert!(dir.path().join("two-two-two.session.toml").exists());
    assert!(saved.contains("output delta"), "{saved}");
    tmux.keys(&["Escape"]);
    tmux.wait_without("Session saved");
    let before = tmux.screen();
    tmux.keys(&["q"]);
    drop(tmux);

    let resume = format!("cd {folder} && LC_ALL=C {bin} resume two-two-two.session.toml; sleep 30");
    let tmux = start_command("resumed", &resume, 80, 24).unwrap();
    let after = tmux.wait_for("output delta");
    // δ²₁ = (0.7514 − 0.01)·0.7514·(1 − 0.7514) = 0.138499, by hand, at five decimals.
    assert!(after.contains("0.13850"), "{after}");
    assert_eq!(before, after);
}
