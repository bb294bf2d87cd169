//! The app's state and how each message changes it. Nothing here draws.

use std::time::{Duration, Instant};

use super::compare::Comparison;
use super::curves::{Curves, Point, XAxis};
use super::message::Message;
use super::theme::Theme;
use crate::nn::health::{LayerHealth, layer_health};
use crate::nn::{Phase, Stepper};
use crate::scenario::{BUILTINS, Scenario, ScenarioError};
use crate::text::divergence::describe;

/// What the phase panel explains and the diagram marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Neuron `index` of layer `layer` (0 = the inputs, L = the outputs).
    Neuron {
        /// 0..=L
        layer: usize,
        /// 0-based
        index: usize,
    },
    /// The weight in row `row`, column `col` of layer `layer`'s matrix (1..=L).
    Weight {
        /// 1..=L
        layer: usize,
        /// the neuron it feeds
        row: usize,
        /// the neuron it comes from
        col: usize,
    },
}

/// How fast auto-run goes: every `every` ticks it performs `phases` phases or `iterations`
/// iterations; the last speed runs the fast path for most of each frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speed {
    /// Shown in the status bar.
    pub label: &'static str,
    /// Ticks between steps.
    pub every: u32,
    /// What one step does.
    pub pace: Pace,
}

/// What one auto-run step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// This many phases.
    Phases(u32),
    /// This many whole iterations.
    Iterations(u64),
    /// As many iterations as fit in [`FULL_SPEED_BUDGET`], through the fast path.
    Full,
}

/// The auto-run speeds, slowest first (one tick is about 1/30 s).
pub const SPEEDS: &[Speed] = &[
    Speed {
        label: "2 phases/s",
        every: 15,
        pace: Pace::Phases(1),
    },
    Speed {
        label: "10 phases/s",
        every: 3,
        pace: Pace::Phases(1),
    },
    Speed {
        label: "30 iterations/s",
        every: 1,
        pace: Pace::Iterations(1),
    },
    Speed {
        label: "3000 iterations/s",
        every: 1,
        pace: Pace::Iterations(100),
    },
    Speed {
        label: "full speed",
        every: 1,
        pace: Pace::Full,
    },
];

/// The time a full-speed tick spends training before the screen is drawn again.
pub const FULL_SPEED_BUDGET: Duration = Duration::from_millis(25);

/// Lines the values panel scrolls at a time.
pub const PAGE: u16 = 10;

/// The fewest and most decimal places.
pub const PRECISION: (usize, usize) = (1, 10);

/// One entry of the scenario picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickerEntry {
    /// A built-in name or a file path.
    pub source: String,
    /// What the picker shows.
    pub label: String,
}

/// A window over the main screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Popup {
    /// The keys.
    Help,
    /// The scenarios to choose from, and the highlighted one.
    Picker {
        /// built-ins, then files in `scenarios/`
        entries: Vec<PickerEntry>,
        /// the highlighted entry
        cursor: usize,
    },
}

/// The whole state of the stepping view.
pub struct App {
    /// The scenario being stepped.
    pub scenario: Scenario,
    /// Where the scenario was loaded from (a built-in name or a path).
    pub source: String,
    /// The phase machine.
    pub stepper: Stepper,
    /// The costs after every completed iteration.
    pub curves: Curves,
    /// Decimal places in the panels.
    pub precision: usize,
    /// What the plots' x axis counts.
    pub x_axis: XAxis,
    /// Whether the plots use a log scale.
    pub log_y: bool,
    /// The open popup.
    pub popup: Option<Popup>,
    /// A message for the user (a divergence, the end of the history, a load error).
    pub notice: Option<String>,
    /// Whether auto-run is on.
    pub running: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// The held-out test set, evaluated only when asked.
    pub test_set: crate::data::Dataset,
    /// Compare mode: the scenario's copies, stepped in lockstep.
    pub comparison: Option<Comparison>,
    /// How many lines the values panel is scrolled down.
    pub values_scroll: u16,
    /// Whether accuracy and the confusion matrix replace the cost charts.
    pub show_classes: bool,
    /// The confusion matrix shown in that view, and the number of completed iterations it
    /// was computed after (kept so that frames do not recompute it).
    pub confusion: Option<(u64, Vec<Vec<usize>>)>,
    /// Whether the gradient health view replaces the values panel.
    pub show_health: bool,
    /// The gradient health of the latest iteration that got as far as its gradients, with
    /// that iteration's epoch and number.
    pub health: Option<(usize, usize, Vec<LayerHealth>)>,
    /// Colours, or none with `NO_COLOR`.
    pub theme: Theme,
    /// The terminal's size at the last frame, for mouse clicks.
    pub size: (u16, u16),
    chosen: Option<Selection>,
    ticks: u32,
}

