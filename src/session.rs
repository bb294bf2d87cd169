//! A saved session (`S` in the view, `backstep resume FILE`): the scenario as run — where it
//! came from, the settings written into it (`--set` and the settings panel) and the text
//! they gave — the position of every run (iterations completed and the phase), the view's
//! toggles, the language, and a lesson's place and answers. Resuming reads the scenario
//! again with the same settings and refuses it, saying which keys changed, when that no
//! longer gives the same text; otherwise it replays to the same numbers.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::lesson::progress::LessonProgress;
use crate::scenario::set::Override;
use crate::text::untrusted;
use crate::words;

/// The version of the session format this build writes and reads.
pub const VERSION: u32 = 1;

/// Everything a session keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The format's version, [`VERSION`].
    pub version: u32,
    /// The scenario: a built-in's name or a file's path, as it was opened.
    pub source: String,
    /// The settings written into it, in order (`--set`, then the settings panel's).
    #[serde(default)]
    pub settings: Vec<Override>,
    /// The scenario's text with the settings written in, as it ran.
    pub text: String,
    /// The fingerprints of its training, validation and test data, in hexadecimal.
    pub data: String,
    /// `en` or `ko`.
    pub language: String,
    /// Each run's place: the one run, or every copy in compare mode.
    pub positions: Vec<Position>,
    /// What the view showed.
    pub view: ViewState,
    /// The lesson, when the session is one.
    pub lesson: Option<LessonPlace>,
}

/// Where a run stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Iterations completed.
    pub completed: u64,
    /// The phase within the iteration: its position in the iteration's phases (from 0), or
    /// none at the start.
    pub phase: Option<usize>,
    /// Whether `r` went on beyond the scenario's stop.
    pub beyond: bool,
    /// The iterations after which the curves took their points (resuming takes them again).
    pub points: Vec<u64>,
}

/// The view's toggles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewState {
    /// The views shown instead of panels: `classes`, `health`, `boundary`.
    pub panels: Vec<String>,
    /// Plots against epochs (else iterations).
    pub epochs_axis: bool,
    /// Plots on a log scale.
    pub log_y: bool,
    /// Decimal places.
    pub precision: usize,
    /// The sample of the batch shown.
    pub sample: usize,
    /// The light theme.
    pub light: bool,
    /// Compare mode.
    pub compare: bool,
    /// The neuron (`[layer, index]`) or weight (`[layer, row, column]`) chosen, if any.
    pub selection: Option<Vec<usize>>,
    /// Practice mode's score (right at the first try, asked), when it is on.
    pub practice: Option<[u32; 2]>,
}

/// A lesson's place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonPlace {
    /// The lesson's name.
    pub name: String,
    /// Its stop and answers.
    pub progress: LessonProgress,
}

