//! Stop rules (`[training.stop]`) in `train` and `compare`, on one-weight scenarios whose
//! costs are known in closed form: O = w·x with x = 1, d = 0, w₀ = 1 and half-MSE, so each
//! batch update multiplies w by (1 − η) and the training MSE after k epochs is (1 − η)^(2k).

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_backstep");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// `backstep ARGS...` from the package root in `lang`; its stdout, after asserting success.
fn backstep(lang: &str, args: &[&str]) -> String {
    let output = Command::new(BIN)
        .env("LC_ALL", "C")
        .args(["--lang", lang])
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// η = 0.5: MSE 0.25^k, first below 0.001 at k = 5 (0.25⁴ = 0.0039, 0.25⁵ = 0.000977).
#[test]
fn train_stops_when_the_cost_is_below_the_rule_and_says_which_rule() {
    let out = backstep("en", &["train", "tests/fixtures/stop/below.toml"]);
    assert!(
        out.starts_with("One weight, stop below (1-1): 5 epochs, 5 iterations"),
        "{out}"
    );
    assert!(
        out.contains(
            "stopped: at the end of epoch 5 the training MSE was 9.766e−4, below 0.001 \
             (stop rule `cost`, `below`)"
        ),
        "{out}"
    );
    let ko = backstep("ko", &["train", "tests/fixtures/stop/below.toml"]);
    assert!(
        ko.contains(
            "멈춤: 5번째 에폭이 끝났을 때 훈련 데이터의 MSE이(가) 9.766e−4(으)로 0.001보다 \
             작았습니다(정지 규칙 `cost`, `below`)"
        ),
        "{ko}"
    );
}

/// η = 0.5, min_change 0.01 over 2 epochs: the change at k is 0.25^(k−2) − 0.25^k =
/// 0.9375 · 0.25^(k−2): 0.0146 at k = 5, 0.00366 at k = 6.
#[test]
fn train_stops_when_the_mse_has_settled_and_says_which_rule() {
    let out = backstep("en", &["train", "tests/fixtures/stop/settled.toml"]);
    assert!(out.contains(": 6 epochs, 6 iterations"), "{out}");
    assert!(
        out.contains(
            "stopped: at the end of epoch 6 the training MSE had changed by 3.662e−3 over the \
             last 2 epochs, less than 0.01 (stop rule `min_change`, `over_epochs`)"
        ),
        "{out}"
    );
    let ko = backstep("ko", &["train", "tests/fixtures/stop/settled.toml"]);
    assert!(ko.contains("최근 2 에폭 동안 3.662e−3만큼 변해"), "{ko}");
}

#[test]
fn train_without_a_rule_runs_its_epochs_and_names_no_rule() {
    let out = backstep("en", &["train", "tests/fixtures/stop/forty.toml"]);
    assert!(out.contains(": 40 epochs, 40 iterations"), "{out}");
    assert!(!out.contains("stopped"), "{out}");
}

/// η = 0.5 stops at epoch 5 (above); η = 0.1: MSE 0.81^k < 0.001 first at
/// k = ⌈ln 0.001 / ln 0.81⌉ = ⌈32.78⌉ = 33; η = 0.01: 0.9801^k, k = ⌈341.9⌉ = 342, beyond
/// the 100 epochs asked for, so it runs them all and is not marked.
#[test]
fn compare_applies_the_rules_per_copy_and_says_where_each_stopped() {
    let out = backstep(
        "en",
        &[
            "compare",
            "tests/fixtures/stop/below.toml",
            "--vary",
            "learning_rate=0.5,0.1,0.01",
            "--epochs",
            "100",
        ],
    );
    assert!(out.contains("| η = 0.5 (stopped at epoch 5) |"), "{out}");
    assert!(out.contains("| η = 0.1 (stopped at epoch 33) |"), "{out}");
    assert!(out.contains("| η = 0.01 |"), "{out}");
    assert!(
        out.contains("η = 0.1 stopped early — at the end of epoch 33 the training MSE was"),
        "{out}"
    );
    assert!(!out.contains("η = 0.01 stopped"), "{out}");
    let ko = backstep(
        "ko",
        &[
            "compare",
            "tests/fixtures/stop/below.toml",
            "--vary",
            "learning_rate=0.5,0.1",
        ],
    );
    assert!(ko.contains("| η = 0.1 (33번째 에폭에서 멈춤) |"), "{ko}");
}
