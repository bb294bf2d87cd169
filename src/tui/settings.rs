//! The settings panel (`o`): the scenario's settings one per row, changed with ←/→ or by
//! typing, checked as a scenario file is checked (a refusal is shown in place, in the file
//! error's words), applied as `--set` would apply them, and saved as a scenario file. Nothing
//! here draws or writes a file: the app passes what it decides on to its front end.

use strum::IntoEnumIterator;

use crate::data::Normalize;
use crate::data::generate::Generator;
use crate::nn::{Activation, BiasMode, Init, Loss, Mode};
use crate::scenario::set::Override;
use crate::scenario::{DataSource, Scenario, ScenarioError};
use crate::text::notation::shape;
use crate::words;

/// How ←/→ change a setting's value.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// One of these names, in a cycle.
    Choice(fn() -> Vec<&'static str>),
    /// A number: the next of these values above or below it.
    Ladder(&'static [f64]),
    /// A share or an amount: steps of 0.05 from 0 to this most.
    Steps(f64),
    /// A whole number, one up or down.
    Count,
    /// true or false.
    Toggle,
    /// The hidden layers' sizes: one neuron more or fewer in each.
    Hidden,
}

/// One setting of the panel.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// Its key in a scenario file (`network.layers` for the hidden layers' sizes).
    pub key: &'static str,
    /// What the panel calls it.
    pub label: fn() -> String,
    /// How it changes.
    pub kind: Kind,
    /// Its value in a scenario, as the panel shows it.
    read: fn(&Scenario) -> String,
}

const LEARNING_RATES: &[f64] = &[
    0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0,
];
const RANGES: &[f64] = &[0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0];
const BATCH_SIZES: &[f64] = &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0];
const SAMPLE_COUNTS: &[f64] = &[
    25.0, 50.0, 100.0, 200.0, 400.0, 800.0, 1600.0, 3200.0, 6400.0, 12800.0,
];

fn names<T: IntoEnumIterator + Into<&'static str>>() -> Vec<&'static str> {
    T::iter().map(Into::into).collect()
}

fn hidden_activations() -> Vec<&'static str> {
    Activation::iter()
        .filter(|a| *a != Activation::Softmax)
        .map(Activation::name)
        .collect()
}

/// The settings of every scenario, in the panel's order.
const FIELDS: &[Field] = &[
    Field {
        key: "training.learning_rate",
        label: || words!("settings-learning-rate"),
        kind: Kind::Ladder(LEARNING_RATES),
        read: |s| s.training.learning_rate.to_string(),
    },
    Field {
        key: "training.loss",
        label: || words!("settings-loss"),
        kind: Kind::Choice(names::<Loss>),
        read: |s| s.training.loss.name().to_string(),
    },
    Field {
        key: "network.hidden_activation",
        label: || words!("settings-hidden-activation"),
        kind: Kind::Choice(hidden_activations),
        read: |s| s.hidden_activation.name().to_string(),
    },
    Field {
        key: "network.output_activation",
        label: || words!("settings-output-activation"),
        kind: Kind::Choice(names::<Activation>),
        read: |s| s.output_activation.name().to_string(),
    },
    Field {
        key: "training.mode",
        label: || words!("settings-mode"),
        kind: Kind::Choice(names::<Mode>),
        read: |s| s.training.mode.name().to_string(),
    },
    Field {
        key: "training.batch_size",
        label: || words!("settings-batch-size"),
        kind: Kind::Ladder(BATCH_SIZES),
        read: |s| s.training.batch_size.to_string(),
    },
    Field {
        key: "training.shuffle",
        label: || words!("settings-shuffle"),
        kind: Kind::Toggle,
        read: |s| s.training.shuffle.to_string(),
    },
    Field {
        key: "network.init",
        label: || words!("settings-init"),
        kind: Kind::Choice(names::<Init>),
        read: |s| s.init.name().to_string(),
    },
    Field {
        key: "network.init_range",
        label: || words!("settings-init-range"),
        kind: Kind::Ladder(RANGES),
        read: |s| s.init_range.to_string(),
    },
    Field {
        key: "network.layers",
        label: || words!("settings-hidden-sizes"),
        kind: Kind::Hidden,
        read: |s| hidden_sizes(&s.layers),
    },
    Field {
        key: "network.bias",
        label: || words!("settings-bias"),
        kind: Kind::Choice(names::<BiasMode>),
        read: |s| s.bias.name().to_string(),
    },
    Field {
        key: "data.normalize",
        label: || words!("settings-normalize"),
        kind: Kind::Choice(names::<Normalize>),
        read: |s| <&str>::from(s.normalize).to_string(),
    },
    Field {
        key: "data.validation",
        label: || words!("settings-validation"),
        kind: Kind::Steps(0.9),
        read: |s| s.validation.to_string(),
    },
    Field {
        key: "data.test",
        label: || words!("settings-test"),
        kind: Kind::Steps(0.9),
        read: |s| s.test.to_string(),
    },
    Field {
        key: "seed",
        label: || words!("settings-seed"),
        kind: Kind::Count,
        read: |s| s.seed.to_string(),
    },
];