/// Why a session cannot be saved or resumed.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The file could not be read.
    #[error(transparent)]
    Read(#[from] crate::scenario::FileError),
    /// The file could not be written.
    #[error("{}", words!("session-write", file = file.clone(), reason = reason.clone()))]
    Write {
        /// The file, escaped.
        file: String,
        /// What the system said.
        reason: String,
    },
    /// The file is not a session this build reads.
    #[error("{}", words!("session-invalid", file = file.clone(), reason = reason.clone()))]
    Invalid {
        /// The file, escaped.
        file: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The scenario reads the same, but its data changed.
    #[error("{}", words!("session-data-changed", file = file.clone(), scenario = scenario.clone()))]
    DataChanged {
        /// The session file, escaped.
        file: String,
        /// The scenario, escaped.
        scenario: String,
    },
    /// The scenario no longer reads as it did.
    #[error("{}", words!("session-changed", file = file.clone(), scenario = scenario.clone(), changes = changes.clone()))]
    Changed {
        /// The session file, escaped.
        file: String,
        /// The scenario, escaped.
        scenario: String,
        /// The keys whose values changed, with both values.
        changes: String,
    },
}

impl Session {
    /// The session as TOML.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a session is plain data")
    }

    /// Writes the session to `path` whole.
    pub fn save(&self, path: &Path) -> Result<(), SessionError> {
        crate::files::write_whole(path, self.to_toml().as_bytes()).map_err(|e| {
            SessionError::Write {
                file: untrusted::path(path),
                reason: e.to_string(),
            }
        })
    }

    /// Reads a session file.
    pub fn load(path: &Path) -> Result<Session, SessionError> {
        let file = untrusted::path(path);
        let text = crate::scenario::file::read_text(path, crate::scenario::FileKind::Session)?;
        let invalid = |reason: String| SessionError::Invalid {
            file: file.clone(),
            reason: untrusted::printable(&reason),
        };
        let session: Session =
            toml::from_str(&text).map_err(|e| invalid(e.message().to_string()))?;
        if session.version != VERSION {
            return Err(invalid(words!(
                "session-version",
                found = session.version.to_string(),
                expected = VERSION.to_string()
            )));
        }
        Ok(session)
    }

    /// Refuses the session when `data`, the fingerprints of the data read again, are not
    /// those it ran on.
    pub fn check_data(&self, file: &Path, data: &str) -> Result<(), SessionError> {
        if data == self.data {
            return Ok(());
        }
        Err(SessionError::DataChanged {
            file: untrusted::path(file),
            scenario: untrusted::printable(&self.source),
        })
    }

    /// Refuses the session when `now`, the scenario's text read again with the session's
    /// settings, is not the text it ran: the message names every key that changed.
    pub fn check(&self, file: &Path, now: &str) -> Result<(), SessionError> {
        if now == self.text {
            return Ok(());
        }
        Err(SessionError::Changed {
            file: untrusted::path(file),
            scenario: untrusted::printable(&self.source),
            changes: changes(&self.text, now),
        })
    }
}

/// The keys whose values differ between two scenario texts, `key: then → now` (at most six,
/// then how many more), or a word when a text does not read as TOML.
fn changes(then: &str, now: &str) -> String {
    let (Ok(then), Ok(now)) = (then.parse::<toml::Table>(), now.parse::<toml::Table>()) else {
        return words!("session-changed-text");
    };
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    flatten("", &toml::Value::Table(then), &mut a);
    flatten("", &toml::Value::Table(now), &mut b);
    let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let gone = words!("session-changed-none");
    let differ: Vec<String> = keys
        .into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| {
            let show = |v: Option<&String>| v.map_or(gone.clone(), |v| cut(v));
            format!("{k}: {} → {}", show(a.get(k)), show(b.get(k)))
        })
        .collect();
    let mut shown: Vec<String> = differ.iter().take(6).cloned().collect();
    if differ.len() > 6 {
        shown.push(words!(
            "session-changed-more",
            n = (differ.len() - 6).to_string()
        ));
    }
    untrusted::printable(&shown.join("; "))
}

/// A value written briefly: at most 40 characters.
fn cut(value: &str) -> String {
    match value.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &value[..i]),
        None => value.to_string(),
    }
}

/// Every value of `value` under its dotted key (tables walked, arrays kept whole).
fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, inner) in table {
                let key = match prefix {
                    "" => key.clone(),
                    _ => format!("{prefix}.{key}"),
                };
                flatten(&key, inner, out);
            }
        }
        other => {
            out.insert(prefix.to_string(), other.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changes_name_each_key_with_both_values() {
        let then =
            "[training]\nlearning_rate = 0.5\nloss = \"mse\"\n[network]\nlayers = [2, 2, 1]\n";
        let now = "[training]\nlearning_rate = 0.3\nloss = \"mse\"\n[network]\nlayers = [2, 5, 1]\nbias = \"none\"\n";
        assert_eq!(
            changes(then, now),
            "network.bias: (none) → \"none\"; network.layers: [2, 2, 1] → [2, 5, 1]; \
             training.learning_rate: 0.5 → 0.3"
        );
    }
}
