//! Saving a scenario as run: its text (with `--set` and the settings panel's changes written
//! in) to a file that `check` accepts and that trains the same numbers. A data file is named
//! from where the saved file is; a built-in's compiled-in data set is written beside it.

use std::path::{Path, PathBuf};

use super::set::{self, Override};
use super::{DataSource, Scenario};
use crate::text::untrusted;

/// Why a scenario could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing a file failed.
    #[error("{}", crate::words!("error-save-io", file = file.clone(), reason = source.to_string()))]
    Io {
        /// The file, escaped.
        file: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// A built-in's data set would be written beside the scenario, but a different file of
    /// its name is there.
    #[error("{}", crate::words!("error-save-data-differs", file = file.clone()))]
    DataDiffers {
        /// The data file, escaped.
        file: String,
    },
    /// A path that is not UTF-8 cannot be written into a TOML file.
    #[error("{}", crate::words!("error-save-path", file = file.clone()))]
    Path {
        /// The path, escaped.
        file: String,
    },
}

/// Writes `scenario` to `target` whole (staged, then renamed), with a built-in's data set
/// beside it when it has one; the files written, the scenario last.
pub fn save(scenario: &Scenario, target: &Path) -> Result<Vec<PathBuf>, SaveError> {
    let folder = match target.parent() {
        Some(f) if !f.as_os_str().is_empty() => f.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut written = Vec::new();
    let data_file = match &scenario.data {
        DataSource::File(path, _) => Some(relative(path, &folder)?),
        DataSource::Embedded(asset, _) => {
            let beside = folder.join(asset.name);
            match std::fs::read(&beside) {
                Ok(bytes) if bytes != asset.text.as_bytes() => {
                    return Err(SaveError::DataDiffers {
                        file: untrusted::path(&beside),
                    });
                }
                Ok(_) => {}
                Err(_) => {
                    write(&beside, asset.text.as_bytes())?;
                    written.push(beside);
                }
            }
            Some(asset.name.to_string())
        }
        DataSource::Inline(_) | DataSource::Generated { .. } => None,
    };
    let text = match data_file {
        Some(name) => {
            let quoted = toml_edit::Value::from(name).to_string();
            set::apply(&scenario.text, &[Override::new("data.file", &quoted)])
                .unwrap_or_else(|_| scenario.text.to_string())
        }
        None => scenario.text.to_string(),
    };
    write(target, text.as_bytes())?;
    written.push(target.to_path_buf());
    Ok(written)
}

/// `path` as the saved file names it: relative to `folder` where it can be, else absolute.
fn relative(path: &Path, folder: &Path) -> Result<String, SaveError> {
    let unwritable = || SaveError::Path {
        file: untrusted::path(path),
    };
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let named = std::fs::canonicalize(folder)
        .ok()
        .and_then(|f| pathdiff::diff_paths(&absolute, f))
        .unwrap_or(absolute);
    named.to_str().map(str::to_string).ok_or_else(unwritable)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    crate::files::write_whole(path, bytes).map_err(|source| SaveError::Io {
        file: untrusted::path(path),
        source,
    })
}