impl App {
    /// The app on a scenario (a file path or a built-in name).
    pub fn load(source: &str) -> Result<App, ScenarioError> {
        let scenario = Scenario::load(source)?;
        let setup = scenario.setup()?;
        let stepper = setup.stepper();
        let mut app = App {
            scenario,
            source: source.to_string(),
            stepper,
            curves: Curves::default(),
            precision: 4,
            x_axis: XAxis::Iterations,
            log_y: false,
            popup: None,
            notice: None,
            running: false,
            speed: 1,
            quit: false,
            show_health: false,
            show_classes: false,
            confusion: None,
            values_scroll: 0,
            health: None,
            comparison: None,
            test_set: setup.splits.test,
            theme: Theme::from_env(),
            size: (120, 40),
            chosen: None,
            ticks: 0,
        };
        app.record_point();
        Ok(app)
    }

    /// What the panels explain now: the user's choice (reset when the phase moves on to
    /// another layer), else the phase's own default.
    pub fn selection(&self) -> Option<Selection> {
        let default = default_selection(self.stepper.phase(), self.depth())?;
        Some(self.chosen.unwrap_or(default))
    }

    /// Keeps the user's choice into the new phase only where it is about the same layer as
    /// the new phase's own default.
    fn phase_changed(&mut self) {
        if self.stepper.reached(Phase::Gradients) {
            self.health = Some((
                self.stepper.epoch(),
                self.stepper.iteration(),
                layer_health(self.stepper.network(), self.stepper.workspace()),
            ));
        }
        let default = default_selection(self.stepper.phase(), self.depth());
        let same_layer = match (self.chosen, default) {
            (
                Some(Selection::Neuron { layer: a, .. }),
                Some(Selection::Neuron { layer: b, .. }),
            )
            | (
                Some(Selection::Weight { layer: a, .. }),
                Some(Selection::Weight { layer: b, .. }),
            ) => a == b,
            _ => false,
        };
        if !same_layer {
            self.chosen = None;
        }
    }

    fn depth(&self) -> usize {
        self.stepper.network().depth()
    }

    /// Handles one message.
    pub fn update(&mut self, message: Message) {
        self.handle(message);
        let completed = self.stepper.completed();
        if self.show_classes
            && self
                .confusion
                .as_ref()
                .is_none_or(|(at, _)| *at != completed)
        {
            self.confusion = Some((completed, self.confusion_matrix()));
        }
    }

    /// The confusion matrix, after the completed iterations, over the validation set (or the
    /// training set when none is held out).
    fn confusion_matrix(&self) -> Vec<Vec<usize>> {
        let s = &self.stepper;
        let network = if s.phase() == Phase::Done {
            s.network()
        } else {
            s.weights_before()
        };
        let (train, validation) = (s.train_set(), s.validation_set());
        let shown = if validation.is_empty() {
            train
        } else {
            validation
        };
        let mut workspace = crate::nn::Workspace::for_evaluation(network, shown.len());
        let classes = train.targets.nrows().max(2);
        crate::nn::evaluate::confusion(network, shown, classes, &mut workspace)
    }

