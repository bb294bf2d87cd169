//! Loading samples from a CSV file: a header row, then one sample per row with the input
//! columns first and the target columns last.

use std::path::{Path, PathBuf};

use super::Dataset;

/// What went wrong reading a data file.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The file could not be opened or read.
    #[error("{}: cannot read the data file: {source}", path.display())]
    Read {
        /// the file
        path: PathBuf,
        /// why
        source: std::io::Error,
    },
    /// The file has no header or no samples.
    #[error("{}: the data file is empty; expected a header row and at least one sample", path.display())]
    Empty {
        /// the file
        path: PathBuf,
    },
    /// A row is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Row {
        /// the file
        path: PathBuf,
        /// 1-based line in the file
        line: u64,
        /// what was expected and what was found
        message: String,
    },
}

/// The largest data file read, in bytes.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Reads `path`, expecting `inputs + outputs` numeric columns per row.
pub fn load(path: &Path, inputs: usize, outputs: usize) -> Result<Dataset, CsvError> {
    let read_error = |source| CsvError::Read {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_BYTES {
        return Err(CsvError::Row {
            path: path.to_path_buf(),
            line: 0,
            message: format!(
                "expected a data file of at most {MAX_BYTES} bytes, found {size} bytes"
            ),
        });
    }
    let text = std::fs::read(path).map_err(read_error)?;
    let row_error = |line: u64, message: String| CsvError::Row {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_slice());
    let header = reader
        .headers()
        .map_err(|e| row_error(1, e.to_string()))?
        .clone();
    if header.iter().all(str::is_empty) {
        return Err(CsvError::Empty {
            path: path.to_path_buf(),
        });
    }
    let width = inputs + outputs;
    if header.len() != width {
        return Err(row_error(
            1,
            format!(
                "expected {width} columns ({inputs} then {outputs}, the input and target widths from `layers`), found {} in the header",
                header.len()
            ),
        ));
    }
    let (mut xs, mut ds) = (Vec::new(), Vec::new());
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            match e.kind() {
                csv::ErrorKind::Utf8 { .. } => row_error(
                    line,
                    "expected UTF-8 text, found other bytes; save the file as UTF-8".into(),
                ),
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => row_error(
                    line,
                    format!("expected {expected_len} fields like the header, found {len}"),
                ),
                _ => row_error(line, e.to_string()),
            }
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != width {
            return Err(row_error(
                line,
                format!("expected {width} fields, found {}", record.len()),
            ));
        }
        let mut values = Vec::with_capacity(width);
        for (field, column) in record.iter().zip(header.iter()) {
            if field.is_empty() {
                return Err(row_error(
                    line,
                    format!("column `{column}`: expected a number, found an empty field"),
                ));
            }
            let value: f64 = field.parse().map_err(|_| {
                row_error(
                    line,
                    format!("column `{column}`: expected a number, found `{field}`"),
                )
            })?;
            if !value.is_finite() {
                return Err(row_error(
                    line,
                    format!("column `{column}`: expected a finite number, found `{field}`"),
                ));
            }
            values.push(value);
        }
        ds.push(values.split_off(inputs));
        xs.push(values);
    }
    if xs.is_empty() {
        return Err(CsvError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(Dataset::from_rows(&xs, &ds))
}
