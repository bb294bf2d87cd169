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
    let files = files(scenario, target)?;
    let last = files.len() - 1;
    let mut written = Vec::new();
    for (i, (path, bytes)) in files.into_iter().enumerate() {
        if i < last {
            match std::fs::read(&path) {
                Ok(there) if there != bytes => {
                    return Err(SaveError::DataDiffers {
                        file: untrusted::path(&path),
                    });
                }
                Ok(_) => continue,
                Err(_) => {}
            }
        }
        write(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// The files saving `scenario` at `target` makes, each with what it holds: a built-in's
/// data set beside it first, when it has one, then the scenario's text, naming its data
/// file from where it is saved. A front end without a file system offers them as downloads.
pub fn files(scenario: &Scenario, target: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, SaveError> {
    let folder = match target.parent() {
        Some(f) if !f.as_os_str().is_empty() => f.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut files = Vec::new();
    let data_file = match &scenario.data {
        DataSource::File(path, _) => Some(relative(path, &folder)?),
        DataSource::Embedded(asset, _) => {
            files.push((folder.join(asset.name), asset.text.as_bytes().to_vec()));
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
    files.push((target.to_path_buf(), text.into_bytes()));
    Ok(files)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_builtin_with_data_makes_its_data_set_then_its_text() {
        let digits = Scenario::load("digits").unwrap();
        let files = files(&digits, Path::new("out/d.toml")).unwrap();
        let names: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
        assert_eq!(
            names,
            [Path::new("out/digits.csv"), Path::new("out/d.toml")]
        );
        let DataSource::Embedded(asset, _) = &digits.data else {
            panic!("digits has its data compiled in");
        };
        assert_eq!(files[0].1, asset.text.as_bytes());
        let text = String::from_utf8(files[1].1.clone()).unwrap();
        assert!(text.contains("file = \"digits.csv\""), "{text}");
        let xor = Scenario::load("xor").unwrap();
        assert_eq!(files_of(&xor), ["x.toml"]);
    }

    fn files_of(scenario: &Scenario) -> Vec<String> {
        files(scenario, Path::new("x.toml"))
            .unwrap()
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect()
    }
}
