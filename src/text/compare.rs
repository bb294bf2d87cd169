//! The words of a comparison: what differs between the copies, what they share, and which
//! costs the table shows.

use crate::scenario::compare::Setting;
use crate::words;

/// The sentence under a comparison's title, e.g. `2 copies that differ only in their weights
/// (left, right); the same data; costs of the given weights (0 epochs).`
pub fn summary(setting: Setting, labels: &[String], epochs: usize) -> String {
    let starts_differ = matches!(setting, Setting::Weights | Setting::Init);
    let shared = if starts_differ {
        words!("compare-shared-data")
    } else {
        words!("compare-shared-start")
    };
    let costs = match (epochs, setting) {
        (0, Setting::Weights) => words!("compare-costs-given"),
        (0, _) => words!("compare-costs-initial"),
        _ => words!("compare-costs-trained", epochs = epochs),
    };
    words!(
        "compare-summary",
        copies = labels.len(),
        setting = setting_name(setting),
        labels = labels.join(", "),
        shared = shared,
        costs = costs
    )
}

/// The setting in words, e.g. `learning rate η`.
pub fn setting_name(setting: Setting) -> String {
    match setting {
        Setting::Loss => words!("setting-loss"),
        Setting::LearningRate => words!("setting-learning-rate"),
        Setting::Mode => words!("setting-mode"),
        Setting::BatchSize => words!("setting-batch-size"),
        Setting::HiddenActivation => words!("setting-hidden-activation"),
        Setting::Init => words!("setting-init"),
        Setting::Weights => words!("setting-weights"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_what_differs_and_what_is_shared() {
        let labels = ["left".to_string(), "right".to_string()];
        assert_eq!(
            summary(Setting::Weights, &labels, 0),
            "2 copies that differ only in their weights (left, right); the same data and \
             data order; costs of the given weights (0 epochs)."
        );
        let labels = ["mse".to_string(), "cross-entropy".to_string()];
        assert_eq!(
            summary(Setting::Loss, &labels, 100),
            "2 copies that differ only in their loss (mse, cross-entropy); the same initial \
             weights and data order; 100 epochs each, costs over the training set after the \
             last epoch."
        );
        assert!(
            summary(Setting::Init, &labels, 1)
                .contains("the same data and data order; 1 epoch each")
        );
        assert!(
            summary(Setting::Mode, &labels, 0)
                .ends_with("costs of the initial weights (0 epochs).")
        );
    }
}
