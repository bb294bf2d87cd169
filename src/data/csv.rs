//! Loading samples from a CSV file with a header row: chosen feature columns, and either a
//! class column (one-hot targets, class names kept), chosen numeric target columns, or by
//! default the last columns as targets.
//!
//! The file is read as a stream, each row's numbers going straight into the data set's
//! buffers, so memory stays near the numbers' own size: at most [`MAX_NUMBERS`] numbers and
//! [`MAX_BYTES`] bytes. Errors quote a file only in short, escaped excerpts
//! ([`crate::text::untrusted::excerpt`]).

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Dataset, MAX_NUMBERS};
use crate::text::untrusted::{excerpt, excerpts, printable};
use crate::words;

/// The largest data file read, in bytes.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The longest line of a data file, in bytes: a row of 8 192 numbers of 25 characters (the
/// widest input and output layers) with as many columns left unused fits several times; a
/// longer line is refused before it is held whole in memory.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// What went wrong reading a data file.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The file could not be opened or read.
    #[error("{}", words!(
        "error-csv-read",
        file = crate::text::untrusted::path(path),
        reason = source.to_string()
    ))]
    Read {
        /// the file
        path: PathBuf,
        /// why
        source: std::io::Error,
    },
    /// The file has no header or no samples.
    #[error("{}", words!("error-csv-empty", file = crate::text::untrusted::path(path)))]
    Empty {
        /// the file
        path: PathBuf,
    },
    /// A row (line 1 is the header) is malformed.
    #[error("{}:{line}: {message}", crate::text::untrusted::path(path))]
    Row {
        /// the file
        path: PathBuf,
        /// 1-based line in the file
        line: u64,
        /// what was expected and what was found
        message: String,
    },
}

/// Which columns are inputs and which are targets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// The input columns, in order (default: every column that is not a target).
    pub features: Option<Vec<String>>,
    /// A column of class names, turned into one-hot targets (0/1 with one output).
    pub class_column: Option<String>,
    /// Numeric target columns (default, without a class column: the last columns).
    pub target_columns: Option<Vec<String>>,
}

/// Reads `path`.
pub fn load(
    path: &Path,
    inputs: usize,
    outputs: usize,
    columns: &Columns,
) -> Result<Dataset, CsvError> {
    let read_error = |source| CsvError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_BYTES {
        return Err(CsvError::Row {
            path: path.to_path_buf(),
            line: 0,
            message: words!(
                "error-csv-too-large",
                limit = MAX_BYTES.to_string(),
                bytes = size.to_string()
            ),
        });
    }
    read(path, file.take(MAX_BYTES), inputs, outputs, columns)
}

/// Reads CSV text (named `path` in errors) for a network with `inputs` inputs and `outputs`
/// outputs.
pub fn parse(
    path: &Path,
    bytes: &[u8],
    inputs: usize,
    outputs: usize,
    columns: &Columns,
) -> Result<Dataset, CsvError> {
    read(path, bytes, inputs, outputs, columns)
}

/// Reads CSV from `input` (named `path` in errors).
fn read(
    path: &Path,
    input: impl Read,
    inputs: usize,
    outputs: usize,
    columns: &Columns,
) -> Result<Dataset, CsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(LineEndings::new(input));
    let names: Vec<String> = reader
        .headers()
        .map_err(|e| row_error(path, long_line(&e).unwrap_or(1), plain(&e)))?
        .iter()
        .map(str::to_string)
        .collect();
    if names.iter().all(String::is_empty) {
        return Err(CsvError::Empty {
            path: path.to_path_buf(),
        });
    }
    let header = Header { path, names };
    header.unique()?;
    let layout = header.layout(columns, inputs, outputs)?;
    let mut samples = Samples::default();
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader.read_record(&mut record).map_err(|e| {
            let line = long_line(&e).or(e.position().map(csv::Position::line));
            row_error(path, line.unwrap_or(0), plain(&e))
        })?;
        if !more {
            break;
        }
        header.read(&record, &layout, outputs, &mut samples)?;
    }
    if samples.count == 0 {
        return Err(CsvError::Empty {
            path: path.to_path_buf(),
        });
    }
    header.dataset(samples, &layout, outputs)
}

/// A reader that turns every line ending (CRLF, or a lone CR) into LF, so that the csv
/// reader counts lines the same in every file (it counts one too few after a CRLF), and that
/// fails on a line longer than [`MAX_LINE_BYTES`] ([`LongLine`]).
struct LineEndings<R> {
    inner: R,
    after_cr: bool,
    /// The 1-based line being read, and its bytes so far.
    line: u64,
    length: usize,
}