/// The settings of generated data, after the others.
const GENERATED: &[Field] = &[
    Field {
        key: "data.generator",
        label: || words!("settings-generator"),
        kind: Kind::Choice(names::<Generator>),
        read: |s| match &s.data {
            DataSource::Generated { generator, .. } => generator.name().to_string(),
            _ => String::new(),
        },
    },
    Field {
        key: "data.samples",
        label: || words!("settings-samples"),
        kind: Kind::Ladder(SAMPLE_COUNTS),
        read: |s| match &s.data {
            DataSource::Generated { samples, .. } => samples.to_string(),
            _ => String::new(),
        },
    },
    Field {
        key: "data.noise",
        label: || words!("settings-noise"),
        kind: Kind::Steps(2.0),
        read: |s| match &s.data {
            DataSource::Generated { noise, .. } => noise.to_string(),
            _ => String::new(),
        },
    },
];

/// The hidden layers' sizes of `layers`, e.g. `16, 16`.
fn hidden_sizes(layers: &[usize]) -> String {
    let hidden = &layers[1..layers.len() - 1];
    hidden
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A key press in the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsInput {
    /// The setting above.
    Up,
    /// The setting below.
    Down,
    /// The next value.
    Next,
    /// The previous value.
    Previous,
    /// A character typed into the value (or the path).
    Type(char),
    /// Erase the last character typed.
    Erase,
    /// Accept what was typed, or apply the changes.
    Confirm,
    /// Stop typing, or close the panel.
    Close,
    /// Save the scenario as a file (asks for the path).
    Save,
}

/// What the app is to do after a key press in the panel.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing beyond the panel.
    Stay,
    /// Close the panel; the changes not applied are dropped.
    Close,
    /// Start the run again on this scenario; the words say what changed.
    Apply(Box<Scenario>, Vec<Override>, String),
    /// Write the scenario as it runs to this path (replacing a file there when told).
    Save {
        /// Where.
        path: String,
        /// Whether the user said a file there may be replaced.
        replace: bool,
    },
}

/// The path asked for by `w`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavePrompt {
    /// The path as typed.
    pub path: String,
    /// Whether a file is there and the next Enter replaces it.
    pub replacing: bool,
}

/// The panel's state.
#[derive(Clone, Debug)]
pub struct Settings {
    base: Scenario,
    fields: Vec<Field>,
    original: Vec<String>,
    /// Each setting's value as shown (as a scenario file writes it, strings unquoted).
    pub values: Vec<String>,
    /// The highlighted setting.
    pub cursor: usize,
    /// What is being typed into the highlighted setting's value, if anything.
    pub editing: Option<String>,
    /// Why the last value or the changes were refused, or what the panel has to say.
    pub refusal: Option<String>,
    /// The path `w` asks for, while it asks.
    pub saving: Option<SavePrompt>,
    default_path: String,
}

impl Settings {
    /// The panel on `base`, the scenario as it runs; `w` offers `default_path`.
    pub fn new(base: &Scenario, default_path: String) -> Settings {
        let generated = matches!(base.data, DataSource::Generated { .. });
        let fields: Vec<Field> = FIELDS
            .iter()
            .chain(GENERATED.iter().filter(|_| generated))
            .copied()
            .collect();
        let original: Vec<String> = fields.iter().map(|f| (f.read)(base)).collect();
        Settings {
            base: base.clone(),
            values: original.clone(),
            original,
            fields,
            cursor: 0,
            editing: None,
            refusal: None,
            saving: None,
            default_path,
        }
    }

    /// The settings shown, in order.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// Whether setting `i` differs from the scenario as it runs.
    pub fn changed(&self, i: usize) -> bool {
        self.values[i] != self.original[i]
    }

