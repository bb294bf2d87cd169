//! The words of a comparison: what differs between the copies, what they share, and which
//! costs the table shows.

use crate::scenario::compare::{Setting, full_key};
use crate::words;

/// The sentence under a comparison's title, e.g. `2 copies that differ only in their weights
/// (left, right); the same data; costs of the given weights (0 epochs).`; `key` is the
/// varied key (a short name or any key).
pub fn summary(key: &str, labels: &[String], epochs: usize) -> String {
    let costs = match (epochs, Setting::of(key)) {
        (0, Some(Setting::Weights)) => words!("compare-costs-given"),
        (0, _) => words!("compare-costs-initial"),
        _ => words!("compare-costs-trained", epochs = epochs),
    };
    words!(
        "compare-summary",
        copies = labels.len(),
        setting = setting_name(key),
        labels = labels.join(", "),
        shared = shared(key),
        costs = costs
    )
}

/// What the copies share when `key` differs: the data and its order when the key changes the
/// initial weights, the initial weights and data order when it changes neither, else
/// everything else (the seed, the data, the shuffling).
fn shared(key: &str) -> String {
    let key = full_key(key);
    let network = ["weights", "biases", "bias", "init", "init_range", "layers"];
    let starts_differ = key
        .strip_prefix("network.")
        .is_some_and(|name| network.contains(&name));
    let data_differs = key == "seed"
        || key == "training.shuffle"
        || (key.starts_with("data.") && key != "data.normalize");
    if starts_differ {
        words!("compare-shared-data")
    } else if data_differs {
        words!("compare-shared-rest")
    } else {
        words!("compare-shared-start")
    }
}

/// The varied setting in words: the lesson's name for a short name or its key (e.g.
/// `learning rate η` for `learning_rate` and `training.learning_rate`), any other key as it
/// is, in backticks.
pub fn setting_name(key: &str) -> String {
    match Setting::of(key) {
        Some(Setting::Loss) => words!("setting-loss"),
        Some(Setting::LearningRate) => words!("setting-learning-rate"),
        Some(Setting::Mode) => words!("setting-mode"),
        Some(Setting::BatchSize) => words!("setting-batch-size"),
        Some(Setting::HiddenActivation) => words!("setting-hidden-activation"),
        Some(Setting::Init) => words!("setting-init"),
        Some(Setting::Weights) => words!("setting-weights"),
        None => words!(
            "setting-key",
            key = crate::text::untrusted::printable(key.trim())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_what_differs_and_what_is_shared() {
        let labels = ["left".to_string(), "right".to_string()];
        assert_eq!(
            summary("weights", &labels, 0),
            "2 copies that differ only in their weights (left, right); the same data and \
             data order; costs of the given weights (0 epochs)."
        );
        let labels = ["mse".to_string(), "cross-entropy".to_string()];
        assert_eq!(
            summary("loss", &labels, 100),
            "2 copies that differ only in their loss (mse, cross-entropy); the same initial \
             weights and data order; 100 epochs each, costs over the training set after the \
             last epoch."
        );
        assert_eq!(
            summary("training.loss", &labels, 100),
            summary("loss", &labels, 100)
        );
        assert!(summary("init", &labels, 1).contains("the same data and data order; 1 epoch each"));
        assert!(summary("mode", &labels, 0).ends_with("costs of the initial weights (0 epochs)."));
    }

    #[test]
    fn any_key_is_named_as_it_is_and_says_what_is_shared() {
        let labels = [
            "normalize = none".to_string(),
            "normalize = standardize".to_string(),
        ];
        assert_eq!(
            summary("data.normalize", &labels, 3),
            "2 copies that differ only in their `data.normalize` (normalize = none, \
             normalize = standardize); the same initial weights and data order; 3 epochs \
             each, costs over the training set after the last epoch."
        );
        assert!(summary("network.layers", &labels, 3).contains("; the same data and data order;"));
        assert!(summary("seed", &labels, 3).contains("; everything else the same;"));
        assert!(summary("data.noise", &labels, 3).contains("; everything else the same;"));
    }
}