impl<R> LineEndings<R> {
    fn new(inner: R) -> Self {
        LineEndings {
            inner,
            after_cr: false,
            line: 1,
            length: 0,
        }
    }
}

impl<R: Read> Read for LineEndings<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            let mut kept = 0;
            for i in 0..n {
                let byte = buf[i];
                if !(byte == b'\n' && self.after_cr) {
                    buf[kept] = if byte == b'\r' { b'\n' } else { byte };
                    self.count(buf[kept])?;
                    kept += 1;
                }
                self.after_cr = byte == b'\r';
            }
            if kept > 0 || n == 0 {
                return Ok(kept);
            }
        }
    }
}

impl<R> LineEndings<R> {
    /// Counts one byte passed on: a new line, or one more byte of this one.
    fn count(&mut self, byte: u8) -> std::io::Result<()> {
        if byte == b'\n' {
            self.line += 1;
            self.length = 0;
        } else {
            self.length += 1;
            if self.length > MAX_LINE_BYTES {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    LongLine(self.line),
                ));
            }
        }
        Ok(())
    }
}

/// The line of a data file that is longer than [`MAX_LINE_BYTES`].
#[derive(Debug)]
struct LongLine(u64);

impl std::fmt::Display for LongLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let limit = MAX_LINE_BYTES.to_string();
        f.write_str(&words!("error-csv-long-line", limit = limit))
    }
}

impl std::error::Error for LongLine {}

/// The line a csv error is about when it is a line too long to read.
fn long_line(e: &csv::Error) -> Option<u64> {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.get_ref()?.downcast_ref::<LongLine>().map(|l| l.0),
        _ => None,
    }
}

/// A malformed row: `line` of `path` (1 is the header).
fn row_error(path: &Path, line: u64, message: String) -> CsvError {
    CsvError::Row {
        path: path.to_path_buf(),
        line,
        message,
    }
}

/// A data file's header row, and the file's name for errors.
struct Header<'a> {
    path: &'a Path,
    names: Vec<String>,
}

/// Which columns of the header are features, numeric targets and the class.
struct Layout {
    features: Vec<usize>,
    targets: Vec<usize>,
    class: Option<usize>,
}

/// The rows read so far, one sample after another: features, numeric targets or class
/// labels, and the class names (as in the file) in order of first appearance.
#[derive(Default)]
struct Samples {
    count: usize,
    inputs: Vec<f64>,
    targets: Vec<f64>,
    labels: Vec<usize>,
    classes: Vec<String>,
}