    /// The scenario as it runs.
    pub fn base(&self) -> &Scenario {
        &self.base
    }

    /// Handles a key press.
    pub fn update(&mut self, input: SettingsInput) -> Outcome {
        if self.saving.is_some() {
            return self.update_saving(input);
        }
        if self.editing.is_some() {
            self.update_editing(input);
            return Outcome::Stay;
        }
        match input {
            SettingsInput::Up => self.cursor = self.cursor.saturating_sub(1),
            SettingsInput::Down => self.cursor = (self.cursor + 1).min(self.fields.len() - 1),
            SettingsInput::Next | SettingsInput::Previous => {
                self.step(input == SettingsInput::Next);
            }
            SettingsInput::Type(c) if self.typable() => {
                self.editing = Some(c.to_string());
                self.refusal = None;
            }
            SettingsInput::Confirm => return self.apply(),
            SettingsInput::Close => return Outcome::Close,
            SettingsInput::Save => self.ask_path(),
            SettingsInput::Type(_) | SettingsInput::Erase => {}
        }
        Outcome::Stay
    }

    /// Whether the highlighted setting's value can be typed (names are chosen with ←/→).
    fn typable(&self) -> bool {
        !matches!(
            self.fields[self.cursor].kind,
            Kind::Choice(_) | Kind::Toggle
        )
    }

    fn update_editing(&mut self, input: SettingsInput) {
        let Some(text) = &mut self.editing else {
            return;
        };
        match input {
            SettingsInput::Type(c) => text.push(c),
            SettingsInput::Erase => _ = text.pop(),
            SettingsInput::Close => {
                self.editing = None;
                self.refusal = None;
            }
            SettingsInput::Confirm => {
                let typed = text.trim().to_string();
                self.accept(typed);
            }
            _ => {}
        }
    }

    /// Takes a typed value if the scenario accepts it with the other changes; else keeps
    /// the value as it was, the typing open, and says why.
    fn accept(&mut self, typed: String) {
        let kept = std::mem::replace(&mut self.values[self.cursor], typed);
        match self.checked() {
            Ok(_) => {
                self.editing = None;
                self.refusal = None;
            }
            Err(refusal) => {
                self.values[self.cursor] = kept;
                self.refusal = Some(refusal);
            }
        }
    }

    /// ←/→: the next or previous value of the highlighted setting, checked with the other
    /// changes (a value refused with them is kept and the refusal shown, so that the next
    /// press goes on past it).
    fn step(&mut self, forward: bool) {
        let field = self.fields[self.cursor];
        let value = stepped(field.kind, &self.values[self.cursor], forward);
        self.values[self.cursor] = value;
        if field.key == "training.batch_size" {
            self.set("training.mode", Mode::MiniBatch.name());
        }
        self.refusal = self.checked().err();
    }