    fn handle(&mut self, message: Message) {
        if let Some(popup) = &mut self.popup {
            match (popup, message) {
                (_, Message::Quit) => self.quit = true,
                (_, Message::Close) | (Popup::Help, Message::ShowHelp) => self.popup = None,
                (Popup::Picker { entries, cursor }, Message::SelectNext) => {
                    *cursor = (*cursor + 1) % entries.len().max(1);
                }
                (Popup::Picker { entries, cursor }, Message::SelectPrevious) => {
                    *cursor = (*cursor + entries.len().max(1) - 1) % entries.len().max(1);
                }
                (Popup::Picker { entries, cursor }, Message::Confirm) => {
                    if let Some(entry) = entries.get(*cursor).cloned() {
                        self.popup = None;
                        self.open(&entry.source);
                    }
                }
                _ => {}
            }
            return;
        }
        if let Some(comparison) = &mut self.comparison {
            let result = match message {
                Message::NextPhase => Some(comparison.step()),
                Message::PreviousPhase => Some(if comparison.back() {
                    Ok(())
                } else {
                    Err("The history ends here.".to_string())
                }),
                Message::FinishIteration => Some(comparison.finish_iteration()),
                Message::FinishEpoch => Some(comparison.finish_epoch()),
                Message::Tick => match due(self.running, &mut self.ticks, self.speed) {
                    Some(pace) => Some(comparison.advance(pace)),
                    None => return,
                },
                _ => None,
            };
            if let Some(result) = result {
                if message != Message::Tick {
                    self.running = false;
                }
                match result {
                    Ok(()) => self.notice = None,
                    Err(problem) => {
                        self.running = false;
                        self.notice = Some(problem);
                    }
                }
                return;
            }
        }
        match message {
            Message::ToggleCompare => {
                self.running = false;
                if self.comparison.take().is_none() {
                    match Comparison::new(&self.scenario) {
                        Ok(c) => {
                            self.comparison = Some(c);
                            self.notice = None;
                        }
                        Err(e) => self.notice = Some(e),
                    }
                }
            }
            Message::NextPhase => {
                self.running = false;
                self.step();
            }
            Message::PreviousPhase => {
                self.running = false;
                self.back();
            }
            Message::FinishIteration => {
                self.running = false;
                self.iterate(|_| true);
            }
            Message::FinishEpoch => {
                self.running = false;
                self.iterate(|s| s.iteration() == s.iterations_per_epoch());
            }
            Message::ToggleRun => {
                self.running = !self.running;
                self.ticks = 0;
                if self.running {
                    self.notice = None;
                }
            }
            Message::Faster => self.speed = (self.speed + 1).min(SPEEDS.len() - 1),
            Message::Slower => self.speed = self.speed.saturating_sub(1),
            Message::SelectNext => self.move_selection(1),
            Message::SelectPrevious => self.move_selection(-1),
            Message::SelectNextLayer => self.next_layer(),
            Message::MorePrecision => self.precision = (self.precision + 1).min(PRECISION.1),
            Message::LessPrecision => {
                self.precision = self.precision.saturating_sub(1).max(PRECISION.0);
            }
            Message::ToggleXAxis => {
                self.x_axis = match self.x_axis {
                    XAxis::Iterations => XAxis::Epochs,
                    XAxis::Epochs => XAxis::Iterations,
                };
            }
            Message::ToggleLogY => self.log_y = !self.log_y,
            Message::ToggleHealth => self.show_health = !self.show_health,
            Message::EvaluateTest => self.evaluate_test(),
            Message::ToggleClasses => self.show_classes = !self.show_classes,
            Message::ScrollDown => self.values_scroll = self.values_scroll.saturating_add(PAGE),
            Message::ScrollUp => self.values_scroll = self.values_scroll.saturating_sub(PAGE),
            Message::Reset => {
                let source = self.source.clone();
                self.open(&source);
            }
            Message::OpenPicker => {
                self.running = false;
                self.popup = Some(Popup::Picker {
                    entries: picker_entries(),
                    cursor: 0,
                });
            }
            Message::ShowHelp => self.popup = Some(Popup::Help),
            Message::Close => self.notice = None,
            Message::Confirm => {}
            Message::Quit => self.quit = true,
            Message::Tick => self.tick(),
            Message::Click { column, row } => self.click(column, row),
        }
    }