impl Header<'_> {
    fn error(&self, line: u64, message: String) -> CsvError {
        row_error(self.path, line, message)
    }

    /// Column `i`'s name, as an error shows it.
    fn name(&self, i: usize) -> String {
        excerpt(&self.names[i])
    }

    /// Refuses two columns of the same name (a chosen column would be ambiguous).
    fn unique(&self) -> Result<(), CsvError> {
        let mut seen = std::collections::HashMap::new();
        for (i, name) in self.names.iter().enumerate() {
            if let Some(first) = seen.insert(name.as_str(), i) {
                return Err(self.error(
                    1,
                    words!(
                        "error-csv-duplicate-column",
                        first = (first + 1).to_string(),
                        second = (i + 1).to_string(),
                        name = self.name(i)
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The index of the column called `name`.
    fn find(&self, name: &str) -> Result<usize, CsvError> {
        self.names.iter().position(|h| h == name).ok_or_else(|| {
            self.error(
                1,
                words!(
                    "error-csv-unknown-column",
                    name = excerpt(name),
                    header = excerpts(&self.names)
                ),
            )
        })
    }
    /// The columns that `columns` chooses, checked against `inputs` and `outputs`.
    fn layout(&self, columns: &Columns, inputs: usize, outputs: usize) -> Result<Layout, CsvError> {
        let class = columns
            .class_column
            .as_deref()
            .map(|n| self.find(n))
            .transpose()?;
        let targets: Vec<usize> = match (&columns.target_columns, class) {
            (Some(names), _) => names
                .iter()
                .map(|n| self.find(n))
                .collect::<Result<_, _>>()?,
            (None, Some(_)) => Vec::new(),
            (None, None) => {
                let n = self.names.len();
                if n <= outputs {
                    return Err(self.error(
                        1,
                        words!(
                            "error-csv-columns",
                            outputs = outputs.to_string(),
                            found = n.to_string()
                        ),
                    ));
                }
                (n - outputs..n).collect()
            }
        };
        let features: Vec<usize> = match &columns.features {
            Some(names) => names
                .iter()
                .map(|n| self.find(n))
                .collect::<Result<_, _>>()?,
            None => (0..self.names.len())
                .filter(|i| !targets.contains(i) && Some(*i) != class)
                .collect(),
        };
        if features.len() != inputs {
            return Err(self.error(
                1,
                words!(
                    "error-csv-features",
                    inputs = inputs.to_string(),
                    found = features.len().to_string(),
                    names = excerpts(
                        &features
                            .iter()
                            .map(|i| self.names[*i].as_str())
                            .collect::<Vec<_>>()
                    )
                ),
            ));
        }
        if class.is_none() && targets.len() != outputs {
            return Err(self.error(
                1,
                words!(
                    "error-csv-targets",
                    outputs = outputs.to_string(),
                    found = targets.len().to_string()
                ),
            ));
        }
        Ok(Layout {
            features,
            targets,
            class,
        })
    }

    /// Adds one row to `samples`, refusing it when the data set would hold more than
    /// [`MAX_NUMBERS`] numbers or (with a class column) more classes than `outputs` take.
    fn read(
        &self,
        record: &csv::StringRecord,
        layout: &Layout,
        outputs: usize,
        samples: &mut Samples,
    ) -> Result<(), CsvError> {
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != self.names.len() {
            return Err(self.error(line, fields(self.names.len(), record.len())));
        }
        let each = layout.features.len() + layout.class.map_or(layout.targets.len(), |_| outputs);
        if (samples.count + 1).saturating_mul(each) > MAX_NUMBERS {
            return Err(self.error(
                line,
                words!(
                    "error-csv-too-many-numbers",
                    max = MAX_NUMBERS.to_string(),
                    each = each.to_string()
                ),
            ));
        }
        for i in &layout.features {
            samples.inputs.push(self.number(&record[*i], *i, line)?);
        }
        match layout.class {
            Some(c) => {
                let label = self.label(&record[c], c, line, outputs, &mut samples.classes)?;
                samples.labels.push(label);
            }
            None => {
                for i in &layout.targets {
                    samples.targets.push(self.number(&record[*i], *i, line)?);
                }
            }
        }
        samples.count += 1;
        Ok(())
    }

    /// The position of class `name` (of column `c`, on `line`) in `classes`, adding it;
    /// refused when it is empty or one more than `outputs` take.
    fn label(
        &self,
        name: &str,
        c: usize,
        line: u64,
        outputs: usize,
        classes: &mut Vec<String>,
    ) -> Result<usize, CsvError> {
        if name.is_empty() {
            return Err(self.error(line, words!("error-csv-class-empty", column = self.name(c))));
        }
        if let Some(k) = classes.iter().position(|k| k == name) {
            return Ok(k);
        }
        classes.push(name.to_string());
        let wanted = wanted_classes(outputs);
        if classes.len() > wanted {
            return Err(self.error(
                line,
                words!(
                    "error-csv-classes-more",
                    column = self.name(c),
                    classes = excerpts(classes),
                    outputs = outputs.to_string(),
                    wanted = wanted.to_string()
                ),
            ));
        }
        Ok(classes.len() - 1)
    }

    /// `field` of column `i` on `line`, as a finite number.
    fn number(&self, field: &str, i: usize, line: u64) -> Result<f64, CsvError> {
        let column = self.name(i);
        if field.is_empty() {
            return Err(self.error(line, words!("error-csv-number-empty", column = column)));
        }
        match field.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            Ok(_) => Err(self.error(
                line,
                words!(
                    "error-csv-not-finite",
                    column = column.clone(),
                    field = excerpt(field)
                ),
            )),
            Err(_) => Err(self.error(
                line,
                words!(
                    "error-csv-not-number",
                    column = column,
                    field = excerpt(field)
                ),
            )),
        }
    }

    /// The data set of `samples`; class labels become one-hot targets (0/1 with one output)
    /// once the number of classes is checked against `outputs`. Class names are kept
    /// printable, for every screen and file that shows them.
    fn dataset(
        &self,
        samples: Samples,
        layout: &Layout,
        outputs: usize,
    ) -> Result<Dataset, CsvError> {
        let Samples {
            count,
            inputs,
            targets,
            labels,
            classes,
        } = samples;
        let targets = match layout.class {
            None => nalgebra::DMatrix::from_vec(layout.targets.len(), count, targets),
            Some(c) => {
                let wanted = wanted_classes(outputs);
                if classes.len() != wanted {
                    return Err(self.error(
                        1,
                        words!(
                            "error-csv-classes",
                            column = self.name(c),
                            found = classes.len().to_string(),
                            classes = excerpts(&classes),
                            outputs = outputs.to_string(),
                            wanted = wanted.to_string()
                        ),
                    ));
                }
                nalgebra::DMatrix::from_fn(outputs, count, |j, s| {
                    let k = labels[s];
                    if outputs == 1 {
                        k as f64
                    } else {
                        f64::from(u8::from(j == k))
                    }
                })
            }
        };
        Ok(Dataset {
            inputs: nalgebra::DMatrix::from_vec(layout.features.len(), count, inputs),
            targets,
            classes: classes.iter().map(|name| printable(name)).collect(),
        })
    }
}

/// How many classes a class column needs for `outputs` outputs (one output holds two, as
/// 0/1).
fn wanted_classes(outputs: usize) -> usize {
    if outputs == 1 { 2 } else { outputs }
}

/// "expected N fields like the header, found M".
fn fields(expected: usize, found: usize) -> String {
    words!(
        "error-csv-fields",
        expected = expected.to_string(),
        found = found.to_string()
    )
}

/// A csv error in plain words.
fn plain(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => words!("error-csv-utf"),
        csv::ErrorKind::Io(io) if long_line(e).is_some() => {
            io.get_ref().map(ToString::to_string).unwrap_or_default()
        }
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => fields(*expected_len as usize, *len as usize),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(
        text: &str,
        inputs: usize,
        outputs: usize,
        columns: &Columns,
    ) -> Result<Dataset, CsvError> {
        parse(
            Path::new("t.csv"),
            text.as_bytes(),
            inputs,
            outputs,
            columns,
        )
    }

    #[test]
    fn a_class_column_becomes_one_hot_with_its_names() {
        let text = "a,b,kind\n1,2,cat\n3,4,dog\n5,6,cat\n7,8,emu\n";
        let columns = Columns {
            class_column: Some("kind".into()),
            ..Columns::default()
        };
        let d = parse_text(text, 2, 3, &columns).unwrap();
        assert_eq!(d.classes, ["cat", "dog", "emu"]);
        assert_eq!(d.targets.column(1).as_slice(), &[0.0, 1.0, 0.0]);
        assert_eq!(d.inputs.column(3).as_slice(), &[7.0, 8.0]);
        let e = parse_text(text, 2, 2, &columns).unwrap_err().to_string();
        assert!(
            e.starts_with("t.csv:5: column `kind` has more than 2 classes (cat, dog, emu)"),
            "{e}"
        );
        let e = parse_text("a,b,kind\n1,2,cat\n", 2, 2, &columns)
            .unwrap_err()
            .to_string();
        assert!(e.contains("has 1 classes (cat)"), "{e}");
    }

    #[test]
    fn chosen_features_and_targets_by_name() {
        let text = "x,noise,y\n1,9,0.5\n2,9,0.25\n";
        let columns = Columns {
            features: Some(vec!["x".into()]),
            target_columns: Some(vec!["y".into()]),
            ..Columns::default()
        };
        let d = parse_text(text, 1, 1, &columns).unwrap();
        assert_eq!(d.inputs.as_slice(), &[1.0, 2.0]);
        assert_eq!(d.targets.as_slice(), &[0.5, 0.25]);
        let bad = Columns {
            features: Some(vec!["z".into()]),
            ..columns
        };
        let e = parse_text(text, 1, 1, &bad).unwrap_err().to_string();
        assert_eq!(
            e,
            "t.csv:1: unknown column `z`; the header has: x, noise, y"
        );
    }

    #[test]
    fn bad_rows_name_their_line_and_column() {
        let columns = Columns::default();
        let e = |text: &str| parse_text(text, 1, 1, &columns).unwrap_err().to_string();
        assert_eq!(
            e("a,b\n1,2\n3\n"),
            "t.csv:3: expected 2 fields like the header, found 1"
        );
        assert_eq!(
            e("a,b\n1,\n"),
            "t.csv:2: column `b`: expected a number, found an empty field"
        );
        assert_eq!(
            e("a,b\nx,1\n"),
            "t.csv:2: column `a`: expected a number, found `x`"
        );
        assert!(e("").contains("empty"));
        assert!(e("a,b\n").contains("empty"));
    }
}