    fn set(&mut self, key: &str, value: &str) {
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.values[i] = value.to_string();
        }
    }

    /// The changes as settings of the scenario file: every changed value, and the removal
    /// of given weights (and biases) that a change of shape or initialization replaces.
    pub fn overrides(&self) -> Vec<Override> {
        let changed: Vec<usize> = (0..self.fields.len())
            .filter(|&i| self.changed(i))
            .collect();
        let mut overrides: Vec<Override> = changed
            .iter()
            .map(|&i| Override::new(self.fields[i].key, &self.toml(i)))
            .collect();
        let touches = |keys: &[&str]| changed.iter().any(|&i| keys.contains(&self.fields[i].key));
        let reshaped = touches(&["network.layers", "network.init", "network.init_range"]);
        if reshaped && self.base.weights.is_some() {
            overrides.push(Override::removal("network.weights"));
        }
        if (reshaped || touches(&["network.bias"])) && self.base.biases.is_some() {
            overrides.push(Override::removal("network.biases"));
        }
        overrides
    }

    /// Setting `i`'s value as TOML: names quoted, the hidden sizes inside the whole layer
    /// list.
    fn toml(&self, i: usize) -> String {
        let value = self.values[i].trim();
        match self.fields[i].kind {
            Kind::Choice(_) => toml_edit::Value::from(value).to_string(),
            Kind::Hidden => {
                let layers = &self.base.layers;
                let inner = value.trim_start_matches('[').trim_end_matches(']').trim();
                let hidden = if inner.is_empty() {
                    String::new()
                } else {
                    format!("{inner}, ")
                };
                format!("[{}, {hidden}{}]", layers[0], layers[layers.len() - 1])
            }
            _ => value.to_string(),
        }
    }

    /// The scenario with the changes, or why it is refused (a file error's words).
    fn checked(&self) -> Result<Scenario, String> {
        self.base.with(&self.overrides()).map_err(|e| match e {
            ScenarioError::Set { message, .. } => message,
            other => other.to_string(),
        })
    }

    /// Enter: the changes, checked, to start the run again with.
    fn apply(&mut self) -> Outcome {
        let overrides = self.overrides();
        if overrides.is_empty() {
            return Outcome::Close;
        }
        match self.checked() {
            Ok(scenario) => {
                let summary = self.summary(&scenario);
                Outcome::Apply(Box::new(scenario), overrides, summary)
            }
            Err(refusal) => {
                self.refusal = Some(refusal);
                Outcome::Stay
            }
        }
    }

    /// What changed: `key old → new`, one after another (the layers as a shape, `2-8-1`).
    fn summary(&self, changed: &Scenario) -> String {
        (0..self.fields.len())
            .filter(|&i| self.changed(i))
            .map(|i| match self.fields[i].kind {
                Kind::Hidden => format!(
                    "{} {} → {}",
                    self.fields[i].key,
                    shape(&self.base.layers),
                    shape(&changed.layers)
                ),
                _ => format!(
                    "{} {} → {}",
                    self.fields[i].key, self.original[i], self.values[i]
                ),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `w`: asks for the path, unless changes wait to be applied (the file saves the run as
    /// it runs).
    fn ask_path(&mut self) {
        if (0..self.fields.len()).any(|i| self.changed(i)) {
            self.refusal = Some(words!("settings-save-apply-first"));
        } else {
            self.refusal = None;
            self.saving = Some(SavePrompt {
                path: self.default_path.clone(),
                replacing: false,
            });
        }
    }

    fn update_saving(&mut self, input: SettingsInput) -> Outcome {
        let Some(prompt) = &mut self.saving else {
            return Outcome::Stay;
        };
        match input {
            SettingsInput::Type(c) => {
                prompt.path.push(c);
                prompt.replacing = false;
            }
            SettingsInput::Erase => {
                prompt.path.pop();
                prompt.replacing = false;
            }
            SettingsInput::Close => {
                self.saving = None;
                self.refusal = None;
            }
            SettingsInput::Confirm if !prompt.path.trim().is_empty() => {
                return Outcome::Save {
                    path: prompt.path.trim().to_string(),
                    replace: prompt.replacing,
                };
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// A file is where the path points: the next Enter replaces it, and the panel says so.
    pub fn confirm_replace(&mut self) {
        if let Some(prompt) = &mut self.saving {
            prompt.replacing = true;
        }
    }
}

/// The value after `value` (or before it) for a setting of `kind`.
fn stepped(kind: Kind, value: &str, forward: bool) -> String {
    match kind {
        Kind::Choice(names) => {
            let names = names();
            let at = names.iter().position(|n| *n == value).unwrap_or(0);
            let n = names.len();
            names[if forward {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            }]
            .to_string()
        }
        Kind::Ladder(rungs) => {
            let x: f64 = value.parse().unwrap_or(rungs[0]);
            let next = if forward {
                rungs.iter().find(|&&r| r > x).or(rungs.last())
            } else {
                rungs.iter().rev().find(|&&r| r < x).or(rungs.first())
            };
            next.copied().unwrap_or(x).to_string()
        }
        Kind::Steps(most) => {
            let hundredths = (value.parse::<f64>().unwrap_or(0.0) * 100.0).round();
            let moved = if forward {
                hundredths + 5.0
            } else {
                hundredths - 5.0
            };
            (moved.clamp(0.0, most * 100.0) / 100.0).to_string()
        }
        Kind::Count => {
            let n: u64 = value.parse().unwrap_or(0);
            let moved = if forward {
                n.saturating_add(1)
            } else {
                n.saturating_sub(1)
            };
            moved.to_string()
        }
        Kind::Toggle => (value != "true").to_string(),
        Kind::Hidden => value
            .split(',')
            .map(|size| {
                let n: usize = size.trim().parse().unwrap_or(1);
                let moved = if forward {
                    n + 1
                } else {
                    n.saturating_sub(1).max(1)
                };
                moved.to_string()
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}