    /// Loads another scenario, keeping the current one if it cannot be loaded.
    fn open(&mut self, source: &str) {
        match App::load(source) {
            Ok(mut next) => {
                next.precision = self.precision;
                next.x_axis = self.x_axis;
                next.log_y = self.log_y;
                next.speed = self.speed;
                next.size = self.size;
                next.theme = self.theme;
                next.show_health = self.show_health;
                next.show_classes = self.show_classes;
                *self = next;
            }
            Err(e) => self.notice = Some(e.to_string()),
        }
    }

    fn evaluate_test(&mut self) {
        self.running = false;
        if self.test_set.is_empty() {
            self.notice =
                Some("No test set is held out: set `test` in the scenario's [data].".into());
            return;
        }
        let network = self.stepper.network();
        let mut workspace = crate::nn::Workspace::for_evaluation(network, self.test_set.len());
        let c = crate::nn::evaluate::evaluate(network, &self.test_set, &mut workspace);
        self.notice = Some(format!(
            "Test set ({} samples): MSE {:.4}, cross-entropy {:.4}, accuracy {:.1}%. {}",
            self.test_set.len(),
            c.mse,
            c.cross_entropy,
            100.0 * (1.0 - c.classification_error),
            crate::data::TEST_NOTE
        ));
    }

    fn step(&mut self) {
        let result = self.stepper.step();
        self.phase_changed();
        match result {
            Ok(()) => {
                self.notice = None;
                if self.stepper.phase() == Phase::Done {
                    self.record_point();
                }
            }
            Err(divergence) => self.diverged(describe(&divergence)),
        }
    }

    fn back(&mut self) {
        if self.stepper.back() {
            self.phase_changed();
            self.notice = None;
            self.curves.truncate_after(self.stepper.completed());
        } else {
            self.notice = Some(if self.stepper.completed() == 0 {
                "This is the start: nothing to undo.".to_string()
            } else {
                "The history ends here: it keeps up to 10 000 earlier iterations (16 MiB), \
                 and none from before a run at full speed."
                    .to_string()
            });
        }
    }

    /// Finishes whole iterations, adding a point to the curves after each, until `enough`
    /// says so (checked after each) or the run diverges.
    fn iterate(&mut self, mut enough: impl FnMut(&Stepper) -> bool) {
        loop {
            let result = self.stepper.finish_iteration();
            self.phase_changed();
            if let Err(divergence) = result {
                self.diverged(describe(&divergence));
                return;
            }
            self.notice = None;
            self.record_point();
            if enough(&self.stepper) {
                return;
            }
        }
    }

    /// Runs `action` (the fast path), adding one point to the curves at its end.
    fn finish(&mut self, action: impl FnOnce(&mut Stepper) -> Result<(), crate::nn::Divergence>) {
        let before = self.stepper.completed();
        let result = action(&mut self.stepper);
        self.phase_changed();
        if self.stepper.completed() > before {
            self.record_point();
        }
        match result {
            Ok(()) => self.notice = None,
            Err(divergence) => self.diverged(describe(&divergence)),
        }
    }

    fn diverged(&mut self, message: String) {
        self.running = false;
        self.notice = Some(message);
    }

    fn record_point(&mut self) {
        let completed = self.stepper.completed();
        self.curves.push(Point {
            iteration: completed,
            epoch: completed as f64 / self.stepper.iterations_per_epoch() as f64,
            train: self.stepper.costs(),
            validation: self.stepper.validation_costs(),
        });
    }

    fn tick(&mut self) {
        let Some(pace) = due(self.running, &mut self.ticks, self.speed) else {
            return;
        };
        match pace {
            Pace::Phases(n) => {
                for _ in 0..n {
                    self.step();
                }
            }
            Pace::Iterations(n) => {
                let mut left = n;
                self.iterate(|_| {
                    left -= 1;
                    left == 0
                });
            }
            Pace::Full => {
                let start = Instant::now();
                let mut chunk = 256u64;
                while self.running && start.elapsed() < FULL_SPEED_BUDGET {
                    let before = Instant::now();
                    self.finish(|s| s.fast_forward(chunk));
                    if before.elapsed() < FULL_SPEED_BUDGET / 8 {
                        chunk = chunk.saturating_mul(2);
                    }
                }
            }
        }
    }

