//! Checks each stop of a lesson against its scenario: the scenario exists, the phase exists
//! for its network, selections and questions name neurons and weights that exist, `compare`
//! has a `[compare]` table, choices are 2 to 6 and the answer is one of them.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use super::error::LessonError;
use super::raw::{Ask, RawCost, RawLesson, RawQuestion, RawSelect, RawStop};
use super::stop::{Lesson, Question, Show, Stop};
use crate::nn::{Cost, Phase};
use crate::practice::{Quantity, TOLERANCE};
use crate::scenario::Scenario;
use crate::scenario::check::locate;
use crate::scenario::expected_found;
use crate::selection::Selection;
use crate::words;

/// Builds the error for a span of the file, a key and a message.
pub(super) type Invalid<'a> = dyn Fn(Option<Range<usize>>, &str, String) -> LessonError + 'a;

/// The most iterations a stop may be into training (so `check` stays quick).
pub const MAX_ITERATION: u64 = 1_000_000;

/// Checks a lesson file's stops, pointing errors at the values in its text.
pub(super) struct Checker<'a> {
    /// The parsed file, with the spans of its values.
    pub(super) tree: &'a DeTable<'a>,
    /// Makes an error located in the file.
    pub(super) invalid: &'a Invalid<'a>,
    /// Where scenarios named by path are looked for.
    pub(super) folder: Option<&'a Path>,
}

impl Checker<'_> {
    fn error(&self, key: &str, message: String) -> LessonError {
        (self.invalid)(locate(self.tree, key), key, message)
    }

    /// The error for `key`, where the required key `name` is missing.
    fn missing(&self, key: &str, name: &str) -> LessonError {
        self.error(key, words!("error-missing-key", key = format!("`{name}`")))
    }

    /// The lesson, every stop checked.
    pub(super) fn lesson(
        &self,
        raw: RawLesson,
        name: &str,
        file: &str,
    ) -> Result<Lesson, LessonError> {
        if raw.stop.is_empty() {
            return Err(self.error("lesson", words!("error-lesson-no-stops")));
        }
        let mut scenarios = HashMap::new();
        let stops = raw
            .stop
            .into_iter()
            .enumerate()
            .map(|(i, stop)| self.stop(i, stop, &mut scenarios))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Lesson {
            name: name.to_string(),
            origin: file.to_string(),
            source: name.to_string(),
            title: raw.lesson.title,
            description: raw.lesson.description,
            stops,
        })
    }

    fn stop(
        &self,
        i: usize,
        raw: RawStop,
        scenarios: &mut HashMap<String, (String, Scenario)>,
    ) -> Result<Stop, LessonError> {
        let key = |k: &str| format!("stop[{i}].{k}");
        if !scenarios.contains_key(&raw.scenario) {
            let loaded = self.scenario(&raw.scenario, &key("scenario"))?;
            scenarios.insert(raw.scenario.clone(), loaded);
        }
        let (source, scenario) = scenarios[&raw.scenario].clone();
        let sizes = &scenario.layers;
        let depth = sizes.len() - 1;
        let iteration = raw.iteration.unwrap_or(1);
        if !(1..=MAX_ITERATION).contains(&iteration) {
            return Err(self.error(
                &key("iteration"),
                expected_found(
                    words!(
                        "error-lesson-what-iteration",
                        max = MAX_ITERATION.to_string()
                    ),
                    iteration.to_string(),
                ),
            ));
        }
        let phase = match raw.phase.as_deref() {
            None => Phase::Start,
            Some(text) => phase_named(text, depth).ok_or_else(|| {
                let names: Vec<String> = phases(depth).iter().map(|p| phase_name(*p)).collect();
                self.error(
                    &key("phase"),
                    words!(
                        "error-lesson-phase",
                        depth = depth.to_string(),
                        names = names.join(", "),
                        phase = text.to_string(),
                    ),
                )
            })?,
        };
        let show = raw.show.unwrap_or_default();
        if show == Show::Compare && scenario.comparison.is_none() {
            return Err(self.error(
                &key("show"),
                words!("error-lesson-show-compare", scenario = raw.scenario.clone()),
            ));
        }
        let select = match raw.select {
            Some(s) => Some(self.select(&key("select"), s, sizes)?),
            None => None,
        };
        let question = match raw.question {
            Some(q) => Some(self.question(&key("question"), q, sizes)?),
            None => None,
        };
        Ok(Stop {
            title: raw.title,
            scenario_source: source,
            scenario,
            iteration,
            phase,
            show,
            zoom: raw.zoom,
            select,
            text: raw.text,
            question,
        })
    }

    /// A scenario file beside the lesson, else a built-in; `key` is where the file names it.
    fn scenario(&self, name: &str, key: &str) -> Result<(String, Scenario), LessonError> {
        let beside = self.folder.map(|f| f.join(name)).filter(|p| p.is_file());
        let source = match &beside {
            Some(path) => crate::text::untrusted::path(path),
            None if crate::scenario::BUILTINS.iter().any(|b| b.name == name) => name.to_string(),
            None => {
                let builtins: Vec<&str> =
                    crate::scenario::BUILTINS.iter().map(|b| b.name).collect();
                return Err(self.error(
                    key,
                    expected_found(
                        words!("error-lesson-what-scenario", builtins = builtins.join(", ")),
                        format!("`{name}`"),
                    ),
                ));
            }
        };
        let scenario = Scenario::load(&source).map_err(|e| {
            self.error(
                key,
                words!("error-lesson-scenario-invalid", error = e.to_string()),
            )
        })?;
        Ok((source, scenario))
    }

    /// A 1-based index `value` of `key`, checked against `count`, made 0-based; `what` is
    /// what it counts, as the catalog selects it: `neuron`, `row`, `column` or `choice`.
    fn index(
        &self,
        key: &str,
        value: Option<usize>,
        count: usize,
        what: &'static str,
    ) -> Result<usize, LessonError> {
        match value {
            None => Err(self.missing(key, key.rsplit('.').next().unwrap_or(key))),
            Some(v) if (1..=count).contains(&v) => Ok(v - 1),
            Some(v) => Err(self.error(
                key,
                expected_found(
                    words!(
                        "error-lesson-what-index",
                        what = what,
                        count = count.to_string()
                    ),
                    v.to_string(),
                ),
            )),
        }
    }

    /// A layer 0..=L (`inputs` allowed) or 1..=L.
    fn layer(
        &self,
        key: &str,
        value: Option<usize>,
        sizes: &[usize],
        inputs: bool,
    ) -> Result<usize, LessonError> {
        let depth = sizes.len() - 1;
        let low = usize::from(!inputs);
        match value {
            Some(l) if (low..=depth).contains(&l) => Ok(l),
            Some(l) => Err(self.error(
                key,
                expected_found(
                    words!(
                        "error-lesson-what-layer",
                        low = low.to_string(),
                        high = depth.to_string()
                    ),
                    l.to_string(),
                ),
            )),
            None => Err(self.missing(key, "layer")),
        }
    }

    fn select(&self, key: &str, raw: RawSelect, sizes: &[usize]) -> Result<Selection, LessonError> {
        let k = |name: &str| format!("{key}.{name}");
        match (raw.neuron, raw.row, raw.col) {
            (Some(_), None, None) => {
                let layer = self.layer(&k("layer"), Some(raw.layer), sizes, true)?;
                let index = self.index(&k("neuron"), raw.neuron, sizes[layer], "neuron")?;
                Ok(Selection::Neuron { layer, index })
            }
            (None, Some(_), Some(_)) => {
                let layer = self.layer(&k("layer"), Some(raw.layer), sizes, false)?;
                let row = self.index(&k("row"), raw.row, sizes[layer], "row")?;
                let col = self.index(&k("col"), raw.col, sizes[layer - 1], "column")?;
                Ok(Selection::Weight { layer, row, col })
            }
            _ => Err(self.error(key, words!("error-lesson-select"))),
        }
    }

    fn question(
        &self,
        key: &str,
        raw: RawQuestion,
        sizes: &[usize],
    ) -> Result<Question, LessonError> {
        let k = |name: &str| format!("{key}.{name}");
        let takes = takes(raw.ask);
        if let Some((name, _)) = given(&raw).iter().find(|(n, g)| *g && !takes.contains(n)) {
            let question = match raw.ask {
                Some(_) => "number",
                None => "choice",
            };
            return Err(self.error(
                &k(name),
                words!(
                    "error-lesson-unexpected-key",
                    key = name.to_string(),
                    question = question,
                    takes = takes.join(", "),
                ),
            ));
        }
        match (raw.ask, &raw.choices) {
            (Some(ask), None) => {
                let quantity = self.quantity(key, ask, &raw, sizes)?;
                let tolerance = raw.tolerance.unwrap_or(TOLERANCE);
                if !(tolerance.is_finite() && (0.0..1.0).contains(&tolerance)) {
                    return Err(self.error(
                        &k("tolerance"),
                        expected_found(
                            words!("error-lesson-what-tolerance"),
                            tolerance.to_string(),
                        ),
                    ));
                }
                Ok(Question::Number {
                    quantity,
                    tolerance,
                    prompt: raw.prompt,
                })
            }
            (None, Some(choices)) => {
                if !(2..=6).contains(&choices.len()) {
                    return Err(self.error(
                        &k("choices"),
                        words!("error-lesson-choices", found = choices.len().to_string()),
                    ));
                }
                let answer = self.index(&k("answer"), raw.answer, choices.len(), "choice")?;
                let prompt = raw.prompt.ok_or_else(|| self.missing(key, "prompt"))?;
                let explanation = raw
                    .explanation
                    .ok_or_else(|| self.missing(key, "explanation"))?;
                Ok(Question::Choice {
                    prompt,
                    choices: raw.choices.unwrap_or_default(),
                    answer,
                    explanation,
                })
            }
            _ => Err(self.error(key, words!("error-lesson-ask-or-choices"))),
        }
    }

    fn quantity(
        &self,
        key: &str,
        ask: Ask,
        raw: &RawQuestion,
        sizes: &[usize],
    ) -> Result<Quantity, LessonError> {
        let k = |name: &str| format!("{key}.{name}");
        match ask {
            Ask::Output | Ask::Delta => {
                let layer = self.layer(&k("layer"), raw.layer, sizes, false)?;
                let neuron = self.index(&k("neuron"), raw.neuron, sizes[layer], "neuron")?;
                Ok(if ask == Ask::Output {
                    Quantity::Output { layer, neuron }
                } else {
                    Quantity::Delta { layer, neuron }
                })
            }
            Ask::Gradient | Ask::Weight => {
                let layer = self.layer(&k("layer"), raw.layer, sizes, false)?;
                let row = self.index(&k("row"), raw.row, sizes[layer], "row")?;
                let col = self.index(&k("col"), raw.col, sizes[layer - 1], "column")?;
                Ok(if ask == Ask::Gradient {
                    Quantity::Gradient { layer, row, col }
                } else {
                    Quantity::Weight { layer, row, col }
                })
            }
            Ask::Cost => {
                let cost = raw.cost.ok_or_else(|| self.missing(key, "cost"))?;
                Ok(Quantity::Cost(match cost {
                    RawCost::Mse => Cost::Mse,
                    RawCost::HalfMse => Cost::HalfMse,
                    RawCost::CrossEntropy => Cost::CrossEntropy,
                    RawCost::BinaryCrossEntropy => Cost::BinaryCrossEntropy,
                    RawCost::ClassificationError => Cost::ClassificationError,
                }))
            }
        }
    }
}