    fn move_selection(&mut self, by: isize) {
        let Some(selection) = self.selection() else {
            return;
        };
        let sizes = self.stepper.network().sizes();
        self.chosen = Some(match selection {
            Selection::Neuron { layer, index } => Selection::Neuron {
                layer,
                index: wrap(index, by, sizes[layer]),
            },
            Selection::Weight { layer, row, col } => {
                let cols = sizes[layer - 1];
                let flat = wrap(row * cols + col, by, sizes[layer] * cols);
                Selection::Weight {
                    layer,
                    row: flat / cols,
                    col: flat % cols,
                }
            }
        });
    }

    fn next_layer(&mut self) {
        let Some(selection) = self.selection() else {
            return;
        };
        let depth = self.depth();
        self.chosen = Some(match selection {
            Selection::Neuron { layer, .. } => Selection::Neuron {
                layer: (layer + 1) % (depth + 1),
                index: 0,
            },
            Selection::Weight { layer, .. } => Selection::Weight {
                layer: layer % depth + 1,
                row: 0,
                col: 0,
            },
        });
    }

    /// Selects the neuron, or else the weight, under a click on the diagram.
    fn click(&mut self, column: u16, row: u16) {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let regions = super::ui::layout(area, self.scenario.image);
        let sizes = self.stepper.network().sizes();
        let (region, precision, selected) = (regions.network, self.precision, self.selection());
        if let Some((layer, index)) =
            super::ui::network::neuron_at(region, &sizes, selected, precision, column, row)
        {
            self.chosen = Some(Selection::Neuron { layer, index });
        } else if let Some((layer, row, col)) =
            super::ui::network::edge_at(region, &sizes, selected, precision, column, row)
        {
            self.chosen = Some(Selection::Weight { layer, row, col });
        }
    }
}

/// Counts a tick of auto-run at `speed`; the pace of the step that is due now, if one is.
fn due(running: bool, ticks: &mut u32, speed: usize) -> Option<Pace> {
    if !running {
        return None;
    }
    let speed = SPEEDS[speed];
    *ticks += 1;
    if *ticks < speed.every {
        return None;
    }
    *ticks = 0;
    Some(speed.pace)
}

fn wrap(index: usize, by: isize, len: usize) -> usize {
    let len = len.max(1) as isize;
    ((index as isize + by).rem_euclid(len)) as usize
}

/// The selection a phase starts with.
pub fn default_selection(phase: Phase, depth: usize) -> Option<Selection> {
    let neuron = |layer| Some(Selection::Neuron { layer, index: 0 });
    let weight = |layer| {
        Some(Selection::Weight {
            layer,
            row: 0,
            col: 0,
        })
    };
    match phase {
        Phase::Start => None,
        Phase::Forward(l) | Phase::HiddenDelta(l) => neuron(l),
        Phase::Loss | Phase::OutputDelta | Phase::Done => neuron(depth),
        Phase::Gradients => weight(depth),
        Phase::Update(l) => weight(l),
    }
}

/// The built-in scenarios, then the `.toml` files in `scenarios/` under the current folder
/// that are not built-ins.
pub fn picker_entries() -> Vec<PickerEntry> {
    let mut entries: Vec<PickerEntry> = BUILTINS
        .iter()
        .map(|b| PickerEntry {
            source: b.name.to_string(),
            label: match Scenario::load(b.name) {
                Ok(s) => format!("{:<18} {}", b.name, s.name),
                Err(_) => b.name.to_string(),
            },
        })
        .collect();
    if let Ok(dir) = std::fs::read_dir("scenarios") {
        let mut files: Vec<String> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .filter(|p| {
                let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned());
                !BUILTINS.iter().any(|b| Some(b.name.to_string()) == stem)
            })
            .map(|p| p.display().to_string())
            .collect();
        files.sort();
        entries.extend(files.into_iter().map(|f| PickerEntry {
            label: format!("{f:<18} (file)"),
            source: f,
        }));
    }
    entries
}