/// The keys a question takes besides `ask` or `choices` and `prompt`.
fn takes(ask: Option<Ask>) -> &'static [&'static str] {
    match ask {
        Some(Ask::Output | Ask::Delta) => &["layer", "neuron", "tolerance"],
        Some(Ask::Gradient | Ask::Weight) => &["layer", "row", "col", "tolerance"],
        Some(Ask::Cost) => &["cost", "tolerance"],
        None => &["answer", "explanation"],
    }
}

/// Which of those keys the file gives.
fn given(raw: &RawQuestion) -> [(&'static str, bool); 8] {
    [
        ("layer", raw.layer.is_some()),
        ("neuron", raw.neuron.is_some()),
        ("row", raw.row.is_some()),
        ("col", raw.col.is_some()),
        ("cost", raw.cost.is_some()),
        ("tolerance", raw.tolerance.is_some()),
        ("answer", raw.answer.is_some()),
        ("explanation", raw.explanation.is_some()),
    ]
}

/// Every phase a stop can be at in a network of `depth` layers: Start, then one iteration's.
pub fn phases(depth: usize) -> Vec<Phase> {
    let mut all = vec![Phase::Start];
    all.extend(Phase::sequence(depth));
    all
}

/// A phase as lesson files write it: `start`, `forward-1`, `loss`, `output-delta`,
/// `hidden-delta-1`, `gradients`, `update-2`, `done`.
pub fn phase_name(phase: Phase) -> String {
    match phase {
        Phase::Start => "start".into(),
        Phase::Forward(l) => format!("forward-{l}"),
        Phase::Loss => "loss".into(),
        Phase::OutputDelta => "output-delta".into(),
        Phase::HiddenDelta(l) => format!("hidden-delta-{l}"),
        Phase::Gradients => "gradients".into(),
        Phase::Update(l) => format!("update-{l}"),
        Phase::Done => "done".into(),
    }
}

/// The phase called `name` in a network of `depth` layers, if it has one.
pub fn phase_named(name: &str, depth: usize) -> Option<Phase> {
    phases(depth).into_iter().find(|p| phase_name(*p) == name)
}
